import Desk
import Foundation
import Mail
import Store

/// Outage and maintenance notices (DAP R-INC-9, R-OUT-2, R-OUT-3): opened by an agent's mail to the status
/// address or by `dapgate notices create`, then updates and a closing notice in the same thread.
///
/// Verification (DAP R-AGENT-3 applied to the status address): a registered agent's mail to the plain status
/// address proves nothing by itself (a From line is easy to forge). With a pass in the Authentication-Results
/// of a trusted server id it is sent at once. Otherwise it becomes a draft, and the gateway mails the agent's
/// registered address a copy with `Reply-To: status+ok-<id>-<mac>@…`, a token bound to that agent: only a
/// reply from the agent's own mailbox to that address sends it. Every notice sent gives the agent a receipt
/// with `Reply-To: status+ntc-<id>-<mac>@…`, so updates and the closing notice need no second round trip.
/// The notice text is what the agent wrote and nothing else: no case data goes into a notice (R-OUT-3).
extension Gateway {
    /// DAP R-AGENT-3: the receiving server (a trusted authserv-id) says the sender's domain passed.
    func agentProvedByAuthenticationResults(_ message: Message, sender: String) -> Bool {
        let domain = String(sender.split(separator: "@").last ?? "")
        return !config.trustedAuthservIDs.isEmpty
            && AuthenticationResults.senderDomainPassed(message.header, fromDomain: domain,
                                                        trustedAuthservIDs: Set(config.trustedAuthservIDs))
    }

    /// An agent's notice command. `verified`: the mail proves the agent (a token or a trusted
    /// Authentication-Results); otherwise the notice waits as a draft for the agent's confirmation by mail.
    func handleAnnouncement(_ parse: AnnouncementParse, agent: AgentRecord, message: Message, verified: Bool,
                            tokenNotice: NoticeRecord?) throws -> IntakeOutcome {
        func refuse(_ problem: String) throws -> IntakeOutcome {
            try queueAgentNoticeMail(kind: "notice-not-understood", agent: agent, notice: nil, replyingTo: message,
                                     values: ["problem": problem, "subject": Templates.oneLine(message.subject)])
            try store.audit(caseID: nil, actor: agent.email, action: "notice-refused", detail: problem)
            return IntakeOutcome(outcome: "status", reason: "notice not understood: \(problem)")
        }
        if let problem = parse.problem { return try refuse(problem) }
        guard let command = parse.command else {
            return try refuse("de eerste regel is geen opdracht (update:, opgelost:, storing:, onderhoud:)")
        }
        switch command {
        case .announce(let type, let words, let period):
            let (known, unknown) = services.resolve(words)
            guard unknown.isEmpty, !known.isEmpty else {
                return try refuse(unknown.isEmpty ? "geen dienst genoemd" : "onbekende dienst: \(unknown.joined(separator: ", "))")
            }
            guard !parse.text.isEmpty else { return try refuse("er staat geen tekst voor de abonnees onder de opdracht") }
            let subject = Self.noticeSubject(message.subject, type: type, services: known)
            let created = try createNotice(
                type: type, services: known.map(\.code), subject: subject,
                startsAt: period.flatMap { $0.from.instant(in: .amsterdam) },
                endsAt: period?.until.flatMap { $0.instant(in: .amsterdam) }, text: parse.text, author: agent.email,
                publish: verified)
            try confirmToAgent(agent, notice: created.notice, message: created.message, recipients: created.recipients,
                               published: verified, replyingTo: message)
            return IntakeOutcome(outcome: "status", reason: "\(created.notice.number) \(verified ? "queued" : "draft")")

        case .update(let number), .resolve(let number):
            let kind: NoticeMessageKind
            if case .update = command { kind = .update } else { kind = .resolved }
            guard let notice = try number.flatMap({ try store.notice(number: $0) }) ?? (number == nil ? tokenNotice : nil)
            else {
                return try refuse(number.map { "bericht \($0) bestaat niet" } ?? "noem het bericht: \(kind == .update ? "update" : "opgelost"): NTC0000001")
            }
            guard notice.status == .open else { return try refuse("bericht \(notice.number) is \(notice.status.rawValue)") }
            guard kind == .resolved || !parse.text.isEmpty else {
                return try refuse("er staat geen tekst voor de abonnees onder update:")
            }
            let added = try addNoticeMessage(to: notice, kind: kind, text: parse.text, author: agent.email, publish: verified)
            try confirmToAgent(agent, notice: try store.notice(id: notice.id) ?? notice, message: added.message,
                               recipients: added.recipients, published: verified, replyingTo: message)
            return IntakeOutcome(outcome: "status", reason: "\(notice.number) \(kind.rawValue) \(verified ? "queued" : "draft")")
        }
    }

