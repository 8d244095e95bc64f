import Testing

@testable import Mail

@Suite("RFC 2045 §6 Content-Transfer-Encoding")
struct ContentTransferEncodingTests {
    @Test("names compare case-insensitively; identity encodings")
    func names() {
        #expect(ContentTransferEncoding("BASE64") == .base64)
        #expect(ContentTransferEncoding("8Bit").isIdentity)
        #expect(!ContentTransferEncoding("x-uuencode").isKnown)
    }

    @Test("decode dispatches")
    func decode() {
        #expect(ContentTransferEncoding.base64.decode(ArraySlice("SGk=".utf8)) == (Array("Hi".utf8), true))
        #expect(ContentTransferEncoding.quotedPrintable.decode(ArraySlice("H=69".utf8)) == (Array("Hi".utf8), true))
        #expect(ContentTransferEncoding("x-uuencode").decode(ArraySlice("raw".utf8)) == (Array("raw".utf8), true))
    }
}
