import Desk
import Foundation
import Mail
import Store

/// The edge of the life cycles (DAP 5–11): `Lifecycle` (pure, in `Desk`) decides; this file reads the case,
/// persists the decision and sends its mails, inside the caller's transaction. Agents' commands, requesters'
/// replies and the sweep all come through `apply`.
extension Gateway {
    var lifecycle: Lifecycle { Lifecycle(settings: settings.lifecycle) }

    /// The case as the life cycle sees it.
    func caseState(_ record: CaseRecord, _ life: CaseLife) -> CaseState {
        var state = CaseState(type: record.type, changeKind: record.intake.changeKind.flatMap(ChangeKind.init(rawValue:)),
                              status: record.status, priority: record.priority.flatMap(Priority.init(rawValue:)),
                              createdAt: Timestamp.date(record.createdAt) ?? now())
        state.phase = life.phase.flatMap(ChangePhase.init(rawValue:))
        state.escalationLevel = life.escalationLevel
        state.major = life.major
        state.securityReview = life.securityReview
        state.slaPaused = life.slaPausedAt != nil
        state.missing = life.missing
        state.needsApproval = life.needsApproval
        state.solution = life.solution
        state.hours = life.hours
        state.lastUpdateAt = life.lastUpdateAt.flatMap(Timestamp.date)
        return state
    }

    /// Applies one event to a case: the one way a case changes after intake.
    /// - Parameter answered: kinds of requester mails not to send, because an agent's own answer in the same
    ///   reply already tells it (a status change).
    /// - Parameter agentAnswer: an agent's own text for the requester; it travels in the decision's first
    ///   templated mail to the requester, so the requester gets one mail (`carriedAnswer` says it did).
    @discardableResult
    public func apply(_ event: CaseEvent, to record: CaseRecord, actor: String, at: Date? = nil,
                      answered: Set<String> = [], agentAnswer: String? = nil) throws -> LifecycleDecision {
        let moment = at ?? now()
        let life = try store.life(caseID: record.id)
        var decision = lifecycle.apply(event, to: caseState(record, life), at: moment)
        decision.mails.removeAll { $0.audience == .requester && answered.contains($0.kind) }
        let actorName = try store.agent(email: actor)?.name ?? actor
        for index in decision.mails.indices where decision.mails[index].kind == "major-incident" {
            decision.mails[index].values["declared_by"] = actorName
        }
        if let agentAnswer, !agentAnswer.isEmpty,
           let index = decision.mails.firstIndex(where: { $0.audience == .requester }), record.type != .problem {
            decision.mails[index].values["agent_text"] = agentAnswer
            decision.carriedAnswer = true
        }
        try store.audit(caseID: record.id, actor: actor, action: "event", detail: event.name)
        try carryOut(decision, record: record, life: life, actor: actor, at: moment)
        return decision
    }

