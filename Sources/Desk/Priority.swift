/// A case's priority, P1 (highest) to P4 (DAP 4.6, 5.4; R-CASE-5).
public enum Priority: Int, Sendable, CaseIterable, Codable, CodingKeyRepresentable, Comparable, CustomStringConvertible
{
    case p1 = 1
    case p2 = 2
    case p3 = 3
    case p4 = 4

    /// `P1` … `P4`.
    public var description: String { "P\(rawValue)" }

    /// P1 is the highest: `.p1 < .p2` means "more urgent".
    public static func < (a: Priority, b: Priority) -> Bool { a.rawValue < b.rawValue }
}
