import Foundation

/// The gateway's configuration: a `key = value` file with `[sections]`, overridden by `DAPGATE_*`
/// environment variables (the names in DESIGN.md are a contract: tests and the demo use them).
public struct Config: Sendable {
    public var imapURL: String?
    public var imapUser: String?
    public var imapPassword: String?
    public var smtpURL: String?
    public var smtpUser: String?
    public var smtpPassword: String?
    /// The desk's address, `Servicedesk <info@cloudwise.test>`.
    public var from: String = "Servicedesk <info@cloudwise.test>"
    /// Envelope sender of the gateway's mail; default: the desk's address, so bounces come back.
    public var envelopeFrom: String?
    public var database: String = "dapgate.sqlite"
    public var templates: String = "templates"
    /// Where attachments are stored; default: `attachments/` next to the database.
    public var attachments: String?
    /// Attachments of one mail beyond this many bytes (in the order they come) are not accepted; the
    /// requester is told which (the case is opened all the same).
    public var maxAttachmentBytes: Int = 20 << 20
    public var caFile: String?
    public var queue: String?
    /// The service catalog (JSON: services with standard changes, request items); DAP R-REQ-1, R-CHG-1.
    public var catalog: String?
    /// Extra closing days on top of the national holidays (DAP R-CAL-1), `YYYY-MM-DD`.
    public var closedDays: [String] = []
    /// The key of the reply tokens (DAP R-AGENT-3); when unset, one is generated once and kept in the database.
    public var secret: String?
    /// Server ids whose Authentication-Results are trusted (DAP R-AGENT-3), e.g. `mx.cloudwise.nl`.
    public var trustedAuthservIDs: [String] = []
    /// Loop protection: automatic mails per recipient and per case within the window (seconds).
    public var loopMaxPerRecipient = 20
    public var loopMaxPerCase = 10
    public var loopWindow: Double = 3600
    /// The servicedesk's phone number in reply texts (DAP R-INC-2).
    public var phone: String = "074 240 46 66"
    public var statusAddress: String?
    /// DAP R-SEC-3: the CERT's address (a case with malware, ransomware or Cloudwise as cause goes there at
    /// once); unset: the agents of group `cert`.
    public var certAddress: String?
    /// DAP R-CHG-3: the weekly CAB, `weekday hour:minute` (ISO weekday, 1 = Monday), default `2 10:00`.
    public var cabMeeting: String?
    /// DAP R-CHG-3: hours before the meeting the agenda is mailed (default 24).
    public var cabAgendaLeadHours: Double = 24
    /// DAP R-PRB-1: N incidents within D days on one service and category propose a problem (3 and 14).
    public var problemThreshold = 3
    public var problemWindowDays = 14
    /// DAP R-INC-8: werkdagen a resolved case waits for the requester before it closes (5).
    public var confirmationWerkdagen = 5
    /// DAP R-INC-4: werkuren between progress updates for P1…P4 (`2,9,27,45`); unset: the DAP's defaults.
    public var progressCadence: [Double]?
    /// DAP R-CMP-2: werkdagen before a complaint goes to management and to the directie (`2,5`).
    public var complaintWerkdagen: [Int] = [2, 5]
    /// The services subscribers can follow (DAP R-OUT-1): a JSON or CSV file (code, name, description).
    public var services: String?
    /// Notices per second the sender sends at most; 0 is no limit.
    public var noticeRate: Double = 0
    /// Hard bounces after which an address is no longer mailed (its deliveries are skipped); 0 never stops.
    public var bounceLimit = 3
    /// The https base of the one-click unsubscribe (RFC 8058); unset: only the mailto in List-Unsubscribe.
    public var unsubscribeURL: String?
    /// The notices' List-Id (RFC 2919), `Name <list-label.domain>` or `<list-label.domain>`.
    public var listID: String = "<cloudwise-status.cloudwise.test>"
    public var imapStartTLS: String?
    public var smtpStartTLS: String?
    public var pollInterval: Double = 30
    public var batchSize: Int = 100
    /// Mails larger than this are not fetched: they go to Quarantine with the reason.
    public var maxMessageBytes: Int = 25 << 20
    public var processedFolder: String = "Processed"
    public var quarantineFolder: String = "Quarantine"
    public var connectTimeout: Double = 10
    public var transferTimeout: Double = 120
    /// Where the file was read from, for messages.
    public var source: String?

