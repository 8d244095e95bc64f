import Foundation

/// Reads the commands of a mail to the status address (DAP R-OUT-1), from the subject and the first lines.
///
/// A command line is a keyword and what follows it, Dutch or English, in any case, with or without a colon:
/// ```
/// subscribe WIFI M365        aanmelden wifi, magister     abonneren | inschrijven  (+ "voor" / "for" / "to")
/// unsubscribe WIFI           afmelden wifi                uitschrijven | opzeggen
/// unsubscribe all            afmelden alles | alle | all
/// list                       lijst | overzicht
/// help                       hulp | ?
/// ```
/// The subject counts first (reply prefixes `Re:`, `Antw:`, `Fwd:` removed); then each line at the top of the
/// body that is a command, up to the first line that is not (a greeting, a signature). A mail without any
/// command returns no commands and its first line in `notUnderstood`, so the gateway can answer with help.
public enum SubscriberCommandParser {
    public static func parse(subject: String, text: String) -> SubscriberCommandParse {
        var commands: [SubscriberCommand] = []
        var language: Language?
        if let (command, lang) = line(stripReplyPrefixes(subject)) {
            commands.append(command)
            language = lang
        }
        var firstText: String?
        for raw in text.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline).prefix(20) {
            let trimmed = raw.trimmedSpaces
            if trimmed.isEmpty { continue }
            guard let (command, lang) = line(trimmed) else {
                firstText = trimmed
                break
            }
            commands.append(command)
            if language == nil { language = lang }
        }
        if commands.isEmpty {
            let subjectText = stripReplyPrefixes(subject).trimmedSpaces
            return SubscriberCommandParse(commands: [], language: nil,
                                          notUnderstood: firstText ?? (subjectText.isEmpty ? nil : subjectText))
        }
        return SubscriberCommandParse(commands: commands, language: language)
    }

    private enum Keyword { case subscribe, unsubscribe, list, help }

    private static let keywords: [String: (Keyword, Language)] = [
        "subscribe": (.subscribe, .en), "join": (.subscribe, .en),
        "aanmelden": (.subscribe, .nl), "abonneren": (.subscribe, .nl), "inschrijven": (.subscribe, .nl),
        "unsubscribe": (.unsubscribe, .en), "leave": (.unsubscribe, .en),
        "afmelden": (.unsubscribe, .nl), "uitschrijven": (.unsubscribe, .nl), "opzeggen": (.unsubscribe, .nl),
        "list": (.list, .en), "lijst": (.list, .nl), "overzicht": (.list, .nl),
        "help": (.help, .en), "hulp": (.help, .nl),
    ]

    /// Words after the keyword that are not service words.
    private static let fillers: Set<String> = ["voor", "for", "to", "from", "van", "op", "me", "mij", "bij", "please",
                                               "graag", "aub", "svp"]
    private static let everything: Set<String> = ["all", "alles", "alle", "everything", "allemaal"]

    /// One line as a command, or nil when it is not one.
    static func line(_ text: String) -> (SubscriberCommand, Language)? {
        let trimmed = text.trimmedSpaces
        if trimmed == "?" { return (.help, .nl) }
        let words = MailText.words(trimmed)
        guard let first = words.first, let (keyword, language) = keywords[first] else { return nil }
        // The keyword must start the line (`Ik wil me graag aanmelden` is prose, not a command).
        let folded = trimmed.lowercased().folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
        guard folded.drop(while: { !$0.isLetter }).hasPrefix(first) else { return nil }
        let rest = words.dropFirst().filter { !fillers.contains($0) }
        switch keyword {
        case .list: return rest.isEmpty ? (.list, language) : nil
        case .help: return rest.isEmpty ? (.help, language) : nil
        case .subscribe:
            return (.subscribe(rest.joined(separator: " ")), language)
        case .unsubscribe:
            if !rest.isEmpty, rest.allSatisfy({ everything.contains($0) }) { return (.unsubscribeAll, language) }
            // A bare `unsubscribe` (the List-Unsubscribe mailto's subject, sent to the plain address) means all.
            if rest.isEmpty { return (.unsubscribeAll, language) }
            return (.unsubscribe(rest.joined(separator: " ")), language)
        }
    }

    /// `Re: Re: Antw: aanmelden wifi` → `aanmelden wifi`.
    public static func stripReplyPrefixes(_ subject: String) -> String {
        var text = Substring(subject.trimmedSpaces)
        let prefixes = ["re:", "aw:", "antw:", "antwoord:", "fwd:", "fw:", "doorst:", "wg:", "sv:", "vs:"]
        var changed = true
        while changed {
            changed = false
            for prefix in prefixes where text.lowercased().hasPrefix(prefix) {
                text = text.dropFirst(prefix.count).drop(while: { $0 == " " })
                changed = true
            }
        }
        return String(text)
    }
}
