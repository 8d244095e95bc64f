import Foundation

/// Reads the command lines at the top of an agent's reply (DAP R-AGENT-2, R-AGENT-4).
///
/// The caller passes the reply's new text (quotes and signature already stripped, `Message.replyText`).
/// Command lines stand at the top, before the first line that is neither blank nor a command; the rest is the
/// message for the requester (DAP R-AGENT-1) or, after `intern` / `note:`, an internal note.
///
/// A command line is `keyword: value` or `keyword value`, Dutch or English, in any case, with or without a
/// leading `#` or `/`, with any spacing:
/// ```
/// status: in behandeling | wacht op klant | opgelost | gesloten | geregistreerd
/// status: in progress | on hold | waiting | resolved | closed | registered
/// prioriteit: 2 reden: hele school kan niet printen      priority: P2 because the whole school is down
/// type: incident | verzoek | wijziging | klacht | vraag | beveiliging | probleem   (or the English words)
/// toewijzen: pmo                                         assign: agent2@cloudwise.test
/// bezoek: 2026-12-03 09:30 | planafspraak: do 3-12-2026 om 9.30       visit: 3/12/2026 9:30
/// oplossen: <solution>                                   resolve: <solution>
/// sluiten [als interactie]                               close [as interaction]
/// heropenen [reason]                                     reopen [reason]
/// koppel: PRB0000012                                     link: CHG0000003
/// samenvoegen: CS0000123                                 merge: CS0000123
/// intern | notitie: <first line of the note>             internal | note: <first line of the note>
/// escaleer [reason]                                      escalate [reason]
/// akkoord | goedgekeurd [reason]                         approve | approved [reason]
/// afgewezen | afwijzen | niet akkoord: <reason>          reject | rejected | not approved: <reason>
/// workaround | tijdelijke oplossing | omweg: <text>      workaround: <text>
/// major | groot incident [: reason]                      major | major incident [: reason]
/// fase | mijlpaal: bouw | test | implementatie …         phase | milestone: build | test | implement …
/// test mislukt | test gefaald | test: mislukt [reason]   test failed | test: failed [reason]
/// terugdraaien | terugrollen [: reason]                  rollback | roll back [: reason]
/// oorzaak: <cause>                                       cause: <cause>
/// uren | tijd | bestede tijd: 1,5                        hours | time spent: 1.5
/// bekende fout: <workaround>                             known error: <workaround>
/// categorie: <category>                                  category: <category>
/// ```
/// Words that often start prose take their value only after a colon: `oplossing`, `workaround`, `fase`,
/// `oorzaak`, `uren`/`tijd`, `bekende fout`, `categorie` (and their English words); without it the line is
/// prose ("Oorzaak onbekend, we zoeken verder."). `major`, `groot incident`, `terugdraaien` and `rollback`
/// take a reason after a colon, a dash or comma, or a reason word (`reden`, `because`, `omdat` …); followed
/// by other words they are prose ("Rollback the update tonight."). `test` is a command only as a failed test
/// ("Testen gaan morgen verder" is prose).
/// A line that starts with a keyword but whose value cannot be read, a line in the command block that starts
/// with a marker (`#`, `/`) and an unknown word, and a line `word: …` whose single word is not a keyword, are
/// returned in `notUnderstood` with an explanation; the gateway then answers the agent with that list and
/// changes nothing. A greeting (`Hoi,`, `Beste Jan,`, `Hello:`) or any other line of prose ends the block.
public enum AgentCommandParser {
    /// - Parameters:
    ///   - replyText: the reply's new text.
    ///   - groups: the agent groups `toewijzen:` / `assign:` accepts: the known ones unless the gateway passes
    ///     its configured list.
    public static func parse(_ replyText: String, groups: [AgentGroup] = AgentGroup.known) -> AgentCommandParse {
        let lines = replyText.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        var commands: [AgentCommand] = []
        var notUnderstood: [NotUnderstoodLine] = []
        var messageLines: [Substring] = []
        var index = 0
        block: while index < lines.count {
            let line = clean(lines[index])
            index += 1
            if line.isEmpty { continue }
            switch classify(line, groups: groups) {
            case .command(let command):
                commands.append(command)
            case .note(let firstLine):
                commands.append(.internalNote)
                messageLines.append(Substring(firstLine))
                break block
            case .notUnderstood(let problem):
                notUnderstood.append(NotUnderstoodLine(lineNumber: index, line: line, problem: problem))
            case .text:
                index -= 1
                break block
            }
        }
        messageLines += lines[index...]
        let message = messageLines.joined(separator: "\n").trimmedWhitespace
        return AgentCommandParse(commands: commands, message: message, notUnderstood: notUnderstood)
    }

