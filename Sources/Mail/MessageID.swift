/// Message identifiers, as in Message-ID, In-Reply-To and References.
///
/// ```
/// message-id = "Message-ID:" msg-id CRLF                 ; RFC 5322 §3.6.4
/// in-reply-to = "In-Reply-To:" 1*msg-id CRLF
/// references = "References:" 1*msg-id CRLF
/// msg-id = [CFWS] "<" id-left "@" id-right ">" [CFWS]
/// obs-in-reply-to = "In-Reply-To:" *(phrase / msg-id) CRLF   ; RFC 5322 §4.5.4
/// ```
/// Identifiers are returned with their angle brackets and without white space (obsolete syntax allows CFWS
/// inside).
///
/// - SeeAlso: https://www.rfc-editor.org/rfc/rfc5322#section-3.6.4
public enum MessageID {
    /// Reads every msg-id in a field value; phrases and comments between them are skipped. A value without
    /// any `<…>` but with `x@y` words gives those words in brackets, with a defect.
    static func parseList(_ bytes: [UInt8], field: String, defects: inout [MailDefect]) -> [String] {
        var ids: [String] = []
        var i = 0
        let n = bytes.count
        var broken = false
        while i < n {
            let b = bytes[i]
            if b == 40 {
                i = MIMEParameters.skipComment(bytes, from: i)
            } else if b == ASCII.quote {
                i += 1
                while i < n, bytes[i] != ASCII.quote {
                    if bytes[i] == ASCII.backslash { i += 1 }
                    i += 1
                }
                i += 1
            } else if b == 60 {
                var id: [UInt8] = [60]
                i += 1
                var closed = false
                while i < n {
                    let c = bytes[i]
                    if c == 62 {
                        closed = true
                        i += 1
                        break
                    }
                    if c == 60 { break }
                    if !ASCII.isWhitespace(c) && c >= 32 && c != 127 { id.append(c) }
                    i += 1
                }
                id.append(62)
                if !closed { broken = true }
                if id.count > 2 {
                    if !id.contains(64) { broken = true }
                    ids.append(Charset.decodeUnlabelled(id).0)
                }
            } else {
                i += 1
            }
        }
        if ids.isEmpty {
            // No angle brackets at all: "abc@example.com".
            var start = 0
            var k = 0
            while k <= n {
                if k == n || ASCII.isWhitespace(bytes[k]) || bytes[k] == 44 {
                    if k > start {
                        // A bracket on one side only ("abc@x>", "x<abc@y") is not part of the identifier: a
                        // ">" ends it, a "<" starts it. Controls go, as inside brackets.
                        var word = bytes[start..<k]
                        if let close = word.firstIndex(of: 62) { word = word[..<close] }
                        if let open = word.lastIndex(of: 60) { word = word[(open + 1)...] }
                        word = ArraySlice(word.filter { $0 >= 32 && $0 != 127 })
                        if word.contains(64), !word.contains(40), !word.contains(ASCII.quote) {
                            ids.append("<" + Charset.decodeUnlabelled(word).0 + ">")
                        }
                    }
                    start = k + 1
                }
                k += 1
            }
            if !ids.isEmpty || !bytes.isEmpty { broken = true }
        }
        if broken { defects.append(.invalidMessageID(field: field)) }
        return ids
    }

    /// Reads every msg-id in a text such as the value of a References field.
    public static func parseList(_ text: String) -> [String] {
        var defects: [MailDefect] = []
        return parseList(Array(text.utf8), field: "References", defects: &defects)
    }

    // MARK: - Composing

    /// `<random@domain>` with 128 random bits.
    ///
    /// RFC 5322 §3.6.4: "the message identifier [...] MUST be globally unique."
    public static func make(domain: String) -> String {
        var rng = SystemRandomNumberGenerator()
        var left = ""
        for _ in 0..<2 {
            let v = rng.next() as UInt64
            let hex = String(v, radix: 16)
            left += String(repeating: "0", count: 16 - hex.count) + hex
        }
        var cleanDomain = String(
            String.UnicodeScalarView(
                domain.unicodeScalars.filter { u in
                    (u.value >= 0x30 && u.value <= 0x39) || (u.value >= 0x41 && u.value <= 0x5A)
                        || (u.value >= 0x61 && u.value <= 0x7A) || u == "." || u == "-"
                })
        ).lowercased()
        if cleanDomain.isEmpty { cleanDomain = "localhost" }
        return "<\(left)@\(cleanDomain)>"
    }

    /// An identifier safe to write: no white space or controls, angle brackets exactly once around it; `""`
    /// for one longer than 900 bytes, which could not be written within RFC 5322 §2.1.1's 998-character lines.
    static func sanitize(_ id: String) -> String {
        guard id.utf8.count <= 900 else { return "" }
        var inner = String.UnicodeScalarView()
        for u in id.unicodeScalars {
            switch u.value {
            case 0...32, 0x7F, 0x85, 0x2028, 0x2029, 0x3C, 0x3E: continue
            default: inner.append(u)
            }
        }
        let s = String(inner)
        return s.isEmpty ? "" : "<\(s)>"
    }
}
