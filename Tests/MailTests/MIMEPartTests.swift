import Foundation
import Testing

@testable import Mail

@Suite("RFC 2045/2046 MIME structure")
struct MIMEPartTests {
    /// `name type/subtype [children]`, depth-first.
    func outline(_ p: MIMEPart, _ indent: String = "") -> [String] {
        [indent + p.contentType.mimeType] + p.parts.flatMap { outline($0, indent + "  ") }
    }

    @Test("nested mixed / related / alternative, inline image and attachment")
    func nested() throws {
        let m = try parseFixture("nested-mixed-related-alternative.eml")
        #expect(
            outline(m.body) == [
                "multipart/mixed", "  multipart/related", "    multipart/alternative", "      text/plain",
                "      text/html", "    image/png",
                "  application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            ])
        #expect(m.text == "Zie de foto: het scherm in lokaal 3.01 is gebarsten.")
        #expect(m.attachments.map(\.filename) == ["foto.png", "Schade rapport één.docx"])
        #expect(m.attachments[0].disposition == "inline")
        #expect(m.attachments[0].contentID == "<foto1@school.test>")
        #expect(m.attachments[0].sha256 == "c414cd0e204de974f73753c7e28d7638e7b3691bb8b1a2bab6b25bb7fed7ce77")
        #expect(m.attachments[1].size == 27)
        #expect(m.attachments[1].sha256 == "4692095a29fe724d63a90cbc2683516f9db424832074572d084b4ca74f6ae8f5")
        #expect(m.defects.isEmpty)
    }

    @Test("message/rfc822: the inner message is parsed, its text is not the outer text")
    func encapsulated() throws {
        let m = try parseFixture("forwarded-message-rfc822.eml")
        #expect(m.text == "Is dit bericht betrouwbaar? Zie bijlage.")
        #expect(m.attachments.count == 1)
        let att = m.attachments[0]
        #expect(att.contentType == "message/rfc822")
        #expect(att.filename == "Uw account wordt geblokkeerd.eml")
        let inner = try #require(att.part.parts.first)
        #expect(inner.header["Subject"] == "Uw account wordt geblokkeerd")
        #expect(outline(inner) == ["multipart/alternative", "  text/plain", "  text/html"])
        let reparsed = try Message.parse(att.data)
        #expect(reparsed.subject == "Uw account wordt geblokkeerd")
        #expect(reparsed.text == "Klik hier om uw wachtwoord te bevestigen.")
    }

    @Test("multipart/report: DSN text, delivery-status and the returned message")
    func report() throws {
        let m = try parseFixture("postfix-dsn-unknown-user.eml")
        #expect(
            outline(m.body) == [
                "multipart/report", "  text/plain", "  message/delivery-status", "  message/rfc822", "    text/plain",
            ])
        #expect(m.text.hasPrefix("This is the mail system at host mail.example.test."))
        #expect(!m.text.contains("binnenste"))
        #expect(m.attachments.map(\.contentType) == ["message/delivery-status", "message/rfc822"])
        let original = try Message.parse(m.attachments[1].data)
        #expect(original.messageID == "<orig-42@example.test>")
    }