    // MARK: - Lines

    private enum Line {
        case command(AgentCommand)
        /// `note: text`: an internal note whose first line is `text`; the block ends.
        case note(String)
        case notUnderstood(AgentCommandProblem)
        /// Not a command: the message starts here.
        case text
    }

    private enum Keyword {
        case status, priority, type, assign, visit, resolve, close, reopen, link, merge, note, escalate, approve
        case reject, workaround, major, phase, testResult, rollback, cause, hours, knownError, category
    }

    /// Folded (lowercase, no accents) keyword → command.
    private static let keywords: [String: Keyword] = [
        "status": .status,
        "prioriteit": .priority, "priority": .priority, "prio": .priority,
        "type": .type, "soort": .type, "classificatie": .type, "classification": .type,
        "toewijzen": .assign, "assign": .assign, "doorzetten": .assign,
        "bezoek": .visit, "visit": .visit, "planafspraak": .visit,
        "oplossen": .resolve, "oplossing": .resolve, "resolve": .resolve, "solution": .resolve,
        "sluiten": .close, "afsluiten": .close, "close": .close,
        "heropenen": .reopen, "heropen": .reopen, "reopen": .reopen,
        "koppel": .link, "koppelen": .link, "link": .link,
        "samenvoegen": .merge, "merge": .merge,
        "intern": .note, "internal": .note, "notitie": .note, "note": .note,
        "escaleer": .escalate, "escaleren": .escalate, "escalate": .escalate,
        "akkoord": .approve, "goedgekeurd": .approve, "approve": .approve, "approved": .approve,
        "afgewezen": .reject, "afwijzen": .reject, "afgekeurd": .reject, "afkeuren": .reject, "reject": .reject,
        "rejected": .reject,
        "workaround": .workaround, "omweg": .workaround,
        "major": .major, "majorincident": .major,
        "fase": .phase, "phase": .phase, "mijlpaal": .phase, "milestone": .phase,
        "test": .testResult, "testen": .testResult, "tests": .testResult,
        "terugdraaien": .rollback, "terugrollen": .rollback, "rollback": .rollback, "roll-back": .rollback,
        "oorzaak": .cause, "cause": .cause,
        "uren": .hours, "hours": .hours, "tijd": .hours, "tijdsbesteding": .hours,
        "categorie": .category, "category": .category,
    ]

    /// Commands whose value follows a colon: the words often start prose ("Oorzaak onbekend", "Tijd om …").
    /// A marked line (`#oorzaak driver`) needs no colon.
    private static let colonRequired: Set<Keyword> = [.workaround, .phase, .cause, .hours, .knownError, .category]

    /// Nouns that read as prose without a colon (`Oplossing is gevonden`): commands only as `oplossing: …`.
    private static let colonOnly: Set<String> = ["oplossing", "solution"]

    /// Two-word keywords, checked before the one-word ones.
    private static let phrases: [String: Keyword] = [
        "niet akkoord": .reject, "niet goedgekeurd": .reject, "not approved": .reject,
        "interne notitie": .note, "internal note": .note,
        "tijdelijke oplossing": .workaround, "major incident": .major, "groot incident": .major,
        "roll back": .rollback, "bestede tijd": .hours, "time spent": .hours, "bekende fout": .knownError,
        "known error": .knownError,
    ]

    /// First words of a greeting: never a command, even as `Hallo:`.
    private static let greetings: Set<String> = [
        "hoi", "hallo", "hello", "hi", "hey", "hee", "beste", "geachte", "dear", "goedemorgen", "goedemiddag",
        "goedenavond", "morgen", "middag", "dag", "good", "goeiemorgen", "goeiemiddag", "ha",
    ]

    private static func classify(_ line: String, groups: [AgentGroup]) -> Line {
        var rest = Substring(line)
        var marked = false
        if rest.first == "#" || rest.first == "/" {
            marked = true
            rest = rest.dropFirst().drop(while: { $0 == " " })
        }
        let (first, afterFirst) = word(rest)
        guard !first.isEmpty else { return .text }
        let firstKey = fold(first)

        var keyword = keywords[firstKey]
        var after = afterFirst
        let (second, afterSecond) = word(afterFirst.drop(while: { $0 == " " }))
        if !second.isEmpty, let phrase = phrases[firstKey + " " + fold(second)] {
            keyword = phrase
            after = afterSecond
        }
        guard let keyword else {
            if greetings.contains(firstKey) { return .text }
            let tail = afterFirst.drop(while: { $0 == " " })
            let isWordColon = tail.first == ":" && (tail.dropFirst().first.map { $0 == " " } ?? true)
            if marked || isWordColon { return .notUnderstood(.unknownCommand(String(first))) }
            return .text
        }
        let (value, hadColon) = commandValue(after)
        if colonOnly.contains(firstKey), !hadColon { return .text }
        if colonRequired.contains(keyword), !hadColon, !marked { return .text }
        return parse(keyword, value: value, hadColon: hadColon, marked: marked, groups: groups)
    }

