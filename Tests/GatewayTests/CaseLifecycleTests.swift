import Desk
import Foundation
@testable import Gateway
import Store
import Testing

private func at(_ text: String) throws -> Date {
    guard let date = ISO8601DateFormatter().date(from: text) else { throw CocoaError(.formatting) }
    return date
}

/// The gateway's side of the life cycles with a moving clock and no server: what is persisted, which timers
/// are set, whom the mails go to. The same paths run by real mail in IntegrationTests.
@Suite("Gateway: case life cycles")
final class CaseLifecycleGatewayTests {
    var clock: Date
    let gateway: Gateway

    init() throws {
        clock = try at("2026-12-07T10:00:00+01:00")  // a Monday
        var config = Config()
        config.templates = try makeGateway().config.templates
        config.database = FileManager.default.temporaryDirectory.appendingPathComponent("lc-\(UUID().uuidString).sqlite").path
        config.from = "Servicedesk <info@cloudwise.test>"
        config.queue = "queue@cloudwise.test"
        config.catalog = URL(fileURLWithPath: config.templates).deletingLastPathComponent()
            .appendingPathComponent("config/catalog.json").path
        let box = ClockBox()
        let store = try DeskStore(path: config.database, now: { box.now })
        gateway = try Gateway(config: config, store: store, log: Log(minimum: .error), now: { box.now })
        self.box = box
        box.now = clock
        try store.upsert(OrganisationRecord(name: "Noord", domains: ["school.test"], onCall: false,
                                            accountManager: "am@cloudwise.test"))
        try store.upsert(ContactRecord(email: "alice@school.test", name: "Alice", organisation: "Noord",
                                       location: "De Regenboog", role: "gebruiker"))
        try store.upsert(ContactRecord(email: "tom@school.test", name: "Tom", organisation: "Noord",
                                       location: "De Regenboog", role: "school-ict"))
        try store.upsert(AgentRecord(email: "lead@cloudwise.test", name: "Lead", groups: ["teamlead-support"], absent: true,
                                     backup: "backup@cloudwise.test"))
        try store.upsert(AgentRecord(email: "backup@cloudwise.test", name: "Backup", groups: ["servicedesk"]))
    }

    let box: ClockBox

    final class ClockBox: @unchecked Sendable { var now = Date() }

    func mail(_ subject: String, _ body: String, from: String = "alice@school.test", inReplyTo: String? = nil) -> [UInt8] {
        var lines = ["From: \(from)", "To: info@cloudwise.test", "Subject: \(subject)",
                     "Message-ID: <\(UUID().uuidString)@school.test>", "Date: Mon, 7 Dec 2026 10:00:00 +0100"]
        if let inReplyTo { lines += ["In-Reply-To: \(inReplyTo)"] }
        return Array((lines.joined(separator: "\r\n") + "\r\n\r\n" + body + "\r\n").utf8)
    }

    var uid: Int64 = 0
    func deliver(_ raw: [UInt8]) throws -> Gateway.IntakeOutcome {
        uid += 1
        return try gateway.store.transaction { try gateway.intake(raw, ledger: ("mem", 1, uid)) }
    }

    @Test("R-REQ-2 the clock pauses while the desk waits for information; the deadlines move by the werkuren waited")
    func pauseAndResume() throws {
        let opened = try deliver(mail("Nieuw account voor stagiaire", "Graag een nieuw account.\nNaam: Fleur"))
        let record = try #require(try gateway.store.findCase(id: opened.caseID!))
        let due = try #require(record.intake.resolutionDue.flatMap(Timestamp.date))
        #expect(record.status == .onHold)
        #expect(try gateway.store.life(caseID: record.id).slaPausedAt != nil)
        #expect(try gateway.store.pendingTimer(caseID: record.id, kind: "sla-breach") == nil, "paused: no breach timer")
        #expect(try gateway.store.pendingTimer(caseID: record.id, kind: "approval") == nil)
        // One werkdag later (9 werkuren) the answer comes.
        box.now = try at("2026-12-08T10:00:00+01:00")
        _ = try deliver(mail("Re: \(record.number.tag) Nieuw account", "Functie: stagiaire\nLocatie: De Regenboog\nStartdatum: 1 januari"))
        let after = try #require(try gateway.store.findCase(id: record.id))
        let moved = try #require(after.intake.resolutionDue.flatMap(Timestamp.date))
        #expect(moved == WerkdagCalendar().adding(werkuren: 9, to: due))
        #expect(try gateway.store.pendingTimer(caseID: record.id, kind: "sla-breach") == Timestamp.string(moved))
        #expect(try gateway.store.life(caseID: record.id).slaPausedAt == nil)
        // DAP R-AUTH-3: now Tom (the location's ICT contact) is asked.
        let outbox = try gateway.store.pendingOutbox()
        #expect(outbox.contains { $0.kind == "approval-request" && $0.recipients == ["tom@school.test"] })
        #expect(outbox.filter { $0.kind == "approval-request" }.count == 1)
    }

