import Testing

@testable import Mail

@Suite("RFC 2045 §6.7 quoted-printable")
struct QuotedPrintableTests {
    @Test("decodes escapes, soft line breaks and keeps hard ones")
    func decodes() {
        let input = Array("Caf=C3=A9 =\r\nkapot=3D stuk\r\nregel twee=\nen drie\n".utf8)
        #expect(QuotedPrintable.decode(input).utf8String == "Café kapot= stuk\r\nregel tweeen drie\n")
    }

    @Test("removes transport padding before line breaks (rule 3)")
    func trailingWhitespace() {
        #expect(QuotedPrintable.decode(Array("a  \r\nb\t\nc =  \r\nd".utf8)).utf8String == "a\r\nb\nc d")
    }

    @Test("a stray = is kept and makes the input invalid")
    func invalid() {
        var out = [UInt8]()
        #expect(!QuotedPrintable.decode(ArraySlice("100=% =ZZ".utf8), into: &out))
        #expect(out.utf8String == "100=% =ZZ")
        #expect(!QuotedPrintable.isValid(ArraySlice("100=%".utf8)))
        #expect(QuotedPrintable.isValid(ArraySlice("a=3Db=\r\nc=  \nd=".utf8)))
    }

    @Test("lowercase hex is accepted")
    func lowercase() {
        #expect(QuotedPrintable.decode(Array("=c3=a9".utf8)).utf8String == "é")
    }

    @Test("encoding: lines of at most 76, CRLF only, round trip")
    func encode() {
        let text =
            "Beste Zoë,\n\n" + String(repeating: "lange regel met tekst ", count: 10)
            + "\r\nend  \n.\nFrom here\rx=y\ttab\n"
        let encoded = QuotedPrintable.encode(text)
        let lines = encoded.utf8String.components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.utf8.count <= 76 })
        for (k, b) in encoded.enumerated() where b == 10 || b == 13 {
            if b == 13 { #expect(k + 1 < encoded.count && encoded[k + 1] == 10) }
            if b == 10 { #expect(k > 0 && encoded[k - 1] == 13) }
        }
        #expect(!lines.contains("."))
        #expect(!lines.contains { $0.hasPrefix("From ") })
        #expect(lines.contains("end =20"))
        #expect(lines.contains("=2E"))
        #expect(lines.contains("=46rom here"))
        let decoded = QuotedPrintable.decode(encoded).utf8String
        #expect(decoded == Message.normalizeNewlines(text).replacingOccurrences(of: "\n", with: "\r\n"))
    }

    @Test("a long run of escapes never splits an escape over a soft break")
    func escapesNotSplit() {
        let encoded = QuotedPrintable.encode(String(repeating: "é", count: 100)).utf8String
        for line in encoded.components(separatedBy: "\r\n") {
            #expect(line.utf8.count <= 76)
            let body = line.hasSuffix("=") ? String(line.dropLast()) : line
            #expect(body.utf8.count % 3 == 0)
        }
        #expect(QuotedPrintable.decode(Array(encoded.utf8)).utf8String == String(repeating: "é", count: 100))
    }
}
