import Foundation

/// The new text of a reply: quoted history and signature removed.
///
/// Version 1 works on lines. It drops every line that starts with `>` and cuts everything from the first of:
/// an attribution line (`Op … schreef …:`, `On … wrote:`, `… het volgende geschreven:`, also wrapped over
/// up to three lines, and the German and French forms); a separator such as `-----Oorspronkelijk
/// bericht-----` or `-----Original Message-----`; an Outlook header block (`Van:`/`From:` followed by
/// `Verzonden:`/`Sent:`/`Aan:`/`To:`/`Onderwerp:`/`Subject:` lines), together with the underscore line above
/// it; the signature delimiter `-- ` (RFC 3676 §4.3); a mobile footer such as `Verstuurd vanaf mijn iPhone`.
/// A header block after a forwarding marker (`---------- Forwarded message ---------`) is kept.
public enum ReplyText {
    public static func strip(_ text: String) -> String {
        let normalized = text.utf8.contains(13) ? Message.normalizeNewlines(text) : text
        let lines = normalized.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            line.last == "\r" ? line.dropLast() : line
        }
        var kept: [Substring] = []
        var forwarded = false
        var idx = 0
        scan: while idx < lines.count {
            let line = lines[idx]
            let t = trim(line)
            if t.first == ">" {
                idx += 1
                continue
            }
            if line == "-- " || line == "--" { break scan }
            let lower = t.lowercased()
            if isForwardMarker(lower) { forwarded = true }
            if isMobileFooter(lower) || isOriginalMessageSeparator(lower) || isAttribution(lines, idx) {
                break scan
            }
            if !forwarded && isOutlookHeaderBlock(lines, idx) { break scan }
            kept.append(line)
            idx += 1
        }
        // Outlook's "________________________________" above its header block, and trailing blank lines.
        while let last = kept.last {
            let t = trim(last)
            if t.isEmpty || (t.count >= 8 && t.allSatisfy({ $0 == "_" || $0 == "-" })) {
                kept.removeLast()
            } else {
                break
            }
        }
        while let first = kept.first, trim(first).isEmpty { kept.removeFirst() }
        // At most one blank line in a row after quotes were removed.
        var out: [Substring] = []
        var blanks = 0
        for line in kept {
            if trim(line).isEmpty {
                blanks += 1
                if blanks > 1 { continue }
                out.append("")
            } else {
                blanks = 0
                out.append(line)
            }
        }
        return out.joined(separator: "\n").trimmingTrailingWhitespace()
    }

    static func trim(_ s: Substring) -> Substring {
        var t = s
        while let f = t.first, f == " " || f == "\t" || f == "\u{A0}" { t = t.dropFirst() }
        while let l = t.last, l == " " || l == "\t" || l == "\u{A0}" || l == "\r" { t = t.dropLast() }
        return t
    }

    static func isMobileFooter(_ lower: String) -> Bool {
        let prefixes = [
            "sent from my ", "verstuurd vanaf mijn ", "verzonden vanaf mijn ", "verstuurd vanaf m'n ",
            "verzonden met mijn ", "verstuurd met mijn ", "sent from outlook for ", "verzonden vanuit outlook voor ",
            "get outlook for ios", "get outlook for android", "outlook voor ios", "outlook voor android",
            "download outlook voor ", "sent from mail for windows", "verzonden vanuit mail voor windows",
            "verzonden vanaf mail voor windows", "von meinem iphone gesendet", "envoyé de mon iphone",
            "sent from yahoo mail", "sent with proton mail",
        ]
        return prefixes.contains { lower.hasPrefix($0) }
    }

    static func isForwardMarker(_ lower: String) -> Bool {
        let core = lower.trimmingCharacters(in: CharacterSet(charactersIn: "-_ *"))
        return core == "forwarded message" || core == "doorgestuurd bericht" || core == "begin forwarded message:"
            || core == "begin doorgestuurd bericht:" || core == "original message follows"
            || core == "weitergeleitete nachricht" || core == "message transféré"
    }

    static func isOriginalMessageSeparator(_ lower: String) -> Bool {
        guard lower.hasPrefix("--") || lower.hasPrefix("__") else { return false }
        let core = lower.trimmingCharacters(in: CharacterSet(charactersIn: "-_ *"))
        return core == "original message" || core == "oorspronkelijk bericht" || core == "origineel bericht"
            || core == "oorspronkelijk e-mailbericht" || core == "ursprüngliche nachricht"
            || core == "message d'origine" || core == "reply message" || core == "original e-mail"
    }

    /// "On Mon, 29 Nov 2026 at 10:00, Jan <jan@x.nl> wrote:", wrapped over up to three lines.
    static func isAttribution(_ lines: [Substring], _ idx: Int) -> Bool {
        var joined = ""
        for k in idx..<min(lines.count, idx + 3) {
            let t = trim(lines[k])
            if k > idx && t.isEmpty { break }
            joined += (joined.isEmpty ? "" : " ") + t
            let lower = joined.lowercased()
            guard lower.count < 400 else { return false }
            if endsAttribution(lower, firstLine: k == idx) { return true }
            // Only an attribution that starts like one may wrap.
            let opener = ["on ", "op ", "am ", "le ", "em "].contains { lower.hasPrefix($0) }
            if !opener { return false }
        }
        return false
    }

    private static func endsAttribution(_ lower: String, firstLine: Bool) -> Bool {
        guard lower.hasSuffix(":") else { return false }
        if lower.hasSuffix("het volgende geschreven:") || lower.hasSuffix("het volgende:") && lower.contains(" heeft ") {
            return true
        }
        if lower.hasPrefix("on ") && lower.hasSuffix("wrote:") { return true }
        if lower.hasPrefix("op ") && (lower.contains(" schreef ") || lower.hasSuffix("schreef:")) { return true }
        if lower.hasPrefix("am ") && lower.contains(" schrieb ") { return true }
        if lower.hasPrefix("le ") && (lower.hasSuffix("a écrit :") || lower.hasSuffix("a écrit:")) { return true }
        if lower.hasSuffix(" wrote:") || lower.hasSuffix(" schreef:") {
            // "Jan Jansen <jan@x.nl> wrote:"
            return lower.contains("@")
        }
        return false
    }

    private static let headerNames = [
        "verzonden:", "sent:", "date:", "datum:", "aan:", "to:", "onderwerp:", "subject:", "cc:", "verstuurd:",
        "gesendet:", "an:", "betreff:", "envoyé :", "à :", "objet :",
    ]

    /// `Van: …` / `From: …` followed within five lines by at least two more header lines.
    static func isOutlookHeaderBlock(_ lines: [Substring], _ idx: Int) -> Bool {
        let first = stripStars(trim(lines[idx])).lowercased()
        guard first.hasPrefix("van:") || first.hasPrefix("from:") || first.hasPrefix("von:")
            || first.hasPrefix("de :")
        else { return false }
        var found = 0
        for k in (idx + 1)..<min(lines.count, idx + 7) {
            let t = stripStars(trim(lines[k])).lowercased()
            if headerNames.contains(where: { t.hasPrefix($0) }) { found += 1 }
            if found >= 2 { return true }
        }
        return false
    }

    /// Outlook's plain-text part writes bold labels as `*Van:*`.
    private static func stripStars(_ s: Substring) -> String {
        String(s.filter { $0 != "*" })
    }
}

extension String {
    func trimmingTrailingWhitespace() -> String {
        var s = Substring(self)
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
