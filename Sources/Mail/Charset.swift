import Foundation

/// A MIME charset name (RFC 2045 §5.1, RFC 2978), compared case-insensitively, with its decoder.
///
/// An open registry, so a struct with static lets. `utf-8`, `us-ascii`, `iso-8859-1`, `iso-8859-15` and
/// `windows-1252` are decoded by tables here; other names go to Foundation's `String.Encoding(ianaName:)`
/// and then to a short list of `iconv` converters. Decoding never loses bytes: invalid UTF-8 is read as
/// windows-1252, an unknown charset as Latin-1, each with a ``MailDefect``. Latin-1 labelled text that is
/// valid UTF-8 is read as UTF-8.
///
/// - SeeAlso: https://www.rfc-editor.org/rfc/rfc2045#section-5.1
public struct Charset: Sendable, Hashable, CustomStringConvertible {
    /// The name as written in the mail.
    public let name: String
    /// Lowercased, quotes and an RFC 2231 §5 language suffix (`*nl`) removed.
    public let normalized: String

    public init(_ name: String) {
        self.name = name
        var out = [UInt8]()
        out.reserveCapacity(name.utf8.count)
        for b in name.utf8 {
            // RFC 2231 §5: charset "*" language in encoded words.
            if b == 42 { break }
            if b == ASCII.quote || ASCII.isWhitespace(b) { continue }
            out.append(ASCII.lower(b))
        }
        self.normalized = String(decoding: out, as: UTF8.self)
    }

    public static func == (a: Charset, b: Charset) -> Bool { a.normalized == b.normalized }
    public func hash(into hasher: inout Hasher) { hasher.combine(normalized) }
    public var description: String { name }

    public static let utf8 = Charset("utf-8")
    public static let usASCII = Charset("us-ascii")
    public static let latin1 = Charset("iso-8859-1")
    public static let latin9 = Charset("iso-8859-15")
    public static let windows1252 = Charset("windows-1252")

    enum Decoder: Equatable {
        case utf8, ascii, windows1252, latin9
        case foundation(String.Encoding)
        case iconv(String)
        case unknown
    }

    var decoder: Decoder {
        switch normalized {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8": return .utf8
        case "us-ascii", "ascii", "ansi_x3.4-1968", "iso646-us", "us", "646", "ibm367", "cp367", "csascii", "":
            return .ascii
        // WHATWG Encoding §4.2: iso-8859-1 and its aliases are decoded as windows-1252.
        case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "cp819", "ibm819",
            "iso-ir-100", "csisolatin1", "iso_8859-1:1987", "8859-1",
            "windows-1252", "cp1252", "x-cp1252", "win-1252", "ms-ansi":
            return .windows1252
        case "iso-8859-15", "iso8859-15", "iso_8859-15", "latin-9", "latin9", "l9", "csisolatin9", "iso-8859-15:1998":
            return .latin9
        default:
            if let enc = Self.foundationEncoding(normalized) { return .foundation(enc) }
            if let name = Self.iconvNames[normalized] { return .iconv(name) }
            return .unknown
        }
    }

    /// Whether decoding with this charset is known to be possible on this platform.
    public var isKnown: Bool { decoder != .unknown }

    private static func foundationEncoding(_ name: String) -> String.Encoding? {
        // Only names that are plain tokens reach Foundation.
        guard name.utf8.count <= 40, name.utf8.allSatisfy({ ASCII.isAlnum($0) || $0 == 45 || $0 == 95 || $0 == 46 })
        else { return nil }
        return String.Encoding(ianaName: name)
    }

    /// Charsets that Foundation on Linux does not resolve but glibc's iconv decodes, with the name iconv knows
    /// them by. A fixed table: an attacker-chosen name never reaches `iconv_open`. Includes the labels Outlook
    /// writes (`ks_c_5601-1987` for Korean, `windows-31j` for Japanese) and the `cp125x` spellings.
    static let iconvNames: [String: String] = {
        var t: [String: String] = [:]
        for name in [
            "koi8-r", "koi8-u", "gb2312", "gbk", "gb18030", "big5", "big5-hkscs", "euc-kr", "cp949", "euc-jp",
            "iso-8859-3", "iso-8859-4", "iso-8859-5", "iso-8859-6", "iso-8859-7", "iso-8859-8", "iso-8859-9",
            "iso-8859-10", "iso-8859-13", "iso-8859-14", "iso-8859-16", "windows-1251", "windows-1253",
            "windows-1254", "windows-1255", "windows-1256", "windows-1257", "windows-1258", "cp866", "cp850",
            "ibm850", "ibm866", "tis-620", "windows-874", "iso-2022-kr", "iso-2022-cn", "utf-7", "cp1250", "cp1251",
            "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258", "cp932", "cp936", "iso-8859-8-i",
        ] {
            t[name] = name.uppercased()
        }
        t["iso-8859-8-i"] = "ISO-8859-8"
        t["ks_c_5601-1987"] = "CP949"
        t["ks_c_5601"] = "CP949"
        t["windows-949"] = "CP949"
        t["windows-31j"] = "CP932"
        t["x-sjis"] = "SJIS"
        t["sjis"] = "SJIS"
        t["shift-jis"] = "SHIFT_JIS"
        t["x-gbk"] = "GBK"
        t["gb_2312-80"] = "GB2312"
        t["x-euc-jp"] = "EUC-JP"
        t["koi8"] = "KOI8-R"
        return t
    }()

