import Desk
import Foundation
import Mail
import Store
import Transport

/// `dapgate services`, `dapgate subscribers` and `dapgate notices` (DAP R-OUT-1, R-OUT-2).
extension Commands {
    static let servicesHelp = """
        usage: dapgate services list [--json]
        Lists the services subscribers can follow, from DAPGATE_SERVICES ([notices] services): a JSON file \
        (see config/services.json) or a CSV file with the columns code,name,description[,aliases].
        """

    static let subscribersHelp = """
        usage: dapgate subscribers list [--service S] [--json]
               dapgate subscribers unsubscribe (ADDRESS | --token T) [--service S]
        list: every address that asked for notices, with each service's state (pending until confirmed by reply, \
        active, unsubscribed) and its hard bounces; an address at DAPGATE_BOUNCE_LIMIT (default 3) is BOUNCING and \
        is no longer mailed.
        unsubscribe: for an operator, or for the web page behind DAPGATE_UNSUBSCRIBE_URL (RFC 8058 one-click): \
        --token takes the token from the URL (unsub-<id>-<mac>); without --service, from every service.
        """

    static let noticesHelp = """
        usage: dapgate notices create --type outage|maintenance --service S [--service S]... \
        [--from ISO --until ISO] --subject S --text-file F
               dapgate notices update NTC0000001 --text-file F
               dapgate notices resolve NTC0000001 [--text-file F]
               dapgate notices send
               dapgate notices list [--json]
        create, update, resolve: queue a notice for every active subscriber of any of its services, each address \
        once (DAP R-OUT-2); updates and the closing notice thread with the first. The text is the notice text as \
        written (--text-file - reads standard input); maintenance needs --from and --until (ISO 8601, e.g. \
        2026-12-05T18:00:00+01:00).
        send: sends the queued notices on one SMTP session (DAPGATE_SMTP_URL), at most DAPGATE_NOTICE_RATE per \
        second (0: no limit); each copy is recorded, so a run that is killed or loses the server resumes without \
        sending anyone a copy twice. Exit 1 while copies still wait. `dapgate poll` and `run` send them too.
        Agents announce by mail to DAPGATE_STATUS_ADDRESS as well (see the README).
        """

    // MARK: - services

    func servicesCommand(_ args: [String]) throws {
        guard args.first == "list", args.count <= 2, args.count == 1 || args[1] == "--json" else {
            throw UsageError("services list [--json]")
        }
        let config = try config()
        guard let path = config.services else { throw CommandError("no services configured: set DAPGATE_SERVICES") }
        let list = try NoticeServiceFile.load(path)
        if args.count == 2 {
            output(try json(list.services.map { s -> [String: Any] in
                ["code": s.code, "name": s.name, "description": s.description, "aliases": s.aliases]
            }))
            return
        }
        for service in list.services {
            output("\(service.code)\t\(service.name)\t\(service.description)")
        }
    }

    // MARK: - subscribers

    func subscribersCommand(_ args: [String]) throws {
        guard let sub = args.first else { throw UsageError("subscribers list | unsubscribe") }
        var rest = Array(args.dropFirst())
        let asJSON = rest.contains("--json")
        rest.removeAll { $0 == "--json" }
        let service = try Self.option("--service", in: &rest).last?.uppercased()
        let config = try config()
        let store = try openStore(config)
        switch sub {
        case "list":
            guard rest.isEmpty else { throw UsageError("subscribers list [--service S] [--json]") }
            let listings = try store.subscriberListings(service: service)
            let limit = config.bounceLimit
            if asJSON {
                output(try json(listings.map { l -> [String: Any] in
                    [
                        "address": l.subscriber.address, "language": l.subscriber.language,
                        "bounces": l.subscriber.bounces,
                        "bouncing": NoticeAudience.isBouncing(bounces: l.subscriber.bounces, limit: limit),
                        "last_bounce": l.subscriber.lastBounce ?? NSNull(), "created_at": l.subscriber.createdAt,
                        "services": Dictionary(uniqueKeysWithValues: l.subscriptions.map { ($0.service, $0.state) }),
                    ]
                }))
                return
            }
            if listings.isEmpty { output("no subscribers"); return }
            for l in listings {
                let states = l.subscriptions.map { "\($0.service)=\($0.state)" }.joined(separator: " ")
                let bouncing = NoticeAudience.isBouncing(bounces: l.subscriber.bounces, limit: limit)
                output("\(l.subscriber.address)\t\(states)\tbounces=\(l.subscriber.bounces)\(bouncing ? "\tBOUNCING" : "")")
            }
        case "unsubscribe":
            let token = try Self.option("--token", in: &rest).last
            guard (token == nil) != (rest.count == 1), rest.count <= 1 else {
                throw UsageError("subscribers unsubscribe (ADDRESS | --token T) [--service S]")
            }
            let subscriber: SubscriberRecord
            if let token {
                guard let status = config.statusAddress, let at = status.lastIndex(of: "@") else {
                    throw CommandError("DAPGATE_STATUS_ADDRESS is not set")
                }
                let gateway = try Gateway(config: config, store: store, log: Log.fromEnvironment(environment))
                let address = String(status[..<at]) + "+" + token.lowercased() + String(status[at...])
                guard let (claimed, mac) = StatusToken.claim(recipientAddress: address, statusAddress: status),
                      case .unsubscribe(let id) = claimed, let found = try store.subscriber(id: id),
                      claimed.verify(mac: mac, boundTo: found.address, secret: gateway.replySecret)
                else { throw CommandError("not a valid unsubscribe token") }
                subscriber = found
            } else {
                guard let found = try store.subscriber(address: rest[0]) else { throw CommandError("no subscriber \(rest[0])") }
                subscriber = found
            }
            let removed = try store.transaction {
                let removed = try store.unsubscribe(subscriberID: subscriber.id, services: service.map { [$0] })
                try store.audit(caseID: nil, actor: token == nil ? "cli" : "one-click", action: "unsubscribed",
                                detail: "\(subscriber.address): \(removed.joined(separator: " "))")
                return removed
            }
            output(removed.isEmpty ? "\(subscriber.address) was not subscribed"
                   : "\(subscriber.address) unsubscribed from \(removed.joined(separator: ", "))")
        default:
            throw UsageError("unknown subscribers command \(sub)")
        }
    }

