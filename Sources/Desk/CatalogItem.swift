/// A service request the catalog offers (DAP 6, R-REQ-1): what it is, the words that name it, what the
/// requester must supply, whether it needs approval (R-AUTH-3) and its standard lead time.
public struct CatalogItem: Sendable, Hashable, Codable {
    public var name: String
    /// Keywords in the lexicon syntax (`KeywordPattern`): `wachtwoord vergeten`, `*reset`, `install*`.
    public var keywords: [String]
    /// The information a request must carry (R-REQ-2), e.g. `Naam`, `Startdatum`.
    public var requiredInformation: [String]
    /// DAP R-AUTH-3: approval by the location's or stichting's ICT contact before fulfilment.
    public var needsApproval: Bool
    /// Standard lead time in werkdagen (R-REQ-1); the resolution target of the request.
    public var leadTimeWerkdagen: Int

    public init(
        name: String,
        keywords: [String],
        requiredInformation: [String] = [],
        needsApproval: Bool = false,
        leadTimeWerkdagen: Int = 5
    ) {
        self.name = name
        self.keywords = keywords
        self.requiredInformation = requiredInformation
        self.needsApproval = needsApproval
        self.leadTimeWerkdagen = leadTimeWerkdagen
    }
}
