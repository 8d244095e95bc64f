import Testing

@testable import Mail

@Suite("the readable body (BodyText)")
struct BodyTextTests {
    @Test("inline text parts of a multipart/mixed are read in order, joined by an empty line")
    func joined() throws {
        let m = try Message.parse(
            "From: a@x.test\r\nDate: Mon, 29 Nov 2026 10:00:00 +0000\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nEen\r\n--b\r\nContent-Type: image/png\r\nContent-Disposition: inline\r\n\r\nx\r\n--b\r\nContent-Type: text/plain\r\n\r\n\r\n\r\nTwee\r\n\r\n--b\r\nContent-Type: text/html\r\n\r\n<p>Drie</p>\r\n--b--\r\n"
        )
        #expect(m.text == "Een\n\nTwee")
        #expect(m.attachments.map(\.contentType) == ["image/png"])
    }

    @Test("HTML parts are joined when there is no plain text, a byte order mark goes, NUL shows as U+FFFD")
    func htmlJoinedBOMAndNUL() throws {
        let html = try Message.parse(
            "From: a@x.test\r\nDate: Mon, 29 Nov 2026 10:00:00 +0000\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/html\r\n\r\n<p>Een</p>\r\n--b\r\nContent-Type: text/html\r\n\r\n<p>Twee</p>\r\n--b--\r\n"
        )
        #expect(html.text == "Een\n\nTwee")
        let bom = try Message.parse("Content-Type: text/plain; charset=utf-8\r\n\r\n\u{FEFF}Hallo\u{0}!")
        #expect(bom.text == "Hallo\u{FFFD}!")
    }

    @Test("multipart/related shows its root: the start parameter, else the first part")
    func relatedRoot() throws {
        let m = try Message.parse(
            "From: a@x.test\r\nDate: Mon, 29 Nov 2026 10:00:00 +0000\r\nContent-Type: multipart/related; boundary=b; start=\"<r@x>\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nniet de root\r\n--b\r\nContent-Type: text/plain\r\nContent-ID: <r@x>\r\n\r\nde root\r\n--b--\r\n"
        )
        #expect(m.text == "de root")
    }

    @Test("the reply text of an HTML-only mail comes from its markup")
    func htmlReply() throws {
        let m = try Message.parse(
            "From: a@x.test\r\nSubject: Re: x\r\nContent-Type: text/html\r\n\r\n<div>Nieuw</div><blockquote type=cite><div>Op x schreef y:</div>oud</blockquote>"
        )
        #expect(m.text == "Nieuw\n\nOp x schreef y:\noud")
        #expect(m.replyText == "Nieuw")
    }

    @Test("join: leading empty lines and byte order marks go, trailing white space goes, NUL becomes U+FFFD")
    func join() {
        #expect(BodyText.join(["\n\n\u{FEFF}\nEen  \n", "", " \n", "Twee\u{0}\t"]) == "Een\n\nTwee\u{FFFD}")
        #expect(BodyText.join([]) == "")
        #expect(BodyText.join(["\u{FEFF}"]) == "")
    }

    @Test("newlines: CRLF and lone CR become LF")
    func newlines() {
        #expect(Message.normalizeNewlines("a\r\nb\rc\n\r\r\nd\r") == "a\nb\nc\n\n\nd\n")
        #expect(Message.normalizeNewlines("geen CR") == "geen CR")
        #expect(Message.normalizeNewlines("") == "")
    }
}
