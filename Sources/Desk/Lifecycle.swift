import Foundation

/// The life of a case after intake (DAP 5–11): what an event does to a case, who hears of it, and which
/// timers it sets. Pure: the case as it is, the event and the moment come in; a `LifecycleDecision` goes out.
/// The gateway persists the decision and sends its mails; agents' commands, requesters' replies and the
/// timer sweep all come through `Lifecycle.apply`, so every rule below is a unit test with a fixed clock.
public struct Lifecycle: Sendable {
    public var settings: LifecycleSettings

    public init(settings: LifecycleSettings = LifecycleSettings()) {
        self.settings = settings
    }

    /// Applies `event` to `state` at `now`.
    public func apply(_ event: CaseEvent, to state: CaseState, at now: Date) -> LifecycleDecision {
        var d = LifecycleDecision()
        let done: Set<CaseStatus> = [.closed, .refused]
        if done.contains(state.status), !event.worksOnClosedCases {
            d.audit.append(.init("ignored", "\(event.name) on a \(state.status.rawValue) case"))
            return d
        }
        switch event {
        case .status(let status):
            setStatus(status, state, now, &d)

        case .priority(let priority, let reason):
            // DAP R-INC-1, R-REQ-4: lowered → the requester is told why; raised → recorded.
            d.priority = priority.rawValue
            // The targets and the cadence follow the new priority (DAP R-INC-5, R-INC-4).
            if priority != state.priority { d.recomputeSLA = true }
            if let cadence = cadence(state.with(priority: priority)), state.status != .resolved {
                d.set(.progress, settings.calendar.adding(werkuren: cadence, to: state.lastUpdateAt ?? state.createdAt))
            }
            if let old = state.priority, priority.rawValue > old.rawValue {
                d.mail(.requester, "priority-lowered", ["old_priority": "P\(old.rawValue)",
                                                         "new_priority": "P\(priority.rawValue)", "reason": reason])
                touch(state.with(priority: priority), now, &d)
            }
            d.audit.append(.init("priority", "P\(priority.rawValue): \(reason)"))

        case .visit(let when):
            // DAP R-INC-6: planned via the PMO, the requester is told the date.
            d.visitAt = when
            if state.status == .registered { d.status = .inProgress }
            d.mail(.requester, "visit-planned", ["visit_at": when])
            d.mail(.group(.pmo), "pmo-visit", ["visit_at": when])
            touch(state, now, &d)

        case .workaround(let text):
            // DAP R-INC-4: "workaround in place" is a significant status change.
            d.workaround = text
            if state.status == .registered { d.status = .inProgress }
            d.mail(.requester, "workaround", ["workaround": text])
            touch(state, now, &d)

        case .resolve(let solution):
            resolve(solution: solution, state, now, &d)

        case .close(let asInteraction):
            let text = asInteraction ? TextKey.closedAsInteraction : TextKey.closedByDesk
            close(state, now, &d, closedText: text)

        case .reopen(let reason):
            reopen(state, now, &d, reason: reason ?? "")

        case .escalate(let reason, let byRequester):
            escalate(state, now, &d, reason: reason ?? (byRequester ? TextKey.requesterAsked : TextKey.agentAsked),
                     byRequester: byRequester)

        case .major(let reason):
            // DAP R-INC-7: the incident manager is notified; stakeholders get status updates from now on.
            guard state.type == .incident || state.type == .security else {
                d.audit.append(.init("ignored", "major on a \(state.type.rawValue)"))
                return d
            }
            if state.major { return d }
            d.major = true
            d.mail(.group(.incidentManager), "major-incident", ["reason": reason ?? ""])
            d.mail(.queue, "major-incident", ["reason": reason ?? ""])
            d.mail(.stakeholders, "major-update", ["update_text": TextKey.majorDeclared])
            d.audit.append(.init("major", reason ?? ""))

        case .approved(let by, let reason):
            approve(state, now, &d, by: by, reason: reason ?? "")

        case .rejected(let by, let reason):
            // DAP R-CHG-3, R-AUTH-3: the rejection is told to the requester; the case closes.
            guard state.awaitsDecision else {
                d.audit.append(.init("decision-ignored", "rejected by \(by) after the decision"))
                return d
            }
            d.status = .closed
            d.closedAt = now
            d.mail(.requester, "rejected", ["decided_by": by, "reason": reason])
            d.cancel(Timer.allCaseTimers)
            d.audit.append(.init("rejected", "\(by): \(reason)"))

        case .phase(let phase):
            movePhase(phase, note: "", state, now, &d)

        case .testFailed(let reason):
            // DAP R-CHG-5: a failed test goes back to build.
            movePhase(.build, note: reason.map { TextKey.testFailed + ": " + $0 } ?? TextKey.testFailed, state, now, &d)

        case .rollback(let reason):
            // DAP R-CHG-5: implement → rollback → evaluate.
            movePhase(.evaluate, note: reason.map { TextKey.rolledBack + ": " + $0 } ?? TextKey.rolledBack, state, now, &d)

        case .cause(let text):
            d.cause = text  // DAP R-CASE-8

        case .hours(let hours):
            d.hours = (state.hours ?? 0) + hours  // DAP R-CASE-8: hours worked add up over the replies

        case .category(let text):
            d.category = text  // DAP R-PRB-1

        case .knownError(let workaround):
            // DAP R-PRB-3: the problem ends as a known error with a workaround and a KB article.
            guard state.type == .problem else {
                d.audit.append(.init("ignored", "known error on a \(state.type.rawValue)"))
                return d
            }
            d.workaround = workaround
            d.knownError = true
            d.audit.append(.init("known-error", workaround))

        case .requesterReply(let intent, let missing):
            requesterReply(intent, missing: missing, state, now, &d)

        case .answered:
            // DAP R-INC-4: an agent's own answer is an update; the cadence counts from it.
            touch(state, now, &d)

        case .timer(let kind):
            timer(kind, state, now, &d)
        }
        return d
    }