    /// `marked`: the line started with `#` or `/`; for the commands of DAP R-INC-4 … R-PRB-3 that counts as
    /// a colon (`#oorzaak driver verouderd`).
    private static func parse(_ keyword: Keyword, value: String, hadColon: Bool, marked: Bool, groups: [AgentGroup])
        -> Line
    {
        switch keyword {
        case .status:
            guard !value.isEmpty else { return .notUnderstood(.missingValue) }
            guard let status = statuses[phrase(value)] else { return .notUnderstood(.unknownStatus) }
            return .command(.status(status))

        case .priority:
            return priority(value)

        case .type:
            guard !value.isEmpty else { return .notUnderstood(.missingValue) }
            guard let type = types[phrase(value)] else { return .notUnderstood(.unknownType) }
            return .command(.reclassify(type))

        case .assign:
            let target = dropLeadingWord(value, ["aan", "to", "naar"])
            guard !target.isEmpty else { return .notUnderstood(.missingValue) }
            if target.contains("@") {
                guard let address = agentAddress(target) else { return .notUnderstood(.unknownAssignee) }
                return .command(.assign(.agent(address)))
            }
            guard let group = AgentGroup.parse(trimmingPunctuation(target), among: groups) else {
                return .notUnderstood(.unknownAssignee)
            }
            return .command(.assign(.group(group)))

        case .visit:
            guard !value.isEmpty else { return .notUnderstood(.missingValue) }
            guard let time = visitTime(value) else { return .notUnderstood(.invalidVisit) }
            return .command(.visit(time))

        case .resolve:
            guard let solution = freeText(value) else { return .notUnderstood(.missingSolution) }
            return .command(.resolve(solution: solution))

        case .close:
            switch phrase(value) {
            case "": return .command(.close(asInteraction: false))
            case "als interactie", "interactie", "als een interactie", "as interaction", "as an interaction",
                "interaction":
                return .command(.close(asInteraction: true))
            default: return .notUnderstood(.unexpectedValue)
            }

        case .reopen:
            return .command(.reopen(reason: reason(value)))

        case .link:
            let target = trimmingPunctuation(dropLeadingWord(value, ["aan", "met", "to", "with", "naar"]))
            guard !target.isEmpty else { return .notUnderstood(.missingValue) }
            guard let record = AgentCommand.RecordNumber(target) else { return .notUnderstood(.invalidRecordNumber) }
            return .command(.link(record))

        case .merge:
            let target = trimmingPunctuation(dropLeadingWord(value, ["met", "in", "naar", "with", "into", "to"]))
            guard !target.isEmpty else { return .notUnderstood(.missingValue) }
            guard let number = CaseNumber(target) else { return .notUnderstood(.invalidCaseNumber) }
            return .command(.merge(into: number))

        case .note:
            if phrase(value).isEmpty { return .command(.internalNote) }
            // `Note that the printer …` is prose, not a note: a note with text needs the colon.
            guard hadColon else { return .notUnderstood(.unexpectedValue) }
            return .note(value)

        case .escalate:
            return .command(.escalate(reason: reason(value)))

        case .approve:
            return .command(.approve(reason: reason(value)))

        case .reject:
            // DAP R-AGENT-4, R-CHG-3: a rejection is told to the requester with its reason.
            guard let reason = reason(value) else { return .notUnderstood(.missingRejectionReason) }
            return .command(.reject(reason: reason))

        case .workaround:
            // DAP R-INC-4: "workaround in place" is a status update with the workaround.
            guard let text = freeText(value) else { return .notUnderstood(.missingWorkaround) }
            return .command(.workaround(text))

        case .major:
            // DAP R-INC-7.
            guard let reason = optionalReason(value, hadColon: hadColon || marked) else { return .text }
            return .command(.major(reason: reason))

        case .phase:
            // DAP R-CHG-5.
            let name = dropLeadingWord(value, ["naar", "to", "in"])
            guard !name.isEmpty else { return .notUnderstood(.missingValue) }
            guard let phase = ChangePhase.parse(name) else { return .notUnderstood(.unknownPhase) }
            return .command(.phase(phase))

        case .testResult:
            // DAP R-CHG-5: a failed test sends the change back to build.
            guard let rest = afterFailure(value) else {
                // `Testen gaan morgen verder` is prose; `test: geslaagd` asks for the phase command.
                return hadColon || marked ? .notUnderstood(.unknownTestResult) : .text
            }
            return .command(.testFailed(reason: reason(rest)))

        case .rollback:
            // DAP R-CHG-5: the implementation is rolled back.
            guard let reason = optionalReason(value, hadColon: hadColon || marked) else { return .text }
            return .command(.rollback(reason: reason))

        case .cause:
            // DAP R-CASE-8.
            guard let text = freeText(value) else { return .notUnderstood(.missingValue) }
            return .command(.cause(text))

        case .hours:
            // DAP R-CASE-8.
            guard !value.isEmpty else { return .notUnderstood(.missingValue) }
            guard let hours = hours(value) else { return .notUnderstood(.invalidHours) }
            return .command(.hours(hours))

        case .knownError:
            // DAP R-PRB-3: a problem ends as a known error with its workaround.
            guard let text = freeText(value) else { return .notUnderstood(.missingWorkaround) }
            return .command(.knownError(workaround: text))

        case .category:
            // DAP R-PRB-1: incidents on one service and category add up to a problem.
            guard var text = freeText(value) else { return .notUnderstood(.missingValue) }
            while let last = text.last, last == "." || last == "," || last == ";" || last == "!" { text.removeLast() }
            return .command(.category(text.trimmedSpaces))
        }
    }

