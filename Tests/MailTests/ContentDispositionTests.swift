import Testing

@testable import Mail

@Suite("RFC 2183 Content-Disposition")
struct ContentDispositionTests {
    @Test("type and filename")
    func parse() {
        var d: [MailDefect] = []
        let cd = ContentDisposition.parse(Array("Attachment; filename=\"rooster.pdf\"; size=123".utf8), defects: &d)
        #expect(cd.isAttachment && !cd.isInline)
        #expect(cd.filename == "rooster.pdf")
        #expect(cd.parameters["size"] == "123")
        #expect(ContentDisposition.parse(Array("inline".utf8), defects: &d).isInline)
        #expect(d.isEmpty)
    }
}
