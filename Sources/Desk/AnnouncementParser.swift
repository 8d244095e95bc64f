import Foundation

/// Reads the command line at the top of an agent's mail to the status address (DAP R-OUT-2).
///
/// The first non-blank line of the reply text is the command; everything after it is the notice text:
/// ```
/// storing: WIFI, M365                                  outage: WIFI, M365
/// storing: WIFI sinds 2026-12-05 08:15                 outage: WIFI since 2026-12-05 08:15
/// onderhoud: WIFI van 2026-12-05 18:00 tot 2026-12-05 22:00
/// onderhoud: WIFI van 5-12-2026 18:00 tot 22:00        maintenance: WIFI from 2026-12-05 18:00 to 22:00
/// update: NTC0000001                                   (bijwerken:)
/// opgelost: NTC0000001                                 resolved: NTC0000001 (hersteld:, resolve:)
/// ```
/// Dates are `2026-12-05 18:00`, `5-12-2026 18:00` or `2026-12-05T18:00`, local time (Europe/Amsterdam); an
/// end time alone (`tot 22:00`) is on the start's day. A line that starts with a keyword but cannot be read is
/// returned with a `problem`, so the agent is told instead of a wrong notice going out.
public enum AnnouncementParser {
    public static func parse(_ replyText: String) -> AnnouncementParse {
        let lines = replyText.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        guard let index = lines.firstIndex(where: { !$0.trimmedSpaces.isEmpty }) else {
            return AnnouncementParse(command: nil, text: "")
        }
        let first = lines[index].trimmedSpaces
        let text = lines[(index + 1)...].joined(separator: "\n").trimmedWhitespace
        guard let colon = first.firstIndex(of: ":") else {
            return AnnouncementParse(command: nil, text: replyText.trimmedWhitespace)
        }
        let keyword = fold(first[..<colon]).trimmedSpaces
        let value = String(first[first.index(after: colon)...]).trimmedSpaces
        switch keyword {
        case "storing", "verstoring", "outage", "disruption":
            return announce(.outage, value, text: text)
        case "onderhoud", "gepland onderhoud", "werkzaamheden", "maintenance", "planned maintenance":
            return announce(.maintenance, value, text: text)
        case "update", "bijwerken", "aanvulling":
            guard case .valid(let number) = number(value) else {
                return AnnouncementParse(command: nil, text: text, problem: "update: needs a notice number like NTC0000001")
            }
            return AnnouncementParse(command: .update(number), text: text)
        case "opgelost", "hersteld", "resolved", "resolve", "solved":
            guard case .valid(let number) = number(value) else {
                return AnnouncementParse(command: nil, text: text,
                                         problem: "opgelost: needs a notice number like NTC0000001")
            }
            return AnnouncementParse(command: .resolve(number), text: text)
        default:
            return AnnouncementParse(command: nil, text: replyText.trimmedWhitespace)
        }
    }

    private enum NumberValue {
        /// A number, or none (`update:` alone: the number comes from the token the mail was sent to).
        case valid(NoticeNumber?)
        case invalid
    }

    /// `""` → none, `NTC0000001` or `[NTC0000001]` → the number; anything else is invalid.
    private static func number(_ value: String) -> NumberValue {
        let word = value.split(separator: " ").first.map {
            String($0).trimmingCharacters(in: CharacterSet(charactersIn: "[].,;"))
        }
        guard let word, !word.isEmpty else { return .valid(nil) }
        guard let number = NoticeNumber(word) else { return .invalid }
        return .valid(number)
    }

    private static let periodStart: Set<String> = ["van", "vanaf", "from", "sinds", "since"]
    private static let periodEnd: Set<String> = ["tot", "to", "until", "till", "t/m", "-", "tm"]