    // MARK: - New command values (DAP R-INC-4, R-INC-7, R-CHG-5, R-CASE-8, R-PRB-1, R-PRB-3)

    /// The optional reason of `major` / `rollback`: `.some(nil)` without one, `.some(reason)` after a colon,
    /// a separator (`,` `-` `;` `(`) or a reason word (`reden`, `because`, `omdat` …); nil when other words
    /// follow without one of those, which makes the line prose ("Rollback the update tonight").
    private static func optionalReason(_ value: String, hadColon: Bool) -> String?? {
        if hadColon || value.isEmpty { return .some(reason(value)) }
        if let first = value.first, isSeparator(first) || first == "(" {
            return .some(reason(String(value.drop(while: { $0 == "(" }))))
        }
        let (label, _) = word(Substring(value))
        if !label.isEmpty, reasonLabels.contains(fold(label)) { return .some(reason(value)) }
        return nil
    }

    /// Words that report a failed test, one or two words.
    private static let failures: Set<String> = [
        "mislukt", "gefaald", "faalt", "failed", "fails", "fail", "niet geslaagd", "not passed", "niet ok",
        "not ok", "nok",
    ]

    /// What follows `mislukt` / `failed` in a test command's value; nil when the value does not report a
    /// failed test.
    private static func afterFailure(_ value: String) -> String? {
        let (first, afterFirst) = word(Substring(value))
        guard !first.isEmpty else { return nil }
        if failures.contains(fold(first)) { return String(afterFirst) }
        let (second, afterSecond) = word(afterFirst.drop(while: { $0 == " " }))
        if !second.isEmpty, failures.contains(fold(first) + " " + fold(second)) { return String(afterSecond) }
        return nil
    }

    /// DAP R-CASE-8: `1,5`, `1.5`, `2`, `0,75 uur`, `1,5u`, `2 hours`, `45 min`, `1,5 uur besteed`: hours,
    /// 0 < h ≤ 1000; nil for anything else (`14:00`, `twee`, `1,5-2`).
    private static func hours(_ value: String) -> Double? {
        var text = Substring(fold(value))
        while let last = text.last, last == "." || last == "," || last == ";" || last == "!" { text.removeLast() }
        let number = text.prefix(while: { ($0.isASCII && $0.isNumber) || $0 == "," || $0 == "." })
        // `1,5 uur besteed`, `2 hours spent`: the participle is allowed after the unit.
        var unitWords = text.dropFirst(number.count).split(separator: " ")
        if let last = unitWords.last, ["besteed", "gewerkt", "spent", "worked"].contains(String(last)) {
            unitWords.removeLast()
        }
        let unit = unitWords.joined(separator: " ")
        let separators = number.filter { $0 == "," || $0 == "." }.count
        guard separators <= 1, number.first?.isNumber == true, number.last?.isNumber == true,
            let amount = Double(String(number.map { $0 == "," ? "." : $0 }))
        else { return nil }
        let result: Double
        switch unit {
        case "", "u", "uur", "uren", "h", "hr", "hrs", "hour", "hours": result = amount
        case "m", "min", "mins", "minuut", "minuten", "minute", "minutes": result = amount / 60
        default: return nil
        }
        guard result > 0, result <= 1000 else { return nil }
        return result
    }

    // MARK: - Values

