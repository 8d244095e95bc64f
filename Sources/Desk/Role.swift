import Foundation

/// A requester's role, from the contacts directory (DAP R-AUTH-1, Authorisation matrix; DAP Bijlage A).
/// The raw values are the contacts file's `role` column.
public enum Role: String, Sendable, CaseIterable, Codable, CodingKeyRepresentable {
    /// The stichting's (foundation's) ICT contact: may submit everything.
    case stichtingICT = "stichting-ict"
    /// A school's (location's) ICT contact: no non-standard changes.
    case schoolICT = "school-ict"
    /// A user of a known organisation: incidents and service requests only.
    case gebruiker
    /// Not in the directory and not on a known organisation's domain: a case for triage (R-AUTH-1).
    case unknown

    /// Reads a directory value case-insensitively, accepting `_` for `-` and the English `user`.
    public init?(directoryValue: String) {
        let v = directoryValue.trimmedSpaces.lowercased().replacingOccurrences(
            of: "_", with: "-")
        switch v {
        case "stichting-ict", "stichtingict": self = .stichtingICT
        case "school-ict", "schoolict": self = .schoolICT
        case "gebruiker", "user": self = .gebruiker
        case "unknown", "onbekend": self = .unknown
        default: return nil
        }
    }
}
