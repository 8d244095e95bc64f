/// The parameters of a Content-Type or Content-Disposition field, RFC 2231 continuations and charsets
/// resolved.
///
/// ```
/// parameter := attribute "=" value                       ; RFC 2045 §5.1
/// value := token / quoted-string
/// parameter := regular-parameter / extended-parameter     ; RFC 2231 §7
/// regular-parameter := regular-parameter-name "=" value
/// regular-parameter-name := attribute [section]
/// section := initial-section / other-sections
/// extended-parameter := (extended-initial-name "=" extended-initial-value) /
///                       (extended-other-names "=" extended-other-values)
/// extended-initial-value := [charset] "'" [language] "'" extended-other-values
/// ```
/// Names are kept lowercased. Values of `name` and `filename` are also RFC 2047 decoded when they hold
/// encoded words, which RFC 2047 §5 forbids but Outlook and Gmail send.
///
/// - SeeAlso: https://www.rfc-editor.org/rfc/rfc2231
public struct MIMEParameters: Sendable, Equatable, Sequence {
    public private(set) var items: [(name: String, value: String)]

    public init(_ items: [(name: String, value: String)] = []) { self.items = items }

    public static func == (a: MIMEParameters, b: MIMEParameters) -> Bool {
        a.items.elementsEqual(b.items) { $0.name == $1.name && $0.value == $1.value }
    }

    public func makeIterator() -> IndexingIterator<[(name: String, value: String)]> { items.makeIterator() }

    /// The value of the parameter, name compared case-insensitively.
    public subscript(name: String) -> String? {
        let key = name.lowercased()
        return items.first { $0.name == key }?.value
    }

    public var isEmpty: Bool { items.isEmpty }

    // MARK: - Parsing

    struct RawParameter {
        var name: [UInt8]
        var value: [UInt8]
    }

    /// Splits an unfolded structured value into its leading value (`text/plain`, `attachment`) and its
    /// parameters. Comments (RFC 5322 §3.2.2) are skipped.
    static func split(_ bytes: [UInt8]) -> (main: [UInt8], raw: [RawParameter]) {
        var i = 0
        let n = bytes.count
        var main = [UInt8]()
        while i < n, bytes[i] != ASCII.semicolon {
            if bytes[i] == 40 {
                i = skipComment(bytes, from: i)
                continue
            }
            if !ASCII.isWhitespace(bytes[i]) { main.append(bytes[i]) }
            i += 1
        }
        var raw: [RawParameter] = []
        while i < n {
            // At ";" or white space or a comment.
            while i < n, bytes[i] == ASCII.semicolon || ASCII.isWhitespace(bytes[i]) || bytes[i] == 40 {
                if bytes[i] == 40 { i = skipComment(bytes, from: i) } else { i += 1 }
            }
            guard i < n else { break }
            var name = [UInt8]()
            while i < n, bytes[i] != ASCII.equals, bytes[i] != ASCII.semicolon {
                if !ASCII.isWhitespace(bytes[i]) { name.append(ASCII.lower(bytes[i])) }
                i += 1
            }
            guard i < n, bytes[i] == ASCII.equals else { continue }
            i += 1
            while i < n, ASCII.isWhitespace(bytes[i]) { i += 1 }
            var value = [UInt8]()
            if i < n, bytes[i] == ASCII.quote {
                i += 1
                while i < n, bytes[i] != ASCII.quote {
                    // quoted-pair; a backslash before anything but a quote or a backslash is kept, so that
                    // Windows paths survive.
                    if bytes[i] == ASCII.backslash, i + 1 < n,
                        bytes[i + 1] == ASCII.quote || bytes[i + 1] == ASCII.backslash
                    {
                        value.append(bytes[i + 1])
                        i += 2
                        continue
                    }
                    value.append(bytes[i])
                    i += 1
                }
                if i < n { i += 1 }
                while i < n, bytes[i] != ASCII.semicolon { i += 1 }
            } else {
                let start = i
                while i < n, bytes[i] != ASCII.semicolon { i += 1 }
                let r = ASCII.trimmed(bytes, start..<i)
                value.append(contentsOf: bytes[r])
            }
            if !name.isEmpty { raw.append(RawParameter(name: name, value: value)) }
        }
        return (main, raw)
    }

    static func skipComment(_ bytes: [UInt8], from start: Int) -> Int {
        var depth = 0
        var i = start
        while i < bytes.count {
            switch bytes[i] {
            case 40: depth += 1
            case 41:
                depth -= 1
                if depth == 0 { return i + 1 }
            case ASCII.backslash: i += 1
            default: break
            }
            i += 1
        }
        return bytes.count
    }