    private static let statuses: [String: CaseStatus] = [
        "geregistreerd": .registered, "registered": .registered, "nieuw": .registered, "new": .registered,
        "in behandeling": .inProgress, "behandeling": .inProgress, "bezig": .inProgress, "in uitvoering": .inProgress,
        "in progress": .inProgress, "inprogress": .inProgress, "work in progress": .inProgress,
        "wacht op klant": .onHold, "wachten op klant": .onHold, "wacht op gebruiker": .onHold,
        "wacht op melder": .onHold, "wacht": .onHold, "wachten": .onHold, "in de wacht": .onHold,
        "on hold": .onHold, "onhold": .onHold, "waiting": .onHold, "waiting for customer": .onHold,
        "waiting on customer": .onHold, "pending": .onHold,
        "opgelost": .resolved, "resolved": .resolved, "solved": .resolved,
        "gesloten": .closed, "afgesloten": .closed, "closed": .closed,
    ]

    private static let types: [String: CaseType] = [
        "incident": .incident, "storing": .incident,
        "verzoek": .request, "serviceverzoek": .request, "aanvraag": .request, "request": .request,
        "service request": .request, "ritm": .request,
        "wijziging": .change, "wijzigingsverzoek": .change, "change": .change,
        "klacht": .complaint, "complaint": .complaint,
        "vraag": .question, "question": .question,
        "beveiliging": .security, "beveiligingsincident": .security, "datalek": .security, "security": .security,
        "security incident": .security, "data breach": .security,
        "probleem": .problem, "problem": .problem,
    ]

    /// DAP R-INC-1, R-REQ-4: `2 reden: …`, `P2 because …`, `p2, …`: a priority 1–4 and a reason.
    private static func priority(_ value: String) -> Line {
        guard !value.isEmpty else { return .notUnderstood(.missingValue) }
        var rest = Substring(value)
        if rest.first == "p" || rest.first == "P" { rest = rest.dropFirst().drop(while: { $0 == " " }) }
        let digits = rest.prefix(while: { $0.isASCII && $0.isNumber })
        guard digits.count == 1, let n = Int(digits), let priority = Priority(rawValue: n) else {
            return .notUnderstood(.invalidPriority)
        }
        rest = rest.dropFirst(digits.count)
        // The priority must end there: `2x` or `P2B` is not a priority.
        if let next = rest.first, next.isLetter || next.isNumber { return .notUnderstood(.invalidPriority) }
        guard let reason = reason(String(rest)) else { return .notUnderstood(.missingPriorityReason) }
        return .command(.priority(priority, reason: reason))
    }

    /// Words that introduce a reason, dropped from its start.
    private static let reasonLabels: Set<String> = [
        "reden", "reason", "omdat", "because", "want", "wegens", "vanwege", "ivm", "since", "motivatie",
        "toelichting", "motivation",
    ]

    /// A reason after a command: separators and a label (`reden:`, `because`) dropped; nil when nothing with
    /// a letter or digit is left.
    private static func reason(_ value: String) -> String? {
        var rest = Substring(value).drop(while: { isSeparator($0) })
        let (label, afterLabel) = word(rest)
        if !label.isEmpty, reasonLabels.contains(fold(label)),
            afterLabel.isEmpty || afterLabel.first == " " || afterLabel.first == ":"
        {
            rest = afterLabel.drop(while: { isSeparator($0) })
        } else if fold(String(rest.prefix(6))) == "i.v.m." {
            rest = rest.dropFirst(6).drop(while: { isSeparator($0) })
        }
        return freeText(String(rest))
    }

    /// Text with at least one letter or digit, trimmed; nil otherwise.
    private static func freeText(_ value: String) -> String? {
        let text = value.trimmedSpaces
        return text.contains(where: { $0.isLetter || $0.isNumber }) ? text : nil
    }

    private static func isSeparator(_ c: Character) -> Bool {
        c == " " || c == ":" || c == "," || c == ";" || c == "-" || c == "–" || c == "—" || c == "." || c == "="
    }

    /// An agent's address: one addr-spec, lowercased; nil unless it has a local part and a dotted domain.
    private static func agentAddress(_ text: String) -> String? {
        var candidate = Substring(text)
        if let open = candidate.firstIndex(of: "<"), let close = candidate.lastIndex(of: ">"), open < close {
            candidate = candidate[candidate.index(after: open)..<close]
        }
        let address = trimmingPunctuation(String(candidate)).lowercased()
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."),
            !parts[1].hasSuffix("."), !address.contains(where: { $0 == " " || $0 == "<" || $0 == ">" || $0 == "," })
        else { return nil }
        return address
    }

    // MARK: - On-site visit (DAP R-INC-6)

