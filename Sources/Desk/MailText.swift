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
    /// The new text of the body as written: no quoted history, no signature (`split`).
    let fresh: String
    private let freshQuestionMarks: Int

    init(subject: String, body: String) {
        let (fresh, old) = MailText.split(body)
        self.subject = MailText.words(subject)
        self.body = MailText.words(fresh)
        self.quoted = MailText.words(old)
        self.fresh = fresh
        self.freshQuestionMarks = fresh.reduce(0) { $1 == "?" ? $0 + 1 : $0 }
        self.questionMarks = subject.reduce(0) { $1 == "?" ? $0 + 1 : $0 } + freshQuestionMarks
    }

    /// The same mail under another subject line (the classifier reads the subject without its tags).
    func replacingSubject(_ subject: String) -> MailText {
        var text = self
        text.subject = MailText.words(subject)
        text.questionMarks = subject.reduce(0) { $1 == "?" ? $0 + 1 : $0 } + freshQuestionMarks
        return text
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
    ///
    /// Fast path (perf, scripts/bench-intake: Foundation's `folding` bridged every call through NSString and
    /// was the largest cost of intake): the text is cut into chunks at the ASCII bytes that are neither a
    /// letter, a digit nor an apostrophe. Lower-casing and folding keep those separators as they are, so no
    /// chunk's words depend on another chunk. An all-ASCII chunk is lower-cased byte by byte; a chunk with any
    /// other scalar (`geïnstalleerd`, `collega’s`, a no-break space) goes through `foldedWords`, the rule
    /// itself, together with the separator before it: Foundation folds away a combining mark that follows a
    /// separator (`" \u{345}"` → `" "`) but not one that starts a text. Checked against `foldedWords` on every
    /// Unicode scalar in a dozen contexts and on millions of random strings: the same words.
    static func words(_ text: String) -> [String] {
        var text = text
        var words: [String] = []
        text.withUTF8 { bytes in
            var start = 0
            var ascii = true
            func flush(_ end: Int) {
                guard start < end else { return }
                let chunk = UnsafeBufferPointer(rebasing: bytes[start..<end])
                if ascii {
                    let word = String(unsafeUninitializedCapacity: chunk.count) { out in
                        var n = 0
                        for byte in chunk where byte != UInt8(ascii: "'") && byte != UInt8(ascii: "`") {
                            // A–Z → a–z; digits and a–z stay.
                            out[n] = byte &- 0x41 < 26 ? byte | 0x20 : byte
                            n += 1
                        }
                        return n
                    }
                    if !word.isEmpty { words.append(word) }
                } else {
                    // With the separator before it, as Foundation would see it in the whole text.
                    let context = UnsafeBufferPointer(rebasing: bytes[max(0, start - 1)..<end])
                    words += foldedWords(String(decoding: context, as: UTF8.self))
                }
            }
            for (index, byte) in bytes.enumerated() {
                if byte >= 0x80 {
                    ascii = false
                } else if !MailText.isWordByte(byte) {
                    flush(index)
                    start = index + 1
                    ascii = true
                }
            }
            flush(bytes.count)
        }
        return words
    }

    /// An ASCII byte that stays in a chunk of `words`: a letter, a digit, or an apostrophe (`'`, `` ` ``),
    /// which is dropped from the word.
    private static func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "'"), UInt8(ascii: "`"):
            return true
        default:
            return false
        }
    }

    /// The rule of `words`, for any text: lower case, accents and widths folded by Foundation, apostrophes
    /// (`'`, `’`, `‘`, `` ` ``) dropped, split at every scalar that is not alphabetic or numeric.
    static func foldedWords(_ text: String) -> [String] {
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
