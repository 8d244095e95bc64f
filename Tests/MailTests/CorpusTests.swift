import Foundation
import Testing

@testable import Mail

/// The fixture corpus (`fixtures/mail/`): every `NAME.eml` gives exactly the `inspect --json` of `NAME.json`,
/// which was written from what a careful reader of the mail expects. Plus compose→parse round trips.
@Suite("fixture corpus and round trips")
struct CorpusTests {
    static let names = allFixtureNames()

    /// A JSON value in one canonical spelling (keys sorted), for comparing and for readable failures.
    static func canonical(_ value: Any?) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: [value ?? NSNull()], options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    static func object(_ data: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test("at least 100 mails, each with its expected JSON")
    func size() {
        #expect(Self.names.count >= 100)
        for name in Self.names {
            let json = fixtureDirectory.appendingPathComponent(String(name.dropLast(4)) + ".json")
            #expect(FileManager.default.fileExists(atPath: json.path), "\(name) has no .json")
        }
    }

    @Test("inspect --json equals NAME.json", arguments: names)
    func inspect(_ name: String) throws {
        let got = try Self.object(Data(InspectReport(try parseFixture(name)).json().utf8))
        let want = try Self.object(
            Data(contentsOf: fixtureDirectory.appendingPathComponent(String(name.dropLast(4)) + ".json")))
        #expect(Set(want.keys) == Set(InspectReport.keys), "\(name).json has other keys")
        #expect(Set(got.keys) == Set(InspectReport.keys))
        for key in InspectReport.keys {
            let g = try Self.canonical(got[key])
            let w = try Self.canonical(want[key])
            #expect(g == w, "\(name): \(key)\n got: \(g)\nwant: \(w)")
        }
    }

    @Test("strict mode: a clean mail reads the same, any other throws its first defect", arguments: names)
    func strict(_ name: String) throws {
        let lenient = try parseFixture(name)
        if let first = lenient.defects.first {
            #expect(throws: MailError(.strict(first))) { try parseFixture(name, policy: .strict) }
        } else {
            #expect(InspectReport(try parseFixture(name, policy: .strict)).json() == InspectReport(lenient).json())
        }
    }

    @Test("tight limits: a mail either parses as with the defaults or throws the limit it broke", arguments: names)
    func tight(_ name: String) throws {
        let tight = ParsePolicy(maxDepth: 8, maxParts: 32, maxHeaderBytes: 16 * 1024, maxTotalBytes: 64 * 1024)
        do {
            let m = try parseFixture(name, policy: tight)
            #expect(InspectReport(m).json() == InspectReport(try parseFixture(name)).json())
        } catch {
            #expect((error as? MailError)?.limit != nil, "\(name): \(error)")
        }
    }

    // MARK: - compose → parse

    static let desk = Address(name: "Servicedesk Cloudwise", address: "servicedesk@cloudwise.test")
    static let date = Date(timeIntervalSince1970: 1_796_119_200)

    @Test("round trip: subject, names, text, threading and Auto-Submitted survive")
    func roundTripConfirmation() throws {
        let out = OutgoingMessage(
            from: Self.desk, to: [Address(name: "Jan de Vries", address: "jan@school.test")],
            cc: [Address(name: "Vries, de", address: "devries@school.test"), Address(address: "ict@school.test")],
            replyTo: [Address(name: "Servicedesk", address: "reply+cs0001234@cloudwise.test")],
            subject: "Re: [CS0001234] Printer lokaal 2.14 doet het niet", messageID: "<desk-1234-2@cloudwise.test>",
            date: Self.date, inReplyTo: "<jan-1@school.test>",
            references: ["<desk-1234-1@cloudwise.test>", "<jan-1@school.test>"], autoSubmitted: "auto-replied",
            text: "Beste Jan,\n\nWe hebben uw melding ontvangen onder nummer CS0001234.\n\nMet vriendelijke groet,\n"
                + "Servicedesk Cloudwise")
        let m = try Message.parse(out.render())
        #expect(m.defects.isEmpty)
        #expect(m.subject == out.subject)
        #expect(m.from == [out.from])
        #expect(m.to == out.to)
        #expect(m.cc == out.cc)
        #expect(m.replyTo == out.replyTo)
        #expect(m.messageID == out.messageID)
        #expect(m.inReplyTo == ["<jan-1@school.test>"])
        #expect(m.references == out.references)
        #expect(m.date == Self.date)
        #expect(m.text == out.text)
        #expect(m.replyText == out.text)
        #expect(m.auto == .autoReplied)
        #expect(m.caseTag == "CS0001234")
        #expect(m.attachments.isEmpty)
        #expect(m.header["Auto-Submitted"] == "auto-replied")
    }

    @Test("round trip: non-ASCII subject, names and text, long lines, From and dot lines")
    func roundTripNonASCII() throws {
        let text = """
            Beste Zoë,

            De kosten zijn € 45,– per stuk; dat is “te duur” voor het café 😀.
            From the start this line must not become ">From".
            .
            Een regel met spaties aan het eind   \("")
            \(String(repeating: "Een hele lange regel met één en twee woorden. ", count: 8))
            > een geciteerde regel die blijft staan
            Tab\there.
            """
        let out = OutgoingMessage(
            from: Address(name: "Servicedesk Ünïcødé, Cloudwise", address: "servicedesk@cloudwise.test"),
            to: [
                Address(name: "Zoë van ’t Hof", address: "zoe@school.test"),
                Address(name: "Jansen, \"Jan\" (ICT)", address: "jan@school.test"),
                Address(name: "=?utf-8?q?not_an_encoded_word?=", address: "lit@school.test"),
            ],
            subject: "[CS0000042] Café — € 12,50 😀 en een heel lang onderwerp dat over meer dan één regel gevouwen "
                + "moet worden omdat het zo lang is",
            messageID: "<desk-42@cloudwise.test>", date: Self.date, text: text)
        let bytes = out.render()
        #expect(bytes.allSatisfy { $0 < 128 })
        let m = try Message.parse(bytes)
        #expect(m.defects.isEmpty)
        #expect(m.subject == out.subject)
        #expect(m.from == [out.from])
        #expect(m.to == out.to)
        #expect(m.text == text)
        #expect(m.caseTag == "CS0000042")
        #expect(m.auto == .none)
    }

    @Test("round trip: multipart/alternative keeps the text as the body and the HTML as its alternative")
    func roundTripAlternative() throws {
        let html = "<p>Beste Jan,</p><p>Uw melding is <b>opgelost</b> &amp; gesloten. Café €</p>"
        let out = OutgoingMessage(
            from: Self.desk, to: [Address(name: "Jan", address: "jan@school.test")], subject: "[CS0000007] Opgelost",
            messageID: "<desk-7@cloudwise.test>", date: Self.date, autoSubmitted: "auto-generated",
            text: "Beste Jan,\n\nUw melding is opgelost & gesloten. Café €", html: html)
        let m = try Message.parse(out.render())
        #expect(m.defects.isEmpty)
        #expect(m.body.contentType.mimeType == "multipart/alternative")
        #expect(m.body.parts.map(\.contentType.mimeType) == ["text/plain", "text/html"])
        #expect(m.body.parts.last?.decodedText() == html)
        #expect(m.text == out.text)
        #expect(m.attachments.isEmpty)
        #expect(m.auto == .autoGenerated)
        #expect(HTMLText.text(fromHTML: html) == "Beste Jan,\n\nUw melding is opgelost & gesloten. Café €")
    }

    @Test("round trip: a reply to the desk's mail keeps only the new text")
    func roundTripReply() throws {
        let out = OutgoingMessage(
            from: Address(name: "Jan de Vries", address: "jan@school.test"), to: [Self.desk],
            subject: "Re: [CS0001234] Printer", messageID: "<jan-2@school.test>", date: Self.date,
            inReplyTo: "<desk-1234-2@cloudwise.test>",
            text: "Het werkt weer.\n\nJan\n\nOp ma 30 nov 2026 om 10:00 schreef Servicedesk Cloudwise <\n"
                + "servicedesk@cloudwise.test>:\n\n> Beste Jan,\n> Is het opgelost?\n")
        let m = try Message.parse(out.render())
        #expect(m.replyText == "Het werkt weer.\n\nJan")
        #expect(m.inReplyTo == ["<desk-1234-2@cloudwise.test>"])
    }

    @Test("round trip: random subjects, names and texts")
    func roundTripRandom() throws {
        var rng = SplitMix64(seed: 0xC0FF_EE00)
        let pieces = [
            "a", "Z", "0", " ", "  ", "\t", "é", "€", "😀", "’", "=?", "?=", "=?utf-8?q?x?=", "_", "\"", "\\", ",", ";",
            "<", ">", "(", ")", ":", "@", ".", "-", "From ", "=", "=20", "Café", "\u{1}", "\u{7F}", "CS0001234",
        ]
        let textPieces = pieces + ["\n", "\r\n", "\r", "> ", "-- ", "\n.\n"]
        func random(_ from: [String], _ count: Int) -> String {
            (0..<count).map { _ in from[Int.random(in: 0..<from.count, using: &rng)] }.joined()
        }
        for _ in 0..<300 {
            let subject = random(pieces, Int.random(in: 0..<40, using: &rng))
            let name = random(pieces, Int.random(in: 0..<12, using: &rng))
            let text = random(textPieces, Int.random(in: 0..<80, using: &rng))
            let out = OutgoingMessage(
                from: Address(name: name, address: "a@school.test"), to: [Address(address: "b@school.test")],
                subject: subject, messageID: "<r@school.test>", date: Self.date, text: text)
            let m = try Message.parse(out.render())
            #expect(m.subject == ASCII.sanitizeHeaderText(subject).0, "subject \(subject.debugDescription)")
            let cleanName = ASCII.sanitizeHeaderText(name).0
            #expect(m.from == [Address(name: cleanName.isEmpty ? nil : cleanName, address: "a@school.test")])
            var expected = Message.normalizeNewlines(text).trimmingTrailingWhitespace()
            while expected.hasPrefix("\n") { expected.removeFirst() }
            #expect(m.text == expected, "text \(text.debugDescription)")
        }
    }
}