    public init() {}

    /// The attachments folder: configured, or `attachments/` beside the database.
    public var attachmentsFolder: String {
        if let attachments { return attachments }
        let directory = (database as NSString).deletingLastPathComponent
        return (directory.isEmpty ? "." : directory) + "/attachments"
    }

    /// The `[section] key` → environment variable table. A `*_FILE` variant reads a password from a file.
    static let variables: [(section: String, key: String, variable: String)] = [
        ("imap", "url", "DAPGATE_IMAP_URL"),
        ("imap", "user", "DAPGATE_IMAP_USER"),
        ("imap", "password", "DAPGATE_IMAP_PASSWORD"),
        ("imap", "starttls", "DAPGATE_IMAP_STARTTLS"),
        ("smtp", "url", "DAPGATE_SMTP_URL"),
        ("smtp", "user", "DAPGATE_SMTP_USER"),
        ("smtp", "password", "DAPGATE_SMTP_PASSWORD"),
        ("smtp", "starttls", "DAPGATE_SMTP_STARTTLS"),
        ("smtp", "envelope_from", "DAPGATE_ENVELOPE_FROM"),
        ("desk", "from", "DAPGATE_FROM"),
        ("desk", "queue", "DAPGATE_QUEUE"),
        ("desk", "catalog", "DAPGATE_CATALOG"),
        ("desk", "closed_days", "DAPGATE_CLOSED_DAYS"),
        ("desk", "phone", "DAPGATE_PHONE"),
        ("agents", "secret", "DAPGATE_SECRET"),
        ("agents", "trusted_authserv_ids", "DAPGATE_TRUSTED_AUTHSERV"),
        ("agents", "loop_max_per_recipient", "DAPGATE_LOOP_MAX_PER_RECIPIENT"),
        ("agents", "loop_max_per_case", "DAPGATE_LOOP_MAX_PER_CASE"),
        ("agents", "loop_window", "DAPGATE_LOOP_WINDOW"),
        ("desk", "status_address", "DAPGATE_STATUS_ADDRESS"),
        ("desk", "cert", "DAPGATE_CERT"),
        ("desk", "cab_meeting", "DAPGATE_CAB_MEETING"),
        ("desk", "cab_agenda_lead_hours", "DAPGATE_CAB_AGENDA_LEAD_HOURS"),
        ("desk", "problem_threshold", "DAPGATE_PROBLEM_THRESHOLD"),
        ("desk", "problem_window_days", "DAPGATE_PROBLEM_WINDOW_DAYS"),
        ("desk", "confirmation_werkdagen", "DAPGATE_CONFIRMATION_WERKDAGEN"),
        ("desk", "progress_cadence", "DAPGATE_PROGRESS_CADENCE"),
        ("desk", "complaint_werkdagen", "DAPGATE_COMPLAINT_WERKDAGEN"),
        ("notices", "services", "DAPGATE_SERVICES"),
        ("notices", "rate", "DAPGATE_NOTICE_RATE"),
        ("notices", "bounce_limit", "DAPGATE_BOUNCE_LIMIT"),
        ("notices", "unsubscribe_url", "DAPGATE_UNSUBSCRIBE_URL"),
        ("notices", "list_id", "DAPGATE_LIST_ID"),
        ("storage", "db", "DAPGATE_DB"),
        ("storage", "templates", "DAPGATE_TEMPLATES"),
        ("storage", "attachments", "DAPGATE_ATTACHMENTS"),
        ("tls", "ca_file", "DAPGATE_CA_FILE"),
        ("gateway", "interval", "DAPGATE_POLL_INTERVAL"),
        ("gateway", "batch_size", "DAPGATE_BATCH_SIZE"),
        ("gateway", "max_message_bytes", "DAPGATE_MAX_MESSAGE_BYTES"),
        ("gateway", "max_attachment_bytes", "DAPGATE_MAX_ATTACHMENT_BYTES"),
        ("gateway", "processed_folder", "DAPGATE_PROCESSED_FOLDER"),
        ("gateway", "quarantine_folder", "DAPGATE_QUARANTINE_FOLDER"),
        ("gateway", "connect_timeout", "DAPGATE_CONNECT_TIMEOUT"),
        ("gateway", "transfer_timeout", "DAPGATE_TRANSFER_TIMEOUT"),
    ]

