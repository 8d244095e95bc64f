import Desk
import Foundation

/// The fields of a case its life cycle changes after intake (migration 6).
public struct CaseLife: Sendable, Equatable {
    public var assignee: String?
    public var visitAt: String?
    public var solution: String?
    public var phase: String?
    public var escalationLevel = 0
    public var major = false
    public var securityReview = false
    public var slaPausedAt: String?
    /// DAP R-REQ-2, R-SEC-2: what the desk asked for and has not had.
    public var missing: [String] = []
    public var needsApproval = false
    public var cause: String?
    public var hours: Double?
    public var slaMet: Bool?
    public var resolvedAt: String?
    public var closedAt: String?
    public var lastUpdateAt: String?
    public var category: String?
    public var problemID: Int64?
    public var workaround: String?
    public var knownError = false

    public init() {}
}

/// One row of the complaints overview (DAP R-CMP-3).
public struct ComplaintRow: Sendable, Equatable {
    public var number: String
    public var organisation: String?
    public var requester: String
    public var subject: String
    public var status: String
    public var escalationLevel: Int
    public var createdAt: String
    public var closedAt: String?
    public var solution: String?
}

extension DeskStore {
    private static let lifeColumns = """
        assignee, visit_at, solution, phase, escalation_level, major, security_review, sla_paused_at, missing,
        needs_approval, cause, hours, sla_met, resolved_at, closed_at, last_update_at, category, problem_id,
        workaround, known_error
        """

    public func life(caseID: Int64) throws -> CaseLife {
        guard let row = try db.first("SELECT \(Self.lifeColumns) FROM cases WHERE id = ?", [.integer(caseID)]) else {
            return CaseLife()
        }
        var life = CaseLife()
        life.assignee = row.string(0)
        life.visitAt = row.string(1)
        life.solution = row.string(2)
        life.phase = row.string(3)
        life.escalationLevel = row.int(4) ?? 0
        life.major = (row.int(5) ?? 0) != 0
        life.securityReview = (row.int(6) ?? 0) != 0
        life.slaPausedAt = row.string(7)
        life.missing = (row.string(8) ?? "").split(separator: "\n").map(String.init)
        life.needsApproval = (row.int(9) ?? 0) != 0
        life.cause = row.string(10)
        if case .real(let hours) = row[11] { life.hours = hours } else { life.hours = row.int(11).map(Double.init) }
        life.slaMet = row.int(12).map { $0 != 0 }
        life.resolvedAt = row.string(13)
        life.closedAt = row.string(14)
        life.lastUpdateAt = row.string(15)
        life.category = row.string(16)
        life.problemID = row.int(17).map(Int64.init)
        life.workaround = row.string(18)
        life.knownError = (row.int(19) ?? 0) != 0
        return life
    }

    /// Writes every life-cycle field of the case (read with `life(caseID:)`, changed, written back).
    public func setLife(caseID: Int64, _ life: CaseLife) throws {
        try db.run("""
            UPDATE cases SET assignee = ?, visit_at = ?, solution = ?, phase = ?, escalation_level = ?, major = ?,
                security_review = ?, sla_paused_at = ?, missing = ?, needs_approval = ?, cause = ?, hours = ?,
                sla_met = ?, resolved_at = ?, closed_at = ?, last_update_at = ?, category = ?, problem_id = ?,
                workaround = ?, known_error = ?, updated_at = ?
            WHERE id = ?
            """,
            [SQLValue(life.assignee), SQLValue(life.visitAt), SQLValue(life.solution), SQLValue(life.phase),
             .integer(Int64(life.escalationLevel)), SQLValue(life.major), SQLValue(life.securityReview),
             SQLValue(life.slaPausedAt), life.missing.isEmpty ? .null : .text(life.missing.joined(separator: "\n")),
             SQLValue(life.needsApproval), SQLValue(life.cause), life.hours.map { .real($0) } ?? .null,
             life.slaMet.map { SQLValue($0) } ?? .null, SQLValue(life.resolvedAt), SQLValue(life.closedAt),
             SQLValue(life.lastUpdateAt), SQLValue(life.category), life.problemID.map { .integer($0) } ?? .null,
             SQLValue(life.workaround), SQLValue(life.knownError), .text(stamp), .integer(caseID)])
    }

    /// Moves the SLA deadlines (DAP R-REQ-2: after a pause the clock runs on from where it stopped).
    public func setDeadlines(caseID: Int64, reactionDue: String?, resolutionDue: String?, warningAt: String?) throws {
        try db.run("UPDATE cases SET reaction_due = ?, resolution_due = ?, sla_warning_at = ? WHERE id = ?",
                   [SQLValue(reactionDue), SQLValue(resolutionDue), SQLValue(warningAt), .integer(caseID)])
    }

