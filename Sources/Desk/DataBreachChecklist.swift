import Foundation

/// What a data-breach report must state (DAP R-SEC-2).
public enum DataBreachField: String, CaseIterable, Sendable, Hashable {
    /// The reporter's name and location.
    case reporter
    /// The date and time the breach was found.
    case foundAt = "found_at"
    /// The location or system where it happened.
    case system
    /// Which personal data.
    case personalData = "personal_data"
    /// How many records or people.
    case scale
    /// How sensitive the data are.
    case sensitivity
}

/// DAP R-SEC-2: checks a data-breach report for what it must state, and words the questions for what is
/// missing. Pure: a keyword reading of the subject and the new text of the body (quoted history left out,
/// the signature kept, since it names the reporter), Dutch and English.
///
/// Each field counts as stated when:
/// - `reporter`: the directory knows the sender's name and location (`reporterKnown`), or the text names the
///   reporter (`mijn naam is …`, `naam: …`, `my name is …`, `ik ben <Hoofdletter>…`, `I am <Capital>…`, or a
///   closing line `Met vriendelijke groet,` / `Kind regards,` / `-- ` followed by a line that looks like a
///   name) *and* holds a location word (`locatie`, `vestiging`, `school` or a word ending in it, `campus`,
///   `OBS`/`CBS`/`IKC`, `college`, `lyceum`, `location` …) anywhere;
/// - `foundAt`: a date (`12-11-2026`, `2026-11-12`, `12/11/26`, `op 12-11`, `12 november`, `November 12th`) or a
///   day word (`vandaag`, `gisteren`, `maandag`, `today`, `yesterday`, `Monday`) together with a time (`9:30`,
///   `09.30`, `14u`, `14u30`, `om 9 uur`, `9am`) or a part of the day (`middag`, `afternoon`); or alone a word
///   that fixes both (`vanochtend`, `gisteravond`, `dinsdagmiddag`, `zojuist`, `this morning`, `last night`,
///   `een uur geleden`, `an hour ago`);
/// - `system`: a system, device, medium or place (`Magister`, `ParnasSys`, `SharePoint`, `Teams`, `e-mail`,
///   `USB-stick`, `laptop`, `map`, `share`, `Google Drive`, `website`, `app`, `papier`, `trein`, `system`,
///   `device` …);
/// - `personalData`: a kind of personal data (`namen`, `adressen`, `BSN`, `geboortedata`, `cijfers`,
///   `persoonsgegevens`, `leerlinggegevens`, `medische gegevens`, `names`, `grades`, `personal data`,
///   `dates of birth` …);
/// - `scale`: a number before a count word within two words (`30 leerlingen`, `ongeveer 200 records`,
///   `dertig ouders`, `12 students`, not `groep 8 leerlingen`), or `alle leerlingen`, `hele klas`,
///   `all students`, `the whole class` …;
/// - `sensitivity`: `gevoelig` (also `niet gevoelig`), `bijzondere persoonsgegevens`, `medisch`, `BSN`, `zorg…`,
///   `vertrouwelijk`, `sensitive` (also `not sensitive`), `special category`, `medical`, `confidential` ….
public enum DataBreachChecklist {
    /// The fields the report does not state, in `DataBreachField.allCases` order. `reporterKnown`: the
    /// directory knows the sender's name AND location (then `reporter` is never missing).
    public static func missing(subject: String, text: String, reporterKnown: Bool) -> [DataBreachField] {
        let fresh = MailText.split(text, keepingSignature: true).fresh
        let all = subject + "\n" + fresh
        let words = MailText.words(all)
        var missing: [DataBreachField] = []
        for field in DataBreachField.allCases {
            let stated: Bool
            switch field {
            case .reporter: stated = reporterKnown || statesReporter(fresh, words: words)
            case .foundAt: stated = statesFoundAt(all, words: words)
            case .system: stated = statesSystem(words)
            case .personalData: stated = personalData.matches(words)
            case .scale: stated = statesScale(all, words: words)
            case .sensitivity: stated = sensitivity.matches(words)
            }
            if !stated { missing.append(field) }
        }
        return missing
    }

