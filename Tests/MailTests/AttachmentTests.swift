import Testing

@testable import Mail

// `Mail.Attachment`: Swift Testing has an `Attachment` type of its own.
@Suite("attachments")
struct AttachmentTests {
    func attachment(_ headers: String) throws -> Mail.Attachment {
        let m = try Message.parse(
            "From: a@x.test\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\(headers)\r\n\r\nAAEC\r\n--b--\r\n"
        )
        return try #require(m.attachments.first)
    }

    @Test("safe file names: no directories, controls or reserved characters")
    func safeFilename() throws {
        #expect(try attachment("Content-Type: application/pdf; name=\"C:\\\\Temp\\\\x.pdf\"").safeFilename == "x.pdf")
        #expect(
            try attachment("Content-Disposition: attachment; filename=\"../../etc/passwd\"").safeFilename == "passwd")
        #expect(try attachment("Content-Disposition: attachment; filename=\"..\"").safeFilename == "attachment.plain")
        #expect(try attachment("Content-Disposition: attachment; filename=\"a:b*c?.txt\"").safeFilename == "a_b_c_.txt")
        #expect(try attachment("Content-Type: image/png").safeFilename == "attachment.png")
        #expect(try attachment("Content-Type: message/rfc822").safeFilename == "message.eml")
    }

    @Test("metadata: content type, disposition, Content-ID, decoded data")
    func metadata() throws {
        let a = try attachment(
            "Content-Type: Image/PNG; name=foto.png\r\nContent-Transfer-Encoding: base64\r\nContent-ID: <c1@x>\r\nContent-Disposition: inline"
        )
        #expect(a.contentType == "image/png")
        #expect(a.disposition == "inline")
        #expect(a.contentID == "<c1@x>")
        #expect(a.filename == "foto.png")
        #expect(a.data == [0, 1, 2])
        #expect(a.size == 3)
        #expect(a.sha256 == SHA256.hex([0, 1, 2]))
    }

    @Test("a file name that decodes to control characters is flattened")
    func controlName() throws {
        #expect(try attachment("Content-Disposition: attachment; filename*=utf-8''a%0D%0Ab.txt").filename == "a b.txt")
    }
}