    /// Cancels a case's timers of these kinds (a fired timer stays as the record of what happened).
    public func cancelTimers(caseID: Int64, kinds: [String]) throws {
        for kind in kinds {
            try db.run("DELETE FROM timers WHERE case_id = ? AND kind = ? AND fired_at IS NULL",
                       [.integer(caseID), .text(kind)])
        }
    }

    /// The timer of one kind, when it has not fired.
    public func pendingTimer(caseID: Int64, kind: String) throws -> String? {
        try db.first("SELECT due_at FROM timers WHERE case_id = ? AND kind = ? AND fired_at IS NULL",
                     [.integer(caseID), .text(kind)])?.string(0)
    }

    /// The newest outbox row's id (0 when empty).
    public func lastOutboxID() throws -> Int64 {
        Int64(try db.first("SELECT COALESCE(MAX(id), 0) FROM outbox")?.int(0) ?? 0)
    }

    /// The recipients of the outbox rows after `afterID`, in order.
    public func outboxRecipients(afterID: Int64) throws -> [String] {
        try db.query("SELECT recipients FROM outbox WHERE id > ? ORDER BY id", [.integer(afterID)])
            .flatMap { ($0.string(0) ?? "").split(separator: "\n").map(String.init) }
    }

    // MARK: - Problems (DAP R-PRB-1, R-PRB-4)

    /// Incidents on one service and category since `since` that are not linked to a problem.
    public func unlinkedIncidents(service: String, category: String?, since: String) throws -> [(id: Int64, at: String)] {
        try db.query("""
            SELECT id, created_at FROM cases
            WHERE type = 'incident' AND service = ? AND category IS ? AND created_at >= ? AND problem_id IS NULL
            ORDER BY created_at DESC LIMIT 1000
            """, [.text(service), SQLValue(category), .text(since)]).map { (Int64($0.int(0) ?? 0), $0.string(1) ?? "") }
    }

    public func linkToProblem(caseIDs: [Int64], problemID: Int64) throws {
        for id in caseIDs {
            try db.run("UPDATE cases SET problem_id = ? WHERE id = ?", [.integer(problemID), .integer(id)])
        }
    }

    /// The cases linked to a problem.
    public func incidents(ofProblem problemID: Int64) throws -> [CaseRecord] {
        try db.query("SELECT id FROM cases WHERE problem_id = ? ORDER BY id", [.integer(problemID)])
            .compactMap { try findCase(id: Int64($0.int(0) ?? 0)) }
    }

    /// An open problem on the service (and category), proposed or known error.
    public func openProblem(service: String, category: String?) throws -> CaseRecord? {
        guard let row = try db.first("""
            SELECT id FROM cases WHERE type = 'problem' AND service = ? AND category IS ?
                AND status NOT IN ('closed', 'refused') ORDER BY id DESC LIMIT 1
            """, [.text(service), SQLValue(category)]), let id = row.int(0) else { return nil }
        return try findCase(id: Int64(id))
    }

    /// DAP R-PRB-4: the newest open known error on a service, with its workaround and problem number.
    public func knownError(service: String) throws -> (problem: CaseNumber, workaround: String)? {
        guard let row = try db.first("""
            SELECT number, workaround FROM cases
            WHERE type = 'problem' AND known_error = 1 AND service = ? AND status NOT IN ('closed', 'refused')
            ORDER BY id DESC LIMIT 1
            """, [.text(service)]), let number = row.string(0).flatMap(CaseNumber.init), let text = row.string(1)
        else { return nil }
        return (number, text)
    }

    // MARK: - Complaints (DAP R-CMP-3)

    public func complaints(since: String?, until: String?) throws -> [ComplaintRow] {
        try db.query("""
            SELECT number, organisation, requester, subject, status, escalation_level, created_at, closed_at, solution
            FROM cases WHERE type = 'complaint' AND created_at >= ? AND created_at < ? ORDER BY created_at
            """, [.text(since ?? ""), .text(until ?? "9999")]).map {
            ComplaintRow(number: $0.string(0) ?? "", organisation: $0.string(1), requester: $0.string(2) ?? "",
                         subject: $0.string(3) ?? "", status: $0.string(4) ?? "", escalationLevel: $0.int(5) ?? 0,
                         createdAt: $0.string(6) ?? "", closedAt: $0.string(7), solution: $0.string(8))
        }
    }
}
