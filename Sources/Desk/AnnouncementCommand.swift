import Foundation

/// What a verified agent's mail to the status address asks for (DAP R-OUT-2): a new notice, an update, or the
/// closing "resolved" notice. The rest of the mail's text is the notice's text (DAP R-OUT-3: what the agent
/// wrote, nothing from any case).
public enum AnnouncementCommand: Sendable, Equatable {
    /// `storing: WIFI, M365`, `onderhoud: WIFI van 2026-12-05 18:00 tot 2026-12-05 22:00`: the service words as
    /// written, and the period (required for maintenance).
    case announce(type: NoticeType, services: String, period: NoticePeriod?)
    /// `update: NTC0000001`; the number may be left out in a reply to the notice's own token address.
    case update(NoticeNumber?)
    /// `opgelost: NTC0000001`, `resolved: …`.
    case resolve(NoticeNumber?)
}

/// A notice's period on the desk's local calendar (Europe/Amsterdam, DAP R-CAL-1), as the agent wrote it.
public struct NoticePeriod: Sendable, Equatable {
    public var from: AgentCommand.LocalDateTime
    public var until: AgentCommand.LocalDateTime?

    public init(from: AgentCommand.LocalDateTime, until: AgentCommand.LocalDateTime?) {
        self.from = from
        self.until = until
    }
}

extension AgentCommand.LocalDateTime {
    /// The instant this local time names in `timeZone` (a time that daylight saving skips is read as the
    /// instant after the gap, as Foundation's `Calendar` does).
    public func instant(in timeZone: TimeZone) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute))
    }
}

/// What an agent's mail says, and what could not be read.
public struct AnnouncementParse: Sendable, Equatable {
    /// nil when the mail's first line is not an announcement command.
    public var command: AnnouncementCommand?
    /// The text after the command line: the notice text.
    public var text: String
    /// Why the command line could not be read (it starts with a keyword, but its value is wrong).
    public var problem: String?

    public init(command: AnnouncementCommand?, text: String, problem: String? = nil) {
        self.command = command
        self.text = text
        self.problem = problem
    }
}
