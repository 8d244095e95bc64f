import Desk
import Foundation
import Store

/// The DAP rules as the operator configured them: the service catalog (JSON), extra closing days and the
/// servicedesk phone number, on top of the defaults in `Desk`.
public struct DeskSettings: Sendable {
    public var rules: IntakeRules
    /// DAP 5–11: the life cycles after intake.
    public var lifecycle: LifecycleSettings

    public init(config: Config) throws {
        var catalog = ServiceCatalog.empty
        if let path = config.catalog {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ConfigError("cannot read the service catalog \(path) (DAPGATE_CATALOG)")
            }
            do {
                catalog = try JSONDecoder().decode(ServiceCatalog.self, from: data)
            } catch {
                throw ConfigError("the service catalog \(path) is not valid: \(error)")
            }
        }
        var closing: Set<CalendarDay> = []
        for text in config.closedDays {
            let parts = text.split(separator: "-").compactMap { Int($0) }
            guard parts.count == 3 else { throw ConfigError("closed_days: not a date (YYYY-MM-DD): \(text)") }
            closing.insert(CalendarDay(year: parts[0], month: parts[1], day: parts[2]))
        }
        let calendar = WerkdagCalendar(extraClosingDays: closing)
        rules = IntakeRules(catalog: catalog, calendar: calendar, phoneNumber: config.phone)
        var cab = CABSchedule(agendaLeadHours: config.cabAgendaLeadHours)
        if let text = config.cabMeeting {
            // `2 10:00`: ISO weekday and local time.
            let parts = text.split(whereSeparator: { $0 == " " || $0 == ":" }).compactMap { Int($0) }
            guard parts.count == 3, (1...7).contains(parts[0]), (0...23).contains(parts[1]), (0...59).contains(parts[2])
            else { throw ConfigError("desk.cab_meeting must be `weekday hh:mm` (1 = Monday), not \(text)") }
            cab = CABSchedule(weekday: parts[0], hour: parts[1], minute: parts[2], agendaLeadHours: config.cabAgendaLeadHours)
        }
        lifecycle = LifecycleSettings(
            calendar: calendar, progressCadenceWerkuren: config.progressCadence,
            confirmationWerkdagen: config.confirmationWerkdagen,
            complaintManagementWerkdagen: config.complaintWerkdagen[0], complaintDirectieWerkdagen: config.complaintWerkdagen[1],
            cab: cab,
            problems: ProblemRule(threshold: config.problemThreshold, windowDays: config.problemWindowDays))
    }

    /// The organisations of the directory with their ICT contacts, as the rules see them (DAP R-AUTH-1).
    public static func organisations(_ store: DeskStore) throws -> [Organisation] {
        try store.organisations().map { record in
            let contacts = try store.contacts(organisation: record.name)
            return Organisation(
                name: record.name, domains: record.domains, onCall: record.onCall,
                accountManager: record.accountManager,
                stichtingICTContacts: contacts.filter { $0.role == Role.stichtingICT.rawValue }
                    .map { Contact(name: $0.name, address: $0.email, location: $0.location) },
                schoolICTContacts: contacts.filter { $0.role == Role.schoolICT.rawValue }
                    .map { Contact(name: $0.name, address: $0.email, location: $0.location) })
        }
    }
}