    private static func announce(_ type: NoticeType, _ value: String, text: String) -> AnnouncementParse {
        // Services first, then an optional period after a start word.
        let tokens = value.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        let startIndex = tokens.firstIndex { periodStart.contains(fold($0)) }
        let services = tokens[..<(startIndex ?? tokens.count)].joined(separator: " ")
        guard !services.trimmingCharacters(in: CharacterSet(charactersIn: " ,;")).isEmpty else {
            return AnnouncementParse(command: nil, text: text, problem: "\(type == .outage ? "storing" : "onderhoud"): names no service (for example WIFI, M365)")
        }
        var period: NoticePeriod?
        if let startIndex {
            let rest = Array(tokens[(startIndex + 1)...])
            let endIndex = rest.firstIndex { periodEnd.contains(fold($0)) }
            guard let from = moment(rest[..<(endIndex ?? rest.count)].joined(separator: " "), day: nil) else {
                return AnnouncementParse(command: nil, text: text,
                                         problem: "the start time cannot be read; write it as 2026-12-05 18:00")
            }
            var until: AgentCommand.LocalDateTime?
            if let endIndex {
                guard let end = moment(rest[(endIndex + 1)...].joined(separator: " "), day: from.date), end > from else {
                    return AnnouncementParse(command: nil, text: text,
                                             problem: "the end time cannot be read or is not after the start; write it as 2026-12-05 22:00")
                }
                until = end
            }
            period = NoticePeriod(from: from, until: until)
        }
        if type == .maintenance, period?.until == nil {
            return AnnouncementParse(command: nil, text: text,
                                     problem: "onderhoud: needs a period: van 2026-12-05 18:00 tot 2026-12-05 22:00")
        }
        return AnnouncementParse(command: .announce(type: type, services: services, period: period), text: text)
    }

    /// `2026-12-05 18:00`, `5-12-2026 18.00`, `2026-12-05T18:00`, `om 18:00 uur`; or a time alone on `day`.
    static func moment(_ text: String, day: CalendarDay?) -> AgentCommand.LocalDateTime? {
        var date: (Int, Int, Int)? = day.map { ($0.year, $0.month, $0.day) }
        var sawDate = false
        var time: (Int, Int)?
        for raw in fold(text).split(whereSeparator: { $0 == " " || $0 == "," }) {
            var tokens = [raw]
            if let t = raw.firstIndex(of: "t"), t != raw.startIndex, raw[raw.index(before: t)].isNumber,
                raw[raw.index(after: t)...].first?.isNumber == true {
                tokens = [raw[..<t], raw[raw.index(after: t)...]]
            }
            for token in tokens {
                if ["om", "at", "uur", "u", "h"].contains(String(token)) { continue }
                if !sawDate, let d = calendarDate(token) {
                    date = d
                    sawDate = true
                } else if time == nil, let c = clock(token) {
                    time = c
                } else {
                    return nil
                }
            }
        }
        guard let date, let time else { return nil }
        return AgentCommand.LocalDateTime(year: date.0, month: date.1, day: date.2, hour: time.0, minute: time.1)
    }

    private static func calendarDate(_ token: Substring) -> (Int, Int, Int)? {
        let parts = token.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "-" || $0 == "/" })
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isASCII) }),
              let a = Int(parts[0]), let b = Int(parts[1]), let c = Int(parts[2]) else { return nil }
        if parts[0].count == 4, parts[1].count <= 2, parts[2].count <= 2 { return (a, b, c) }
        if parts[2].count == 4, parts[0].count <= 2, parts[1].count <= 2 { return (c, b, a) }
        return nil
    }

    private static func clock(_ token: Substring) -> (Int, Int)? {
        var text = token
        for suffix in ["uur", "u", "h"] where text.hasSuffix(suffix) {
            text = text.dropLast(suffix.count)
            break
        }
        let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == ":" || $0 == "." })
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              let hour = Int(parts[0]), let minute = Int(parts[1]), (0...23).contains(hour), (0...59).contains(minute)
        else { return nil }
        return (hour, minute)
    }

    private static func fold(_ text: some StringProtocol) -> String {
        text.lowercased().folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
    }
}
