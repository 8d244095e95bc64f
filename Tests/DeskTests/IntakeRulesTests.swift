import Desk
import Foundation
import Testing

@Suite("Intake decisions")
struct IntakeRulesTests {
    let rules: IntakeRules

    init() throws {
        rules = IntakeRules(catalog: try DeskFixtures.catalog())
    }

    @Test("R-CASE-5 P1 from \"Impact: hoog / Urgentie: hoog\", with the phone advice of R-INC-2")
    func p1FromStatedValues() throws {
        let d = rules.decide(
            subject: "Geen internet op De Regenboog",
            text: "Sinds 10:00 werkt het netwerk niet, niemand kan online.\nImpact: hoog / Urgentie: hoog",
            requester: DeskFixtures.gebruiker,
            at: try DeskFixtures.at("2025-03-17T10:05:00+01:00")
        )
        #expect(d.type == .incident)
        #expect(d.priority == .p1)
        #expect(d.priorityBasis == .matrix)
        #expect(d.impact == .high)
        #expect(d.urgency == .high)
        #expect(d.replies == [.p1PhoneAdvice(onCall: false)])
        #expect(d.phoneNumber == "074 240 46 66")
        #expect(d.phoneLineOpen)
        // DAP R-INC-5: P1 reaction 0.5 werkuur, resolution 4.
        #expect(d.reactionDeadline == (try DeskFixtures.at("2025-03-17T10:35:00+01:00")))
        #expect(d.resolutionDeadline == (try DeskFixtures.at("2025-03-17T14:05:00+01:00")))
        #expect(d.warningAt == (try DeskFixtures.at("2025-03-17T13:05:00+01:00")))
    }

    @Test("R-INC-2 the phone number is configurable and only a P1 incident gets the phone advice")
    func phoneNumber() throws {
        var custom = rules
        custom.phoneNumber = "074 000 00 00"
        let at = try DeskFixtures.at("2025-03-17T10:00:00+01:00")
        let p1 = custom.decide(
            subject: "Storing", text: "Alles ligt eruit. Impact: hoog\nUrgentie: hoog",
            requester: DeskFixtures.gebruiker, at: at)
        #expect(p1.phoneNumber == "074 000 00 00")
        #expect(p1.replies.contains(.p1PhoneAdvice(onCall: false)))
        let p4 = custom.decide(
            subject: "Printer", text: "De printer doet het niet, foutmelding.", requester: DeskFixtures.gebruiker,
            at: at)
        #expect(p4.priority == .p4)
        #expect(p4.replies.isEmpty)
    }

    @Test("R-SEC-1 a data-breach mail is a P1 security incident and the reply says to call now")
    func dataBreach() throws {
        let d = rules.decide(
            subject: "Mail met cijfers naar verkeerde ouders",
            text: """
                Per ongeluk is een lijst met namen en Cito-scores van 28 leerlingen naar de verkeerde ouders gestuurd.
                Dit is een datalek.
                Impact: laag
                """,
            requester: DeskFixtures.gebruiker,
            at: try DeskFixtures.at("2025-03-17T09:00:00+01:00")
        )
        #expect(d.type == .security)
        #expect(d.priority == .p1)
        #expect(d.priorityBasis == .security)
        #expect(d.replies == [.securityCallNow(onCall: false)])
        #expect(d.reactionDeadline == (try DeskFixtures.at("2025-03-17T09:30:00+01:00")))
    }

    @Test("R-INC-3 a P1 mailed at 18:30 on a werkdag by an on-call organisation gets the on-call text")
    func onCall() throws {
        let at = try DeskFixtures.at("2025-03-17T18:30:00+01:00")
        let text = "Het hele netwerk ligt eruit, niemand kan werken. Impact: hoog, Urgentie: hoog"
        let d = rules.decide(subject: "Storing netwerk", text: text, requester: DeskFixtures.gebruiker, at: at)
        #expect(d.priority == .p1)
        #expect(d.replies == [.p1PhoneAdvice(onCall: true)])
        #expect(d.onCallReactionMinutes == 60)
        #expect(!d.phoneLineOpen)
        // The SLA clock still counts werkuren only (R-CASE-7): reaction due Tuesday 08:30.
        #expect(d.reactionDeadline == (try DeskFixtures.at("2025-03-18T08:30:00+01:00")))
    }

