/// One row of the contacts directory: address → name, organisation, location, role (DAP R-AUTH-1).
/// The gateway reads it; Desk only receives the row for the sender, if there is one.
public struct DirectoryContact: Sendable, Hashable, Codable {
    public var address: String
    public var name: String
    /// The organisation's name, as in `Organisation.name`.
    public var organisation: String
    public var location: String?
    public var role: Role

    public init(address: String, name: String, organisation: String, location: String? = nil, role: Role) {
        self.address = address
        self.name = name
        self.organisation = organisation
        self.location = location
        self.role = role
    }
}
