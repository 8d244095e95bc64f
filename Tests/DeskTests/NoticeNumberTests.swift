import Desk
import Testing

@Suite("Notice numbers")
struct NoticeNumberTests {
    @Test("R-OUT-2 notice numbers are NTC + 7 digits, with a subject tag",
          arguments: [(1, "NTC0000001"), (1234, "NTC0001234"), (9_999_999, "NTC9999999")])
    func format(value: Int, text: String) {
        #expect(NoticeNumber(value).description == text)
        #expect(NoticeNumber(text) == NoticeNumber(value))
        #expect(NoticeNumber(text.lowercased()) == NoticeNumber(value))
        #expect(NoticeNumber(value).tag == "[\(text)]")
    }

    @Test("Anything else is not a notice number",
          arguments: ["NTC000001", "NTC00000001", "NTX0000001", "CS0000001", "NTC0000000", "NTC00000a1", ""])
    func invalid(text: String) {
        #expect(NoticeNumber(text) == nil)
    }
}