    @Test(
        "R-INC-3 no on-call text without the flag, after 22:00, at weekends or on holidays",
        arguments: [
            ("2025-03-17T18:30:00+01:00", false),  // organisation without the on-call service
            ("2025-03-17T22:00:00+01:00", true),
            ("2025-03-17T16:30:00+01:00", true),  // office hours: the phone line is open anyway
            ("2025-03-15T18:30:00+01:00", true),  // Saturday
            ("2026-04-27T18:30:00+02:00", true),  // King's Day
        ])
    func noOnCall(iso: String, onCallOrganisation: Bool) throws {
        let requester = onCallOrganisation ? DeskFixtures.gebruiker : DeskFixtures.oakfieldUser
        let d = rules.decide(
            subject: "Network down", text: "The whole school has no internet. Impact: high, Urgency: high",
            requester: requester, at: try DeskFixtures.at(iso)
        )
        #expect(d.priority == .p1)
        #expect(d.replies == [.p1PhoneAdvice(onCall: false)])
        #expect(d.onCallReactionMinutes == nil)
    }

    @Test("R-INC-3 a security incident out of hours also states the on-call reaction")
    func securityOnCall() throws {
        let d = rules.decide(
            subject: "Ransomware", text: "Alle bestanden zijn versleuteld, ransomware!",
            requester: DeskFixtures.gebruiker, at: try DeskFixtures.at("2025-03-17T19:00:00+01:00"))
        #expect(d.replies == [.securityCallNow(onCall: true)])
    }

    @Test("R-INC-5 a mail at Friday 16:30 with a 1-werkuur reaction target is due Monday 08:30")
    func fridayIncident() throws {
        // Impact medium (one group) × urgency high → P2, reaction 1 werkuur.
        let d = rules.decide(
            subject: "Chromebooks groep 6",
            text: "De hele klas kan niet inloggen op de Chromebooks, foutmelding bij het inloggen. Urgentie: hoog",
            requester: DeskFixtures.gebruiker,
            at: try DeskFixtures.at("2025-03-14T16:30:00+01:00")
        )
        #expect(d.type == .incident)
        #expect(d.priority == .p2)
        #expect(d.reactionDeadline == (try DeskFixtures.at("2025-03-17T08:30:00+01:00")))
    }

    @Test("R-CASE-7 mail is accepted 24/7; the clock starts at the next werkuur")
    func weekend() throws {
        let d = rules.decide(
            subject: "Printer kapot", text: "De printer doet het niet meer, foutcode SC542.",
            requester: DeskFixtures.gebruiker, at: try DeskFixtures.at("2025-03-15T11:00:00+01:00"))
        #expect(d.type == .incident)
        #expect(d.priority == .p4)
        #expect(d.reactionDeadline == (try DeskFixtures.at("2025-03-17T16:00:00+01:00")))
        #expect(d.receivedAt == (try DeskFixtures.at("2025-03-15T11:00:00+01:00")))
    }

    @Test("R-AUTH-2 a refused change is not started and the reply names who may submit it")
    func refusal() throws {
        let d = rules.decide(
            subject: "Firewall aanpassen",
            text: "Graag poort 8443 openzetten op de firewall richting onze nieuwe server. Dit is een wijziging.",
            requester: DeskFixtures.schoolICT,
            at: try DeskFixtures.at("2025-03-17T10:00:00+01:00")
        )
        #expect(d.type == .change)
        #expect(d.changeKind == .normal)
        #expect(!d.startsWork)
        #expect(d.sla == nil)
        #expect(d.replies == [.refusal(allowedSubmitters: [DeskFixtures.sanne])])
        let allowed = rules.decide(
            subject: "Firewall aanpassen", text: "Graag poort 8443 openzetten op de firewall. Dit is een wijziging.",
            requester: DeskFixtures.stichtingICT, at: try DeskFixtures.at("2025-03-17T10:00:00+01:00"))
        #expect(allowed.authorisation == .allowed)
        #expect(allowed.startsWork)
        // DAP R-CHG-5: a normal change has no SLA clock.
        #expect(allowed.sla == nil)
    }

