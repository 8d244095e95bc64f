import Desk
import Foundation

/// The desk's data on one SQLite connection: cases, messages, ledger, outbox, contacts.
/// Methods that change several tables are called inside `transaction` by the gateway, so that a case,
/// its mail, its outgoing confirmation and its ledger row commit together or not at all.
public final class DeskStore {
    public let db: Database
    private let now: () -> Date

    public init(path: String, now: @escaping () -> Date = Date.init) throws {
        db = try Database(path: path)
        self.now = now
        try Migrator.migrate(db)
    }

    public func transaction<T>(_ body: () throws -> T) throws -> T { try db.transaction(body) }

    var stamp: String { Timestamp.string(now()) }

    // MARK: - Cases

    private static let caseColumns = """
        id, number, type, priority, status, requester, requester_name, organisation, location, role, subject,
        language, linked_case_id, created_at, updated_at, change_kind, impact, urgency, authorisation, catalog_item,
        service, reaction_due, resolution_due, sla_warning_at
        """

    private func caseRecord(_ row: Row) -> CaseRecord? {
        guard let id = row[0].int, let numberText = row.string(1), let number = CaseNumber(numberText) else {
            return nil
        }
        return CaseRecord(
            id: Int64(id), number: number, type: CaseType(rawValue: row.string(2) ?? "") ?? .question,
            priority: row.int(3), status: CaseStatus(rawValue: row.string(4) ?? "") ?? .registered,
            requester: row.string(5) ?? "", requesterName: row.string(6), organisation: row.string(7),
            location: row.string(8), role: row.string(9), subject: row.string(10) ?? "",
            language: row.string(11) ?? "nl", linkedCaseID: row.int(12).map(Int64.init),
            createdAt: row.string(13) ?? "", updatedAt: row.string(14) ?? "",
            intake: Self.intakeFields(row, from: 15))
    }

    private static func intakeFields(_ row: Row, from i: Int) -> IntakeFields {
        var fields = IntakeFields()
        fields.changeKind = row.string(i)
        fields.impact = row.string(i + 1)
        fields.urgency = row.string(i + 2)
        fields.authorisation = row.string(i + 3)
        fields.catalogItem = row.string(i + 4)
        fields.service = row.string(i + 5)
        fields.reactionDue = row.string(i + 6)
        fields.resolutionDue = row.string(i + 7)
        fields.slaWarningAt = row.string(i + 8)
        return fields
    }

