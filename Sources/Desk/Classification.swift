/// What the classifier made of a mail (DAP R-CASE-4), with its reasons.
public struct Classification: Sendable, Hashable {
    /// How the type was decided.
    public enum Basis: String, Sendable, Hashable, Codable {
        /// A subject tag (R-CASE-4 "from subject tags first").
        case tag
        /// The wording of subject and body.
        case wording
        /// Nothing clear: question, for the desk to triage (R-CASE-4 "else as question").
        case fallback
    }

    /// incident, request, change, complaint, question or security (never `problem`: agents make those).
    public var type: CaseType
    /// For a change: standard, normal or emergency (R-CHG-1); nil otherwise.
    public var changeKind: ChangeKind?
    public var basis: Basis
    /// For a request: the best-matching catalog item (R-REQ-1).
    public var catalogItem: CatalogItem?
    /// For a standard change: the listed change it matched (R-CHG-1).
    public var standardChange: StandardChange?
    /// The service the case concerns: the standard change's service, else the service whose keywords match
    /// best.
    public var service: Service?
    /// The subject tags found, as written.
    public var tags: [SubjectTag]
    /// Every match that counted, strongest first.
    public var evidence: [Evidence]
    /// The summed wording score per type (tags not included).
    public var scores: [CaseType: Double]

    public init(
        type: CaseType,
        changeKind: ChangeKind? = nil,
        basis: Basis,
        catalogItem: CatalogItem? = nil,
        standardChange: StandardChange? = nil,
        service: Service? = nil,
        tags: [SubjectTag] = [],
        evidence: [Evidence] = [],
        scores: [CaseType: Double] = [:]
    ) {
        self.type = type
        self.changeKind = changeKind
        self.basis = basis
        self.catalogItem = catalogItem
        self.standardChange = standardChange
        self.service = service
        self.tags = tags
        self.evidence = evidence
        self.scores = scores
    }
}
