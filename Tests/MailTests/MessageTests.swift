import Foundation
import Testing

@testable import Mail

@Suite("Message.parse")
struct MessageTests {
    /// What a fixture proves: the fields the gateway reads, its defects, and where strict mode stops.
    struct Fixture: CustomTestStringConvertible, Sendable {
        var name: String
        var subject: String
        var from: Address?
        var auto: AutoKind = .none
        var caseTag: String? = nil
        var textPrefix: String
        var attachments: [String?] = []
        var defects: [MailDefect] = []
        var testDescription: String { name }
    }

    static let fixtures: [Fixture] = [
        Fixture(
            name: "outlook-nl-reply-van-verzonden.eml", subject: "RE: [CS0001234] Printer lokaal 2.14 doet het niet",
            from: Address(name: "Marieke de Vries", address: "M.deVries@school.test"), caseTag: "CS0001234",
            textPrefix: "Hallo,\n\nDe printer in lokaal 2.14"),
        Fixture(
            name: "gmail-en-on-wrote.eml", subject: "Re: [CS0004321] Beamer room 1.05",
            from: Address(name: "Tom Bakker", address: "tom.bakker@gmail.test"), caseTag: "CS0004321",
            textPrefix: "Hi,\n\nThe beamer"),
        Fixture(
            name: "gmail-nl-op-schreef.eml", subject: "Re: [CS0002468] Toegang tot gedeelde map",
            from: Address(name: "Eva Mulder", address: "eva.mulder@gmail.test"), caseTag: "CS0002468",
            textPrefix: "Dank je, het werkt!"),
        Fixture(
            name: "apple-nl-het-volgende-geschreven.eml", subject: "Re: [cs0007777] Wachtwoord werkt niet",
            from: Address(name: "Sanne Jansen", address: "sanne@school.test"), caseTag: "CS0007777",
            textPrefix: "Hoi,\n\nHet wachtwoord van mijn account werkt niet meer sinds de update van gisteren. Ik"),
        Fixture(
            name: "outlook-en-original-message.eml", subject: "RE: [CS0005555] Account locked",
            from: Address(name: "Smith, John", address: "j.smith@school.test"), caseTag: "CS0005555",
            textPrefix: "It works now"),
        Fixture(
            name: "postfix-dsn-unknown-user.eml", subject: "Undelivered Mail Returned to Sender",
            from: Address(name: "Mail Delivery System", address: "MAILER-DAEMON@mail.example.test"), auto: .bounce,
            textPrefix: "This is the mail system", attachments: [nil, nil]),
        Fixture(
            name: "sieve-vacation-autoreply.eml", subject: "Out of office", from: Address(address: "ooo@example.test"),
            auto: .autoReplied, textPrefix: "Ik ben afwezig"),
        Fixture(
            name: "exchange-automatisch-antwoord.eml",
            subject: "Automatisch antwoord: [CS0001234] Printer lokaal 2.14 doet het niet",
            from: Address(name: "Petra Kok", address: "p.kok@school.test"), auto: .autoReplied, caseTag: "CS0001234",
            textPrefix: "Ik ben tot maandag afwezig."),
        Fixture(
            name: "list-id-newsletter.eml", subject: "Nieuwsbrief december – nieuwe laptops",
            from: Address(name: "EduNieuws", address: "nieuwsbrief@edunieuws.test"), auto: .bulk,
            textPrefix: "Nieuwsbrief december\n\nBeste lezer,"),
        Fixture(
            name: "rfc2231-filename-continuation.eml", subject: "Rooster voor de beamerplanning",
            from: Address(name: "Peter van Dam", address: "p.vandam@school.test"), textPrefix: "Zie bijlage.",
            attachments: ["Rooster lokaal € 2026–2027.pdf"]),
        Fixture(
            name: "windows-1252-body.eml", subject: "Toner € 45",
            from: Address(name: "Année Müller", address: "annee@school.test"),
            textPrefix:
                "Beste servicedesk,\n\nDe kosten van de nieuwe toner zijn € 45,– per stuk. Dat is “te duur” voor ons café-budget."
        ),
        Fixture(
            name: "iso-8859-15-euro.eml", subject: "Pinautomaat",
            from: Address(name: "Kassa", address: "kassa@school.test"),
            textPrefix: "Bedrag: € 12,50 œ Œ"),
        Fixture(
            name: "html-only.eml", subject: "Wifi storing gebouw B",
            from: Address(name: "Jeroen Smit", address: "jeroen.smit@school.test"),
            textPrefix: "Beste servicedesk,\n\nSinds"),
        Fixture(
            name: "nested-mixed-related-alternative.eml", subject: "Foto van het kapotte scherm",
            from: Address(name: "Kees, de Conciërge", address: "kees@school.test"), textPrefix: "Zie de foto:",
            attachments: ["foto.png", "Schade rapport één.docx"]),
        Fixture(
            name: "forwarded-message-rfc822.eml", subject: "Fwd: Phishing?",
            from: Address(name: "Directie", address: "directie@school.test"), textPrefix: "Is dit bericht betrouwbaar?",
            attachments: ["Uw account wordt geblokkeerd.eml"]),
        Fixture(
            name: "encoded-words-subject-and-names.eml", subject: "Café kapot en € 10😀 ok",
            from: Address(name: "José García", address: "JOSE@example.test"), textPrefix: "Test."),
        Fixture(
            name: "bare-lf-line-endings.eml", subject: "Een heel lang onderwerp dat over meerdere regels is gevouwen",
            from: Address(name: "Bram Visser", address: "bram@school.test"), textPrefix: "Regel een.\nRegel twee."),
        Fixture(
            name: "obsolete-date-and-group-addresses.eml", subject: "Oude software",
            from: Address(name: "Jan de Boer", address: "jan@school.test"), textPrefix: "Hallo."),
        Fixture(
            name: "signature-dash-dash.eml", subject: "Nieuwe muis nodig",
            from: Address(name: "Henk", address: "henk@school.test"),
            textPrefix: "Mijn muis is stuk, kan ik een nieuwe krijgen?\n\n-- \nHenk Vermeer\nConciërge"),
        Fixture(
            name: "defect-missing-close-boundary.eml", subject: "Laptop kapot",
            from: Address(name: "Lisa", address: "lisa@school.test"),
            textPrefix: "Mijn laptop start niet meer op.", attachments: ["scherm.png"], defects: [.missingCloseBoundary]
        ),
        Fixture(
            name: "rfc2046-5.1.2-outer-boundary-closes-inner.eml", subject: "Outer closes inner",
            from: Address(name: "X", address: "x@school.test"), textPrefix: "Binnenste tekst.",
            attachments: ["data.bin"],
            defects: [.missingCloseBoundary]),
        Fixture(
            name: "base64-garbage-body.eml", subject: "base64 met rommel",
            from: Address(name: "Test", address: "t@school.test"),
            textPrefix: "Dit is een tekst in base64 met rommel ertussen. éè", defects: [.invalidBase64]),
        Fixture(
            name: "defect-unknown-charset.eml", subject: "café", from: Address(name: "Y", address: "y@school.test"),
            textPrefix: "Café open.", defects: [.unknownCharset("x-made-up"), .unknownCharset("x-made-up")]),
        Fixture(
            name: "defect-invalid-utf8-falls-back-to-windows-1252.eml", subject: "Café 8bit subject",
            from: Address(name: "Z", address: "z@school.test"), textPrefix: "Café € open.",
            defects: [.invalidCharsetBytes("utf-8")]),
    ]

