import Desk
import Foundation
import Mail
import Store
import Transport

/// What one poll did.
public struct PollReport: Sendable, Equatable {
    public var fetched = 0
    public var cases = 0
    public var followUps = 0
    public var automatic = 0
    public var duplicates = 0
    public var quarantined = 0
    /// Mails to the status address: subscriptions and notices (DAP R-OUT-1, R-OUT-2).
    public var statusMails = 0
    public var resettled = 0
    public var sent = 0
    public var sendFailures = 0
    public init() {}
}

/// The loop: fetch → parse → decide → persist (one transaction) → send from the outbox → settle on the server.
///
/// Exactly once: a mail is settled (moved to Processed or Quarantine) only after the transaction that
/// recorded it committed; the ledger, keyed by (mailbox, UIDVALIDITY, UID) and a fingerprint of the
/// mail, makes re-reading a mail after a crash change nothing. Outgoing mail is written to the outbox
/// in the same transaction and sent afterwards, so a crash never loses a confirmation.
public final class Gateway {
    public let config: Config
    public let store: DeskStore
    public let desk: DeskIdentity
    var templates: Templates
    public let attachments: AttachmentStore
    public let settings: DeskSettings
    /// The key of the reply tokens (DAP R-AGENT-3).
    let replySecret: [UInt8]
    let loopGuard: LoopGuard
    /// The services subscribers can follow (DAP R-OUT-1), from `DAPGATE_SERVICES`; empty when unset.
    public let services: NoticeServiceList
    let log: Log
    let now: () -> Date
    public var policy = ParsePolicy.default
    /// Asked between mails: when it says stop, the mail at hand is finished and the poll returns.
    public var shouldStop: () -> Bool = { false }