    /// Persists a decision (fields, SLA pause, timers), then sends its mails and does its follow-up work
    /// (approval requests, the post-incident review).
    func carryOut(_ decision: LifecycleDecision, record: CaseRecord, life old: CaseLife, actor: String,
                  at moment: Date) throws {
        var life = old
        var current = record
        let stamp = Timestamp.string(moment)
        if let status = decision.status, status != record.status {
            try store.update(caseID: record.id, status: status)
            current.status = status
        }
        if let priority = decision.priority, priority != record.priority {
            try store.update(caseID: record.id, priority: priority)
            current.priority = priority
        }
        if let phase = decision.phase { life.phase = phase.rawValue }
        if let level = decision.escalationLevel { life.escalationLevel = level }
        if let major = decision.major { life.major = major }
        if let flag = decision.securityReview { life.securityReview = flag }
        if let visit = decision.visitAt { life.visitAt = visit }
        if let workaround = decision.workaround { life.workaround = workaround }
        if decision.knownError { life.knownError = true }
        if let solution = decision.solution { life.solution = solution }
        if let cause = decision.cause { life.cause = cause }
        if let hours = decision.hours { life.hours = hours }
        if let category = decision.category { life.category = category }
        if let missing = decision.missing { life.missing = missing }
        if let at = decision.resolvedAt { life.resolvedAt = Timestamp.string(at) }
        if let at = decision.lastUpdateAt { life.lastUpdateAt = Timestamp.string(at) }
        if decision.reopened { life.resolvedAt = nil; life.closedAt = nil; life.slaMet = nil }
        if let at = decision.closedAt {
            life.closedAt = Timestamp.string(at)
            // DAP R-CASE-8: whether the SLA was met, against the resolution target (moved by any pause).
            if let due = current.intake.resolutionDue.flatMap(Timestamp.date) {
                let done = life.resolvedAt.flatMap(Timestamp.date) ?? at
                life.slaMet = done <= due
            }
        }
        if decision.pauseSLA, life.slaPausedAt == nil {
            // DAP R-REQ-2: the clock stops; its timers wait.
            life.slaPausedAt = stamp
            try store.cancelTimers(caseID: record.id, kinds: [Lifecycle.Timer.reactionDue, Lifecycle.Timer.slaWarning,
                                                              Lifecycle.Timer.slaBreach])
        }
        if decision.resumeSLA, let pausedAt = life.slaPausedAt.flatMap(Timestamp.date) {
            // The deadlines move by the werkuren the case waited.
            let calendar = settings.lifecycle.calendar
            func moved(_ text: String?) -> String? {
                guard let due = text.flatMap(Timestamp.date) else { return nil }
                let left = calendar.werkuren(from: pausedAt, to: due)
                return Timestamp.string(calendar.adding(werkuren: left, to: moment))
            }
            life.slaPausedAt = nil
            try moveDeadlines(&current, reaction: moved(record.intake.reactionDue), resolution: moved(record.intake.resolutionDue),
                              warning: moved(record.intake.slaWarningAt), moment: moment)
        }
        if decision.recomputeSLA, let priority = decision.priority.flatMap(Priority.init(rawValue:)),
           record.type == .incident || record.type == .security, record.intake.resolutionDue != nil,
           let start = Timestamp.date(record.createdAt) {
            // DAP R-INC-5: the targets of the new priority, counted from the registration.
            let clock = SLAClock(start: start, priority: priority, policy: settings.rules.sla,
                                 calendar: settings.lifecycle.calendar)
            try moveDeadlines(&current, reaction: clock.reactionDeadline.map(Timestamp.string),
                              resolution: clock.resolutionDeadline.map(Timestamp.string),
                              warning: clock.warningInstant.map(Timestamp.string), moment: moment,
                              armTimers: life.slaPausedAt == nil)
        }
        if decision.rearmSLA, life.slaPausedAt == nil {
            // DAP R-INC-5: a reopened case can warn and breach again (a target already passed fires at once).
            try rearm(record.id, [(Lifecycle.Timer.slaWarning, current.intake.slaWarningAt),
                                  (Lifecycle.Timer.slaBreach, current.intake.resolutionDue)], moment: moment)
        }
        if life != old { try store.setLife(caseID: record.id, life) }
        if !decision.cancelled.isEmpty { try store.cancelTimers(caseID: record.id, kinds: Array(decision.cancelled)) }
        for timer in decision.timers {
            try store.setTimer(caseID: record.id, kind: timer.kind, dueAt: Timestamp.string(timer.at))
        }
        for note in decision.audit {
            try store.audit(caseID: record.id, actor: actor, action: note.action, detail: note.detail)
        }
        // Loop protection counts only what a requester's own mail set off: an autoresponder answering the
        // desk's mail is the loop to stop; an agent's steps and the sweep's timers are not.
        var sent = Set<String>()
        for mail in decision.mails {
            try send(mail, record: current, life: life, guardLoop: actor == record.requester, sent: &sent)
        }
        if decision.requestApproval { try requestApproval(record: current) }
        // DAP R-PRB-1: a category set later can complete a group of incidents.
        if decision.category != nil, current.type == .incident { try proposeProblem(after: current) }
        if decision.createReview { try openReview(of: current, life: life) }
    }

    /// New SLA deadlines for the case (after a pause, DAP R-REQ-2; after a priority change, R-INC-5), stored and,
    /// unless the clock is paused, armed as timers (the reaction timer only while nobody reacted).
    private func moveDeadlines(_ record: inout CaseRecord, reaction: String?, resolution: String?, warning: String?,
                               moment: Date, armTimers: Bool = true) throws {
        try store.setDeadlines(caseID: record.id, reactionDue: reaction, resolutionDue: resolution, warningAt: warning)
        record.intake.reactionDue = reaction
        record.intake.resolutionDue = resolution
        record.intake.slaWarningAt = warning
        guard armTimers else { return }
        try rearm(record.id, [(Lifecycle.Timer.slaWarning, warning), (Lifecycle.Timer.slaBreach, resolution)]
            + (record.status == .registered || record.status == .onHold ? [(Lifecycle.Timer.reactionDue, reaction)] : []),
            moment: moment)
    }