    /// Opens a case with the next number. Call inside a transaction: the number and the case commit
    /// together, so a rollback leaves no gap and a number is never used twice.
    public func openCase(_ new: NewCase) throws -> CaseRecord {
        precondition(db.isInTransaction, "openCase must run inside a transaction")
        try db.run("UPDATE case_sequence SET last = last + 1 WHERE id = 1")
        guard let last = try db.first("SELECT last FROM case_sequence WHERE id = 1")?.int(0) else {
            throw StoreError(code: 1, message: "case_sequence is missing")
        }
        let number = CaseNumber(last)
        let at = stamp
        try db.run("""
            INSERT INTO cases (number, type, priority, status, requester, requester_name, organisation, location,
                               role, subject, language, linked_case_id, created_at, updated_at, change_kind, impact,
                               urgency, authorisation, catalog_item, service, reaction_due, resolution_due,
                               sla_warning_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [.text(number.description), .text(new.type.rawValue), SQLValue(new.priority), .text(new.status.rawValue),
             .text(new.requester), SQLValue(new.requesterName), SQLValue(new.organisation),
             SQLValue(new.location), SQLValue(new.role), .text(new.subject), .text(new.language),
             new.linkedCaseID.map { .integer($0) } ?? .null, .text(at), .text(at),
             SQLValue(new.intake.changeKind), SQLValue(new.intake.impact), SQLValue(new.intake.urgency),
             SQLValue(new.intake.authorisation), SQLValue(new.intake.catalogItem), SQLValue(new.intake.service),
             SQLValue(new.intake.reactionDue), SQLValue(new.intake.resolutionDue), SQLValue(new.intake.slaWarningAt)])
        let id = db.lastInsertRowID
        try audit(caseID: id, actor: new.requester, action: "registered", detail: number.description)
        return CaseRecord(
            id: id, number: number, type: new.type, priority: new.priority, status: new.status,
            requester: new.requester, requesterName: new.requesterName, organisation: new.organisation,
            location: new.location, role: new.role, subject: new.subject, language: new.language,
            linkedCaseID: new.linkedCaseID, createdAt: at, updatedAt: at, intake: new.intake)
    }

    public func findCase(id: Int64) throws -> CaseRecord? {
        try db.first("SELECT \(Self.caseColumns) FROM cases WHERE id = ?", [.integer(id)]).flatMap(caseRecord)
    }

    public func findCase(number: CaseNumber) throws -> CaseRecord? {
        try db.first("SELECT \(Self.caseColumns) FROM cases WHERE number = ?", [.text(number.description)])
            .flatMap(caseRecord)
    }

    /// The case that one of `messageIDs` (In-Reply-To, References) belongs to, newest reference first.
    /// DAP R-CASE-3.
    public func findCase(threadedBy messageIDs: [String]) throws -> CaseRecord? {
        for messageID in messageIDs.reversed() where !messageID.isEmpty {
            if let row = try db.first(
                "SELECT case_id FROM messages WHERE message_id = ? AND case_id IS NOT NULL LIMIT 1",
                [.text(messageID)]), let id = row.int(0) {
                return try findCase(id: Int64(id))
            }
        }
        return nil
    }

    public func listCases(status: String? = nil, type: String? = nil, limit: Int = 10_000) throws -> [CaseRecord] {
        var sql = "SELECT \(Self.caseColumns) FROM cases WHERE 1 = 1"
        var args: [SQLValue] = []
        if let status { sql += " AND status = ?"; args.append(.text(status)) }
        if let type { sql += " AND type = ?"; args.append(.text(type)) }
        sql += " ORDER BY id LIMIT ?"
        args.append(.integer(Int64(limit)))
        return try db.query(sql, args).compactMap(caseRecord)
    }

    public func caseCount() throws -> Int {
        try db.first("SELECT count(*) FROM cases")?.int(0) ?? 0
    }

    public func touchCase(id: Int64) throws {
        try db.run("UPDATE cases SET updated_at = ? WHERE id = ?", [.text(stamp), .integer(id)])
    }

    // MARK: - Messages

    @discardableResult
    public func addMessage(caseID: Int64?, direction: String, kind: String, messageID: String?,
                           fromAddress: String?, subject: String?, text: String?, raw: [UInt8]) throws -> Int64 {
        try db.run("""
            INSERT INTO messages (case_id, direction, kind, message_id, from_address, subject, text, raw, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [caseID.map { .integer($0) } ?? .null, .text(direction), .text(kind), SQLValue(messageID),
             SQLValue(fromAddress), SQLValue(subject), SQLValue(text), .blob(raw), .text(stamp)])
        return db.lastInsertRowID
    }

    public func messages(caseID: Int64) throws -> [MessageRecord] {
        try db.query("""
            SELECT id, case_id, direction, kind, message_id, from_address, subject, text, created_at
            FROM messages WHERE case_id = ? ORDER BY id
            """, [.integer(caseID)]).map { row in
            MessageRecord(
                id: Int64(row.int(0) ?? 0), caseID: row.int(1).map(Int64.init), direction: row.string(2) ?? "",
                kind: row.string(3) ?? "", messageID: row.string(4), fromAddress: row.string(5),
                subject: row.string(6), text: row.string(7), createdAt: row.string(8) ?? "")
        }
    }

    public func rawMessage(id: Int64) throws -> [UInt8]? {
        try db.first("SELECT raw FROM messages WHERE id = ?", [.integer(id)])?.bytes(0)
    }

    // MARK: - Ledger

    public func ledgerEntry(mailbox: String, uidValidity: Int64, uid: Int64) throws -> LedgerEntry? {
        try db.first("""
            SELECT mailbox, uidvalidity, uid, message_id, fingerprint, outcome, case_id, reason, settled
            FROM ledger WHERE mailbox = ? AND uidvalidity = ? AND uid = ?
            """, [.text(mailbox), .integer(uidValidity), .integer(uid)]).map(ledgerEntry)
    }

    /// A mail already recorded under another UID (a second delivery, a UIDVALIDITY reset, a restore).
    public func ledgerEntry(fingerprint: String) throws -> LedgerEntry? {
        try db.first("""
            SELECT mailbox, uidvalidity, uid, message_id, fingerprint, outcome, case_id, reason, settled
            FROM ledger WHERE fingerprint = ? ORDER BY processed_at LIMIT 1
            """, [.text(fingerprint)]).map(ledgerEntry)
    }

    private func ledgerEntry(_ row: Row) -> LedgerEntry {
        LedgerEntry(
            mailbox: row.string(0) ?? "", uidValidity: Int64(row.int(1) ?? 0), uid: Int64(row.int(2) ?? 0),
            messageID: row.string(3), fingerprint: row.string(4) ?? "", outcome: row.string(5) ?? "",
            caseID: row.int(6).map(Int64.init), reason: row.string(7), settled: (row.int(8) ?? 0) != 0)
    }

    public func record(_ entry: LedgerEntry) throws {
        try db.run("""
            INSERT INTO ledger (mailbox, uidvalidity, uid, message_id, fingerprint, outcome, case_id, reason, settled,
                                processed_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [.text(entry.mailbox), .integer(entry.uidValidity), .integer(entry.uid), SQLValue(entry.messageID),
             .text(entry.fingerprint), .text(entry.outcome), entry.caseID.map { .integer($0) } ?? .null,
             SQLValue(entry.reason), SQLValue(entry.settled), .text(stamp)])
    }

    public func settle(mailbox: String, uidValidity: Int64, uids: [Int64]) throws {
        try db.transaction {
            for uid in uids {
                try db.run("UPDATE ledger SET settled = 1 WHERE mailbox = ? AND uidvalidity = ? AND uid = ?",
                           [.text(mailbox), .integer(uidValidity), .integer(uid)])
            }
        }
    }

    public func ledgerCounts() throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for row in try db.query("SELECT outcome, count(*) FROM ledger GROUP BY outcome") {
            counts[row.string(0) ?? ""] = row.int(1) ?? 0
        }
        return counts
    }

    public func quarantined() throws -> [LedgerEntry] {
        try db.query("""
            SELECT mailbox, uidvalidity, uid, message_id, fingerprint, outcome, case_id, reason, settled
            FROM ledger WHERE outcome = 'quarantine' ORDER BY processed_at
            """).map(ledgerEntry)
    }

    // MARK: - Mailbox state

    public func mailboxState(_ mailbox: String) throws -> (uidValidity: Int64, lastUID: Int64)? {
        guard let row = try db.first("SELECT uidvalidity, last_uid FROM mailbox_state WHERE mailbox = ?",
                                     [.text(mailbox)]) else { return nil }
        return (Int64(row.int(0) ?? 0), Int64(row.int(1) ?? 0))
    }

    public func setMailboxState(_ mailbox: String, uidValidity: Int64, lastUID: Int64) throws {
        try db.run("""
            INSERT INTO mailbox_state (mailbox, uidvalidity, last_uid) VALUES (?, ?, ?)
            ON CONFLICT (mailbox) DO UPDATE SET uidvalidity = excluded.uidvalidity, last_uid = excluded.last_uid
            """, [.text(mailbox), .integer(uidValidity), .integer(lastUID)])
    }

    // MARK: - Outbox

    /// Queues a mail. Call in the transaction of the change that caused it.
    public func enqueue(caseID: Int64?, kind: String, mailFrom: String, recipients: [String], messageID: String,
                        raw: [UInt8]) throws {
        let at = stamp
        try db.run("""
            INSERT INTO outbox (case_id, kind, mail_from, recipients, message_id, raw, next_attempt_at, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [caseID.map { .integer($0) } ?? .null, .text(kind), .text(mailFrom),
             .text(recipients.joined(separator: "\n")), .text(messageID), .blob(raw), .text(at), .text(at)])
    }

    public func pendingOutbox(limit: Int = 500) throws -> [OutboxItem] {
        try db.query("""
            SELECT id, case_id, kind, mail_from, recipients, message_id, raw, attempts FROM outbox
            WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY id LIMIT ?
            """, [.text(stamp), .integer(Int64(limit))]).map { row in
            OutboxItem(
                id: Int64(row.int(0) ?? 0), caseID: row.int(1).map(Int64.init), kind: row.string(2) ?? "",
                mailFrom: row.string(3) ?? "",
                recipients: (row.string(4) ?? "").split(separator: "\n").map(String.init),
                messageID: row.string(5) ?? "", raw: row.bytes(6) ?? [], attempts: row.int(7) ?? 0)
        }
    }

    public func markSent(outboxID: Int64) throws {
        try db.run("UPDATE outbox SET status = 'sent', sent_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?",
                   [.text(stamp), .integer(outboxID)])
    }

    /// Records a failed attempt: `permanent` ends the row as failed, otherwise it is retried at `retryAt`.
    public func markFailed(outboxID: Int64, error: String, permanent: Bool, retryAt: Date) throws {
        try db.run("""
            UPDATE outbox SET status = ?, attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?
            """, [.text(permanent ? "failed" : "pending"), .text(error), .text(Timestamp.string(retryAt)),
                  .integer(outboxID)])
    }

    public func outboxCounts() throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for row in try db.query("SELECT status, count(*) FROM outbox GROUP BY status") {
            counts[row.string(0) ?? ""] = row.int(1) ?? 0
        }
        return counts
    }

    // MARK: - Contacts

    public func upsert(_ contact: ContactRecord) throws {
        try db.run("""
            INSERT INTO contacts (email, name, organisation, location, role) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (email) DO UPDATE SET name = excluded.name, organisation = excluded.organisation,
                location = excluded.location, role = excluded.role
            """, [.text(contact.email.lowercased()), .text(contact.name), .text(contact.organisation),
                  .text(contact.location), .text(contact.role)])
    }

    public func contact(email: String) throws -> ContactRecord? {
        try db.first("SELECT email, name, organisation, location, role FROM contacts WHERE email = ?",
                     [.text(email.lowercased())]).map {
            ContactRecord(email: $0.string(0) ?? "", name: $0.string(1) ?? "", organisation: $0.string(2) ?? "",
                    location: $0.string(3) ?? "", role: $0.string(4) ?? "")
        }
    }

    public func contactCount() throws -> Int {
        try db.first("SELECT count(*) FROM contacts")?.int(0) ?? 0
    }

    // MARK: - Organisations

    public func upsert(_ organisation: OrganisationRecord) throws {
        try db.run("""
            INSERT INTO organisations (name, domains, on_call, account_manager) VALUES (?, ?, ?, ?)
            ON CONFLICT (name) DO UPDATE SET domains = excluded.domains, on_call = excluded.on_call,
                account_manager = excluded.account_manager
            """, [.text(organisation.name), .text(organisation.domains.map { $0.lowercased() }.joined(separator: " ")),
                  SQLValue(organisation.onCall), SQLValue(organisation.accountManager)])
    }

    public func organisations() throws -> [OrganisationRecord] {
        try db.query("SELECT name, domains, on_call, account_manager FROM organisations ORDER BY name").map {
            OrganisationRecord(name: $0.string(0) ?? "", domains: ($0.string(1) ?? "").split(separator: " ").map(String.init),
                               onCall: ($0.int(2) ?? 0) != 0, accountManager: $0.string(3))
        }
    }

    public func contacts(organisation: String) throws -> [ContactRecord] {
        try db.query("SELECT email, name, organisation, location, role FROM contacts WHERE organisation = ? ORDER BY email",
                     [.text(organisation)]).map {
            ContactRecord(email: $0.string(0) ?? "", name: $0.string(1) ?? "", organisation: $0.string(2) ?? "",
                          location: $0.string(3) ?? "", role: $0.string(4) ?? "")
        }
    }

    // MARK: - Timers

    /// Sets (or moves) a case's timer of one kind.
    public func setTimer(caseID: Int64, kind: String, dueAt: String) throws {
        try db.run("""
            INSERT INTO timers (case_id, kind, due_at) VALUES (?, ?, ?)
            ON CONFLICT (case_id, kind) DO UPDATE SET due_at = excluded.due_at, fired_at = NULL
            """, [.integer(caseID), .text(kind), .text(dueAt)])
    }

    /// Timers due at `at` that have not fired, oldest first: an index range scan, so a sweep costs what is due.
    public func dueTimers(at: String, limit: Int = 1000) throws -> [DueTimer] {
        try db.query("""
            SELECT id, case_id, kind, due_at FROM timers WHERE fired_at IS NULL AND due_at <= ? ORDER BY due_at LIMIT ?
            """, [.text(at), .integer(Int64(limit))]).map {
            DueTimer(id: Int64($0.int(0) ?? 0), caseID: Int64($0.int(1) ?? 0), kind: $0.string(2) ?? "",
                     dueAt: $0.string(3) ?? "")
        }
    }

    public func markFired(timerID: Int64, at: String) throws {
        try db.run("UPDATE timers SET fired_at = ? WHERE id = ?", [.text(at), .integer(timerID)])
    }

    public func timers(caseID: Int64) throws -> [(kind: String, dueAt: String, firedAt: String?)] {
        try db.query("SELECT kind, due_at, fired_at FROM timers WHERE case_id = ? ORDER BY due_at", [.integer(caseID)])
            .map { ($0.string(0) ?? "", $0.string(1) ?? "", $0.string(2)) }
    }

    // MARK: - Agents

    public func upsert(_ agent: AgentRecord) throws {
        try db.run("""
            INSERT INTO agents (email, name, groups, absent, backup) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (email) DO UPDATE SET name = excluded.name, groups = excluded.groups,
                absent = excluded.absent, backup = excluded.backup
            """, [.text(agent.email.lowercased()), .text(agent.name), .text(agent.groups.joined(separator: " ")),
                  SQLValue(agent.absent), SQLValue(agent.backup?.lowercased())])
    }

    private func agentRecord(_ row: Row) -> AgentRecord {
        AgentRecord(email: row.string(0) ?? "", name: row.string(1) ?? "",
                    groups: (row.string(2) ?? "").split(separator: " ").map(String.init),
                    absent: (row.int(3) ?? 0) != 0, backup: row.string(4))
    }

    public func agent(email: String) throws -> AgentRecord? {
        try db.first("SELECT email, name, groups, absent, backup FROM agents WHERE email = ?",
                     [.text(email.lowercased())]).map(agentRecord)
    }

    public func agents() throws -> [AgentRecord] {
        try db.query("SELECT email, name, groups, absent, backup FROM agents ORDER BY email").map(agentRecord)
    }

    // MARK: - Participants

    /// DAP R-CASE-3: adds a participant; an existing one keeps its first role.
    public func addParticipant(caseID: Int64, address: String, role: String) throws {
        try db.run("INSERT OR IGNORE INTO participants (case_id, address, role) VALUES (?, ?, ?)",
                   [.integer(caseID), .text(address.lowercased()), .text(role)])
    }

    public func participants(caseID: Int64) throws -> [(address: String, role: String)] {
        try db.query("SELECT address, role FROM participants WHERE case_id = ? ORDER BY rowid", [.integer(caseID)])
            .map { ($0.string(0) ?? "", $0.string(1) ?? "") }
    }

    public func isParticipant(caseID: Int64, address: String) throws -> Bool {
        try db.first("SELECT 1 FROM participants WHERE case_id = ? AND address = ?",
                     [.integer(caseID), .text(address.lowercased())]) != nil
    }

    // MARK: - Case changes

    /// Updates the fields an agent's command changes (DAP R-AGENT-2).
    public func update(caseID: Int64, status: CaseStatus? = nil, type: CaseType? = nil, priority: Int? = nil,
                       assignee: String? = nil, visitAt: String? = nil, solution: String? = nil,
                       linkedCaseID: Int64? = nil) throws {
        var sets: [String] = ["updated_at = ?"]
        var args: [SQLValue] = [.text(stamp)]
        if let status { sets.append("status = ?"); args.append(.text(status.rawValue)) }
        if let type { sets.append("type = ?"); args.append(.text(type.rawValue)) }
        if let priority { sets.append("priority = ?"); args.append(.integer(Int64(priority))) }
        if let assignee { sets.append("assignee = ?"); args.append(.text(assignee)) }
        if let visitAt { sets.append("visit_at = ?"); args.append(.text(visitAt)) }
        if let solution { sets.append("solution = ?"); args.append(.text(solution)) }
        if let linkedCaseID { sets.append("linked_case_id = ?"); args.append(.integer(linkedCaseID)) }
        args.append(.integer(caseID))
        try db.run("UPDATE cases SET \(sets.joined(separator: ", ")) WHERE id = ?", args)
    }

    public func caseExtras(caseID: Int64) throws -> (assignee: String?, visitAt: String?, solution: String?) {
        guard let row = try db.first("SELECT assignee, visit_at, solution FROM cases WHERE id = ?", [.integer(caseID)])
        else { return (nil, nil, nil) }
        return (row.string(0), row.string(1), row.string(2))
    }

    // MARK: - Settings

    /// A setting generated once and kept: returns the stored value, or stores and returns `make()`.
    public func setting(_ key: String, orCreate make: () -> [UInt8]) throws -> [UInt8] {
        if let value = try db.first("SELECT value FROM settings WHERE key = ?", [.text(key)])?.bytes(0) { return value }
        let value = make()
        try db.run("INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)", [.text(key), .blob(value)])
        return try db.first("SELECT value FROM settings WHERE key = ?", [.text(key)])?.bytes(0) ?? value
    }

    // MARK: - Loop protection

    /// When automatic mail went to `recipient`, and for `caseID`, since `since` (DAP R-AGENT loop protection).
    public func automaticMailTimes(recipient: String, caseID: Int64?, since: String) throws
        -> (toRecipient: [String], forCase: [String]) {
        let toRecipient = try db.query(
            "SELECT created_at FROM outbox WHERE recipients = ? AND created_at > ? AND kind != 'answer'",
            [.text(recipient.lowercased()), .text(since)]).compactMap { $0.string(0) }
        var forCase: [String] = []
        if let caseID {
            forCase = try db.query(
                "SELECT created_at FROM outbox WHERE case_id = ? AND created_at > ? AND kind != 'answer'",
                [.integer(caseID), .text(since)]).compactMap { $0.string(0) }
        }
        return (toRecipient, forCase)
    }

    // MARK: - Attachments

    public func addAttachment(messageRow: Int64, filename: String, contentType: String, size: Int, sha256: String,
                              stored: Bool, reason: String?) throws {
        try db.run("""
            INSERT INTO attachments (message_row, filename, content_type, size, sha256, stored, reason)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, [.integer(messageRow), .text(filename), .text(contentType), .integer(Int64(size)), .text(sha256),
                  SQLValue(stored), SQLValue(reason)])
    }

    public func attachments(messageRow: Int64) throws -> [AttachmentRecord] {
        try db.query("""
            SELECT filename, content_type, size, sha256, stored, reason FROM attachments WHERE message_row = ? ORDER BY id
            """, [.integer(messageRow)]).map {
            AttachmentRecord(filename: $0.string(0) ?? "", contentType: $0.string(1) ?? "", size: $0.int(2) ?? 0,
                             sha256: $0.string(3) ?? "", stored: ($0.int(4) ?? 0) != 0, reason: $0.string(5))
        }
    }

    // MARK: - Bounces

    public func recordBounce(address: String, status: String?, action: String?, diagnostic: String?,
                             originalMessageID: String?, caseID: Int64?, messageRow: Int64?) throws {
        try db.run("""
            INSERT INTO bounces (address, status, action, diagnostic, original_message_id, case_id, message_row, at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, [.text(address.lowercased()), SQLValue(status), SQLValue(action), SQLValue(diagnostic),
                  SQLValue(originalMessageID), caseID.map { .integer($0) } ?? .null,
                  messageRow.map { .integer($0) } ?? .null, .text(stamp)])
    }

    /// Bounces per address, most first: what the operator checks before mailing an address again.
    public func bounceCounts() throws -> [(address: String, count: Int, lastStatus: String?)] {
        try db.query("""
            SELECT address, count(*), (SELECT status FROM bounces b2 WHERE b2.address = b.address ORDER BY id DESC LIMIT 1)
            FROM bounces b GROUP BY address ORDER BY count(*) DESC, address
            """).map { ($0.string(0) ?? "", $0.int(1) ?? 0, $0.string(2)) }
    }

    /// The case of one of the desk's own mails, by its Message-ID (a bounce names the mail it returns).
    public func caseOfOutgoing(messageID: String) throws -> Int64? {
        try db.first("SELECT case_id FROM messages WHERE message_id = ? AND direction = 'out' LIMIT 1",
                     [.text(messageID)])?.int(0).map(Int64.init)
    }

    // MARK: - Audit

    public func audit(caseID: Int64?, actor: String, action: String, detail: String?) throws {
        try db.run("INSERT INTO audit (case_id, at, actor, action, detail) VALUES (?, ?, ?, ?, ?)",
                   [caseID.map { .integer($0) } ?? .null, .text(stamp), .text(actor), .text(action),
                    SQLValue(detail)])
    }
}

@available(*, unavailable)
extension DeskStore: Sendable {}
