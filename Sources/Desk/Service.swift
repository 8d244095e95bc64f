/// A Cloudwise service (Wi-Fi, Microsoft 365, Chromebook management, …) with its standard changes.
public struct Service: Sendable, Hashable, Codable {
    public var name: String
    /// A short code, e.g. `NET`, `M365`.
    public var code: String
    /// Keywords that name the service (lexicon syntax); used to report which service a case concerns.
    public var keywords: [String]
    /// The standard changes of this service (R-CHG-1).
    public var standardChanges: [StandardChange]

    public init(name: String, code: String, keywords: [String] = [], standardChanges: [StandardChange] = []) {
        self.name = name
        self.code = code
        self.keywords = keywords
        self.standardChanges = standardChanges
    }
}