    private static let weekdays: [String: Int] = [
        "maandag": 1, "ma": 1, "monday": 1, "mon": 1,
        "dinsdag": 2, "di": 2, "tuesday": 2, "tue": 2,
        "woensdag": 3, "wo": 3, "wednesday": 3, "wed": 3,
        "donderdag": 4, "do": 4, "thursday": 4, "thu": 4,
        "vrijdag": 5, "vr": 5, "friday": 5, "fri": 5,
        "zaterdag": 6, "za": 6, "saturday": 6, "sat": 6,
        "zondag": 7, "zo": 7, "sunday": 7, "sun": 7,
    ]

    private static let visitFillers: Set<String> = [
        "op", "on", "om", "at", "uur", "u", "h", "de", "the", "vanaf", "from",
    ]

    /// `2026-12-03 09:30`, `3-12-2026 9:30`, `3/12/2026 9.30`, `2026-12-03T09:30`, `do 3-12-2026 om 9:30 uur`:
    /// one date with a four-digit year (year first or last) and one time; a weekday, when written, must match.
    private static func visitTime(_ value: String) -> AgentCommand.LocalDateTime? {
        var tokens: [Substring] = []
        for token in fold(value).split(whereSeparator: { $0 == " " || $0 == "," }) {
            // ISO 8601's `T` between date and time.
            if let t = token.firstIndex(of: "t"), t != token.startIndex, token[token.index(before: t)].isNumber,
                token[token.index(after: t)...].first?.isNumber == true
            {
                tokens.append(token[..<t])
                tokens.append(token[token.index(after: t)...])
            } else {
                tokens.append(token)
            }
        }
        var date: (Int, Int, Int)?
        var time: (Int, Int)?
        var weekday: Int?
        for token in tokens {
            let word = token.last == "." && !token.contains(where: \.isNumber) ? token.dropLast() : token
            if visitFillers.contains(String(word)) { continue }
            if weekday == nil, let w = weekdays[String(word)] {
                weekday = w
            } else if date == nil, let d = visitDate(token) {
                date = d
            } else if time == nil, let t = visitClock(token) {
                time = t
            } else {
                return nil
            }
        }
        guard let date, let time,
            let result = AgentCommand.LocalDateTime(
                year: date.0, month: date.1, day: date.2, hour: time.0, minute: time.1)
        else { return nil }
        if let weekday, weekday != result.date.weekday { return nil }
        return result
    }