    /// Parses the config file format: `[section]`, `key = value`, `#` and `;` comments, blank lines.
    /// - Throws: `ConfigError` naming the line that is not understood.
    public static func parse(_ text: String, source: String = "config") throws -> [String: String] {
        var values: [String: String] = [:]
        var section = ""
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]") else { throw ConfigError("\(source):\(index + 1): unclosed section") }
                section = line.dropFirst().dropLast().trimmingCharacters(in: .whitespaces).lowercased()
                continue
            }
            guard let equals = line.firstIndex(of: "=") else {
                throw ConfigError("\(source):\(index + 1): expected key = value")
            }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            var value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            guard !key.isEmpty else { throw ConfigError("\(source):\(index + 1): empty key") }
            values[section.isEmpty ? key : "\(section).\(key)"] = value
        }
        return values
    }

    /// Loads the file (when it exists, or fails when it was named explicitly) and applies the environment.
    public static func load(path: String?, environment: [String: String]) throws -> Config {
        var values: [String: String] = [:]
        var config = Config()
        let file = path ?? environment["DAPGATE_CONFIG"] ?? "dapgate.conf"
        if FileManager.default.fileExists(atPath: file) {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw ConfigError("cannot read config file \(file)")
            }
            values = try parse(String(decoding: data, as: UTF8.self), source: file)
            config.source = file
        } else if path != nil {
            throw ConfigError("config file not found: \(file)")
        }
        for entry in variables {
            let key = "\(entry.section).\(entry.key)"
            if let value = environment[entry.variable], !value.isEmpty { values[key] = value }
            if entry.key == "password" || entry.key == "user" || entry.key == "secret" {
                let fileKey = key + "_file"
                let fileVariable = entry.variable + "_FILE"
                let named = environment[fileVariable].flatMap { $0.isEmpty ? nil : $0 } ?? values[fileKey]
                if let named, environment[entry.variable]?.isEmpty ?? true {
                    guard let data = FileManager.default.contents(atPath: named) else {
                        throw ConfigError("cannot read \(fileVariable) file \(named)")
                    }
                    values[key] = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .newlines)
                }
            }
        }
        try config.apply(values)
        return config
    }

    mutating func apply(_ values: [String: String]) throws {
        func number(_ key: String) throws -> Double? {
            guard let text = values[key] else { return nil }
            guard let value = Double(text), value >= 0 else { throw ConfigError("\(key) must be a number, not \(text)") }
            return value
        }
        imapURL = values["imap.url"] ?? imapURL
        imapUser = values["imap.user"] ?? imapUser
        imapPassword = values["imap.password"] ?? imapPassword
        imapStartTLS = values["imap.starttls"] ?? imapStartTLS
        smtpURL = values["smtp.url"] ?? smtpURL
        smtpUser = values["smtp.user"] ?? smtpUser
        smtpPassword = values["smtp.password"] ?? smtpPassword
        smtpStartTLS = values["smtp.starttls"] ?? smtpStartTLS
        envelopeFrom = values["smtp.envelope_from"] ?? envelopeFrom
        from = values["desk.from"] ?? from
        queue = values["desk.queue"] ?? queue
        catalog = values["desk.catalog"] ?? catalog
        phone = values["desk.phone"] ?? phone
        secret = values["agents.secret"] ?? secret
        if let ids = values["agents.trusted_authserv_ids"] {
            trustedAuthservIDs = ids.split(whereSeparator: { $0 == "," || $0 == " " }).map { $0.lowercased() }
        }
        if let v = try number("agents.loop_max_per_recipient") { loopMaxPerRecipient = Int(v) }
        if let v = try number("agents.loop_max_per_case") { loopMaxPerCase = Int(v) }
        if let v = try number("agents.loop_window") {
            guard v > 0 else { throw ConfigError("agents.loop_window must be more than 0 seconds") }
            loopWindow = v
        }
        if let days = values["desk.closed_days"] {
            closedDays = days.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
        }
        statusAddress = values["desk.status_address"].map { $0.lowercased() } ?? statusAddress
        if let status = statusAddress, !status.isEmpty {
            let parts = status.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, !parts[0].contains("+"), parts[1].contains("."),
                  status.allSatisfy({ $0.isASCII && !$0.isWhitespace && !"<>,;\"()[]\\".contains($0) }) else {
                throw ConfigError("desk.status_address must be a plain address like status@cloudwise.nl (no +detail), not \(status)")
            }
        } else {
            statusAddress = nil
        }
        certAddress = values["desk.cert"].map { $0.lowercased() } ?? certAddress
        cabMeeting = values["desk.cab_meeting"] ?? cabMeeting
        if let v = try number("desk.cab_agenda_lead_hours") { cabAgendaLeadHours = max(0, v) }
        if let v = try number("desk.problem_threshold") {
            guard v >= 2 else { throw ConfigError("desk.problem_threshold must be 2 or more") }
            problemThreshold = Int(v)
        }
        if let v = try number("desk.problem_window_days") {
            guard v >= 1 else { throw ConfigError("desk.problem_window_days must be 1 or more") }
            problemWindowDays = Int(v)
        }
        if let v = try number("desk.confirmation_werkdagen") {
            guard v >= 1 else { throw ConfigError("desk.confirmation_werkdagen must be 1 or more") }
            confirmationWerkdagen = Int(v)
        }
        if let text = values["desk.progress_cadence"] {
            let hours = text.split(whereSeparator: { $0 == "," || $0 == " " }).compactMap { Double($0) }
            guard hours.count == 4, hours.allSatisfy({ $0 > 0 }) else {
                throw ConfigError("desk.progress_cadence must be four werkuren for P1,P2,P3,P4 like 2,9,27,45, not \(text)")
            }
            progressCadence = hours
        }
        if let text = values["desk.complaint_werkdagen"] {
            let days = text.split(whereSeparator: { $0 == "," || $0 == " " }).compactMap { Int($0) }
            guard days.count == 2, days[0] >= 1, days[1] > days[0] else {
                throw ConfigError("desk.complaint_werkdagen must be two growing werkdagen like 2,5, not \(text)")
            }
            complaintWerkdagen = days
        }
        services = values["notices.services"] ?? services
        if let v = try number("notices.rate") { noticeRate = v }
        if let v = try number("notices.bounce_limit") { bounceLimit = Int(v) }
        if let url = values["notices.unsubscribe_url"] {
            // RFC 8058 §3.1: the one-click URI is HTTPS; it goes between angle brackets in a header (RFC 2369 §2).
            guard url.lowercased().hasPrefix("https://"),
                  url.allSatisfy({ $0.isASCII && !$0.isWhitespace && !"<>,\"".contains($0) && !($0.asciiValue.map { $0 < 32 || $0 == 127 } ?? true) })
            else { throw ConfigError("notices.unsubscribe_url must be an https:// URL without spaces, commas or angle brackets, not \(url)") }
            unsubscribeURL = url
        }
        if let id = values["notices.list_id"] {
            // RFC 2919 §2: list-id = list-label "." list-id-namespace, between angle brackets.
            guard let open = id.lastIndex(of: "<"), let close = id.lastIndex(of: ">"), open < close,
                  id[id.index(after: open)..<close].contains("."),
                  id[id.index(after: open)..<close].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") })
            else { throw ConfigError("notices.list_id must look like <cloudwise-status.cloudwise.nl>, not \(id)") }
            listID = id
        }
        database = values["storage.db"] ?? database
        templates = values["storage.templates"] ?? templates
        attachments = values["storage.attachments"] ?? attachments
        caFile = values["tls.ca_file"] ?? caFile
        processedFolder = values["gateway.processed_folder"] ?? processedFolder
        quarantineFolder = values["gateway.quarantine_folder"] ?? quarantineFolder
        if let v = try number("gateway.interval") { pollInterval = v }
        if let v = try number("gateway.batch_size") { batchSize = max(1, Int(v)) }
        if let v = try number("gateway.max_message_bytes") { maxMessageBytes = Int(v) }
        if let v = try number("gateway.max_attachment_bytes") { maxAttachmentBytes = Int(v) }
        if let v = try number("gateway.connect_timeout") { connectTimeout = v }
        if let v = try number("gateway.transfer_timeout") { transferTimeout = v }
        for (key, value) in [("imap.starttls", imapStartTLS), ("smtp.starttls", smtpStartTLS)] {
            if let value, StartTLSSetting(rawValue: value) == nil {
                throw ConfigError("\(key) must be required, opportunistic or never, not \(value)")
            }
        }
    }
}

/// Mirrors `Transport.StartTLS` without making Config depend on Transport's spelling.
enum StartTLSSetting: String {
    case required, opportunistic, never
}

public struct ConfigError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
