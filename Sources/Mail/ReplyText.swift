/// The new text of a reply: quoted history and signature removed.
///
/// Version 1 works on lines. It drops every line that starts with `>` and cuts everything from the first of:
/// an attribution line (`Op … schreef …:`, `On … wrote:`, `… het volgende geschreven:`, also wrapped over
/// up to three lines, and the German and French forms); a separator such as `-----Oorspronkelijk
/// bericht-----` or `-----Original Message-----`; an Outlook header block (`Van:`/`From:` followed by
/// `Verzonden:`/`Sent:`/`Aan:`/`To:`/`Onderwerp:`/`Subject:` lines), together with the underscore line above
/// it; the signature delimiter `-- ` (RFC 3676 §4.3); a mobile footer such as `Verstuurd vanaf mijn iPhone`.
/// A mobile footer counts only where the new text ends: when nothing but quoted history (or nothing at all)
/// follows it; a sentence that happens to start with "Verzonden met mijn …" stays. A forwarded message is
/// content, not history: after a forwarding marker (`---------- Forwarded message ---------`, `Begin
/// doorgestuurd bericht:`), or in a mail whose subject starts with `Fwd:`, `FW:` or `Doorst:`, separators and
/// header blocks are kept.
///
/// Lines are byte ranges of the UTF-8 text and the patterns compare with ASCII case folding, so the scan
/// allocates almost nothing per line.
public enum ReplyText {
    /// - Parameters:
    ///   - text: the readable body, line ends `\n` or CRLF.
    ///   - forwarded: the mail is a forward (see ``isForwardSubject(_:)``).
    public static func strip(_ text: String, forwarded startsForwarded: Bool = false) -> String {
        let normalized = text.utf8.contains(ASCII.cr) ? Message.normalizeNewlines(text) : text
        let b = Array(normalized.utf8)
        var lines: [Range<Int>] = []
        var start = 0
        while start <= b.count {
            let lf = ASCII.index(of: ASCII.lf, in: b, from: start, to: b.count)
            lines.append(start..<lf)
            start = lf + 1
        }
        var kept: [Range<Int>] = []
        var forwarded = startsForwarded
        var idx = 0
        scan: while idx < lines.count {
            let line = lines[idx]
            let t = trim(b, line)
            if !t.isEmpty && b[t.lowerBound] == 62 {
                idx += 1
                continue
            }
            // RFC 3676 §4.3 "-- "; many clients drop the space, so "--" counts too, but only after some text.
            if equals(b, line, "-- ") || (equals(b, line, "--") && kept.contains { !trim(b, $0).isEmpty }) {
                break scan
            }
            if !forwarded && isForwardMarker(b, t) { forwarded = true }
            if isMobileFooter(b, t) {
                switch footerContext(b, lines, idx, forwarded: forwarded) {
                case .end: break scan
                case .skip:
                    idx += 1
                    continue
                case .text: break
                }
            } else if isAttribution(b, lines, idx) {
                break scan
            } else if !forwarded && (isOriginalMessageSeparator(b, t) || isOutlookHeaderBlock(b, lines, idx)) {
                break scan
            }
            kept.append(line)
            idx += 1
        }
        // Outlook's "________________________________" above its header block, and trailing blank lines.
        while let last = kept.last {
            let t = trim(b, last)
            if t.isEmpty || (t.count >= 8 && b[t].allSatisfy { $0 == 95 || $0 == ASCII.hyphen }) {
                kept.removeLast()
            } else {
                break
            }
        }
        var out = [UInt8]()
        out.reserveCapacity(b.count)
        var blanks = 0
        var first = true
        for line in kept {
            let blank = trim(b, line).isEmpty
            if blank {
                if first { continue }
                blanks += 1
                if blanks > 1 { continue }
            } else {
                blanks = 0
            }
            if !first { out.append(ASCII.lf) }
            if !blank { out.append(contentsOf: b[line]) }
            first = false
        }
        while let l = out.last, ASCII.isWhitespace(l) { out.removeLast() }
        return String(decoding: out, as: UTF8.self)
    }

    /// Without spaces, tabs, NBSP (C2 A0) and CR at either end.
    static func trim(_ b: [UInt8], _ r: Range<Int>) -> Range<Int> {
        var lo = r.lowerBound
        var hi = r.upperBound
        while lo < hi {
            if b[lo] == ASCII.space || b[lo] == ASCII.tab || b[lo] == ASCII.cr {
                lo += 1
            } else if b[lo] == 0xC2, lo + 1 < hi, b[lo + 1] == 0xA0 {
                lo += 2
            } else {
                break
            }
        }
        while hi > lo {
            if b[hi - 1] == ASCII.space || b[hi - 1] == ASCII.tab || b[hi - 1] == ASCII.cr {
                hi -= 1
            } else if b[hi - 1] == 0xA0, hi - 2 >= lo, b[hi - 2] == 0xC2 {
                hi -= 2
            } else {
                break
            }
        }
        return lo..<hi
    }

