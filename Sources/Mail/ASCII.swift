import Foundation

/// Byte-level helpers shared by the parsers. Everything in `Mail` scans `[UInt8]`; nothing here allocates
/// unless it returns an array or a string.
enum ASCII {
    static let tab: UInt8 = 9
    static let lf: UInt8 = 10
    static let cr: UInt8 = 13
    static let space: UInt8 = 32
    static let quote: UInt8 = 34
    static let hyphen: UInt8 = 45
    static let colon: UInt8 = 58
    static let semicolon: UInt8 = 59
    static let equals: UInt8 = 61
    static let question: UInt8 = 63
    static let backslash: UInt8 = 92

    /// RFC 5234 §B.1 WSP = SP / HTAB
    @inline(__always) static func isWSP(_ b: UInt8) -> Bool { b == space || b == tab }

    @inline(__always) static func isWhitespace(_ b: UInt8) -> Bool {
        b == space || b == tab || b == cr || b == lf || b == 11 || b == 12
    }

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }

    @inline(__always) static func isAlpha(_ b: UInt8) -> Bool { (b | 0x20) >= 97 && (b | 0x20) <= 122 }

    @inline(__always) static func isAlnum(_ b: UInt8) -> Bool { isDigit(b) || isAlpha(b) }

    @inline(__always) static func lower(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b | 0x20 : b }

    @inline(__always) static func upper(_ b: UInt8) -> UInt8 { b >= 97 && b <= 122 ? b & 0xDF : b }

    @inline(__always) static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case 48...57: return b - 48
        case 65...70: return b - 55
        case 97...102: return b - 87
        default: return nil
        }
    }

    static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)
    static let lowerHexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Index of the first `byte` in `bytes[from..<to]`, or `to`.
    @inline(__always)
    static func index(of byte: UInt8, in bytes: [UInt8], from: Int, to: Int) -> Int {
        guard from < to else { return to }
        return bytes.withUnsafeBufferPointer { buf -> Int in
            guard let base = buf.baseAddress else { return to }
            guard let hit = memchr(base + from, Int32(byte), to - from) else { return to }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
    }

    /// Case-insensitive comparison of bytes with an ASCII lowercase pattern.
    @inline(__always)
    static func equalsLower(_ bytes: some Collection<UInt8>, _ lowerPattern: some Collection<UInt8>) -> Bool {
        guard bytes.count == lowerPattern.count else { return false }
        var i = bytes.startIndex
        var j = lowerPattern.startIndex
        while i != bytes.endIndex {
            if lower(bytes[i]) != lowerPattern[j] { return false }
            i = bytes.index(after: i)
            j = lowerPattern.index(after: j)
        }
        return true
    }

    /// Whether `bytes[at...]` starts with the ASCII lowercase `pattern`, ignoring case.
    @inline(__always)
    static func hasPrefixLower(_ bytes: [UInt8], at: Int, end: Int, _ lowerPattern: [UInt8]) -> Bool {
        guard at >= 0, end - at >= lowerPattern.count else { return false }
        var k = 0
        while k < lowerPattern.count {
            if lower(bytes[at + k]) != lowerPattern[k] { return false }
            k += 1
        }
        return true
    }

    /// The range of `bytes[range]` without leading and trailing white space (SP, HTAB, CR, LF).
    static func trimmed(_ bytes: [UInt8], _ range: Range<Int>) -> Range<Int> {
        var lo = range.lowerBound
        var hi = range.upperBound
        while lo < hi, isWhitespace(bytes[lo]) { lo += 1 }
        while hi > lo, isWhitespace(bytes[hi - 1]) { hi -= 1 }
        return lo..<hi
    }

    static func lowercased(_ bytes: some Sequence<UInt8>) -> String {
        String(decoding: bytes.map(lower), as: UTF8.self)
    }

    /// Whether every byte is 7-bit.
    @inline(__always)
    static func isASCII(_ bytes: some Collection<UInt8>) -> Bool {
        for b in bytes where b >= 0x80 { return false }
        return true
    }

    /// Appends the UTF-8 encoding of `scalar` to `out`.
    @inline(__always)
    static func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
        let v = (scalar > 0x10FFFF || (scalar >= 0xD800 && scalar <= 0xDFFF)) ? 0xFFFD : scalar
        switch v {
        case 0..<0x80:
            out.append(UInt8(v))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | (v >> 6)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | (v >> 12)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (v >> 18)))
            out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    /// Replaces C0 controls, DEL and the Unicode line separators by spaces, collapses runs of white space
    /// and trims. Returns whether anything other than a tab was replaced.
    static func sanitizeHeaderText(_ s: String) -> (String, hadControl: Bool) {
        var needsWork = false
        var needsCollapse = false
        var previous: UInt8 = space
        for u in s.utf8 {
            if u < 0x20 || u == 0x7F || u == 0xC2 || u == 0xE2 {
                needsWork = true
                break
            }
            if u == space && previous == space { needsCollapse = true }
            previous = u
        }
        if !needsWork {
            if needsCollapse || previous == space { return (collapseSpaces(s), false) }
            return (s, false)
        }
        var hadControl = false
        var scalars = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            switch u.value {
            case 0x09:
                scalars.append(" ")
            case 0..<0x20, 0x7F, 0x85, 0x2028, 0x2029:
                hadControl = true
                scalars.append(" ")
            default:
                scalars.append(u)
            }
        }
        return (collapseSpaces(String(scalars)), hadControl)
    }

    static func collapseSpaces(_ s: String) -> String {
        var out = [UInt8]()
        out.reserveCapacity(s.utf8.count)
        var pendingSpace = false
        for b in s.utf8 {
            if b == space {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(space) }
                pendingSpace = false
                out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
