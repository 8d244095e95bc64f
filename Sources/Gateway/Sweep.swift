import Desk
import Foundation
import Mail
import Store

/// One timer the sweep fired.
public struct SweepEvent: Sendable, Equatable {
    public var caseNumber: String
    public var kind: String
    public var dueAt: String
    /// Where the notice went, or why none was sent.
    public var outcome: String
}

extension Gateway {
    /// DAP R-INC-5: fires the timers that are due at `at` (reaction target passed, the 75% warning, the
    /// resolution breach) and queues a notice to the desk's queue address for each, in one transaction.
    /// Reads only due timers (an index range scan), so an idle sweep costs one query however many cases
    /// are open.
    public func sweep(at: Date) throws -> [SweepEvent] {
        let stamp = Timestamp.string(at)
        return try store.transaction {
            var events: [SweepEvent] = []
            for timer in try store.dueTimers(at: stamp) {
                try store.markFired(timerID: timer.id, at: stamp)
                guard let record = try store.findCase(id: timer.caseID) else { continue }
                let done: Set<CaseStatus> = [.resolved, .closed, .refused]
                if done.contains(record.status) {
                    events.append(SweepEvent(caseNumber: record.number.description, kind: timer.kind,
                                             dueAt: timer.dueAt, outcome: "case \(record.status.rawValue), no notice"))
                    continue
                }
                // The reaction target only matters while nobody has reacted (R-INC-5).
                if timer.kind == "reaction-due", record.status != .registered {
                    events.append(SweepEvent(caseNumber: record.number.description, kind: timer.kind,
                                             dueAt: timer.dueAt, outcome: "reacted in time"))
                    continue
                }
                guard let queue = config.queue, !queue.isEmpty else {
                    try store.audit(caseID: record.id, actor: "sweep", action: timer.kind, detail: timer.dueAt)
                    events.append(SweepEvent(caseNumber: record.number.description, kind: timer.kind,
                                             dueAt: timer.dueAt, outcome: "no DAPGATE_QUEUE: recorded only"))
                    continue
                }
                try queueDeskNotice(kind: timer.kind, for: record, to: queue, dueAt: timer.dueAt)
                try store.audit(caseID: record.id, actor: "sweep", action: timer.kind, detail: timer.dueAt)
                events.append(SweepEvent(caseNumber: record.number.description, kind: timer.kind,
                                         dueAt: timer.dueAt, outcome: "mailed \(queue)"))
            }
            return events
        }
    }
}