    /// The agent's reply to a draft's `ok` token: sends it, or drops it when the first line says so.
    func handleApproval(noticeMessageID: Int64, agent: AgentRecord, message: Message) throws -> IntakeOutcome {
        guard let draft = try store.noticeMessage(id: noticeMessageID), let notice = try store.notice(id: draft.noticeID)
        else { return IntakeOutcome(outcome: "status", reason: "no such draft") }
        // A second reply changes nothing: the draft was sent or dropped already.
        guard draft.state == "draft" else {
            return IntakeOutcome(outcome: "status", reason: "\(notice.number) already \(draft.state)")
        }
        let first = Self.commandText(message).split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.first { !$0.isEmpty } ?? ""
        let word = first.trimmingCharacters(in: CharacterSet(charactersIn: ".!, "))
        if ["annuleren", "annuleer", "niet versturen", "cancel", "nee", "no", "stop"].contains(word) {
            try store.setNoticeMessage(id: draft.id, state: "cancelled")
            if draft.kind == .announcement { try store.setNotice(id: notice.id, status: .cancelled) }
            try store.audit(caseID: nil, actor: agent.email, action: "notice-cancelled", detail: notice.number.description)
            try confirmToAgent(agent, notice: try store.notice(id: notice.id) ?? notice, message: draft, recipients: 0,
                               published: false, cancelled: true, replyingTo: message)
            return IntakeOutcome(outcome: "status", reason: "\(notice.number) draft cancelled")
        }
        if draft.kind != .announcement, notice.status != .open {
            try store.setNoticeMessage(id: draft.id, state: "cancelled")
            try queueAgentNoticeMail(kind: "notice-not-understood", agent: agent, notice: notice, replyingTo: message,
                                     values: ["problem": "bericht \(notice.number) is \(notice.status.rawValue)",
                                              "subject": notice.subject])
            return IntakeOutcome(outcome: "status", reason: "\(notice.number) is \(notice.status.rawValue)")
        }
        let recipients = try publish(draft)
        try store.audit(caseID: nil, actor: agent.email, action: "notice-confirmed", detail: notice.number.description)
        try confirmToAgent(agent, notice: try store.notice(id: notice.id) ?? notice, message: draft,
                           recipients: recipients, published: true, replyingTo: message)
        return IntakeOutcome(outcome: "status", reason: "\(notice.number) confirmed, queued for \(recipients)")
    }

    // MARK: - The notice life cycle (shared by mail and the command line)

    /// DAP R-OUT-2: opens a notice with its first message. `publish`: queued at once for every active subscriber
    /// of any of `services`; otherwise a draft. Call inside a transaction.
    public func createNotice(type: NoticeType, services codes: [String], subject: String, startsAt: Date?,
                             endsAt: Date?, text: String, author: String, publish: Bool) throws
        -> (notice: NoticeRecord, message: NoticeMessageRecord, recipients: Int) {
        guard config.statusAddress != nil else {
            throw ConfigError("notices need DAPGATE_STATUS_ADDRESS (their unsubscribe address is on it)")
        }
        let notice = try store.openNotice(NewNotice(
            type: type, services: codes, subject: Templates.oneLine(subject).trimmingCharacters(in: .whitespaces),
            startsAt: startsAt.map(Timestamp.string), endsAt: endsAt.map(Timestamp.string), status: .draft,
            author: author))
        let message = try store.addNoticeMessage(
            noticeID: notice.id, kind: .announcement, state: "draft", text: text,
            messageID: OutgoingMessage.makeMessageID(domain: desk.domain), author: author)
        try store.audit(caseID: nil, actor: author, action: "notice-created",
                        detail: "\(notice.number) \(type.rawValue) \(codes.joined(separator: " "))")
        let recipients = publish ? try self.publish(message) : 0
        return (try store.notice(id: notice.id) ?? notice, message, recipients)
    }

    /// DAP R-OUT-2: an update or the closing notice of an open notice, threaded to the first.
    public func addNoticeMessage(to notice: NoticeRecord, kind: NoticeMessageKind, text: String, author: String,
                                 publish: Bool) throws -> (message: NoticeMessageRecord, recipients: Int) {
        let message = try store.addNoticeMessage(
            noticeID: notice.id, kind: kind, state: "draft", text: text,
            messageID: OutgoingMessage.makeMessageID(domain: desk.domain), author: author)
        try store.audit(caseID: nil, actor: author, action: "notice-\(kind.rawValue)", detail: notice.number.description)
        let recipients = publish ? try self.publish(message) : 0
        return (message, recipients)
    }

    /// Queues a notice message for every active subscriber of any of the notice's services, each address once
    /// (DAP R-OUT-2), bouncing addresses as skipped; moves the notice to open or resolved. Returns the number
    /// of addresses that will be mailed.
    @discardableResult
    func publish(_ message: NoticeMessageRecord) throws -> Int {
        guard let notice = try store.notice(id: message.noticeID) else { return 0 }
        let audience = try store.audience(services: notice.services)
        let recipients = NoticeAudience.recipients(of: audience, services: Set(notice.services),
                                                   bounceLimit: config.bounceLimit)
        try store.queueDeliveries(message: message, recipients: recipients)
        switch message.kind {
        case .announcement: try store.setNotice(id: notice.id, status: .open)
        case .resolved: try store.setNotice(id: notice.id, status: .resolved)
        case .update: break
        }
        return recipients.filter { !$0.skipped }.count
    }

