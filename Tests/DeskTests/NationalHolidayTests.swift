import Desk
import Testing

@Suite("Dutch national holidays")
struct NationalHolidayTests {
    @Test(
        "R-CAL-1 Easter Sunday by the anonymous Gregorian algorithm",
        arguments: [
            (2019, "2019-04-21"), (2024, "2024-03-31"), (2025, "2025-04-20"), (2026, "2026-04-05"),
            (2027, "2027-03-28"), (2038, "2038-04-25"), (2285, "2285-03-22"),
        ])
    func easter(year: Int, iso: String) {
        #expect(NationalHoliday.easterSunday(year).description == iso)
    }

    @Test(
        "R-CAL-1 Ascension Day and Whit Monday",
        arguments: [
            (2024, "2024-05-09", "2024-05-20"), (2025, "2025-05-29", "2025-06-09"),
            (2026, "2026-05-14", "2026-05-25"), (2027, "2027-05-06", "2027-05-17"),
        ])
    func ascensionAndWhitMonday(year: Int, ascension: String, whitMonday: String) throws {
        #expect(NationalHoliday.ascensionDay.day(in: year).description == ascension)
        #expect(NationalHoliday.whitMonday.day(in: year).description == whitMonday)
        let calendar = DeskFixtures.calendar
        #expect(!calendar.isWerkdag(try #require(CalendarDay(iso: ascension))))
        #expect(!calendar.isWerkdag(try #require(CalendarDay(iso: whitMonday))))
        // The day after Ascension Day (a Friday) is a werkdag: the DAP lists no bridge day.
        #expect(calendar.isWerkdag(NationalHoliday.ascensionDay.day(in: year).adding(days: 1)))
    }

    @Test("R-CAL-1 King's Day 2025 fell on Saturday 26 April, 2026's on Monday 27 April")
    func kingsDay() throws {
        let k2025 = NationalHoliday.kingsDay.day(in: 2025)
        #expect(k2025.description == "2025-04-26")
        #expect(k2025.weekday == 6)
        let k2026 = NationalHoliday.kingsDay.day(in: 2026)
        #expect(k2026.description == "2026-04-27")
        #expect(k2026.weekday == 1)
        let calendar = DeskFixtures.calendar
        #expect(!calendar.isWerkdag(try #require(CalendarDay(iso: "2026-04-27"))))
        #expect(!calendar.isWerkdag(try DeskFixtures.at("2026-04-27T10:00:00+02:00")))
        #expect(calendar.holiday(on: k2026) == .kingsDay)
        // Friday 25 April 2025 was an ordinary werkdag.
        #expect(calendar.isWerkdag(try #require(CalendarDay(iso: "2025-04-25"))))
    }

    @Test(
        "R-CAL-1 Liberation Day is a holiday every year, as RULES.md lists it",
        arguments: [2024, 2025, 2026, 2027, 2030])
    func liberationDay(year: Int) {
        let day = NationalHoliday.liberationDay.day(in: year)
        #expect(day.description == "\(year)-05-05")
        #expect(!DeskFixtures.calendar.isWerkdag(day))
    }

    @Test("R-CAL-1 the holidays of 2026")
    func all2026() {
        let days = NationalHoliday.all(in: 2026).map { "\($0.holiday.rawValue) \($0.day)" }
        #expect(
            days == [
                "nieuwjaarsdag 2026-01-01", "tweede-paasdag 2026-04-06", "koningsdag 2026-04-27",
                "bevrijdingsdag 2026-05-05", "hemelvaartsdag 2026-05-14", "tweede-pinksterdag 2026-05-25",
                "eerste-kerstdag 2026-12-25", "tweede-kerstdag 2026-12-26",
            ])
    }
}