    /// `2026-12-03`, `3-12-2026`, `03/12/2026`, `3.12.2026`.
    private static func visitDate(_ token: Substring) -> (Int, Int, Int)? {
        let parts = token.split(
            omittingEmptySubsequences: false, whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." })
        guard parts.count == 3, parts.allSatisfy({ isDigits($0, 1...4) }) else { return nil }
        guard let a = Int(parts[0]), let b = Int(parts[1]), let c = Int(parts[2]) else { return nil }
        if parts[0].count == 4, parts[1].count <= 2, parts[2].count <= 2 { return (a, b, c) }
        if parts[2].count == 4, parts[0].count <= 2, parts[1].count <= 2 { return (c, b, a) }
        return nil
    }

    /// `9:30`, `09:30`, `9.30`, `9u30`, `9h30`, `9:30u`: hour 0–23, minute with two digits.
    private static func visitClock(_ token: Substring) -> (Int, Int)? {
        var text = token
        for suffix in ["uur", "u", "h"] where text.hasSuffix(suffix) {
            text = text.dropLast(suffix.count)
            break
        }
        let parts = text.split(
            omittingEmptySubsequences: false, whereSeparator: { $0 == ":" || $0 == "." || $0 == "u" || $0 == "h" })
        guard parts.count == 2, isDigits(parts[0], 1...2), isDigits(parts[1], 2...2),
            let hour = Int(parts[0]), let minute = Int(parts[1]), (0...23).contains(hour), (0...59).contains(minute)
        else { return nil }
        return (hour, minute)
    }

    private static func isDigits(_ s: Substring, _ length: ClosedRange<Int>) -> Bool {
        length.contains(s.count) && s.allSatisfy { $0.isASCII && $0.isNumber }
    }

    // MARK: - Text helpers

    /// The line with control characters, no-break and other odd spaces made plain spaces, zero-width
    /// characters removed, runs of spaces collapsed, and trimmed. A trailing `\r` (`status: opgelost\r`) goes
    /// with it.
    private static func clean(_ line: Substring) -> String {
        var scalars = String.UnicodeScalarView()
        var previousSpace = true
        for u in line.unicodeScalars {
            switch u.value {
            case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF:
                continue
            case 0..<0x21, 0x7F..<0xA1, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
                if !previousSpace { scalars.append(" ") }
                previousSpace = true
            default:
                scalars.append(u)
                previousSpace = false
            }
        }
        if scalars.last == " " { scalars.removeLast() }
        return String(scalars)
    }

    /// Lowercase, accents and width folded.
    private static func fold(_ text: some StringProtocol) -> String {
        text.lowercased().folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
    }

    /// A value compared with a list of phrases: folded, `_` and `-` read as spaces, end punctuation dropped.
    private static func phrase(_ value: String) -> String {
        let spaced = fold(value).map { $0 == "_" || $0 == "-" ? " " : $0 }
        return trimmingPunctuation(String(spaced)).split(separator: " ").joined(separator: " ")
    }

    private static func trimmingPunctuation(_ text: String) -> String {
        text.trimmingCharacters(in: CharacterSet(charactersIn: " .,;:!?()[]\"'"))
    }

    /// The first word (letters, with `-` inside) of `text`, and what follows it.
    private static func word(_ text: Substring) -> (Substring, Substring) {
        var end = text.startIndex
        while end < text.endIndex {
            let c = text[end]
            if c.isLetter {
                end = text.index(after: end)
            } else if c == "-", end > text.startIndex, text.index(after: end) < text.endIndex,
                text[text.index(after: end)].isLetter
            {
                end = text.index(after: end)
            } else {
                break
            }
        }
        return (text[..<end], text[end...])
    }

    /// After the keyword: white space and one `:` (or `=`) skipped; whether there was a colon.
    private static func commandValue(_ after: Substring) -> (String, Bool) {
        var rest = after.drop(while: { $0 == " " })
        var hadColon = false
        if rest.first == ":" || rest.first == "=" {
            hadColon = true
            rest = rest.dropFirst()
        }
        return (rest.trimmedSpaces, hadColon)
    }

    /// `value` without a leading filler word (`aan pmo` → `pmo`, `to: pmo` → `pmo`).
    private static func dropLeadingWord(_ value: String, _ fillers: Set<String>) -> String {
        let (first, after) = word(Substring(value))
        guard !first.isEmpty, fillers.contains(fold(first)), after.isEmpty || after.first == " " || after.first == ":"
        else { return value }
        let (rest, _) = commandValue(after)
        return rest
    }
}

/// What `AgentCommandParser.parse` read from a reply.
public struct AgentCommandParse: Sendable, Hashable {
    /// The commands, in the order written. Applied only when `notUnderstood` is empty.
    public var commands: [AgentCommand]
    /// The text after the command block, trimmed: the answer to the requester (DAP R-AGENT-1), or the internal
    /// note when `isInternal`. Empty when the reply held only commands.
    public var message: String
    /// Lines of the command block that look like commands but could not be read.
    public var notUnderstood: [NotUnderstoodLine]

    public init(commands: [AgentCommand], message: String, notUnderstood: [NotUnderstoodLine]) {
        self.commands = commands
        self.message = message
        self.notUnderstood = notUnderstood
    }

    /// DAP R-AGENT-1: the reply is marked internal; its text is not sent to the requester.
    public var isInternal: Bool { commands.contains(.internalNote) }

    /// Every line of the command block was understood.
    public var isFullyUnderstood: Bool { notUnderstood.isEmpty }
}

/// A line of the command block that was not understood, for the answer to the agent.
public struct NotUnderstoodLine: Sendable, Hashable, CustomStringConvertible {
    /// 1-based, counted in the reply text the parser was given.
    public let lineNumber: Int
    /// The line, with control characters and odd spaces made plain spaces.
    public let line: String
    public let problem: AgentCommandProblem

    public init(lineNumber: Int, line: String, problem: AgentCommandProblem) {
        self.lineNumber = lineNumber
        self.line = line
        self.problem = problem
    }

