import Desk
import Foundation
import Testing

/// Fixed clocks and sample organisations for the Desk tests. Every instant is written with its UTC offset,
/// so the tests do not trust the calendar under test to build their inputs.
enum DeskFixtures {
    /// `2025-03-14T16:30:00+01:00` → the instant.
    static func at(_ iso: String) throws -> Date {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return try #require(formatter.date(from: iso), "bad fixture instant \(iso)")
    }

    static let calendar = WerkdagCalendar()

    /// The local wall-clock time of an instant in Europe/Amsterdam, `yyyy-MM-dd HH:mm`.
    static func local(_ date: Date?) -> String {
        guard let date else { return "nil" }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .amsterdam
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func pad(_ v: Int?) -> String {
            let s = String(v ?? 0)
            return s.count < 2 ? "0" + s : s
        }
        return "\(c.year ?? 0)-\(pad(c.month))-\(pad(c.day)) \(pad(c.hour)):\(pad(c.minute))"
    }

    static let sanne = Contact(name: "Sanne Bakker", address: "ict@onderwijsnoord.test", location: "Bestuursbureau")
    static let tom = Contact(name: "Tom Jansen", address: "tom.jansen@deregenboog.test", location: "OBS De Regenboog")

    static let onderwijsNoord = Organisation(
        name: "Stichting Onderwijs Noord",
        domains: ["onderwijsnoord.test", "deregenboog.test"],
        onCall: true,
        accountManager: "accountmanager@cloudwise.test",
        stichtingICTContacts: [sanne],
        schoolICTContacts: [tom]
    )

    static let oakfield = Organisation(
        name: "Oakfield Schools Trust",
        domains: ["oakfield.test"],
        onCall: false,
        stichtingICTContacts: [Contact(name: "Martin de Groot", address: "m.degroot@oakfield.test")]
    )

    static let organisations = [onderwijsNoord, oakfield]

    static func requester(
        _ address: String, role: Role, location: String? = "OBS De Regenboog",
        organisation: Organisation = onderwijsNoord
    ) -> Requester {
        Requester.resolve(
            address: address,
            contact: DirectoryContact(
                address: address, name: "Test Persoon", organisation: organisation.name, location: location,
                role: role),
            organisations: organisations
        )
    }

    static let stichtingICT = requester("ict@onderwijsnoord.test", role: .stichtingICT, location: "Bestuursbureau")
    static let schoolICT = requester("tom.jansen@deregenboog.test", role: .schoolICT)
    static let gebruiker = requester("alice@deregenboog.test", role: .gebruiker)
    static let oakfieldUser = requester("james@oakfield.test", role: .gebruiker, location: nil, organisation: oakfield)
    static let stranger = Requester.resolve(address: "ouder@gmail.test", contact: nil, organisations: organisations)

    /// The catalog of `fixtures/classification/catalog.json`, loaded from the repository.
    static func catalog() throws -> ServiceCatalog {
        let url = repositoryRoot.appendingPathComponent("fixtures/classification/catalog.json")
        return try JSONDecoder().decode(ServiceCatalog.self, from: Data(contentsOf: url))
    }

    /// The repository: three levels up from this file (Tests/DeskTests/<file>).
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}
