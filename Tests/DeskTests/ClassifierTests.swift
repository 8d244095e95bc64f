import Desk
import Testing

@Suite("Classification")
struct ClassifierTests {
    let plain = Classifier()

    @Test(
        "R-CASE-4 subject tags decide first, case-insensitively, anywhere in the subject",
        arguments: [
            ("[Storing] printer", CaseType.incident), ("Printer [incident]", .incident), ("[VERZOEK] laptop", .request),
            ("Re: [Request] account", .request), ("[Wijziging] DNS", .change), ("DNS [change]", .change),
            ("[Klacht] wachttijd", .complaint), ("[complaint]", .complaint), ("[Datalek] mail", .security),
            ("[Security] login", .security), ("[Vraag] licentie", .question), ("[Question] Teams", .question),
            ("[Spoed] firewall", .change), ("[Emergency] rollback", .change), ("[ Storing ] wifi", .incident),
        ])
    func tags(subject: String, type: CaseType) {
        let c = plain.classify(
            subject: subject, body: "Zie onderwerp. Bedankt voor het kijken, ik wil graag weten hoe dit zit.")
        #expect(c.type == type)
        #expect(c.basis == .tag)
    }

    @Test("R-CASE-4 a tag wins over wording")
    func tagWins() {
        let c = plain.classify(subject: "[Vraag] printer", body: "De printer is kapot en geeft een foutmelding.")
        #expect(c.type == .question)
    }

    @Test("R-CHG-1 [Spoed] and [Emergency] make an emergency change")
    func spoedTag() {
        #expect(plain.classify(subject: "[Spoed] poort open", body: "").changeKind == .emergency)
        #expect(plain.classify(subject: "[Spoed][Wijziging] VLAN", body: "").changeKind == .emergency)
        #expect(plain.classify(subject: "[Wijziging] VLAN", body: "Graag een nieuw VLAN.").changeKind == .normal)
    }

    @Test("R-CASE-4 conflicting tags: the wording decides between them, else question")
    func conflict() {
        let decided = plain.classify(
            subject: "[Storing] [Klacht] wifi",
            body: "Ik wil een klacht indienen: al weken slechte service en niemand reageert.")
        #expect(decided.type == .complaint)
        let unsure = plain.classify(subject: "[Verzoek] [Klacht]", body: "Zie onderwerp.")
        #expect(unsure.type == .question)
        let security = plain.classify(subject: "[Vraag] [Datalek]", body: "")
        #expect(security.type == .security)
    }

    @Test("R-CASE-4 other bracketed text is not a tag")
    func notTags() {
        #expect(SubjectTag.find(in: "[CS0001234] Re: printer [Storing]") == [.storing])
        #expect(SubjectTag.find(in: "[Nieuwsbrief] maart").isEmpty)
        #expect(SubjectTag.find(in: "[Storing").isEmpty)
    }

    @Test(
        "R-CASE-4 Dutch and English wording",
        arguments: [
            ("Printer lokaal 3", "De printer doet het niet en geeft een foutmelding.", CaseType.incident),
            ("Wifi weg", "Sinds vanochtend geen wifi in lokaal 4, de verbinding valt steeds weg.", .incident),
            ("Teams crashes", "Teams keeps crashing when I share my screen. It is not working at all.", .incident),
            ("Wachtwoordreset", "Graag een wachtwoordreset voor leerling j.devries, wachtwoord vergeten.", .request),
            ("New account", "Could you set up an account for our new colleague? She starts on Monday.", .request),
            ("Firewall", "Graag poort 8443 openzetten in de firewall richting de nieuwe server.", .change),
            ("Change request", "Please plan a change to enforce MFA via conditional access.", .change),
            ("Ontevreden", "Ik ben zeer ontevreden, dit is onacceptabel. Niemand reageert op mijn mail.", .complaint),
            ("Disappointed", "We are very disappointed with the service, this is unacceptable.", .complaint),
            (
                "Datalek", "Er zijn persoonsgegevens gelekt: een lijst met adressen is naar alle ouders gestuurd.",
                .security
            ),
            ("Phishing", "I clicked a phishing link and entered my password.", .security),
            ("Ransomware", "Bestanden zijn versleuteld, er staat een losgeld-bericht: ransomware.", .security),
            ("Virus", "Mijn laptop heeft een virus, er komen pop-ups.", .security),
            ("Gehackt", "Mijn account is gehackt, er gaat spam uit.", .security),
            ("Hacked", "I think my account has been hacked.", .security),
            ("Data breach", "We may have a data breach: pupil data was shared.", .security),
            ("Malware", "Defender found malware on the admin PC.", .security),
            ("Hoe werkt dit?", "Hoe stel ik een afwezigheidsbericht in? Waar kan ik dat vinden?", .question),
            ("Question", "How long are Teams recordings kept? Is there a way to keep them?", .question),
        ])
    func wording(subject: String, body: String, type: CaseType) {
        let c = plain.classify(subject: subject, body: body)
        #expect(c.type == type, "\(subject): \(c.evidence)")
        #expect(c.basis == .wording)
        #expect(!c.evidence.isEmpty)
    }