    public init(config: Config, store: DeskStore, log: Log = Log(), now: @escaping () -> Date = Date.init) throws {
        self.config = config
        self.store = store
        self.log = log
        self.now = now
        desk = try DeskIdentity(from: config.from, envelopeFrom: config.envelopeFrom)
        templates = Templates(folder: config.templates)
        attachments = AttachmentStore(folder: config.attachmentsFolder)
        settings = try DeskSettings(config: config)
        services = try config.services.map(NoticeServiceFile.load) ?? NoticeServiceList([])
        if let secret = config.secret, !secret.isEmpty {
            replySecret = Array(secret.utf8)
        } else {
            replySecret = try store.setting("reply-token-secret") {
                var generator = SystemRandomNumberGenerator()
                return (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
            }
        }
        loopGuard = LoopGuard(maxPerRecipient: max(0, config.loopMaxPerRecipient),
                              maxPerCase: max(0, config.loopMaxPerCase), window: config.loopWindow)
        // Fail at start-up, not at the first mail, when a template is missing.
        _ = try templates.template("confirmation")
    }

    // MARK: - Polling

    /// Polls `source` until it has no unsettled mail (in batches of `config.batchSize`), sending the
    /// outbox through `sink` after each batch.
    public func poll(_ source: MailSource, sink: MailSink?) throws -> PollReport {
        var report = PollReport()
        let uidValidity = try source.open()
        if let state = try store.mailboxState(source.key), state.uidValidity != uidValidity {
            // RFC 9051 §2.3.1.1: every UID is void. The fingerprint still recognises mail seen before.
            log(.warning, "imap.uidvalidity-changed", ["mailbox": source.key, "old": "\(state.uidValidity)",
                                                       "new": "\(uidValidity)"])
        }
        // Mail committed earlier whose confirmation is still queued (a crash between commit and send).
        if let sink { flush(sink, into: &report) }
        // Mails that could not be fetched stay in the mailbox; this poll does not try them again.
        var skipped = Set<Int64>()
        while !shouldStop() {
            let waiting = try source.pending(limit: config.batchSize + skipped.count)
                .filter { !skipped.contains($0.uid) }
            if waiting.isEmpty { break }
            var processed: [Int64] = []
            var quarantined: [Int64] = []
            for listing in waiting.prefix(config.batchSize) {
                if shouldStop() { break }
                guard let outcome = try handle(listing, uidValidity: uidValidity, source: source, report: &report)
                else {
                    skipped.insert(listing.uid)
                    continue
                }
                if outcome == "quarantine" { quarantined.append(listing.uid) } else { processed.append(listing.uid) }
            }
            if let sink { flush(sink, into: &report) }
            try source.settle(processed: processed, quarantined: quarantined)
            try store.settle(mailbox: source.key, uidValidity: uidValidity, uids: processed + quarantined)
            if let highest = (processed + quarantined).max() {
                let last = max(highest, try store.mailboxState(source.key)?.lastUID ?? 0)
                try store.setMailboxState(source.key, uidValidity: uidValidity, lastUID: last)
            }
        }
        return report
    }

    /// Handles one listed mail; returns the ledger outcome, or nil when the mail could not be fetched
    /// (it stays in the mailbox and is tried again at the next poll).
    private func handle(_ listing: IMAPResponse.Listing, uidValidity: Int64, source: MailSource,
                        report: inout PollReport) throws -> String? {
        if let entry = try store.ledgerEntry(mailbox: source.key, uidValidity: uidValidity, uid: listing.uid) {
            // Committed before a crash or by another poller, but not settled on the server yet.
            report.resettled += 1
            return entry.outcome
        }
        if listing.size > config.maxMessageBytes {
            let reason = "message of \(listing.size) bytes exceeds the limit of \(config.maxMessageBytes) bytes"
            try store.transaction {
                try store.record(LedgerEntry(
                    mailbox: source.key, uidValidity: uidValidity, uid: listing.uid, messageID: nil,
                    fingerprint: "uid:\(source.key)/\(uidValidity)/\(listing.uid)", outcome: "quarantine",
                    caseID: nil, reason: reason, settled: false))
            }
            log(.warning, "mail.quarantine", ["uid": "\(listing.uid)", "reason": reason])
            report.quarantined += 1
            return "quarantine"
        }
        let raw: [UInt8]
        do {
            raw = try source.fetch(uid: listing.uid, uidValidity: uidValidity, limit: config.maxMessageBytes + 4096)
        } catch let error as TransportError where error.kind == .notFound {
            log(.warning, "mail.gone", ["uid": "\(listing.uid)", "error": error.description])
            return nil
        }
        report.fetched += 1
        let outcome = try store.transaction {
            try intake(raw, ledger: (source.key, uidValidity, listing.uid))
        }
        switch outcome.outcome {
        case "case": report.cases += 1
        case "followup": report.followUps += 1
        case "duplicate": report.duplicates += 1
        case "quarantine": report.quarantined += 1
        case "status": report.statusMails += 1
        default: report.automatic += 1
        }
        let level: Log.Level = outcome.outcome == "quarantine" ? .warning : .info
        log(level, "mail.\(outcome.outcome)", ["uid": "\(listing.uid)", "case": outcome.caseNumber ?? "-",
                                                "reason": outcome.reason ?? ""])
        return outcome.outcome
    }

    public struct IntakeOutcome: Sendable, Equatable {
        public var outcome: String
        public var caseID: Int64?
        public var caseNumber: String?
        public var reason: String?
    }

    /// Records one mail: parses it, routes it (DAP R-CASE-1, R-CASE-3), opens or updates the case, queues the
    /// confirmation (R-CASE-2) and writes the ledger row. Runs inside the caller's transaction.
    public func intake(_ raw: [UInt8], ledger: (mailbox: String, uidValidity: Int64, uid: Int64)) throws
        -> IntakeOutcome {
        func record(_ outcome: String, messageID: String?, fingerprint: String, caseID: Int64?, reason: String?)
            throws {
            try store.record(LedgerEntry(
                mailbox: ledger.mailbox, uidValidity: ledger.uidValidity, uid: ledger.uid, messageID: messageID,
                fingerprint: fingerprint, outcome: outcome, caseID: caseID, reason: reason, settled: false))
        }

        let message: Message
        do {
            message = try Message.parse(raw, policy: policy)
        } catch {
            let reason = "unparseable: \(error)"
            try store.addMessage(caseID: nil, direction: "in", kind: "quarantine", messageID: nil, fromAddress: nil,
                                 subject: nil, text: reason, raw: raw)
            try record("quarantine", messageID: nil, fingerprint: Fingerprint.of(raw: raw), caseID: nil, reason: reason)
            return IntakeOutcome(outcome: "quarantine", reason: reason)
        }
        let fingerprint = Fingerprint.of(message: message)
        if let earlier = try store.ledgerEntry(fingerprint: fingerprint) {
            // RFC 5322 §3.6.4: the same Message-ID from the same sender is the same mail, delivered again.
            let reason = "same mail as \(earlier.mailbox) UID \(earlier.uid)"
            try record("duplicate", messageID: message.messageID, fingerprint: fingerprint + "#\(ledger.uid)",
                       caseID: earlier.caseID, reason: reason)
            return IntakeOutcome(outcome: "duplicate", caseID: earlier.caseID, reason: reason)
        }
        guard let sender = message.from.first, Self.isUsable(address: sender.address) else {
            // RFC 5322 §3.6.2: From is required; without a sender there is nobody to register or confirm.
            let reason = "no usable sender address (From: missing or unreadable)"
            try store.addMessage(caseID: nil, direction: "in", kind: "quarantine", messageID: message.messageID,
                                 fromAddress: nil, subject: message.subject, text: reason, raw: raw)
            try record("quarantine", messageID: message.messageID, fingerprint: fingerprint, caseID: nil, reason: reason)
            return IntakeOutcome(outcome: "quarantine", reason: reason)
        }
        let requester = sender.address.lowercased()

        // The desk's own mail coming back (a forward loop, a misconfigured alias): never a case, never answered.
        if requester == desk.address || (config.statusAddress.map { requester == $0 } ?? false) {
            let reason = "mail from the desk's own address"
            try store.addMessage(caseID: nil, direction: "in", kind: "loop", messageID: message.messageID,
                                 fromAddress: requester, subject: message.subject, text: message.text, raw: raw)
            try record("ignored", messageID: message.messageID, fingerprint: fingerprint, caseID: nil, reason: reason)
            return IntakeOutcome(outcome: "ignored", reason: reason)
        }

        // DAP R-OUT-2: a bounce of a notice counts against the subscriber's address; it is no case's business.
        if message.auto == .bounce, let reason = try noticeBounce(message, raw: raw) {
            try record("auto", messageID: message.messageID, fingerprint: fingerprint, caseID: nil, reason: reason)
            return IntakeOutcome(outcome: "auto", reason: reason)
        }

        // DESIGN.md: mail for the status address is about subscriptions and notices, not a case (DAP R-OUT-1).
        if isStatusMail(message) {
            let outcome = try handleStatusMail(message, sender: requester, raw: raw)
            try record(outcome.outcome, messageID: message.messageID, fingerprint: fingerprint, caseID: nil,
                       reason: outcome.reason)
            return outcome
        }

        // DAP R-AGENT-3: a verified agent acting on a case; everything else is a requester's mail.
        if message.auto == .none, let (agent, caseRecord) = try verifiedAgentCase(message, sender: requester) {
            let outcome = try handleAgentReply(message, agent: agent, record: caseRecord, raw: raw)
            try record("agent", messageID: message.messageID, fingerprint: fingerprint, caseID: caseRecord.id,
                       reason: outcome.reason)
            return outcome
        }

        // RFC 3464: a bounce of the desk's own mail is recorded against the address it reports, with the
        // case of the bounced mail; it never opens a case and is never answered (DAP R-CASE-1).
        if message.auto == .bounce, let report = message.bounceReport {
            let caseID = try report.originalMessageID.flatMap { try store.caseOfOutgoing(messageID: $0) }
            for recipient in report.failedRecipients {
                try store.recordBounce(address: recipient.address, status: recipient.status, action: recipient.action,
                                       diagnostic: recipient.diagnostic, originalMessageID: report.originalMessageID,
                                       caseID: caseID, messageRow: nil)
            }
        }
        let tagged = try message.caseTag.flatMap(CaseNumber.init).flatMap { try store.findCase(number: $0) }
        let forward = Self.isForward(message.subject)
        let threaded = forward ? nil : try store.findCase(threadedBy: message.references + message.inReplyTo)
        var route = Intake.route(auto: message.auto, taggedCase: tagged?.id, threadedCase: threaded?.id)
        var linkedTo: Int64?
        if case .followUp(let caseID) = route {
            // DAP R-CASE-3: a forward of a case mail, or a follow-up from someone who is not a participant,
            // opens a new case that links to the old one.
            if try forward || !isParticipant(caseID: caseID, address: requester) {
                route = .newCase
                linkedTo = caseID
            }
        }
        switch route {
        case .newCase:
            let record = try openCase(for: message, requester: requester, senderName: sender.name, raw: raw,
                                      linkedTo: linkedTo)
            try store.record(LedgerEntry(
                mailbox: ledger.mailbox, uidValidity: ledger.uidValidity, uid: ledger.uid,
                messageID: message.messageID, fingerprint: fingerprint, outcome: "case", caseID: record.id,
                reason: nil, settled: false))
            return IntakeOutcome(outcome: "case", caseID: record.id, caseNumber: record.number.description)

        case .followUp(let caseID):
            // DAP R-CASE-3: added to the case, not a new case.
            let row = try store.addMessage(caseID: caseID, direction: "in", kind: "followup",
                                           messageID: message.messageID, fromAddress: requester,
                                           subject: message.subject, text: message.text, raw: raw)
            _ = try keepAttachments(of: message, messageRow: row)
            try store.touchCase(id: caseID)
            try addWatchers(message, caseID: caseID)
            try store.audit(caseID: caseID, actor: requester, action: "followup", detail: message.messageID)
            if let followed = try store.findCase(id: caseID), followed.requester == requester {
                try requesterReplied(message, record: followed)
            }
            try record("followup", messageID: message.messageID, fingerprint: fingerprint, caseID: caseID, reason: nil)
            let number = try store.findCase(id: caseID)?.number.description
            return IntakeOutcome(outcome: "followup", caseID: caseID, caseNumber: number)

        case .autoOnCase(let caseID, let kind):
            // RFC 3834 §2: never answered; kept with the case for the agents to see.
            try store.addMessage(caseID: caseID, direction: "in", kind: "auto-\(kind.rawValue)", messageID: message.messageID,
                                 fromAddress: requester, subject: message.subject, text: message.text, raw: raw)
            let reason = "automatic mail (\(kind.rawValue)) on the case, not answered"
            try record("auto", messageID: message.messageID, fingerprint: fingerprint, caseID: caseID, reason: reason)
            let number = try store.findCase(id: caseID)?.number.description
            return IntakeOutcome(outcome: "auto", caseID: caseID, caseNumber: number, reason: reason)

        case .ignore(let reason):
            try store.addMessage(caseID: nil, direction: "in", kind: "auto-\(message.auto.rawValue)",
                                 messageID: message.messageID, fromAddress: requester, subject: message.subject,
                                 text: message.text, raw: raw)
            try record("ignored", messageID: message.messageID, fingerprint: fingerprint, caseID: nil, reason: reason)
            return IntakeOutcome(outcome: "ignored", reason: reason)
        }
    }

    /// DAP R-CASE-1 and R-CASE-2: registers the case as intake decides it (R-AUTH-1 who, R-CASE-4 what,
    /// R-CASE-5 how urgent, R-AUTH-2 may they, R-INC-5 when) and queues the confirmation, threaded to the mail.
    private func openCase(for message: Message, requester address: String, senderName: String?, raw: [UInt8],
                          linkedTo: Int64? = nil) throws -> CaseRecord {
        let contact = try store.contact(email: address)
        let directory = contact.flatMap { c in
            Role(directoryValue: c.role).map {
                DirectoryContact(address: c.email, name: c.name, organisation: c.organisation, location: c.location,
                                 role: $0)
            }
        }
        let requester = Requester.resolve(address: address, displayName: contact?.name ?? senderName,
                                          contact: directory, organisations: try organisations())
        let subject = Templates.oneLine(message.subject).trimmingCharacters(in: .whitespaces)
        let decision = settings.rules.decide(subject: subject, text: message.replyText.isEmpty ? message.text : message.replyText,
                                             requester: requester, at: now())
        var new = NewCase(requester: address, requesterName: requester.name.isEmpty ? senderName : requester.name,
                          subject: subject)
        new.type = decision.type
        new.priority = decision.priority?.rawValue
        new.language = decision.language.rawValue
        new.organisation = requester.organisation
        new.location = requester.location
        new.role = requester.role.rawValue
        new.linkedCaseID = linkedTo
        switch decision.authorisation {
        case .allowed: new.intake.authorisation = "allowed"
        case .refused: new.intake.authorisation = "refused"; new.status = .refused
        case .unidentified: new.intake.authorisation = "unidentified"
        }
        new.intake.changeKind = decision.changeKind?.rawValue
        new.intake.impact = decision.impact.rawValue
        new.intake.urgency = decision.urgency.rawValue
        new.intake.catalogItem = decision.catalogItem?.name
        new.intake.service = decision.service?.name
        new.intake.reactionDue = decision.reactionDeadline.map(Timestamp.string)
        new.intake.resolutionDue = decision.resolutionDeadline.map(Timestamp.string)
        new.intake.slaWarningAt = decision.warningAt.map(Timestamp.string)
        let record = try store.openCase(new)
        try store.addParticipant(caseID: record.id, address: address, role: "requester")
        try addWatchers(message, caseID: record.id)
        // DAP R-INC-5: the timers the sweep fires; a refused change starts no clock.
        if new.status != .refused {
            if let due = new.intake.reactionDue { try store.setTimer(caseID: record.id, kind: "reaction-due", dueAt: due) }
            if let due = new.intake.slaWarningAt { try store.setTimer(caseID: record.id, kind: "sla-warning", dueAt: due) }
            if let due = new.intake.resolutionDue { try store.setTimer(caseID: record.id, kind: "sla-breach", dueAt: due) }
        }
        try store.audit(caseID: record.id, actor: "intake", action: "classified",
                        detail: "\(decision.type.rawValue) \(decision.priority.map { "P\($0.rawValue)" } ?? "-") "
                            + "\(new.intake.authorisation ?? "") \(decision.classification.evidence.prefix(5).map { "\($0)" }.joined(separator: ", "))")
        let row = try store.addMessage(caseID: record.id, direction: "in", kind: "new", messageID: message.messageID,
                                       fromAddress: address, subject: message.subject, text: message.text, raw: raw)
        let refused = try keepAttachments(of: message, messageRow: row)
        var extra = try replyParts(decision, record: record)
        extra["attachment_notice"] = attachmentNotice(refused, language: record.language)

        // The life cycle starts (DAP R-INC-4, R-CHG-1, R-CHG-3, R-CMP-1, R-REQ-2, R-SEC-2..5, R-PRB-4).
        let text = message.replyText.isEmpty ? message.text : message.replyText
        var life = CaseLife()
        life.needsApproval = decision.needsApproval
        life.missing = decision.missingInformation
        var parts: [String] = []
        var cert: SecurityTriage?
        if decision.type == .security, new.status != .refused {
            let triage = SecurityTriage.assess(subject: subject, text: text)
            if triage.certNow {
                cert = triage
                parts.append(try part("cert-informed", record.language, extra))
            }
            if triage.userMistake { parts.append(try part("security-advice", record.language, extra)) }
            if triage.isDataBreach || decision.classification.tags.contains(where: { $0.caseType == .security }) {
                // DAP R-SEC-2: ask for exactly what the report does not state.
                let known = requester.name.isEmpty == false && requester.location != nil
                let fields = DataBreachChecklist.missing(subject: subject, text: text, reporterKnown: known)
                life.missing = fields.map { DataBreachChecklist.question($0, language: record.language) }
                if !life.missing.isEmpty {
                    var values = extra
                    values["missing_list"] = life.missing.map { "  - \($0)" }.joined(separator: "\n")
                    parts.append(try part("data-breach-checklist", record.language, values))
                }
            }
        }
        if decision.type == .incident, let service = decision.service?.name,
           let known = try store.knownError(service: service) {
            // DAP R-PRB-4: incident deflection, the known error's workaround in the confirmation.
            var values = extra
            values["workaround"] = known.workaround
            values["kb_number"] = PrefixedNumber.format(known.problem.value, prefix: "KB")
            parts.append(try part("known-error", record.language, values))
            try store.audit(caseID: record.id, actor: "intake", action: "known-error", detail: known.problem.description)
        }
        try store.setLife(caseID: record.id, life)
        let opened = lifecycle.opened(caseState(record, life), at: now())
        if decision.type == .change, new.status != .refused {
            switch decision.changeKind {
            case .standard?: parts.append(try part("standard-change", record.language, extra))
            case .normal?:
                var values = extra
                values["cab_date"] = opened.cabMeeting.map { LocalText.dateTime($0) } ?? "-"
                parts.append(try part("cab-scheduled", record.language, values))
            case .emergency?: parts.append(try part("ecab-informed", record.language, extra))
            case nil: break
            }
        }
        if !parts.isEmpty {
            extra["notices"] = ([extra["notices"] ?? ""] + parts).filter { !$0.isEmpty }.joined(separator: "\n\n")
        }
        // DAP R-CMP-2: the account manager is copied on every complaint mail.
        let copy = decision.type == .complaint ? (try accountManager(of: record)).map { [$0] } ?? [] : []
        try queue(kind: "confirmation", for: record, replyingTo: message, to: address, cc: copy, extra: extra)
        try carryOut(opened, record: record, life: life, actor: "intake", at: now())
        if let cert {
            // DAP R-SEC-3: the CERT gets the case at once.
            try send(LifecycleMail(audience: .group(.cert), kind: "cert-alert",
                                   values: ["reasons": cert.certReasons.joined(separator: ", "),
                                            "text": String(text.prefix(4000))]),
                     record: record, life: life)
        }
        try requestDecisions(decision, record: record, requester: requester, replyingTo: message)
        // DAP R-AGENT-5: new cases (and so P1s) go to the desk's queue address.
        if let queue = config.queue, !queue.isEmpty {
            try queueDeskNotice(kind: "new-case", for: record, to: queue, dueAt: record.createdAt)
        }
        try proposeProblem(after: record)
        return record
    }

    /// DAP R-AUTH-3: a request that needs authorisation is put to the location's ICT contact (else the
    /// stichting's) for approval by mail, once its information is complete (R-REQ-2); DAP R-CHG-4: an
    /// emergency change goes to the E-CAB at once (a normal change waits for the weekly CAB, R-CHG-3). Each
    /// approver gets a reply token bound to them (R-AGENT-4).
    private func requestDecisions(_ decision: IntakeDecision, record: CaseRecord, requester: Requester,
                                  replyingTo message: Message) throws {
        guard decision.authorisation.isAllowed else { return }
        if decision.type == .request, decision.needsApproval, decision.missingInformation.isEmpty {
            try sendApprovalRequests(kind: "approval-request", record: record, requester: requester)
        } else if decision.type == .change, decision.changeKind == .emergency {
            try sendApprovalRequests(kind: "ecab-request", record: record, requester: requester)
        }
    }

    /// Mails each approver of the case (DAP R-AUTH-3: the location's ICT contacts, else the stichting's;
    /// R-CHG-3, R-CHG-4: the CAB or E-CAB members) and puts the case on hold until the decision.
    func sendApprovalRequests(kind: String, record: CaseRecord, requester: Requester) throws {
        var approvers: [(name: String, address: String)] = []
        if kind == "approval-request" {
            let local = requester.schoolICTContacts.filter { $0.location == requester.location && $0.address != record.requester }
            let pool = local.isEmpty ? requester.stichtingICTContacts.filter { $0.address != record.requester } : local
            approvers = pool.map { ($0.name, $0.address.lowercased()) }
        } else {
            let group = kind == "ecab-request" ? AgentGroup.eCAB : AgentGroup.cab
            approvers = try members(of: group).map { ($0.name, $0.email) }
        }
        if approvers.isEmpty, let queue = config.queue, !queue.isEmpty {
            // Nobody to ask in the directory (or no CAB members): the desk decides, by reply from the queue.
            approvers = [("Servicedesk", queue)]
        }
        guard !approvers.isEmpty else {
            try store.audit(caseID: record.id, actor: "gateway", action: kind, detail: "nobody to ask")
            return
        }
        try store.update(caseID: record.id, status: .onHold)
        for approver in approvers {
            if kind == "approval-request" {
                try store.addParticipant(caseID: record.id, address: approver.address, role: "approver")
            }
            try queueApproval(kind: kind, record: record, approver: approver)
        }
        try store.audit(caseID: record.id, actor: "gateway", action: kind,
                        detail: approvers.map(\.address).joined(separator: ", "))
    }

    private func queueApproval(kind: String, record: CaseRecord, approver: (name: String, address: String)) throws {
        let values: [String: String] = [
            "case_number": record.number.description, "case_tag": record.number.tag,
            "subject": Templates.oneLine(record.subject), "approver_name": Templates.oneLine(approver.name),
            "requester": record.requester, "requester_name": record.requesterName.map(Templates.oneLine) ?? record.requester,
            "organisation": record.organisation ?? "-", "location": record.location ?? "-",
            "text": try store.messages(caseID: record.id).first { $0.direction == "in" }?.text ?? "",
        ]
        // The school's ICT contact reads the approval request in the request's language; the CAB's are internal.
        let mail = try fill(kind, language: kind == "approval-request" ? record.language : "nl", values)
        let outgoing = try caseMail(record, to: Address(name: approver.name, address: approver.address),
                                    subject: mail.subject, text: mail.text, thread: .caseThread,
                                    autoSubmitted: "auto-generated")
        try enqueue(outgoing, kind: kind, caseID: record.id, recipients: [approver.address])
    }

    /// DAP R-CASE-3: people in Cc of a case mail become watchers (the desk's own addresses excepted).
    private func addWatchers(_ message: Message, caseID: Int64) throws {
        for address in message.cc.map({ $0.address.lowercased() }) + message.to.map({ $0.address.lowercased() })
        where Self.isUsable(address: address) && !isDeskAddress(address) {
            try store.addParticipant(caseID: caseID, address: address, role: "watcher")
        }
    }

    private var organisationCache: (at: Date, value: [Organisation])?

    /// The directory's organisations, read at most once a minute.
    private func organisations() throws -> [Organisation] {
        if let cache = organisationCache, now().timeIntervalSince(cache.at) < 60 { return cache.value }
        let value = try DeskSettings.organisations(store)
        organisationCache = (now(), value)
        return value
    }

    /// The paragraphs intake asks for (DAP R-INC-2, R-INC-3, R-SEC-1, R-AUTH-1, R-AUTH-2, R-REQ-2, R-CMP-1),
    /// each from its own template part, plus the type and priority lines.
    private func replyParts(_ decision: IntakeDecision, record: CaseRecord) throws -> [String: String] {
        let language = record.language
        var values: [String: String] = [
            "type_text": Self.typeText(decision.type, changeKind: decision.changeKind, language: language),
            "priority_text": decision.priority.map { "P\($0.rawValue)" }
                ?? (language == "en" ? "not applicable" : "niet van toepassing"),
            "phone": decision.phoneNumber,
            "on_call_minutes": "\(decision.onCallReactionMinutes ?? 60)",
            "case_number": record.number.description,
        ]
        var parts: [String] = []
        for reply in decision.replies {
            switch reply {
            case .p1PhoneAdvice(let onCall):
                parts.append(try part("p1-phone", language, values))
                if onCall { parts.append(try part("on-call", language, values)) }
            case .securityCallNow(let onCall):
                parts.append(try part("security-call-now", language, values))
                if onCall { parts.append(try part("on-call", language, values)) }
            case .refusal(let submitters):
                values["allowed_submitters"] = submitters.isEmpty
                    ? (language == "en" ? "the ICT contact of your foundation" : "de ICT-contactpersoon van uw stichting")
                    : submitters.map { "  - \(Templates.oneLine($0.description))" }.joined(separator: "\n")
                parts.append(try part("refusal", language, values))
            case .unknownOrganisation:
                parts.append(try part("unknown-organisation", language, values))
            case .missingInformation(let fields):
                values["missing_list"] = fields.map { "  - \($0)" }.joined(separator: "\n")
                parts.append(try part("missing-information", language, values))
            case .complaintRegistered:
                parts.append(try part("complaint", language, values))
            }
        }
        values["notices"] = parts.joined(separator: "\n\n")
        return values
    }

    private func part(_ name: String, _ language: String, _ values: [String: String]) throws -> String {
        let text = try templates.part(name, language: language)
        return Templates.fill(text, values).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func typeText(_ type: CaseType, changeKind: ChangeKind?, language: String) -> String {
        let dutch: [CaseType: String] = [
            .incident: "storing (incident)", .request: "verzoek (service request)", .change: "wijziging (change)",
            .complaint: "klacht", .question: "vraag", .security: "beveiligingsincident", .problem: "probleem",
        ]
        let english: [CaseType: String] = [
            .incident: "incident", .request: "service request", .change: "change", .complaint: "complaint",
            .question: "question", .security: "security incident", .problem: "problem",
        ]
        var text = (language == "en" ? english : dutch)[type] ?? type.rawValue
        if let changeKind {
            let kinds: [String: (String, String)] = [
                "standard": ("standaard", "standard"), "normal": ("normaal", "normal"),
                "emergency": ("spoed", "emergency"),
            ]
            if let names = kinds[changeKind.rawValue] { text += language == "en" ? ", \(names.1)" : ", \(names.0)" }
        }
        return text
    }

    /// Renders a template for a case and writes it to the outbox and the case's messages.
    private func queue(kind: String, for record: CaseRecord, replyingTo message: Message, to recipient: String,
                       cc: [String] = [], extra: [String: String] = [:]) throws {
        let subject = record.subject.isEmpty ? (record.language == "en" ? "(no subject)" : "(geen onderwerp)")
            : record.subject
        let values: [String: String] = [
            "case_number": record.number.description,
            "case_tag": record.number.tag,
            "subject": Templates.oneLine(subject),
            "requester_name": record.requesterName.map(Templates.oneLine) ?? (record.language == "en" ? "Sir or Madam" : "heer/mevrouw"),
            "requester": record.requester,
            "organisation": record.organisation ?? "",
            "created_at": DeskClockText.local(record.createdAt),
            "phone": config.phone,
            "attachment_notice": "",
        ].merging(extra) { _, new in new }
        let mail = try fill(kind, language: record.language, values)
        // RFC 5322 §3.6.4: threaded to the requester's mail; RFC 3834 §5: automatic replies say so, and
        // autoresponders then stay silent.
        var outgoing = try caseMail(record, to: Address(name: record.requesterName, address: recipient),
                                    subject: mail.subject, text: mail.text, thread: .message(message),
                                    autoSubmitted: "auto-replied")
        // Loop protection: a cap on automatic mail per recipient and per case in a sliding window.
        guard try loopAllows(recipient: recipient, caseID: record.id) else { return }
        outgoing.cc = cc.map { Address(address: $0) }
        try enqueue(outgoing, kind: kind, caseID: record.id, recipients: [recipient] + cc)
    }

    /// A notice to the desk (queue address) about a case: SLA warning, breach, passed reaction target.
    /// Automatic and internal: `Auto-Submitted: auto-generated` (RFC 3834 §5), threaded to the case's first mail.
    func queueDeskNotice(kind: String, for record: CaseRecord, to queue: String, dueAt: String) throws {
        let values: [String: String] = [
            "case_number": record.number.description,
            "case_tag": record.number.tag,
            "subject": Templates.oneLine(record.subject),
            "requester": record.requester,
            "requester_name": record.requesterName.map(Templates.oneLine) ?? record.requester,
            "organisation": record.organisation ?? "onbekend",
            "type": record.type.rawValue,
            "priority": record.priority.map { "P\($0)" } ?? "-",
            "status": record.status.rawValue,
            "due_at": DeskClockText.local(dueAt),
            "reaction_due": record.intake.reactionDue.map(DeskClockText.local) ?? "-",
            "resolution_due": record.intake.resolutionDue.map(DeskClockText.local) ?? "-",
            "created_at": DeskClockText.local(record.createdAt),
        ]
        let mail = try fill(kind, language: "nl", values)
        // Agents act on the case by replying to this notice (DAP R-AGENT-3: token bound to the queue).
        var outgoing = try caseMail(record, to: Address(address: queue), subject: mail.subject, text: mail.text,
                                    thread: .caseThread, autoSubmitted: "auto-generated")
        outgoing.extraHeaders.append(("X-Dapgate-Notice", kind))
        try enqueue(outgoing, kind: kind, caseID: record.id, recipients: [queue])
    }

    /// Renders `outgoing`, queues it in the outbox and keeps it with the case (or alone, `caseID` nil), in the
    /// caller's transaction: the one way the gateway sends mail.
    func enqueue(_ outgoing: OutgoingMessage, kind: String, caseID: Int64?, recipients: [String]) throws {
        let bytes = outgoing.render()
        try store.enqueue(caseID: caseID, kind: kind, mailFrom: desk.envelopeFrom, recipients: recipients,
                          messageID: outgoing.messageID, raw: bytes)
        try store.addMessage(caseID: caseID, direction: "out", kind: kind, messageID: outgoing.messageID,
                             fromAddress: outgoing.from.address, subject: outgoing.subject, text: outgoing.text,
                             raw: bytes)
    }

    /// Stores the mail's attachments on disk, content-addressed, up to the per-mail limit; returns the
    /// ones that were not accepted (name and size), so the requester can be told.
    func keepAttachments(of message: Message, messageRow: Int64) throws -> [(name: String, size: Int)] {
        var total = 0
        var refused: [(name: String, size: Int)] = []
        for attachment in message.attachments {
            let data = attachment.data
            let hash = SHA256.hex(data)
            let name = attachment.safeFilename
            if total + data.count > config.maxAttachmentBytes {
                refused.append((name, data.count))
                try store.addAttachment(
                    messageRow: messageRow, filename: name, contentType: attachment.contentType, size: data.count,
                    sha256: hash, stored: false,
                    reason: "over the limit of \(config.maxAttachmentBytes) bytes of attachments per mail")
                continue
            }
            total += data.count
            try attachments.put(data)
            try store.addAttachment(messageRow: messageRow, filename: name, contentType: attachment.contentType,
                                    size: data.count, sha256: hash, stored: true, reason: nil)
        }
        return refused
    }

    private func attachmentNotice(_ refused: [(name: String, size: Int)], language: String) -> String {
        guard !refused.isEmpty else { return "" }
        let limit = String(format: "%.0f", Double(config.maxAttachmentBytes) / 1_048_576)
        let list = refused.map { "  - \(Templates.oneLine($0.name)) (\(String(format: "%.1f", Double($0.size) / 1_048_576)) MB)" }
            .joined(separator: "\n")
        if language == "en" {
            return "Please note: we could not accept these attachments, because together they exceed the limit of "
                + "\(limit) MB per e-mail:\n\(list)\nPlease send them as a link (for example OneDrive) or in separate e-mails."
        }
        return "Let op: deze bijlagen hebben wij niet aangenomen, omdat ze samen groter zijn dan \(limit) MB per "
            + "e-mail:\n\(list)\nStuur ze als link (bijvoorbeeld via OneDrive) of in aparte e-mails."
    }

    static func isUsable(address: String) -> Bool {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".")
            && !address.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" })
    }

    // MARK: - Outbox

    /// Sends what the outbox holds; a failure is retried with backoff, a 5xx ends the row as failed.
    public func flush(_ sink: MailSink, into report: inout PollReport) {
        let items: [OutboxItem]
        do {
            items = try store.pendingOutbox()
        } catch {
            log(.error, "outbox.read", ["error": "\(error)"])
            return
        }
        for item in items {
            do {
                try sink.send(mailFrom: item.mailFrom, recipients: item.recipients, message: item.raw)
                try store.markSent(outboxID: item.id)
                report.sent += 1
            } catch {
                report.sendFailures += 1
                let permanent = (error as? TransportError)?.isPermanent ?? false
                let delay = min(3600, 30 * pow(2, Double(min(item.attempts, 7))))
                log(.warning, "outbox.failed", ["id": "\(item.id)", "kind": item.kind, "attempt": "\(item.attempts + 1)",
                                                 "permanent": "\(permanent)", "error": "\(error)"])
                try? store.markFailed(outboxID: item.id, error: "\(error)", permanent: permanent,
                                      retryAt: now().addingTimeInterval(delay))
                if let transport = error as? TransportError, transport.kind != .reply { break }
            }
        }
    }
}

@available(*, unavailable)
extension Gateway: Sendable {}
