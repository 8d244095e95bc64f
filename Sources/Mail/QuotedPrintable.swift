/// The quoted-printable content transfer encoding.
///
/// ```
/// quoted-printable := qp-line *(CRLF qp-line)           ; RFC 2045 §6.7
/// qp-line := *(qp-segment transport-padding CRLF) qp-part transport-padding
/// qp-segment := qp-section *(SPACE / TAB) "="            ; soft line break
/// hex-octet := "=" 2(DIGIT / "A" / "B" / "C" / "D" / "E" / "F")
/// ```
/// - SeeAlso: https://www.rfc-editor.org/rfc/rfc2045#section-6.7
public enum QuotedPrintable {
    /// Decodes tolerantly: lowercase hex is accepted, an `=` that starts no escape is kept as is (and
    /// reported), trailing white space before a line break is removed (rule 3), line breaks (CRLF or bare LF)
    /// are kept as written.
    ///
    /// - Returns: `false` when the input was not clean quoted-printable.
    @discardableResult
    public static func decode(_ input: ArraySlice<UInt8>, into out: inout [UInt8]) -> Bool {
        out.reserveCapacity(out.count + input.count)
        var ok = true
        var i = input.startIndex
        let end = input.endIndex
        var trailingWSP = 0
        while i < end {
            let b = input[i]
            if b == ASCII.equals {
                if i + 2 < end, let hi = ASCII.hexValue(input[i + 1]), let lo = ASCII.hexValue(input[i + 2]) {
                    out.append(hi << 4 | lo)
                    trailingWSP = 0
                    i += 3
                    continue
                }
                // Soft line break: "=" transport-padding CRLF.
                var j = i + 1
                while j < end, ASCII.isWSP(input[j]) { j += 1 }
                if j == end {
                    i = end
                    continue
                }
                if input[j] == ASCII.lf {
                    i = j + 1
                    trailingWSP = 0
                    continue
                }
                if input[j] == ASCII.cr, j + 1 < end, input[j + 1] == ASCII.lf {
                    i = j + 2
                    trailingWSP = 0
                    continue
                }
                ok = false
                out.append(b)
                trailingWSP = 0
                i += 1
            } else if b == ASCII.lf || (b == ASCII.cr && i + 1 < end && input[i + 1] == ASCII.lf) {
                // Rule 3: trailing white space on an encoded line was added in transport and goes.
                if trailingWSP > 0 { out.removeLast(min(trailingWSP, out.count)) }
                trailingWSP = 0
                if b == ASCII.cr {
                    out.append(ASCII.cr)
                    out.append(ASCII.lf)
                    i += 2
                } else {
                    out.append(ASCII.lf)
                    i += 1
                }
            } else {
                trailingWSP = ASCII.isWSP(b) ? trailingWSP + 1 : 0
                out.append(b)
                i += 1
            }
        }
        return ok
    }

    public static func decode(_ input: some Collection<UInt8>) -> [UInt8] {
        var out = [UInt8]()
        decode(ArraySlice(input), into: &out)
        return out
    }

    /// Whether every `=` in `input` starts a hex escape or a soft line break.
    static func isValid(_ input: ArraySlice<UInt8>) -> Bool {
        var i = input.startIndex
        let end = input.endIndex
        while i < end {
            let hit = input[i..<end].firstIndex(of: ASCII.equals) ?? end
            if hit == end { return true }
            if hit + 2 < end, ASCII.hexValue(input[hit + 1]) != nil, ASCII.hexValue(input[hit + 2]) != nil {
                i = hit + 3
                continue
            }
            var j = hit + 1
            while j < end, ASCII.isWSP(input[j]) { j += 1 }
            if j == end || input[j] == ASCII.lf || input[j] == ASCII.cr {
                i = j
                continue
            }
            return false
        }
        return true
    }

    // MARK: - Composing

    /// Encodes `text` line by line, with CRLF line ends (any of CRLF, CR, LF in the input ends a line) and
    /// soft line breaks that keep every line at most 76 characters (RFC 2045 §6.7 rule 5).
    ///
    /// Also encodes a line-initial "." (so no line is a lone "." even before SMTP dot-stuffing) and a
    /// line-initial "From " (the mbox hazard of RFC 2049 §3 (8)).
    public static func encode(_ text: String) -> [UInt8] {
        let bytes = Array(text.utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count + bytes.count / 8 + 8)
        var line = [UInt8]()
        var i = 0
        var sawAny = false
        while i <= bytes.count {
            if i == bytes.count || bytes[i] == ASCII.cr || bytes[i] == ASCII.lf {
                if i < bytes.count || !line.isEmpty || !sawAny {
                    encodeLine(line, into: &out)
                    if i < bytes.count { out.append(contentsOf: [ASCII.cr, ASCII.lf]) }
                }
                line.removeAll(keepingCapacity: true)
                if i < bytes.count, bytes[i] == ASCII.cr, i + 1 < bytes.count, bytes[i + 1] == ASCII.lf { i += 1 }
                i += 1
                sawAny = true
                continue
            }
            line.append(bytes[i])
            i += 1
        }
        return out
    }

    private static func encodeLine(_ line: [UInt8], into out: inout [UInt8]) {
        var column = 0
        let startsWithFrom = line.count >= 5 && line[0..<5].elementsEqual("From ".utf8)
        for (k, b) in line.enumerated() {
            let last = k == line.count - 1
            let literal: Bool
            if b == ASCII.equals || b >= 127 || (b < 32 && b != ASCII.tab) {
                literal = false
            } else if ASCII.isWSP(b) {
                literal = !last
            } else if k == 0 && (b == UInt8(ascii: ".") || (b == UInt8(ascii: "F") && startsWithFrom)) {
                literal = false
            } else {
                literal = true
            }
            let width = literal ? 1 : 3
            // Leave room for the "=" of a soft break unless this is the last character.
            if column + width > (last ? 76 : 75) {
                out.append(ASCII.equals)
                out.append(ASCII.cr)
                out.append(ASCII.lf)
                column = 0
            }
            if literal {
                out.append(b)
            } else {
                out.append(ASCII.equals)
                out.append(ASCII.hexDigits[Int(b >> 4)])
                out.append(ASCII.hexDigits[Int(b & 0x0F)])
            }
            column += width
        }
    }
}
