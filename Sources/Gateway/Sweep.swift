import Desk
import Foundation
import Mail
import Store

/// One timer the sweep fired.
public struct SweepEvent: Sendable, Equatable {
    public var caseNumber: String
    public var kind: String
    public var dueAt: String
    /// Where the notices went, or why none was sent.
    public var outcome: String
}

extension Gateway {
    /// Fires the timers that are due at `at`, each through the case's life cycle (DAP R-INC-4 progress
    /// cadence, R-INC-5 reaction, 75% warning and breach with escalation, R-INC-8 auto-close, R-CMP-2
    /// complaint ladder, R-CHG-3 weekly CAB agenda), in one transaction. Reads only due timers (an index
    /// range scan), so an idle sweep costs one query however many cases are open, and a busy one costs what
    /// is due.
    public func sweep(at: Date) throws -> [SweepEvent] {
        let stamp = Timestamp.string(at)
        return try store.transaction {
            var events: [SweepEvent] = []
            var agenda: [(record: CaseRecord, meeting: Date)] = []
            // Rounds, because a fired timer can set another that is due as well; bounded, so a bad rule can
            // never spin.
            for _ in 0..<50 {
                let due = try store.dueTimers(at: stamp)
                if due.isEmpty { break }
                for timer in due {
                    try store.markFired(timerID: timer.id, at: stamp)
                    guard let record = try store.findCase(id: timer.caseID) else { continue }
                    let before = try store.lastOutboxID()
                    // One timer that fails (a missing template, a bad row) is recorded and does not hold up the
                    // others: its work is rolled back to a savepoint, the timer stays fired.
                    let decision: LifecycleDecision
                    try store.db.run("SAVEPOINT sweep_timer")
                    do {
                        decision = try apply(.timer(timer.kind), to: record, actor: "sweep", at: at)
                        try store.db.run("RELEASE sweep_timer")
                    } catch {
                        try store.db.run("ROLLBACK TO sweep_timer")
                        try store.db.run("RELEASE sweep_timer")
                        try store.audit(caseID: record.id, actor: "sweep", action: "timer-failed", detail: "\(timer.kind): \(error)")
                        log(.error, "sweep.timer-failed", ["case": record.number.description, "kind": timer.kind,
                                                           "error": "\(error)"])
                        events.append(SweepEvent(caseNumber: record.number.description, kind: timer.kind,
                                                 dueAt: timer.dueAt, outcome: "failed: \(error)"))
                        continue
                    }
                    if decision.putToCAB {
                        let meeting = (Timestamp.date(timer.dueAt) ?? at)
                            .addingTimeInterval(settings.lifecycle.cab.agendaLeadHours * 3600)
                        agenda.append((record, meeting))
                    }
                    let sent = try store.outboxRecipients(afterID: before)
                    let outcome = decision.putToCAB ? "on the CAB agenda"
                        : sent.isEmpty ? "case \(record.status.rawValue), nothing to send" : "mailed \(sent.joined(separator: ", "))"
                    events.append(SweepEvent(caseNumber: record.number.description, kind: timer.kind, dueAt: timer.dueAt,
                                             outcome: outcome))
                }
            }
            if !agenda.isEmpty { try sendCABAgenda(agenda) }
            return events
        }
    }

    /// DAP R-CHG-3: one agenda per meeting to the CAB members, and each change's own decision mail, which
    /// the members answer with `akkoord` or `afgewezen: reden`.
    func sendCABAgenda(_ items: [(record: CaseRecord, meeting: Date)]) throws {
        let byMeeting = Dictionary(grouping: items, by: { $0.meeting })
        for (when, changes) in byMeeting.sorted(by: { $0.key < $1.key }) {
            let meeting = LocalText.dateTime(when)
            let lines = changes.map { item in
                "  - \(Self.recordNumber(item.record)) \(item.record.number.tag) \(Templates.oneLine(item.record.subject))"
                    + " (\(item.record.requesterName.map(Templates.oneLine) ?? item.record.requester), \(item.record.organisation ?? "-"))"
            }
            // Nobody in group cab: the queue gets the agenda, so no change waits unseen.
            var members = try members(of: .cab)
            if members.isEmpty, let queue = config.queue, !queue.isEmpty {
                members = [AgentRecord(email: queue, name: "Servicedesk", groups: [])]
            }
            let mail = try fill("cab-agenda", language: "nl", ["cab_date": meeting, "agenda_list": lines.joined(separator: "\n")])
            for member in members {
                var outgoing = try caseMail(nil, to: Address(name: member.name, address: member.email),
                                            subject: mail.subject, text: mail.text, thread: .none,
                                            autoSubmitted: "auto-generated")
                outgoing.extraHeaders = [("X-Dapgate-Notice", "cab-agenda")]
                try enqueue(outgoing, kind: "cab-agenda", caseID: nil, recipients: [member.email])
            }
            for item in changes {
                try sendApprovalRequests(kind: "cab-request", record: item.record, requester: try requesterOf(item.record))
                // DAP R-CHG-3: not decided at this meeting, the change is on the next agenda too.
                let next = settings.lifecycle.cab.nextMeeting(after: item.meeting, calendar: settings.lifecycle.calendar)
                try store.setTimer(caseID: item.record.id, kind: Lifecycle.Timer.cabAgenda, dueAt: Timestamp.string(next.agendaAt))
            }
            if members.isEmpty {
                try store.audit(caseID: nil, actor: "sweep", action: "cab-agenda", detail: "no CAB members and no queue address")
            }
        }
    }
}
