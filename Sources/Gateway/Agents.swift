import Desk
import Foundation
import Mail
import Store

extension Gateway {
    // MARK: - Verification (DAP R-AGENT-3)

    /// The addresses a mail was delivered to: To, Cc, Delivered-To and X-Original-To (the last two carry a
    /// `+token` even when the client dropped it from To).
    static func deliveredAddresses(_ message: Message) -> [String] {
        var result = (message.to + message.cc).map { $0.address.lowercased() }
        for name in ["Delivered-To", "X-Original-To"] {
            for value in message.header.values(HeaderFieldName(name)) {
                result += Address.parseList(value).map { $0.address.lowercased() }
            }
        }
        return result
    }

    /// DAP R-AGENT-3: the case a registered agent acts on, when the mail proves who sent it: it came to a
    /// reply token bound to the sender (or to the shared queue address), or the receiving server's
    /// Authentication-Results from a trusted server id says the sender's domain passed. Anything else is
    /// handled as a requester's mail and never runs a command.
    func verifiedAgentCase(_ message: Message, sender: String) throws -> (agent: AgentRecord, record: CaseRecord)? {
        guard let agent = try store.agent(email: sender) else {
            // DAP R-AGENT-4, R-AUTH-3: an approver of this case (an ICT contact asked for approval), by token.
            for address in Self.deliveredAddresses(message) {
                if let number = ReplyToken.verify(recipientAddress: address, sender: sender, secret: replySecret),
                   let record = try store.findCase(number: number),
                   try store.participants(caseID: record.id).contains(where: { $0.address == sender && $0.role == "approver" }) {
                    let name = try store.contact(email: sender)?.name ?? sender
                    return (AgentRecord(email: sender, name: name, groups: ["approver"]), record)
                }
            }
            return nil
        }
        for address in Self.deliveredAddresses(message) {
            if let number = ReplyToken.verify(recipientAddress: address, sender: sender, secret: replySecret)
                ?? config.queue.flatMap({ ReplyToken.verify(recipientAddress: address, sender: $0, secret: replySecret) }),
               let record = try store.findCase(number: number) {
                return (agent, record)
            }
        }
        let domain = String(sender.split(separator: "@").last ?? "")
        if !config.trustedAuthservIDs.isEmpty,
           AuthenticationResults.senderDomainPassed(message.header, fromDomain: domain,
                                                    trustedAuthservIDs: Set(config.trustedAuthservIDs)) {
            let threaded = try store.findCase(threadedBy: message.references + message.inReplyTo)
            let tagged = try message.caseTag.flatMap(CaseNumber.init).flatMap { try store.findCase(number: $0) }
            if let record = threaded ?? tagged { return (agent, record) }
        }
        return nil
    }

    /// DAP R-CASE-3: requester, Cc'd contacts, agents, and contacts of the case's organisation with an ICT role.
    func isParticipant(caseID: Int64, address: String) throws -> Bool {
        if try store.isParticipant(caseID: caseID, address: address) { return true }
        if try store.agent(email: address) != nil { return true }
        guard let record = try store.findCase(id: caseID), let organisation = record.organisation,
              let contact = try store.contact(email: address) else { return false }
        return contact.organisation == organisation && (contact.role == "stichting-ict" || contact.role == "school-ict")
    }

    /// Addresses that are the desk itself (its address, its `+token` forms, queue and status addresses).
    func isDeskAddress(_ address: String) -> Bool {
        let lower = address.lowercased()
        if lower == desk.address || lower == config.queue?.lowercased() || lower == config.statusAddress?.lowercased() {
            return true
        }
        let local = desk.address.split(separator: "@").first.map(String.init) ?? ""
        return lower.hasPrefix(local + "+") && lower.hasSuffix("@" + desk.domain)
    }

    /// A forward ("Fwd:", "Fw:", "Doorst:", "WG:", "TR:") of an old case mail is a new case (DAP R-CASE-3).
    static func isForward(_ subject: String) -> Bool {
        let lower = subject.lowercased().trimmingCharacters(in: .whitespaces)
        return ["fwd:", "fw:", "doorst:", "wg:", "tr:", "[fwd:"].contains { lower.hasPrefix($0) }
    }