    @Test("every fixture of this table is in the corpus")
    func coverage() {
        #expect(Set(Self.fixtures.map(\.name)).isSubset(of: Set(allFixtureNames())))
        #expect(Self.fixtures.count >= 15)
    }

    @Test("fixtures, lenient", arguments: fixtures)
    func lenient(_ f: Fixture) throws {
        let m = try parseFixture(f.name)
        #expect(m.subject == f.subject)
        #expect(m.from.first == f.from)
        #expect(m.auto == f.auto)
        #expect(m.caseTag == f.caseTag)
        #expect(m.text.hasPrefix(f.textPrefix), "\(m.text)")
        #expect(m.attachments.map(\.filename) == f.attachments)
        #expect(m.defects == f.defects)
        #expect(m.date != nil)
        #expect(m.messageID != nil)
    }

    @Test("fixtures, strict: throws exactly the first defect", arguments: fixtures)
    func strict(_ f: Fixture) throws {
        if let first = f.defects.first {
            #expect(throws: MailError(.strict(first))) { try parseFixture(f.name, policy: .strict) }
        } else {
            #expect(try parseFixture(f.name, policy: .strict).defects.isEmpty)
        }
    }

    @Test("header fields of a Gmail reply")
    func fields() throws {
        let m = try parseFixture("gmail-en-on-wrote.eml")
        #expect(m.messageID == "<CAF8x+Yq1Fz3n0mM2b7_Kp=abc123XyZ@mail.gmail.test>")
        #expect(m.inReplyTo == ["<20261129090000.4f2a@cloudwise.test>"])
        #expect(m.references == ["<20261129090000.4f2a@cloudwise.test>"])
        #expect(m.to == [Address(name: "Servicedesk Cloudwise", address: "servicedesk@cloudwise.test")])
        #expect(m.returnPath == "tom.bakker@gmail.test")
        #expect(m.date.map(DateTime.iso8601) == "2026-11-29T10:15:03Z")
        #expect(m.raw.count > 0)
        #expect(m.header["Content-Type"]?.hasPrefix("multipart/alternative") == true)
    }

