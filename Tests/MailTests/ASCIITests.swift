import Testing

@testable import Mail

@Suite("byte helpers")
struct ASCIITests {
    @Test("sanitizeHeaderText replaces controls and collapses white space")
    func sanitize() {
        #expect(ASCII.sanitizeHeaderText("  a  b ") == ("a b", false))
        #expect(ASCII.sanitizeHeaderText("a\tb") == ("a b", false))
        #expect(ASCII.sanitizeHeaderText("a\r\nb\u{0}c\u{7F}d\u{85}e\u{2028}f") == ("a b c d e f", true))
        #expect(ASCII.sanitizeHeaderText("Zoë – café") == ("Zoë – café", false))
        #expect(ASCII.sanitizeHeaderText("") == ("", false))
    }

    @Test("index(of:) and trimming stay in range")
    func ranges() {
        let b = Array("ab\ncd".utf8)
        #expect(ASCII.index(of: 10, in: b, from: 0, to: b.count) == 2)
        #expect(ASCII.index(of: 10, in: b, from: 3, to: b.count) == 5)
        #expect(ASCII.index(of: 10, in: b, from: 5, to: 5) == 5)
        #expect(ASCII.index(of: 10, in: [], from: 0, to: 0) == 0)
        #expect(ASCII.trimmed(Array("  x \r\n".utf8), 0..<6) == 2..<3)
        #expect(ASCII.trimmed(Array("   ".utf8), 0..<3).isEmpty)
    }

    @Test("UTF-8 encoder replaces surrogates and out-of-range values")
    func utf8() {
        var out: [UInt8] = []
        ASCII.appendUTF8(0xD800, to: &out)
        ASCII.appendUTF8(0x110000, to: &out)
        ASCII.appendUTF8(0x1F600, to: &out)
        #expect(String(decoding: out, as: UTF8.self) == "\u{FFFD}\u{FFFD}😀")
    }
}
