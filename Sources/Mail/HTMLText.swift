/// HTML turned into readable text by a small tag scanner (not a DOM).
///
/// `<script>`, `<style>`, `<head>`, `<title>` and `<template>` are dropped with their content; comments and
/// declarations vanish; block elements give line breaks (`<p>`, headings, `<blockquote>`, tables and lists a
/// blank line); `<li>` starts a line with "- "; table cells are separated by a space; character references
/// are decoded; other white space collapses, except inside `<pre>`; at most two blank lines in a row.
public enum HTMLText {
    public static func text(fromHTML html: String) -> String { convert(Array(html.utf8)) }

    /// The new text of an HTML reply: the text without the quoted history and the signature that mail clients
    /// mark up.
    ///
    /// Dropped with their content: `<blockquote>` (Apple Mail's `type="cite"`, Thunderbird, Gmail; not Gmail's
    /// indent, which is a blockquote styled `border:none`), a `<div>` with a left border and padding (a quote
    /// bar), and signature containers (`gmail_signature`, `moz-signature`, Outlook on the web's `Signature`,
    /// Apple's `AppleMailSignature`). Everything from the first history marker on is cut: Outlook's
    /// `divRplyFwdMsg` and `appendonsend`, Outlook desktop's header block (a `<div>` with
    /// `border-top:solid #E1E1E1` or `#B5C4DF`), Gmail's `gmail_quote`, Thunderbird's `moz-cite-prefix`,
    /// Yahoo's `yahoo_quoted`, Outlook for Mac's `OLK_SRC_BODY_SECTION` and
    /// `mail-editor-reference-message-container`, Proton's `protonmail_quote`.
    /// What remains goes through ``ReplyText/strip(_:)`` for the attributions and footers written as text.
    public static func replyText(fromHTML html: String) -> String { convert(Array(html.utf8), reply: true) }

    /// A lowercased tag name of up to 16 bytes, packed into two words: no allocation per tag.
    struct TagName: Hashable {
        var lo: UInt64 = 0
        var hi: UInt64 = 0
        var length = 0

        mutating func append(_ b: UInt8) {
            if length < 8 {
                lo |= UInt64(ASCII.lower(b)) << (8 * UInt64(length))
            } else if length < 16 {
                hi |= UInt64(ASCII.lower(b)) << (8 * UInt64(length - 8))
            }
            length += 1
        }

        init() {}

        init(_ s: String) {
            for b in s.utf8 { append(b) }
        }
    }

    private static func names(_ list: [String]) -> Set<TagName> { Set(list.map(TagName.init)) }

    private static let paragraphTags = names([
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table", "ul", "ol", "dl", "pre", "hr", "address",
        "figure", "center",
    ])
    private static let lineTags = names([
        "div", "li", "tr", "dd", "dt", "section", "article", "header", "footer", "nav", "aside", "form",
        "fieldset", "caption", "main", "body", "html", "details", "summary", "figcaption", "legend",
    ])
    private static let rawTextTags = names(["script", "style", "title", "template", "xml", "noframes"])
    private static let br = TagName("br")
    private static let pre = TagName("pre")
    private static let li = TagName("li")
    private static let td = TagName("td")
    private static let th = TagName("th")
    private static let head = TagName("head")
    private static let closeHead = Array("</head".utf8)
    private static let openBody = Array("<body".utf8)
    private static let commentEnd = Array("-->".utf8)

    /// Elements whose start tag may mark a quote, a signature or the start of the history in a reply.
    private static let replyContainers = names(["div", "blockquote", "pre", "span", "table", "p", "section", "td"])
    private static let blockquote = TagName("blockquote")
    private static let div = TagName("div")
    private static let p = TagName("p")
    private static let mso = Array("msonormal".utf8)