    /// The reply address for `recipient` on a case: `info+cs0000123-<token>@…` (DAP R-AGENT-3).
    func replyAddress(for record: CaseRecord, recipient: String) -> Address {
        Address(name: desk.name, address: ReplyToken.address(desk: desk.address, caseNumber: record.number,
                                                             recipient: recipient, secret: replySecret))
    }

    // MARK: - Agent replies (DAP R-AGENT-1, R-AGENT-2, R-AGENT-4)

    /// Applies a verified agent's reply: the commands at its top change the case; the rest goes to the
    /// requester as the desk's answer, unless it is an internal note. A reply with a line the gateway does
    /// not understand changes nothing and the agent gets a short answer listing what was not understood.
    func handleAgentReply(_ message: Message, agent: AgentRecord, record: CaseRecord, raw: [UInt8]) throws
        -> IntakeOutcome {
        var parse = AgentCommandParser.parse(message.replyText)
        // An approver (not an agent) decides approve / reject only; the rest of their text stays with the case.
        let approverOnly = agent.groups == ["approver"]
        if approverOnly {
            let decisions = parse.commands.filter {
                if case .approve = $0 { return true }
                if case .reject = $0 { return true }
                return false
            }
            parse.commands = decisions
            parse.message = ""
        }
        // DAP R-CHG-3, R-AGENT-4: the decision on a change is a CAB (E-CAB) member's.
        let deciders: Set<AgentGroup> = [.cab, .eCAB, .changeCoordinator]
        if record.type == .change, !agent.groups.contains(where: { deciders.contains(AgentGroup($0)) }) {
            for command in parse.commands {
                switch command {
                case .approve: parse.notUnderstood.append(NotUnderstoodLine(lineNumber: 0, line: "akkoord", problem: .notCABMember))
                case .reject: parse.notUnderstood.append(NotUnderstoodLine(lineNumber: 0, line: "afgewezen", problem: .notCABMember))
                default: break
                }
            }
        }
        let row = try store.addMessage(caseID: record.id, direction: "in", kind: "agent", messageID: message.messageID,
                                       fromAddress: agent.email, subject: message.subject, text: message.text, raw: raw)
        _ = try keepAttachments(of: message, messageRow: row)
        guard parse.isFullyUnderstood else {
            let lines = parse.notUnderstood.map { "  - \($0.description)" }.joined(separator: "\n")
            try queueToAgent(kind: "agent-not-understood", record: record, agent: agent, replyingTo: message,
                             values: ["not_understood": lines])
            try store.audit(caseID: record.id, actor: agent.email, action: "commands-refused",
                            detail: parse.notUnderstood.map(\.line).joined(separator: " | "))
            return IntakeOutcome(outcome: "agent", caseID: record.id, caseNumber: record.number.description,
                                 reason: "not understood, nothing changed")
        }
        var notes: [String] = []
        var current = record
        let language = record.language == "en"
        // Whether the agent's own answer goes to the requester with this reply (DAP R-AGENT-1). It travels in
        // the first templated mail the commands send the requester, else on its own.
        let answerText = parse.message.trimmingCharacters(in: .whitespacesAndNewlines)
        let answers = !parse.isInternal && !answerText.isEmpty
        let signed = answerText + "\n\n-- \n\(agent.name)\n\(desk.name ?? "Servicedesk")"
        var carried = false
        for command in parse.commands {
            // DAP R-AGENT-2: each command is an event of the case's life cycle (the same API the sweep and the
            // requester's replies use); the life cycle sends the templated mails.
            var event: CaseEvent?
            switch command {
            case .status(let status): event = .status(status)
            case .priority(let priority, let reason): event = .priority(priority, reason: reason)
            case .reclassify(let type):
                try store.update(caseID: record.id, type: type)
                current.type = type
                if type == .security, record.type != .security { try becameSecurity(current) }
            case .assign(let assignee):
                let target: String
                switch assignee {
                case .group(let group): target = group.name
                case .agent(let address): target = address
                }
                try store.update(caseID: record.id, assignee: target)
                // DAP R-AGENT-5: an agent assigned to a case gets its mail (the backup when absent, R-ESC-1).
                if case .agent(let address) = assignee, let named = try store.agent(email: address) {
                    // Absent with nobody standing in: the agent still gets it, to read on return.
                    let assigned = Self.standIn(for: named, among: try store.agents()) ?? named
                    try queueToAgent(kind: "agent-assigned", record: current, agent: assigned, replyingTo: message,
                                     values: ["assigned_by": agent.name])
                }
            case .visit(let when): event = .visit(when.description)
            case .resolve(let solution): event = .resolve(solution: solution)
            case .close(let interaction): event = .close(asInteraction: interaction)
            case .reopen(let reason): event = .reopen(reason: reason)
            case .link(let target):
                // `PRB0000012`, `CHG0000003`, `INC…`, `RITM…` name the case with the same digits (the record it
                // was classified into); `CS…` any case. A problem links its incidents (DAP R-PRB-2), a known
                // error its change (R-PRB-3).
                if let other = try store.findCase(number: CaseNumber(target.value)), Self.record(target, names: other) {
                    try store.update(caseID: record.id, linkedCaseID: other.id)
                    if other.type == .problem {
                        try store.linkToProblem(caseIDs: [record.id], problemID: other.id)
                    }
                }
                try store.audit(caseID: record.id, actor: agent.email, action: "link", detail: "\(target)")
            case .merge(let into):
                if let other = try store.findCase(number: into) {
                    try store.update(caseID: record.id, status: .closed, linkedCaseID: other.id)
                    try store.cancelTimers(caseID: record.id, kinds: Lifecycle.Timer.allCaseTimers)
                    notes.append(language ? "Continued in case \(into)." : "Wij gaan verder in melding \(into).")
                }
            case .internalNote:
                break
            case .escalate(let reason): event = .escalate(reason: reason, byRequester: false)
            case .approve(let reason): event = .approved(by: agent.name, reason: reason)
            case .reject(let reason): event = .rejected(by: agent.name, reason: reason)
            case .workaround(let text): event = .workaround(text)
            case .major(let reason): event = .major(reason: reason)
            case .phase(let phase): event = .phase(phase)
            case .testFailed(let reason): event = .testFailed(reason: reason)
            case .rollback(let reason): event = .rollback(reason: reason)
            case .cause(let text): event = .cause(text)
            case .hours(let hours): event = .hours(hours)
            case .category(let text): event = .category(text)
            case .knownError(let workaround): event = .knownError(workaround: workaround)
            }
            if case .status(let status) = command, answers {
                // The agent's answer carries the status change (DAP R-INC-4), in place of the templated update.
                notes.append("Status: " + LifecycleText.status(status, language: record.language))
            }
            if let event {
                let decision = try apply(event, to: current, actor: agent.email, answered: answers ? ["progress"] : [],
                                         agentAnswer: answers && !carried ? signed : nil)
                if decision.carriedAnswer { carried = true }
                current = try store.findCase(id: record.id) ?? current
            }
            try store.audit(caseID: record.id, actor: agent.email, action: "command", detail: "\(command)")
        }
        // DAP R-AGENT-1: the new text goes to the requester as the desk's answer, unless internal.
        let text = parse.message.trimmingCharacters(in: .whitespacesAndNewlines)
        if !parse.isInternal, !carried, !text.isEmpty || !notes.isEmpty {
            try queueAnswer(for: current, text: text, notes: notes, agent: agent, replyingTo: message)
        }
        if answers, let latest = try store.findCase(id: record.id) {
            try apply(.answered, to: latest, actor: agent.email)
        }
        return IntakeOutcome(outcome: "agent", caseID: record.id, caseNumber: record.number.description,
                             reason: "\(parse.commands.count) commands" + (parse.isInternal ? ", internal" : ""))
    }

