import Desk
import Foundation
import Testing

@Suite("Werkdagen and werkuren")
struct WerkdagCalendarTests {
    let calendar = DeskFixtures.calendar

    @Test("R-CAL-1 the zone is Europe/Amsterdam with daylight saving")
    func zone() throws {
        #expect(calendar.timeZone.identifier == "Europe/Amsterdam")
        #expect(calendar.timeZone.secondsFromGMT(for: try DeskFixtures.at("2025-01-15T12:00:00Z")) == 3600)
        #expect(calendar.timeZone.secondsFromGMT(for: try DeskFixtures.at("2025-07-15T12:00:00Z")) == 7200)
    }

    @Test("R-CAL-1 werkuren are Monday to Friday 08:00 to 17:00 local")
    func werkuur() throws {
        #expect(calendar.isWerkuur(try DeskFixtures.at("2025-03-14T08:00:00+01:00")))
        #expect(calendar.isWerkuur(try DeskFixtures.at("2025-03-14T16:59:59+01:00")))
        #expect(!calendar.isWerkuur(try DeskFixtures.at("2025-03-14T17:00:00+01:00")))
        #expect(!calendar.isWerkuur(try DeskFixtures.at("2025-03-14T07:59:59+01:00")))
        #expect(!calendar.isWerkuur(try DeskFixtures.at("2025-03-15T10:00:00+01:00")))  // Saturday
        #expect(calendar.isWerkuur(try DeskFixtures.at("2025-07-14T08:30:00+02:00")))  // summer time
        #expect(!calendar.isWerkuur(try DeskFixtures.at("2025-07-14T07:30:00+02:00")))  // 05:30 UTC
        #expect(!calendar.isWerkuur(try DeskFixtures.at("2025-12-25T10:00:00+01:00")))  // Christmas
        #expect(!calendar.isWerkuur(try DeskFixtures.at("2026-01-01T10:00:00+01:00")))  // New Year's Day
        #expect(!calendar.isWerkuur(try DeskFixtures.at("2025-04-21T10:00:00+02:00")))  // Easter Monday
    }

    @Test("R-CAL-1 Friday 16:30 plus 1 werkuur is Monday 08:30")
    func fridayAfternoon() throws {
        let due = calendar.adding(werkuren: 1, to: try DeskFixtures.at("2025-03-14T16:30:00+01:00"))
        #expect(due == (try DeskFixtures.at("2025-03-17T08:30:00+01:00")))
        // Ending exactly at closing time stays on the Friday.
        let half = calendar.adding(werkuren: 0.5, to: try DeskFixtures.at("2025-03-14T16:30:00+01:00"))
        #expect(half == (try DeskFixtures.at("2025-03-14T17:00:00+01:00")))
    }

    @Test("R-CAL-1 a mail outside werkuren starts counting at the next opening")
    func outsideHours() throws {
        let evening = calendar.adding(werkuren: 2, to: try DeskFixtures.at("2025-03-12T21:15:00+01:00"))
        #expect(evening == (try DeskFixtures.at("2025-03-13T10:00:00+01:00")))
        let early = calendar.adding(werkuren: 1, to: try DeskFixtures.at("2025-03-13T06:00:00+01:00"))
        #expect(early == (try DeskFixtures.at("2025-03-13T09:00:00+01:00")))
    }

    @Test("R-CAL-1 Easter Monday is closed, Good Friday is not")
    func easter() throws {
        // Thursday 17 April 2025 16:00 + 3 werkuren: Thursday 1, Friday 18 April (a werkdag) 2 → Friday 10:00.
        let due = calendar.adding(werkuren: 3, to: try DeskFixtures.at("2025-04-17T16:00:00+02:00"))
        #expect(due == (try DeskFixtures.at("2025-04-18T10:00:00+02:00")))
        // Friday 18 April 16:00 + 2: Friday 1, then Tuesday 22 April (Easter Monday is closed) 1 → 09:00.
        let after = calendar.adding(werkuren: 2, to: try DeskFixtures.at("2025-04-18T16:00:00+02:00"))
        #expect(after == (try DeskFixtures.at("2025-04-22T09:00:00+02:00")))
    }

    @Test("R-CAL-1 DST: a deadline across the last Sunday of October keeps local working hours")
    func dstOctober() throws {
        // 27 October 2024: clocks go back from 03:00 CEST to 02:00 CET.
        let start = try DeskFixtures.at("2024-10-25T16:00:00+02:00")
        let due = calendar.adding(werkuren: 2, to: start)
        #expect(due == (try DeskFixtures.at("2024-10-28T09:00:00+01:00")))
        #expect(DeskFixtures.local(due) == "2024-10-28 09:00")
        #expect(abs(calendar.werkuren(from: start, to: due) - 2) < 1e-9)
        // A P3 resolution of 27 werkuren from Thursday 10:00 ends Tuesday 10:00 local, in winter time.
        let p3 = calendar.adding(werkuren: 27, to: try DeskFixtures.at("2024-10-24T10:00:00+02:00"))
        #expect(p3 == (try DeskFixtures.at("2024-10-29T10:00:00+01:00")))
    }

    @Test("R-CAL-1 DST: a deadline across the last Sunday of March keeps local working hours")
    func dstMarch() throws {
        // 30 March 2025: clocks go forward from 02:00 CET to 03:00 CEST.
        let start = try DeskFixtures.at("2025-03-28T16:00:00+01:00")
        let due = calendar.adding(werkuren: 2, to: start)
        #expect(due == (try DeskFixtures.at("2025-03-31T09:00:00+02:00")))
        #expect(DeskFixtures.local(due) == "2025-03-31 09:00")
        #expect(abs(calendar.werkuren(from: start, to: due) - 2) < 1e-9)
    }

    @Test("R-CAL-1 werkuren between two instants count only werkuren")
    func between() throws {
        let friday = try DeskFixtures.at("2025-03-14T15:00:00+01:00")
        let tuesday = try DeskFixtures.at("2025-03-18T11:30:00+01:00")
        #expect(abs(calendar.werkuren(from: friday, to: tuesday) - (2 + 9 + 3.5)) < 1e-9)
        #expect(calendar.werkuren(from: tuesday, to: friday) == 0)
        let night = try DeskFixtures.at("2025-03-14T18:00:00+01:00")
        let sunday = try DeskFixtures.at("2025-03-16T12:00:00+01:00")
        #expect(calendar.werkuren(from: night, to: sunday) == 0)
    }

    @Test("R-CAL-1 extra closing days are configurable")
    func closingDays() throws {
        let studyDay = try #require(CalendarDay(iso: "2025-03-17"))
        let closed = WerkdagCalendar(extraClosingDays: [studyDay])
        #expect(!closed.isWerkdag(studyDay))
        #expect(DeskFixtures.calendar.isWerkdag(studyDay))
        let due = closed.adding(werkuren: 1, to: try DeskFixtures.at("2025-03-14T16:30:00+01:00"))
        #expect(due == (try DeskFixtures.at("2025-03-18T08:30:00+01:00")))
        #expect(closed.werkdag(onOrAfter: studyDay).description == "2025-03-18")
    }
}
