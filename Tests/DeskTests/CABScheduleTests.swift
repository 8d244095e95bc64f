import Desk
import Foundation
import Testing

@Suite("The weekly CAB meeting")
struct CABScheduleTests {
    let calendar = DeskFixtures.calendar

    private func next(_ iso: String, _ schedule: CABSchedule = CABSchedule(), calendar: WerkdagCalendar? = nil) throws
        -> (meeting: String, agenda: String)
    {
        let result = schedule.nextMeeting(after: try DeskFixtures.at(iso), calendar: calendar ?? self.calendar)
        return (DeskFixtures.local(result.meeting), DeskFixtures.local(result.agendaAt))
    }

    @Test("R-CHG-3 the defaults: Tuesday 10:00, agenda 24 hours before")
    func defaults() {
        let schedule = CABSchedule()
        #expect(schedule.weekday == 2)
        #expect(schedule.hour == 10)
        #expect(schedule.minute == 0)
        #expect(schedule.agendaLeadHours == 24)
    }

    @Test("R-CHG-3 Monday 09:00 goes to Tuesday's meeting that week; the agenda is mailed Monday 10:00")
    func mondayMorning() throws {
        let r = try next("2026-11-09T09:00:00+01:00")
        #expect(r.meeting == "2026-11-10 10:00")
        #expect(r.agenda == "2026-11-09 10:00")
    }

    @Test("R-CHG-3 Monday 11:00 is after the agenda was mailed: next week's Tuesday")
    func mondayAfterAgenda() throws {
        let r = try next("2026-11-09T11:00:00+01:00")
        #expect(r.meeting == "2026-11-17 10:00")
        #expect(r.agenda == "2026-11-16 10:00")
    }

    @Test("R-CHG-3 at exactly the agenda's time the agenda counts as mailed")
    func exactlyAtAgenda() throws {
        #expect(try next("2026-11-09T09:59:59+01:00").meeting == "2026-11-10 10:00")
        #expect(try next("2026-11-09T10:00:00+01:00").meeting == "2026-11-17 10:00")
    }

    @Test("R-CHG-3 during and after the meeting: the next week")
    func duringMeeting() throws {
        #expect(try next("2026-11-10T10:30:00+01:00").meeting == "2026-11-17 10:00")
        #expect(try next("2026-11-12T16:00:00+01:00").meeting == "2026-11-17 10:00")
        #expect(try next("2026-11-14T12:00:00+01:00").meeting == "2026-11-17 10:00")  // Saturday
    }

    @Test("R-CHG-3 R-CAL-1 a Tuesday holiday (King's Day 2027) moves the CAB to Wednesday, same time")
    func kingsDay() throws {
        let r = try next("2027-04-20T12:00:00+02:00")
        #expect(r.meeting == "2027-04-28 10:00")
        #expect(r.agenda == "2027-04-27 10:00")
        // On King's Day itself, before the moved agenda is mailed, the moved meeting is still ahead.
        #expect(try next("2027-04-27T09:00:00+02:00").meeting == "2027-04-28 10:00")
        #expect(try next("2027-04-27T11:00:00+02:00").meeting == "2027-05-04 10:00")
    }

    @Test("R-CHG-3 R-CAL-1 a Friday CAB at Christmas moves past the weekend to Monday")
    func christmas() throws {
        let r = try next("2026-12-21T12:00:00+01:00", CABSchedule(weekday: 5, hour: 13, minute: 30))
        #expect(r.meeting == "2026-12-28 13:30")
        #expect(r.agenda == "2026-12-27 13:30")
    }

    @Test("R-CHG-3 R-CAL-1 the operator's extra closing days count too")
    func extraClosingDay() throws {
        let closed = WerkdagCalendar(extraClosingDays: [CalendarDay(year: 2026, month: 11, day: 10)])
        let r = try next("2026-11-09T09:00:00+01:00", calendar: closed)
        #expect(r.meeting == "2026-11-11 10:00")
        #expect(r.agenda == "2026-11-10 10:00")
    }

    @Test("R-CHG-3 R-CAL-1 the week daylight saving starts (29 March 2026): local times stay 10:00")
    func daylightSaving() throws {
        let r = try next("2026-03-30T08:00:00+02:00")
        #expect(r.meeting == "2026-03-31 10:00")
        #expect(r.agenda == "2026-03-30 10:00")
        let meeting = CABSchedule().nextMeeting(after: try DeskFixtures.at("2026-03-30T08:00:00+02:00"), calendar: calendar)
        #expect(meeting.meeting == (try DeskFixtures.at("2026-03-31T08:00:00Z")))
        // Before the switch, the week before: 10:00 CET is 09:00 UTC.
        let before = CABSchedule().nextMeeting(after: try DeskFixtures.at("2026-03-23T08:00:00+01:00"), calendar: calendar)
        #expect(before.meeting == (try DeskFixtures.at("2026-03-24T09:00:00Z")))
    }

    @Test("R-CHG-3 the lead is in clock hours: 72 hours across the switch is 09:00 CET on Saturday")
    func leadAcrossSwitch() throws {
        let schedule = CABSchedule(agendaLeadHours: 72)
        let r = schedule.nextMeeting(after: try DeskFixtures.at("2026-03-27T12:00:00+01:00"), calendar: calendar)
        #expect(DeskFixtures.local(r.meeting) == "2026-03-31 10:00")
        #expect(r.agendaAt == r.meeting.addingTimeInterval(-72 * 3600))
        #expect(DeskFixtures.local(r.agendaAt) == "2026-03-28 09:00")
    }

    @Test("R-CHG-3 a custom weekday and time: Thursday 14:30, agenda 2 hours before")
    func customWeekday() throws {
        let schedule = CABSchedule(weekday: 4, hour: 14, minute: 30, agendaLeadHours: 2)
        let r = try next("2026-11-12T12:00:00+01:00", schedule)
        #expect(r.meeting == "2026-11-12 14:30")
        #expect(r.agenda == "2026-11-12 12:30")
        #expect(try next("2026-11-12T12:30:00+01:00", schedule).meeting == "2026-11-19 14:30")
        #expect(try next("2026-11-09T08:00:00+01:00", schedule).meeting == "2026-11-12 14:30")
    }

    @Test("R-CHG-3 a lead longer than a week still finds the first meeting whose agenda is ahead")
    func longLead() throws {
        let schedule = CABSchedule(agendaLeadHours: 24 * 10)
        let r = try next("2026-11-09T09:00:00+01:00", schedule)
        #expect(r.meeting == "2026-11-24 10:00")
        #expect(r.agenda == "2026-11-14 10:00")
    }

    @Test("R-CHG-3 configuration out of range falls back to the defaults; a negative lead is 0")
    func invalidConfiguration() throws {
        let r = try next("2026-11-09T09:00:00+01:00", CABSchedule(weekday: 9, hour: 25, minute: 75))
        #expect(r.meeting == "2026-11-10 10:00")
        let noLead = try next("2026-11-10T09:59:00+01:00", CABSchedule(agendaLeadHours: -5))
        #expect(noLead.meeting == "2026-11-10 10:00")
        #expect(noLead.agenda == "2026-11-10 10:00")
        let nan = try next("2026-11-10T09:59:00+01:00", CABSchedule(agendaLeadHours: .nan))
        #expect(nan.meeting == "2026-11-10 10:00")
    }
}