    /// `"prioriteit: 2" — prioriteit zonder reden; … / priority without a reason; …`
    public var description: String {
        "\"\(line)\" — \(problem.explanation(.nl)) / \(problem.explanation(.en))"
    }
}

/// Why a command line was not understood.
public enum AgentCommandProblem: Sendable, Hashable {
    /// A `word:` line or a `#word` / `/word` line whose word is no command.
    case unknownCommand(String)
    /// The command needs a value: `status:` alone.
    case missingValue
    case unknownStatus
    /// Not 1–4 or P1–P4.
    case invalidPriority
    /// DAP R-INC-1: a priority change needs a reason.
    case missingPriorityReason
    case unknownType
    /// Not a known group, and not a valid address.
    case unknownAssignee
    /// DAP R-INC-6: no valid date and time.
    case invalidVisit
    case missingSolution
    /// Text after a command that takes none (`sluiten morgen`), or `intern tekst` without the colon.
    case unexpectedValue
    /// Not INC / RITM / CHG / PRB / KB / CS + 7 digits.
    case invalidRecordNumber
    /// Not CS + 7 digits.
    case invalidCaseNumber
    /// DAP R-AGENT-4: a rejection needs a reason.
    case missingRejectionReason
    /// DAP R-CHG-5: not a phase of a change.
    case unknownPhase
    /// DAP R-CHG-5: a `test:` line that does not report a failed test.
    case unknownTestResult
    /// DAP R-CASE-8: not a number of hours above 0 and at most 1000.
    case invalidHours
    /// DAP R-INC-4, R-PRB-3: a workaround or known error without the workaround.
    case missingWorkaround
    /// DAP R-CHG-3, R-AGENT-4: `akkoord` / `afgewezen` on a change by an agent outside the CAB and E-CAB.
    case notCABMember

    /// A short explanation in Dutch or English, with the expected form.
    public func explanation(_ language: Language) -> String {
        let nl = language == .nl
        switch self {
        case .unknownCommand(let word):
            return nl ? "onbekend commando '\(word)'" : "unknown command '\(word)'"
        case .missingValue:
            return nl ? "de waarde ontbreekt" : "the value is missing"
        case .unknownStatus:
            return nl
                ? "onbekende status; gebruik geregistreerd, in behandeling, wacht op klant, opgelost of gesloten"
                : "unknown status; use registered, in progress, on hold, resolved or closed"
        case .invalidPriority:
            return nl ? "prioriteit moet 1 t/m 4 of P1 t/m P4 zijn" : "priority must be 1 to 4 or P1 to P4"
        case .missingPriorityReason:
            return nl
                ? "prioriteit zonder reden; schrijf: prioriteit: 2 reden: …"
                : "priority without a reason; write: priority: P2 because …"
        case .unknownType:
            return nl
                ? "onbekend type; gebruik incident, verzoek, wijziging, klacht, vraag, beveiliging of probleem"
                : "unknown type; use incident, request, change, complaint, question, security or problem"
        case .unknownAssignee:
            return nl ? "onbekende groep of ongeldig adres" : "unknown group or invalid address"
        case .invalidVisit:
            return nl
                ? "datum en tijd niet herkend; schrijf: bezoek: 2026-12-03 09:30"
                : "date and time not recognised; write: visit: 2026-12-03 09:30"
        case .missingSolution:
            return nl
                ? "de oplossing ontbreekt; schrijf: oplossen: <oplossing>"
                : "the solution is missing; write: resolve: <solution>"
        case .unexpectedValue:
            return nl
                ? "onverwachte tekst na het commando (een notitie schrijf je als: notitie: <tekst>)"
                : "unexpected text after the command (write a note as: note: <text>)"
        case .invalidRecordNumber:
            return nl
                ? "ongeldig nummer; verwacht INC, RITM, CHG, PRB, KB of CS met 7 cijfers"
                : "invalid number; expected INC, RITM, CHG, PRB, KB or CS with 7 digits"
        case .invalidCaseNumber:
            return nl
                ? "ongeldig casenummer; verwacht CS met 7 cijfers" : "invalid case number; expected CS with 7 digits"
        case .missingRejectionReason:
            return nl
                ? "afwijzen zonder reden; schrijf: afgewezen: <reden>"
                : "rejection without a reason; write: rejected: <reason>"
        case .unknownPhase:
            return nl
                ? "onbekende fase; gebruik geregistreerd, geautoriseerd, impactanalyse, gepland, bouw, test, "
                    + "implementatie, evaluatie of gesloten"
                : "unknown phase; use registered, authorised, impact analysis, planned, build, test, implement, "
                    + "evaluate or closed"
        case .unknownTestResult:
            return nl
                ? "testresultaat niet herkend; schrijf: test mislukt [reden] (een geslaagde test: fase: implementatie)"
                : "test result not recognised; write: test failed [reason] (a passed test: phase: implement)"
        case .invalidHours:
            return nl
                ? "ongeldig aantal uren; schrijf: uren: 1,5 (meer dan 0, hoogstens 1000)"
                : "invalid number of hours; write: hours: 1.5 (more than 0, at most 1000)"
        case .missingWorkaround:
            return nl
                ? "de workaround ontbreekt; schrijf: workaround: <omschrijving>"
                : "the workaround is missing; write: workaround: <description>"
        case .notCABMember:
            return nl
                ? "over een wijziging beslissen alleen leden van de CAB of E-CAB (of de change-coördinator)"
                : "only members of the CAB or E-CAB (or the change coordinator) decide on a change"
        }
    }
}
