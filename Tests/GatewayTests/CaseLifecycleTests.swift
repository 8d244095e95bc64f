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

    /// A verified agent's reply to the queue's notice of `record` (DAP R-AGENT-3: the queue-bound token).
    func agentReply(_ record: CaseRecord, from agent: String, _ body: String) -> [UInt8] {
        let token = gateway.replyAddress(for: record, recipient: "queue@cloudwise.test").address
        let lines = ["From: \(agent)", "To: \(token)", "Subject: Re: \(record.number.tag) \(record.subject)",
                     "Message-ID: <\(UUID().uuidString)@cloudwise.test>"]
        return Array((lines.joined(separator: "\r\n") + "\r\n\r\n" + body + "\r\n").utf8)
    }

    func newMails(after id: Int64) throws -> [OutboxItem] { try gateway.store.pendingOutbox().filter { $0.id > id } }

    @Test("R-AGENT-1 an agent's answer with a command travels in the templated mail: the requester gets one mail")
    func answerCarried() throws {
        let opened = try deliver(mail("[Storing] Printer lokaal 4", "De printer print niet."))
        let record = try #require(try gateway.store.findCase(id: opened.caseID!))
        let before = try gateway.store.lastOutboxID()
        _ = try deliver(agentReply(record, from: "backup@cloudwise.test",
                                   "oplossen: toner vervangen\n\nBeste Alice, ik heb de toner vervangen. Print u even een testpagina?"))
        let toAlice = try newMails(after: before).filter { $0.recipients.contains("alice@school.test") }
        #expect(toAlice.map(\.kind) == ["resolved"])
        let text = String(decoding: toAlice.first?.raw ?? [], as: UTF8.self)
        #expect(text.contains("Print u even een testpagina"))
        #expect(text.contains("toner vervangen"))
        // The answer counts as an update: the next progress mail is a cadence away (DAP R-INC-4) — resolved
        // cases have none.
        #expect(try gateway.store.pendingTimer(caseID: record.id, kind: "progress") == nil)
    }

    @Test("R-CMP-2 an agent's answer on a complaint copies the account manager; R-INC-4 it restarts the cadence")
    func complaintAnswerCopied() throws {
        let complaint = try #require(try gateway.store.findCase(id: try deliver(mail("[Klacht] Geen reactie", "Al een week niets gehoord.")).caseID!))
        var before = try gateway.store.lastOutboxID()
        _ = try deliver(agentReply(complaint, from: "backup@cloudwise.test", "Beste Alice, excuses, wij bellen u vandaag."))
        let answer = try #require(try newMails(after: before).first { $0.kind == "answer" })
        #expect(answer.recipients == ["alice@school.test", "am@cloudwise.test"])
        let incident = try #require(try gateway.store.findCase(id: try deliver(mail("[Storing] Wifi", "Impact: laag\nUrgentie: hoog\nDe wifi valt weg.")).caseID!))
        box.now = try at("2026-12-07T15:00:00+01:00")
        before = try gateway.store.lastOutboxID()
        _ = try deliver(agentReply(incident, from: "backup@cloudwise.test", "Beste Alice, wij kijken ernaar."))
        #expect(try newMails(after: before).map(\.kind) == ["answer"])
        // P3 (low × high): 27 werkuren after 15:00 Monday is Thursday 15:00.
        #expect(try gateway.store.pendingTimer(caseID: incident.id, kind: "progress") == "2026-12-10T14:00:00Z")
    }

    @Test("R-ESC-2 an [Escalatie] tag asks once: a later 'het werkt' reply with the tag still in the subject closes the case")
    func stickyEscalationTag() throws {
        let record = try #require(try gateway.store.findCase(id: try deliver(mail("[Storing] Beamer", "Impact: laag\nDe beamer is stuk.")).caseID!))
        _ = try deliver(mail("[Escalatie] Re: \(record.number.tag) Beamer", "Dit duurt te lang, graag escaleren."))
        #expect(try gateway.store.life(caseID: record.id).escalationLevel == 1)
        try gateway.store.transaction {
            _ = try gateway.apply(.resolve(solution: "Lamp vervangen"), to: try #require(try gateway.store.findCase(id: record.id)), actor: "t")
        }
        _ = try deliver(mail("Re: [Escalatie] Re: \(record.number.tag) Beamer", "Het werkt weer, bedankt!"))
        #expect(try gateway.store.findCase(id: record.id)?.status == .closed)
        #expect(try gateway.store.life(caseID: record.id).escalationLevel == 1)
    }

    @Test("R-SEC-3 R-SEC-5 an incident reclassified as security is triaged: ransomware goes to the CERT, the case is flagged")
    func reclassifiedToSecurity() throws {
        try gateway.store.upsert(AgentRecord(email: "cert@cloudwise.test", name: "CERT", groups: ["cert"]))
        let record = try #require(try gateway.store.findCase(id: try deliver(mail(
            "Rare melding op de pc", "Alle bestanden op de administratie-pc zijn versleuteld en er staat een losgeldbericht.")).caseID!))
        let before = try gateway.store.lastOutboxID()
        _ = try deliver(agentReply(record, from: "backup@cloudwise.test", "type: beveiliging"))
        #expect(try newMails(after: before).contains { $0.kind == "cert-alert" && $0.recipients == ["cert@cloudwise.test"] })
        #expect(try gateway.store.life(caseID: record.id).securityReview)
    }

    @Test("R-PRB-2 R-PRB-3 koppel: PRB… links an incident to its problem; a record number of another type links nothing")
    func linkByRecordNumber() throws {
        let incident = try #require(try gateway.store.findCase(id: try deliver(mail("[Storing] Wifi", "De wifi valt weg.")).caseID!))
        var problem = NewCase(requester: "pm@cloudwise.test", requesterName: nil, subject: "Wifi valt weg")
        problem.type = .problem
        let prb = try gateway.store.transaction { try gateway.store.openCase(problem) }
        let wrong = "koppel: CHG\(prb.number.description.dropFirst(2))"
        _ = try deliver(agentReply(incident, from: "backup@cloudwise.test", wrong))
        #expect(try gateway.store.life(caseID: incident.id).problemID == nil)
        _ = try deliver(agentReply(incident, from: "backup@cloudwise.test", "koppel: PRB\(prb.number.description.dropFirst(2))"))
        #expect(try gateway.store.life(caseID: incident.id).problemID == prb.id)
        #expect(try gateway.store.incidents(ofProblem: prb.id).map(\.id) == [incident.id])
    }

    @Test("Every life-cycle mail fills all its placeholders, in Dutch and in English")
    func everyTemplateFilled() throws {
        for language in ["nl", "en"] {
            let en = language == "en"
            func open(_ nl: (String, String), _ english: (String, String), from: String = "alice@school.test") throws -> CaseRecord {
                let (subject, body) = en ? english : nl
                return try #require(try gateway.store.findCase(id: try deliver(mail(subject, body, from: from)).caseID!))
            }
            func run(_ record: CaseRecord, _ events: [CaseEvent]) throws {
                for event in events {
                    try gateway.store.transaction {
                        _ = try gateway.apply(event, to: try #require(try gateway.store.findCase(id: record.id)), actor: "backup@cloudwise.test")
                    }
                }
            }
            try gateway.store.upsert(ContactRecord(email: "sanne@school.test", name: "Sanne", organisation: "Noord",
                                                   location: "Bestuur", role: "stichting-ict"))
            let incident = try open(("[Storing] Printer kapot", "Impact: hoog\nUrgentie: hoog\nDe printer is kapot, niemand kan printen."),
                                    ("[Incident] Printer broken", "Impact: high\nUrgency: high\nThe printer is broken, nobody can print."))
            try run(incident, [.status(.inProgress), .priority(.p3, reason: "een printer"), .visit("2026-12-09 09:30"),
                               .workaround("printer 2"), .major(reason: "alles"), .escalate(reason: "traag", byRequester: false),
                               .resolve(solution: "nieuw"), .requesterReply(.stillFailing, missing: nil),
                               .resolve(solution: "echt nieuw"), .close(asInteraction: false),
                               .requesterReply(.other, missing: nil)])
            let change = try open(("[Wijziging] VLAN erbij", "Graag een extra VLAN voor het gastnetwerk."),
                                  ("[Change] Extra VLAN", "Please add an extra VLAN for the guest network."), from: "sanne@school.test")
            try run(change, [.approved(by: "CAB", reason: "ok"), .phase(.build), .testFailed(reason: "x"),
                             .rollback(reason: nil), .phase(.closed)])
            let rejected = try open(("[Verzoek] Toegang tot gedeelde map", "Graag toegang tot de map Bestuur."),
                                    ("[Request] Access to the shared drive", "Please give me access to the shared drive Board."))
            try run(rejected, [.rejected(by: "Tom", reason: "niet nodig")])
            let request = try open(("Nieuw account voor stagiaire", "Naam: Fleur"), ("New account for an intern", "Name: Fleur"))
            try run(request, [.requesterReply(.other, missing: ["Startdatum"]), .requesterReply(.other, missing: [])])
            let complaint = try open(("[Klacht] Slecht", "Slechte service, niemand belt terug."),
                                     ("[Complaint] Bad service", "Bad service, nobody calls back."))
            try run(complaint, [.timer("complaint-management"), .timer("complaint-directie")])
            let security = try open(("[Datalek] Lijst gemaild", "Lijst met namen naar verkeerde ouder gestuurd, en ransomware op de pc."),
                                    ("[Security] List mailed", "A list of names was mailed to the wrong parent, and ransomware on the pc."))
            try run(security, [.requesterReply(.other, missing: []), .resolve(solution: "ok"), .close(asInteraction: false)])
            _ = try gateway.sweep(at: try at("2027-03-01T10:00:00+01:00"))
        }
        let mails = try gateway.store.pendingOutbox()
        let kinds = Set(mails.map(\.kind))
        for kind in ["progress", "priority-lowered", "visit-planned", "pmo-visit", "workaround", "major-incident", "major-update",
                     "escalation", "escalated", "resolved", "reopened", "case-reopened", "closed", "closed-case-reply",
                     "approved", "change-milestone", "rejected", "information-needed", "information-complete",
                     "complaint-assigned", "complaint-escalation", "complaint-update", "cert-alert", "security-review",
                     "pir-task", "confirmation", "new-case"] {
            #expect(kinds.contains(kind), "\(kind) was not sent")
        }
        for item in mails {
            let text = String(decoding: item.raw, as: UTF8.self)
            #expect(!text.contains("{{"), "\(item.kind) has an unfilled placeholder: \(text.components(separatedBy: "{{").dropFirst().first?.prefix(30) ?? "")")
        }
        #expect(mails.contains { String(decoding: $0.raw, as: UTF8.self).contains("Subject: [CS") && $0.kind == "resolved"
            && String(decoding: $0.raw, as: UTF8.self).contains("has been resolved") }, "an English resolved mail")
        // DAP R-AUTH-3: the school's ICT contact is asked in the request's language.
        #expect(mails.contains { $0.kind == "approval-request" && String(decoding: $0.raw, as: UTF8.self).contains("Approval requested") })
        #expect(mails.contains { $0.kind == "approval-request" && String(decoding: $0.raw, as: UTF8.self).contains("Akkoord gevraagd") })
    }
}

