/// A named person at an address, e.g. one of the stichting ICT contacts a refusal names (DAP R-AUTH-2).
public struct Contact: Sendable, Hashable, Codable, CustomStringConvertible {
    public var name: String
    public var address: String
    /// The location (school) the contact belongs to, when there is one.
    public var location: String?

    public init(name: String, address: String, location: String? = nil) {
        self.name = name
        self.address = address
        self.location = location
    }

    /// `Name <address>`, or the bare address when there is no name.
    public var description: String { name.isEmpty ? address : "\(name) <\(address)>" }
}
