import Foundation

/// When the weekly Change Advisory Board meets (DAP R-CHG-3): a normal change goes on the agenda of the next
/// meeting whose agenda has not been mailed yet. Default Tuesday 10:00 Europe/Amsterdam, agenda 24 hours
/// before. Pure: instants in, instants out; the zone and the werkdagen come from `WerkdagCalendar`.
public struct CABSchedule: Sendable, Hashable {
    /// ISO: 1 = Monday … 7 = Sunday; default 2 (Tuesday). Outside 1–7 the default is used.
    public var weekday: Int
    /// Local hour of the meeting, 0–23; default 10. Outside 0–23 the default is used.
    public var hour: Int
    /// Local minute, 0–59; default 0. Outside 0–59 the default is used.
    public var minute: Int
    /// The agenda is mailed this many (clock) hours before the meeting: elapsed hours, not werkuren, so
    /// 24 hours before Tuesday 10:00 is Monday 10:00 also in the week daylight saving starts. Default 24; a
    /// negative or non-finite value counts as 0.
    public var agendaLeadHours: Double

    public init(weekday: Int = 2, hour: Int = 10, minute: Int = 0, agendaLeadHours: Double = 24) {
        self.weekday = weekday
        self.hour = hour
        self.minute = minute
        self.agendaLeadHours = agendaLeadHours
    }

    /// DAP R-CHG-3: the first meeting whose agenda has not been mailed yet at `instant` (agendaAt > instant),
    /// local Europe/Amsterdam time via the calendar's time zone, DST-correct. When the meeting day is not a
    /// werkdag (holiday), the CAB meets on the next werkdag at the same time.
    ///
    /// At exactly the agenda's time the agenda counts as mailed: the change goes to the meeting after.
    public func nextMeeting(after instant: Date, calendar: WerkdagCalendar) -> (meeting: Date, agendaAt: Date) {
        let weekday = (1...7).contains(self.weekday) ? self.weekday : 2
        let hour = (0...23).contains(self.hour) ? self.hour : 10
        let minute = (0...59).contains(self.minute) ? self.minute : 0
        let lead = agendaLeadHours.isFinite ? max(agendaLeadHours, 0) * 3600 : 0

        // The regular meeting day on or after a day that lies before any meeting that could still be ahead:
        // a meeting moved from an earlier holiday can fall after `instant`'s day, so start two weeks back, and
        // further back by the lead time.
        let leadDays = Int((lead / 86_400).rounded(.up))
        let from = calendar.day(of: instant).adding(days: -14 - leadDays)
        var regular = from.adding(days: (weekday - from.weekday + 7) % 7)
        while true {
            // Terminates: the meetings move forward by a week per step, so one's agenda soon lies after
            // `instant`.
            let meetingDay = calendar.werkdag(onOrAfter: regular)
            let meeting = calendar.instant(meetingDay, hour: hour, minute: minute)
            let agendaAt = meeting.addingTimeInterval(-lead)
            if agendaAt > instant { return (meeting, agendaAt) }
            regular = regular.adding(days: 7)
        }
    }
}
