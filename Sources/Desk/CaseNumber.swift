/// A case number: `CS` + 7 digits, e.g. `CS0001234` (DAP vocabulary, "Melding, Case").
public struct CaseNumber: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let value: Int

    public init(_ value: Int) {
        precondition(value > 0 && value <= 9_999_999, "case numbers have 7 digits")
        self.value = value
    }

    /// Parses `CS0001234` (case-insensitive prefix); nil for anything else.
    public init?(_ text: String) {
        guard let number = PrefixedNumber.parse(text, prefix: "CS") else { return nil }
        self.value = number
    }

    public var description: String { PrefixedNumber.format(value, prefix: "CS") }

    /// The subject tag `[CS0001234]` (DAP R-CASE-2).
    public var tag: String { "[\(description)]" }

    public static func < (a: CaseNumber, b: CaseNumber) -> Bool { a.value < b.value }
}