@Suite("Configuration of the life cycles")
struct LifecycleConfigTests {
    @Test("R-INC-4 R-INC-8 R-CMP-2 R-CHG-3 R-PRB-1 R-SEC-3: cadence, waits, CAB, problem rule and CERT are read and checked")
    func config() throws {
        let environment = [
            "DAPGATE_CONFIG": "/nonexistent", "DAPGATE_PROGRESS_CADENCE": "1, 4, 18, 36", "DAPGATE_COMPLAINT_WERKDAGEN": "3,7",
            "DAPGATE_CONFIRMATION_WERKDAGEN": "3", "DAPGATE_CAB_MEETING": "4 14:30", "DAPGATE_CAB_AGENDA_LEAD_HOURS": "48",
            "DAPGATE_PROBLEM_THRESHOLD": "5", "DAPGATE_PROBLEM_WINDOW_DAYS": "30", "DAPGATE_CERT": "CERT@Cloudwise.nl",
        ]
        let config = try Config.load(path: nil, environment: environment)
        #expect(config.progressCadence == [1, 4, 18, 36])
        #expect(config.complaintWerkdagen == [3, 7])
        #expect(config.certAddress == "cert@cloudwise.nl")
        let settings = try DeskSettings(config: config).lifecycle
        #expect(settings.progressCadenceWerkuren == [1, 4, 18, 36])
        #expect(settings.confirmationWerkdagen == 3)
        #expect(settings.complaintManagementWerkdagen == 3 && settings.complaintDirectieWerkdagen == 7)
        #expect(settings.cab == CABSchedule(weekday: 4, hour: 14, minute: 30, agendaLeadHours: 48))
        #expect(settings.problems == ProblemRule(threshold: 5, windowDays: 30))
        // The sentences say the configured numbers.
        #expect(LifecycleText.render(Lifecycle.TextKey.closedNoAnswer, language: "nl", counts: ["confirmation": 3])
                .contains("binnen 3 werkdagen"))
        #expect(LifecycleText.render(Lifecycle.TextKey.complaintFiveDays, language: "en").contains("within 5 working days"))
        for (variable, value) in [("DAPGATE_PROGRESS_CADENCE", "2,9,27"), ("DAPGATE_PROGRESS_CADENCE", "2,0,27,45"),
                                  ("DAPGATE_COMPLAINT_WERKDAGEN", "5,2"), ("DAPGATE_CAB_MEETING", "8 10:00"),
                                  ("DAPGATE_CAB_MEETING", "dinsdag"), ("DAPGATE_PROBLEM_THRESHOLD", "1"),
                                  ("DAPGATE_CONFIRMATION_WERKDAGEN", "0")] {
            #expect(throws: ConfigError.self, "\(variable)=\(value)") {
                _ = try DeskSettings(config: try Config.load(path: nil, environment: ["DAPGATE_CONFIG": "/nonexistent", variable: value]))
            }
        }
    }
}