    @Test("R-CASE-4 Dutch compounds match on their head word")
    func compounds() {
        #expect(plain.classify(subject: "Netwerkstoring", body: "Netwerkstoring op de hele locatie.").type == .incident)
        #expect(
            plain.classify(subject: "Spoedwijziging", body: "Spoedwijziging: DNS-record moet vandaag nog aangepast.")
                .changeKind == .emergency)
    }

    @Test("R-CASE-4 a negated type word does not count")
    func negation() {
        let c = plain.classify(
            subject: "Geen storing",
            body: "Dit is geen storing en geen klacht, maar een vraag: hoe lang blijft mail bewaard?")
        #expect(c.type == .question)
    }

    @Test(
        "R-CASE-4 when unsure, question: nothing, one weak word, or a tie",
        arguments: [
            ("", ""),
            ("Hallo", "Kunt u mij bellen? Groet, Piet"),
            ("Beeldscherm", "Het beeldscherm."),
            ("Printer en account", "De printer is kapot. Wij willen ook een nieuw account."),
        ])
    func unsure(subject: String, body: String) {
        let c = plain.classify(subject: subject, body: body)
        #expect(c.type == .question, "\(c.evidence)")
        #expect(c.basis == .fallback)
    }

    @Test("R-CASE-4 quoted history weighs less than the new text")
    func quoted() {
        let body = """
            Ik heb al drie keer gemaild en nog steeds geen reactie. Dit is onacceptabel.

            Op 12 maart 2025 schreef Anouk Smit:
            > De beamer doet het niet, foutmelding, kapot, werkt niet.
            """
        #expect(plain.classify(subject: "Geen reactie", body: body).type == .complaint)
    }

    @Test("R-CHG-1 a change that matches a listed standard change is standard; emergency wording, emergency")
    func changeKinds() throws {
        let classifier = Classifier(catalog: try DeskFixtures.catalog())
        let standard = classifier.classify(
            subject: "Website vrijgeven webfilter", body: "Graag www.schooltv.nl vrijgeven in het webfilter.")
        #expect(standard.type == .change)
        #expect(standard.changeKind == .standard)
        #expect(standard.standardChange?.name == "Website vrijgeven in het webfilter")
        #expect(standard.service?.code == "FW")
        let emergency = classifier.classify(
            subject: "Urgent change: certificate",
            body: "We need an emergency change tonight to replace the certificate.")
        #expect(emergency.changeKind == .emergency)
        let normal = classifier.classify(
            subject: "Nieuw VLAN", body: "Wij willen een apart VLAN voor de camera's. Graag inplannen.")
        #expect(normal.changeKind == .normal)
        #expect(normal.standardChange == nil)
    }

    @Test("R-REQ-1 a request is matched to a catalog item")
    func catalogItem() throws {
        let classifier = Classifier(catalog: try DeskFixtures.catalog())
        let c = classifier.classify(
            subject: "Wachtwoord vergeten", body: "Ik ben mijn wachtwoord vergeten, kunnen jullie het resetten?")
        #expect(c.type == .request)
        #expect(c.catalogItem?.name == "Wachtwoord- of MFA-reset")
    }

    @Test(
        "R-CASE-2 the reply language is Dutch unless the mail is clearly English",
        arguments: [
            ("Printer", "De printer doet het niet, kunnen jullie kijken?", Language.nl),
            ("Printer", "The printer is not working, could you please have a look?", .en),
            ("projector broken", "projector shows no signal with hdmi, please help", .en),
            ("Wifi", "Hoi, de wifi is weg. Thanks!", .nl),
            ("", "", .nl),
            (
                "Re: Teams",
                "Teams werkt niet.\n\nOn Mon, 3 Mar 2025, Tom wrote:\n"
                    + "> Is the Teams meeting still on? Please let me know, thanks",
                .nl
            ),
        ])
    func language(subject: String, body: String, language: Language) {
        #expect(Language.detect(subject: subject, body: body) == language)
    }
}
