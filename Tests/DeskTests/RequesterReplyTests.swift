import Desk
import Testing

@Suite("A requester's reply: confirmed, still failing, escalation")
struct RequesterReplyTests {
    private func read(_ text: String, subject: String = "Re: [CS0000123] Printer lokaal 12") -> RequesterReplyIntent {
        RequesterReply.read(subject: subject, text: text)
    }

    // MARK: - DAP R-INC-8: confirmed

    @Test(
        "R-INC-8 a reply that confirms closes the incident",
        arguments: [
            "Bedankt! Werkt weer.", "Het werkt weer, dank je wel.", "Ja", "Ja hoor, alles werkt.", "Klopt.",
            "Akkoord", "Het is opgelost.", "Opgelost, bedankt!", "Bedankt, het werkt.", "De melding mag gesloten worden.",
            "Mag dicht.", "Top, de printer doet het weer!", "Prima, dank u wel.", "Bedankt!", "Dank je wel voor de hulp",
            "Hij werkt nu, bedankt voor de snelle hulp.", "Yes", "Yes, it works again.", "Works now, thanks!",
            "It's fixed, thank you.", "Confirmed.", "You can close the ticket.", "Thank you very much!",
            "Thanks, everything works now.", "Ja, het is verholpen.", "Geen problemen meer, bedankt.",
            "Goedemorgen,\n\nIk heb de laptop opnieuw opgestart.\nHet lijkt nu goed te gaan.\n\nGroet,\nKees", "OK",
            "Werkt!", "Gelukt!", "Dank voor de snelle oplossing.", "Works for me now, thanks!",
            "Nee hoor, het werkt prima nu.", "No problems since, thanks.",
        ])
    func confirmed(text: String) {
        #expect(read(text) == .confirmed)
    }

    // MARK: - DAP R-INC-8: still failing

    @Test(
        "R-INC-8 a reply that says it still fails reopens the incident",
        arguments: [
            "Werkt nog steeds niet", "Ja, maar het werkt nog steeds niet.", "Het werkt nog niet.",
            "Helaas, de printer doet het nog steeds niet.", "Nog steeds hetzelfde probleem.", "Nog steeds kapot!",
            "Het probleem is er nog.", "Dit is niet opgelost.", "Het is niet verholpen.", "Het is weer kapot.",
            "Bedankt, maar het werkt helaas nog niet.", "Nee", "Nee, helaas.", "No.",
            "Waarom werkt het nog steeds niet?", "Het herstarten heeft niet geholpen.", "Lukt nog steeds niet.",
            "Still not working.", "It still doesn't work.", "Still broken", "Not fixed, sorry.",
            "The problem is back since this morning.", "Thanks, but it is not resolved.", "Same problem as before.",
            "Het werkt niet.", "Het digibord werkt nog altijd niet.", "Helaas.", "Het werkt bijna.", "Niet gelukt.",
            "Het is alweer kapot.", "Hij doet het weer, maar de scanner nog niet.",
            "Hallo,\nDe printer in de personeelskamer print weer, maar de printer in lokaal 4 geeft nog steeds een papierstoring.",
            "It didn't work.", "The printer works again but the scanner still doesn't.",
        ])
    func stillFailing(text: String) {
        #expect(read(text) == .stillFailing)
    }

    // MARK: - DAP R-ESC-2: escalation

    @Test(
        "R-ESC-2 a reply that asks for escalation",
        arguments: [
            "Ik wil dit escaleren.", "Graag escaleren, we wachten al een week.", "Escaleer dit alstublieft.",
            "Het werkt nog steeds niet, ik wil dit escaleren.", "Ik vraag hierbij om escalatie.",
            "Ik wil uw leidinggevende spreken.", "Please escalate this.", "I want to escalate this issue.",
            "Escalation please, this is the third time.", "I'd like to speak to your manager.",
            "Kunnen jullie het escaleren naar de leverancier?", "Dit moet hogerop.",
        ])
    func escalation(text: String) {
        #expect(read(text) == .escalationRequest)
    }

