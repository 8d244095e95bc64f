import Foundation
@testable import Gateway
import Store
import Testing
import Transport

/// An in-memory mailbox: the gateway's loop without a server, for the pure paths. The same paths run
/// against the real Dovecot and Postfix in IntegrationTests.
final class MemorySource: MailSource {
    var mails: [Int64: [UInt8]] = [:]
    var processed: [Int64] = []
    var quarantined: [Int64] = []
    var uidValidity: Int64 = 1
    var failFetch: Set<Int64> = []
    let key = "memory/INBOX"

    func add(_ raw: String) { mails[(mails.keys.max() ?? 0) + 1 + Int64(processed.count + quarantined.count)] = Array(raw.utf8) }
    func open() throws -> Int64 { uidValidity }
    func pending(limit: Int) throws -> [IMAPResponse.Listing] {
        mails.keys.sorted().prefix(limit).map { IMAPResponse.Listing(uid: $0, size: mails[$0]!.count, flags: []) }
    }
    func fetch(uid: Int64, uidValidity: Int64, limit: Int) throws -> [UInt8] {
        if failFetch.contains(uid) { throw TransportError(kind: .connect, message: "connection lost") }
        guard let raw = mails[uid] else { throw TransportError(kind: .notFound, message: "no UID \(uid)") }
        return raw
    }
    func settle(processed: [Int64], quarantined: [Int64]) throws {
        for uid in processed { mails[uid] = nil; self.processed.append(uid) }
        for uid in quarantined { mails[uid] = nil; self.quarantined.append(uid) }
    }
}

final class RecordingSink: MailSink {
    var sent: [(from: String, to: [String], raw: String)] = []
    var failures: [TransportError] = []
    func send(mailFrom: String, recipients: [String], message: [UInt8]) throws {
        if let failure = failures.first {
            failures.removeFirst()
            throw failure
        }
        sent.append((mailFrom, recipients, String(decoding: message, as: UTF8.self)))
    }
}

func makeGateway(now: Date = Date(timeIntervalSince1970: 1_796_000_000)) throws -> Gateway {
    var config = Config()
    config.templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("templates").path
    config.database = FileManager.default.temporaryDirectory.appendingPathComponent("gw-\(UUID().uuidString).sqlite").path
    config.from = "Servicedesk <info@cloudwise.test>"
    let store = try DeskStore(path: config.database, now: { now })
    return try Gateway(config: config, store: store, log: Log(minimum: .error), now: { now })
}

func mail(from: String = "alice@school.test", subject: String = "Printer stuk", id: String? = nil,
          inReplyTo: String? = nil, extra: String = "", body: String = "De printer doet het niet.") -> String {
    var text = "From: Alice <\(from)>\r\nTo: info@cloudwise.test\r\nSubject: \(subject)\r\n"
    text += "Date: Mon, 30 Nov 2026 09:00:00 +0100\r\n"
    if let id { text += "Message-ID: \(id)\r\n" }
    if let inReplyTo { text += "In-Reply-To: \(inReplyTo)\r\n" }
    return text + extra + "\r\n" + body + "\r\n"
}

@Suite("Gateway loop")
struct GatewayLoopTests {
    @Test("R-CASE-1 R-CASE-2 a new mail becomes a case and one threaded confirmation")
    func newCase() throws {
        let gateway = try makeGateway()
        let source = MemorySource(), sink = RecordingSink()
        source.add(mail(id: "<a1@school.test>"))
        let report = try gateway.poll(source, sink: sink)
        #expect(report.cases == 1 && report.sent == 1)
        #expect(source.processed == [1])
        let confirmation = try #require(sink.sent.first)
        #expect(confirmation.to == ["alice@school.test"])
        #expect(confirmation.from == "info@cloudwise.test")
        #expect(confirmation.raw.contains("Subject: [CS0000001] Uw melding is geregistreerd: Printer stuk"))
        #expect(confirmation.raw.contains("In-Reply-To: <a1@school.test>"))
        #expect(confirmation.raw.contains("Auto-Submitted: auto-replied"))
        #expect(!confirmation.raw.contains("\n\n") || confirmation.raw.contains("\r\n\r\n"))
    }

