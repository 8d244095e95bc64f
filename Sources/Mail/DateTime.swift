import Foundation

/// The date-time of the Date field.
///
/// ```
/// date-time = [ day-of-week "," ] date time [CFWS]       ; RFC 5322 §3.3
/// date = day month year
/// time = time-of-day zone
/// time-of-day = hour ":" minute [ ":" second ]
/// zone = (FWS ( "+" / "-" ) 4DIGIT) / obs-zone
/// obs-year = [CFWS] 2*DIGIT [CFWS]                        ; RFC 5322 §4.3
/// obs-zone = "UT" / "GMT" / "EST" / "EDT" / "CST" / "CDT" / "MST" / "MDT" / "PST" / "PDT" / %d65-73 / ...
/// ```
/// Also read: full month and weekday names, Dutch month abbreviations, `-` or `/` between the date's
/// parts, dots in the time, a missing zone (taken as UTC), common named zones (CET, CEST, BST, ...),
/// `+01:00`, asctime (`Mon Nov 29 10:00:00 2026`) and ISO 8601 (`2026-11-29T10:00:00Z`). Anything that
/// does not give a real calendar date gives `nil`. No `DateFormatter`: this runs for every mail.
///
/// - SeeAlso: https://www.rfc-editor.org/rfc/rfc5322#section-3.3
public enum DateTime {
    public static func parse(_ text: String) -> Date? { parse(Array(text.utf8)) }

    /// English and Dutch month abbreviations; a word that starts with one names the month.
    static let months: [([UInt8], Int)] = [
        ("jan", 1), ("feb", 2), ("mar", 3), ("mrt", 3), ("apr", 4), ("may", 5), ("mei", 5), ("jun", 6),
        ("jul", 7), ("aug", 8), ("sep", 9), ("oct", 10), ("okt", 10), ("nov", 11), ("dec", 12),
    ].map { (Array($0.0.utf8), $0.1) }

    /// RFC 5322 §4.3 obs-zone, plus a few zone names that real mail uses.
    static let zones: [String: Int] = [
        "ut": 0, "utc": 0, "gmt": 0, "z": 0, "est": -300, "edt": -240, "cst": -360, "cdt": -300,
        "mst": -420, "mdt": -360, "pst": -480, "pdt": -420, "cet": 60, "cest": 120, "met": 60, "mest": 120,
        "bst": 60, "wet": 0, "west": 60, "eet": 120, "eest": 180,
    ]

    enum Token {
        case word([UInt8])
        case number(Int, digits: Int)
        case sign(Int)
        case colon
        case separator(UInt8)
    }

    static func parse(_ bytes: [UInt8]) -> Date? {
        guard bytes.count < 200 else { return nil }
        var tokens: [Token] = []
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if ASCII.isDigit(b) {
                var v = 0
                var d = 0
                while i < n, ASCII.isDigit(bytes[i]) {
                    if d < 9 { v = v * 10 + Int(bytes[i] - 48) }
                    d += 1
                    i += 1
                }
                tokens.append(.number(v, digits: d))
            } else if ASCII.isAlpha(b) {
                var w = [UInt8]()
                while i < n, ASCII.isAlpha(bytes[i]) {
                    w.append(ASCII.lower(bytes[i]))
                    i += 1
                }
                tokens.append(.word(w))
            } else if b == 40 {
                i = MIMEParameters.skipComment(bytes, from: i)
            } else if b == 43 || b == ASCII.hyphen {
                tokens.append(.sign(b == 43 ? 1 : -1))
                i += 1
            } else if b == ASCII.colon {
                tokens.append(.colon)
                i += 1
            } else {
                if !ASCII.isWhitespace(b) && b != 44 { tokens.append(.separator(b)) }
                i += 1
            }
        }

        var day: Int? = nil
        var month: Int? = nil
        var year: Int? = nil
        var yearDigits = 4
        var hour: Int? = nil
        var minute = 0
        var second = 0
        var offset: Int? = nil
        var numbers: [(Int, Int)] = []
        var k = 0
        func at(_ j: Int) -> Token? { j < tokens.count ? tokens[j] : nil }