    // MARK: - Status

    private func setStatus(_ status: CaseStatus, _ state: CaseState, _ now: Date, _ d: inout LifecycleDecision) {
        switch status {
        case .resolved: resolve(solution: state.solution ?? "", state, now, &d)
        case .closed: close(state, now, &d, closedText: TextKey.closedByDesk)
        case .refused:
            d.status = .refused
            d.cancel(Timer.allCaseTimers)
        default:
            guard status != state.status else { return }
            d.status = status
            // DAP R-INC-4: every significant status change is told to the requester.
            d.mail(.requester, "progress", ["update_text": TextKey.statusChanged])
            touch(state.with(status: status), now, &d)
        }
    }

    private func resolve(solution: String, _ state: CaseState, _ now: Date, _ d: inout LifecycleDecision) {
        // DAP R-INC-8, R-REQ-3: resolved → validation by the requester; no answer in 5 werkdagen closes it.
        d.status = .resolved
        d.solution = solution
        d.resolvedAt = now
        let closeAt = settings.calendar.adding(werkuren: Double(settings.confirmationWerkdagen) * settings.werkurenPerWerkdag,
                                               to: now)
        d.set(.autoClose, closeAt)
        d.cancel([Timer.progress, Timer.reactionDue, Timer.slaWarning, Timer.slaBreach])
        if state.type == .problem { return }
        d.mail(.requester, "resolved", ["solution": solution, "confirm_before": LocalText.dateTime(closeAt)])
        if state.major { d.mail(.stakeholders, "major-update", ["update_text": TextKey.majorResolved]) }
        d.lastUpdateAt = now
    }

    private func close(_ state: CaseState, _ now: Date, _ d: inout LifecycleDecision, closedText: String) {
        // DAP R-CASE-6: the closure notice states the solution; R-CASE-8 records what was done.
        d.status = .closed
        d.closedAt = now
        d.cancel(Timer.allCaseTimers)
        if state.type == .change { d.phase = .closed }
        if state.type != .problem {
            d.mail(.requester, "closed", ["solution": state.solution ?? "-", "closed_text": closedText])
        }
        if state.major {
            d.mail(.stakeholders, "major-update", ["update_text": TextKey.majorClosed])
            // DAP R-INC-7: closing a major incident creates a post-incident review task.
            d.createReview = true
        }
        // DAP R-SEC-5: security incidents are evaluated with the security officer.
        if state.securityReview { d.mail(.group(.securityOfficer), "security-review", [:]) }
    }