    @Test("R-CASE-3 a subject tag or a reply to the confirmation joins the case")
    func followUps() throws {
        let gateway = try makeGateway()
        let source = MemorySource(), sink = RecordingSink()
        source.add(mail(id: "<a1@school.test>"))
        _ = try gateway.poll(source, sink: sink)
        let confirmationID = try #require(sink.sent.first?.raw.split(separator: "\r\n")
            .first { $0.hasPrefix("Message-ID: ") }?.dropFirst(12))
        source.add(mail(subject: "Re: [CS0000001] Uw melding", id: "<a2@school.test>"))
        source.add(mail(subject: "Re: printer", id: "<a3@school.test>", inReplyTo: String(confirmationID)))
        let report = try gateway.poll(source, sink: sink)
        #expect(report.followUps == 2 && report.cases == 0)
        #expect(try gateway.store.caseCount() == 1)
        #expect(sink.sent.count == 1, "follow-ups are not confirmed again")
    }

    @Test("R-CASE-3 a Cc'd colleague's reply-all joins; a non-participant or a forward opens a new linked case")
    func participants() throws {
        let gateway = try makeGateway()
        let source = MemorySource(), sink = RecordingSink()
        source.add(mail(id: "<a1@school.test>", extra: "Cc: Carla <carla@school.test>\r\n"))
        _ = try gateway.poll(source, sink: sink)
        source.add(mail(from: "carla@school.test", subject: "Re: [CS0000001] Uw melding", id: "<c1@school.test>"))
        source.add(mail(from: "bob@school.test", subject: "Re: [CS0000001] Uw melding", id: "<b1@school.test>"))
        source.add(mail(subject: "Fwd: [CS0000001] Uw melding", id: "<a4@school.test>"))
        let report = try gateway.poll(source, sink: sink)
        #expect(report.followUps == 1, "Carla, a watcher, joins the case")
        #expect(report.cases == 2, "Bob's mail and the forward open new cases")
        let linked = try gateway.store.listCases().filter { $0.linkedCaseID != nil }
        #expect(linked.map(\.requester) == ["bob@school.test", "alice@school.test"])
        #expect(linked.allSatisfy { $0.linkedCaseID == 1 })
    }

    @Test("Exactly once: the same mail again (a second delivery) is a duplicate, not a case")
    func duplicate() throws {
        let gateway = try makeGateway()
        let source = MemorySource(), sink = RecordingSink()
        source.add(mail(id: "<same@school.test>"))
        source.add(mail(id: "<same@school.test>"))
        let report = try gateway.poll(source, sink: sink)
        #expect(report.cases == 1 && report.duplicates == 1)
        #expect(sink.sent.count == 1)
        #expect(source.processed.count == 2)
    }

    @Test("A mail committed before a crash but not moved is settled, not processed again")
    func resettle() throws {
        let gateway = try makeGateway()
        let source = MemorySource(), sink = RecordingSink()
        source.add(mail(id: "<a1@school.test>"))
        // The crash: the transaction committed, the move never happened.
        _ = try gateway.store.transaction { try gateway.intake(Array(source.mails[1]!), ledger: (source.key, 1, 1)) }
        let report = try gateway.poll(source, sink: sink)
        #expect(report.resettled == 1 && report.cases == 0)
        #expect(try gateway.store.caseCount() == 1)
        #expect(sink.sent.count == 1, "the queued confirmation is sent once")
        #expect(source.processed == [1])
    }

    @Test("RFC 3834 auto-replies and bounces never open a case and are never answered")
    func automatic() throws {
        let gateway = try makeGateway()
        let source = MemorySource(), sink = RecordingSink()
        source.add(mail(from: "ooo@example.test", subject: "Out of office", id: "<v1@x>",
                        extra: "Auto-Submitted: auto-replied (vacation)\r\nPrecedence: bulk\r\n"))
        source.add(mail(from: "MAILER-DAEMON@mail.example.test", subject: "Undelivered Mail Returned to Sender", id: "<d1@x>",
                        extra: "Return-Path: <>\r\nAuto-Submitted: auto-replied\r\n"))
        source.add(mail(from: "news@vendor.test", subject: "Nieuwsbrief", id: "<n1@x>", extra: "List-Id: <news.vendor.test>\r\n"))
        let report = try gateway.poll(source, sink: sink)
        #expect(report.cases == 0 && report.automatic == 3)
        #expect(sink.sent.isEmpty)
        #expect(source.processed.count == 3)
    }

    @Test("The desk's own mail coming back is never a case")
    func ownMail() throws {
        let gateway = try makeGateway()
        let source = MemorySource(), sink = RecordingSink()
        source.add(mail(from: "info@cloudwise.test", subject: "[CS0000009] Uw melding", id: "<own@cloudwise.test>"))
        let report = try gateway.poll(source, sink: sink)
        #expect(report.cases == 0 && sink.sent.isEmpty)
    }

    @Test("A mail without a sender goes to Quarantine with a reason; the next one is processed")
    func quarantine() throws {
        let gateway = try makeGateway()
        let source = MemorySource(), sink = RecordingSink()
        source.add("\u{1}\u{2}no headers at all\r\n")
        source.add(mail(id: "<after@school.test>"))
        let report = try gateway.poll(source, sink: sink)
        #expect(report.quarantined == 1 && report.cases == 1)
        #expect(source.quarantined == [1] && source.processed == [2])
        let entry = try #require(try gateway.store.quarantined().first)
        #expect(entry.reason?.contains("sender") == true)
    }

    @Test("A mail over the size limit is quarantined without being fetched")
    func oversized() throws {
        var config = Config()
        config.templates = try makeGateway().config.templates
        config.database = FileManager.default.temporaryDirectory.appendingPathComponent("gw-\(UUID().uuidString).sqlite").path
        config.maxMessageBytes = 100
        let gateway = try Gateway(config: config, store: try DeskStore(path: config.database), log: Log(minimum: .error))
        let source = MemorySource(), sink = RecordingSink()
        source.add(mail(id: "<big@school.test>", body: String(repeating: "x", count: 500)))
        source.failFetch = [1]
        let report = try gateway.poll(source, sink: sink)
        #expect(report.quarantined == 1)
        #expect(try gateway.store.quarantined().first?.reason?.contains("exceeds") == true)
    }

    @Test("A temporary SMTP failure keeps the confirmation for a retry; a 550 ends it as failed")
    func sendFailures() throws {
        var clock = Date(timeIntervalSince1970: 1_796_000_000)
        var config = Config()
        config.templates = try makeGateway().config.templates
        config.database = FileManager.default.temporaryDirectory.appendingPathComponent("gw-\(UUID().uuidString).sqlite").path
        let store = try DeskStore(path: config.database, now: { clock })
        let gateway = try Gateway(config: config, store: store, log: Log(minimum: .error), now: { clock })
        let source = MemorySource(), sink = RecordingSink()
        sink.failures = [TransportError(kind: .reply, message: "451", replyCode: 451)]
        source.add(mail(id: "<a1@school.test>"))
        var report = try gateway.poll(source, sink: sink)
        #expect(report.sendFailures == 1 && sink.sent.isEmpty)
        #expect(try store.outboxCounts() == ["pending": 1])
        clock = clock.addingTimeInterval(3600)
        report = try gateway.poll(source, sink: sink)
        #expect(report.sent == 1)
        sink.failures = [TransportError(kind: .reply, message: "550", replyCode: 550)]
        source.add(mail(from: "gone@school.test", id: "<g1@school.test>"))
        report = try gateway.poll(source, sink: sink)
        #expect(try store.outboxCounts() == ["sent": 1, "failed": 1])
    }

    @Test("A subject with CR/LF cannot add a header to the confirmation")
    func headerInjection() throws {
        let gateway = try makeGateway()
        let source = MemorySource(), sink = RecordingSink()
        source.add(mail(subject: "=?utf-8?q?Hallo=0D=0ABcc:_evil@example.test?=", id: "<inj@school.test>"))
        _ = try gateway.poll(source, sink: sink)
        let raw = try #require(sink.sent.first?.raw)
        let headerBlock = raw.components(separatedBy: "\r\n\r\n")[0]
        #expect(!headerBlock.split(separator: "\r\n").contains { $0.lowercased().hasPrefix("bcc:") })
    }
}

