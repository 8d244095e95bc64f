import Foundation

/// The desk's calendar of werkdagen and werkuren (DAP R-CAL-1, DAP Bijlage "Werkdag").
///
/// A werkdag is Monday to Friday, 08:00–17:00 local time in Europe/Amsterdam, daylight saving included,
/// except the national holidays (`NationalHoliday`) and the operator's extra closing days. A werkuur is an
/// hour inside a werkdag; SLA clocks count werkuren (DAP R-CASE-7). Pure: instants in, instants out; the
/// zone rules come from Foundation's time zone database, which is data, not I/O.
public struct WerkdagCalendar: Sendable {
    /// The desk's zone.
    public let timeZone: TimeZone
    /// Days the desk is closed besides the national holidays (configurable, DAP R-CAL-1).
    public var extraClosingDays: Set<CalendarDay>
    /// Local opening hour of a werkdag (DAP R-CAL-1: 08:00).
    public let openingHour: Int
    /// Local closing hour of a werkdag (DAP R-CAL-1: 17:00).
    public let closingHour: Int

    private let calendar: Calendar

    /// - Parameters:
    ///   - timeZone: the desk's zone; `TimeZone.amsterdam` by default.
    ///   - extraClosingDays: closing days on top of the national holidays.
    ///   - openingHour: first werkuur, local (0–23).
    ///   - closingHour: end of the last werkuur, local (1–24, after `openingHour`). Hours that make no day
    ///     fall back to 08:00–17:00.
    public init(
        timeZone: TimeZone = .amsterdam,
        extraClosingDays: Set<CalendarDay> = [],
        openingHour: Int = 8,
        closingHour: Int = 17
    ) {
        self.timeZone = timeZone
        self.extraClosingDays = extraClosingDays
        // Configuration, not mail, sets these; hours that make no day fall back to DAP R-CAL-1's 08:00–17:00.
        let valid = 0 <= openingHour && openingHour < closingHour && closingHour <= 24
        self.openingHour = valid ? openingHour : 8
        self.closingHour = valid ? closingHour : 17
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    // MARK: - Days

    /// The local day an instant falls on.
    public func day(of instant: Date) -> CalendarDay {
        let c = calendar.dateComponents([.year, .month, .day], from: instant)
        return CalendarDay(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1)
    }

    /// The instant of a local wall-clock time on `day`. Wall-clock times skipped by a daylight-saving jump
    /// resolve to the instant after the jump (Foundation's behaviour); 08:00 and 17:00 are never skipped.
    public func instant(_ day: CalendarDay, hour: Int, minute: Int = 0, second: Int = 0) -> Date {
        var c = DateComponents()
        c.year = day.year
        c.month = day.month
        c.day = day.day
        c.hour = hour
        c.minute = minute
        c.second = second
        if let date = calendar.date(from: c) { return date }
        // Unreachable for the Gregorian calendar; fall back to the wall-clock time at the zone's standard offset.
        let seconds = Double(day.julianDayNumber - 2_440_588) * 86_400 + Double(hour * 3600 + minute * 60 + second)
        return Date(timeIntervalSince1970: seconds - Double(timeZone.secondsFromGMT()))
    }

    /// The national holiday on `day`, if any.
    public func holiday(on day: CalendarDay) -> NationalHoliday? { NationalHoliday.holiday(on: day) }

    /// DAP R-CAL-1: Monday–Friday, not a national holiday, not an extra closing day.
    public func isWerkdag(_ day: CalendarDay) -> Bool {
        !day.isWeekend && holiday(on: day) == nil && !extraClosingDays.contains(day)
    }

    /// DAP R-CAL-1: whether the local day of `instant` is a werkdag (at any hour).
    public func isWerkdag(_ instant: Date) -> Bool { isWerkdag(day(of: instant)) }

    /// DAP R-CAL-1: whether `instant` lies inside a werkdag's hours, [08:00, 17:00) local.
    public func isWerkuur(_ instant: Date) -> Bool {
        let d = day(of: instant)
        guard isWerkdag(d) else { return false }
        return instant >= opening(of: d) && instant < closing(of: d)
    }

    /// The first werkdag on or after `day`.
    public func werkdag(onOrAfter day: CalendarDay) -> CalendarDay {
        var d = day
        // Terminates: at most 5 weekend/holiday days in a row plus the finite set of extra closing days.
        while !isWerkdag(d) { d = d.adding(days: 1) }
        return d
    }

    /// The local opening instant (08:00) of `day`.
    public func opening(of day: CalendarDay) -> Date { instant(day, hour: openingHour) }

    /// The local closing instant (17:00) of `day`.
    public func closing(of day: CalendarDay) -> Date {
        closingHour == 24 ? instant(day.adding(days: 1), hour: 0) : instant(day, hour: closingHour)
    }

    /// Whether `instant` falls in the local clock-time window [fromHour, toHour) on a werkdag; used for the
    /// on-call window 17:00–22:00 (DAP R-INC-3).
    public func isOnWerkdag(_ instant: Date, betweenHour fromHour: Int, and toHour: Int) -> Bool {
        let d = day(of: instant)
        guard isWerkdag(d) else { return false }
        return instant >= self.instant(d, hour: fromHour) && instant < self.instant(d, hour: toHour)
    }

    // MARK: - Werkuren

    /// The instant `werkuren` working hours after `start`, counting only werkuren (DAP R-CASE-7).
    ///
    /// Friday 16:30 + 1 werkuur is Monday 08:30 when Monday is a werkdag. A result that ends exactly at a
    /// closing time stays there (Friday 16:30 + 0.5 is Friday 17:00). Adding 0 (or a negative or non-finite
    /// number, which configuration should never hold) returns `start`.
    public func adding(werkuren: Double, to start: Date) -> Date {
        guard werkuren.isFinite, werkuren > 0 else { return start }
        var remaining = werkuren * 3600
        var cursor = start
        var d = day(of: start)
        while true {
            if isWerkdag(d) {
                let open = opening(of: d)
                let close = closing(of: d)
                if cursor < close {
                    let from = max(cursor, open)
                    let available = close.timeIntervalSince(from)
                    if remaining <= available { return from.addingTimeInterval(remaining) }
                    remaining -= available
                }
            }
            d = d.adding(days: 1)
            cursor = opening(of: d)
        }
    }

    /// The werkuren between two instants (0 when `end` is not after `start`).
    public func werkuren(from start: Date, to end: Date) -> Double {
        guard end > start else { return 0 }
        var seconds = 0.0
        var d = day(of: start)
        let last = day(of: end)
        while d <= last {
            if isWerkdag(d) {
                let from = max(start, opening(of: d))
                let to = min(end, closing(of: d))
                if to > from { seconds += to.timeIntervalSince(from) }
            }
            d = d.adding(days: 1)
        }
        return seconds / 3600
    }
}

extension TimeZone {
    /// Europe/Amsterdam, the desk's zone (DAP R-CAL-1).
    ///
    /// Foundation on Linux ships the zone database with ICU, so the lookup does not fail in practice. If it ever
    /// did, the fallback is a fixed UTC+1 (Central European Time), which is wrong during summer time by one
    /// hour; `WerkdagCalendarTests` checks the real zone is present.
    public static var amsterdam: TimeZone {
        TimeZone(identifier: "Europe/Amsterdam") ?? TimeZone(secondsFromGMT: 3600) ?? TimeZone.gmt
    }
}
