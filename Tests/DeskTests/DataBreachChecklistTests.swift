import Desk
import Testing

@Suite("Data-breach report checklist")
struct DataBreachChecklistTests {
    private func missing(_ text: String, subject: String = "Datalek", known: Bool = false) -> [DataBreachField] {
        DataBreachChecklist.missing(subject: subject, text: text, reporterKnown: known)
    }

    // MARK: - Complete reports

    @Test("R-SEC-2 a complete Dutch report misses nothing")
    func completeDutch() {
        let text = """
            Beste servicedesk,

            Vanochtend om 8:15 ontdekte ik dat de cijferlijst van groep 8 per mail naar de verkeerde ouders is
            gestuurd. Het gaat om de namen en cijfers van 28 leerlingen. Er staan geen medische gegevens of BSN
            in, dus niet heel gevoelig.

            Met vriendelijke groet,
            Fatima el Amrani
            Leerkracht groep 8, OBS De Regenboog
            """
        #expect(missing(text, subject: "[Datalek] cijferlijst naar verkeerde ouders").isEmpty)
    }

    @Test("R-SEC-2 a complete English report misses nothing")
    func completeEnglish() {
        let text = """
            Hello,

            My name is Peter Visser, I work at the Noorderpoort location. Yesterday at 14:30 I noticed that a
            spreadsheet with the names and dates of birth of about 120 students was shared publicly on OneDrive.
            No special category data, so I think it is not sensitive.

            Kind regards,
            Peter
            """
        #expect(missing(text, subject: "Data breach").isEmpty)
    }

    @Test("R-SEC-2 a bare report misses every field, in order")
    func bare() {
        #expect(missing("Ik denk dat er een datalek is. Kunnen jullie helpen?") == DataBreachField.allCases)
        #expect(missing("I think we have a data breach, please help.", subject: "Data breach") == DataBreachField.allCases)
    }

    // MARK: - Reporter

    @Test("R-SEC-2 a known sender never misses the reporter")
    func reporterKnown() {
        let fields = missing("Ik denk dat er een datalek is.", known: true)
        #expect(!fields.contains(.reporter))
        #expect(fields.count == DataBreachField.allCases.count - 1)
    }

    @Test(
        "R-SEC-2 the reporter: a name and a location",
        arguments: [
            "Mijn naam is Sanne Bakker en ik werk op locatie Noord.",
            "Naam: J. de Vries\nVestiging: Lyceum Zuid",
            "Ik ben Tom, leerkracht op OBS De Regenboog.",
            "Met vriendelijke groet,\n\nAnouk Smit\nBasisschool De Linde",
            "Groet, Anouk Smit (locatie Centrum)",
            "I am Lisa Jansen from the Oost location.",
            "Kind regards,\nMark de Boer\nCampus West",
            "Hoi,\nzie hieronder.\n-- \nMarieke Dijkstra\nIKC De Vlinder",
        ])
    func reporterStated(text: String) {
        #expect(!missing(text).contains(.reporter))
    }

    @Test(
        "R-SEC-2 no reporter: a name without a location, a location without a name, or no name at all",
        arguments: [
            "Mijn naam is Sanne Bakker.",
            "Ik werk op locatie Noord.",
            "Ik ben bang dat er iets is gelekt op school.",
            "Met vriendelijke groet,\nOBS De Regenboog",
            "I am not sure what happened at school.",
            "Met vriendelijke groet,\n06-12345678",
        ])
    func reporterMissing(text: String) {
        #expect(missing(text).contains(.reporter))
    }

    @Test("R-SEC-2 the reporter's name in quoted history does not count")
    func reporterInQuote() {
        let text = """
            Het was een USB-stick.

            Op 12 november 2026 schreef Servicedesk:
            > Mijn naam is Servicedesk, locatie Cloudwise.
            """
        #expect(missing(text).contains(.reporter))
    }

    // MARK: - Date and time

    @Test(
        "R-SEC-2 when it was found: a date or day with a time, or a moment on its own",
        arguments: [
            "Ontdekt op 12-11-2026 om 9:30.", "Gevonden op 2026-11-12 09.30 uur.", "Op 12 november rond 14u ontdekt.",
            "Gisteren om 15:45 zag ik het.", "Vanochtend zag ik dat de map openstond.", "Gistermiddag ontdekt.",
            "Dinsdagochtend kwam ik erachter.", "Zojuist gezien.", "Een uur geleden ontdekt.",
            "Found on 12/11/2026 at 9:30.", "Noticed yesterday around 3 pm.", "This morning a parent called us.",
            "Discovered on November 12th at 10:15.", "Found it last night.", "Maandag om 8 uur ontdekt.",
            "Op 12-11 om 9:30 zag ik het.", "Vandaag tussen de middag gezien.", "Found today, 14:05-14:10.",
        ])
    func foundAtStated(text: String) {
        #expect(!missing(text).contains(.foundAt))
    }

    @Test(
        "R-SEC-2 no moment of discovery: a date without a time, a time without a date, a greeting, a version",
        arguments: [
            "Ontdekt op 12-11-2026.", "Om 9:30 zag ik het.", "Gisteren ontdekt.", "Good morning, we found a leak.",
            "Versie 2.3.1 van de app.", "Found yesterday.", "Het gaat om groep 7-8 van 12 leerlingen.",
            "Het gebeurde in november.", "Goedemorgen, ik meld een datalek.",
        ])
    func foundAtMissing(text: String) {
        #expect(missing(text).contains(.foundAt))
    }

    // MARK: - System