    /// Joins RFC 2231 sections and decodes charsets.
    static func resolve(_ raw: [RawParameter], defects: inout [MailDefect]) -> MIMEParameters {
        // Fast path: no RFC 2231 names, no encoded words.
        if !raw.contains(where: { $0.name.contains(42) }) {
            var items: [(name: String, value: String)] = []
            items.reserveCapacity(raw.count)
            for p in raw {
                let key = String(decoding: p.name, as: UTF8.self)
                if items.contains(where: { $0.name == key }) { continue }
                if key == "name" || key == "filename" {
                    items.append((key, EncodedWord.decode(p.value, defects: &defects)))
                } else {
                    items.append((key, Charset.decodeUnlabelled(p.value).0))
                }
            }
            return MIMEParameters(items)
        }
        struct Section {
            var number: Int
            var encoded: Bool
            var value: [UInt8]
        }
        var order: [String] = []
        var plain: [String: [UInt8]] = [:]
        var extended: [String: [Section]] = [:]
        for p in raw {
            var name = p.name
            var encoded = false
            if name.last == UInt8(ascii: "*") {
                encoded = true
                name.removeLast()
            }
            var number: Int? = nil
            if let star = name.lastIndex(of: UInt8(ascii: "*")), star + 1 < name.count,
                name[(star + 1)...].allSatisfy(ASCII.isDigit), name.count - star - 1 <= 4
            {
                var v = 0
                for d in name[(star + 1)...] { v = v * 10 + Int(d - 48) }
                number = v
                name.removeSubrange(star...)
            }
            let key = String(decoding: name, as: UTF8.self)
            if plain[key] == nil && extended[key] == nil { order.append(key) }
            if number == nil && !encoded {
                if plain[key] == nil { plain[key] = p.value }
            } else {
                extended[key, default: []].append(Section(number: number ?? 0, encoded: encoded, value: p.value))
            }
        }
        var items: [(name: String, value: String)] = []
        items.reserveCapacity(order.count)
        for key in order {
            if var sections = extended[key] {
                sections.sort { $0.number < $1.number }
                var bytes = [UInt8]()
                var charset: Charset? = nil
                var expected = 0
                var broken = false
                for (k, s) in sections.enumerated() {
                    if s.number != expected { broken = true }
                    expected = s.number + 1
                    var v = s.value[...]
                    if k == 0 && s.encoded {
                        // charset "'" language "'" text
                        if let q1 = v.firstIndex(of: 39), let q2 = v[(q1 + 1)...].firstIndex(of: 39) {
                            let cs = String(decoding: v[v.startIndex..<q1], as: UTF8.self)
                            if !cs.isEmpty { charset = Charset(cs) }
                            v = v[(q2 + 1)...]
                        } else {
                            broken = true
                        }
                    }
                    if s.encoded {
                        if !percentDecode(v, into: &bytes) { broken = true }
                    } else {
                        bytes.append(contentsOf: v)
                    }
                }
                if broken { defects.append(.invalidParameter(key)) }
                let text: String
                if let charset {
                    let (s, defect) = charset.decode(bytes)
                    if let defect { defects.append(defect) }
                    text = s
                } else {
                    text = Charset.decodeUnlabelled(bytes).0
                }
                items.append((key, text))
            } else if let v = plain[key] {
                if key == "name" || key == "filename" {
                    items.append((key, EncodedWord.decode(v, defects: &defects)))
                } else {
                    items.append((key, Charset.decodeUnlabelled(v).0))
                }
            }
        }
        return MIMEParameters(items)
    }

    /// RFC 2231 §4: `%` followed by two hex digits. A bad escape is kept as written.
    static func percentDecode(_ v: ArraySlice<UInt8>, into out: inout [UInt8]) -> Bool {
        var ok = true
        var i = v.startIndex
        while i < v.endIndex {
            let b = v[i]
            if b == 37 {
                if i + 2 < v.endIndex, let hi = ASCII.hexValue(v[i + 1]), let lo = ASCII.hexValue(v[i + 2]) {
                    out.append(hi << 4 | lo)
                    i += 3
                    continue
                }
                ok = false
            }
            out.append(b)
            i += 1
        }
        return ok
    }

    // MARK: - Composing

    /// Renders one parameter as `; name=value`, quoting when the value is not a token. Values are expected
    /// to be ASCII (boundaries, charsets).
    static func render(name: String, value: String) -> String {
        let isToken =
            !value.isEmpty
            && value.utf8.allSatisfy { b in
                b > 32 && b < 127 && !"()<>@,;:\\\"/[]?=".utf8.contains(b)
            }
        if isToken { return "; \(name)=\(value)" }
        var quoted = "\""
        for c in value.unicodeScalars {
            if c == "\"" || c == "\\" { quoted.append("\\") }
            if c.value < 32 || c.value == 127 { quoted.append(" ") } else { quoted.unicodeScalars.append(c) }
        }
        quoted.append("\"")
        return "; \(name)=\(quoted)"
    }
}
