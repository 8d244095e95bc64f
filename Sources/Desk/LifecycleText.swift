/// The fixed sentences of the life-cycle mails in Dutch and English (`Lifecycle.TextKey`), and the names of
/// statuses and change phases as a requester reads them. Templates hold the letter; these fill its blanks.
public enum LifecycleText {
    /// The sentence for `value` when it is a `Lifecycle.TextKey`, else `value` itself (an agent's reason).
    /// A key followed by `: text` (`@test-failed: VLAN unreachable`) becomes the sentence and the text.
    /// `counts` fills `{confirmation}`, `{management}`, `{directie}` (werkdagen, as configured).
    public static func render(_ value: String, language: String, counts: [String: Int] = [:]) -> String {
        guard value.hasPrefix("@") else { return value }
        var key = value
        var rest = ""
        if let colon = value.range(of: ": ") {
            key = String(value[..<colon.lowerBound])
            rest = String(value[colon.upperBound...])
        }
        guard let pair = sentences[key] else { return value }
        var sentence = language == "en" ? pair.1 : pair.0
        for (name, count) in ["confirmation": 5, "management": 2, "directie": 5].merging(counts, uniquingKeysWith: { _, new in new }) {
            sentence = sentence.replacingOccurrences(of: "{\(name)}", with: "\(count)")
        }
        return rest.isEmpty ? sentence : sentence + " " + rest
    }

    static let sentences: [String: (String, String)] = [
        Lifecycle.TextKey.statusChanged: ("De status van uw melding is gewijzigd.", "The status of your case has changed."),
        Lifecycle.TextKey.stillWorking: ("Wij werken nog aan uw melding. Zodra er nieuws is, hoort u het van ons.",
                                         "We are still working on your case. You will hear from us as soon as there is news."),
        Lifecycle.TextKey.closedByDesk: ("De servicedesk heeft uw melding afgesloten.", "The service desk has closed your case."),
        Lifecycle.TextKey.closedAsInteraction: ("Uw vraag is beantwoord; de melding is afgesloten.",
                                                "Your question has been answered; the case is closed."),
        Lifecycle.TextKey.closedConfirmed: ("U heeft bevestigd dat het probleem is opgelost. Dank u wel.",
                                            "You confirmed that the problem is solved. Thank you."),
        Lifecycle.TextKey.closedNoAnswer: ("Wij hebben binnen {confirmation} werkdagen geen reactie ontvangen en gaan ervan uit dat het probleem is opgelost.",
                                           "We received no reaction within {confirmation} working days and assume the problem is solved."),
        Lifecycle.TextKey.stillFailing: ("U heeft laten weten dat het nog steeds niet werkt.", "You let us know that it still does not work."),
        Lifecycle.TextKey.requesterAsked: ("U heeft om escalatie gevraagd.", "You asked for escalation."),
        Lifecycle.TextKey.agentAsked: ("De servicedesk heeft de melding geëscaleerd.", "The service desk escalated the case."),
        Lifecycle.TextKey.breach: ("De afgesproken oplostijd is verstreken.", "The agreed resolution time has passed."),
        Lifecycle.TextKey.complaintTwoDays: ("De klacht is na {management} werkdagen nog niet opgelost en gaat naar het management.",
                                             "The complaint has not been resolved within {management} working days and goes to management."),
        Lifecycle.TextKey.complaintFiveDays: ("De klacht is na {directie} werkdagen nog niet opgelost en gaat naar de directie.",
                                              "The complaint has not been resolved within {directie} working days and goes to the board of directors."),
        Lifecycle.TextKey.majorDeclared: ("Deze storing is aangemerkt als grote storing (major incident). Wij houden u op de hoogte.",
                                          "This outage has been declared a major incident. We will keep you informed."),
        Lifecycle.TextKey.majorResolved: ("De grote storing is opgelost.", "The major incident has been resolved."),
        Lifecycle.TextKey.majorClosed: ("De grote storing is afgesloten. Wij evalueren wat er is gebeurd.",
                                        "The major incident is closed. We will review what happened."),
        Lifecycle.TextKey.testFailed: ("De test is mislukt; de wijziging gaat terug naar de bouwfase.",
                                       "The test failed; the change goes back to the build phase."),
        Lifecycle.TextKey.rolledBack: ("De wijziging is teruggedraaid.", "The change has been rolled back."),
        Lifecycle.TextKey.changeApprovedNext: ("Wij nemen contact met u op om de uitvoering in te plannen.",
                                               "We will contact you to plan the implementation."),
        Lifecycle.TextKey.requestApprovedNext: ("Wij voeren uw verzoek nu uit en laten u weten wanneer het klaar is.",
                                                "We will now carry out your request and let you know when it is done."),
        Lifecycle.TextKey.approvalNext: ("Wij vragen nu akkoord aan de ICT-contactpersoon van uw school.",
                                         "We are now asking the ICT contact of your school for approval."),
        Lifecycle.TextKey.workContinues: ("Wij gaan verder met uw melding.", "We will continue with your case."),
        Lifecycle.TextKey.breachComplete: ("Wij hebben alle gegevens die nodig zijn om het datalek te beoordelen.",
                                           "We have all the facts needed to assess the data breach."),
    ]

    public static func status(_ status: CaseStatus, language: String) -> String {
        let en = language == "en"
        switch status {
        case .registered: return en ? "registered" : "geregistreerd"
        case .inProgress: return en ? "in progress" : "in behandeling"
        case .onHold: return en ? "waiting" : "in de wacht"
        case .resolved: return en ? "resolved" : "opgelost"
        case .closed: return en ? "closed" : "gesloten"
        case .refused: return en ? "not started" : "niet in behandeling genomen"
        }
    }
}