    @Test("R-ESC-1 the breach goes to the absent teamlead's backup, and R-CASE-8 closing records whether the SLA was met")
    func breachToBackupAndSLAMet() throws {
        let opened = try deliver(mail("[Storing] Beamer lokaal 2", "Impact: laag\nUrgentie: hoog\nDe beamer doet het niet."))
        let record = try #require(try gateway.store.findCase(id: opened.caseID!))
        let breach = try #require(record.intake.resolutionDue.flatMap(Timestamp.date))
        let events = try gateway.sweep(at: breach)
        let fired = events.first { $0.kind == "sla-breach" }
        #expect(fired?.outcome.contains("backup@cloudwise.test") == true, "\(events)")
        #expect(fired?.outcome.contains("lead@cloudwise.test") == false)
        #expect(try gateway.store.life(caseID: record.id).escalationLevel == 1)
        // Resolved after the breach: the SLA was not met.
        box.now = breach.addingTimeInterval(3600)
        let current = try #require(try gateway.store.findCase(id: record.id))
        try gateway.store.transaction { _ = try gateway.apply(.resolve(solution: "Lamp vervangen"), to: current, actor: "t") }
        try gateway.store.transaction {
            _ = try gateway.apply(.close(asInteraction: false), to: try #require(try gateway.store.findCase(id: record.id)), actor: "t")
        }
        let life = try gateway.store.life(caseID: record.id)
        #expect(life.slaMet == false)
        #expect(life.solution == "Lamp vervangen")
        #expect(life.closedAt != nil)
        #expect(try gateway.store.pendingTimer(caseID: record.id, kind: "progress") == nil)
        #expect(try gateway.store.pendingTimer(caseID: record.id, kind: "auto-close") == nil)
    }

    @Test("R-CMP-2 every complaint mail copies the account manager; the templates leave no placeholder unfilled")
    func complaintCopies() throws {
        let opened = try deliver(mail("[Klacht] Niemand belde terug", "Ik ben niet teruggebeld."))
        let record = try #require(try gateway.store.findCase(id: opened.caseID!))
        _ = try gateway.sweep(at: try at("2026-12-20T10:00:00+01:00"))
        let mails = try gateway.store.pendingOutbox().filter { $0.caseID == record.id }
        let kinds = mails.map(\.kind)
        #expect(kinds.contains("confirmation"))
        #expect(kinds.filter { $0 == "complaint-escalation" }.count == 2)
        #expect(kinds.filter { $0 == "complaint-update" }.count == 2)
        for item in mails where item.kind != "new-case" {
            #expect(item.recipients.contains("am@cloudwise.test"), "\(item.kind) to \(item.recipients)")
        }
        for item in try gateway.store.pendingOutbox() {
            let text = String(decoding: item.raw, as: UTF8.self)
            #expect(!text.contains("{{"), "\(item.kind) has an unfilled placeholder")
        }
    }

    @Test("R-CHG-4 an emergency change goes to the E-CAB members at once; R-CHG-3 a normal change waits for the agenda")
    func emergencyAndNormalChange() throws {
        try gateway.store.upsert(ContactRecord(email: "sanne@school.test", name: "Sanne", organisation: "Noord",
                                               location: "Bestuur", role: "stichting-ict"))
        try gateway.store.upsert(AgentRecord(email: "ecab@cloudwise.test", name: "E", groups: ["e-cab"]))
        try gateway.store.upsert(AgentRecord(email: "cab@cloudwise.test", name: "C", groups: ["cab"]))
        let emergency = try deliver(mail("[Spoed] Firewallregel terugzetten", "De firewall blokkeert alle verkeer, graag nu terugzetten.",
                                         from: "sanne@school.test"))
        let normal = try deliver(mail("[Wijziging] Nieuwe VLAN", "Graag een extra VLAN.", from: "sanne@school.test"))
        let outbox = try gateway.store.pendingOutbox()
        #expect(outbox.contains { $0.caseID == emergency.caseID && $0.kind == "ecab-request" && $0.recipients == ["ecab@cloudwise.test"] })
        #expect(!outbox.contains { $0.caseID == normal.caseID && $0.kind == "cab-request" })
        #expect(try gateway.store.findCase(id: emergency.caseID!)?.status == .onHold)
        let agenda = try #require(try gateway.store.pendingTimer(caseID: normal.caseID!, kind: "cab-agenda"))
        // Monday 10:00 + the next Tuesday's meeting 10:00 − 24 h: the agenda goes out Monday 2026-12-14 10:00.
        #expect(agenda == "2026-12-14T09:00:00Z")
        let events = try gateway.sweep(at: try #require(Timestamp.date(agenda)))
        #expect(events.contains { $0.kind == "cab-agenda" && $0.outcome == "on the CAB agenda" })
        let after = try gateway.store.pendingOutbox()
        #expect(after.contains { $0.kind == "cab-agenda" && $0.recipients == ["cab@cloudwise.test"] })
        #expect(after.contains { $0.caseID == normal.caseID && $0.kind == "cab-request" })
    }
}