    @Test(
        "R-SEC-2 the location or system",
        arguments: [
            "In Magister stond het open.", "Het stond op een gedeelde map op de netwerkschijf.",
            "Per mail naar de verkeerde ouders.", "Mijn USB-stick is kwijt.", "Laptop in de trein laten liggen.",
            "Een papieren lijst lag in het klaslokaal.", "Shared on Google Drive.", "Visible on the school website.",
            "The list was in Teams.", "ParnasSys export", "Via WhatsApp gedeeld.",
        ])
    func systemStated(text: String) {
        #expect(!missing(text).contains(.system))
    }

    @Test(
        "R-SEC-2 no system: only this mail, or nothing",
        arguments: [
            "Ik stuur deze mail omdat er namen van leerlingen gelekt zijn.",
            "I am sending this email because names were leaked.", "Er zijn gegevens van leerlingen gelekt.",
        ])
    func systemMissing(text: String) {
        #expect(missing(text).contains(.system))
    }

    // MARK: - Personal data

    @Test(
        "R-SEC-2 which personal data",
        arguments: [
            "Namen en adressen.", "De BSN van leerlingen.", "Geboortedata en e-mailadressen van ouders.",
            "De cijfers van de toets.", "Leerlinggegevens uit Magister.", "Medische gegevens.",
            "Telefoonnummers van ouders.", "De gegevens van 30 leerlingen.", "Names and grades.",
            "Personal data of parents.", "Dates of birth.", "Home addresses.",
        ])
    func personalDataStated(text: String) {
        #expect(!missing(text).contains(.personalData))
    }

    @Test(
        "R-SEC-2 no personal data named",
        arguments: [
            "Er is iets misgegaan met een bestand.", "Mijn naam is Jan.", "Serienummers van de laptops.",
            "Something went wrong with a file.",
        ])
    func personalDataMissing(text: String) {
        #expect(missing(text).contains(.personalData))
    }

    // MARK: - Scale

    @Test(
        "R-SEC-2 how many",
        arguments: [
            "Het gaat om 28 leerlingen.", "Ongeveer 200 records.", "Dertig ouders kregen de mail.",
            "Van 30 van de leerlingen.", "De hele klas.", "Alle leerlingen van groep 8.", "About 12 students.",
            "All parents of year 7.", "Twee klassen.", "1 leerling.", "The whole school.", "Tientallen ouders.",
        ])
    func scaleStated(text: String) {
        #expect(!missing(text).contains(.scale))
    }

    @Test(
        "R-SEC-2 no scale: a group number, a time, no number",
        arguments: [
            "De cijfers van groep 8 leerlingen.", "Om 9 uur zagen leerlingen het.", "Er zijn leerlingen betrokken.",
            "Year 7 students saw it.", "Een leerling zag het scherm.", "One of our teachers sent it.",
        ])
    func scaleMissing(text: String) {
        #expect(missing(text).contains(.scale))
    }

    // MARK: - Sensitivity

    @Test(
        "R-SEC-2 how sensitive, also when not",
        arguments: [
            "Het zijn gevoelige gegevens.", "Niet gevoelig.", "Er staan bijzondere persoonsgegevens in.",
            "Medische informatie.", "Met BSN.", "Uit het zorgdossier.", "Privacygevoelige informatie.",
            "Very sensitive.", "Not sensitive.", "Special category data.", "Confidential.",
        ])
    func sensitivityStated(text: String) {
        #expect(!missing(text).contains(.sensitivity))
    }

    @Test("R-SEC-2 no sensitivity stated")
    func sensitivityMissing() {
        #expect(missing("Namen van 30 leerlingen zijn gelekt.").contains(.sensitivity))
        #expect(missing("Names of 30 students were leaked.").contains(.sensitivity))
    }

    @Test("R-SEC-2 the desk's own questions in quoted history do not answer themselves")
    func quotedQuestions() {
        var text = "Zie hierboven.\n\nOp 12 nov. 2026 om 10:00 schreef Servicedesk <info@cloudwise.test>:\n"
        for field in DataBreachField.allCases {
            text += "> " + DataBreachChecklist.question(field, language: "nl") + "\n"
        }
        #expect(missing(text) == DataBreachField.allCases)
    }

    // MARK: - Questions

    @Test("R-SEC-2 a polite question per field, Dutch and English, different")
    func questions() {
        for field in DataBreachField.allCases {
            let nl = DataBreachChecklist.question(field, language: "nl")
            let en = DataBreachChecklist.question(field, language: "en")
            #expect(nl.hasSuffix("?"))
            #expect(en.hasSuffix("?"))
            #expect(nl != en)
            #expect(!nl.contains("\n"))
        }
        #expect(DataBreachChecklist.question(.foundAt, language: "nl") == "Wanneer is het lek ontdekt (datum en tijd)?")
        #expect(DataBreachChecklist.question(.foundAt, language: "EN") == "When was the breach discovered (date and time)?")
        // Anything but English is Dutch (the desk's default).
        #expect(DataBreachChecklist.question(.scale, language: "de") == DataBreachChecklist.question(.scale, language: "nl"))
    }

    @Test("R-SEC-2 field raw values are stable")
    func rawValues() {
        #expect(DataBreachField.allCases.map(\.rawValue) == [
            "reporter", "found_at", "system", "personal_data", "scale", "sensitivity",
        ])
    }

    @Test("R-SEC-2 a partial report asks only for the rest")
    func partial() {
        let text = """
            Hoi,

            Gisteren om 16:00 heb ik een USB-stick met de cijferlijst van mijn klas verloren.

            Groetjes,
            Jan Jansen
            """
        #expect(missing(text) == [.reporter, .scale, .sensitivity])
        #expect(missing(text, known: true) == [.scale, .sensitivity])
    }
}
