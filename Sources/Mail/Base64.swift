/// The base64 content transfer encoding.
///
/// RFC 2045 §6.8: "All line breaks or other characters not found in Table 1 must be ignored by decoding
/// software. In base64 data, characters other than those in Table 1, line breaks, and other white space
/// probably indicate a transmission error, about which a warning message or even a message rejection might
/// be appropriate under some circumstances."
///
/// - SeeAlso: https://www.rfc-editor.org/rfc/rfc2045#section-6.8
public enum Base64 {
    /// 0...63 for the alphabet, 64 for `=`, 65 for white space, 255 for anything else.
    static let table: [UInt8] = {
        var t = [UInt8](repeating: 255, count: 256)
        for (i, c) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            t[Int(c)] = UInt8(i)
        }
        // RFC 4648 §5 base64url, which some broken senders use.
        t[Int(UInt8(ascii: "-"))] = 62
        t[Int(UInt8(ascii: "_"))] = 63
        t[Int(UInt8(ascii: "="))] = 64
        for w in [9, 10, 11, 12, 13, 32] { t[w] = 65 }
        return t
    }()

    /// Decodes tolerantly: white space is skipped, other stray characters are skipped and reported, padding
    /// in the middle ends one run and decoding goes on (concatenated base64), a final partial quantum of two
    /// or three characters is decoded.
    ///
    /// - Returns: `false` when the input was not clean base64.
    @discardableResult
    public static func decode(_ input: some Collection<UInt8>, into out: inout [UInt8]) -> Bool {
        out.reserveCapacity(out.count + input.count / 4 * 3 + 3)
        var ok = true
        var acc: UInt32 = 0
        var n = 0
        for c in input {
            let v = table[Int(c)]
            if v < 64 {
                acc = acc << 6 | UInt32(v)
                n += 1
                if n == 4 {
                    out.append(UInt8(truncatingIfNeeded: acc >> 16))
                    out.append(UInt8(truncatingIfNeeded: acc >> 8))
                    out.append(UInt8(truncatingIfNeeded: acc))
                    acc = 0
                    n = 0
                }
            } else if v == 64 {
                flush(&acc, &n, &out, &ok)
            } else if v != 65 {
                ok = false
            }
        }
        flush(&acc, &n, &out, &ok)
        return ok
    }

    public static func decode(_ input: some Collection<UInt8>) -> [UInt8] {
        var out = [UInt8]()
        decode(input, into: &out)
        return out
    }

    @inline(__always)
    private static func flush(_ acc: inout UInt32, _ n: inout Int, _ out: inout [UInt8], _ ok: inout Bool) {
        switch n {
        case 2:
            out.append(UInt8(truncatingIfNeeded: acc >> 4))
        case 3:
            out.append(UInt8(truncatingIfNeeded: acc >> 10))
            out.append(UInt8(truncatingIfNeeded: acc >> 2))
        case 1:
            ok = false
        default:
            break
        }
        acc = 0
        n = 0
    }

    /// Whether `input` is clean base64 (alphabet, white space, padding only at the end of a quantum), without
    /// decoding it.
    static func isValid(_ input: some Collection<UInt8>) -> Bool {
        var n = 0
        var padded = false
        for c in input {
            let v = table[Int(c)]
            if v < 64 {
                if padded { padded = false }
                n = (n + 1) & 3
            } else if v == 64 {
                if n < 2 && !padded { return false }
                padded = true
                n = 0
            } else if v != 65 {
                return false
            }
        }
        return n != 1
    }

    // MARK: - Composing

    static let alphabet: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// Encodes `input`, breaking lines after `lineLength` characters with CRLF (0 for one line).
    /// RFC 2045 §6.8: "The encoded output stream must be represented in lines of no more than 76
    /// characters each."
    public static func encode(_ input: some Collection<UInt8>, lineLength: Int = 76) -> [UInt8] {
        let bytes = Array(input)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count / 3 * 4 + bytes.count / 38 + 8)
        var column = 0
        var i = 0
        while i < bytes.count {
            let b0 = UInt32(bytes[i])
            let b1 = i + 1 < bytes.count ? UInt32(bytes[i + 1]) : 0
            let b2 = i + 2 < bytes.count ? UInt32(bytes[i + 2]) : 0
            let v = b0 << 16 | b1 << 8 | b2
            if lineLength > 0, column + 4 > lineLength {
                out.append(ASCII.cr)
                out.append(ASCII.lf)
                column = 0
            }
            out.append(alphabet[Int(v >> 18 & 63)])
            out.append(alphabet[Int(v >> 12 & 63)])
            out.append(i + 1 < bytes.count ? alphabet[Int(v >> 6 & 63)] : ASCII.equals)
            out.append(i + 2 < bytes.count ? alphabet[Int(v & 63)] : ASCII.equals)
            column += 4
            i += 3
        }
        return out
    }
}