    /// One polite line asking for the field, in Dutch (`"nl"`, the default for anything else) or English
    /// (`"en"`).
    public static func question(_ field: DataBreachField, language: String) -> String {
        let en = language.trimmedSpaces.lowercased().hasPrefix("en")
        switch field {
        case .reporter:
            return en
                ? "Could you tell us your name and the location (school) where you work?"
                : "Wilt u uw naam en de locatie (school) waar u werkt doorgeven?"
        case .foundAt:
            return en
                ? "When was the breach discovered (date and time)?"
                : "Wanneer is het lek ontdekt (datum en tijd)?"
        case .system:
            return en
                ? "Where or in which system did it happen (for example Magister, e-mail, a USB stick or on paper)?"
                : "Waar of in welk systeem is het gebeurd (bijvoorbeeld Magister, e-mail, een USB-stick of op papier)?"
        case .personalData:
            return en
                ? "Which personal data are involved (for example names, addresses, grades or dates of birth)?"
                : "Om welke persoonsgegevens gaat het (bijvoorbeeld namen, adressen, cijfers of geboortedata)?"
        case .scale:
            return en
                ? "About how many people or records are involved?"
                : "Om hoeveel personen of records gaat het ongeveer?"
        case .sensitivity:
            return en
                ? "How sensitive are the data (for example medical or care information, or a BSN)?"
                : "Hoe gevoelig zijn de gegevens (bijvoorbeeld medische of zorggegevens, of een BSN)?"
        }
    }

    // MARK: - Reporter

    /// Closing lines after which a signature's name follows (folded words).
    private static let closings: Set<String> = [
        "met vriendelijke groet", "met vriendelijke groeten", "vriendelijke groet", "vriendelijke groeten",
        "met hartelijke groet", "hartelijke groet", "hartelijke groeten", "met groet", "groet", "groeten",
        "groetjes", "mvg", "gr", "kind regards", "best regards", "regards", "with kind regards", "warm regards",
        "best wishes", "best", "cheers", "sincerely", "yours sincerely", "many thanks", "thanks", "bedankt",
        "alvast bedankt", "dank je wel", "dank u wel",
    ]

    /// Capitalised words after `ik ben` / `I am` that are not a name.
    private static let notNames: Set<String> = [
        "de", "het", "een", "niet", "nu", "er", "hier", "vandaag", "gisteren", "bang", "bezorgd", "the", "a", "an",
        "not", "sorry", "afraid", "worried", "writing", "contacting", "mailing", "so", "very", "really", "just",
    ]

    private static let locations = PhraseList([
        "locatie", "*locatie", "locaties", "vestiging", "*vestiging", "school", "*school", "campus", "college",
        "lyceum", "gymnasium", "obs", "cbs", "pcbs", "rkbs", "kbs", "ikc", "kindcentrum", "*kindcentrum",
        "bestuursbureau", "location", "site",
    ])

    private static func statesReporter(_ fresh: String, words: [String]) -> Bool {
        locations.matches(words) && namesReporter(fresh)
    }

    /// `mijn naam is …`, `naam: …`, `ik ben <Name>`, or a closing line with a name under it.
    private static func namesReporter(_ fresh: String) -> Bool {
        let lines = fresh.split(whereSeparator: \.isNewline).map { $0.trimmedSpaces }.filter { !$0.isEmpty }
        for (index, line) in lines.enumerated() {
            let tokens = line.split(separator: " ").map(String.init)
            let folded = tokens.map { MailText.words($0).joined() }
            for i in tokens.indices {
                // `naam: Fatima`, `Name: J. de Vries`
                if folded[i] == "naam" || folded[i] == "name", tokens[i].hasSuffix(":"), i + 1 < tokens.count,
                    hasLetter(tokens[i + 1])
                {
                    return true
                }
                // `mijn naam is …`, `my name is …`
                if i + 2 < tokens.count, [folded[i], folded[i + 1], folded[i + 2]] == ["mijn", "naam", "is"]
                    || [folded[i], folded[i + 1], folded[i + 2]] == ["my", "name", "is"]
                {
                    if i + 3 < tokens.count, hasLetter(tokens[i + 3]) { return true }
                }
                // `ik ben Fatima`, `I am Peter`, `I'm Peter`, `this is Peter`
                var after: Int?
                if i + 1 < tokens.count,
                    [folded[i], folded[i + 1]] == ["ik", "ben"] || [folded[i], folded[i + 1]] == ["i", "am"]
                        || [folded[i], folded[i + 1]] == ["this", "is"] && i == 0
                {
                    after = i + 2
                } else if folded[i] == "im" {
                    after = i + 1
                }
                if let after, after < tokens.count, looksLikeName(tokens[after]) { return true }
            }
            // `Met vriendelijke groet,` / `-- ` then a name; or `Groet, Fatima` on one line.
            let lineWords = MailText.words(line).joined(separator: " ")
            if closings.contains(lineWords) || line == "--" {
                if index + 1 < lines.count, looksLikeSignatureName(lines[index + 1]) { return true }
            } else if let comma = line.firstIndex(of: ","),
                closings.contains(MailText.words(String(line[..<comma])).joined(separator: " ")),
                looksLikeSignatureName(line[line.index(after: comma)...].trimmedSpaces)
            {
                return true
            }
        }
        return false
    }