    // MARK: - Byte patterns (ASCII case folding; non-ASCII bytes compare exactly)

    private static func equals(_ b: [UInt8], _ r: Range<Int>, _ s: StaticString) -> Bool {
        r.count == s.utf8CodeUnitCount && hasPrefix(b, r, s)
    }

    private static func hasPrefix(_ b: [UInt8], _ r: Range<Int>, _ s: StaticString) -> Bool {
        let n = s.utf8CodeUnitCount
        guard r.count >= n else { return false }
        return s.withUTF8Buffer { p in
            for k in 0..<n where ASCII.lower(b[r.lowerBound + k]) != p[k] { return false }
            return true
        }
    }

    private static func hasSuffix(_ b: [UInt8], _ r: Range<Int>, _ s: StaticString) -> Bool {
        let n = s.utf8CodeUnitCount
        guard r.count >= n else { return false }
        return hasPrefix(b, (r.upperBound - n)..<r.upperBound, s)
    }

    private static func contains(_ b: [UInt8], _ r: Range<Int>, _ s: StaticString) -> Bool {
        let n = s.utf8CodeUnitCount
        guard n > 0, r.count >= n else { return false }
        var i = r.lowerBound
        while i + n <= r.upperBound {
            if hasPrefix(b, i..<r.upperBound, s) { return true }
            i += 1
        }
        return false
    }

    /// The range without the decoration characters `-`, `_`, `*` and spaces at either end.
    private static func core(_ b: [UInt8], _ r: Range<Int>) -> Range<Int> {
        func isDecoration(_ c: UInt8) -> Bool { c == ASCII.hyphen || c == 95 || c == 42 || c == ASCII.space }
        var lo = r.lowerBound
        var hi = r.upperBound
        while lo < hi, isDecoration(b[lo]) { lo += 1 }
        while hi > lo, isDecoration(b[hi - 1]) { hi -= 1 }
        return lo..<hi
    }

    private static let mobileFooters: [StaticString] = [
        "sent from my ", "verstuurd vanaf mijn ", "verzonden vanaf mijn ", "verstuurd vanaf m'n ",
        "verzonden met mijn ", "verstuurd met mijn ", "sent from outlook for ", "verzonden vanuit outlook voor ",
        "get outlook for ios", "get outlook for android", "outlook voor ios", "outlook voor android",
        "download outlook voor ", "sent from mail for windows", "verzonden vanuit mail voor windows",
        "verzonden vanaf mail voor windows", "von meinem iphone gesendet", "envoyé de mon iphone",
        "sent from yahoo mail", "sent with proton mail",
    ]

    static func isMobileFooter(_ b: [UInt8], _ t: Range<Int>) -> Bool {
        guard t.count >= 10, let f = t.first.map({ ASCII.lower(b[$0]) }),
            f == 115 || f == 118 || f == 103 || f == 111
                || f == 100 || f == 101
        else { return false }
        return mobileFooters.contains { hasPrefix(b, t, $0) }
    }

    enum FooterContext { case end, skip, text }

    /// What follows a mobile footer: nothing or history (the footer ends the new text), a forwarded message
    /// (the footer line goes, the forward stays), or more text (the line was a sentence, not a footer).
    static func footerContext(_ b: [UInt8], _ lines: [Range<Int>], _ idx: Int, forwarded: Bool) -> FooterContext {
        var j = idx + 1
        while j < lines.count, trim(b, lines[j]).isEmpty { j += 1 }
        guard j < lines.count else { return .end }
        let t = trim(b, lines[j])
        if isForwardMarker(b, t) { return .skip }
        let isRule = t.count >= 8 && b[t].allSatisfy { $0 == 95 || $0 == ASCII.hyphen }
        let history =
            b[t.lowerBound] == 62 || isRule || isOriginalMessageSeparator(b, t) || isAttribution(b, lines, j)
            || isOutlookHeaderBlock(b, lines, j)
        if history { return forwarded ? .skip : .end }
        return .text
    }

    private static let forwardSubjects: [StaticString] = ["fwd:", "fw:", "doorst:", "wg:", "tr:", "fwd :", "fw :"]

    /// Whether a subject marks a forward: `Fwd:`, `FW:` (Outlook), `Doorst:` (Dutch Outlook), `WG:`, `TR:`.
    public static func isForwardSubject(_ subject: String) -> Bool {
        let b = Array(subject.utf8.prefix(16))
        let t = trim(b, 0..<b.count)
        return forwardSubjects.contains { hasPrefix(b, t, $0) }
    }

    private static let forwardMarkers: [StaticString] = [
        "forwarded message", "doorgestuurd bericht", "begin forwarded message:", "begin doorgestuurd bericht:",
        "original message follows", "weitergeleitete nachricht", "message transféré",
    ]

