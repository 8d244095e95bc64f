import Foundation

/// Where in the mail a word stood; the classifier weighs the zones differently.
public enum TextZone: String, Sendable, Hashable, Codable {
    /// The subject line (tags removed).
    case subject
    /// The new text of the body.
    case body
    /// Quoted or forwarded text: lines starting with `>`, and everything after an attribution line
    /// (`Op … schreef:`, `On … wrote:`) or a separator (`-----Oorspronkelijk bericht-----`,
    /// `---------- Forwarded message ---------`, an Outlook `Van:`/`From:` header block).
    case quoted
}

/// A mail's words, lower-cased and folded (accents removed, apostrophes dropped), by zone.
/// Internal to the classifier; pure string work.
struct MailText: Sendable {
    var subject: [String]
    var body: [String]
    var quoted: [String]
    /// `?` characters in subject and new body text.
    var questionMarks: Int

    init(subject: String, body: String) {
        let (fresh, old) = MailText.split(body)
        self.subject = MailText.words(subject)
        self.body = MailText.words(fresh)
        self.quoted = MailText.words(old)
        self.questionMarks = (subject + " " + fresh).reduce(0) { $1 == "?" ? $0 + 1 : $0 }
    }

    func tokens(in zone: TextZone) -> [String] {
        switch zone {
        case .subject: return subject
        case .body: return body
        case .quoted: return quoted
        }
    }

    /// Lower case, accents folded, apostrophes dropped (`didn't` → `didnt`, `camera's` → `cameras`), split at
    /// anything that is not a letter or a digit.
    static func words(_ text: String) -> [String] {
        let folded = text.lowercased().folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in folded.unicodeScalars {
            if scalar == "'" || scalar == "\u{2019}" || scalar == "\u{2018}" || scalar == "`" { continue }
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                current.append(scalar)
            } else if !current.isEmpty {
                words.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
    }

    /// Splits a body into its new text and its quoted or forwarded history. The signature (after `-- `) is
    /// dropped; it names the sender's role and school, which says nothing about the case. Readers that need
    /// the sender's name and school (`DataBreachChecklist`, DAP R-SEC-2) keep it with `keepingSignature`.
    static func split(_ body: String, keepingSignature: Bool = false) -> (fresh: String, quoted: String) {
        var fresh: [Substring] = []
        var quoted: [Substring] = []
        var inHistory = false
        let lines = body.split(
            omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let trimmed = line.trimmedSpaces
            if !inHistory {
                if !keepingSignature, line == "-- " || trimmed == "--" {
                    // RFC 3676 §4.3: the signature separator. Skip the signature, keep looking for history.
                    index += 1
                    while index < lines.count, !isHistoryStart(lines, index) { index += 1 }
                    continue
                }
                if isHistoryStart(lines, index) {
                    inHistory = true
                } else if trimmed.hasPrefix(">") {
                    quoted.append(line)
                    index += 1
                    continue
                }
            }
            if inHistory { quoted.append(line) } else { fresh.append(line) }
            index += 1
        }
        return (fresh.joined(separator: "\n"), quoted.joined(separator: "\n"))
    }

    private static func isHistoryStart(_ lines: [Substring], _ index: Int) -> Bool {
        let t = lines[index].trimmedSpaces.lowercased()
        if t.hasPrefix(">") { return false }
        let separators = [
            "-----oorspronkelijk bericht", "-----original message", "---------- doorgestuurd bericht",
            "---------- forwarded message", "-------- doorgestuurd bericht", "-------- forwarded message",
            "begin forwarded message", "begin doorgestuurd bericht",
        ]
        if separators.contains(where: { t.hasPrefix($0) }) { return true }
        // Attribution lines: "Op 12 maart 2025 schreef Anouk Smit:", "On Mon, 3 Mar 2025 … wrote:".
        if t.hasSuffix(":")
            && ((t.hasPrefix("op ") && t.contains("schreef")) || (t.hasPrefix("on ") && t.contains("wrote")))
        {
            return true
        }
        if t.hasPrefix("op ") && t.contains("het volgende geschreven") { return true }
        // An Outlook header block: "Van:"/"From:" followed within two lines by "Verzonden:"/"Sent:"/"Datum:"/"Date:".
        if t.hasPrefix("van:") || t.hasPrefix("from:") {
            let next = lines[(index + 1)..<min(lines.count, index + 3)].map {
                $0.trimmedSpaces.lowercased()
            }
            return next.contains {
                $0.hasPrefix("verzonden:") || $0.hasPrefix("sent:") || $0.hasPrefix("datum:") || $0.hasPrefix("date:")
            }
        }
        return false
    }
}