    private static func hasLetter(_ token: String) -> Bool { token.contains(where: \.isLetter) }

    /// A capitalised word that is not a common word: `Fatima`, `Jan-Willem`.
    private static func looksLikeName(_ token: String) -> Bool {
        guard let first = token.first(where: \.isLetter), first.isUppercase, token.first?.isLetter == true else {
            return false
        }
        return !notNames.contains(MailText.words(token).joined())
    }

    /// A signature's name line: one to five words, the first capitalised, no digits, `@`, `:` or `?`.
    private static func looksLikeSignatureName(_ line: String) -> Bool {
        let tokens = line.split(separator: " ")
        guard (1...5).contains(tokens.count), let first = line.first, first.isLetter, first.isUppercase,
            !line.contains(where: { $0.isNumber || $0 == "@" || $0 == ":" || $0 == "?" })
        else { return false }
        // `OBS De Regenboog` under the greeting is the school, not the reporter.
        let firstWord = MailText.words(String(tokens[0]))
        return !notNames.contains(firstWord.joined()) && !locations.matches(firstWord)
    }

    // MARK: - Date and time found

    private static let dayWords: Set<String> = [
        "vandaag", "gisteren", "eergisteren", "today", "yesterday", "maandag", "dinsdag", "woensdag", "donderdag",
        "vrijdag", "zaterdag", "zondag", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
        "sunday",
    ]

    /// Parts of a day: a time, roughly, with a day word (`gisteren aan het eind van de middag`).
    private static let dayParts: [String] = [
        "ochtend", "ochtends", "middag", "middags", "avond", "avonds", "nacht", "nachts", "morning", "afternoon",
        "evening", "night",
    ]

    /// Words and phrases that fix day and time on their own (relative to the mail).
    private static let relativeMoments = PhraseList([
        "vanochtend", "vanmorgen", "vanmiddag", "vanavond", "vannacht", "zojuist", "zonet", "this morning",
        "this afternoon", "this evening", "tonight", "last night", "just now", "uur geleden", "uurtje geleden",
        "minuten geleden", "kwartier geleden", "hour ago", "hours ago", "minutes ago",
    ])

    /// Month names and abbreviations, Dutch and English.
    private static let months: Set<String> = [
        "januari", "jan", "january", "februari", "feb", "february", "maart", "mrt", "march", "mar", "april", "apr",
        "mei", "may", "juni", "jun", "june", "juli", "jul", "july", "augustus", "aug", "august", "september", "sep",
        "sept", "oktober", "okt", "october", "oct", "november", "nov", "december", "dec",
    ]

    /// Words before a time (`om 9 uur`).
    private static let timeLeads: Set<String> = [
        "om", "rond", "rondom", "omstreeks", "tegen", "ca", "circa", "at", "around", "about",
    ]

    /// Words before a day-month date without a year (`op 12-11`).
    private static let dateLeads: Set<String> = ["op", "on", "sinds", "since", "d.d", "dd", "per"]