    @Test(
        "R-ESC-2 the subject tag asks for escalation whatever the text",
        arguments: [
            "Re: [CS0000123] [Escalatie] Printer", "[Escalation] Re: [CS0000123] Printer",
            "Re: [ escalatie ] printer",
        ])
    func escalationTag(subject: String) {
        #expect(read("Bedankt, het werkt weer.", subject: subject) == .escalationRequest)
    }

    @Test(
        "R-ESC-2 a negated or mentioned escalation is not a request",
        arguments: [
            ("Het werkt weer, escaleren is niet nodig.", RequesterReplyIntent.confirmed),
            ("Het hoeft niet geëscaleerd te worden, het werkt weer.", .confirmed),
            ("No need to escalate, it works now.", .confirmed),
            ("Geen escalatie nodig, bedankt.", .other),
        ])
    func noEscalation(text: String, intent: RequesterReplyIntent) {
        #expect(read(text) == intent)
    }

    @Test("R-ESC-2 the word in a subject without brackets is not a tag")
    func subjectWithoutTag() {
        #expect(read("Bedankt, het werkt weer.", subject: "Re: escalatie printer") == .confirmed)
    }

    // MARK: - Other

    @Test(
        "R-INC-8 anything else is other",
        arguments: [
            "Hoe lang duurt dit nog?", "Is het al opgelost?", "Werkt het nu?", "Ik ben er morgen pas weer.",
            "Ik hoop dat het snel opgelost wordt.", "Als het werkt, laat ik het weten.", "Nee, dank je",
            "Wanneer komt de monteur?", "Ja? Wat bedoelt u?", "I hope this gets fixed soon.",
            "When will someone come by?", "Ik weet niet of het werkt, ik ben vandaag niet op school.",
            "Alvast bedankt voor het nakijken van de printer in lokaal 12, ik ben er morgen weer.",
            "", "Nee, nog niet getest.",
            "Beste Anouk,\n\nDank voor je bericht. Ik ben pas donderdag weer op school en kan het dan testen.",
            "Oké, ik probeer het morgen nog een keer.",
        ])
    func other(text: String) {
        #expect(read(text) == .other)
    }

    // MARK: - Only the top of the reply

    @Test("R-INC-8 only the first five non-empty lines are read")
    func firstFiveLines() {
        let late = "Hallo,\n\nIk heb het geprobeerd.\nDaarna herstart.\nToen gekeken.\nEn nog eens.\nWerkt nog steeds niet."
        #expect(read(late) == .other)
        let early = "Hallo,\n\nWerkt nog steeds niet.\nIk heb het geprobeerd.\nDaarna herstart.\nToen gekeken.\nEn nog eens."
        #expect(read(early) == .stillFailing)
    }

    @Test("R-INC-8 a line-wrapped reply and a greeting around the answer")
    func wrapped() {
        #expect(read("Bedankt voor het langskomen gisteren, de\nprinter werkt nog steeds niet.") == .stillFailing)
        #expect(read("Beste servicedesk,\n\nDe beamer in lokaal 3 werkt weer.\n\nGroet,\nAnouk") == .confirmed)
    }

    @Test("R-INC-8 R-ESC-2 intents have stable raw values")
    func rawValues() {
        #expect(RequesterReplyIntent.confirmed.rawValue == "confirmed")
        #expect(RequesterReplyIntent.stillFailing.rawValue == "still_failing")
        #expect(RequesterReplyIntent.escalationRequest.rawValue == "escalation_request")
        #expect(RequesterReplyIntent.other.rawValue == "other")
    }

    @Test(
        "R-ESC-2 a requester who disagrees with the priority reaches the teamlead support",
        arguments: [
            "Ik ben het oneens met de lagere prioriteit, de hele klas kan niet werken.",
            "I disagree with the new priority.", "Ik maak bezwaar tegen de prioriteit.", "We object to the priority change.",
        ])
    func disagreement(text: String) {
        #expect(read(text, subject: "Re: [CS0000123] Prioriteit van uw melding aangepast") == .escalationRequest)
    }
}
