import Desk
import Testing

@Suite("Security triage: CERT, user mistake, data breach")
struct SecurityTriageTests {
    private func assess(_ text: String, subject: String = "Beveiliging") -> SecurityTriage {
        SecurityTriage.assess(subject: subject, text: text)
    }

    // MARK: - DAP R-SEC-3: to the CERT at once

    @Test(
        "R-SEC-3 malware and ransomware go to the CERT at once, with the reason",
        arguments: [
            ("Op de laptop van de conciërge staat volgens mij malware.", "malware"),
            ("We zijn getroffen door ransomware, alle schijven zijn onbereikbaar.", "ransomware"),
            ("Er staat een cryptolocker-melding op het scherm.", "cryptolocker"),
            ("De virusscanner zegt dat er een virus op de pc in lokaal 12 staat.", "virus"),
            ("Er is een trojan gevonden op de administratie-pc.", "trojan"),
            ("Er verschijnt een melding dat we losgeld moeten betalen in bitcoin.", "ransom"),
            ("Al onze bestanden zijn ineens versleuteld en hebben de extensie .locked.", "encrypted files"),
            ("Mijn computer is besmet, er openen steeds vensters.", "infected"),
            ("I think my laptop has malware on it.", "malware"),
            ("A ransom note appeared on the screen of the office PC.", "ransom"),
            ("All our files are encrypted and we cannot open them.", "encrypted files"),
            ("The student laptops are infected.", "infected"),
        ])
    func cert(text: String, reason: String) {
        let triage = assess(text)
        #expect(triage.certNow)
        #expect(triage.certReasons.contains(reason))
    }

    @Test(
        "R-SEC-3 Cloudwise as the (possible) cause goes to the CERT at once",
        arguments: [
            "Dit datalek is ontstaan door Cloudwise.",
            "Volgens mij is dit een fout van Cloudwise bij het inrichten van de rechten.",
            "De oorzaak is de wijziging die Cloudwise gisteren heeft doorgevoerd.",
            "Sinds de update van Cloudwise kunnen leerlingen elkaars mappen zien.",
            "Is Cloudwise misschien de oorzaak?",
            "This breach was caused by Cloudwise.",
            "I think it is due to Cloudwise changing the sharing settings.",
            "We suspect Cloudwise is at fault here.",
            "Volgens Magister komt de fout door Cloudwise.",
            "Sinds gisteren kan niemand meer printen, dat is toch door jullie gekomen?",
            "Dit is jullie fout, sinds jullie update ziet iedereen alles.",
        ])
    func cloudwiseCause(text: String) {
        let triage = assess(text)
        #expect(triage.certNow)
        #expect(triage.certReasons == ["cloudwise as cause"])
    }

    @Test(
        "R-SEC-3 not a CERT case: negated, a safeguard, an illness, Cloudwise helping",
        arguments: [
            "De virusscanner heeft niets gevonden, geen virus dus.",
            "Er is geen malware aangetroffen.",
            "De laptop was gelukkig versleuteld met BitLocker, dus de bestanden zijn veilig.",
            "Een leerling is besmet met luizen.",
            "Het probleem is opgelost door Cloudwise, dank jullie wel.",
            "De printer is door Cloudwise geïnstalleerd.",
            "Cloudwise zoekt de oorzaak uit.",
            "De oorzaak ligt niet bij Cloudwise.",
            "Ik heb een phishingmail ontvangen maar niet geklikt.",
            "The virus scanner found no threats.",
            "Our antivirus is out of date, can you update it?",
            "The laptop is encrypted, so the files are safe.",
            "Kun je de wifi op locatie Noord nakijken?",
            "De storing werd veroorzaakt door een stroomstoring, niet door Cloudwise.",
            "Dit is door jullie opgelost, dank!",
            "Kan Cloudwise de nieuwe virusscanner installeren?",
            "Hoe kan ik bestanden versleutelen voordat ik ze mail?",
            "De leerlingen zijn besmet met het griepvirus.",
            "Er gaat een virus rond, de helft van groep 5 is ziek.",
            "Wanneer komt Cloudwise de printers vervangen?",
        ])
    func notCert(text: String) {
        let triage = assess(text)
        #expect(!triage.certNow)
        #expect(triage.certReasons.isEmpty)
    }

    @Test("R-SEC-3 several reasons are listed once each, in a fixed order")
    func severalReasons() {
        let text = """
            Er staat ransomware op de server. Alle bestanden zijn versleuteld.
            Er wordt losgeld gevraagd. Nog een keer: ransomware!
            """
        #expect(assess(text).certReasons == ["ransomware", "ransom", "encrypted files"])
    }

    @Test("R-SEC-3 the subject counts too; quoted history does not")
    func subjectAndQuotes() {
        #expect(assess("Zie bijlage.", subject: "Ransomware op de server!").certNow)
        let quoted = """
            Dank, het is opgelost.

            Op 3 maart 2026 schreef Servicedesk <info@cloudwise.test>:
            > Wij vermoeden malware op uw laptop.
            """
        #expect(!assess(quoted).certNow)
    }

    // MARK: - DAP R-SEC-4: a user's mistake

