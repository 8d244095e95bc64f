import Desk
import Foundation
import Mail
import Store
import Transport

/// A failure the user can act on: one line on stderr, exit code 1.
public struct CommandError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// Bad usage: the usage text on stderr, exit code 2.
public struct UsageError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// The command-line contract of DESIGN.md. `main.swift` only maps the result to an exit code.
public struct Commands {
    public var arguments: [String]
    public var environment: [String: String]
    public var output: (String) -> Void = { print($0) }
    public var stop: () -> Bool = { false }

    public init(arguments: [String], environment: [String: String]) {
        self.arguments = arguments
        self.environment = environment
    }

    public static let usage = """
        usage: dapgate [--config FILE] COMMAND

        commands:
          inspect FILE.eml [--json]        how the gateway reads one mail
          poll --once                      one poll of the mailbox, then exit
          run                              poll at an interval until stopped (SIGTERM: finish the mail at hand, exit 0)
          cases list [--json] [--status S] [--type T]
          cases show CS0001234 [--json]
          contacts import FILE.csv         columns: email,name,organisation,location,role
          organisations import FILE.csv    columns: name,domains,on_call,account_manager
          agents add EMAIL --name N [--group G]...   register an agent (may act on cases by reply)
          agents list [--json]
          agents absent EMAIL [--backup EMAIL] | agents present EMAIL
          sweep [--at 2026-12-01T09:00:00Z]   run due timers as if at that moment (default: now)
          outbox [--json]                  what was sent, what waits, what failed
          quarantine [--json]              mails that could not be handled, with the reason
          bounces [--json]                 addresses that bounced (RFC 3464 reports), most first
          complaints report [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--json]   complaints for the periodic review
          services list [--json]           the services subscribers can follow (DAPGATE_SERVICES)
          subscribers list [--service S] [--json]
          subscribers unsubscribe (ADDRESS | --token T) [--service S]
          notices create --type outage|maintenance --service S [--service S]... [--from ISO --until ISO]
                         --subject S --text-file F
          notices update NTC0000001 --text-file F
          notices resolve NTC0000001 [--text-file F]
          notices send                     work the notice outbox (one SMTP session, DAPGATE_NOTICE_RATE)
          notices list [--json]

        configuration: --config FILE (default ./dapgate.conf), then DAPGATE_* environment variables.
        `dapgate COMMAND --help` describes one command.
        """

    static let help: [String: String] = [
        "inspect": "usage: dapgate inspect FILE.eml [--json]\nParses one mail and prints what the gateway reads: sender, recipients, date, text, attachments, auto-mail kind, reply text and case tag.",
        "poll": "usage: dapgate poll --once\nFetches every waiting mail from DAPGATE_IMAP_URL, registers cases and follow-ups, sends confirmations via DAPGATE_SMTP_URL and moves each handled mail to Processed (or Quarantine), then exits.",
        "run": "usage: dapgate run\nPolls every DAPGATE_POLL_INTERVAL seconds (default 30) until SIGTERM or SIGINT; then finishes the mail at hand and exits 0.",
        "cases": "usage: dapgate cases list [--json] [--status S] [--type T]\n       dapgate cases show CS0001234 [--json]",
        "contacts": "usage: dapgate contacts import FILE.csv\nImports the contacts directory (DAP R-AUTH-1). The header row names the columns email,name,organisation,location,role; role is stichting-ict, school-ict or gebruiker. Existing addresses are updated.",
        "organisations": "usage: dapgate organisations import FILE.csv\nImports organisations (DAP R-AUTH-1): name, domains (separated by spaces or semicolons; a sender on one of them is a gebruiker of the organisation), on_call (yes/no: the consignatiedienst of R-INC-3), account_manager (address).",
        "sweep": "usage: dapgate sweep [--at 2026-12-01T09:00:00Z]\nFires the timers due at that moment (default: now), each through the case's life cycle: the passed reaction target, the 75% SLA warning and the SLA breach with its escalation (DAP R-INC-5, R-ESC-1), progress updates at the per-priority cadence (R-INC-4), the auto-close of a resolved case after 5 werkdagen (R-INC-8), the complaint ladder (R-CMP-2) and the weekly CAB agenda (R-CHG-3); then sends the outbox when DAPGATE_SMTP_URL is set. Prints one line per timer fired.",
        "complaints": "usage: dapgate complaints report [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--json]\nThe complaints registered in the period, with organisation, status, how far they climbed (department, management, directie) and the solution: the overview for the periodic review (DAP R-CMP-3).",
        "agents": "usage: dapgate agents add EMAIL --name N [--group G]...\n       dapgate agents list [--json]\n       dapgate agents absent EMAIL [--backup EMAIL]\n       dapgate agents present EMAIL\nRegistered agents may act on cases by replying to the gateway's mail (DAP R-AGENT-3). Groups: servicedesk, pmo, incident-manager, problem-manager, change-coordinator, cab, e-cab, cert, security-officer, teamlead-support, manager-managed-services, directie, account-manager.",
        "outbox": "usage: dapgate outbox [--json]\nLists outgoing mail with its state (pending, sent, failed), attempts and last error.",
        "bounces": "usage: dapgate bounces [--json]\nAddresses the desk's mail bounced for (delivery reports that came back), with the count and the last status.",
        "quarantine": "usage: dapgate quarantine [--json]\nLists mails that went to Quarantine, with the reason.",
        "services": Commands.servicesHelp,
        "subscribers": Commands.subscribersHelp,
        "notices": Commands.noticesHelp,
    ]

