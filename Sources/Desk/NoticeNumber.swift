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
        let utf8 = Array(text.utf8)
        guard utf8.count == 10, utf8[0] | 0x20 == UInt8(ascii: "n"), utf8[1] | 0x20 == UInt8(ascii: "t"),
            utf8[2] | 0x20 == UInt8(ascii: "c")
        else { return nil }
        var number = 0
        for byte in utf8[3...] {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            number = number * 10 + Int(byte - UInt8(ascii: "0"))
        }
        guard number > 0 else { return nil }
        self.value = number
    }

    public var description: String {
        let digits = String(value)
        return "NTC" + String(repeating: "0", count: max(0, 7 - digits.count)) + digits
    }

    /// The subject tag `[NTC0000001]`.
    public var tag: String { "[\(description)]" }

    public static func < (a: NoticeNumber, b: NoticeNumber) -> Bool { a.value < b.value }
}
