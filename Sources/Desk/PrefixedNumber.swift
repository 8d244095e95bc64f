/// The DAP's record numbers: a letter prefix and 7 digits (`CS0001234`, `NTC0000001`, `INC0000042`).
/// One parser and one formatter for all of them.
public enum PrefixedNumber {
    /// The number after `prefix` (matched case-insensitively), when the rest is exactly 7 digits and not 0.
    public static func parse(_ text: some StringProtocol, prefix: String) -> Int? {
        let utf8 = Array(text.utf8)
        let letters = Array(prefix.lowercased().utf8)
        guard utf8.count == letters.count + 7 else { return nil }
        for (byte, letter) in zip(utf8, letters) where byte | 0x20 != letter { return nil }
        var number = 0
        for byte in utf8[letters.count...] {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            number = number * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return number > 0 ? number : nil
    }

    public static func format(_ value: Int, prefix: String) -> String {
        let digits = String(value)
        return prefix + String(repeating: "0", count: max(0, 7 - digits.count)) + digits
    }
}