    /// Runs the command; returns the exit code. Errors are printed here, one line each.
    public mutating func run() -> Int32 {
        do {
            try dispatch()
            return 0
        } catch let error as UsageError {
            FileHandle.standardError.write(Data("dapgate: \(error)\n\n\(Self.usage)\n".utf8))
            return 2
        } catch {
            FileHandle.standardError.write(Data("dapgate: \(Self.oneLine(error))\n".utf8))
            return 1
        }
    }

    static func oneLine(_ error: any Error) -> String {
        String(describing: error).replacingOccurrences(of: "\n", with: " ")
    }

    private var configPath: String?

    private mutating func dispatch() throws {
        var args = arguments
        if let index = args.firstIndex(of: "--config") {
            guard index + 1 < args.count else { throw UsageError("--config needs a file") }
            configPath = args[index + 1]
            args.removeSubrange(index...index + 1)
        }
        guard let command = args.first else { throw UsageError("no command") }
        let rest = Array(args.dropFirst())
        if command == "--help" || command == "-h" || command == "help" {
            output(Self.usage)
            return
        }
        if rest.contains("--help") || rest.contains("-h") {
            guard let text = Self.help[command] else { throw UsageError("unknown command \(command)") }
            output(text)
            return
        }
        switch command {
        case "inspect": try inspect(rest)
        case "poll":
            guard rest == ["--once"] else { throw UsageError("poll takes --once (use `dapgate run` to keep polling)") }
            try poll(forever: false)
        case "run":
            guard rest.isEmpty else { throw UsageError("run takes no arguments") }
            try poll(forever: true)
        case "cases": try cases(rest)
        case "contacts": try contacts(rest)
        case "organisations": try organisations(rest)
        case "sweep": try sweep(rest)
        case "agents": try agents(rest)
        case "outbox": try outbox(rest)
        case "quarantine": try quarantine(rest)
        case "bounces": try bounces(rest)
        case "complaints": try complaints(rest)
        case "services": try servicesCommand(rest)
        case "subscribers": try subscribersCommand(rest)
        case "notices": try noticesCommand(rest)
        case "version", "--version": output("dapgate 0.1 (libcurl \(Curl.version))")
        default: throw UsageError("unknown command \(command)")
        }
    }

    func config() throws -> Config {
        try Config.load(path: configPath, environment: environment)
    }

    func openStore(_ config: Config) throws -> DeskStore {
        do {
            return try DeskStore(path: config.database)
        } catch {
            throw CommandError("cannot open database \(config.database): \(Self.oneLine(error))")
        }
    }