    /// Month names that may stand before the day (`November 12th`): English, written out (not `Jan`, a name).
    private static let monthsBeforeDay: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december",
    ]

    private static func statesFoundAt(_ all: String, words: [String]) -> Bool {
        if relativeMoments.matches(words) { return true }
        // A day and a part of it in one word: `maandagochtend`, `gistermiddag`.
        for word in words {
            let dayLike = dayWords.contains(where: { word.hasPrefix($0) }) || word.hasPrefix("gister")
            if dayLike, !dayWords.contains(word), dayParts.contains(where: { word.hasSuffix($0) }) { return true }
        }
        let tokens = numericTokens(all)
        var date = words.contains(where: dayWords.contains)
        // A part of the day, but not in a greeting (`Good morning`).
        var time = words.indices.contains { dayParts.contains(words[$0]) && ($0 == 0 || words[$0 - 1] != "good") }
        for (i, token) in tokens.enumerated() {
            let previous = i > 0 ? tokens[i - 1] : ""
            let next = i + 1 < tokens.count ? tokens[i + 1] : ""
            if !date, isDate(token, previous: previous) || isDayAndMonth(tokens, at: i) { date = true }
            if !time, isClock(token) || isHourWord(token, previous: previous, next: next) { time = true }
            if date && time { return true }
        }
        return date && time
    }

    /// The text folded and split at white space, each token without the punctuation around it (a trailing
    /// `.` too, so `9.30.` is `9.30`).
    private static func numericTokens(_ text: String) -> [Substring] {
        let folded = text.lowercased().folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
        let edges: Set<Character> = [
            ",", ";", ":", "(", ")", "[", "]", "{", "}", "\"", "'", "!", "?", "<", ">", ".", "+", "~", "±", "≈",
        ]
        return folded.split(whereSeparator: \.isWhitespace).compactMap { raw in
            var token = raw
            while let f = token.first, edges.contains(f) { token = token.dropFirst() }
            while let l = token.last, edges.contains(l) { token = token.dropLast() }
            return token.isEmpty ? nil : token
        }
    }

    /// `12-11-2026`, `12/11/26`, `12.11.2026`, `2026-11-12`; `12-11` / `12/11` after `op` / `on` / `sinds`.
    private static func isDate(_ token: Substring, previous: Substring) -> Bool {
        let parts = token.split(
            omittingEmptySubsequences: false, whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." })
        guard parts.allSatisfy({ isDigits($0, 1...4) }), let a = Int(parts[0]) else { return false }
        if parts.count == 3, let b = Int(parts[1]), let c = Int(parts[2]) {
            if parts[0].count == 4, parts[1].count <= 2, parts[2].count <= 2 { return validDay(c, b) }
            if parts[2].count == 4 || parts[2].count == 2, parts[0].count <= 2, parts[1].count <= 2 {
                return validDay(a, b)
            }
            return false
        }
        if parts.count == 2, !token.contains("."), parts.allSatisfy({ $0.count <= 2 }), let b = Int(parts[1]) {
            return dateLeads.contains(String(previous)) && validDay(a, b)
        }
        return false
    }

    /// `12 november`, `12e november`, `november 12th`, `12th of November`.
    private static func isDayAndMonth(_ tokens: [Substring], at i: Int) -> Bool {
        guard let day = dayNumber(tokens[i]) else { return false }
        if i + 1 < tokens.count, months.contains(String(tokens[i + 1])) { return true }
        if i + 2 < tokens.count, tokens[i + 1] == "of", months.contains(String(tokens[i + 2])) { return true }
        if i > 0, monthsBeforeDay.contains(String(tokens[i - 1])), day <= 31 { return true }
        return false
    }

    /// `12`, `12e`, `12de`, `1ste`, `12th`, `1st`, `2nd`, `3rd`: 1–31.
    private static func dayNumber(_ token: Substring) -> Int? {
        var digits = token
        for suffix in ["ste", "de", "e", "st", "nd", "rd", "th"] where digits.hasSuffix(suffix) {
            digits = digits.dropLast(suffix.count)
            break
        }
        guard isDigits(digits, 1...2), let n = Int(digits), (1...31).contains(n) else { return nil }
        return n
    }

    private static func validDay(_ day: Int, _ month: Int) -> Bool { (1...31).contains(day) && (1...12).contains(month) }

    /// `9:30`, `09.30`, `14u`, `14u30`, `9h`, `9am`, `9:30u`, `9:30-10:00`: hour 0–23, minutes in two digits.
    private static func isClock(_ token: Substring) -> Bool {
        token.split(separator: "-").contains { part in
            var text = part
            var marked = false
            for suffix in ["a.m", "p.m", "am", "pm", "uur", "u", "h"] where text.hasSuffix(suffix) && text.count > suffix.count {
                text = text.dropLast(suffix.count)
                marked = true
                break
            }
            let pieces = text.split(
                omittingEmptySubsequences: false, whereSeparator: { $0 == ":" || $0 == "." || $0 == "u" || $0 == "h" })
            if pieces.count == 2, isDigits(pieces[0], 1...2), isDigits(pieces[1], 2...2), let h = Int(pieces[0]),
                let m = Int(pieces[1])
            {
                return h <= 23 && m <= 59
            }
            if pieces.count == 1, marked, isDigits(pieces[0], 1...2), let h = Int(pieces[0]) { return h <= 23 }
            return false
        }
    }

    /// `om 9 uur`, `9 am`, `around 3 pm`.
    private static func isHourWord(_ token: Substring, previous: Substring, next: Substring) -> Bool {
        guard isDigits(token, 1...2), let h = Int(token), h <= 24 else { return false }
        if ["am", "pm", "a.m", "p.m", "oclock"].contains(String(next)) { return true }
        return next == "uur" && timeLeads.contains(String(previous))
    }

    private static func isDigits(_ s: Substring, _ length: ClosedRange<Int>) -> Bool {
        length.contains(s.count) && s.allSatisfy { $0.isASCII && $0.isNumber }
    }

    // MARK: - System, personal data, scale, sensitivity

    private static let systems = PhraseList([
        // Dutch and English systems and services
        "systeem", "*systeem", "systemen", "system*", "server*", "*server", "magister", "parnassys", "somtoday",
        "esis", "eduarte", "sharepoint", "onedrive", "teams", "google drive", "drive", "dropbox", "wetransfer",
        "outlook", "classroom", "website*", "*website", "site", "portal", "portaal", "*portaal", "app",
        "apps", "*app", "database", "spreadsheet", "excel*", "cloud", "netwerk", "network", "netwerkschijf",
        "schijf", "share", "*share", "map", "*map", "mappen", "folder", "mailbox", "nieuwsbrief", "newsletter",
        "whatsapp", "social media",
        // Devices and media
        "laptop*", "computer*", "pc", "pcs", "tablet*", "ipad*", "chromebook*", "telefoon*", "mobiel", "smartphone",
        "phone", "device*", "apparaat", "printer*", "kopieerapparaat", "scanner", "usb*", "*stick", "stick",
        "harde schijf", "hard drive",
        // Paper and places
        "papier", "papieren", "uitdraai", "uitdraaien", "printje", "dossier", "dossiers", "archief", "kast",
        "paper", "printout", "file cabinet", "trein", "bus", "auto", "train", "car", "klaslokaal", "lokaal",
        "personeelskamer", "kantoor", "office",
    ])

    /// Mail as the system, unless it is this mail (`deze mail`, `this email`).
    private static let mailWords = PhraseList(["mail", "*mail", "email", "emails", "mailtje", "mails"])
    private static let thisMail: Set<String> = [
        "deze", "dit", "this", "that", "bijgaande", "onderstaande", "bovenstaande", "vorige", "previous",
    ]

    private static func statesSystem(_ words: [String]) -> Bool {
        if systems.matches(words) { return true }
        return mailWords.ranges(in: words).contains { range in
            range.lowerBound == 0 || !thisMail.contains(words[range.lowerBound - 1])
        }
    }

    private static let personalData = PhraseList([
        "namen", "adressen", "*adressen", "adresgegevens", "bsn", "bsns", "burgerservicenummer*", "geboortedata",
        "geboortedatum", "geboortedatums", "cijfers", "cijferlijst*", "toetsresultaten", "rapporten", "rapport",
        "telefoonnummers", "mobiele nummers", "leerlingnummers", "personeelsnummers", "persoonsgegevens", "leerlinggegevens", "leerlingengegevens",
        "personeelsgegevens", "oudergegevens", "contactgegevens", "zorggegevens", "medische", "medisch",
        "gezondheidsgegevens", "fotos", "pasfotos", "pasfoto", "iban", "rekeningnummer*", "handtekening*",
        "wachtwoorden", "inloggegevens", "leerlingdossier*", "leerlingenlijst*", "klassenlijst*", "namenlijst*",
        "names", "addresses", "email addresses", "phone numbers", "grades", "test results", "report cards",
        "personal data", "personal information", "personal details", "dates of birth", "date of birth",
        "birth dates", "birthdays", "medical", "photos", "passwords", "student data", "student records",
        "pupil data", "bank account*", "social security", "gegevens van ~ leerlingen", "gegevens van ~ ouders",
        "gegevens van ~ medewerkers", "gegevens van ~ personeel", "gegevens van ~ kinderen",
        "data of ~ students", "data of ~ pupils", "data of ~ parents", "data of ~ staff",
    ])

    private static let countWords: Set<String> = [
        "leerlingen", "leerling", "ouders", "ouder", "personen", "persoon", "mensen", "records", "record",
        "medewerkers", "medewerker", "collegas", "docenten", "leerkrachten", "kinderen", "kind", "gezinnen",
        "families", "namen", "adressen", "rijen", "regels", "contacten", "dossiers", "klassen", "groepen",
        "students", "student", "people", "person", "parents", "parent", "pupils", "pupil", "rows", "staff",
        "employees", "teachers", "children", "entries",
    ]

    private static let numberWords: Set<String> = [
        "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf", "twintig",
        "dertig", "veertig", "vijftig", "zestig", "zeventig", "tachtig", "negentig", "honderd", "honderden",
        "duizend", "duizenden", "tientallen", "two", "three", "four", "five", "six", "seven",
        "eight", "nine", "ten", "eleven", "twelve", "twenty", "thirty", "forty", "fifty", "hundred", "hundreds",
        "thousand", "thousands", "dozens",
    ]

    /// Words before a number that make it a name, not a count (`groep 8 leerlingen`, `year 7 students`).
    private static let numberLabels: Set<String> = [
        "groep", "klas", "leerjaar", "jaar", "lokaal", "locatie", "bijlage", "group", "year", "grade", "class",
        "room", "page", "pagina", "week", "versie", "version", "nummer", "number", "nr",
    ]

    /// Words after a number that make it a time or a duration, not a count (`om 9 uur leerlingen …`).
    private static let timeUnits: Set<String> = [
        "uur", "u", "h", "am", "pm", "minuten", "minuut", "min", "seconden", "dagen", "dag", "weken", "jaar",
        "minutes", "minute", "hours", "hour", "days", "weeks", "years", "oclock", "procent", "percent",
    ]

    private static let wholeGroups = PhraseList([
        "alle leerlingen", "alle ouders", "alle medewerkers", "alle docenten", "alle personeelsleden",
        "alle kinderen", "alle collegas", "alle gezinnen", "alle groepen", "alle klassen", "hele klas",
        "hele groep", "hele school", "hele locatie", "hele jaarlaag", "hele afdeling", "gehele klas",
        "gehele school", "heel de klas", "heel de school", "all students", "all pupils", "all parents",
        "all staff", "all teachers", "all employees", "all children", "whole class", "whole school",
        "whole year", "entire class", "entire school", "every student", "every parent",
    ])

    /// On the white-space tokens, so a time (`9:30`) or a date (`12-11`) is not a number: a number (`28`,
    /// `1.200`, `dertig`) not after a label word (`groep 8`), not before a time unit (`9 uur`), with a count
    /// word in the next three tokens.
    private static func statesScale(_ all: String, words: [String]) -> Bool {
        if wholeGroups.matches(words) { return true }
        let raw = numericTokens(all)
        let tokens = raw.map { MailText.words(String($0)).joined() }
        for (i, token) in tokens.enumerated() {
            let digits = !raw[i].isEmpty && raw[i].allSatisfy { ($0.isASCII && $0.isNumber) || $0 == "." }
                && raw[i].first?.isNumber == true && raw[i].last?.isNumber == true
            let isNumber = digits || numberWords.contains(token) || token.hasSuffix("honderd")
            guard isNumber, i == 0 || !numberLabels.contains(tokens[i - 1]) else { continue }
            if i + 1 < tokens.count, timeUnits.contains(tokens[i + 1]) { continue }
            if tokens[(i + 1)..<min(tokens.count, i + 4)].contains(where: countWords.contains) { return true }
        }
        return false
    }

    private static let sensitivity = PhraseList([
        "gevoelig", "gevoelige", "*gevoelig", "*gevoelige", "bijzondere persoonsgegevens", "bijzondere gegevens",
        "medisch", "medische", "bsn", "burgerservicenummer*", "zorg", "zorggegevens", "zorgdossier*", "zorgplan*",
        "zorgleerling*", "leerlingenzorg", "diagnose*", "gezondheid*", "vertrouwelijk*", "geheim", "religie",
        "strafrechtelijk*", "jeugdzorg", "veilig thuis", "ontwikkelingsperspectief", "opp", "opps", "dyslexie*",
        "sensitive", "special category", "special categories", "medical", "health", "confidential", "diagnosis",
        "care plan", "safeguarding", "low risk", "laag risico", "hoog risico", "high risk",
    ])
}