@Suite("Attachments")
struct AttachmentTests {
    private func mailWithAttachments(_ files: [(String, Int)]) -> String {
        var text = "From: Alice <alice@school.test>\r\nTo: info@cloudwise.test\r\nSubject: Scans\r\n"
        text += "Message-ID: <att-\(UUID().uuidString)@school.test>\r\nMIME-Version: 1.0\r\n"
        text += "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nZie bijlagen.\r\n"
        for (name, size) in files {
            let data = Data((0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31) }).base64EncodedString(options: .lineLength76Characters)
            text += "--b\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename=\"\(name)\"\r\n"
            text += "Content-Transfer-Encoding: base64\r\n\r\n\(data.replacingOccurrences(of: "\n", with: "\r\n"))\r\n"
        }
        return text + "--b--\r\n"
    }

    @Test("Attachments are stored by SHA-256; one over the per-mail limit is refused and the requester is told")
    func perMailLimit() throws {
        var config = try makeGateway().config
        config.database = FileManager.default.temporaryDirectory.appendingPathComponent("att-\(UUID().uuidString).sqlite").path
        config.maxAttachmentBytes = 3000
        let gateway = try Gateway(config: config, store: try DeskStore(path: config.database), log: Log(minimum: .error))
        let source = MemorySource(), sink = RecordingSink()
        source.add(mailWithAttachments([("scan1.pdf", 2000), ("scan2.pdf", 2000), ("klein.pdf", 500)]))
        let report = try gateway.poll(source, sink: sink)
        #expect(report.cases == 1, "the case is opened all the same")
        let rows = try gateway.store.db.query("SELECT filename, stored, sha256 FROM attachments ORDER BY id")
        #expect(rows.map { $0.string(0) } == ["scan1.pdf", "scan2.pdf", "klein.pdf"])
        #expect(rows.map { $0.int(1) } == [1, 0, 1])
        let hash = try #require(rows.first?.string(2))
        #expect(gateway.attachments.get(sha256: hash)?.count == 2000)
        let confirmation = try #require(sink.sent.first?.raw)
        #expect(confirmation.contains("scan2.pdf"))
        #expect(!confirmation.contains("scan1.pdf"))
        #expect(confirmation.contains("niet aangenomen"))
    }

    @Test("Without refused attachments the confirmation has no notice and no empty hole")
    func noNotice() throws {
        let gateway = try makeGateway()
        let source = MemorySource(), sink = RecordingSink()
        source.add(mailWithAttachments([("a.pdf", 100)]))
        _ = try gateway.poll(source, sink: sink)
        let confirmation = try #require(sink.sent.first?.raw)
        #expect(!confirmation.contains("niet aangenomen"))
        #expect(!confirmation.contains("\r\n\r\n\r\n"))
    }
}