    /// Converts UTF-8 HTML bytes; with `reply`, quoted history and signatures are left out (see
    /// ``replyText(fromHTML:)``).
    static func convert(_ bytes: [UInt8], reply: Bool = false) -> String {
        var w = Writer()
        w.out.reserveCapacity(bytes.count / 2)
        // Word's HTML (Outlook desktop) styles p.MsoNormal without margins: one <p> is one line, and the empty
        // lines are paragraphs of a single &nbsp;.
        w.singleLineParagraphs = findLowerAnywhere(mso, in: bytes)
        let n = bytes.count
        var i = 0
        var headUnclosed = false
        while i < n {
            let b = bytes[i]
            if b == 60, i + 1 < n {
                let c = bytes[i + 1]
                if c == 33 {
                    if i + 3 < n, bytes[i + 2] == ASCII.hyphen, bytes[i + 3] == ASCII.hyphen {
                        i = find(commentEnd, in: bytes, from: i + 4).map { $0 + 3 } ?? n
                    } else {
                        i = skipTag(bytes, from: i + 2)
                    }
                    continue
                }
                if c == ASCII.question {
                    i = skipTag(bytes, from: i + 2)
                    continue
                }
                if c == 47 || ASCII.isAlpha(c) {
                    let isEnd = c == 47
                    var j = isEnd ? i + 2 : i + 1
                    let nameStart = j
                    var name = TagName()
                    while j < n, ASCII.isAlnum(bytes[j]) {
                        name.append(bytes[j])
                        j += 1
                    }
                    let nameEnd = j
                    let tagEnd = skipTag(bytes, from: j)
                    i = tagEnd
                    if name.length == 0 || name.length > 16 { continue }
                    if !isEnd && rawTextTags.contains(name) {
                        let close = [60, 47] + bytes[nameStart..<nameEnd].map(ASCII.lower)
                        if let k = findLower(close, in: bytes, from: tagEnd) {
                            i = skipTag(bytes, from: k + close.count)
                        } else {
                            i = n
                        }
                        continue
                    }
                    if !isEnd && name == head && !headUnclosed {
                        let closeHead = findLower(Self.closeHead, in: bytes, from: tagEnd)
                        let body = findLower(openBody, in: bytes, from: tagEnd)
                        // Searched once: a second <head> without an end would search the same bytes again.
                        if closeHead == nil && body == nil { headUnclosed = true }
                        switch (closeHead, body) {
                        case (let h?, let b?): i = h < b ? skipTag(bytes, from: h + 6) : b
                        case (let h?, nil): i = skipTag(bytes, from: h + 6)
                        case (nil, let b?): i = b
                        case (nil, nil): break
                        }
                        continue
                    }
                    // A start tag without attributes can only be a quote when it is a blockquote.
                    if reply && !isEnd && replyContainers.contains(name) && (tagEnd - nameEnd > 2 || name == blockquote)
                    {
                        switch replyRole(name, bytes, nameEnd..<tagEnd) {
                        case .history:
                            i = n
                            continue
                        case .quote:
                            i = skipElement(bytes, from: tagEnd, name: bytes[nameStart..<nameEnd].map(ASCII.lower))
                            w.block(1)
                            continue
                        case .content:
                            break
                        }
                    }
                    w.tag(name, isEnd: isEnd)
                    continue
                }
            }
            if b == 38, let (scalar, next) = HTMLEntity.decode(bytes, at: i) {
                if scalar == 0xA0 {
                    w.char(ASCII.space)
                } else if scalar == 10 || scalar == 9 {
                    w.whitespace(UInt8(scalar))
                } else {
                    var tmp = [UInt8]()
                    ASCII.appendUTF8(scalar, to: &tmp)
                    for t in tmp { w.char(t) }
                }
                i = next
                continue
            }
            if ASCII.isWhitespace(b) {
                w.whitespace(b)
            } else {
                w.char(b)
            }
            i += 1
        }
        return w.finish()
    }

    struct Writer {
        var out = [UInt8]()
        var pendingSpace = false
        var pendingNewlines = 0
        var preDepth = 0
        var singleLineParagraphs = false

        mutating func char(_ b: UInt8) {
            if !out.isEmpty {
                if pendingNewlines > 0 {
                    for _ in 0..<min(pendingNewlines, 3) { out.append(ASCII.lf) }
                } else if pendingSpace, out.last != ASCII.lf {
                    out.append(ASCII.space)
                }
            }
            pendingNewlines = 0
            pendingSpace = false
            out.append(b)
        }

        mutating func whitespace(_ b: UInt8) {
            if preDepth > 0 {
                if b == ASCII.lf {
                    pendingNewlines += 1
                } else if b != ASCII.cr {
                    char(ASCII.space)
                }
            } else {
                pendingSpace = true
            }
        }

        mutating func block(_ newlines: Int) {
            pendingNewlines = max(pendingNewlines, newlines)
            pendingSpace = false
        }

        mutating func tag(_ name: TagName, isEnd: Bool) {
            if name == HTMLText.br {
                pendingNewlines += 1
                pendingSpace = false
            } else if singleLineParagraphs && name == HTMLText.p {
                block(1)
            } else if HTMLText.paragraphTags.contains(name) {
                block(2)
                if name == HTMLText.pre { preDepth = max(0, preDepth + (isEnd ? -1 : 1)) }
            } else if HTMLText.lineTags.contains(name) {
                block(1)
                if !isEnd && name == HTMLText.li {
                    char(ASCII.hyphen)
                    pendingSpace = true
                }
            } else if name == HTMLText.td || name == HTMLText.th {
                if !isEnd { pendingSpace = true }
            }
        }