    /// Decodes `bytes`, never losing one.
    ///
    /// - Returns: the text and, when the bytes did not fit the charset or the charset is unknown, the defect.
    public func decode(_ bytes: some Collection<UInt8>) -> (String, MailDefect?) {
        let d = decoder
        switch d {
        case .utf8, .ascii, .windows1252, .latin9:
            if ASCII.isASCII(bytes) { return (String(decoding: bytes, as: UTF8.self), nil) }
        default:
            break
        }
        switch d {
        case .utf8:
            if let s = String(validating: bytes, as: UTF8.self) { return (s, nil) }
            return (Self.decodeWindows1252(bytes), .invalidCharsetBytes(name))
        case .ascii:
            // 8-bit bytes under us-ascii (or no charset at all): UTF-8 when valid, as most senders mean.
            if let s = String(validating: bytes, as: UTF8.self) { return (s, nil) }
            return (Self.decodeWindows1252(bytes), .invalidCharsetBytes(name.isEmpty ? "us-ascii" : name))
        case .windows1252:
            // Text labelled Latin-1 that is valid UTF-8 with 8-bit bytes was written as UTF-8 (mailers that
            // label everything iso-8859-1): real Latin-1 text practically never is, as it would need a
            // capital letter with an accent followed by one or more symbols from 0x80-0xBF every time.
            if let s = String(validating: bytes, as: UTF8.self) { return (s, nil) }
            return (Self.decodeWindows1252(bytes), nil)
        case .latin9:
            if let s = String(validating: bytes, as: UTF8.self) { return (s, nil) }
            return (Self.decodeLatin9(bytes), nil)
        case .foundation(let enc):
            if let s = String(bytes: Array(bytes), encoding: enc) { return (s, nil) }
            return Self.fallback(bytes, defect: .invalidCharsetBytes(name))
        case .iconv(let n):
            if let s = Self.iconvDecode(Array(bytes), from: n) { return (s, nil) }
            return Self.fallback(bytes, defect: .invalidCharsetBytes(name))
        case .unknown:
            if let s = String(validating: bytes, as: UTF8.self) { return (s, .unknownCharset(name)) }
            return (Self.decodeLatin1(bytes), .unknownCharset(name))
        }
    }

    /// Text of unlabelled bytes (8-bit header values, RFC 6532 §3.2): UTF-8 when valid, else windows-1252.
    static func decodeUnlabelled(_ bytes: some Collection<UInt8>) -> (String, Bool) {
        if ASCII.isASCII(bytes) { return (String(decoding: bytes, as: UTF8.self), true) }
        if let s = String(validating: bytes, as: UTF8.self) { return (s, true) }
        return (decodeWindows1252(bytes), false)
    }

    private static func fallback(_ bytes: some Collection<UInt8>, defect: MailDefect) -> (String, MailDefect?) {
        if let s = String(validating: bytes, as: UTF8.self) { return (s, defect) }
        return (decodeWindows1252(bytes), defect)
    }

    // MARK: - Tables

    /// windows-1252 0x80...0x9F; the five undefined bytes map to the C1 control of the same value, so no byte
    /// is lost (WHATWG index-windows-1252 does the same).
    static let windows1252High: [UInt16] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    static func decodeWindows1252(_ bytes: some Collection<UInt8>) -> String {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count + 16)
        for b in bytes {
            if b < 0x80 {
                out.append(b)
            } else if b < 0xA0 {
                ASCII.appendUTF8(UInt32(windows1252High[Int(b) - 0x80]), to: &out)
            } else {
                ASCII.appendUTF8(UInt32(b), to: &out)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func decodeLatin1(_ bytes: some Collection<UInt8>) -> String {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count + 16)
        for b in bytes { ASCII.appendUTF8(UInt32(b), to: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// ISO-8859-15 differs from ISO-8859-1 in eight positions.
    static func decodeLatin9(_ bytes: some Collection<UInt8>) -> String {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count + 16)
        for b in bytes {
            let v: UInt32
            switch b {
            case 0xA4: v = 0x20AC
            case 0xA6: v = 0x0160
            case 0xA8: v = 0x0161
            case 0xB4: v = 0x017D
            case 0xB8: v = 0x017E
            case 0xBC: v = 0x0152
            case 0xBD: v = 0x0153
            case 0xBE: v = 0x0178
            default: v = UInt32(b)
            }
            ASCII.appendUTF8(v, to: &out)
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func iconvDecode(_ input: [UInt8], from name: String) -> String? {
        guard !input.isEmpty else { return "" }
        let cd = iconv_open("UTF-8", name)
        if cd == iconv_t(bitPattern: -1) { return nil }
        defer { iconv_close(cd) }
        var source = input
        var output = [UInt8](repeating: 0, count: input.count * 4 + 16)
        let written: Int? = source.withUnsafeMutableBufferPointer { ib -> Int? in
            output.withUnsafeMutableBufferPointer { ob -> Int? in
                guard let ibase = ib.baseAddress, let obase = ob.baseAddress else { return nil }
                var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(ibase)
                    .assumingMemoryBound(to: CChar.self)
                var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(obase)
                    .assumingMemoryBound(to: CChar.self)
                var inLeft = ib.count
                var outLeft = ob.count
                let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                if r == -1 || inLeft != 0 { return nil }
                return ob.count - outLeft
            }
        }
        guard let n = written else { return nil }
        return String(validating: output[0..<n], as: UTF8.self)
    }
}
