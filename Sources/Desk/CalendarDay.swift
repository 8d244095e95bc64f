/// A day on the local calendar (Europe/Amsterdam for the desk): year, month, day, with no time and no zone.
///
/// Holidays and closing days are days, not instants, so they are computed with integer arithmetic on the
/// Julian Day Number: no `Calendar` and no time zone is needed to add days or to find the weekday.
public struct CalendarDay: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// A day of the proleptic Gregorian calendar. The fields are normalised through the day number, so
    /// `CalendarDay(year: 2025, month: 2, day: 29)` is 1 March 2025.
    public init(year: Int, month: Int, day: Int) {
        let normalised = CalendarDay(julianDayNumber: CalendarDay.julianDayNumber(year: year, month: month, day: day))
        self.year = normalised.year
        self.month = normalised.month
        self.day = normalised.day
    }

    private init(exactYear: Int, month: Int, day: Int) {
        self.year = exactYear
        self.month = month
        self.day = day
    }

    /// Parses `2026-04-27`; nil for anything else (including a day that does not exist).
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
            (1...12).contains(m), (1...31).contains(d)
        else { return nil }
        let candidate = CalendarDay(year: y, month: m, day: d)
        guard candidate.year == y, candidate.month == m, candidate.day == d else { return nil }
        self = candidate
    }

    /// The Julian Day Number of this day (noon-based count of days; only differences and `% 7` matter here).
    public var julianDayNumber: Int { CalendarDay.julianDayNumber(year: year, month: month, day: day) }

    /// The day `days` later (or earlier, when negative).
    public func adding(days: Int) -> CalendarDay { CalendarDay(julianDayNumber: julianDayNumber + days) }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var weekday: Int { (julianDayNumber % 7 + 7) % 7 + 1 }

    /// Saturday or Sunday.
    public var isWeekend: Bool { weekday >= 6 }

    public var description: String {
        func pad(_ v: Int, _ width: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (a: CalendarDay, b: CalendarDay) -> Bool { a.julianDayNumber < b.julianDayNumber }

    // Fliegel & Van Flandern (1968), integer arithmetic for the Gregorian calendar.
    static func julianDayNumber(year: Int, month: Int, day: Int) -> Int {
        let a = (14 - month) / 12
        let y = year + 4800 - a
        let m = month + 12 * a - 3
        return day + (153 * m + 2) / 5 + 365 * y + floorDiv(y, 4) - floorDiv(y, 100) + floorDiv(y, 400) - 32045
    }

    init(julianDayNumber jdn: Int) {
        let a = jdn + 32044
        let b = CalendarDay.floorDiv(4 * a + 3, 146_097)
        let c = a - CalendarDay.floorDiv(146_097 * b, 4)
        let d = CalendarDay.floorDiv(4 * c + 3, 1461)
        let e = c - CalendarDay.floorDiv(1461 * d, 4)
        let m = CalendarDay.floorDiv(5 * e + 2, 153)
        let day = e - CalendarDay.floorDiv(153 * m + 2, 5) + 1
        let month = m + 3 - 12 * (m / 10)
        let year = 100 * b + d - 4800 + m / 10
        self.init(exactYear: year, month: month, day: day)
    }

    private static func floorDiv(_ a: Int, _ b: Int) -> Int {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}
