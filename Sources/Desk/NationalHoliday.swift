/// The Dutch national holidays on which the desk is closed.
///
/// DAP R-CAL-1: New Year's Day, Easter Monday, King's Day (27 April; 26 April when the 27th is a Sunday),
/// Liberation Day (5 May), Ascension Day, Whit Monday, Christmas Day and Boxing Day. The DAP's own
/// definition (DAP Bijlage, "Werkdag ... Uitgezonderd zijn nationaal erkende feestdagen") is what RULES.md
/// spells out; RULES.md lists Liberation Day as a holiday in every year, not only in lustrum years, and
/// this follows RULES.md.
public enum NationalHoliday: String, Sendable, CaseIterable, Codable {
    case newYearsDay = "nieuwjaarsdag"
    case easterMonday = "tweede-paasdag"
    case kingsDay = "koningsdag"
    case liberationDay = "bevrijdingsdag"
    case ascensionDay = "hemelvaartsdag"
    case whitMonday = "tweede-pinksterdag"
    case christmasDay = "eerste-kerstdag"
    case boxingDay = "tweede-kerstdag"

    /// The day this holiday falls on in `year`.
    public func day(in year: Int) -> CalendarDay {
        switch self {
        case .newYearsDay: return CalendarDay(year: year, month: 1, day: 1)
        case .easterMonday: return NationalHoliday.easterSunday(year).adding(days: 1)
        case .kingsDay:
            // DAP R-CAL-1: 27 April, or 26 April when the 27th is a Sunday.
            let the27th = CalendarDay(year: year, month: 4, day: 27)
            return the27th.weekday == 7 ? the27th.adding(days: -1) : the27th
        case .liberationDay: return CalendarDay(year: year, month: 5, day: 5)
        case .ascensionDay: return NationalHoliday.easterSunday(year).adding(days: 39)
        case .whitMonday: return NationalHoliday.easterSunday(year).adding(days: 50)
        case .christmasDay: return CalendarDay(year: year, month: 12, day: 25)
        case .boxingDay: return CalendarDay(year: year, month: 12, day: 26)
        }
    }

    /// All holidays of `year`, by date.
    public static func all(in year: Int) -> [(holiday: NationalHoliday, day: CalendarDay)] {
        allCases.map { ($0, $0.day(in: year)) }.sorted { $0.day < $1.day }
    }

    /// The holiday on `day`, if any.
    public static func holiday(on day: CalendarDay) -> NationalHoliday? {
        allCases.first { $0.day(in: day.year) == day }
    }

    /// Easter Sunday of the Gregorian calendar: the anonymous Gregorian algorithm
    /// (Meeus/Jones/Butcher), valid for every Gregorian year.
    public static func easterSunday(_ year: Int) -> CalendarDay {
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CalendarDay(year: year, month: month, day: day)
    }
}
