/// HTML character references: the named ones that mail uses, and numeric ones.
///
/// - SeeAlso: https://html.spec.whatwg.org/multipage/named-characters.html
enum HTMLEntity {
    /// The HTML 4 Latin-1 entities, in code point order from U+00A0.
    private static let latin1Names = [
        "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf", "laquo", "not",
        "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro", "para", "middot", "cedil", "sup1",
        "ordm", "raquo", "frac14", "frac12", "frac34", "iquest", "Agrave", "Aacute", "Acirc", "Atilde", "Auml",
        "Aring", "AElig", "Ccedil", "Egrave", "Eacute", "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH",
        "Ntilde", "Ograve", "Oacute", "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc",
        "Uuml", "Yacute", "THORN", "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig",
        "ccedil", "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml", "eth", "ntilde",
        "ograve", "oacute", "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave", "uacute", "ucirc", "uuml",
        "yacute", "thorn", "yuml",
    ]

    static let named: [String: UInt32] = {
        var t: [String: UInt32] = [
            "amp": 38, "lt": 60, "gt": 62, "quot": 34, "apos": 39, "euro": 0x20AC, "hellip": 0x2026,
            "mdash": 0x2014, "ndash": 0x2013, "lsquo": 0x2018, "rsquo": 0x2019, "sbquo": 0x201A, "ldquo": 0x201C,
            "rdquo": 0x201D, "bdquo": 0x201E, "bull": 0x2022, "trade": 0x2122, "dagger": 0x2020, "Dagger": 0x2021,
            "permil": 0x2030, "lsaquo": 0x2039, "rsaquo": 0x203A, "OElig": 0x152, "oelig": 0x153, "Scaron": 0x160,
            "scaron": 0x161, "Yuml": 0x178, "fnof": 0x192, "circ": 0x2C6, "tilde": 0x2DC, "ensp": 0x2002,
            "emsp": 0x2003, "thinsp": 0x2009, "zwnj": 0x200C, "zwj": 0x200D, "lrm": 0x200E, "rlm": 0x200F,
            "larr": 0x2190, "uarr": 0x2191, "rarr": 0x2192, "darr": 0x2193, "hearts": 0x2665, "minus": 0x2212,
            "prime": 0x2032, "Prime": 0x2033, "oline": 0x203E, "frasl": 0x2044, "infin": 0x221E, "ne": 0x2260,
            "le": 0x2264, "ge": 0x2265, "check": 0x2713, "NewLine": 10, "Tab": 9,
        ]
        for (i, name) in latin1Names.enumerated() { t[name] = UInt32(0xA0 + i) }
        return t
    }()

    /// Entities that HTML still recognises without the final semicolon (a subset of the legacy list).
    static let legacyWithoutSemicolon: Set<String> = ["amp", "lt", "gt", "quot", "nbsp", "copy", "reg"]

    /// Reads a character reference at `bytes[start]` (which is `&`).
    ///
    /// - Returns: the code point and the index after the reference, or `nil` when there is none.
    static func decode(_ bytes: [UInt8], at start: Int) -> (UInt32, Int)? {
        let n = bytes.count
        var i = start + 1
        guard i < n else { return nil }
        if bytes[i] == 35 {
            i += 1
            var hex = false
            if i < n, bytes[i] == 120 || bytes[i] == 88 {
                hex = true
                i += 1
            }
            var v: UInt32 = 0
            var digits = 0
            while i < n {
                let d: UInt8?
                if hex { d = ASCII.hexValue(bytes[i]) } else { d = ASCII.isDigit(bytes[i]) ? bytes[i] - 48 : nil }
                guard let d else { break }
                if digits < 8 { v = v * (hex ? 16 : 10) + UInt32(d) }
                digits += 1
                i += 1
            }
            guard digits > 0 else { return nil }
            if i < n, bytes[i] == ASCII.semicolon { i += 1 }
            return (numeric(v), i)
        }
        let nameStart = i
        while i < n, i - nameStart < 32, ASCII.isAlnum(bytes[i]) { i += 1 }
        guard i > nameStart else { return nil }
        let name = String(decoding: bytes[nameStart..<i], as: UTF8.self)
        guard let v = named[name] else { return nil }
        if i < n, bytes[i] == ASCII.semicolon { return (v, i + 1) }
        return legacyWithoutSemicolon.contains(name) ? (v, i) : nil
    }

    /// HTML numeric references: 0x80...0x9F are read as windows-1252, invalid code points as U+FFFD.
    static func numeric(_ v: UInt32) -> UInt32 {
        if v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF) { return 0xFFFD }
        if v >= 0x80 && v <= 0x9F { return UInt32(Charset.windows1252High[Int(v) - 0x80]) }
        return v
    }
}
