/// HTML turned into readable text by a small tag scanner (not a DOM).
///
/// `<script>`, `<style>`, `<head>`, `<title>` and `<template>` are dropped with their content; comments and
/// declarations vanish; block elements give line breaks (`<p>`, headings, `<blockquote>`, tables and lists a
/// blank line); `<li>` starts a line with "- "; table cells are separated by a space; character references
/// are decoded; other white space collapses, except inside `<pre>`; at most two blank lines in a row.
public enum HTMLText {
    public static func text(fromHTML html: String) -> String { convert(Array(html.utf8)) }

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

    /// Converts UTF-8 HTML bytes.
    static func convert(_ bytes: [UInt8]) -> String {
        var w = Writer()
        w.out.reserveCapacity(bytes.count / 2)
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