    @Test("missing close boundary: the last part runs to the end")
    func missingClose() throws {
        let m = try parseFixture("defect-missing-close-boundary.eml")
        #expect(m.defects == [.missingCloseBoundary])
        #expect(m.text == "Mijn laptop start niet meer op.")
        #expect(m.attachments.first?.size == 70)
        #expect(throws: MailError(.strict(.missingCloseBoundary))) {
            try parseFixture("defect-missing-close-boundary.eml", policy: .strict)
        }
    }

    @Test("RFC 2046 §5.1.2: an outer boundary closes an inner multipart")
    func outerClosesInner() throws {
        let m = try parseFixture("rfc2046-5.1.2-outer-boundary-closes-inner.eml")
        #expect(
            outline(m.body) == [
                "multipart/mixed", "  multipart/alternative", "    text/plain", "    text/html",
                "  application/octet-stream",
            ])
        #expect(m.text == "Binnenste tekst.")
        #expect(m.attachments.map(\.data) == [[0, 1, 2, 3]])
        #expect(m.defects == [.missingCloseBoundary])
    }

    func mail(_ contentType: String, _ body: String) -> String {
        "From: a@x.test\r\nDate: Mon, 29 Nov 2026 10:00:00 +0000\r\nContent-Type: \(contentType)\r\n\r\n\(body)"
    }

    @Test("preamble and epilogue are ignored, transport padding after a delimiter is allowed")
    func preambleEpilogue() throws {
        let m = try Message.parse(
            mail(
                "multipart/mixed; boundary=b",
                "preamble\r\n--b  \r\n\r\nin\r\n--b-- \t\r\nepilogue\r\n--b\r\nnot a part"))
        #expect(m.body.parts.count == 1)
        #expect(m.text == "in")
        #expect(m.defects.isEmpty)
    }

    @Test("a boundary that is a prefix of a line is no delimiter")
    func boundaryPrefix() throws {
        let m = try Message.parse(mail("multipart/mixed; boundary=b", "--b\r\n\r\n--bb is text\r\n--b-x\r\n--b--"))
        #expect(m.text == "--bb is text\n--b-x")
    }

    @Test("multipart without boundary, or whose boundary never occurs, is read as text")
    func brokenMultipart() throws {
        let a = try Message.parse(mail("multipart/mixed", "gewoon tekst"))
        #expect(a.text == "gewoon tekst")
        #expect(a.defects == [.multipartWithoutBoundary])
        let b = try Message.parse(mail("multipart/mixed; boundary=zz", "gewoon tekst"))
        #expect(b.text == "gewoon tekst")
        #expect(b.defects == [.startBoundaryNotFound])
    }

    @Test("a part without headers is text/plain; multipart/digest parts default to message/rfc822")
    func defaults() throws {
        let m = try Message.parse(mail("multipart/mixed; boundary=b", "--b\r\n\r\nzonder kop\r\n--b--"))
        #expect(m.body.parts.first?.contentType.mimeType == "text/plain")
        #expect(m.text == "zonder kop")
        let d = try Message.parse(mail("multipart/digest; boundary=b", "--b\r\n\r\nSubject: een\r\n\r\nx\r\n--b--"))
        #expect(d.body.parts.first?.contentType.mimeType == "message/rfc822")
        #expect(d.body.parts.first?.parts.first?.header["subject"] == "een")
    }

    @Test("quoted-printable and base64 parts decode lazily and correctly")
    func transferEncodings() throws {
        let body =
            "--b\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nCaf=C3=A9 =\r\nopen\r\n--b\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: BASE64\r\n\r\nAAEC\r\nAw==\r\n--b--\r\n"
        let m = try Message.parse(mail("multipart/mixed; boundary=\"b\"", body))
        #expect(m.text == "Café open")
        #expect(m.attachments.first?.data == [0, 1, 2, 3])
        #expect(m.attachments.first?.safeFilename == "attachment.octet-stream")
        #expect(m.defects.isEmpty)
    }

    @Test("QP and base64 defects are found at parse time, in lenient and strict mode")
    func encodingDefects() throws {
        let qp =
            mail("text/plain", "").replacingOccurrences(
                of: "Content-Type: text/plain\r\n", with: "Content-Transfer-Encoding: quoted-printable\r\n")
            + "100=% sure"
        let m = try Message.parse(qp)
        #expect(m.text == "100=% sure")
        #expect(m.defects == [.invalidQuotedPrintable])
        #expect(throws: MailError(.strict(.invalidQuotedPrintable))) { try Message.parse(qp, policy: .strict) }
        let b64 = try parseFixture("base64-garbage-body.eml")
        #expect(b64.text == "Dit is een tekst in base64 met rommel ertussen. éè")
        #expect(b64.defects == [.invalidBase64])
        #expect(throws: MailError(.strict(.invalidBase64))) {
            try parseFixture("base64-garbage-body.eml", policy: .strict)
        }
    }

    @Test("unknown and misplaced transfer encodings")
    func unknownEncoding() throws {
        let m = try Message.parse(mail("text/plain\r\nContent-Transfer-Encoding: x-uuencode", "x"))
        #expect(m.text == "x")
        #expect(m.defects == [.unknownTransferEncoding("x-uuencode")])
        let n = try Message.parse(
            mail("multipart/mixed; boundary=b\r\nContent-Transfer-Encoding: base64", "--b\r\n\r\nx\r\n--b--"))
        #expect(n.defects == [.invalidTransferEncodingForComposite])
    }

    @Test("1000 nested multiparts: throws at maxDepth quickly, no stack overflow")
    func deepNesting() throws {
        var s =
            "From: a@x.test\r\nDate: Mon, 29 Nov 2026 10:00:00 +0000\r\nContent-Type: multipart/mixed; boundary=b0\r\n\r\n"
        for i in 1...1000 { s += "--b\(i - 1)\r\nContent-Type: multipart/mixed; boundary=b\(i)\r\n\r\n" }
        s += "--b1000\r\n\r\ndeep\r\n"
        for i in stride(from: 1000, through: 0, by: -1) { s += "--b\(i)--\r\n" }
        let bytes = Array(s.utf8)
        let start = Date()
        #expect(throws: MailError(.maxDepth, limit: 50)) { try Message.parse(bytes) }
        var p = ParsePolicy()
        p.maxDepth = 100_000
        #expect(throws: MailError(.maxDepth, limit: MIMEPart.hardDepthLimit)) { try Message.parse(bytes, policy: p) }
        #expect(Date().timeIntervalSince(start) < 5)
        p.maxDepth = 1001
        p.maxParts = 500
        #expect(throws: MailError(.maxParts, limit: 500)) {
            try Message.parse(
                Array(
                    ("From: a@x.test\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
                        + String(repeating: "--b\r\n\r\nx\r\n", count: 600)).utf8), policy: p)
        }
    }

    @Test("nesting within the limit parses")
    func moderateNesting() throws {
        var s =
            "From: a@x.test\r\nDate: Mon, 29 Nov 2026 10:00:00 +0000\r\nContent-Type: multipart/mixed; boundary=b0\r\n\r\n"
        for i in 1...40 { s += "--b\(i - 1)\r\nContent-Type: multipart/alternative; boundary=b\(i)\r\n\r\n" }
        s += "--b40\r\nContent-Type: text/plain\r\n\r\ndiep\r\n"
        for i in stride(from: 40, through: 0, by: -1) { s += "--b\(i)--\r\n" }
        let m = try Message.parse(s)
        #expect(m.text == "diep")
        #expect(m.defects.isEmpty)
    }
}