    // MARK: - notices

    func noticesCommand(_ args: [String]) throws {
        guard let sub = args.first else { throw UsageError("notices create | update | resolve | send | list") }
        var rest = Array(args.dropFirst())
        switch sub {
        case "create":
            let type = try Self.option("--type", in: &rest)
            let codes = try Self.option("--service", in: &rest).flatMap { $0.split(separator: ",").map(String.init) }
            let from = try Self.option("--from", in: &rest).last
            let until = try Self.option("--until", in: &rest).last
            let subject = try Self.option("--subject", in: &rest).last
            let textFile = try Self.option("--text-file", in: &rest).last
            guard rest.isEmpty, type.count == 1, let kind = NoticeType(rawValue: type[0]), !codes.isEmpty,
                  let subject, let textFile else {
                throw UsageError("notices create --type outage|maintenance --service S [--from ISO --until ISO] --subject S --text-file F")
            }
            let start = try from.map { text -> Date in
                guard let date = Self.parseInstant(text) else { throw UsageError("--from needs an ISO 8601 moment, not \(text)") }
                return date
            }
            let end = try until.map { text -> Date in
                guard let date = Self.parseInstant(text) else { throw UsageError("--until needs an ISO 8601 moment, not \(text)") }
                return date
            }
            if kind == .maintenance, start == nil || end == nil { throw UsageError("maintenance needs --from and --until") }
            if let start, let end, end <= start { throw UsageError("--until must be after --from") }
            let text = try Self.readText(textFile)
            let config = try config()
            let store = try openStore(config)
            let gateway = try Gateway(config: config, store: store, log: Log.fromEnvironment(environment))
            var known: [String] = []
            for code in codes {
                guard let service = gateway.services.service(code: code) ?? gateway.services.resolve(code).known.first,
                      gateway.services.resolve(code).unknown.isEmpty else {
                    throw CommandError("unknown service \(code); see dapgate services list")
                }
                if !known.contains(service.code) { known.append(service.code) }
            }
            let created = try store.transaction {
                try gateway.createNotice(type: kind, services: known, subject: subject, startsAt: start, endsAt: end,
                                         text: text, author: "cli", publish: true)
            }
            output("\(created.notice.number) queued for \(created.recipients) subscribers (dapgate notices send sends it)")
        case "update", "resolve":
            let textFile = try Self.option("--text-file", in: &rest).last
            guard rest.count == 1, let number = NoticeNumber(rest[0]), sub == "resolve" || textFile != nil else {
                throw UsageError(sub == "update" ? "notices update NTC0000001 --text-file F"
                                 : "notices resolve NTC0000001 [--text-file F]")
            }
            let text = try textFile.map(Self.readText) ?? ""
            let config = try config()
            let store = try openStore(config)
            let gateway = try Gateway(config: config, store: store, log: Log.fromEnvironment(environment))
            guard let notice = try store.notice(number: number) else { throw CommandError("no notice \(number)") }
            guard notice.status == .open else { throw CommandError("\(number) is \(notice.status.rawValue)") }
            let added = try store.transaction {
                try gateway.addNoticeMessage(to: notice, kind: sub == "update" ? .update : .resolved, text: text,
                                             author: "cli", publish: true)
            }
            output("\(number) \(sub == "update" ? "update" : "resolved notice") queued for \(added.recipients) subscribers")
        case "send":
            guard rest.isEmpty else { throw UsageError("notices send") }
            let config = try config()
            let store = try openStore(config)
            let log = Log.fromEnvironment(environment)
            let gateway = try Gateway(config: config, store: store, log: log)
            gateway.shouldStop = stop
            guard config.statusAddress != nil else { throw CommandError("DAPGATE_STATUS_ADDRESS is not set") }
            guard let sink = try smtpSender(config, gateway: gateway) else { throw CommandError("DAPGATE_SMTP_URL is not set") }
            let report = try gateway.sendNotices(sink)
            output("sent \(report.sent), failed \(report.failed), skipped \(report.skipped), deferred \(report.deferred), "
                   + "pending \(report.pending)" + (report.interrupted > 0 ? ", interrupted earlier \(report.interrupted)" : ""))
            if report.busy { throw CommandError("another dapgate is sending notices (lock \(config.database).notices.lock)") }
            if let reason = report.stoppedBy { throw CommandError("stopped: \(reason); \(report.pending) copies wait") }
            if report.pending > 0 && !stop() { throw CommandError("\(report.pending) copies wait for a retry") }
        case "list":
            guard rest.isEmpty || rest == ["--json"] else { throw UsageError("notices list [--json]") }
            let store = try openStore(try config())
            let notices = try store.notices()
            if rest == ["--json"] {
                output(try json(try notices.map { n -> [String: Any] in
                    let counts = try store.deliveryCounts(noticeID: n.id)
                    return [
                        "number": n.number.description, "type": n.type.rawValue, "status": n.status.rawValue,
                        "services": n.services, "subject": n.subject, "starts_at": n.startsAt ?? NSNull(),
                        "ends_at": n.endsAt ?? NSNull(), "author": n.author, "created_at": n.createdAt,
                        "resolved_at": n.resolvedAt ?? NSNull(),
                        "messages": try store.noticeMessages(noticeID: n.id).map { m -> [String: Any] in
                            ["kind": m.kind.rawValue, "state": m.state, "message_id": m.messageID, "created_at": m.createdAt]
                        },
                        "deliveries": ["pending": counts["pending"] ?? 0, "sent": counts["sent"] ?? 0,
                                       "failed": counts["failed"] ?? 0, "skipped": counts["skipped"] ?? 0],
                    ]
                }))
                return
            }
            if notices.isEmpty { output("no notices"); return }
            for n in notices {
                let c = try store.deliveryCounts(noticeID: n.id)
                output("\(n.number)\t\(n.type.rawValue)\t\(n.status.rawValue)\t\(n.services.joined(separator: ","))\t"
                       + "sent=\(c["sent"] ?? 0) pending=\(c["pending"] ?? 0) failed=\(c["failed"] ?? 0) "
                       + "skipped=\(c["skipped"] ?? 0)\t\(n.subject)")
            }
        default:
            throw UsageError("unknown notices command \(sub)")
        }
    }

