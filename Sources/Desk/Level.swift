/// High, medium or low: the scale of both impact and urgency in the priority table (DAP 4.6, R-CASE-5).
public enum Level: String, Sendable, CaseIterable, Codable, Comparable {
    case high
    case medium
    case low

    /// Reads a Dutch or English level word: `hoog`/`high`, `middel`/`gemiddeld`/`medium`/`normaal`,
    /// `laag`/`low` (case-insensitive, accents ignored); nil for anything else.
    public init?(word: String) {
        switch word.lowercased().folding(options: .diacriticInsensitive, locale: nil) {
        case "hoog", "high", "h", "hoge", "groot", "grote": self = .high
        case "middel", "midden", "gemiddeld", "medium", "med", "m", "normaal", "normal", "middelmatig": self = .medium
        case "laag", "low", "l", "lage", "klein", "kleine": self = .low
        default: return nil
        }
    }

    private var rank: Int {
        switch self {
        case .high: return 2
        case .medium: return 1
        case .low: return 0
        }
    }

    /// Ordered low < medium < high.
    public static func < (a: Level, b: Level) -> Bool { a.rank < b.rank }
}

/// How widely a case affects the customer (DAP 4.6): high = organisation-wide or several locations,
/// medium = one location or group, low = one user (R-CASE-5).
public typealias Impact = Level

/// How fast the case hurts the customer's work (DAP 4.6): high, medium, low (R-CASE-5).
public typealias Urgency = Level