    private func reopen(_ state: CaseState, _ now: Date, _ d: inout LifecycleDecision, reason: String) {
        d.status = .inProgress
        d.reopened = true
        d.rearmSLA = true  // the warning and the breach count again (DAP R-INC-5)
        d.cancel([Timer.autoClose])
        d.mail(.requester, "reopened", ["reason": reason])
        d.mail(.queue, "case-reopened", ["reason": reason])
        touch(state.with(status: .inProgress), now, &d)
    }

    // MARK: - Escalation (DAP R-ESC-1, R-ESC-2, R-INC-5)

    /// One step up the ladder: the level is mailed, the requester hears who now handles the case.
    private func escalate(_ state: CaseState, _ now: Date, _ d: inout LifecycleDecision, reason: String,
                          byRequester: Bool = false) {
        let ladder = EscalationLadder.ladder(for: state.type)
        // A level from another ladder (the case was reclassified) counts as the top of this one.
        let level = min(max(state.escalationLevel, 0), ladder.count - 1)
        let next = level + 1
        guard next < ladder.count else {
            d.audit.append(.init("escalation-top", "already at \(ladder[level].name)"))
            return
        }
        // DAP R-ESC-2: a requester's request reaches the teamlead support, who discusses it with them; further
        // steps are the desk's (R-ESC-1). Asked again, the level that has the case is reminded.
        if byRequester, level >= 1, state.type != .complaint {
            d.audit.append(.init("escalation-requested", "already with \(ladder[level].name)"))
            d.mail(.escalationLevel(level), "escalation", ["reason": reason])
            return
        }
        d.escalationLevel = next
        d.mail(.escalationLevel(next), "escalation", ["reason": reason])
        if state.type != .problem {
            let kind = state.type == .complaint ? "complaint-update" : "escalated"
            d.mail(.requester, kind, ["reason": reason, "update_text": reason])
        }
        d.audit.append(.init("escalated", "\(ladder[next].name): \(reason)"))
    }

    // MARK: - Decisions (DAP R-AUTH-3, R-REQ-3, R-CHG-3, R-CHG-4)

    private func approve(_ state: CaseState, _ now: Date, _ d: inout LifecycleDecision, by: String, reason: String) {
        guard state.awaitsDecision else {
            d.audit.append(.init("decision-ignored", "approved by \(by) after the decision"))
            return
        }
        d.status = .inProgress
        let next: String
        if state.type == .change {
            // DAP R-CHG-3, R-CHG-5: authorised; planning with the requester follows (impact analysis, planned).
            d.phase = .authorised
            next = TextKey.changeApprovedNext
        } else {
            // DAP R-REQ-3: approval, then fulfilment.
            next = TextKey.requestApprovedNext
        }
        d.mail(.requester, "approved", ["decided_by": by, "reason": reason, "next_text": next])
        d.audit.append(.init("approved", "\(by): \(reason)"))
        touch(state.with(status: .inProgress), now, &d)
    }

    // MARK: - Changes (DAP R-CHG-5)

    private func movePhase(_ phase: ChangePhase, note: String, _ state: CaseState, _ now: Date,
                           _ d: inout LifecycleDecision) {
        guard state.type == .change else {
            d.audit.append(.init("ignored", "phase on a \(state.type.rawValue)"))
            return
        }
        if phase == .closed {
            close(state, now, &d, closedText: TextKey.closedByDesk)
            return
        }
        d.phase = phase
        if state.status == .registered || state.status == .onHold { d.status = .inProgress }
        d.mail(.requester, "change-milestone", ["phase": phase.rawValue, "note": note])
        d.audit.append(.init("phase", "\(phase.rawValue) \(note)"))
        d.lastUpdateAt = now
    }

    // MARK: - Requester replies (DAP R-INC-8, R-REQ-2, R-SEC-2, R-ESC-2)

