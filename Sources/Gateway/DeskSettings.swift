import Desk
import Foundation
import Store

/// The DAP rules as the operator configured them: the service catalog (JSON), extra closing days and the
/// servicedesk phone number, on top of the defaults in `Desk`.
public struct DeskSettings: Sendable {
    public var rules: IntakeRules

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
        rules = IntakeRules(catalog: catalog, calendar: WerkdagCalendar(extraClosingDays: closing),
                            phoneNumber: config.phone)
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
