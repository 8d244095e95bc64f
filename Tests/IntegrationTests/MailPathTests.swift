import Foundation
import Store
import Testing

/// The whole path on the real Dovecot and Postfix: a mail in, a case out, a confirmation back.
/// Serialized: every test resets the one local stack.
extension Integration {
@Suite("Mail path on the real mail stack")
struct MailPathTests {
    /// 50 mails from 50 senders → 50 cases and 50 confirmations, each read back from the sender's own
    /// mailbox over IMAP with the right case number; a reply to one confirmation joins its case (DAP R-CASE-1,
    /// R-CASE-2, R-CASE-3); a second poll changes nothing.
    @Test("R-CASE-2 50 mails become 50 cases with 50 threaded confirmations; a reply joins its case")
    func fiftyMailsFiftyCases() throws {
        try MailStack.reset()
        let senders = (1...50).map { String(format: "user%02d@school.test", $0) }
        try MailStack.addUsers(senders)
        var sentIDs: [String: String] = [:]
        for (index, sender) in senders.enumerated() {
            let id = "<m\(index)-\(UUID().uuidString)@school.test>"
            sentIDs[sender] = id
            try Client.send(from: sender, to: [MailStack.desk], raw: customerMail(
                from: sender, name: "Gebruiker \(index + 1)", subject: "Printer \(index + 1) doet het niet",
                body: "De printer in lokaal \(index + 1) geeft een foutmelding.", messageID: id))
        }
        try Client.waitFor(MailStack.desk, count: 50)

        let gateway = try DapgateBinary()
        let poll = try gateway.run(["poll", "--once"])
        #expect(poll.status == 0, "poll failed: \(poll.stderr)")

        let cases = try gateway.cases()
        #expect(cases.count == 50)
        let numbers = Set(cases.compactMap { $0["number"] as? String })
        #expect(numbers == Set((1...50).map { String(format: "CS%07d", $0) }), "numbered without gaps")
        var caseOf: [String: String] = [:]
        for object in cases {
            if let requester = object["requester"] as? String, let number = object["number"] as? String {
                caseOf[requester] = number
            }
        }

        // Each sender's own mailbox, over IMAP: one confirmation with their case number, threaded to their mail.
        var confirmationOf: [String: String] = [:]
        for sender in senders {
            let uids = try Client.waitFor(sender, count: 1)
            #expect(uids.count == 1, "\(sender) got \(uids.count) mails")
            let raw = try Client.fetch(sender, uid: uids[0])
            let number = try #require(caseOf[sender])
            let subject = header("Subject", in: raw) ?? ""
            #expect(subject.contains("[\(number)]"), "\(sender): subject \(subject) lacks [\(number)]")
            #expect(header("In-Reply-To", in: raw) == sentIDs[sender])
            #expect(header("Auto-Submitted", in: raw) == "auto-replied")
            #expect(raw.contains(number))
            confirmationOf[sender] = header("Message-ID", in: raw)
        }
        #expect(try Client.uids(MailStack.desk).isEmpty, "INBOX is empty after the poll")
        #expect(try Client.uids(MailStack.desk, mailbox: "Processed").count == 50)

        // A reply to the confirmation of user07 lands in user07's case (DAP R-CASE-3).
        let replier = "user07@school.test"
        let confirmationID = try #require(confirmationOf[replier])
        try Client.send(from: replier, to: [MailStack.desk], raw: customerMail(
            from: replier, name: "Gebruiker 7", subject: "Re: [\(caseOf[replier]!)] Uw melding is geregistreerd",
            body: "Hij doet het nu helemaal niet meer.", messageID: "<reply-\(UUID().uuidString)@school.test>",
            inReplyTo: confirmationID))
        try Client.waitFor(MailStack.desk, count: 1)
        #expect(try gateway.run(["poll", "--once"]).status == 0)
        #expect(try gateway.cases().count == 50, "the reply opened no new case")
        let shown = try gateway.show(caseOf[replier]!)
        let inbound = (shown["messages"] as? [[String: Any]] ?? []).filter { $0["direction"] as? String == "in" }
        #expect(inbound.count == 2)
        #expect(try Client.uids(replier).count == 1, "a follow-up is not confirmed again")

        // Exactly once: another poll changes nothing.
        let again = try gateway.run(["poll", "--once"])
        #expect(again.status == 0)
        #expect(try gateway.cases().count == 50)
        #expect(try Client.uids(MailStack.desk, mailbox: "Processed").count == 51)
        for sender in senders { #expect(try Client.uids(sender).count == 1) }
    }

    /// SIGKILL part-way through a batch, then a restart: every mail in exactly one case and in Processed,
    /// and every mail confirmed once.
    @Test("R-CASE-2 a gateway killed mid-batch resumes: every mail once, every confirmation once")
    func killedMidBatch() throws {
        try MailStack.reset()
        let senders = (1...20).map { String(format: "kill%02d@school.test", $0) }
        try MailStack.addUsers(senders)
        let total = 200
        var ids: Set<String> = []
        for index in 0..<total {
            let sender = senders[index % senders.count]
            let id = "<k\(index)-\(UUID().uuidString)@school.test>"
            ids.insert(id)
            try Client.send(from: sender, to: [MailStack.desk], raw: customerMail(
                from: sender, name: "Docent", subject: "Melding \(index)", body: "Tekst \(index)", messageID: id))
        }
        try Client.waitFor(MailStack.desk, count: total)

        var gateway = try DapgateBinary()
        gateway.environment["DAPGATE_BATCH_SIZE"] = "25"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: gateway.path)
        process.arguments = ["poll", "--once"]
        process.environment = gateway.environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Kill it once some, but not all, mails are in: reading its database directly (WAL lets a reader in
        // while it writes) to catch it mid-batch, between or inside transactions.
        let deadline = Date().addingTimeInterval(120)
        var database: Database?
        while process.isRunning, Date() < deadline {
            if database == nil, FileManager.default.fileExists(atPath: gateway.database) {
                database = try? Database(path: gateway.database)
            }
            let count = (try? database?.first("SELECT count(*) FROM cases")?.int(0)) ?? 0
            if count >= 30 { break }
            Thread.sleep(forTimeInterval: 0.002)
        }
        let killedWhileRunning = process.isRunning
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(killedWhileRunning, "the gateway finished before it could be killed; the test proves nothing")
        let casesAtKill = try gateway.cases().count
        #expect(casesAtKill < total)

        let resumed = try gateway.run(["poll", "--once"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let cases = try gateway.cases()
        #expect(cases.count == total)
        #expect(Set(cases.compactMap { $0["number"] as? String }).count == total)
        #expect(try Client.uids(MailStack.desk).isEmpty)
        #expect(try Client.uids(MailStack.desk, mailbox: "Processed").count == total)

        // Every mail confirmed exactly once: the confirmations' In-Reply-To are the sent ids, each once.
        var confirmed: [String] = []
        for sender in senders {
            let uids = try Client.waitFor(sender, count: total / senders.count, timeout: 60)
            for uid in uids { confirmed.append(header("In-Reply-To", in: try Client.fetch(sender, uid: uid)) ?? "") }
        }
        #expect(confirmed.count == total, "confirmations: \(confirmed.count) for \(total) mails")
        #expect(Set(confirmed) == ids)
    }

    /// A mail the parser cannot make sense of goes to Quarantine with a logged reason; the mails after it
    /// are still processed.
    @Test("A mail without a usable sender or over the header limit goes to Quarantine; the rest is processed")
    func quarantine() throws {
        try MailStack.reset()
        let sender = "alice@school.test"
        try Client.send(from: sender, to: [MailStack.desk], raw: customerMail(
            from: sender, name: "Alice", subject: "Eerste", body: "een", messageID: "<q1@school.test>"))
        // No From, no headers a parser can use: binary noise.
        try Client.send(from: "noise@school.test", to: [MailStack.desk],
                        raw: "\u{1}\u{2}garbage without any header\r\n\u{7f}\u{7f}\r\n")
        // A header block far over the limit (RFC 5322 §2.1.1 lines, but 400 KB of them).
        let hugeHeader = (0..<4000).map { "X-Filler-\($0): " + String(repeating: "x", count: 90) }.joined(separator: "\r\n")
        try Client.send(from: sender, to: [MailStack.desk], raw: "From: Alice <\(sender)>\r\n\(hugeHeader)\r\nSubject: groot\r\n\r\nbody\r\n")
        try Client.send(from: sender, to: [MailStack.desk], raw: customerMail(
            from: sender, name: "Alice", subject: "Tweede", body: "twee", messageID: "<q2@school.test>"))
        try Client.waitFor(MailStack.desk, count: 4)

        let gateway = try DapgateBinary()
        let poll = try gateway.run(["poll", "--once"])
        #expect(poll.status == 0, "\(poll.stderr)")
        #expect(poll.stderr.contains("mail.quarantine"), "the reason is logged: \(poll.stderr)")
        let cases = try gateway.cases()
        #expect(cases.map { $0["subject"] as? String } == ["Eerste", "Tweede"])
        #expect(try Client.uids(MailStack.desk, mailbox: "Quarantine").count == 2)
        #expect(try Client.uids(MailStack.desk, mailbox: "Processed").count == 2)
        #expect(try Client.uids(MailStack.desk).isEmpty)

        let listed = try gateway.run(["quarantine", "--json"])
        let entries = try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(entries.count == 2)
        let reasons = entries.compactMap { $0["reason"] as? String }
        #expect(reasons.contains { $0.contains("sender") })
        #expect(reasons.contains { $0.contains("header") })
        #expect(try Client.uids(sender).count == 2, "both good mails confirmed")
    }
}
}
