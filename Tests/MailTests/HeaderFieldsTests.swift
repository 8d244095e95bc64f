import Testing

@testable import Mail

@Suite("RFC 5322 §2.2 header fields")
struct HeaderFieldsTests {
    func parse(_ s: String, policy: ParsePolicy = .default) throws -> (HeaderFields, Int, [MailDefect]) {
        var defects: [MailDefect] = []
        let bytes = Array(s.utf8)
        let (h, start) = try HeaderFields.parse(
            bytes, in: 0..<bytes.count, policy: policy, topLevel: true, defects: &defects)
        return (h, start, defects)
    }

    @Test("unfolding, CRLF and bare LF, case-insensitive lookup, order kept")
    func unfold() throws {
        let (h, start, d) = try parse("Subject: een\r\n  twee\r\n\tdrie\r\nX-A: 1\nx-a: 2\n\nbody")
        #expect(h["subject"] == "een  twee\tdrie")
        #expect(h.values("X-A") == ["1", "2"])
        #expect(h.count == 3)
        #expect(h[0].name == "Subject")
        #expect(h.first(.subject)?.rawValue.count == " een\r\n  twee\r\n\tdrie".utf8.count)
        #expect(start == "Subject: een\r\n  twee\r\n\tdrie\r\nX-A: 1\nx-a: 2\n\n".utf8.count)
        #expect(d.isEmpty)
    }

    @Test("obsolete white space before the colon, empty values")
    func obsolete() throws {
        let (h, _, _) = try parse("Subject : hoi\r\nX-Empty:\r\n\r\n")
        #expect(h["Subject"] == "hoi")
        #expect(h["x-empty"] == "")
    }

    @Test("a line without a colon ends the header with a defect")
    func missingSeparator() throws {
        let (h, start, d) = try parse("Subject: x\r\nThis is body text\r\nmore")
        #expect(h.count == 1)
        #expect(start == "Subject: x\r\n".utf8.count)
        #expect(d == [.missingHeaderBodySeparator])
    }

    @Test("a leading continuation line is reported; an mbox From line skipped")
    func leading() throws {
        let (h, _, d) = try parse(" oops\r\nSubject: x\r\n\r\n")
        #expect(h["subject"] == "x")
        #expect(d == [.firstHeaderLineIsContinuation])
        let (h2, _, d2) = try parse("From jan@x.test Mon Nov 29 10:00:00 2026\nSubject: y\n\n")
        #expect(h2["subject"] == "y")
        #expect(d2.isEmpty)
    }

    @Test("header only, no body")
    func headerOnly() throws {
        let (h, start, d) = try parse("Subject: x")
        #expect(h["subject"] == "x")
        #expect(start == 10)
        #expect(d.isEmpty)
    }

    @Test("decodedValue replaces control characters")
    func decoded() throws {
        let (h, _, _) = try parse("Subject: =?utf-8?q?a=0D=0ABcc:_x?=\r\n\r\n")
        #expect(h.first(.subject)?.decodedValue == "a Bcc: x")
    }

    @Test("a header section over maxHeaderBytes throws")
    func limit() throws {
        var p = ParsePolicy()
        p.maxHeaderBytes = 100
        #expect(throws: MailError(.maxHeaderBytes, limit: 100)) {
            try parse("X-Long: " + String(repeating: "a", count: 200) + "\r\n\r\nbody", policy: p)
        }
        #expect(throws: MailError(.maxHeaderBytes, limit: 100)) {
            try parse(String(repeating: "X: y\r\n", count: 40) + "\r\nbody", policy: p)
        }
        #expect(try parse("X: y\r\n\r\n" + String(repeating: "b", count: 500), policy: p).0.count == 1)
    }
}