        while k < tokens.count {
            switch tokens[k] {
            case .word(let w):
                if month == nil, w.count >= 3,
                    let m = months.first(where: { ASCII.hasPrefixLower(w, at: 0, end: w.count, $0.0) })
                {
                    month = m.1
                } else if hour != nil, offset == nil, let z = zones[String(decoding: w, as: UTF8.self)] {
                    offset = z
                } else if hour != nil, offset == nil, w.count == 1, w != [106] {
                    // RFC 5322 §4.3: military zones "SHOULD all be considered equivalent to "-0000"".
                    offset = 0
                } else if let h = hour, w == [112, 109] || w == [97, 109] {
                    // "10:00 PM"
                    if w[0] == 112, h < 12 { hour = h + 12 }
                    if w[0] == 97, h == 12 { hour = 0 }
                }
                k += 1
            case .number(let v, let digits):
                if case .colon = at(k + 1), case .number(let mm, _) = at(k + 2), hour == nil, digits <= 2 {
                    hour = v
                    minute = mm
                    k += 3
                    if case .colon = at(k), case .number(let ss, _) = at(k + 1) {
                        second = ss
                        k += 2
                    }
                    if case .separator(46) = at(k), case .number = at(k + 1) {
                        k += 2
                    }
                } else if case .separator(46) = at(k + 1), case .number(let mm, _) = at(k + 2), hour == nil,
                    digits <= 2, numbers.count >= 2 || month != nil && numbers.count >= 1
                {
                    // "10.00.00"
                    hour = v
                    minute = mm
                    k += 3
                    if case .separator(46) = at(k), case .number(let ss, _) = at(k + 1) {
                        second = ss
                        k += 2
                    }
                } else {
                    numbers.append((v, digits))
                    k += 1
                }
            case .sign(let s):
                if hour != nil, offset == nil, case .number(let v, let digits) = at(k + 1) {
                    if digits == 4 {
                        offset = s * (v / 100 * 60 + v % 100)
                        k += 2
                    } else if digits <= 2, case .colon = at(k + 2), case .number(let mm, _) = at(k + 3) {
                        offset = s * (v * 60 + mm)
                        k += 4
                    } else if digits <= 2 {
                        offset = s * v * 60
                        k += 2
                    } else {
                        return nil
                    }
                } else {
                    k += 1
                }
            case .colon, .separator:
                k += 1
            }
        }

        if month == nil {
            // Numeric dates: ISO 8601 "2026-11-29" (year first).
            guard numbers.count >= 3, numbers[0].1 == 4 else { return nil }
            year = numbers[0].0
            month = numbers[1].0
            day = numbers[2].0
        } else {
            // day and year in either order: "29 Nov 2026", "Nov 29 ... 2026", "2026 Nov 29", "29 Nov 26".
            guard numbers.count >= 2 else { return nil }
            let a = numbers[0]
            let b = numbers[1]
            if a.1 >= 3 || a.0 > 31 {
                (year, yearDigits, day) = (a.0, a.1, b.0)
            } else {
                (day, year, yearDigits) = (a.0, b.0, b.1)
            }
        }
        guard var y = year, let m = month, let d = day, let h = hour else { return nil }
        if yearDigits == 2 || (y < 100 && yearDigits < 3) {
            // RFC 5322 §4.3: "If a two digit year is encountered whose value is between 00 and 49, the year is
            // interpreted by adding 2000, ending up with a value between 2000 and 2049. If a two digit year is
            // encountered with a value between 50 and 99, or any three digit year is encountered, the year is
            // interpreted by adding 1900."
            y += y < 50 ? 2000 : 1900
        } else if yearDigits == 3 {
            y += 1900
        }
        guard (1900...9999).contains(y), (1...12).contains(m), d >= 1, d <= daysInMonth(y, m), (0...23).contains(h),
            (0...59).contains(minute), (0...60).contains(second)
        else { return nil }
        let zoneMinutes = offset ?? 0
        guard abs(zoneMinutes) < 100 * 60 else { return nil }
        let days = daysFromCivil(y, m, d)
        let seconds = days * 86_400 + h * 3600 + minute * 60 + min(second, 59) - zoneMinutes * 60
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    static func daysInMonth(_ y: Int, _ m: Int) -> Int {
        switch m {
        case 2: return isLeap(y) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
    static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (m + 9) % 12
        let doy = (153 * mp + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The inverse of ``daysFromCivil(_:_:_:)``.
    static func civilFromDays(_ z0: Int) -> (year: Int, month: Int, day: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }

    struct Components {
        var year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, weekday: Int
    }

    static func components(_ date: Date) -> Components {
        let t = date.timeIntervalSince1970
        let total = t.isFinite ? Int(max(-1e15, min(1e15, t)).rounded(.down)) : 0
        var days = total / 86_400
        var rest = total % 86_400
        if rest < 0 {
            rest += 86_400
            days -= 1
        }
        let (y, m, d) = civilFromDays(days)
        // 1970-01-01 was a Thursday (4).
        let wd = ((days % 7) + 11) % 7
        return Components(
            year: y, month: m, day: d, hour: rest / 3600, minute: rest % 3600 / 60, second: rest % 60, weekday: wd)
    }

    // MARK: - Composing

    static let weekdayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    private static func pad(_ v: Int, _ width: Int) -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    /// RFC 5322 §3.3 form in UTC: `Sun, 29 Nov 2026 10:00:00 +0000`.
    public static func rfc5322(_ date: Date) -> String {
        let c = components(date)
        return "\(weekdayNames[c.weekday]), \(c.day) \(monthNames[c.month - 1]) \(pad(c.year, 4)) "
            + "\(pad(c.hour, 2)):\(pad(c.minute, 2)):\(pad(c.second, 2)) +0000"
    }

    /// ISO 8601 in UTC: `2026-11-29T10:00:00Z`.
    public static func iso8601(_ date: Date) -> String {
        let c = components(date)
        return
            "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))T\(pad(c.hour, 2)):\(pad(c.minute, 2)):\(pad(c.second, 2))Z"
    }
}