    /// Sets the timers that have not fired yet (a fired one stays fired: the desk was told once).
    private func rearm(_ caseID: Int64, _ timers: [(kind: String, due: String?)], moment: Date) throws {
        let fired = Set(try store.timers(caseID: caseID).filter { $0.firedAt != nil }.map(\.kind))
        for timer in timers {
            guard let due = timer.due, !fired.contains(timer.kind) else { continue }
            let at = max(due, Timestamp.string(moment))
            try store.setTimer(caseID: caseID, kind: timer.kind, dueAt: at)
        }
    }

    // MARK: - Recipients

    /// The people of an agent group; an absent member's backup instead (DAP R-ESC-1). Empty when nobody is
    /// registered in the group.
    func members(of group: AgentGroup) throws -> [AgentRecord] {
        let all = try store.agents()
        var result: [AgentRecord] = []
        for agent in all where agent.groups.contains(where: { AgentGroup($0) == group }) {
            guard let chosen = Self.standIn(for: agent, among: all) else { continue }
            if !result.contains(where: { $0.email == chosen.email }) { result.append(chosen) }
        }
        return result
    }

    /// Who takes an agent's mail: the agent, or when absent their backup (when that one is present); nil when
    /// neither is there (DAP R-ESC-1).
    static func standIn(for agent: AgentRecord, among all: [AgentRecord]) -> AgentRecord? {
        guard agent.absent else { return agent }
        guard let backup = agent.backup, let other = all.first(where: { $0.email == backup }), !other.absent else { return nil }
        return other
    }

    /// Who holds a level of the case's ladder: its members, else the queue address.
    func handlers(level: Int, type: CaseType) throws -> (function: EscalationLadder.Level, people: [(name: String?, address: String)]) {
        let ladder = EscalationLadder.ladder(for: type)
        let step = ladder[min(max(level, 0), ladder.count - 1)]
        let people = try members(of: step.group).map { (Optional($0.name), $0.email) }
        if people.isEmpty, let queue = config.queue, !queue.isEmpty { return (step, [(nil, queue)]) }
        return (step, people)
    }

    /// The account manager of the case's organisation (DAP R-CMP-2).
    func accountManager(of record: CaseRecord) throws -> String? {
        guard let organisation = record.organisation else { return nil }
        return try store.organisations().first { $0.name == organisation }?.accountManager.flatMap {
            Self.isUsable(address: $0) ? $0.lowercased() : nil
        }
    }

    /// DAP R-INC-7: the stakeholders of a major incident: the ICT contacts of the organisation, not the requester
    /// and not the watchers (both get the case's own mails).
    func stakeholders(of record: CaseRecord) throws -> [String] {
        var result: [String] = []
        if let organisation = record.organisation {
            for contact in try store.contacts(organisation: organisation)
            where contact.role == "stichting-ict" || contact.role == "school-ict" {
                result.append(contact.email.lowercased())
            }
        }
        // The watchers are in Cc of the requester's mails already; they are not mailed twice.
        let watchers = Set(try store.participants(caseID: record.id).filter { $0.role == "watcher" }.map(\.address))
        var seen = Set<String>()
        return result.filter { $0 != record.requester && !watchers.contains($0) && !isDeskAddress($0) && seen.insert($0).inserted }
    }

    // MARK: - Mails

    /// Renders one life-cycle mail for its audience and queues it (one mail per agent, each with its own reply
    /// token; one mail to the requester with the watchers, and the account manager for a complaint, in Cc).
    func send(_ mail: LifecycleMail, record: CaseRecord, life: CaseLife, guardLoop: Bool = false) throws {
        var sent = Set<String>()
        try send(mail, record: record, life: life, guardLoop: guardLoop, sent: &sent)
    }