    @Test("R-AUTH-2 a gebruiker's standard change is refused; a school-ict's runs with an SLA clock")
    func standardChange() throws {
        let at = try DeskFixtures.at("2025-03-17T10:00:00+01:00")
        let text = "Kunnen jullie www.schooltv.nl vrijgeven in het webfilter? Leerlingen krijgen een blokkeerpagina."
        let refused = rules.decide(subject: "Website vrijgeven", text: text, requester: DeskFixtures.gebruiker, at: at)
        #expect(refused.changeKind == .standard)
        #expect(refused.replies == [.refusal(allowedSubmitters: [DeskFixtures.tom, DeskFixtures.sanne])])
        let allowed = rules.decide(subject: "Website vrijgeven", text: text, requester: DeskFixtures.schoolICT, at: at)
        #expect(allowed.startsWork)
        #expect(allowed.sla != nil)
    }

    @Test("R-AUTH-1 an unknown sender gets a case for triage and a reply that the organisation is unknown")
    func unknownSender() throws {
        let at = try DeskFixtures.at("2025-03-17T10:00:00+01:00")
        let d = rules.decide(
            subject: "Printer", text: "De printer doet het niet, foutmelding.", requester: DeskFixtures.stranger, at: at
        )
        #expect(d.authorisation == .unidentified)
        #expect(d.replies == [.unknownOrganisation])
        #expect(d.startsWork)
        #expect(d.sla != nil)
        let change = rules.decide(
            subject: "[Wijziging] VLAN", text: "Graag een nieuw VLAN.", requester: DeskFixtures.stranger, at: at)
        #expect(change.authorisation == .unidentified)
        #expect(!change.startsWork)
        #expect(change.replies == [.unknownOrganisation])
    }

    @Test("R-REQ-1 a request's catalog item sets its lead time, approval and missing information")
    func request() throws {
        let d = rules.decide(
            subject: "Nieuwe collega",
            text: "Graag een account aanmaken voor onze nieuwe collega.\nNaam: Sophie de Boer\nStartdatum: 1 april",
            requester: DeskFixtures.schoolICT,
            at: try DeskFixtures.at("2025-03-17T09:00:00+01:00")
        )
        #expect(d.type == .request)
        #expect(d.catalogItem?.name == "Account nieuwe medewerker of leerling")
        #expect(d.needsApproval)
        #expect(d.missingInformation == ["Functie", "Locatie"])
        #expect(d.replies == [.missingInformation(["Functie", "Locatie"])])
        // Lead time 3 werkdagen = 27 werkuren: Monday 09:00 → Thursday 09:00.
        #expect(d.resolutionDeadline == (try DeskFixtures.at("2025-03-20T09:00:00+01:00")))
    }

    @Test("R-CMP-2 a complaint has no priority and copies the account manager")
    func complaint() throws {
        let d = rules.decide(
            subject: "Klacht", text: "Ik wil een klacht indienen over de wachttijd.", requester: DeskFixtures.gebruiker,
            at: try DeskFixtures.at("2025-03-17T09:00:00+01:00"))
        #expect(d.type == .complaint)
        #expect(d.priority == nil)
        #expect(d.priorityBasis == .none)
        #expect(d.copyTo == ["accountmanager@cloudwise.test"])
        #expect(d.replies == [.complaintRegistered])
        #expect(d.sla == nil)
    }

    @Test("R-CASE-4 a question has no priority and no SLA clock, and the language follows the mail")
    func question() throws {
        let d = IntakeRules.decide(
            subject: "Question about Teams", text: "How long are Teams recordings kept? Thanks!",
            requester: DeskFixtures.oakfieldUser, at: try DeskFixtures.at("2025-03-17T09:00:00+01:00"), rules: rules
        )
        #expect(d.type == .question)
        #expect(d.priority == nil)
        #expect(d.sla == nil)
        #expect(d.language == .en)
    }
}