    private func requesterReply(_ intent: RequesterReplyIntent, missing: [String]?, _ state: CaseState, _ now: Date,
                                _ d: inout LifecycleDecision) {
        if state.status == .refused { return }
        if state.status == .closed {
            // After the close: "still failing" reopens it (DAP R-INC-8); anything else goes to the desk to read.
            if intent == .stillFailing || intent == .escalationRequest {
                reopen(state, now, &d, reason: TextKey.stillFailing)
            } else {
                d.mail(.queue, "closed-case-reply", [:])
            }
            return
        }
        if intent == .escalationRequest, state.status != .resolved {
            escalate(state, now, &d, reason: TextKey.requesterAsked, byRequester: true)
            return
        }
        if state.status == .resolved {
            switch intent {
            case .confirmed: close(state, now, &d, closedText: TextKey.closedConfirmed)
            case .stillFailing: reopen(state, now, &d, reason: TextKey.stillFailing)
            case .escalationRequest:
                reopen(state, now, &d, reason: TextKey.stillFailing)
                escalate(state, now, &d, reason: TextKey.requesterAsked, byRequester: true)
            case .other: d.audit.append(.init("reply-unclear", "resolved case, neither confirmed nor reopened"))
            }
            return
        }
        // DAP R-REQ-2, R-SEC-2: the desk asked for information; the answer is checked again.
        guard let missing, !state.missing.isEmpty else { return }
        if missing.isEmpty {
            d.missing = []
            d.mail(.requester, "information-complete", ["next_text": state.type == .security
                ? TextKey.breachComplete : (state.needsApproval ? TextKey.approvalNext : TextKey.workContinues)])
            if state.slaPaused {
                // The clock runs again: the deadlines move by the werkuren the case waited.
                d.resumeSLA = true
                if !state.needsApproval { d.status = .registered }
            }
            if state.needsApproval { d.requestApproval = true }
        } else {
            // Still not everything: ask again for exactly what is missing now.
            d.missing = missing
            d.mail(.requester, "information-needed", ["missing_list": missing.map { "  - \($0)" }.joined(separator: "\n"),
                                                       "intro_text": ""])
        }
    }

    // MARK: - Timers

    private func timer(_ kind: String, _ state: CaseState, _ now: Date, _ d: inout LifecycleDecision) {
        let open: Set<CaseStatus> = [.registered, .inProgress, .onHold]
        switch kind {
        case Timer.reactionDue:
            // DAP R-INC-5: only while nobody reacted.
            guard state.status == .registered else { return }
            d.mail(.queue, kind, [:])
        case Timer.slaWarning:
            // DAP R-INC-5: at 75% the desk is warned.
            guard open.contains(state.status), !state.slaPaused else { return }
            d.mail(.queue, kind, [:])
        case Timer.slaBreach:
            // DAP R-INC-5: at breach the escalation procedure starts and the requester hears the new route.
            guard open.contains(state.status), !state.slaPaused else { return }
            d.mail(.queue, kind, [:])
            if state.escalationLevel == 0 { escalate(state, now, &d, reason: TextKey.breach) }
        case Timer.progress:
            // DAP R-INC-4: at least at the per-priority cadence while no other update was sent.
            guard open.contains(state.status), let cadence = cadence(state) else { return }
            let last = state.lastUpdateAt ?? state.createdAt
            let due = settings.calendar.adding(werkuren: cadence, to: last)
            if due > now {
                d.set(.progress, due)
                return
            }
            d.mail(.requester, "progress", ["update_text": TextKey.stillWorking])
            if state.major { d.mail(.stakeholders, "major-update", ["update_text": TextKey.stillWorking]) }
            touch(state, now, &d)
        case Timer.autoClose:
            // DAP R-INC-8: no answer within 5 werkdagen closes it.
            guard state.status == .resolved else { return }
            close(state, now, &d, closedText: TextKey.closedNoAnswer)
        case Timer.complaintManagement, Timer.complaintDirectie:
            // DAP R-CMP-2: 2 werkdagen → management; 5 werkdagen → directie.
            guard state.type == .complaint, open.contains(state.status) else { return }
            let target = kind == Timer.complaintManagement ? 1 : 2
            guard state.escalationLevel < target else { return }
            let reason = kind == Timer.complaintManagement ? TextKey.complaintTwoDays : TextKey.complaintFiveDays
            d.escalationLevel = target
            d.mail(.escalationLevel(target), "complaint-escalation", ["reason": reason])
            d.mail(.requester, "complaint-update", ["update_text": reason])
            d.audit.append(.init("escalated", "\(EscalationLadder.complaint[target].name): \(reason)"))
        case Timer.cabAgenda:
            // DAP R-CHG-3: handled by the sweep for all changes of one meeting at once (one agenda).
            guard state.status == .onHold, state.type == .change else { return }
            d.putToCAB = true
        default:
            d.audit.append(.init("timer-unknown", kind))
        }
    }

