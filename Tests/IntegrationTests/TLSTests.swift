import Foundation
import Testing

/// The same path over TLS: `imaps://` and SMTP STARTTLS (and `smtps://`) against the stack's self-signed
/// certificate given as CA file; without the CA file, a clear TLS error and nothing processed.
extension Integration {
@Suite("TLS to the real mail stack")
struct TLSTests {
    private func oneMail(subject: String) throws {
        try MailStack.reset()
        try Client.send(from: "teacher@school.test", to: [MailStack.desk], raw: customerMail(
            from: "teacher@school.test", name: "Docent", subject: subject, body: "Tekst",
            messageID: "<tls-\(UUID().uuidString)@school.test>"))
        try Client.waitFor(MailStack.desk, count: 1)
    }

    @Test("imaps:// and SMTP STARTTLS with AUTH on 2587 work with the CA file",
          arguments: [("imaps://127.0.0.1:1993/INBOX", MailStack.submission),
                      ("imap://127.0.0.1:1143/INBOX", MailStack.smtps)])
    func tlsPathWorks(imapURL: String, smtpURL: String) throws {
        try oneMail(subject: "TLS \(smtpURL)")
        let gateway = try DapgateBinary(imapURL: imapURL, smtpURL: smtpURL)
        let poll = try gateway.run(["poll", "--once"])
        #expect(poll.status == 0, "\(poll.stderr)")
        #expect(try gateway.cases().count == 1)
        let uids = try Client.waitFor("teacher@school.test", count: 1)
        let raw = try Client.fetch("teacher@school.test", uid: uids[0])
        #expect(header("Subject", in: raw)?.contains("[CS0000001]") == true)
        // Postfix logs the TLS session of the submission: proof the mail went over TLS with AUTH.
        let log = (try? String(contentsOfFile: "\(MailStack.dir)/log/postfix.log", encoding: .utf8)) ?? ""
        #expect(log.contains("sasl_username=info@cloudwise.test"))
    }

    @Test("Without the CA file imaps:// fails with a clear TLS error and nothing is processed")
    func imapsWithoutCAFails() throws {
        try oneMail(subject: "geen CA")
        let gateway = try DapgateBinary(caFile: nil)
        let poll = try gateway.run(["poll", "--once"])
        #expect(poll.status == 1)
        let line = poll.stderr.split(separator: "\n").last.map(String.init) ?? ""
        #expect(line.contains("tls error"), "stderr: \(poll.stderr)")
        #expect(line.lowercased().contains("certificate"), "stderr: \(poll.stderr)")
        #expect(try Client.uids(MailStack.desk).count == 1, "the mail is still waiting")
    }

    @Test("Without the CA file SMTP STARTTLS fails with a clear TLS error and the confirmation waits in the outbox")
    func startTLSWithoutCAFails() throws {
        try oneMail(subject: "geen CA voor SMTP")
        // IMAP over plain loopback 1143 without STARTTLS, so only SMTP lacks the CA.
        var gateway = try DapgateBinary(imapURL: "imap://127.0.0.1:1143/INBOX", caFile: nil)
        gateway.environment["DAPGATE_IMAP_STARTTLS"] = "never"
        let poll = try gateway.run(["poll", "--once"])
        #expect(poll.status == 0, "\(poll.stderr)")
        #expect(poll.stderr.contains("outbox.failed"))
        #expect(poll.stderr.contains("tls error"), "stderr: \(poll.stderr)")
        let outbox = try gateway.run(["outbox", "--json"])
        let rows = try JSONSerialization.jsonObject(with: Data(outbox.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(rows.count == 1)
        #expect(rows.first?["status"] as? String == "pending", "kept for a retry, not dropped")
        #expect(try Client.uids("teacher@school.test").isEmpty)
    }

    @Test("A wrong password is reported as an authentication error")
    func wrongPassword() throws {
        try oneMail(subject: "wachtwoord")
        var gateway = try DapgateBinary()
        gateway.environment["DAPGATE_IMAP_PASSWORD"] = "Wr0ngPa55-xyz"
        let poll = try gateway.run(["poll", "--once"])
        #expect(poll.status == 1)
        #expect(poll.stderr.contains("auth error"), "stderr: \(poll.stderr)")
        #expect(!poll.stderr.contains("Wr0ngPa55-xyz"), "the password never appears in output")
    }
}
}
