import Foundation
import Testing

extension Integration {
@Suite("dapgate run on the real mail stack")
struct RunLoopTests {
    /// `dapgate run` keeps one IMAP and one SMTP connection open across polls, picks up mail that arrives
    /// while it runs, and on SIGTERM finishes the mail at hand and exits 0 (DESIGN.md).
    @Test("R-CASE-1 run picks up mail as it arrives and exits 0 on SIGTERM")
    func runAndTerminate() throws {
        try MailStack.reset()
        var gateway = try DapgateBinary()
        gateway.environment["DAPGATE_POLL_INTERVAL"] = "0.2"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: gateway.path)
        process.arguments = ["run"]
        process.environment = gateway.environment
        let errors = try temporaryFile("run-stderr")
        process.standardError = try FileHandle(forWritingTo: errors)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

        for round in 1...3 {
            try Client.send(from: "alice@school.test", to: [MailStack.desk], raw: customerMail(
                from: "alice@school.test", name: "Alice", subject: "Ronde \(round)", body: "Tekst",
                messageID: "<run-\(round)-\(UUID().uuidString)@school.test>"))
            // Each mail is confirmed while the gateway keeps running: no restart between rounds.
            try Client.waitFor("alice@school.test", count: round, timeout: 30)
        }
        #expect(process.isRunning)
        kill(process.processIdentifier, SIGTERM)
        let deadline = Date().addingTimeInterval(15)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        try #require(!process.isRunning, "dapgate run did not stop within 15 s of SIGTERM")
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
        #expect(try gateway.cases().count == 3)
        let log = try String(contentsOf: errors, encoding: .utf8)
        #expect(log.contains("run.stop"), "\(log)")
    }
}
}