    // MARK: - Intake (after the case is registered)

    /// The timers and flags a newly registered case starts with (DAP R-INC-4, R-CHG-1, R-CHG-3, R-CMP-2,
    /// R-REQ-2, R-SEC-5).
    public func opened(_ state: CaseState, at now: Date) -> LifecycleDecision {
        var d = LifecycleDecision()
        guard state.status != .refused else { return d }
        if let cadence = cadence(state) { d.set(.progress, settings.calendar.adding(werkuren: cadence, to: now)) }
        switch state.type {
        case .change:
            switch state.changeKind {
            case .standard?:
                // DAP R-CHG-1: pre-authorised, straight to implementation.
                d.phase = .implement
                d.status = .inProgress
            case .normal?:
                // DAP R-CHG-3: onto the agenda of the next weekly CAB.
                let next = settings.cab.nextMeeting(after: now, calendar: settings.calendar)
                d.phase = .registered
                d.status = .onHold
                d.set(.cabAgenda, next.agendaAt)
                d.cabMeeting = next.meeting
            case .emergency?:
                // DAP R-CHG-4: the E-CAB at once.
                d.phase = .registered
            case nil:
                break
            }
        case .complaint:
            let two = settings.calendar.adding(werkuren: Double(settings.complaintManagementWerkdagen) * settings.werkurenPerWerkdag, to: now)
            let five = settings.calendar.adding(werkuren: Double(settings.complaintDirectieWerkdagen) * settings.werkurenPerWerkdag, to: now)
            d.set(.complaintManagement, two)
            d.set(.complaintDirectie, five)
            d.mail(.escalationLevel(0), "complaint-assigned", ["due_at": LocalText.dateTime(two)])
        case .security:
            d.securityReview = true  // DAP R-SEC-5
        case .request where !state.missing.isEmpty:
            // DAP R-REQ-2: the case waits, the clock paused, until the answer comes.
            d.status = .onHold
            d.pauseSLA = true
        default:
            break
        }
        return d
    }

    /// The progress cadence in werkuren for an open incident (DAP R-INC-4), nil for other cases.
    public func cadence(_ state: CaseState) -> Double? {
        guard state.type == .incident || state.type == .security, let priority = state.priority else { return nil }
        return settings.progressCadenceWerkuren[priority.rawValue - 1]
    }

    /// A mail to the requester was sent: the cadence counts from here (DAP R-INC-4).
    private func touch(_ state: CaseState, _ now: Date, _ d: inout LifecycleDecision) {
        d.lastUpdateAt = now
        if let cadence = cadence(state), state.status != .resolved {
            d.set(.progress, settings.calendar.adding(werkuren: cadence, to: now))
        }
        if state.major, d.mails.contains(where: { $0.audience == .requester && $0.kind != "major-update" }),
           !d.mails.contains(where: { $0.audience == .stakeholders }) {
            d.mail(.stakeholders, "major-update", ["update_text": TextKey.statusChanged])
        }
    }
}

// MARK: - Values

/// Operator settings of the life cycles, with the DAP's defaults.
public struct LifecycleSettings: Sendable {
    public var calendar: WerkdagCalendar
    /// DAP R-INC-4: P1 every 2 werkuren, P2 every werkdag, P3 every 3 werkdagen, P4 every 5 werkdagen.
    public var progressCadenceWerkuren: [Double]
    /// DAP R-INC-8: auto-close after 5 werkdagen without an answer.
    public var confirmationWerkdagen: Int
    /// DAP R-CMP-2.
    public var complaintManagementWerkdagen: Int
    public var complaintDirectieWerkdagen: Int
    /// DAP R-CHG-3.
    public var cab: CABSchedule
    /// DAP R-PRB-1.
    public var problems: ProblemRule
    public var werkurenPerWerkdag: Double

