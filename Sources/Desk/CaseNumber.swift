/// A case number: `CS` + 7 digits, e.g. `CS0001234` (DAP vocabulary, "Melding, Case").
public struct CaseNumber: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let value: Int

    public init(_ value: Int) {
        precondition(value > 0 && value <= 9_999_999, "case numbers have 7 digits")
        self.value = value
    }

    /// Parses `CS0001234` (case-insensitive prefix); nil for anything else.
    public init?(_ text: String) {
        let utf8 = Array(text.utf8)
        guard utf8.count == 9, utf8[0] | 0x20 == UInt8(ascii: "c"), utf8[1] | 0x20 == UInt8(ascii: "s") else {
            return nil
        }
        var number = 0
        for byte in utf8[2...] {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            number = number * 10 + Int(byte - UInt8(ascii: "0"))
        }
        guard number > 0 else { return nil }
        self.value = number
    }

    public var description: String {
        let digits = String(value)
        return "CS" + String(repeating: "0", count: max(0, 7 - digits.count)) + digits
    }

    /// The subject tag `[CS0001234]` (DAP R-CASE-2).
    public var tag: String { "[\(description)]" }

    public static func < (a: CaseNumber, b: CaseNumber) -> Bool { a.value < b.value }
}
