/// One reason the classifier gave a type: what matched, where, and how much it weighed. Shown to the agent.
public struct Evidence: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Where the evidence came from.
    public enum Source: String, Sendable, Hashable, Codable {
        /// A subject tag (`[Storing]`).
        case tag
        /// The lexicon's wording.
        case wording
        /// A catalog item's keyword (R-REQ-1).
        case catalogItem
        /// A standard change's keyword (R-CHG-1).
        case standardChange
        /// Emergency wording for a change (R-CHG-1).
        case emergencyWording
    }

    /// The type this evidence supports.
    public var type: CaseType
    public var source: Source
    /// The words as matched (lower case, accents folded), or the tag as written.
    public var text: String
    /// The zone it was found in (nil for tags, which are the subject by definition).
    public var zone: TextZone?
    /// Its weight after the zone factor.
    public var weight: Double

    public init(type: CaseType, source: Source, text: String, zone: TextZone?, weight: Double) {
        self.type = type
        self.source = source
        self.text = text
        self.zone = zone
        self.weight = weight
    }

    public var description: String {
        let w = (weight * 10).rounded() / 10
        return "\(type.rawValue) +\(w) \"\(text)\" (\(source.rawValue)\(zone.map { ", \($0.rawValue)" } ?? ""))"
    }
}
