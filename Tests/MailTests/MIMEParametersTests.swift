import Testing

@testable import Mail

@Suite("RFC 2045 §5.1 / RFC 2231 parameters")
struct MIMEParametersTests {
    func parse(_ s: String) -> (MIMEParameters, [MailDefect]) {
        var defects: [MailDefect] = []
        let (_, raw) = MIMEParameters.split(Array(s.utf8))
        return (MIMEParameters.resolve(raw, defects: &defects), defects)
    }

    @Test("plain, quoted and unquoted values, case-insensitive names, comments")
    func plain() {
        let (p, d) = parse("text/plain; Charset=\"UTF-8\" (comment); format=flowed; name=Mijn bestand.txt")
        #expect(p["charset"] == "UTF-8")
        #expect(p["FORMAT"] == "flowed")
        #expect(p["name"] == "Mijn bestand.txt")
        #expect(d.isEmpty)
    }

    @Test("quoted-pair, and Windows paths keep their backslashes")
    func quotedPair() {
        #expect(parse("attachment; filename=\"a \\\"b\\\".txt\"").0["filename"] == "a \"b\".txt")
        #expect(parse("attachment; filename=\"C:\\Temp\\x.pdf\"").0["filename"] == "C:\\Temp\\x.pdf")
    }

    @Test("RFC 2231 §4 charset and percent-encoding")
    func extended() {
        #expect(parse("attachment; filename*=utf-8''Caf%C3%A9%20menu.pdf").0["filename"] == "Café menu.pdf")
        #expect(parse("attachment; filename*=iso-8859-1'nl'caf%E9.txt").0["filename"] == "café.txt")
    }

    @Test("RFC 2231 §3 continuations, mixed encoded and plain sections, out of order")
    func continuations() {
        let (p, d) = parse(
            "attachment; filename*1*=%E2%80%93; filename*0*=UTF-8''Rooster%20%E2%82%AC%20; filename*2=\"2027.pdf\"")
        #expect(p["filename"] == "Rooster € –2027.pdf")
        #expect(d.isEmpty)
        #expect(parse("a; title*0=\"Hello \"; title*1=World").0["title"] == "Hello World")
    }

    @Test("the extended form wins over the plain one")
    func precedence() {
        #expect(parse("a; filename=\"fallback.pdf\"; filename*=utf-8''echt.pdf").0["filename"] == "echt.pdf")
    }

    @Test("gaps and bad escapes are reported")
    func broken() {
        let (p, d) = parse("a; filename*0=\"a\"; filename*2=\"c\"")
        #expect(p["filename"] == "ac")
        #expect(d == [.invalidParameter("filename")])
        let (q, e) = parse("a; filename*=utf-8''100%ZZ")
        #expect(q["filename"] == "100%ZZ")
        #expect(e == [.invalidParameter("filename")])
    }

    @Test("RFC 2047 in a quoted filename (Outlook, Gmail)")
    func encodedWordFilename() {
        #expect(parse("attachment; filename=\"=?utf-8?Q?=C3=A9=C3=A9n.docx?=\"").0["filename"] == "één.docx")
    }

    @Test("content type parsing and defaults")
    func contentType() {
        var defects: [MailDefect] = []
        let ct = ContentType.parse(Array("Multipart/Mixed; boundary=\"=_abc\"".utf8), defects: &defects)
        #expect(ct?.mimeType == "multipart/mixed")
        #expect(ct?.boundary == "=_abc")
        #expect(defects.isEmpty)
        let bad = ContentType.parse(Array("text; charset=utf-8".utf8), defects: &defects)
        #expect(bad?.mimeType == "text/plain")
        #expect(bad?.charset == Charset.utf8)
        #expect(defects == [.invalidContentType])
    }

    @Test("rendering quotes when needed")
    func render() {
        #expect(MIMEParameters.render(name: "charset", value: "utf-8") == "; charset=utf-8")
        #expect(MIMEParameters.render(name: "boundary", value: "=_a b") == "; boundary=\"=_a b\"")
        #expect(MIMEParameters.render(name: "x", value: "a\"b\r\n") == "; x=\"a\\\"b  \"")
    }
}
