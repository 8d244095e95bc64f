/// An outage or maintenance notice's number: `NTC` + 7 digits, e.g. `NTC0000001` (DAP R-OUT-2).
/// Updates and the closing notice carry it in the subject as `[NTC0000001]`, like a case's `[CS0001234]`.
public struct NoticeNumber: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let value: Int

    public init(_ value: Int) {
        precondition(value > 0 && value <= 9_999_999, "notice numbers have 7 digits")
        self.value = value
    }

    /// Parses `NTC0000001` (case-insensitive prefix); nil for anything else.
    public init?(_ text: some StringProtocol) {
        guard let number = PrefixedNumber.parse(text, prefix: "NTC") else { return nil }
        self.value = number
    }

    public var description: String { PrefixedNumber.format(value, prefix: "NTC") }

    /// The subject tag `[NTC0000001]`.
    public var tag: String { "[\(description)]" }

    public static func < (a: NoticeNumber, b: NoticeNumber) -> Bool { a.value < b.value }
}
