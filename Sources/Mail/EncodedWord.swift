/// RFC 2047 encoded words: non-ASCII text in header fields.
///
/// ```
/// encoded-word = "=?" charset "?" encoding "?" encoded-text "?="    ; RFC 2047 §2
/// charset = token    ; see section 3
/// encoding = token   ; see section 4
/// encoded-text = 1*<Any printable ASCII character other than "?" or SPACE>
/// ```
/// Decoding is lenient in the ways real mail needs: encoded words inside a word, Q text with spaces, words
/// longer than 75 characters, and multi-byte characters split across adjacent words (their bytes are joined
/// before the charset is applied).
///
/// - SeeAlso: https://www.rfc-editor.org/rfc/rfc2047
public enum EncodedWord {
    /// Decodes every encoded word in an unfolded header value.
    ///
    /// RFC 2047 §6.2: "any 'linear-white-space' that separates a pair of adjacent 'encoded-word's is
    /// ignored." Text outside encoded words is read as UTF-8 (RFC 6532 §3.2), or windows-1252 when it is not.
    public static func decode(_ text: String) -> String {
        var defects: [MailDefect] = []
        return decode(Array(text.utf8), defects: &defects)
    }

    static func decode(_ bytes: [UInt8], defects: inout [MailDefect]) -> String {
        // Fast path: no "=?" at all.
        var hasMarker = false
        if bytes.count >= 2 {
            var k = 0
            while k + 1 < bytes.count {
                if bytes[k] == ASCII.equals && bytes[k + 1] == ASCII.question {
                    hasMarker = true
                    break
                }
                k += 1
            }
        }
        if !hasMarker { return Charset.decodeUnlabelled(bytes).0 }

        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        var pendingCharset: Charset? = nil
        var pendingBytes = [UInt8]()
        var plainStart = 0
        var lastWordEnd = -1
        var i = 0

        func flushPending() {
            if let cs = pendingCharset {
                let (s, defect) = cs.decode(pendingBytes)
                if let defect { defects.append(defect) }
                out.append(contentsOf: s.utf8)
                pendingCharset = nil
                pendingBytes.removeAll(keepingCapacity: true)
            }
        }
        func appendPlain(_ r: Range<Int>) {
            guard !r.isEmpty else { return }
            out.append(contentsOf: Charset.decodeUnlabelled(bytes[r]).0.utf8)
        }

        while i + 1 < bytes.count {
            guard bytes[i] == ASCII.equals, bytes[i + 1] == ASCII.question,
                let word = parseWord(bytes, at: i)
            else {
                i += 1
                continue
            }
            let between = plainStart..<i
            let onlySpace = between.allSatisfy { ASCII.isWSP(bytes[$0]) }
            let adjacent = lastWordEnd == plainStart && onlySpace
            if !adjacent {
                flushPending()
                appendPlain(between)
            }
            var decoded = [UInt8]()
            if !decodeText(bytes, word.text, encoding: word.encoding, into: &decoded) {
                defects.append(.invalidEncodedWord)
            }
            let charset = Charset(String(decoding: bytes[word.charset], as: UTF8.self))
            if let cs = pendingCharset, cs != charset { flushPending() }
            pendingCharset = charset
            pendingBytes.append(contentsOf: decoded)
            i = word.end
            plainStart = i
            lastWordEnd = i
        }
        flushPending()
        appendPlain(plainStart..<bytes.count)
        return String(decoding: out, as: UTF8.self)
    }

    struct Word {
        var charset: Range<Int>
        var encoding: UInt8
        var text: Range<Int>
        var end: Int
    }

