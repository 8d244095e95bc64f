import Testing

@testable import Mail

@Suite("RFC 2047 encoded words")
struct EncodedWordTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var input: String
        var expected: String
        var testDescription: String { input }
    }

    @Test(
        "decodes",
        arguments: [
            Case(input: "=?utf-8?q?Caf=C3=A9?=", expected: "Café"),
            Case(input: "=?UTF-8?B?Q2Fmw6k=?=", expected: "Café"),
            Case(input: "=?iso-8859-1?Q?Fran=E7ois?=", expected: "François"),
            Case(input: "=?windows-1252?Q?=80_5?=", expected: "€ 5"),
            Case(input: "=?iso-8859-15?Q?=A4?=", expected: "€"),
            // RFC 2047 §6.2: white space between adjacent encoded words is ignored.
            Case(input: "=?utf-8?q?a?= =?utf-8?q?b?=", expected: "ab"),
            Case(input: "=?utf-8?q?a?=\t =?utf-8?q?_b?=", expected: "a b"),
            // ... but kept between an encoded word and plain text.
            Case(input: "Re: =?utf-8?q?Caf=C3=A9?= open", expected: "Re: Café open"),
            // A multi-byte character split over two B words (wrong, but common).
            Case(input: "=?utf-8?b?8J+Y?= =?utf-8?b?gA==?=", expected: "😀"),
            // Underscore is a space in Q, lowercase hex accepted.
            Case(input: "=?utf-8?q?hello_w=c3=b6rld?=", expected: "hello wörld"),
            // RFC 2231 §5 language suffix.
            Case(input: "=?utf-8*nl?q?Hallo?=", expected: "Hallo"),
            // Inside a word (lenient, as Thunderbird).
            Case(input: "Fwd:=?utf-8?q?x?=", expected: "Fwd:x"),
            // Not encoded words.
            Case(input: "=?utf-8?x?abc?=", expected: "=?utf-8?x?abc?="),
            Case(input: "=?utf-8?q?unterminated", expected: "=?utf-8?q?unterminated"),
            Case(input: "a =? b ?= c", expected: "a =? b ?= c"),
            Case(input: "", expected: ""),
            Case(input: "plain text", expected: "plain text"),
        ])
    func decodes(_ c: Case) {
        #expect(EncodedWord.decode(c.input) == c.expected)
    }

    @Test("an unknown charset keeps the bytes readable as Latin-1 and reports it")
    func unknownCharset() {
        var defects: [MailDefect] = []
        let s = EncodedWord.decode(Array("=?x-unknown?q?caf=E9?=".utf8), defects: &defects)
        #expect(s == "café")
        #expect(defects == [.unknownCharset("x-unknown")])
    }

    @Test("a bad Q escape is kept and reported")
    func badQ() {
        var defects: [MailDefect] = []
        let s = EncodedWord.decode(Array("=?utf-8?q?100=%?=".utf8), defects: &defects)
        #expect(s == "100=%")
        #expect(defects == [.invalidEncodedWord])
    }

    @Test("invalid UTF-8 in an encoded word falls back to windows-1252")
    func invalidUTF8() {
        var defects: [MailDefect] = []
        let s = EncodedWord.decode(Array("=?utf-8?q?caf=E9?=".utf8), defects: &defects)
        #expect(s == "café")
        #expect(defects == [.invalidCharsetBytes("utf-8")])
    }

    @Test("raw 8-bit header text is read as UTF-8, else windows-1252")
    func rawEightBit() {
        var defects: [MailDefect] = []
        #expect(EncodedWord.decode(Array("Caf\u{E9}".utf8), defects: &defects) == "Café")
        #expect(EncodedWord.decode([67, 97, 102, 0xE9], defects: &defects) == "Café")
    }

    @Test("encoding: words at most 75 characters, decodes back, never splits a character")
    func encodeRoundTrip() {
        let text = String(repeating: "Zoë’s café 😀 ", count: 12)
        let words = EncodedWord.encode(text)
        #expect(words.count > 1)
        for w in words {
            #expect(w.utf8.count <= 75)
            #expect(w.hasPrefix("=?utf-8?q?") && w.hasSuffix("?="))
            // Every word decodes on its own: no character is split.
            var defects: [MailDefect] = []
            _ = EncodedWord.decode(Array(w.utf8), defects: &defects)
            #expect(defects.isEmpty)
        }
        #expect(EncodedWord.decode(words.joined(separator: "\r\n ").replacingOccurrences(of: "\r\n", with: "")) == text)
    }

    @Test("encoded text uses only characters that are safe in a phrase")
    func phraseSafe() {
        let w = EncodedWord.encode("a,b;c<d>\"e\" (f) @g =?h")[0]
        let inner = w.dropFirst(10).dropLast(2)
        #expect(inner.allSatisfy { $0.isLetter || $0.isNumber || "!*+-/=_".contains($0) })
        #expect(EncodedWord.decode(w) == "a,b;c<d>\"e\" (f) @g =?h")
    }
}