    public init(calendar: WerkdagCalendar = WerkdagCalendar(), progressCadenceWerkuren: [Double]? = nil,
                confirmationWerkdagen: Int = 5, complaintManagementWerkdagen: Int = 2,
                complaintDirectieWerkdagen: Int = 5, cab: CABSchedule = CABSchedule(),
                problems: ProblemRule = ProblemRule()) {
        self.calendar = calendar
        let perDay = Double(calendar.closingHour - calendar.openingHour)
        self.werkurenPerWerkdag = perDay
        self.progressCadenceWerkuren = progressCadenceWerkuren ?? [2, perDay, 3 * perDay, 5 * perDay]
        self.confirmationWerkdagen = confirmationWerkdagen
        self.complaintManagementWerkdagen = complaintManagementWerkdagen
        self.complaintDirectieWerkdagen = complaintDirectieWerkdagen
        self.cab = cab
        self.problems = problems
    }
}

/// What the life cycle needs to know of a case.
public struct CaseState: Sendable, Hashable {
    public var type: CaseType
    public var changeKind: ChangeKind?
    public var status: CaseStatus
    public var priority: Priority?
    public var createdAt: Date
    public var phase: ChangePhase?
    public var escalationLevel: Int = 0
    public var major = false
    public var securityReview = false
    public var slaPaused = false
    /// The information the desk asked for and has not had (DAP R-REQ-2, R-SEC-2).
    public var missing: [String] = []
    /// A request whose catalog item needs approval (DAP R-AUTH-3).
    public var needsApproval = false
    public var solution: String?
    public var hours: Double?
    public var lastUpdateAt: Date?

    public init(type: CaseType, changeKind: ChangeKind? = nil, status: CaseStatus = .registered,
                priority: Priority? = nil, createdAt: Date) {
        self.type = type
        self.changeKind = changeKind
        self.status = status
        self.priority = priority
        self.createdAt = createdAt
    }

    /// Waiting for an approver's or the CAB's decision (DAP R-AUTH-3, R-CHG-3, R-CHG-4).
    public var awaitsDecision: Bool {
        guard status == .onHold, missing.isEmpty else { return false }
        switch type {
        case .request: return needsApproval
        case .change: return changeKind != .standard && (phase == nil || phase == .registered)
        default: return false
        }
    }

    func with(status: CaseStatus) -> CaseState { var s = self; s.status = status; return s }
    func with(priority: Priority) -> CaseState { var s = self; s.priority = priority; return s }
}

/// Something that happens to a case.
public enum CaseEvent: Sendable, Hashable {
    case status(CaseStatus)
    case priority(Priority, reason: String)
    /// The on-site visit's local date and time as text (`2026-12-03 09:30`).
    case visit(String)
    case workaround(String)
    case resolve(solution: String)
    case close(asInteraction: Bool)
    case reopen(reason: String?)
    case escalate(reason: String?, byRequester: Bool)
    case major(reason: String?)
    case approved(by: String, reason: String?)
    case rejected(by: String, reason: String)
    case phase(ChangePhase)
    case testFailed(reason: String?)
    case rollback(reason: String?)
    case cause(String)
    case hours(Double)
    case category(String)
    case knownError(workaround: String)
    /// A reply of the requester, read as `intent`; `missing` is what is still missing after it, when the case
    /// waits for information (nil otherwise).
    case requesterReply(RequesterReplyIntent, missing: [String]?)
    /// An agent's own answer went to the requester (DAP R-AGENT-1).
    case answered
    case timer(String)

    public var name: String {
        switch self {
        case .status: "status"
        case .priority: "priority"
        case .visit: "visit"
        case .workaround: "workaround"
        case .resolve: "resolve"
        case .close: "close"
        case .reopen: "reopen"
        case .escalate: "escalate"
        case .major: "major"
        case .approved: "approved"
        case .rejected: "rejected"
        case .phase: "phase"
        case .testFailed: "test-failed"
        case .rollback: "rollback"
        case .cause: "cause"
        case .hours: "hours"
        case .category: "category"
        case .knownError: "known-error"
        case .requesterReply: "requester-reply"
        case .answered: "answered"
        case .timer(let kind): "timer \(kind)"
        }
    }