    /// Sends queued notices after a poll (`dapgate poll`, `run`), when there are any.
    func sendNotices(_ gateway: Gateway, sink: MailSink, log: Log) throws {
        guard gateway.config.statusAddress != nil, try gateway.store.pendingDeliveryCount() > 0 else { return }
        let report = try gateway.sendNotices(sink)
        if report.sent + report.failed + report.skipped + report.deferred > 0 || report.stoppedBy != nil {
            log(.info, "notices.sent", ["sent": "\(report.sent)", "failed": "\(report.failed)",
                                         "skipped": "\(report.skipped)", "deferred": "\(report.deferred)",
                                         "pending": "\(report.pending)", "stopped": report.stoppedBy ?? ""])
        }
    }

    /// The SMTP session from the configuration, or nil when `DAPGATE_SMTP_URL` is not set.
    func smtpSender(_ config: Config, gateway: Gateway) throws -> SMTPSender? {
        guard let smtpURL = config.smtpURL else { return nil }
        var endpoint = try Endpoint(
            url: smtpURL, user: config.smtpUser, password: config.smtpPassword, caFile: config.caFile,
            startTLS: config.smtpStartTLS.flatMap(StartTLS.init(rawValue:)),
            timeouts: Timeouts(connect: config.connectTimeout, transfer: config.transferTimeout))
        // MAILSTACK S4: the URL path is the EHLO name; without one libcurl says the machine's host name.
        if endpoint.path.isEmpty { endpoint.path = gateway.desk.domain }
        return try SMTPSender(endpoint: endpoint)
    }

    /// Every value of `name` (`--service A --service B`), removed from `args`.
    static func option(_ name: String, in args: inout [String]) throws -> [String] {
        var values: [String] = []
        while let index = args.firstIndex(of: name) {
            guard index + 1 < args.count else { throw UsageError("\(name) needs a value") }
            values.append(args[index + 1])
            args.removeSubrange(index...index + 1)
        }
        return values
    }

    /// A text file's contents, or standard input for `-`.
    static func readText(_ path: String) throws -> String {
        let data = path == "-" ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: path)
        guard let data else { throw CommandError("cannot read \(path)") }
        let text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw CommandError("\(path) is empty") }
        return text
    }
}