    /// `sent` holds `kind address` of what this decision already mailed: nobody gets the same kind twice
    /// (a group that falls back to the queue address when the queue is mailed too, a watcher who is also a
    /// stakeholder).
    func send(_ mail: LifecycleMail, record: CaseRecord, life: CaseLife, guardLoop: Bool, sent: inout Set<String>) throws {
        switch mail.audience {
        case .requester:
            guard record.type != .problem else { return }
            var cc = try store.participants(caseID: record.id)
                .filter { $0.role == "watcher" && $0.address != record.requester }.map(\.address)
            if record.type == .complaint, let manager = try accountManager(of: record), manager != record.requester,
               !cc.contains(manager) {
                cc.append(manager)  // DAP R-CMP-2: the account manager is copied on every complaint mail.
            }
            if guardLoop { guard try loopAllows(recipient: record.requester, caseID: record.id) else { return } }
            guard sent.insert("\(mail.kind) \(record.requester)").inserted else { return }
            cc = cc.filter { sent.insert("\(mail.kind) \($0)").inserted }
            try render(mail, record: record, life: life, to: (record.requesterName, record.requester), cc: cc,
                       language: record.language, isInternal: false)
        case .stakeholders:
            for address in try stakeholders(of: record) where sent.insert("\(mail.kind) \(address)").inserted {
                let name = try store.contact(email: address)?.name
                try render(mail, record: record, life: life, to: (name, address), cc: [], language: record.language,
                           isInternal: false)
            }
        case .queue:
            guard let queue = config.queue, !queue.isEmpty else {
                try store.audit(caseID: record.id, actor: "gateway", action: "not-mailed",
                                detail: "\(mail.kind): no DAPGATE_QUEUE")
                return
            }
            guard sent.insert("\(mail.kind) \(queue)").inserted else { return }
            try render(mail, record: record, life: life, to: (nil, queue), cc: [], language: "nl", isInternal: true)
        case .group(let group):
            var people = try members(of: group).map { (Optional($0.name), $0.email) }
            if group == .cert, let cert = config.certAddress { people = [(nil, cert)] }
            if people.isEmpty, let queue = config.queue, !queue.isEmpty { people = [(nil, queue)] }
            for person in people where sent.insert("\(mail.kind) \(person.1)").inserted {
                try render(mail, record: record, life: life, to: person, cc: [], language: "nl", isInternal: true)
            }
        case .escalationLevel(let level):
            let (_, people) = try handlers(level: level, type: record.type)
            // DAP R-CMP-2: complaint escalations copy the account manager.
            var cc = record.type == .complaint ? (try accountManager(of: record)).map { [$0] } ?? [] : []
            for person in people where sent.insert("\(mail.kind) \(person.address)").inserted {
                cc = cc.filter { sent.insert("\(mail.kind) \($0)").inserted }  // one copy, not one per person
                try render(mail, record: record, life: life, to: person, cc: cc, language: "nl", isInternal: true)
            }
        }
    }

    /// The values every life-cycle template can use.
    func caseValues(_ record: CaseRecord, life: CaseLife, language: String) throws -> [String: String] {
        let en = language == "en"
        let (step, people) = try handlers(level: life.escalationLevel, type: record.type)
        let function = en ? step.english : step.dutch
        // The person who now has the case (the first of the function), else the function itself.
        let person = people.first?.name
        let handlerName = person ?? function
        let who = person.map { "\($0) (\(function))" } ?? function
        let progressDue = try store.pendingTimer(caseID: record.id, kind: Lifecycle.Timer.progress).flatMap(Timestamp.date)
        let next = progressDue.map { LocalText.dateTime($0) }
        return [
            "case_number": record.number.description, "case_tag": record.number.tag,
            "subject": Templates.oneLine(record.subject.isEmpty ? (en ? "(no subject)" : "(geen onderwerp)") : record.subject),
            "requester_name": record.requesterName.map(Templates.oneLine) ?? (en ? "Sir or Madam" : "heer/mevrouw"),
            "requester": record.requester, "organisation": record.organisation ?? (en ? "unknown" : "onbekend"),
            "type_text": Self.typeText(record.type, changeKind: record.intake.changeKind.flatMap(ChangeKind.init(rawValue:)),
                                       language: language),
            "type": record.type.rawValue,
            "priority": record.priority.map { "P\($0)" } ?? "-",
            "status": record.status.rawValue,
            "status_text": LifecycleText.status(record.status, language: language),
            "created_at": DeskClockText.local(record.createdAt), "phone": config.phone,
            "record_number": Self.recordNumber(record),
            "resolution_due": record.intake.resolutionDue.map(DeskClockText.local) ?? "-",
            "reaction_due": record.intake.reactionDue.map(DeskClockText.local) ?? "-",
            "due_at": record.intake.resolutionDue.map(DeskClockText.local) ?? "-",
            "handler": life.assignee ?? "-",
            "handler_function": function, "level_function": function,
            "handler_name": handlerName, "handler_who": who,
            "handler_who_start": who.prefix(1).uppercased() + who.dropFirst(),
            "handler_greeting": person ?? (en ? "colleagues" : "collega's"),
            "next_update": next ?? "-",
            "next_update_sentence": next.map {
                en ? "You will get the next update from us by \($0) at the latest, or sooner if there is news."
                    : "U krijgt uiterlijk \($0) weer een update van ons, of eerder als er nieuws is."
            } ?? (en ? "You will hear from us at the next step, or sooner if there is news."
                : "U hoort van ons bij de volgende stap, of eerder als er nieuws is."),
            "agent_text": "", "declared_by": "-",
            "department": EscalationLadder.ladder(for: record.type)[0].name,
            "solution": life.solution ?? "-", "cause": life.cause ?? "-",
            "visit_at": life.visitAt ?? "-",
        ]
    }

