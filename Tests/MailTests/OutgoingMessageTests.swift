import Foundation
import Testing

@testable import Mail

@Suite("composing (RFC 5322, 2045, 2047)")
struct OutgoingMessageTests {
    static let date = Date(timeIntervalSince1970: 1_795_989_600)

    func base(subject: String = "[CS0001234] Uw melding is ontvangen", text: String = "Beste melder,\n\nDank u.\n")
        -> OutgoingMessage
    {
        OutgoingMessage(
            from: Address(name: "Servicedesk Cloudwise", address: "servicedesk@cloudwise.test"),
            to: [Address(name: "Marieke de Vries", address: "m.devries@school.test")], subject: subject,
            messageID: "<out-1@cloudwise.test>", date: Self.date, text: text)
    }

    /// Every CR is followed by LF and every LF preceded by CR; no line over 998, header lines at most 78.
    func checkWireFormat(_ bytes: [UInt8], headerWidth: Int = 78) {
        for (k, b) in bytes.enumerated() {
            if b == 13 { #expect(k + 1 < bytes.count && bytes[k + 1] == 10, "bare CR at \(k)") }
            if b == 10 { #expect(k > 0 && bytes[k - 1] == 13, "bare LF at \(k)") }
        }
        let text = bytes.utf8String
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.utf8.count <= 998 })
        let headerLines = lines.prefix { !$0.isEmpty }
        for line in headerLines { #expect(line.utf8.count <= headerWidth, "\(line)") }
        #expect(text.hasSuffix("\r\n"))
    }

    func headerNames(_ bytes: [UInt8]) -> [String] {
        let text = bytes.utf8String
        let head = text.components(separatedBy: "\r\n\r\n")[0]
        return head.components(separatedBy: "\r\n").filter { !$0.hasPrefix(" ") && !$0.hasPrefix("\t") }.map {
            String($0.split(separator: ":", maxSplits: 1)[0])
        }
    }

    @Test("a plain reply: required fields, quoted-printable UTF-8, threading, Auto-Submitted")
    func plain() throws {
        var o = base()
        o.inReplyTo = "<in-1@school.test>"
        o.references = ["<a@school.test>", "<in-1@school.test>"]
        o.autoSubmitted = "auto-replied"
        let bytes = o.render()
        checkWireFormat(bytes)
        #expect(
            headerNames(bytes) == [
                "Date", "From", "To", "Subject", "Message-ID", "In-Reply-To", "References", "Auto-Submitted",
                "MIME-Version", "Content-Type", "Content-Transfer-Encoding",
            ])
        let text = bytes.utf8String
        #expect(
            text.hasPrefix(
                "Date: Sun, 29 Nov 2026 22:00:00 +0000\r\nFrom: Servicedesk Cloudwise <servicedesk@cloudwise.test>\r\n")
        )
        #expect(
            text.contains("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n"))
        let m = try Message.parse(bytes, policy: .strict)
        #expect(m.subject == "[CS0001234] Uw melding is ontvangen")
        #expect(m.caseTag == "CS0001234")
        #expect(m.from == [Address(name: "Servicedesk Cloudwise", address: "servicedesk@cloudwise.test")])
        #expect(m.to == [Address(name: "Marieke de Vries", address: "m.devries@school.test")])
        #expect(m.messageID == "<out-1@cloudwise.test>")
        #expect(m.inReplyTo == ["<in-1@school.test>"])
        #expect(m.references == ["<a@school.test>", "<in-1@school.test>"])
        #expect(m.date == Self.date)
        #expect(m.auto == .autoReplied)
        #expect(m.text == "Beste melder,\n\nDank u.")
    }

    @Test("round trip: non-ASCII subject and names, folded at 78 columns")
    func nonASCII() throws {
        var o = base(
            subject: "Re: [CS0001234] Storing wifi-netwerk gebouw B – café, aula en lokaal 2.14 (Zoë’s klas) 😀 "
                + String(repeating: "ë", count: 80),
            text: "Beste Zoë,\n\nDe storing is opgelost.\n.\n-- \nServicedesk")
        o.to = [
            Address(name: "Zoë van der Berg-Ünal", address: "zoe@school.test"),
            Address(name: "Jansen, J. \"Jan\"", address: "jan@school.test"), Address(address: "plain@school.test"),
        ]
        o.cc = [Address(name: String(repeating: "Héél lange naam ", count: 8), address: "lang@school.test")]
        o.replyTo = [Address(name: "Servicedesk", address: "reply+cs0001234@cloudwise.test")]
        let bytes = o.render()
        checkWireFormat(bytes)
        let m = try Message.parse(bytes, policy: .strict)
        #expect(m.subject == o.subject)
        #expect(m.to == o.to)
        #expect(
            m.cc == [
                Address(
                    name: String(repeating: "Héél lange naam ", count: 8).trimmingCharacters(in: .whitespaces),
                    address: "lang@school.test")
            ])
        #expect(m.replyTo == o.replyTo)
        #expect(m.text == o.text)
        #expect(m.caseTag == "CS0001234")
        // ASCII words stay readable (the case tag can be grepped in the raw mail); runs of others are encoded.
        #expect(
            bytes.utf8String.contains(
                "Subject: Re: [CS0001234] Storing wifi-netwerk gebouw B\r\n =?utf-8?q?=E2=80=93_caf=C3=A9=2C?= aula en lokaal 2.14\r\n"
            ))
        #expect(!bytes.contains { $0 >= 0x80 })
    }

    @Test("multipart/alternative round trip")
    func alternative() throws {
        var o = base(text: "Hallo Zoë,\n\nTekst.")
        o.html = "<p>Hallo Zo&euml;,</p><p>Tekst.</p>\n<p>.</p>"
        let bytes = o.render()
        checkWireFormat(bytes)
        let m = try Message.parse(bytes, policy: .strict)
        #expect(m.body.contentType.mimeType == "multipart/alternative")
        #expect(m.body.parts.map(\.contentType.mimeType) == ["text/plain", "text/html"])
        #expect(m.text == "Hallo Zoë,\n\nTekst.")
        #expect(m.body.parts[1].decodedText() == "<p>Hallo Zo&euml;,</p><p>Tekst.</p>\r\n<p>.</p>")
        #expect(m.attachments.isEmpty)
        let html = OutgoingMessage(
            from: o.from, to: o.to, subject: "x", messageID: "<y@z>", date: Self.date, text: "",
            html: "<b>Alleen</b> html")
        #expect(try Message.parse(html.render()).text == "Alleen html")
    }

    @Test("header injection: subject, names, message ids and extra headers cannot add a line")
    func injection() throws {
        var o = base(subject: "Hi\r\nBcc: evil@x.test")
        o.from = Address(name: "Desk\nBcc: evil@x.test", address: "desk@cloudwise.test")
        o.to = [Address(name: "A\r\n", address: "a@school.test\r\nBcc: evil@x.test")]
        o.messageID = "<id@x>\r\nBcc: evil@x.test"
        o.inReplyTo = "<r@x>\nBcc: evil@x.test"
        o.references = ["<r@x>\r\nBcc: evil@x.test"]
        o.autoSubmitted = "auto-replied\r\nBcc: evil@x.test"
        o.extraHeaders = [
            ("X-Case", "CS0001234\r\nBcc: evil@x.test"), ("X-Bad\r\nBcc", "x"), ("Subject", "second subject"),
            ("X-\u{0}Ctl", "a\u{0}b\u{1B}c\u{7F}d\u{2028}e"),
        ]
        o.text = "line\r\n.\r\nBcc: evil@x.test\n"
        let bytes = o.render()
        checkWireFormat(bytes)
        let names = headerNames(bytes).map { $0.lowercased() }
        #expect(!names.contains("bcc"))
        #expect(names.filter { $0 == "subject" }.count == 1)
        #expect(names.contains("x-badbcc"))
        let m = try Message.parse(bytes)
        #expect(!m.header.contains(.bcc))
        #expect(m.subject == "Hi Bcc: evil@x.test")
        #expect(m.header["X-Ctl"] == "a b c d e")
        #expect(!bytes.contains(0))
    }

    @Test("parse → compose: an encoded word that decodes to CR LF gives no Bcc header")
    func encodedWordInjection() throws {
        let incoming = try Message.parse(
            "From: =?utf-8?q?Eve=0D=0ABcc:_evil@x.test?= <eve@x.test>\r\nDate: Mon, 29 Nov 2026 10:00:00 +0000\r\nSubject: =?utf-8?q?a=0D=0ABcc:_x?=\r\nMessage-ID: <m@x>\r\n\r\nhoi"
        )
        let reply = OutgoingMessage(
            from: Address(name: "Desk", address: "desk@cloudwise.test"), to: incoming.replyAddresses,
            subject: "Re: " + incoming.subject, messageID: OutgoingMessage.makeMessageID(domain: "cloudwise.test"),
            date: Self.date, inReplyTo: incoming.messageID,
            references: incoming.references + [incoming.messageID ?? ""],
            extraHeaders: [("X-Original-Subject", incoming.subject)], text: incoming.text)
        let bytes = reply.render()
        checkWireFormat(bytes)
        #expect(!headerNames(bytes).map { $0.lowercased() }.contains("bcc"))
        let again = try Message.parse(bytes)
        #expect(!again.header.contains(.bcc))
        #expect(again.subject == "Re: a Bcc: x")
        #expect(again.to == [Address(name: "Eve Bcc: evil@x.test", address: "eve@x.test")])
    }

    @Test("long ASCII subjects fold at spaces; very long words become encoded words")
    func folding() throws {
        let subject =
            (0..<30).map { "woord\($0)" }.joined(separator: " ") + " " + String(repeating: "x", count: 200)
            + " =?not?q?encoded?="
        let bytes = base(subject: subject).render()
        checkWireFormat(bytes)
        #expect(try Message.parse(bytes).subject == subject)
    }

    @Test("a long extra header name still folds sanely; empty subject and list")
    func edges() throws {
        var o = base(subject: "")
        o.to = []
        o.extraHeaders = [(String(repeating: "X", count: 60), "Zoë " + String(repeating: "é", count: 60))]
        let bytes = o.render()
        checkWireFormat(bytes, headerWidth: 998)
        let m = try Message.parse(bytes)
        #expect(m.subject == "")
        #expect(m.to.isEmpty)
        #expect(
            m.header[HeaderFieldName(String(repeating: "X", count: 60))].map { EncodedWord.decode($0) } == "Zoë "
                + String(repeating: "é", count: 60))
    }

    @Test("Message-ID generation")
    func messageID() {
        let id = OutgoingMessage.makeMessageID(domain: "cloudwise.test")
        #expect(id.hasPrefix("<") && id.hasSuffix("@cloudwise.test>") && id.count == 1 + 32 + 1 + 14 + 1)
    }
}

@Suite("composing: pathological values stay within 998-character lines")
struct OutgoingLimitsTests {
    @Test("huge ids, addresses, names and header names")
    func huge() throws {
        let big = String(repeating: "a", count: 5000)
        let o = OutgoingMessage(
            from: Address(name: big, address: big + "@x.test"), to: [Address(name: "é" + big, address: "t@x.test")],
            subject: big + " " + String(repeating: "é", count: 3000), messageID: "<" + big + "@x>",
            date: Date(timeIntervalSince1970: 0), inReplyTo: "<" + big + "@y>",
            references: ["<ok@x>", "<" + big + "@z>"],
            extraHeaders: [(big, big)], text: big, html: big)
        let bytes = o.render()
        let lines = bytes.utf8String.components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.utf8.count <= 998 })
        let m = try Message.parse(bytes)
        #expect(m.references == ["<ok@x>"])
        #expect(m.messageID == nil)
        #expect(m.subject == big + " " + String(repeating: "é", count: 3000))
        #expect(m.text == big)
    }
}