    /// Whether a record number (`CHG0000003`) names this case: a case number always, a record number only a
    /// case of its type.
    static func record(_ number: AgentCommand.RecordNumber, names other: CaseRecord) -> Bool {
        switch number.kind {
        case .case: true
        case .incident: other.type == .incident || other.type == .security
        case .request: other.type == .request
        case .change: other.type == .change
        case .problem, .knowledge: other.type == .problem
        }
    }

    /// DAP R-SEC-3, R-SEC-5: a case an agent reclassified as security is triaged as at intake: the CERT at once
    /// for malware, ransomware or Cloudwise as the cause, and the security officer's review on closing.
    func becameSecurity(_ record: CaseRecord) throws {
        var life = try store.life(caseID: record.id)
        life.securityReview = true
        try store.setLife(caseID: record.id, life)
        let first = try store.messages(caseID: record.id).first { $0.direction == "in" }
        let text = first?.text ?? ""
        let triage = SecurityTriage.assess(subject: record.subject, text: text)
        guard triage.certNow else { return }
        try send(LifecycleMail(audience: .group(.cert), kind: "cert-alert",
                               values: ["reasons": triage.certReasons.joined(separator: ", "), "text": String(text.prefix(4000))]),
                 record: record, life: life)
    }

    /// The desk's answer to the requester, written by an agent: threaded to the case, no Auto-Submitted
    /// (a person wrote it), the watchers in Cc, a reply address with the requester's token.
    private func queueAnswer(for record: CaseRecord, text: String, notes: [String], agent: AgentRecord,
                             replyingTo message: Message) throws {
        var watchers = try store.participants(caseID: record.id)
            .filter { $0.role == "watcher" && $0.address != record.requester }.map(\.address)
        if record.type == .complaint, let manager = try accountManager(of: record), !watchers.contains(manager) {
            watchers.append(manager)  // DAP R-CMP-2: copied on every complaint mail
        }
        var body = notes.isEmpty ? "" : notes.joined(separator: "\n") + "\n\n"
        body += text
        body += "\n\n-- \n\(agent.name)\n\(desk.name ?? "Servicedesk")\n"
        var outgoing = try caseMail(record, to: Address(name: record.requesterName, address: record.requester),
                                    subject: "\(record.number.tag) \(Templates.oneLine(record.subject))", text: body,
                                    thread: .caseThread, autoSubmitted: nil)
        outgoing.cc = watchers.map { Address(address: $0) }
        try enqueue(outgoing, kind: "answer", caseID: record.id, recipients: [record.requester] + watchers)
    }