    private func render(_ mail: LifecycleMail, record: CaseRecord, life: CaseLife, to recipient: (name: String?, address: String),
                        cc: [String], language: String, isInternal: Bool) throws {
        var values = try caseValues(record, life: life, language: language)
        let counts = ["confirmation": settings.lifecycle.confirmationWerkdagen,
                      "management": settings.lifecycle.complaintManagementWerkdagen,
                      "directie": settings.lifecycle.complaintDirectieWerkdagen]
        for (key, value) in mail.values {
            values[key] = key == "phase" ? value : LifecycleText.render(value, language: language, counts: counts)
        }
        if let phase = mail.values["phase"].flatMap(ChangePhase.init(rawValue:)) {
            values["phase_text"] = phase.text(language: language)
        }
        var filled = try fill(mail.kind, language: language, values)
        if let answer = mail.values["agent_text"], !answer.isEmpty {
            // The agent's own words first, after the greeting (DAP R-AGENT-1), then the desk's standard text.
            if let greeting = filled.text.range(of: "\n\n") {
                filled.text = String(filled.text[..<greeting.upperBound]) + answer + "\n\n"
                    + String(filled.text[greeting.upperBound...])
            } else {
                filled.text = answer + "\n\n" + filled.text
            }
        }
        var outgoing = try caseMail(record, to: Address(name: recipient.name, address: recipient.address),
                                    subject: filled.subject, text: filled.text, thread: .caseThread,
                                    autoSubmitted: "auto-generated")
        outgoing.cc = cc.map { Address(address: $0) }
        if isInternal { outgoing.extraHeaders.append(("X-Dapgate-Notice", mail.kind)) }
        try enqueue(outgoing, kind: mail.kind, caseID: record.id, recipients: [recipient.address] + cc)
    }

    /// `INC0001234` for incident `CS0001234`: the underlying record of the DAP vocabulary, same digits.
    static func recordNumber(_ record: CaseRecord) -> String {
        let prefix: [CaseType: String] = [.incident: "INC", .security: "INC", .request: "RITM", .change: "CHG", .problem: "PRB"]
        guard let p = prefix[record.type] else { return "-" }
        return PrefixedNumber.format(record.number.value, prefix: p)
    }

    // MARK: - Requester replies

    /// The requester's reply on their case (DAP R-INC-8 confirm or reopen, R-ESC-2 escalation, R-REQ-2 and
    /// R-SEC-2 the information the desk asked for).
    func requesterReplied(_ message: Message, record: CaseRecord) throws {
        let text = message.replyText.isEmpty ? message.text : message.replyText
        let earlier = try store.messages(caseID: record.id).filter { $0.direction == "in" && $0.fromAddress == record.requester }
        // An `[Escalatie]` tag the requester's earlier mail had stays in every reply's subject: it asked once.
        let tagged = earlier.dropLast().contains { ($0.subject ?? "").lowercased().contains("[escalat") }
            || record.subject.lowercased().contains("[escalat")
        let intent = RequesterReply.read(subject: tagged ? "" : message.subject, text: text)
        let life = try store.life(caseID: record.id)
        var missing: [String]?
        if !life.missing.isEmpty {
            // Everything the requester wrote on the case so far, checked again.
            // Each mail's first 64 KB: the facts stand at the top, and a huge mail must not make every reply slow.
            let written = earlier
                .map { ($0.subject ?? "") + "\n" + String(($0.text ?? "").prefix(65_536)) }.joined(separator: "\n")
            if record.type == .security {
                let requester = try requesterOf(record)
                let known = !requester.name.isEmpty && requester.location != nil
                missing = DataBreachChecklist.missing(subject: record.subject, text: written, reporterKnown: known)
                    .map { DataBreachChecklist.question($0, language: record.language) }
            } else if let name = record.intake.catalogItem,
                      let item = settings.rules.classifier.catalog.items.first(where: { $0.name == name }) {
                missing = settings.rules.missingInformation(item, subject: record.subject, text: written)
            } else {
                missing = []
            }
        }
        if intent == .other, missing == nil, record.status != .closed { return }
        try apply(.requesterReply(intent, missing: missing), to: record, actor: record.requester)
    }