    /// Events that still mean something on a closed case: a reopen, and the administrative records of R-CASE-8.
    var worksOnClosedCases: Bool {
        switch self {
        case .reopen, .cause, .hours, .category, .requesterReply: true
        default: false
        }
    }
}

/// Who a life-cycle mail goes to.
public enum Audience: Sendable, Hashable {
    /// The requester, the watchers in Cc (and the account manager for complaints, DAP R-CMP-2).
    case requester
    /// A major incident's stakeholders (DAP R-INC-7).
    case stakeholders
    /// The desk's queue address (DAP R-AGENT-5).
    case queue
    /// The members of an agent group; an absent member's backup instead (DAP R-ESC-1).
    case group(AgentGroup)
    /// The function at a level of the case's escalation ladder (DAP R-ESC-1, R-CMP-2).
    case escalationLevel(Int)
}

public struct LifecycleMail: Sendable, Hashable {
    public var audience: Audience
    /// The template (`templates/<language>/<kind>.txt`).
    public var kind: String
    public var values: [String: String]

    public init(audience: Audience, kind: String, values: [String: String]) {
        self.audience = audience
        self.kind = kind
        self.values = values
    }
}

/// What an event does: the fields to change, the mails to send, the timers to set or cancel.
public struct LifecycleDecision: Sendable {
    public var status: CaseStatus?
    public var priority: Int?
    public var phase: ChangePhase?
    public var escalationLevel: Int?
    public var major: Bool?
    public var securityReview: Bool?
    public var visitAt: String?
    public var workaround: String?
    public var knownError = false
    public var solution: String?
    public var cause: String?
    public var hours: Double?
    public var category: String?
    public var missing: [String]?
    public var resolvedAt: Date?
    public var closedAt: Date?
    public var lastUpdateAt: Date?
    public var reopened = false
    /// DAP R-INC-5: the priority changed; the deadlines follow the new one.
    public var recomputeSLA = false
    /// DAP R-INC-5: a reopened case's warning and breach count again.
    public var rearmSLA = false
    /// The agent's own answer travels in this decision's first mail to the requester (set by the gateway).
    public var carriedAnswer = false
    public var pauseSLA = false
    public var resumeSLA = false
    /// DAP R-AUTH-3: the information is complete; now the approver is asked.
    public var requestApproval = false
    /// DAP R-CHG-3: this change goes on the CAB agenda being sent.
    public var putToCAB = false
    /// DAP R-CHG-3: the meeting a normal change waits for.
    public var cabMeeting: Date?
    /// DAP R-INC-7: a post-incident review task.
    public var createReview = false
    public var mails: [LifecycleMail] = []
    public var timers: [(kind: String, at: Date)] = []
    public var cancelled: Set<String> = []
    public var audit: [AuditNote] = []

    public init() {}

    public struct AuditNote: Sendable, Hashable {
        public var action: String
        public var detail: String
        init(_ action: String, _ detail: String) { self.action = action; self.detail = detail }
    }

    mutating func mail(_ audience: Audience, _ kind: String, _ values: [String: String]) {
        mails.append(LifecycleMail(audience: audience, kind: kind, values: values))
    }

    mutating func set(_ kind: Lifecycle.Timer.Kind, _ at: Date) {
        timers.removeAll { $0.kind == kind.rawValue }
        timers.append((kind.rawValue, at))
        cancelled.remove(kind.rawValue)
    }

    mutating func cancel(_ kinds: [String]) {
        for kind in kinds {
            cancelled.insert(kind)
            timers.removeAll { $0.kind == kind }
        }
    }

    /// The kinds of the mails to the requester, in order (for tests and logs).
    public var requesterMails: [String] { mails.filter { $0.audience == .requester }.map(\.kind) }
}

