import Desk
import Testing

@Suite("Calendar days")
struct CalendarDayTests {
    @Test(
        "R-CAL-1 weekdays are ISO (Monday 1 … Sunday 7)",
        arguments: [
            ("2000-01-01", 6), ("2024-02-29", 4), ("2025-04-26", 6), ("2025-04-27", 7), ("2026-04-27", 1),
            ("1970-01-01", 4),
        ])
    func weekday(iso: String, weekday: Int) throws {
        let day = try #require(CalendarDay(iso: iso))
        #expect(day.weekday == weekday)
        #expect(day.description == iso)
    }

    @Test("R-CAL-1 adding days crosses months, years and leap days")
    func adding() throws {
        let day = try #require(CalendarDay(iso: "2024-02-28"))
        #expect(day.adding(days: 1).description == "2024-02-29")
        #expect(day.adding(days: 2).description == "2024-03-01")
        #expect(day.adding(days: 308).description == "2025-01-01")
        #expect(day.adding(days: -59).description == "2023-12-31")
    }

    @Test(
        "R-CAL-1 configured closing days parse only real dates",
        arguments: ["2025-02-29", "2025-13-01", "25-01-01", "2025-1-1", ""])
    func invalid(text: String) {
        #expect(CalendarDay(iso: text) == nil)
    }
}
