import Desk
import Foundation
import Store
import Testing

private func temporaryPath() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("life-\(UUID().uuidString).sqlite").path
}

@Suite("DeskStore: case life cycles")
struct DeskStoreLifeTests {
    @Test("Migrating a version 5 database to version 6 keeps its cases and starts them at the bottom of the ladder")
    func fromVersion5() throws {
        let db = try Database(path: temporaryPath())
        try Migrator.migrate(db, Schema.migrations.filter { $0.version <= 5 })
        try db.run("""
            INSERT INTO cases (number, type, status, requester, subject, language, created_at, updated_at)
            VALUES ('CS0000001', 'incident', 'in_progress', 'a@school.test', 'Printer', 'nl', '2026-12-01T09:00:00Z', '2026-12-01T09:00:00Z')
            """)
        #expect(try Migrator.migrate(db) == [6])
        #expect(try db.first("SELECT escalation_level, major, known_error FROM cases")?.values == [.integer(0), .integer(0), .integer(0)])
    }

    @Test("R-CASE-8 the life-cycle fields round-trip, hours as a fraction")
    func roundTrip() throws {
        let store = try DeskStore(path: temporaryPath())
        let record = try store.transaction { try store.openCase(NewCase(requester: "a@school.test", requesterName: nil, subject: "Printer")) }
        var life = CaseLife()
        life.phase = "build"
        life.escalationLevel = 2
        life.major = true
        life.missing = ["Startdatum", "Naam"]
        life.hours = 1.25
        life.slaMet = false
        life.cause = "Driver"
        try store.setLife(caseID: record.id, life)
        let read = try store.life(caseID: record.id)
        #expect(read == life)
    }

    @Test("R-PRB-1 recent incidents on one service and category, not yet linked; R-PRB-4 the open known error")
    func problems() throws {
        var clock = Date(timeIntervalSince1970: 1_796_000_000)
        let store = try DeskStore(path: temporaryPath(), now: { clock })
        var ids: [Int64] = []
        for i in 0..<4 {
            var new = NewCase(requester: "u\(i)@school.test", requesterName: nil, subject: "Printer \(i)")
            new.type = .incident
            new.intake.service = "Printen en scannen"
            ids.append(try store.transaction { try store.openCase(new) }.id)
            clock += 3600
        }
        let since = Timestamp.string(Date(timeIntervalSince1970: 1_796_000_000 + 3600))
        #expect(try store.unlinkedIncidents(service: "Printen en scannen", category: nil, since: since).map(\.id) == [ids[3], ids[2], ids[1]])
        var problem = NewCase(requester: "pm@cloudwise.test", requesterName: nil, subject: "Probleem")
        problem.type = .problem
        problem.intake.service = "Printen en scannen"
        let prb = try store.transaction { try store.openCase(problem) }
        try store.linkToProblem(caseIDs: [ids[1], ids[2]], problemID: prb.id)
        #expect(try store.unlinkedIncidents(service: "Printen en scannen", category: nil, since: since).map(\.id) == [ids[3]])
        #expect(try store.incidents(ofProblem: prb.id).map(\.id) == [ids[1], ids[2]])
        #expect(try store.knownError(service: "Printen en scannen") == nil)
        var life = CaseLife()
        life.knownError = true
        life.workaround = "Herstart de spooler"
        try store.setLife(caseID: prb.id, life)
        let known = try store.knownError(service: "Printen en scannen")
        #expect(known?.problem == prb.number)
        #expect(known?.workaround == "Herstart de spooler")
        #expect(try store.openProblem(service: "Printen en scannen", category: nil)?.id == prb.id)
        try store.update(caseID: prb.id, status: .closed)
        #expect(try store.knownError(service: "Printen en scannen") == nil)
    }

    @Test("R-CMP-3 complaints by period, with how far they climbed")
    func complaints() throws {
        let store = try DeskStore(path: temporaryPath(), now: { Date(timeIntervalSince1970: 1_796_000_000) })
        var new = NewCase(requester: "ouder@school.test", requesterName: nil, subject: "Slechte service")
        new.type = .complaint
        let record = try store.transaction { try store.openCase(new) }
        var life = CaseLife()
        life.escalationLevel = 1
        try store.setLife(caseID: record.id, life)
        _ = try store.transaction { try store.openCase(NewCase(requester: "x@school.test", requesterName: nil, subject: "Vraag")) }
        let rows = try store.complaints(since: nil, until: nil)
        #expect(rows.map(\.number) == [record.number.description])
        #expect(rows.first?.escalationLevel == 1)
        #expect(try store.complaints(since: "2099-01-01", until: nil).isEmpty)
    }
}