@Suite("Bounces")
struct BounceTests {
    @Test("RFC 3464 a bounce of a confirmation is recorded against the reported address and the case, never a case")
    func bounceRecorded() throws {
        let gateway = try makeGateway()
        let source = MemorySource(), sink = RecordingSink()
        source.add(mail(from: "gone@school.test", id: "<g1@school.test>"))
        _ = try gateway.poll(source, sink: sink)
        let confirmationID = try #require(sink.sent.first?.raw.split(separator: "\r\n")
            .first { $0.hasPrefix("Message-ID: ") }?.dropFirst(12))
        source.add("""
            Return-Path: <>\r
            From: Mail Delivery System <MAILER-DAEMON@mail.example.test>\r
            To: info@cloudwise.test\r
            Subject: Undelivered Mail Returned to Sender\r
            Auto-Submitted: auto-replied\r
            Message-ID: <dsn1@mail.example.test>\r
            MIME-Version: 1.0\r
            Content-Type: multipart/report; report-type=delivery-status; boundary="b"\r
            \r
            --b\r
            Content-Type: text/plain\r
            \r
            I'm sorry to have to inform you that your message could not be delivered.\r
            --b\r
            Content-Type: message/delivery-status\r
            \r
            Reporting-MTA: dns; mail.example.test\r
            \r
            Final-Recipient: rfc822; gone@school.test\r
            Action: failed\r
            Status: 5.1.1\r
            Diagnostic-Code: smtp; 550 5.1.1 User unknown\r
            --b\r
            Content-Type: text/rfc822-headers\r
            \r
            Message-ID: \(confirmationID)\r
            Subject: [CS0000001] Uw melding is geregistreerd\r
            --b--\r

            """)
        let report = try gateway.poll(source, sink: sink)
        #expect(report.cases == 0 && report.automatic == 1)
        #expect(sink.sent.count == 1, "the bounce is not answered")
        let counts = try gateway.store.bounceCounts()
        #expect(counts.first?.address == "gone@school.test")
        #expect(counts.first?.lastStatus == "5.1.1")
        let row = try gateway.store.db.first("SELECT case_id FROM bounces")
        #expect(row?.int(0) == 1)
    }
}