    /// The Message-IDs of the case so far, for References (RFC 5322 §3.6.4), newest last, at most 10.
    func threadReferences(_ record: CaseRecord) throws -> [String] {
        Array(try store.messages(caseID: record.id).compactMap(\.messageID).suffix(10))
    }

    /// A mail to one agent about a case (not understood, assigned), with the agent's own reply token.
    private func queueToAgent(kind: String, record: CaseRecord, agent: AgentRecord, replyingTo message: Message,
                              values extra: [String: String]) throws {
        var values: [String: String] = [
            "case_number": record.number.description, "case_tag": record.number.tag,
            "subject": Templates.oneLine(record.subject), "agent_name": Templates.oneLine(agent.name),
            "requester": record.requester, "status": record.status.rawValue,
            "priority": record.priority.map { "P\($0)" } ?? "-", "type": record.type.rawValue,
        ]
        values.merge(extra) { _, new in new }
        let mail = try fill(kind, language: "nl", values)
        let outgoing = try caseMail(record, to: Address(name: agent.name, address: agent.email), subject: mail.subject,
                                    text: mail.text, thread: .message(message), autoSubmitted: "auto-generated")
        try enqueue(outgoing, kind: kind, caseID: record.id, recipients: [agent.email])
    }

    // MARK: - Loop protection

    /// Whether one more automatic mail may go to `recipient` about `caseID` now (sliding windows).
    func loopAllows(recipient: String, caseID: Int64?) throws -> Bool {
        let since = Timestamp.string(now().addingTimeInterval(-loopGuard.window))
        let times = try store.automaticMailTimes(recipient: recipient, caseID: caseID, since: since)
        let decision = loopGuard.allows(sentToRecipient: times.toRecipient.compactMap(Timestamp.date),
                                        sentForCase: times.forCase.compactMap(Timestamp.date), at: now())
        if case .suppressed(let why) = decision {
            try store.audit(caseID: caseID, actor: "gateway", action: "loop-suppressed", detail: "\(recipient): \(why)")
            return false
        }
        return true
    }
}