    @Test(
        "R-SEC-4 a user's mistake",
        arguments: [
            "Ik heb op een link geklikt in een mail van 'Microsoft'.",
            "Ik heb op de link in de phishingmail geklikt en mijn gegevens ingevuld.",
            "Per ongeluk heb ik mijn wachtwoord ingevuld op een nepsite.",
            "Mijn wachtwoord is gelekt, het staat op een lijst online.",
            "Mijn account is gehackt, er worden mails uit mijn naam verstuurd.",
            "Een collega heeft haar inloggegevens afgegeven aan iemand die belde namens de helpdesk.",
            "I clicked a link in a phishing email.",
            "I entered my password on a fake login page.",
            "My password was compromised.",
            "My account has been hacked.",
            "A phishing mail came in and I clicked on it.",
            "Ik heb mijn wachtwoord gedeeld met een stagiaire.",
            "Mail van onbekende afzender, ik heb de bijlage geopend.",
        ])
    func userMistake(text: String) {
        #expect(assess(text).userMistake)
    }

    @Test(
        "R-SEC-4 not a user's mistake",
        arguments: [
            "Ik heb een phishingmail ontvangen, ik heb er niet op geklikt.",
            "Ik heb niet op de link geklikt.",
            "Op de link heb ik niet geklikt.",
            "Niemand heeft op de link geklikt.",
            "Hoe stel ik een nieuw wachtwoord in?",
            "Ik heb op de knop Opslaan geklikt maar er gebeurt niets.",
            "I received a phishing email but did not click anything.",
            "I didn't click the link.",
            "Can you reset my password? I forgot it.",
        ])
    func noUserMistake(text: String) {
        #expect(!assess(text).userMistake)
    }

    // MARK: - DAP R-SEC-2: a data breach

    @Test(
        "R-SEC-2 a data breach",
        arguments: [
            ("Ik wil een datalek melden.", "Melding"),
            ("Zie onderwerp.", "[Datalek] cijferlijst"),
            ("De cijferlijst van groep 8 is naar de verkeerde ouders gestuurd.", "Cijferlijst"),
            ("Persoonsgegevens van ouders zijn per ongeluk verstuurd naar de verkeerde ontvanger.", "Mail"),
            ("De gegevens van 30 leerlingen zijn gelekt.", "Gegevens"),
            ("Ik ben een USB-stick kwijt met leerlingdossiers.", "USB"),
            ("Mijn laptop is gestolen uit de auto.", "Laptop"),
            ("De nieuwsbrief ging naar alle ouders met de adressen in cc in plaats van bcc.", "Nieuwsbrief"),
            ("I want to report a data breach.", "Report"),
            ("I lost my laptop on the train.", "Lost laptop"),
            ("Student data was shared publicly by mistake.", "Sharing"),
            ("The list with names and addresses was sent to the wrong parents.", "List"),
            ("Een laptop van school is vanmiddag uit lokaal 3 gestolen.", "Diefstal"),
            ("Een ouder heeft per ongeluk de hele klassenlijst met adressen gekregen.", "Klassenlijst"),
            ("Er zijn foto's van leerlingen op de openbare website gezet zonder toestemming.", "Website"),
            ("Ik ben mijn laptop kwijtgeraakt in de trein.", "Laptop"),
        ])
    func dataBreach(text: String, subject: String) {
        #expect(assess(text, subject: subject).isDataBreach)
    }

    @Test(
        "R-SEC-2 not a data breach",
        arguments: [
            "Er is geen datalek, de map was alleen voor docenten zichtbaar.",
            "Ik ben mijn inloggegevens kwijt, kunnen jullie mijn wachtwoord resetten?",
            "De printer op de eerste verdieping doet het niet.",
            "Er zijn geen persoonsgegevens gelekt.",
            "Er is niets gelekt.",
            "Mijn laptop is traag.",
            "There was no data breach.",
            "I forgot my password.",
            "The laptop charger is lost.",
            "Ik ben het wachtwoord van mijn laptop kwijt.",
            "We hebben veel tijd verloren omdat de laptops niet opstartten.",
            "Ik zoek een nieuwe laptop voor groep 8.",
            "De USB-kabel van het digibord is kwijt.",
            "Ik heb per ongeluk een bestand verwijderd, kan dat terug?",
        ])
    func noDataBreach(text: String) {
        #expect(!assess(text).isDataBreach)
    }

    @Test("R-SEC-2 R-SEC-3 R-SEC-4 one mail can be all three")
    func allThree() {
        let text = """
            Ik heb gisteren op een link in een phishingmail geklikt. Nu staat er ransomware op mijn laptop en
            de persoonsgegevens van mijn klas zijn gestolen.
            """
        let triage = assess(text, subject: "Hulp!")
        #expect(triage.certNow)
        #expect(triage.certReasons == ["ransomware"])
        #expect(triage.userMistake)
        #expect(triage.isDataBreach)
    }

    @Test("R-SEC-2 an ordinary incident is none of them")
    func ordinary() {
        let triage = assess("Het digibord in lokaal 4 geeft geen beeld meer.", subject: "Storing digibord")
        #expect(triage == SecurityTriage(certNow: false, certReasons: [], userMistake: false, isDataBreach: false))
    }
}
