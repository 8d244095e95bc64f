import Foundation
import Testing

/// Integration tests run against the real Dovecot and Postfix of `scripts/mailstack`, only when
/// `DAPGATE_INTEGRATION=1` (the README's test command sets it after starting the stack).
let integrationEnabled = ProcessInfo.processInfo.environment["DAPGATE_INTEGRATION"] == "1"

/// The parent of every integration suite: `.serialized` runs them one at a time, because each test
/// resets the one local mail stack.
@Suite("Integration on the real mail stack", .serialized, .enabled(if: integrationEnabled))
struct Integration {}

/// The repository root (this file is Tests/IntegrationTests/Support.swift).
let repositoryRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// The outcome of a child process.
struct ProcessResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs a program to completion with a deadline, capturing its output.
@discardableResult
func runProcess(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                input: [UInt8]? = nil, timeout: TimeInterval = 120) throws -> ProcessResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let environment { process.environment = environment }
    let out = try temporaryFile("out"), err = try temporaryFile("err")
    // Closed explicitly when the program ends: thousands of runs must not pile up open descriptors in the
    // test process (Foundation's Process.run crashed once the test process held too many).
    var handles = [try FileHandle(forWritingTo: out), try FileHandle(forWritingTo: err)]
    defer { for handle in handles { try? handle.close() } }
    process.standardOutput = handles[0]
    process.standardError = handles[1]
    if let input {
        let inputFile = try temporaryFile("in")
        try Data(input).write(to: inputFile)
        handles.append(try FileHandle(forReadingFrom: inputFile))
        process.standardInput = handles[2]
    } else {
        process.standardInput = FileHandle.nullDevice
    }
    try process.run()
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning {
        if Date() > deadline {
            process.terminate()
            Thread.sleep(forTimeInterval: 0.5)
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            throw TestFailure("\(executable) \(arguments.joined(separator: " ")) did not finish in \(timeout) s")
        }
        Thread.sleep(forTimeInterval: 0.01)
    }
    return ProcessResult(status: process.terminationStatus,
                         stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
                         stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

let scratch: URL = {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("dapgate-tests-\(getpid())")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}()

func temporaryFile(_ name: String) throws -> URL {
    let url = scratch.appendingPathComponent("\(name)-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: url.path, contents: nil)
    return url
}

/// The local mail stack, as `scripts/mailstack` configures it.
enum MailStack {
    static let dir = ProcessInfo.processInfo.environment["MAILSTACK_DIR"] ?? "/tmp/mailstack"
    static let caFile = "\(dir)/tls/ca.pem"
    static let imap = "imap://127.0.0.1:1143"
    static let imaps = "imaps://127.0.0.1:1993"
    static let smtp = "smtp://127.0.0.1:2525"
    static let submission = "smtp://127.0.0.1:2587"
    static let smtps = "smtps://127.0.0.1:2465"
    static let desk = "info@cloudwise.test"
    static let password = "secret"
    static let script = repositoryRoot.appendingPathComponent("scripts/mailstack").path

    /// Empties every mailbox and the Postfix queue (MAILSTACK: new UIDVALIDITY, UIDs from 1).
    static func reset() throws {
        let result = try runProcess("/bin/bash", [script, "reset"])
        guard result.status == 0 else { throw TestFailure("mailstack reset failed: \(result.stderr)") }
    }

    static func addUsers(_ addresses: [String]) throws {
        let result = try runProcess("/bin/bash", [script, "adduser"] + addresses)
        guard result.status == 0 else { throw TestFailure("mailstack adduser failed: \(result.stderr)") }
    }
}

/// An ordinary mail client: the `curl` command line, as a customer's or an operator's tool would be.
enum Client {
    /// Submits one message over SMTP (port 2525, loopback relay) the way a mail client does.
    static func send(from: String, to: [String], raw: String) throws {
        var args = ["-sS", "--url", MailStack.smtp, "--mail-from", from, "-T", "-", "--crlf"]
        for recipient in to { args += ["--mail-rcpt", recipient] }
        let result = try runProcess("/usr/bin/curl", args, input: Array(raw.utf8), timeout: 30)
        guard result.status == 0 else { throw TestFailure("curl smtp send failed: \(result.stderr)") }
    }

    private static func imap(_ user: String, _ path: String, request: String? = nil) throws -> String {
        var args = ["-sS", "--cacert", MailStack.caFile, "-u", "\(user):\(MailStack.password)", "--url",
                    "\(MailStack.imaps)/\(path)"]
        if let request { args += ["-X", request] }
        let result = try runProcess("/usr/bin/curl", args, timeout: 30)
        guard result.status == 0 else { throw TestFailure("curl imap \(path) \(request ?? "") failed: \(result.stderr)") }
        return result.stdout
    }

    /// UIDs in a mailbox (`UID SEARCH ALL`).
    static func uids(_ user: String, mailbox: String = "INBOX") throws -> [Int] {
        let text = try imap(user, mailbox, request: "UID SEARCH ALL")
        return text.split(whereSeparator: \.isNewline).flatMap { line -> [Int] in
            guard line.hasPrefix("* SEARCH") else { return [] }
            return line.split(separator: " ").dropFirst(2).compactMap { Int($0) }
        }
    }

    static func fetch(_ user: String, uid: Int, mailbox: String = "INBOX") throws -> String {
        try imap(user, "\(mailbox);UID=\(uid)")
    }

    static func messages(_ user: String, mailbox: String = "INBOX") throws -> [String] {
        try uids(user, mailbox: mailbox).map { try fetch(user, uid: $0, mailbox: mailbox) }
    }

    /// Waits until `user`'s mailbox holds at least `count` messages.
    @discardableResult
    static func waitFor(_ user: String, count: Int, mailbox: String = "INBOX", timeout: TimeInterval = 60) throws
        -> [Int] {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let found = try uids(user, mailbox: mailbox)
            if found.count >= count { return found }
            if Date() > deadline {
                throw TestFailure("\(user)/\(mailbox): \(found.count) of \(count) messages after \(timeout) s")
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
    }
}

/// The value of one header in a raw message (first occurrence, unfolded).
func header(_ name: String, in raw: String) -> String? {
    let lines = raw.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
    var value: String?
    for line in lines {
        if line.isEmpty { break }
        if value != nil, line.first == " " || line.first == "\t" {
            value! += " " + line.trimmingCharacters(in: .whitespaces)
            continue
        }
        if value != nil { return value }
        if let colon = line.firstIndex(of: ":"), line[..<colon].lowercased() == name.lowercased() {
            value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
    }
    return value
}

/// A plain customer mail.
func customerMail(from: String, name: String, to: String = MailStack.desk, subject: String, body: String,
                  messageID: String, inReplyTo: String? = nil) -> String {
    var lines = [
        "From: \(name) <\(from)>",
        "To: Servicedesk <\(to)>",
        "Subject: \(subject)",
        "Date: Sun, 29 Nov 2026 10:00:00 +0100",
        "Message-ID: \(messageID)",
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=utf-8",
        "Content-Transfer-Encoding: 8bit",
    ]
    if let inReplyTo { lines += ["In-Reply-To: \(inReplyTo)", "References: \(inReplyTo)"] }
    return lines.joined(separator: "\r\n") + "\r\n\r\n" + body + "\r\n"
}

/// The built `dapgate` executable next to the test bundle, with a fresh database per instance.
struct DapgateBinary {
    let path: String
    let database: String
    var environment: [String: String]

    init(imapURL: String = "\(MailStack.imaps)/INBOX", smtpURL: String = MailStack.submission,
         smtpUser: String? = MailStack.desk, caFile: String? = MailStack.caFile) throws {
        let candidates: [String?] = [
            ProcessInfo.processInfo.environment["DAPGATE_BIN"],
            Bundle.main.bundleURL.appendingPathComponent("dapgate").path,
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("dapgate").path,
            repositoryRoot.appendingPathComponent(".build/debug/dapgate").path,
        ]
        let paths = candidates.compactMap { $0 }
        guard let found = paths.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw TestFailure("dapgate binary not found (tried \(paths)); run `swift build` first")
        }
        path = found
        database = try temporaryFile("db").path + ".sqlite"
        var env = ProcessInfo.processInfo.environment
        env["DAPGATE_IMAP_URL"] = imapURL
        env["DAPGATE_IMAP_USER"] = MailStack.desk
        env["DAPGATE_IMAP_PASSWORD"] = MailStack.password
        env["DAPGATE_SMTP_URL"] = smtpURL
        env["DAPGATE_SMTP_USER"] = smtpUser
        env["DAPGATE_SMTP_PASSWORD"] = smtpUser == nil ? nil : MailStack.password
        env["DAPGATE_FROM"] = "Servicedesk <\(MailStack.desk)>"
        env["DAPGATE_CA_FILE"] = caFile
        env["DAPGATE_DB"] = database
        env["DAPGATE_TEMPLATES"] = repositoryRoot.appendingPathComponent("templates").path
        env["DAPGATE_CONFIG"] = "/nonexistent/dapgate.conf"
        environment = env
    }

    @discardableResult
    func run(_ arguments: [String], timeout: TimeInterval = 300) throws -> ProcessResult {
        try runProcess(path, arguments, environment: environment, timeout: timeout)
    }

    /// `cases list --json` as objects.
    func cases() throws -> [[String: Any]] {
        let result = try run(["cases", "list", "--json"])
        guard result.status == 0 else { throw TestFailure("cases list failed: \(result.stderr)") }
        return (try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]) ?? []
    }

    func show(_ number: String) throws -> [String: Any] {
        let result = try run(["cases", "show", number, "--json"])
        guard result.status == 0 else { throw TestFailure("cases show failed: \(result.stderr)") }
        return (try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]) ?? [:]
    }
}

extension DapgateBinary {
    /// A gateway with the desk's queue, the shipped service catalog, and a small directory: one
    /// organisation on school.test with a stichting ICT contact (Sanne), a school ICT contact (Tom,
    /// teacher@) and a user (Alice) (DAP R-AUTH-1).
    static func withDirectory() throws -> DapgateBinary {
        var gateway = try DapgateBinary()
        gateway.environment["DAPGATE_CATALOG"] = repositoryRoot.appendingPathComponent("config/catalog.json").path
        gateway.environment["DAPGATE_QUEUE"] = "queue@cloudwise.test"
        let organisations = try temporaryFile("orgs.csv")
        try "name,domains,on_call,account_manager\nStichting Onderwijs Noord,school.test,no,\n"
            .write(to: organisations, atomically: true, encoding: .utf8)
        let contacts = try temporaryFile("contacts.csv")
        try """
            email,name,organisation,location,role
            sanne@school.test,Sanne Bakker,Stichting Onderwijs Noord,Bestuursbureau,stichting-ict
            teacher@school.test,Tom Jansen,Stichting Onderwijs Noord,OBS De Regenboog,school-ict
            alice@school.test,Alice de Vries,Stichting Onderwijs Noord,OBS De Regenboog,gebruiker

            """.write(to: contacts, atomically: true, encoding: .utf8)
        for arguments in [["organisations", "import", organisations.path], ["contacts", "import", contacts.path]] {
            let result = try gateway.run(arguments)
            guard result.status == 0 else { throw TestFailure("\(arguments[0]) import failed: \(result.stderr)") }
        }
        return gateway
    }
}