    /// Parses `=?charset?X?text?=` at `start`, or returns nil.
    static func parseWord(_ bytes: [UInt8], at start: Int) -> Word? {
        let n = bytes.count
        var i = start + 2
        let csStart = i
        while i < n, i - csStart < 64 {
            let b = bytes[i]
            if b == ASCII.question || b <= 32 || b >= 127 { break }
            i += 1
        }
        guard i > csStart, i + 2 < n, bytes[i] == ASCII.question else { return nil }
        let csEnd = i
        let enc = ASCII.upper(bytes[i + 1])
        guard enc == 66 || enc == 81, bytes[i + 2] == ASCII.question else { return nil }
        let textStart = i + 3
        var j = textStart
        let limit = min(n, textStart + 1000)
        while j + 1 < limit {
            let b = bytes[j]
            if b == ASCII.question {
                if bytes[j + 1] == ASCII.equals { break }
                return nil
            }
            // B text never holds white space; Q text only in broken mail, which we accept.
            if enc == 66 && ASCII.isWSP(b) { return nil }
            if b == ASCII.cr || b == ASCII.lf { return nil }
            j += 1
        }
        guard j + 1 < limit, bytes[j] == ASCII.question, bytes[j + 1] == ASCII.equals else { return nil }
        return Word(charset: csStart..<csEnd, encoding: enc, text: textStart..<j, end: j + 2)
    }

    /// RFC 2047 §4.1 (B) and §4.2 (Q). Returns false when the text was not valid, after decoding what it
    /// could.
    static func decodeText(_ bytes: [UInt8], _ r: Range<Int>, encoding: UInt8, into out: inout [UInt8]) -> Bool {
        if encoding == 66 {
            return Base64.decode(bytes[r], into: &out)
        }
        var ok = true
        var i = r.lowerBound
        while i < r.upperBound {
            let b = bytes[i]
            if b == 95 {
                out.append(ASCII.space)
            } else if b == ASCII.equals {
                if i + 2 < r.upperBound, let hi = ASCII.hexValue(bytes[i + 1]),
                    let lo = ASCII.hexValue(bytes[i + 2])
                {
                    out.append(hi << 4 | lo)
                    i += 3
                    continue
                }
                ok = false
                out.append(b)
            } else {
                out.append(b)
            }
            i += 1
        }
        return ok
    }

    // MARK: - Composing

    /// Characters that may stand for themselves in a Q-encoded word anywhere, phrases included.
    /// RFC 2047 §5 (3): upper and lower case ASCII letters, decimal digits, "!", "*", "+", "-", "/".
    @inline(__always) static func isQSafe(_ b: UInt8) -> Bool {
        ASCII.isAlnum(b) || b == 33 || b == 42 || b == 43 || b == 45 || b == 47
    }

    /// Encodes `text` as a series of UTF-8 Q encoded words, the first at most `firstMaxLength` characters and
    /// the others at most `maxLength` (both capped at 75, RFC 2047 §2), never splitting a character.
    /// Whitespace between the words is ignored when decoding, so the caller may fold between them.
    public static func encode(_ text: String, firstMaxLength: Int = 75, maxLength: Int = 75) -> [String] {
        let prefix = Array("=?utf-8?q?".utf8)
        let suffix = Array("?=".utf8)
        let overhead = prefix.count + suffix.count
        var room = max(12, min(75, firstMaxLength)) - overhead
        let laterRoom = max(12, min(75, maxLength)) - overhead
        var words: [String] = []
        var current = [UInt8]()
        var scalarBytes = [UInt8]()
        var encoded = [UInt8]()
        for scalar in text.unicodeScalars {
            scalarBytes.removeAll(keepingCapacity: true)
            encoded.removeAll(keepingCapacity: true)
            ASCII.appendUTF8(scalar.value, to: &scalarBytes)
            for b in scalarBytes {
                if b == ASCII.space {
                    encoded.append(95)
                } else if isQSafe(b) {
                    encoded.append(b)
                } else {
                    encoded.append(ASCII.equals)
                    encoded.append(ASCII.hexDigits[Int(b >> 4)])
                    encoded.append(ASCII.hexDigits[Int(b & 0x0F)])
                }
            }
            if current.count + encoded.count > room, !current.isEmpty {
                words.append(String(decoding: prefix + current + suffix, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
                room = laterRoom
            }
            current.append(contentsOf: encoded)
        }
        if !current.isEmpty || words.isEmpty {
            words.append(String(decoding: prefix + current + suffix, as: UTF8.self))
        }
        return words
    }
}