        func finish() -> String {
            // Trailing spaces on each line go; leading and trailing blank lines go.
            var result = [UInt8]()
            result.reserveCapacity(out.count)
            var lineStart = 0
            for b in out {
                if b == ASCII.lf {
                    while result.count > lineStart, result.last == ASCII.space { result.removeLast() }
                    result.append(b)
                    lineStart = result.count
                } else {
                    result.append(b)
                }
            }
            while result.count > lineStart, result.last == ASCII.space { result.removeLast() }
            var lo = 0
            var hi = result.count
            while lo < hi, ASCII.isWhitespace(result[lo]) { lo += 1 }
            while hi > lo, ASCII.isWhitespace(result[hi - 1]) { hi -= 1 }
            return String(decoding: result[lo..<hi], as: UTF8.self)
        }
    }

    // MARK: - Reply markers

    enum ReplyRole { case content, quote, history }

    private static let historyIDs: [[UInt8]] = [
        "divrplyfwdmsg", "appendonsend", "olk_src_body_section", "mail-editor-reference-message-container",
    ].map { Array($0.utf8) }
    private static let historyClasses: [[UInt8]] = [
        "gmail_quote", "moz-cite-prefix", "yahoo_quoted", "protonmail_quote", "outlookmessageheader",
    ].map { Array($0.utf8) }
    private static let signatureIDs: [[UInt8]] = ["signature", "applemailsignature"].map { Array($0.utf8) }
    private static let signatureClasses: [[UInt8]] = ["gmail_signature", "moz-signature"].map { Array($0.utf8) }
    private static let outlookHeaderBorders: [[UInt8]] = [
        "border-top:solid#e1e1e1", "border-top:solid#b5c4df",
    ].map { Array($0.utf8) }
    private static let idName = Array("id".utf8)
    private static let className = Array("class".utf8)
    private static let styleName = Array("style".utf8)
    private static let typeName = Array("type".utf8)

    /// What an element's start tag says about its place in a reply.
    static func replyRole(_ name: TagName, _ bytes: [UInt8], _ attributes: Range<Int>) -> ReplyRole {
        let id = attribute(idName, in: bytes, attributes).map { $0.map(ASCII.lower) }
        let classes = attribute(className, in: bytes, attributes).map { $0.map(ASCII.lower) }
        if let id, historyIDs.contains(where: { id.starts(with: $0) }) { return .history }
        if let classes, historyClasses.contains(where: { contains(classes, $0) }) {
            // Gmail's "gmail_quote" class also sits on the quote's own blockquote; either way what follows is
            // history.
            return .history
        }
        if let id, signatureIDs.contains(where: { id == $0 }) { return .quote }
        if let classes, signatureClasses.contains(where: { contains(classes, $0) }) { return .quote }
        let style = attribute(styleName, in: bytes, attributes).map { s in
            s.filter { !ASCII.isWhitespace($0) }.map(ASCII.lower)
        }
        if name == blockquote {
            // Gmail's indent button: <blockquote style="margin:0 0 0 40px;border:none;padding:0px">.
            let cite = attribute(typeName, in: bytes, attributes).map { ASCII.equalsLower($0, Array("cite".utf8)) }
            if cite != true, let style, contains(style, Array("border:none".utf8)) { return .content }
            return .quote
        }
        guard name == div, let style else { return .content }
        if outlookHeaderBorders.contains(where: { contains(style, $0) }) { return .history }
        if contains(style, Array("border-left:".utf8)), contains(style, Array("solid".utf8)),
            contains(style, Array("padding-left".utf8))
        {
            return .quote
        }
        return .content
    }

    /// The value of attribute `name` (lowercase) in the attribute bytes of a start tag.
    static func attribute(_ name: [UInt8], in bytes: [UInt8], _ r: Range<Int>) -> ArraySlice<UInt8>? {
        var i = r.lowerBound
        let end = r.upperBound
        while i < end {
            while i < end, ASCII.isWhitespace(bytes[i]) || bytes[i] == 47 { i += 1 }
            let nameStart = i
            while i < end, !ASCII.isWhitespace(bytes[i]), bytes[i] != ASCII.equals, bytes[i] != 62, bytes[i] != 47 {
                i += 1
            }
            if i == nameStart {
                i += 1
                continue
            }
            let isName = ASCII.equalsLower(bytes[nameStart..<i], name)
            while i < end, ASCII.isWhitespace(bytes[i]) { i += 1 }
            guard i < end, bytes[i] == ASCII.equals else {
                if isName { return bytes[i..<i] }
                continue
            }
            i += 1
            while i < end, ASCII.isWhitespace(bytes[i]) { i += 1 }
            var valueStart = i
            var valueEnd = i
            if i < end, bytes[i] == ASCII.quote || bytes[i] == 39 {
                let q = bytes[i]
                valueStart = i + 1
                i += 1
                while i < end, bytes[i] != q { i += 1 }
                valueEnd = i
                if i < end { i += 1 }
            } else {
                while i < end, !ASCII.isWhitespace(bytes[i]), bytes[i] != 62 { i += 1 }
                valueEnd = i
            }
            if isName { return bytes[valueStart..<valueEnd] }
        }
        return nil
    }

