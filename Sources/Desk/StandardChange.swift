/// A pre-authorised change listed in a service's description (DAP 7, R-CHG-1): it goes straight to
/// implementation, and a school ICT contact may submit it (Authorisation matrix).
public struct StandardChange: Sendable, Hashable, Codable {
    public var name: String
    /// Keywords in the lexicon syntax (`KeywordPattern`).
    public var keywords: [String]

    public init(name: String, keywords: [String]) {
        self.name = name
        self.keywords = keywords
    }
}