    func json(_ value: Any) throws -> String {
        let data = try JSONSerialization.data(
            withJSONObject: value, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    // MARK: - inspect

    private func inspect(_ args: [String]) throws {
        let files = args.filter { !$0.hasPrefix("--") }
        let unknown = args.filter { $0.hasPrefix("--") && $0 != "--json" }
        guard files.count == 1, unknown.isEmpty else { throw UsageError("inspect takes one FILE.eml [--json]") }
        guard let data = FileManager.default.contents(atPath: files[0]) else {
            throw CommandError("cannot read \(files[0])")
        }
        let message = try Message.parse(Array(data))
        let report = InspectReport(message)
        if args.contains("--json") {
            output(report.json())
            return
        }
        output(try Self.readable(report.json()))
    }

    /// The JSON report as `key: value` lines for people.
    static func readable(_ json: String) throws -> String {
        guard let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else { return json }
        var lines: [String] = []
        for key in object.keys.sorted() where key != "text" && key != "reply_text" {
            lines.append("\(key): \(describe(object[key]))")
        }
        lines.append("reply_text:\n\(object["reply_text"] as? String ?? "")")
        lines.append("text:\n\(object["text"] as? String ?? "")")
        return lines.joined(separator: "\n")
    }

    private static func describe(_ value: Any?) -> String {
        switch value {
        case nil, is NSNull: return "-"
        case let s as String: return s
        case let d as [String: Any]:
            if let address = d["address"] as? String {
                if let name = d["name"] as? String, !name.isEmpty { return "\(name) <\(address)>" }
                return address
            }
            return d.keys.sorted().map { "\($0)=\(describe(d[$0]))" }.joined(separator: " ")
        case let a as [Any]: return a.isEmpty ? "-" : a.map { describe($0) }.joined(separator: ", ")
        default: return "\(value!)"
        }
    }

    // MARK: - poll / run

    private func poll(forever: Bool) throws {
        let config = try config()
        let log = Log.fromEnvironment(environment)
        guard let imapURL = config.imapURL else { throw CommandError("DAPGATE_IMAP_URL is not set") }
        let store = try openStore(config)
        let gateway = try Gateway(config: config, store: store, log: log)
        gateway.shouldStop = stop
        let timeouts = Timeouts(connect: config.connectTimeout, transfer: config.transferTimeout)
        let imap = try IMAPClient(endpoint: Endpoint(
            url: imapURL, user: config.imapUser, password: config.imapPassword, caFile: config.caFile,
            startTLS: config.imapStartTLS.flatMap(StartTLS.init(rawValue:)), timeouts: timeouts))
        let source = IMAPSource(client: imap, processedFolder: config.processedFolder,
                                quarantineFolder: config.quarantineFolder)
        var sink: SMTPSender?
        if let smtpURL = config.smtpURL {
            var endpoint = try Endpoint(
                url: smtpURL, user: config.smtpUser, password: config.smtpPassword, caFile: config.caFile,
                startTLS: config.smtpStartTLS.flatMap(StartTLS.init(rawValue:)), timeouts: timeouts)
            // MAILSTACK S4: the URL path is the EHLO name; without one libcurl says the machine's host name.
            if endpoint.path.isEmpty { endpoint.path = gateway.desk.domain }
            sink = try SMTPSender(endpoint: endpoint)
        } else {
            log(.warning, "smtp.unset", ["note": "DAPGATE_SMTP_URL is not set: confirmations stay in the outbox"])
        }
        if !forever {
            let report = try gateway.poll(source, sink: sink)
            log(.info, "poll.done", summary(report))
            if let sink { try sendNotices(gateway, sink: sink, log: log) }
            return
        }
        log(.info, "run.start", ["imap": imap.endpoint.display, "interval": "\(config.pollInterval)"])
        while !stop() {
            do {
                let report = try gateway.poll(source, sink: sink)
                if report.fetched + report.resettled + report.sent > 0 { log(.info, "poll.done", summary(report)) }
                if let sink { try sendNotices(gateway, sink: sink, log: log) }
            } catch {
                // A server that is down is not a reason to stop the gateway: try again at the next interval.
                log(.error, "poll.failed", ["error": Self.oneLine(error)])
            }
            let deadline = Date().addingTimeInterval(config.pollInterval)
            while !stop(), Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        }
        log(.info, "run.stop", ["reason": "signal"])
    }

    private func summary(_ report: PollReport) -> KeyValuePairs<String, String> {
        ["fetched": "\(report.fetched)", "cases": "\(report.cases)", "followups": "\(report.followUps)",
         "automatic": "\(report.automatic)", "duplicates": "\(report.duplicates)",
         "quarantined": "\(report.quarantined)", "status": "\(report.statusMails)",
         "resettled": "\(report.resettled)", "sent": "\(report.sent)",
         "send_failures": "\(report.sendFailures)"]
    }

    // MARK: - cases

    static func caseObject(_ record: CaseRecord) -> [String: Any] {
        [
            "number": record.number.description,
            "type": record.type.rawValue,
            "priority": record.priority.map { $0 as Any } ?? NSNull(),
            "status": record.status.rawValue,
            "requester": record.requester,
            "requester_name": record.requesterName ?? NSNull(),
            "organisation": record.organisation ?? NSNull(),
            "location": record.location ?? NSNull(),
            "role": record.role ?? NSNull(),
            "subject": record.subject,
            "language": record.language,
            "created_at": record.createdAt,
            "updated_at": record.updatedAt,
            "change_kind": record.intake.changeKind ?? NSNull(),
            "impact": record.intake.impact ?? NSNull(),
            "urgency": record.intake.urgency ?? NSNull(),
            "authorisation": record.intake.authorisation ?? NSNull(),
            "catalog_item": record.intake.catalogItem ?? NSNull(),
            "service": record.intake.service ?? NSNull(),
            "reaction_due": record.intake.reactionDue ?? NSNull(),
            "resolution_due": record.intake.resolutionDue ?? NSNull(),
        ]
    }

    private func cases(_ args: [String]) throws {
        guard let sub = args.first else { throw UsageError("cases list | cases show NUMBER") }
        var rest = Array(args.dropFirst())
        let asJSON = rest.contains("--json")
        rest.removeAll { $0 == "--json" }
        let store = try openStore(try config())
        switch sub {
        case "list":
            var status: String?
            var type: String?
            var index = 0
            while index < rest.count {
                guard index + 1 < rest.count else { throw UsageError("\(rest[index]) needs a value") }
                switch rest[index] {
                case "--status": status = rest[index + 1]
                case "--type":
                    guard CaseType(rawValue: rest[index + 1]) != nil else {
                        throw UsageError("unknown type \(rest[index + 1]); one of \(CaseType.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                    type = rest[index + 1]
                default: throw UsageError("unknown option \(rest[index])")
                }
                index += 2
            }
            let records = try store.listCases(status: status, type: type)
            if asJSON {
                output(try json(records.map(Self.caseObject)))
                return
            }
            if records.isEmpty { output("no cases"); return }
            output(Self.table(records))
        case "show":
            guard rest.count == 1 else { throw UsageError("cases show takes one case number") }
            guard let number = CaseNumber(rest[0]) else { throw UsageError("not a case number: \(rest[0]) (CS + 7 digits)") }
            guard let record = try store.findCase(number: number) else { throw CommandError("no case \(number)") }
            let messages = try store.messages(caseID: record.id)
            let life = try store.life(caseID: record.id)
            let problem = try life.problemID.flatMap { try store.findCase(id: $0) }?.number.description
            let timers = try store.timers(caseID: record.id)
            if asJSON {
                var object = Self.caseObject(record)
                // DAP R-CASE-8, R-CHG-5, R-ESC-1, R-INC-7, R-REQ-2, R-SEC-5, R-PRB-1: the life cycle so far.
                let life: [String: Any] = [
                    "assignee": life.assignee ?? NSNull(), "visit_at": life.visitAt ?? NSNull(),
                    "solution": life.solution ?? NSNull(), "cause": life.cause ?? NSNull(),
                    "hours": life.hours ?? NSNull(), "sla_met": life.slaMet ?? NSNull(),
                    "resolved_at": life.resolvedAt ?? NSNull(), "closed_at": life.closedAt ?? NSNull(),
                    "phase": life.phase ?? NSNull(), "escalation_level": life.escalationLevel,
                    "escalated_to": EscalationLadder.ladder(for: record.type)[
                        min(life.escalationLevel, EscalationLadder.ladder(for: record.type).count - 1)].name,
                    "major": life.major, "security_review": life.securityReview,
                    "sla_paused_at": life.slaPausedAt ?? NSNull(), "missing": life.missing,
                    "category": life.category ?? NSNull(), "problem": problem ?? NSNull(),
                    "workaround": life.workaround ?? NSNull(), "known_error": life.knownError,
                    "last_update_at": life.lastUpdateAt ?? NSNull(),
                ]
                object.merge(life) { _, new in new }
                object["timers"] = timers.map { ["kind": $0.kind, "due_at": $0.dueAt, "fired_at": $0.firedAt ?? NSNull()] as [String: Any] }
                object["messages"] = try messages.map { m -> [String: Any] in
                    let files = try store.attachments(messageRow: m.id).map { a -> [String: Any] in
                        ["filename": a.filename, "content_type": a.contentType, "size": a.size, "sha256": a.sha256,
                         "stored": a.stored, "reason": a.reason ?? NSNull()]
                    }
                    return ["direction": m.direction, "kind": m.kind, "message_id": m.messageID ?? NSNull(),
                            "from": m.fromAddress ?? NSNull(), "subject": m.subject ?? NSNull(),
                            "text": m.text ?? NSNull(), "created_at": m.createdAt, "attachments": files]
                }
                output(try json(object))
                return
            }
            var lines = [
                "\(record.number)  \(record.subject)",
                "type: \(record.type.rawValue)   priority: \(record.priority.map { "P\($0)" } ?? "-")   status: \(record.status.rawValue)",
                "requester: \(record.requesterName.map { "\($0) <\(record.requester)>" } ?? record.requester)",
                "organisation: \(record.organisation ?? "unknown")   location: \(record.location ?? "-")   role: \(record.role ?? "-")",
                "created: \(record.createdAt)   updated: \(record.updatedAt)",
                "assignee: \(life.assignee ?? "-")   escalation: \(EscalationLadder.ladder(for: record.type)[min(life.escalationLevel, EscalationLadder.ladder(for: record.type).count - 1)].name)"
                    + (life.phase.map { "   phase: \($0)" } ?? "") + (life.major ? "   MAJOR" : "")
                    + (life.securityReview ? "   security review" : "") + (problem.map { "   problem: \($0)" } ?? ""),
            ]
            if !life.missing.isEmpty { lines.append("waiting for: " + life.missing.joined(separator: "; ")) }
            if let solution = life.solution {
                lines.append("solution: \(solution)   cause: \(life.cause ?? "-")   hours: \(life.hours.map { String($0) } ?? "-")"
                             + "   SLA met: \(life.slaMet.map { $0 ? "yes" : "no" } ?? "-")")
            }
            for timer in timers {
                lines.append("timer \(timer.kind): \(timer.dueAt)" + (timer.firedAt.map { " (fired \($0))" } ?? ""))
            }
            lines.append("")
            for m in messages {
                lines.append("--- \(m.createdAt) \(m.direction == "in" ? "from" : "to requester, from") \(m.fromAddress ?? "-") [\(m.kind)]")
                lines.append("Subject: \(m.subject ?? "")")
                for a in try store.attachments(messageRow: m.id) {
                    lines.append("Attachment: \(a.filename) (\(a.contentType), \(a.size) bytes)"
                                 + (a.stored ? " sha256 \(a.sha256)" : " NOT ACCEPTED: \(a.reason ?? "")"))
                }
                lines.append(m.text ?? "")
            }
            output(lines.joined(separator: "\n"))
        default:
            throw UsageError("unknown cases command \(sub)")
        }
    }

    static func table(_ records: [CaseRecord]) -> String {
        var lines = ["NUMBER     TYPE       PRIO  STATUS       REQUESTER                       SUBJECT"]
        func pad(_ s: String, _ n: Int) -> String { s.count >= n ? String(s.prefix(n - 1)) + " " : s + String(repeating: " ", count: n - s.count) }
        for r in records {
            lines.append(pad(r.number.description, 11) + pad(r.type.rawValue, 11) + pad(r.priority.map { "P\($0)" } ?? "-", 6)
                         + pad(r.status.rawValue, 13) + pad(r.requester, 32) + r.subject)
        }
        return lines.joined(separator: "\n")
    }

    // MARK: - contacts

    private func contacts(_ args: [String]) throws {
        guard args.count == 2, args[0] == "import" else { throw UsageError("contacts import FILE.csv") }
        guard let data = FileManager.default.contents(atPath: args[1]) else {
            throw CommandError("cannot read \(args[1])")
        }
        let contacts = try Self.parseContacts(String(decoding: data, as: UTF8.self), file: args[1])
        let store = try openStore(try config())
        try store.transaction {
            for contact in contacts { try store.upsert(contact) }
        }
        output("imported \(contacts.count) contacts (\(try store.contactCount()) in the directory)")
    }

    /// DAP R-AUTH-1: the contacts directory. Every row is checked before anything is written.
    static func parseContacts(_ text: String, file: String) throws -> [ContactRecord] {
        var rows = CSV.rows(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        guard !rows.isEmpty else { throw CommandError("\(file): empty file") }
        let header = rows.removeFirst().fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let required = ["email", "name", "organisation", "location", "role"]
        var column: [String: Int] = [:]
        for name in required {
            guard let index = header.firstIndex(of: name) else {
                throw CommandError("\(file): the header row has no \(name) column (needs \(required.joined(separator: ",")))")
            }
            column[name] = index
        }
        var contacts: [ContactRecord] = []
        for (line, fields) in rows {
            func field(_ name: String) -> String {
                let index = column[name]!
                return index < fields.count ? fields[index].trimmingCharacters(in: .whitespaces) : ""
            }
            let email = field("email").lowercased()
            guard Gateway.isUsable(address: email) else { throw CommandError("\(file):\(line): not an e-mail address: \(email)") }
            let role = field("role").lowercased()
            guard ContactRecord.roles.contains(role) else {
                throw CommandError("\(file):\(line): role must be stichting-ict, school-ict or gebruiker, not \(role)")
            }
            guard !field("organisation").isEmpty else { throw CommandError("\(file):\(line): organisation is empty") }
            contacts.append(ContactRecord(email: email, name: field("name"), organisation: field("organisation"),
                                    location: field("location"), role: role))
        }
        return contacts
    }

    // MARK: - organisations

    private func organisations(_ args: [String]) throws {
        guard args.count == 2, args[0] == "import" else { throw UsageError("organisations import FILE.csv") }
        guard let data = FileManager.default.contents(atPath: args[1]) else { throw CommandError("cannot read \(args[1])") }
        let records = try Self.parseOrganisations(String(decoding: data, as: UTF8.self), file: args[1])
        let store = try openStore(try config())
        try store.transaction {
            for record in records { try store.upsert(record) }
        }
        output("imported \(records.count) organisations")
    }

    static func parseOrganisations(_ text: String, file: String) throws -> [OrganisationRecord] {
        var rows = CSV.rows(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        guard !rows.isEmpty else { throw CommandError("\(file): empty file") }
        let header = rows.removeFirst().fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard let name = header.firstIndex(of: "name"), let domains = header.firstIndex(of: "domains") else {
            throw CommandError("\(file): the header row needs name,domains (and optionally on_call,account_manager)")
        }
        let onCall = header.firstIndex(of: "on_call")
        let manager = header.firstIndex(of: "account_manager")
        return try rows.map { line, fields in
            func field(_ index: Int?) -> String {
                guard let index, index < fields.count else { return "" }
                return fields[index].trimmingCharacters(in: .whitespaces)
            }
            guard !field(name).isEmpty else { throw CommandError("\(file):\(line): name is empty") }
            let list = field(domains).split(whereSeparator: { $0 == " " || $0 == ";" || $0 == "," }).map { $0.lowercased() }
            guard !list.isEmpty, list.allSatisfy({ $0.contains(".") && !$0.contains("@") }) else {
                throw CommandError("\(file):\(line): domains must be mail domains like school.nl")
            }
            let flag = field(onCall).lowercased()
            guard ["", "yes", "no", "ja", "nee", "true", "false", "1", "0"].contains(flag) else {
                throw CommandError("\(file):\(line): on_call must be yes or no, not \(flag)")
            }
            let address = field(manager)
            return OrganisationRecord(name: field(name), domains: list, onCall: ["yes", "ja", "true", "1"].contains(flag),
                                      accountManager: address.isEmpty ? nil : address.lowercased())
        }
    }

    // MARK: - agents

    private func agents(_ args: [String]) throws {
        guard let sub = args.first else { throw UsageError("agents add | list | absent | present") }
        var rest = Array(args.dropFirst())
        let store = try openStore(try config())
        func option(_ name: String) throws -> [String] {
            var values: [String] = []
            while let index = rest.firstIndex(of: name) {
                guard index + 1 < rest.count else { throw UsageError("\(name) needs a value") }
                values.append(rest[index + 1])
                rest.removeSubrange(index...index + 1)
            }
            return values
        }
        switch sub {
        case "add":
            let names = try option("--name")
            let groups = try option("--group").flatMap { $0.split(separator: ",").map(String.init) }
            guard rest.count == 1, let name = names.last else { throw UsageError("agents add EMAIL --name N [--group G]") }
            let email = rest[0].lowercased()
            guard Gateway.isUsable(address: email) else { throw UsageError("not an e-mail address: \(rest[0])") }
            var known: [String] = []
            for group in groups {
                guard let parsed = AgentGroup.parse(group) else {
                    throw UsageError("unknown group \(group); one of \(AgentGroup.known.map(\.name).joined(separator: ", "))")
                }
                known.append(parsed.name)
            }
            let existing = try store.agent(email: email)
            try store.upsert(AgentRecord(email: email, name: name, groups: known.isEmpty ? (existing?.groups ?? ["servicedesk"]) : known,
                                         absent: existing?.absent ?? false, backup: existing?.backup))
            output("agent \(email) (\(name)) in \((known.isEmpty ? (existing?.groups ?? ["servicedesk"]) : known).joined(separator: ", "))")
        case "list":
            let all = try store.agents()
            if rest == ["--json"] {
                output(try json(all.map { a -> [String: Any] in
                    ["email": a.email, "name": a.name, "groups": a.groups, "absent": a.absent, "backup": a.backup ?? NSNull()]
                }))
                return
            }
            if all.isEmpty { output("no agents"); return }
            for a in all {
                output("\(a.email)\t\(a.name)\t\(a.groups.joined(separator: ","))\(a.absent ? "\tABSENT" + (a.backup.map { " backup \($0)" } ?? "") : "")")
            }
        case "absent", "present":
            let backup = try option("--backup").last
            guard rest.count == 1, var agent = try store.agent(email: rest[0]) else {
                throw CommandError("no agent \(rest.first ?? "")")
            }
            agent.absent = sub == "absent"
            if let backup {
                guard try store.agent(email: backup) != nil else { throw CommandError("the backup \(backup) is not an agent") }
                agent.backup = backup.lowercased()
            }
            try store.upsert(agent)
            output("\(agent.email) is \(sub)" + (agent.absent ? (agent.backup.map { "; backup \($0)" } ?? "") : ""))
        default:
            throw UsageError("unknown agents command \(sub)")
        }
    }

    // MARK: - sweep

    private func sweep(_ args: [String]) throws {
        var at = Date()
        if !args.isEmpty {
            guard args.count == 2, args[0] == "--at" else { throw UsageError("sweep [--at 2026-12-01T09:00:00Z]") }
            guard let date = Self.parseInstant(args[1]) else {
                throw UsageError("--at needs an ISO 8601 moment like 2026-12-01T09:00:00Z or 2026-12-01T10:00:00+01:00")
            }
            at = date
        }
        let config = try config()
        let store = try openStore(config)
        let log = Log.fromEnvironment(environment)
        let gateway = try Gateway(config: config, store: store, log: log, now: { at })
        let events = try gateway.sweep(at: at)
        for event in events { output("\(event.caseNumber) \(event.kind) due \(event.dueAt): \(event.outcome)") }
        if events.isEmpty { output("nothing due at \(Timestamp.string(at))") }
        if let smtpURL = config.smtpURL {
            var endpoint = try Endpoint(
                url: smtpURL, user: config.smtpUser, password: config.smtpPassword, caFile: config.caFile,
                startTLS: config.smtpStartTLS.flatMap(StartTLS.init(rawValue:)),
                timeouts: Timeouts(connect: config.connectTimeout, transfer: config.transferTimeout))
            if endpoint.path.isEmpty { endpoint.path = gateway.desk.domain }
            var report = PollReport()
            gateway.flush(try SMTPSender(endpoint: endpoint), into: &report)
            if report.sendFailures > 0 { throw CommandError("\(report.sendFailures) notices could not be sent yet (see dapgate outbox)") }
        }
    }

    /// ISO 8601 with `Z` or an offset, seconds optional.
    static func parseInstant(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withFullDate, .withTime, .withColonSeparatorInTime, .withTimeZone, .withDashSeparatorInDate]
        return formatter.date(from: text + (text.count == 16 ? ":00Z" : ""))
    }

    // MARK: - outbox, quarantine

    private func outbox(_ args: [String]) throws {
        guard args.isEmpty || args == ["--json"] else { throw UsageError("outbox [--json]") }
        let store = try openStore(try config())
        let rows = try store.db.query("""
            SELECT o.id, c.number, o.kind, o.recipients, o.status, o.attempts, o.last_error, o.created_at, o.sent_at
            FROM outbox o LEFT JOIN cases c ON c.id = o.case_id ORDER BY o.id
            """)
        if args == ["--json"] {
            output(try json(rows.map { r -> [String: Any] in
                ["id": r.int(0) ?? 0, "case": r.string(1) ?? NSNull(), "kind": r.string(2) ?? "",
                 "recipients": (r.string(3) ?? "").split(separator: "\n").map(String.init), "status": r.string(4) ?? "",
                 "attempts": r.int(5) ?? 0, "last_error": r.string(6) ?? NSNull(), "created_at": r.string(7) ?? "",
                 "sent_at": r.string(8) ?? NSNull()]
            }))
            return
        }
        if rows.isEmpty { output("outbox is empty"); return }
        for r in rows {
            output("\(r.int(0) ?? 0)\t\(r.string(1) ?? "-")\t\(r.string(2) ?? "")\t\(r.string(4) ?? "")\t\(r.string(3) ?? "")\tattempts=\(r.int(5) ?? 0)\(r.string(6).map { "\terror=\($0)" } ?? "")")
        }
    }

    private func bounces(_ args: [String]) throws {
        guard args.isEmpty || args == ["--json"] else { throw UsageError("bounces [--json]") }
        let store = try openStore(try config())
        let counts = try store.bounceCounts()
        if args == ["--json"] {
            output(try json(counts.map { ["address": $0.address, "count": $0.count, "last_status": $0.lastStatus ?? NSNull()] as [String: Any] }))
            return
        }
        if counts.isEmpty { output("no bounces"); return }
        for entry in counts { output("\(entry.address)\t\(entry.count)\t\(entry.lastStatus ?? "-")") }
    }

    private func quarantine(_ args: [String]) throws {
        guard args.isEmpty || args == ["--json"] else { throw UsageError("quarantine [--json]") }
        let store = try openStore(try config())
        let entries = try store.quarantined()
        if args == ["--json"] {
            output(try json(entries.map { e -> [String: Any] in
                ["mailbox": e.mailbox, "uidvalidity": e.uidValidity, "uid": e.uid, "message_id": e.messageID ?? NSNull(),
                 "reason": e.reason ?? ""]
            }))
            return
        }
        if entries.isEmpty { output("nothing in quarantine"); return }
        for e in entries { output("\(e.mailbox) UID \(e.uid)\t\(e.messageID ?? "-")\t\(e.reason ?? "")") }
    }

    // MARK: - complaints (DAP R-CMP-3)

    private func complaints(_ args: [String]) throws {
        guard args.first == "report" else { throw UsageError("complaints report [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--json]") }
        var rest = Array(args.dropFirst())
        let asJSON = rest.contains("--json")
        rest.removeAll { $0 == "--json" }
        var since: String?
        var until: String?
        var index = 0
        while index < rest.count {
            guard index + 1 < rest.count else { throw UsageError("\(rest[index]) needs a value") }
            let value = rest[index + 1]
            guard value.count == 10, value.split(separator: "-").count == 3 else {
                throw UsageError("\(rest[index]) takes a date YYYY-MM-DD, not \(value)")
            }
            switch rest[index] {
            case "--since": since = value
            case "--until": until = value
            default: throw UsageError("unknown option \(rest[index])")
            }
            index += 2
        }
        let store = try openStore(try config())
        let rows = try store.complaints(since: since, until: until)
        let levels = EscalationLadder.complaint
        func level(_ n: Int) -> String { levels[min(max(n, 0), levels.count - 1)].name }
        if asJSON {
            output(try json(rows.map { r -> [String: Any] in
                ["number": r.number, "organisation": r.organisation ?? NSNull(), "requester": r.requester,
                 "subject": r.subject, "status": r.status, "escalated_to": level(r.escalationLevel),
                 "created_at": r.createdAt, "closed_at": r.closedAt ?? NSNull(), "solution": r.solution ?? NSNull()]
            }))
            return
        }
        let open = rows.filter { $0.status != "closed" && $0.status != "resolved" }.count
        var byLevel: [String: Int] = [:]
        for r in rows { byLevel[level(r.escalationLevel), default: 0] += 1 }
        output("complaints \(since ?? "…") – \(until ?? "…"): \(rows.count), open \(open); "
               + levels.map { "\($0.name) \(byLevel[$0.name] ?? 0)" }.joined(separator: ", "))
        for r in rows {
            output("\(r.number)  \(r.createdAt.prefix(10))  \(r.status)  \(level(r.escalationLevel))  "
                   + "\(r.organisation ?? "-")  \(r.subject)" + (r.solution.map { "  → \($0)" } ?? ""))
        }
    }
}