extension Lifecycle {
    /// The timer kinds of a case (the `timers` table's `kind`).
    public enum Timer {
        public enum Kind: String, Sendable, CaseIterable {
            case reactionDue = "reaction-due", slaWarning = "sla-warning", slaBreach = "sla-breach"
            case progress, autoClose = "auto-close", complaintManagement = "complaint-management"
            case complaintDirectie = "complaint-directie", cabAgenda = "cab-agenda"
        }
        public static let reactionDue = Kind.reactionDue.rawValue
        public static let slaWarning = Kind.slaWarning.rawValue
        public static let slaBreach = Kind.slaBreach.rawValue
        public static let progress = Kind.progress.rawValue
        public static let autoClose = Kind.autoClose.rawValue
        public static let complaintManagement = Kind.complaintManagement.rawValue
        public static let complaintDirectie = Kind.complaintDirectie.rawValue
        public static let cabAgenda = Kind.cabAgenda.rawValue
        public static let allCaseTimers = Kind.allCases.map(\.rawValue)
    }

    /// Keys of the fixed sentences the gateway puts in templates as `update_text`, `closed_text`, `reason`,
    /// `next_text` (`LifecycleText` turns them into Dutch or English).
    public enum TextKey {
        public static let statusChanged = "@status-changed"
        public static let stillWorking = "@still-working"
        public static let closedByDesk = "@closed-by-desk"
        public static let closedAsInteraction = "@closed-as-interaction"
        public static let closedConfirmed = "@closed-confirmed"
        public static let closedNoAnswer = "@closed-no-answer"
        public static let stillFailing = "@still-failing"
        public static let requesterAsked = "@requester-asked"
        public static let agentAsked = "@agent-asked"
        public static let breach = "@breach"
        public static let complaintTwoDays = "@complaint-two-days"
        public static let complaintFiveDays = "@complaint-five-days"
        public static let majorDeclared = "@major-declared"
        public static let majorResolved = "@major-resolved"
        public static let majorClosed = "@major-closed"
        public static let testFailed = "@test-failed"
        public static let rolledBack = "@rolled-back"
        public static let changeApprovedNext = "@change-approved-next"
        public static let requestApprovedNext = "@request-approved-next"
        public static let approvalNext = "@approval-next"
        public static let workContinues = "@work-continues"
        public static let breachComplete = "@breach-complete"
    }
}

typealias TextKey = Lifecycle.TextKey

/// The escalation ladders (DAP R-ESC-1, R-CMP-2): the function at each level, as an agent group.
public enum EscalationLadder {
    public struct Level: Sendable, Hashable {
        public let group: AgentGroup
        public let name: String
        public let dutch: String
        public let english: String
    }

    /// servicedesk → teamlead support → manager managed services → operationeel directeur (DAP R-ESC-1).
    public static let standard: [Level] = [
        Level(group: .servicedesk, name: "servicedesk", dutch: "de servicedesk", english: "the service desk"),
        Level(group: .teamleadSupport, name: "teamlead-support", dutch: "de teamleider support",
              english: "the team lead support"),
        Level(group: .managerManagedServices, name: "manager-managed-services",
              dutch: "de manager managed services", english: "the manager managed services"),
        Level(group: .directie, name: "directie", dutch: "de operationeel directeur",
              english: "the operations director"),
    ]

    /// department → management → directie (DAP R-CMP-2).
    public static let complaint: [Level] = [
        Level(group: .servicedesk, name: "servicedesk", dutch: "de afdeling servicedesk",
              english: "the service desk department"),
        Level(group: .managerManagedServices, name: "manager-managed-services",
              dutch: "het management", english: "management"),
        Level(group: .directie, name: "directie", dutch: "de directie", english: "the board of directors"),
    ]

    public static func ladder(for type: CaseType) -> [Level] { type == .complaint ? complaint : standard }
}

/// Local (Europe/Amsterdam) date and time as text, for mails: `4-12-2026 17:00`, the way the confirmation
/// states its registration time.
public enum LocalText {
    public static func dateTime(_ instant: Date, calendar: WerkdagCalendar = WerkdagCalendar()) -> String {
        let day = calendar.day(of: instant)
        var c = Calendar(identifier: .gregorian)
        c.timeZone = calendar.timeZone
        let parts = c.dateComponents([.hour, .minute], from: instant)
        let hh = (parts.hour ?? 0) < 10 ? "0\(parts.hour ?? 0)" : "\(parts.hour ?? 0)"
        let mm = (parts.minute ?? 0) < 10 ? "0\(parts.minute ?? 0)" : "\(parts.minute ?? 0)"
        return "\(day.day)-\(day.month)-\(day.year) \(hh):\(mm)"
    }
}