    // MARK: - Follow-up work

    /// DAP R-AUTH-3: the request's information is complete; now its approver is asked.
    func requestApproval(record: CaseRecord) throws {
        try sendApprovalRequests(kind: "approval-request", record: record, requester: try requesterOf(record))
    }

    /// The requester of a case, resolved against the directory as at intake.
    func requesterOf(_ record: CaseRecord) throws -> Requester {
        let contact = try store.contact(email: record.requester)
        let directory = contact.flatMap { c in
            Role(directoryValue: c.role).map {
                DirectoryContact(address: c.email, name: c.name, organisation: c.organisation, location: c.location,
                                 role: $0)
            }
        }
        return Requester.resolve(address: record.requester, displayName: contact?.name ?? record.requesterName,
                                 contact: directory, organisations: try DeskSettings.organisations(store))
    }

    /// DAP R-INC-7: closing a major incident creates a post-incident review task for the incident manager.
    func openReview(of record: CaseRecord, life: CaseLife) throws {
        let managers = try members(of: .incidentManager)
        let owner = managers.first?.email ?? config.queue ?? desk.address
        var new = NewCase(requester: owner, requesterName: managers.first?.name,
                          subject: "Post-incident review \(record.number): \(Templates.oneLine(record.subject))")
        new.type = .problem
        new.organisation = record.organisation
        new.linkedCaseID = record.id
        // No service: the review is no candidate problem that new incidents join (DAP R-PRB-1).
        let review = try store.openCase(new)
        var reviewLife = CaseLife()
        reviewLife.assignee = AgentGroup.incidentManager.name
        try store.setLife(caseID: review.id, reviewLife)
        try store.audit(caseID: record.id, actor: "gateway", action: "post-incident-review", detail: review.number.description)
        try send(LifecycleMail(audience: .group(.incidentManager), kind: "pir-task",
                               values: ["pir_number": review.number.description]), record: record, life: life)
    }

    /// DAP R-PRB-1: after a new incident, N incidents within D days on its service and category propose a
    /// problem to the problem manager, linking them.
    func proposeProblem(after record: CaseRecord) throws {
        guard record.type == .incident, let service = record.intake.service else { return }
        let life = try store.life(caseID: record.id)
        if let open = try store.openProblem(service: service, category: life.category) {
            // An open problem on the same service and category takes the new incident in.
            try store.linkToProblem(caseIDs: [record.id], problemID: open.id)
            return
        }
        let rule = settings.lifecycle.problems
        let since = Timestamp.string(now().addingTimeInterval(-Double(rule.windowDays) * 86_400))
        let recent = try store.unlinkedIncidents(service: service, category: life.category, since: since)
        let incidents = recent.compactMap { row in Timestamp.date(row.at).map { (id: row.id, at: $0) } }
        guard let ids = rule.propose(incidents: incidents, at: now()) else { return }
        let managers = try members(of: .problemManager)
        let owner = managers.first?.email ?? config.queue ?? desk.address
        var new = NewCase(requester: owner, requesterName: managers.first?.name,
                          subject: "Probleem: \(ids.count) storingen op \(service)")
        new.type = .problem
        new.intake.service = service
        let problem = try store.openCase(new)
        var problemLife = CaseLife()
        problemLife.category = life.category
        problemLife.assignee = AgentGroup.problemManager.name
        try store.setLife(caseID: problem.id, problemLife)
        try store.linkToProblem(caseIDs: ids, problemID: problem.id)
        var lines: [String] = []
        for id in ids.reversed() {
            if let incident = try store.findCase(id: id) {
                lines.append("  - \(incident.number) \(Templates.oneLine(incident.subject)) (\(incident.organisation ?? "-"))")
            }
        }
        try store.audit(caseID: problem.id, actor: "gateway", action: "problem-proposed",
                        detail: "\(ids.count) incidents on \(service)")
        try send(LifecycleMail(audience: .group(.problemManager), kind: "problem-proposal",
                               values: ["service": service, "category": life.category ?? "-",
                                        "incident_list": lines.joined(separator: "\n"),
                                        "problem_number": problem.number.description]),
                 record: problem, life: problemLife)
    }
}