    static func isForwardMarker(_ b: [UInt8], _ t: Range<Int>) -> Bool {
        guard t.count >= 17, t.count < 80 else { return false }
        let c = core(b, t)
        return forwardMarkers.contains { equals(b, c, $0) }
    }

    private static let originalMessageSeparators: [StaticString] = [
        "original message", "oorspronkelijk bericht", "origineel bericht", "oorspronkelijk e-mailbericht",
        "ursprüngliche nachricht", "message d'origine", "reply message", "original e-mail",
        // The copy of the message in a text bounce (qmail, Exim).
        "below this line is a copy of the message.", "this is a copy of the message, including all the headers.",
    ]

    static func isOriginalMessageSeparator(_ b: [UInt8], _ t: Range<Int>) -> Bool {
        guard t.count >= 4, t.count < 100, hasPrefix(b, t, "--") || hasPrefix(b, t, "__") else { return false }
        let c = core(b, t)
        return originalMessageSeparators.contains { equals(b, c, $0) }
    }

    private static let openers: [StaticString] = ["on ", "op ", "am ", "le ", "em "]

    /// "On Mon, 29 Nov 2026 at 10:00, Jan <jan@x.nl> wrote:", wrapped over up to three lines.
    static func isAttribution(_ b: [UInt8], _ lines: [Range<Int>], _ idx: Int) -> Bool {
        let first = trim(b, lines[idx])
        guard !first.isEmpty, first.count < 400 else { return false }
        let opener = openers.contains { hasPrefix(b, first, $0) }
        if b[first.upperBound - 1] == ASCII.colon && endsAttribution(b, first) { return true }
        guard opener else { return false }
        var joined = Array(b[first])
        for k in (idx + 1)..<min(lines.count, idx + 3) {
            let t = trim(b, lines[k])
            if t.isEmpty || joined.count + t.count > 400 { return false }
            joined.append(ASCII.space)
            joined.append(contentsOf: b[t])
            if joined.last == ASCII.colon && endsAttribution(joined, 0..<joined.count) { return true }
        }
        return false
    }

    private static func endsAttribution(_ b: [UInt8], _ r: Range<Int>) -> Bool {
        guard r.count >= 6 else { return false }
        if hasSuffix(b, r, "het volgende geschreven:") { return true }
        if hasSuffix(b, r, "het volgende:") && contains(b, r, " heeft ") { return true }
        if hasPrefix(b, r, "on ") && hasSuffix(b, r, "wrote:") { return true }
        if hasPrefix(b, r, "op ") && (contains(b, r, " schreef ") || hasSuffix(b, r, "schreef:")) { return true }
        if hasPrefix(b, r, "am ") && contains(b, r, " schrieb ") { return true }
        if hasPrefix(b, r, "le ") && (hasSuffix(b, r, "a écrit :") || hasSuffix(b, r, "a écrit:")) { return true }
        if hasSuffix(b, r, " wrote:") || hasSuffix(b, r, " schreef:") {
            // "Jan Jansen <jan@x.nl> wrote:"
            return b[r].contains(64)
        }
        return false
    }

    private static let headerNames: [StaticString] = [
        "verzonden:", "sent:", "date:", "datum:", "aan:", "to:", "onderwerp:", "subject:", "cc:", "verstuurd:",
        "gesendet:", "an:", "betreff:", "envoyé :", "à :", "objet :",
    ]

    /// `Van: …` / `From: …` followed within six lines by at least two more header lines. Outlook's plain-text
    /// part writes bold labels as `*Van:*`, so a leading `*` is skipped.
    static func isOutlookHeaderBlock(_ b: [UInt8], _ lines: [Range<Int>], _ idx: Int) -> Bool {
        var first = trim(b, lines[idx])
        if first.first.map({ b[$0] }) == 42 { first = (first.lowerBound + 1)..<first.upperBound }
        guard
            hasPrefix(b, first, "van:") || hasPrefix(b, first, "from:") || hasPrefix(b, first, "von:")
                || hasPrefix(b, first, "van*:") || hasPrefix(b, first, "from*:") || hasPrefix(b, first, "de :")
        else { return false }
        var found = 0
        for k in (idx + 1)..<min(lines.count, idx + 7) {
            var t = trim(b, lines[k])
            if t.first.map({ b[$0] }) == 42 { t = (t.lowerBound + 1)..<t.upperBound }
            if headerNames.contains(where: { hasPrefix(b, t, $0) }) {
                found += 1
                if found >= 2 { return true }
            }
        }
        return false
    }
}

extension String {
    func trimmingTrailingWhitespace() -> String {
        var end = utf8.count
        let u = Array(utf8)
        while end > 0, ASCII.isWhitespace(u[end - 1]) { end -= 1 }
        return end == u.count ? self : String(decoding: u[0..<end], as: UTF8.self)
    }
}