    /// The notice's subject: the agent's subject without reply prefixes, or `Storing: Wifi, Microsoft 365`.
    static func noticeSubject(_ subject: String, type: NoticeType, services: [NoticeService]) -> String {
        let clean = SubscriberCommandParser.stripReplyPrefixes(Templates.oneLine(subject))
            .trimmingCharacters(in: .whitespaces)
        if !clean.isEmpty { return clean }
        return "\(type.text(.nl)): \(services.map(\.name).joined(separator: ", "))"
    }

    // MARK: - Mail to the agent

    /// Tells the agent what happened: a draft to confirm (Reply-To the `ok` token), or a receipt (Reply-To the
    /// notice's `ntc` token, for updates and the closing notice).
    private func confirmToAgent(_ agent: AgentRecord, notice: NoticeRecord, message: NoticeMessageRecord, recipients: Int,
                                published: Bool, cancelled: Bool = false, replyingTo mail: Message) throws {
        let action: String
        switch message.kind {
        case .announcement: action = notice.type.text(.nl).lowercased()
        case .update: action = "update"
        case .resolved: action = "opgelost"
        }
        var values: [String: String] = [
            "action": action, "text": message.text, "services": notice.services.map(serviceName).joined(separator: ", "),
            "period_line": periodText(notice, language: .nl).map { "Periode:   \($0)" } ?? "",
        ]
        if !published && !cancelled {
            let audience = NoticeAudience.recipients(of: try store.audience(services: notice.services),
                                                     services: Set(notice.services), bounceLimit: config.bounceLimit)
            values["audience"] = "\(audience.filter { !$0.skipped }.count)"
            let token = StatusToken.approve(noticeMessage: message.id)
            try queueAgentNoticeMail(kind: "notice-approval", agent: agent, notice: notice, replyingTo: mail, values: values,
                                     replyTo: token)
            return
        }
        values["recipients"] = "\(recipients)"
        values["outcome"] = cancelled ? "Niet verstuurd" : "Verstuurd"
        values["outcome_text"] = cancelled
            ? "Het bericht is niet verstuurd, zoals u vroeg."
            : "Het bericht gaat nu uit naar \(recipients) abonnees (elke abonnee krijgt het één keer)."
        try queueAgentNoticeMail(kind: "notice-receipt", agent: agent, notice: notice, replyingTo: mail, values: values,
                                 replyTo: .notice(id: notice.id))
    }

    /// A mail to one agent about a notice, from the status address, through the outbox.
    func queueAgentNoticeMail(kind: String, agent: AgentRecord, notice: NoticeRecord?, replyingTo mail: Message,
                              values extra: [String: String], replyTo token: StatusToken? = nil) throws {
        let template = try templates.template(kind, language: "nl")
        var values: [String: String] = [
            "agent_name": Templates.oneLine(agent.name), "agent_address": agent.email,
            "notice_number": notice?.number.description ?? "", "notice_tag": notice?.number.tag ?? "",
            "subject": notice.map { Templates.oneLine($0.subject) } ?? "", "all_services": allServicesText(),
            "status_address": config.statusAddress ?? "",
        ]
        values.merge(extra) { _, new in new }
        var outgoing = OutgoingMessage(
            from: statusFrom, to: [Address(name: agent.name, address: agent.email)],
            subject: Templates.fill(template.subject, values).trimmingCharacters(in: .whitespaces),
            messageID: OutgoingMessage.makeMessageID(domain: desk.domain), date: now(),
            text: Templates.tidy(Templates.fill(template.body, values)))
        if let token {
            outgoing.replyTo = [Address(name: desk.name, address: token.address(
                status: config.statusAddress ?? desk.address, boundTo: agent.email, secret: replySecret))]
        }
        if let parent = mail.messageID {
            outgoing.inReplyTo = parent
            outgoing.references = Array((mail.references + [parent]).suffix(10))
        }
        outgoing.autoSubmitted = "auto-generated"
        outgoing.extraHeaders = notice.map { [("X-Dapgate-Notice", $0.number.description)] } ?? []
        guard try loopAllows(recipient: agent.email, caseID: nil) else { return }
        try enqueue(outgoing, kind: kind, caseID: nil, recipients: [agent.email])
    }

    /// `5-12-2026 18:00 tot 5-12-2026 22:00`, `vanaf 5-12-2026 08:15`, or nil.
    func periodText(_ notice: NoticeRecord, language: Language) -> String? {
        switch (notice.startsAt, notice.endsAt) {
        case (let from?, let until?):
            return "\(DeskClockText.local(from)) \(language == .en ? "to" : "tot") \(DeskClockText.local(until))"
        case (let from?, nil):
            return "\(language == .en ? "since" : "vanaf") \(DeskClockText.local(from))"
        case (nil, let until?):
            return "\(language == .en ? "until" : "tot") \(DeskClockText.local(until))"
        case (nil, nil):
            return nil
        }
    }
}