    private static func contains(_ haystack: some Collection<UInt8>, _ needle: [UInt8]) -> Bool {
        let h = Array(haystack)
        guard !needle.isEmpty, h.count >= needle.count else { return false }
        for start in 0...(h.count - needle.count) where h[start] == needle[0] {
            if h[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }

    /// The index after the end tag that closes the element whose start tag ended at `start`, counting nested
    /// elements of the same name; the end of the input when it is never closed.
    static func skipElement(_ bytes: [UInt8], from start: Int, name: [UInt8]) -> Int {
        var depth = 1
        var i = start
        let n = bytes.count
        while i < n {
            let lt = ASCII.index(of: 60, in: bytes, from: i, to: n)
            guard lt < n else { return n }
            let isEnd = lt + 1 < n && bytes[lt + 1] == 47
            let at = isEnd ? lt + 2 : lt + 1
            if ASCII.hasPrefixLower(bytes, at: at, end: n, name), at + name.count == n || !ASCII.isAlnum(bytes[at + name.count]) {
                let after = skipTag(bytes, from: at + name.count)
                depth += isEnd ? -1 : 1
                if depth == 0 { return after }
                i = after
            } else if lt + 3 < n, bytes[lt + 1] == 33, bytes[lt + 2] == ASCII.hyphen, bytes[lt + 3] == ASCII.hyphen {
                i = find(commentEnd, in: bytes, from: lt + 4).map { $0 + 3 } ?? n
            } else {
                i = lt + 1
            }
        }
        return n
    }

    /// Case-insensitive search for an ASCII lowercase pattern (starting with a letter) anywhere.
    static func findLowerAnywhere(_ pattern: [UInt8], in bytes: [UInt8]) -> Bool {
        guard let first = pattern.first, bytes.count >= pattern.count else { return false }
        let upperFirst = ASCII.upper(first)
        let end = bytes.count - pattern.count + 1
        var a = ASCII.index(of: first, in: bytes, from: 0, to: end)
        var b = ASCII.index(of: upperFirst, in: bytes, from: 0, to: end)
        while a < end || b < end {
            let hit = min(a, b)
            if ASCII.hasPrefixLower(bytes, at: hit, end: bytes.count, pattern) { return true }
            if a == hit { a = ASCII.index(of: first, in: bytes, from: hit + 1, to: end) }
            if b == hit { b = ASCII.index(of: upperFirst, in: bytes, from: hit + 1, to: end) }
        }
        return false
    }

    /// The index after the `>` that ends a tag, honouring quoted attribute values.
    static func skipTag(_ bytes: [UInt8], from start: Int) -> Int {
        var i = start
        var quote: UInt8 = 0
        var lastNonSpace: UInt8 = 0
        while i < bytes.count {
            let b = bytes[i]
            if quote != 0 {
                if b == quote { quote = 0 }
            } else if (b == ASCII.quote || b == 39) && lastNonSpace == ASCII.equals {
                quote = b
            } else if b == 62 {
                return i + 1
            }
            if !ASCII.isWhitespace(b) { lastNonSpace = b }
            i += 1
        }
        return bytes.count
    }

    static func find(_ pattern: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard let first = pattern.first else { return nil }
        var i = start
        while i + pattern.count <= bytes.count {
            let hit = ASCII.index(of: first, in: bytes, from: i, to: bytes.count - pattern.count + 1)
            if hit > bytes.count - pattern.count { return nil }
            if bytes[hit..<(hit + pattern.count)].elementsEqual(pattern) { return hit }
            i = hit + 1
        }
        return nil
    }

    /// Case-insensitive search for an ASCII lowercase pattern that starts with `<`.
    static func findLower(_ pattern: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        var i = start
        while i + pattern.count <= bytes.count {
            let hit = ASCII.index(of: 60, in: bytes, from: i, to: bytes.count - pattern.count + 1)
            if hit > bytes.count - pattern.count { return nil }
            if ASCII.hasPrefixLower(bytes, at: hit, end: bytes.count, pattern) { return hit }
            i = hit + 1
        }
        return nil
    }
}