@Suite("Gateway: a failing timer")
struct FailingTimerTests {
    @Test("A timer that cannot be carried out (its template is missing) is recorded; the other timers still fire")
    func failingTimer() throws {
        let source = URL(fileURLWithPath: try makeGateway().config.templates)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tpl-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: source, to: folder)
        for language in ["nl", "en"] {
            try FileManager.default.removeItem(at: folder.appendingPathComponent("\(language)/progress.txt"))
        }
        var config = Config()
        config.templates = folder.path
        config.database = FileManager.default.temporaryDirectory.appendingPathComponent("ft-\(UUID().uuidString).sqlite").path
        config.from = "Servicedesk <info@cloudwise.test>"
        config.queue = "queue@cloudwise.test"
        let start = Date(timeIntervalSince1970: 1_796_000_000)
        let gateway = try Gateway(config: config, store: try DeskStore(path: config.database, now: { start }),
                                  log: Log(minimum: .error), now: { start })
        let raw = Array("From: a@school.test\r\nTo: info@cloudwise.test\r\nSubject: [Storing] Printer\r\nMessage-ID: <f@x>\r\n\r\nImpact: laag\nKapot.\r\n".utf8)
        _ = try gateway.store.transaction { try gateway.intake(raw, ledger: ("mem", 1, 1)) }
        let events = try gateway.sweep(at: start.addingTimeInterval(30 * 86_400))
        #expect(events.contains { $0.kind == "progress" && $0.outcome.hasPrefix("failed") })
        #expect(events.contains { $0.kind == "sla-breach" && $0.outcome.hasPrefix("mailed") })
        #expect(try gateway.sweep(at: start.addingTimeInterval(30 * 86_400)).isEmpty, "the failed timer is not retried forever")
    }
}