    @Test("obsolete forms: groups, route, comment names, 2-digit year with EST")
    func obsolete() throws {
        let m = try parseFixture("obsolete-date-and-group-addresses.eml")
        #expect(m.to.isEmpty)
        #expect(m.cc.map(\.address) == ["a@school.test", "b@school.test", "c@school.test"])
        #expect(m.replyTo == [Address(address: "reply@school.test")])
        #expect(m.replyAddresses == m.replyTo)
        #expect(m.date.map(DateTime.iso8601) == "2026-11-29T15:00:00Z")
    }

    @Test("DSN: Return-Path <> is an empty string")
    func nullReturnPath() throws {
        #expect(try parseFixture("postfix-dsn-unknown-user.eml").returnPath == "")
        #expect(try parseFixture("html-only.eml").returnPath == nil)
        #expect(Message.reversePath(Array("<@a.test:Jan@X.Test> (c)".utf8)) == "Jan@x.test")
    }

    @Test("encoded words in To: names from ISO-8859-1 and a quoted encoded word")
    func encodedNames() throws {
        let m = try parseFixture("encoded-words-subject-and-names.eml")
        #expect(
            m.to == [
                Address(name: "François de Wit", address: "francois@school.test"),
                Address(name: "Renée", address: "renee@school.test"),
            ])
    }

    @Test("missing From and Date, duplicate Subject")
    func requiredFields() throws {
        let m = try Message.parse("Subject: a\r\nSubject: b\r\n\r\nx")
        #expect(m.subject == "a")
        #expect(m.from.isEmpty)
        #expect(
            m.defects == [.duplicateField("Subject"), .missingRequiredField("From"), .missingRequiredField("Date")])
    }

    @Test("empty input and header-only input")
    func empty() throws {
        let m = try Message.parse([UInt8]())
        #expect(m.subject == "" && m.text == "" && m.attachments.isEmpty && m.messageID == nil)
        let h = try Message.parse("From: a@x.test\r\nDate: Mon, 29 Nov 2026 10:00:00 +0000")
        #expect(h.text == "")
        #expect(h.defects.isEmpty)
    }

    @Test("a subject encoded word that decodes to CR LF cannot smuggle a line")
    func subjectInjection() throws {
        let m = try Message.parse(
            "From: a@x.test\r\nDate: Mon, 29 Nov 2026 10:00:00 +0000\r\nSubject: =?utf-8?q?a=0D=0ABcc:_x?=\r\n\r\n")
        #expect(m.subject == "a Bcc: x")
        #expect(m.defects == [.controlCharacterInHeader("Subject")])
    }

    @Test("a 300 KB header throws at the 256 KB default")
    func hugeHeader() {
        let header =
            "From: a@x.test\r\n"
            + String(repeating: "X-Filler: " + String(repeating: "a", count: 90) + "\r\n", count: 3000)
        let bytes = Array((header + "\r\nbody").utf8)
        #expect(bytes.count > 300_000)
        #expect(throws: MailError(.maxHeaderBytes, limit: 256 * 1024)) { try Message.parse(bytes) }
        let oneLine = Array(("X: " + String(repeating: "a", count: 300_000) + "\r\n\r\n").utf8)
        #expect(throws: MailError(.maxHeaderBytes, limit: 256 * 1024)) { try Message.parse(oneLine) }
    }

    @Test("maxTotalBytes")
    func totalLimit() {
        var p = ParsePolicy()
        p.maxTotalBytes = 10
        #expect(throws: MailError(.maxTotalBytes, limit: 10)) {
            try Message.parse("Subject: too long\r\n\r\n", policy: p)
        }
        #expect(MailError(.maxTotalBytes, limit: 10).description == "message larger than 10 bytes")
    }

    @Test("fuzz: random and mutated inputs never crash, and every field is readable")
    func fuzz() throws {
        var rng = SplitMix64(seed: 0xDA9_6A7E)
        let seeds = try allFixtureNames().map(fixture)
        let tokens: [[UInt8]] = [
            "\r\n", "\n", "\r", "--", "=?", "?=", "=?utf-8?b?", "=?x?q?=", ":", ";", "<", ">", "\"", "(", ")", "\\",
            "=", "=\r\n", "&#", "&", "<p>", "<script>", "Content-Type: multipart/mixed; boundary=b\r\n", "--b\r\n",
            "--b--", "boundary=", "filename*0*=utf-8''%", "*1*=", "base64", "quoted-printable", "\u{0}", "\u{FF}",
            "message/rfc822", "Content-Transfer-Encoding: base64\r\n", "> ", "On x wrote:", "CS0001234",
        ].map { Array($0.utf8) }
        var policy = ParsePolicy()
        policy.maxHeaderBytes = 64 * 1024
        var parsed = 0
        for i in 0..<3000 {
            var bytes: [UInt8]
            if i % 5 == 0 {
                bytes = (0..<Int.random(in: 0..<600, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            } else {
                bytes = seeds[Int.random(in: 0..<seeds.count, using: &rng)]
                for _ in 0..<Int.random(in: 1...12, using: &rng) {
                    guard !bytes.isEmpty else { break }
                    let at = Int.random(in: 0..<bytes.count, using: &rng)
                    switch Int.random(in: 0..<5, using: &rng) {
                    case 0: bytes[at] = UInt8.random(in: 0...255, using: &rng)
                    case 1: bytes.remove(at: at)
                    case 2: bytes.insert(contentsOf: tokens[Int.random(in: 0..<tokens.count, using: &rng)], at: at)
                    case 3: bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...200, using: &rng)))
                    default:
                        let len = min(bytes.count - at, Int.random(in: 1...100, using: &rng))
                        bytes.insert(
                            contentsOf: bytes[at..<(at + len)], at: Int.random(in: 0...bytes.count, using: &rng))
                    }
                }
            }
            guard let m = try? Message.parse(bytes, policy: policy) else { continue }
            parsed += 1
            _ = InspectReport(m).json()
            _ = m.attachments.map(\.safeFilename)
            _ = m.body.parts.map { $0.decodedText() }
            if i % 7 == 0 {
                let out = OutgoingMessage(
                    from: m.from.first ?? Address(address: "x@y.test"), to: m.to, subject: m.subject,
                    messageID: m.messageID ?? "<x@y>", date: m.date ?? Date(timeIntervalSince1970: 0),
                    references: m.references, text: m.text, html: m.text
                ).render()
                #expect(!out.enumerated().contains { $0.element == 10 && ($0.offset == 0 || out[$0.offset - 1] != 13) })
            }
        }
        #expect(parsed > 2000)
    }
}

@Suite("Message.text selection")
struct MessageTextTests {
    @Test("an empty text/plain alternative does not hide the HTML")
    func emptyPlain() throws {
        let m = try Message.parse(
            "From: a@x.test\r\nDate: Mon, 29 Nov 2026 10:00:00 +0000\r\nContent-Type: multipart/alternative; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n \r\n--b\r\nContent-Type: text/html\r\n\r\n<p>Hallo</p>\r\n--b--\r\n"
        )
        #expect(m.text == "Hallo")
    }

    @Test("a text part with a file name is an attachment, not the body")
    func namedText() throws {
        let m = try Message.parse(
            "From: a@x.test\r\nDate: Mon, 29 Nov 2026 10:00:00 +0000\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain; name=log.txt\r\n\r\nlog\r\n--b\r\nContent-Type: text/plain\r\n\r\nbody\r\n--b\r\nContent-Type: text/plain\r\nContent-Disposition: attachment\r\n\r\nfile\r\n--b--\r\n"
        )
        #expect(m.text == "body")
        #expect(m.attachments.map(\.filename) == ["log.txt", nil])
        #expect(m.attachments.map(\.safeFilename) == ["log.txt", "attachment.plain"])
    }
}
