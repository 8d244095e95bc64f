import Desk
import Foundation
import Testing

/// The case life cycles (DAP 5–11) with a fixed clock. 2026-12-02 is a Wednesday; Europe/Amsterdam is UTC+1.
@Suite("Case life cycles")
struct LifecycleTests {
    let life = Lifecycle()

    func at(_ text: String) throws -> Date { try DeskFixtures.at(text) }

    func incident(_ priority: Priority = .p2, created: String = "2026-12-02T10:00:00+01:00") throws -> CaseState {
        CaseState(type: .incident, status: .registered, priority: priority, createdAt: try at(created))
    }

    func timer(_ d: LifecycleDecision, _ kind: String) -> Date? { d.timers.first { $0.kind == kind }?.at }

    // MARK: Incidents

    @Test("R-INC-4 a new incident's first progress update is due at its priority's cadence")
    func cadenceAtOpening() throws {
        let now = try at("2026-12-02T10:00:00+01:00")
        let expected: [(Priority, String)] = [
            (.p1, "2026-12-02T12:00:00+01:00"),  // 2 werkuren
            (.p2, "2026-12-03T10:00:00+01:00"),  // 1 werkdag
            (.p3, "2026-12-07T10:00:00+01:00"),  // 3 werkdagen: Thu, Fri, Mon
            (.p4, "2026-12-09T10:00:00+01:00"),  // 5 werkdagen
        ]
        for (priority, due) in expected {
            let d = life.opened(try incident(priority), at: now)
            #expect(timer(d, "progress") == (try at(due)), "P\(priority.rawValue)")
        }
    }

    @Test("R-INC-4 a status change is told to the requester and restarts the cadence")
    func statusChangeTold() throws {
        let now = try at("2026-12-02T14:00:00+01:00")
        let d = life.apply(.status(.inProgress), to: try incident(.p1), at: now)
        #expect(d.status == .inProgress)
        #expect(d.requesterMails == ["progress"])
        #expect(timer(d, "progress") == (try at("2026-12-02T16:00:00+01:00")))
        #expect(d.lastUpdateAt == now)
        // The same status again changes nothing and mails nobody.
        var state = try incident(.p1)
        state.status = .inProgress
        #expect(life.apply(.status(.inProgress), to: state, at: now).mails.isEmpty)
    }

    @Test("R-INC-4 the progress timer mails only when no other update was sent within the cadence")
    func progressCadence() throws {
        var state = try incident(.p2)
        state.status = .inProgress
        let due = try at("2026-12-03T10:00:00+01:00")
        let d = life.apply(.timer("progress"), to: state, at: due)
        #expect(d.requesterMails == ["progress"])
        #expect(timer(d, "progress") == (try at("2026-12-04T10:00:00+01:00")))
        // An update went out at 15:00 on the 2nd: the timer moves to 15:00 on the 3rd, without a mail.
        state.lastUpdateAt = try at("2026-12-02T15:00:00+01:00")
        let quiet = life.apply(.timer("progress"), to: state, at: due)
        #expect(quiet.mails.isEmpty)
        #expect(timer(quiet, "progress") == (try at("2026-12-03T15:00:00+01:00")))
        // Resolved: no more progress updates.
        state.status = .resolved
        #expect(life.apply(.timer("progress"), to: state, at: due).mails.isEmpty)
    }

    @Test("R-INC-1 a lowered priority is told to the requester with the reason; a raised one is not mailed")
    func priorityLowered() throws {
        let now = try at("2026-12-02T11:00:00+01:00")
        let d = life.apply(.priority(.p4, reason: "alleen één gebruiker"), to: try incident(.p2), at: now)
        #expect(d.priority == 4)
        #expect(d.requesterMails == ["priority-lowered"])
        #expect(d.mails[0].values["reason"] == "alleen één gebruiker")
        #expect(d.mails[0].values["old_priority"] == "P2")
        #expect(d.mails[0].values["new_priority"] == "P4")
        // The cadence follows the new priority (P4: 5 werkdagen).
        #expect(timer(d, "progress") == (try at("2026-12-09T11:00:00+01:00")))
        let raised = life.apply(.priority(.p1, reason: "hele school"), to: try incident(.p2), at: now)
        #expect(raised.priority == 1)
        #expect(raised.mails.isEmpty)
    }

    @Test("R-INC-6 an on-site visit is told to the requester with its date and goes to the PMO")
    func visitPlanned() throws {
        let d = life.apply(.visit("2026-12-04 09:30"), to: try incident(), at: try at("2026-12-02T11:00:00+01:00"))
        #expect(d.visitAt == "2026-12-04 09:30")
        #expect(d.status == .inProgress)
        #expect(d.requesterMails == ["visit-planned"])
        #expect(d.mails[0].values["visit_at"] == "2026-12-04 09:30")
        // Planned via the PMO: the PMO gets the case with the date.
        #expect(d.mails.map(\.audience) == [.requester, .group(.pmo)])
    }

    @Test("R-INC-4 a workaround in place is an update for the requester")
    func workaround() throws {
        let d = life.apply(.workaround("Print via de printer in lokaal 12"), to: try incident(), at: try at("2026-12-02T11:00:00+01:00"))
        #expect(d.requesterMails == ["workaround"])
        #expect(d.workaround == "Print via de printer in lokaal 12")
    }

    @Test("R-INC-5 the 75% warning goes to the queue only; the breach escalates to the teamlead and tells the requester")
    func warningAndBreach() throws {
        var state = try incident(.p2)
        state.status = .inProgress
        let now = try at("2026-12-03T09:00:00+01:00")
        let warning = life.apply(.timer("sla-warning"), to: state, at: now)
        #expect(warning.mails.map(\.audience) == [.queue])
        #expect(warning.mails.map(\.kind) == ["sla-warning"])
        let breach = life.apply(.timer("sla-breach"), to: state, at: now)
        #expect(breach.mails.map(\.kind) == ["sla-breach", "escalation", "escalated"])
        #expect(breach.mails.map(\.audience) == [.queue, .escalationLevel(1), .requester])
        #expect(breach.escalationLevel == 1)
        // A case already escalated by hand is not escalated again by the breach.
        state.escalationLevel = 1
        #expect(life.apply(.timer("sla-breach"), to: state, at: now).mails.map(\.kind) == ["sla-breach"])
        // Resolved in time: nothing.
        state.status = .resolved
        #expect(life.apply(.timer("sla-breach"), to: state, at: now).mails.isEmpty)
    }

    @Test("R-INC-5 the reaction timer mails the queue only while nobody reacted")
    func reactionDue() throws {
        let now = try at("2026-12-02T11:00:00+01:00")
        #expect(life.apply(.timer("reaction-due"), to: try incident(), at: now).mails.map(\.kind) == ["reaction-due"])
        var state = try incident()
        state.status = .inProgress
        #expect(life.apply(.timer("reaction-due"), to: state, at: now).mails.isEmpty)
    }

    @Test("R-ESC-1 each escalation climbs one level: teamlead support, manager managed services, operationeel directeur")
    func ladder() throws {
        var state = try incident()
        let now = try at("2026-12-02T11:00:00+01:00")
        for level in 1...3 {
            let d = life.apply(.escalate(reason: "klant belt", byRequester: false), to: state, at: now)
            #expect(d.escalationLevel == level)
            #expect(d.mails.map(\.audience) == [.escalationLevel(level), .requester])
            #expect(d.requesterMails == ["escalated"])
            state.escalationLevel = level
        }
        #expect(EscalationLadder.standard.map(\.name) == ["servicedesk", "teamlead-support", "manager-managed-services", "directie"])
        // At the top there is nowhere to go: recorded, nobody mailed.
        let top = life.apply(.escalate(reason: nil, byRequester: false), to: state, at: now)
        #expect(top.mails.isEmpty)
        #expect(top.escalationLevel == nil)
    }

    @Test("R-ESC-2 a requester who asks for escalation reaches the teamlead support")
    func requesterEscalation() throws {
        let d = life.apply(.requesterReply(.escalationRequest, missing: nil), to: try incident(), at: try at("2026-12-02T11:00:00+01:00"))
        #expect(d.escalationLevel == 1)
        #expect(d.mails.first?.audience == .escalationLevel(1))
        #expect(d.mails.first?.values["reason"] == Lifecycle.TextKey.requesterAsked)
    }

    @Test("R-INC-8 resolved waits 5 werkdagen for the requester; confirmed closes, still failing reopens, silence closes")
    func confirmation() throws {
        var state = try incident()
        state.status = .inProgress
        let now = try at("2026-12-02T11:00:00+01:00")
        let resolved = life.apply(.resolve(solution: "Printerdriver opnieuw geïnstalleerd"), to: state, at: now)
        #expect(resolved.status == .resolved)
        #expect(resolved.requesterMails == ["resolved"])
        #expect(timer(resolved, "auto-close") == (try at("2026-12-09T11:00:00+01:00")))
        #expect(resolved.cancelled.contains("progress"))
        #expect(resolved.cancelled.contains("sla-breach"))
        state.status = .resolved
        state.solution = "Printerdriver opnieuw geïnstalleerd"
        let confirmed = life.apply(.requesterReply(.confirmed, missing: nil), to: state, at: now)
        #expect(confirmed.status == .closed)
        #expect(confirmed.requesterMails == ["closed"])
        #expect(confirmed.mails[0].values["closed_text"] == Lifecycle.TextKey.closedConfirmed)
        #expect(confirmed.mails[0].values["solution"] == "Printerdriver opnieuw geïnstalleerd")
        let reopened = life.apply(.requesterReply(.stillFailing, missing: nil), to: state, at: now)
        #expect(reopened.status == .inProgress)
        #expect(reopened.reopened)
        #expect(reopened.mails.map(\.kind) == ["reopened", "case-reopened"])
        #expect(reopened.cancelled.contains("auto-close"))
        let silent = life.apply(.timer("auto-close"), to: state, at: try at("2026-12-09T11:00:00+01:00"))
        #expect(silent.status == .closed)
        #expect(silent.mails[0].values["closed_text"] == Lifecycle.TextKey.closedNoAnswer)
        // An unclear reply leaves the case resolved.
        #expect(life.apply(.requesterReply(.other, missing: nil), to: state, at: now).status == nil)
    }

    @Test("R-INC-8 the auto-close wait counts werkdagen: resolved on a Friday before Christmas closes after the holidays")
    func autoCloseOverHolidays() throws {
        var state = try incident()
        state.status = .inProgress
        let d = life.apply(.resolve(solution: "ok"), to: state, at: try at("2026-12-18T15:00:00+01:00"))
        // Mon 21, Tue 22, Wed 23, Thu 24, (25, 26 holidays, weekend) Mon 28 → Mon 28 15:00.
        #expect(timer(d, "auto-close") == (try at("2026-12-28T15:00:00+01:00")))
    }

    @Test("R-INC-7 a major incident notifies the incident manager and the stakeholders; closing it creates a review")
    func majorIncident() throws {
        var state = try incident(.p1)
        state.status = .inProgress
        let now = try at("2026-12-02T11:00:00+01:00")
        let d = life.apply(.major(reason: "hele stichting zonder internet"), to: state, at: now)
        #expect(d.major == true)
        #expect(d.mails.map(\.audience) == [.group(.incidentManager), .queue, .stakeholders])
        state.major = true
        // Every later update reaches the stakeholders too.
        let update = life.apply(.workaround("4G-router"), to: state, at: now)
        #expect(update.mails.map(\.audience) == [.requester, .stakeholders])
        let resolved = life.apply(.resolve(solution: "glasvezel hersteld"), to: state, at: now)
        #expect(resolved.mails.map(\.kind) == ["resolved", "major-update"])
        state.status = .resolved
        let closed = life.apply(.close(asInteraction: false), to: state, at: now)
        #expect(closed.createReview)
        #expect(closed.mails.map(\.audience).contains(.stakeholders))
        // Only incidents can be major.
        let request = CaseState(type: .request, priority: .p3, createdAt: now)
        #expect(life.apply(.major(reason: nil), to: request, at: now).major == nil)
    }

    // MARK: Requests

    @Test("R-REQ-2 missing information pauses the request; the answer is checked again; complete resumes the clock")
    func missingInformation() throws {
        let now = try at("2026-12-02T10:00:00+01:00")
        var state = CaseState(type: .request, priority: .p3, createdAt: now)
        state.missing = ["Naam van de nieuwe medewerker", "Startdatum"]
        state.needsApproval = true
        let opened = life.opened(state, at: now)
        #expect(opened.status == .onHold)
        #expect(opened.pauseSLA)
        state.status = .onHold
        state.slaPaused = true
        let partial = life.apply(.requesterReply(.other, missing: ["Startdatum"]), to: state, at: now)
        #expect(partial.requesterMails == ["information-needed"])
        #expect(partial.mails[0].values["missing_list"] == "  - Startdatum")
        #expect(partial.missing == ["Startdatum"])
        #expect(!partial.resumeSLA)
        state.missing = ["Startdatum"]
        let complete = life.apply(.requesterReply(.other, missing: []), to: state, at: now)
        #expect(complete.requesterMails == ["information-complete"])
        #expect(complete.resumeSLA)
        #expect(complete.requestApproval)  // R-AUTH-3: now the ICT contact is asked
        #expect(complete.missing == [])
        // A reply while nothing is missing changes nothing.
        state.missing = []
        #expect(life.apply(.requesterReply(.other, missing: nil), to: state, at: now).mails.isEmpty)
    }

    @Test("R-REQ-3 approval starts fulfilment and is told; a second decision is ignored; a rejection closes")
    func requestApproval() throws {
        let now = try at("2026-12-02T10:00:00+01:00")
        var state = CaseState(type: .request, status: .onHold, priority: .p3, createdAt: now)
        state.needsApproval = true
        let approved = life.apply(.approved(by: "Els de Vries", reason: nil), to: state, at: now)
        #expect(approved.status == .inProgress)
        #expect(approved.requesterMails == ["approved"])
        #expect(approved.mails[0].values["next_text"] == Lifecycle.TextKey.requestApprovedNext)
        let rejected = life.apply(.rejected(by: "Els de Vries", reason: "geen budget"), to: state, at: now)
        #expect(rejected.status == .closed)
        #expect(rejected.requesterMails == ["rejected"])
        state.status = .inProgress
        #expect(life.apply(.approved(by: "Piet", reason: nil), to: state, at: now).mails.isEmpty)
        #expect(life.apply(.rejected(by: "Piet", reason: "x"), to: state, at: now).status == nil)
        // Validation and close as for incidents (R-INC-8 flow).
        let fulfilled = life.apply(.resolve(solution: "Account aangemaakt"), to: state, at: now)
        #expect(fulfilled.requesterMails == ["resolved"])
    }

    @Test("R-REQ-4 lowering a request's priority tells the requester, as R-INC-1")
    func requestPriorityLowered() throws {
        let now = try at("2026-12-02T10:00:00+01:00")
        let state = CaseState(type: .request, status: .inProgress, priority: .p2, createdAt: now)
        #expect(life.apply(.priority(.p3, reason: "geen haast"), to: state, at: now).requesterMails == ["priority-lowered"])
    }

    // MARK: Changes

    @Test("R-CHG-1 a standard change goes straight to implementation")
    func standardChange() throws {
        let now = try at("2026-12-02T10:00:00+01:00")
        let d = life.opened(CaseState(type: .change, changeKind: .standard, priority: .p3, createdAt: now), at: now)
        #expect(d.phase == .implement)
        #expect(d.status == .inProgress)
    }

    @Test("R-CHG-3 a normal change waits for the next weekly CAB (Tuesday 10:00), agenda a day before")
    func normalChangeOnAgenda() throws {
        let wednesday = try at("2026-12-02T10:00:00+01:00")
        let d = life.opened(CaseState(type: .change, changeKind: .normal, priority: .p3, createdAt: wednesday), at: wednesday)
        #expect(d.status == .onHold)
        #expect(d.phase == .registered)
        #expect(d.cabMeeting == (try at("2026-12-08T10:00:00+01:00")))
        #expect(timer(d, "cab-agenda") == (try at("2026-12-07T10:00:00+01:00")))
        // Registered on Monday after the agenda went out: the week after.
        let monday = try at("2026-12-07T11:00:00+01:00")
        let late = life.opened(CaseState(type: .change, changeKind: .normal, priority: .p3, createdAt: monday), at: monday)
        #expect(late.cabMeeting == (try at("2026-12-15T10:00:00+01:00")))
        // The agenda timer puts the change to the CAB.
        var state = CaseState(type: .change, changeKind: .normal, status: .onHold, priority: .p3, createdAt: wednesday)
        state.phase = .registered
        #expect(life.apply(.timer("cab-agenda"), to: state, at: try at("2026-12-07T10:00:00+01:00")).putToCAB)
    }

    @Test("R-CHG-3 approval leads to planning with the requester; R-CHG-5 each milestone is told; test failure goes back to build")
    func changeMilestones() throws {
        let now = try at("2026-12-08T10:30:00+01:00")
        var state = CaseState(type: .change, changeKind: .normal, status: .onHold, priority: .p3, createdAt: now)
        state.phase = .registered
        let approved = life.apply(.approved(by: "CAB", reason: "akkoord"), to: state, at: now)
        #expect(approved.phase == .authorised)
        #expect(approved.mails[0].values["next_text"] == Lifecycle.TextKey.changeApprovedNext)
        state.status = .inProgress
        state.phase = .authorised
        for phase in [ChangePhase.impactAnalysis, .planned, .build, .test, .implement, .evaluate] {
            let d = life.apply(.phase(phase), to: state, at: now)
            #expect(d.phase == phase)
            #expect(d.requesterMails == ["change-milestone"])
            state.phase = phase
        }
        state.phase = .test
        let failed = life.apply(.testFailed(reason: "VLAN niet bereikbaar"), to: state, at: now)
        #expect(failed.phase == .build)
        #expect(failed.mails[0].values["note"] == Lifecycle.TextKey.testFailed + ": VLAN niet bereikbaar")
        state.phase = .implement
        #expect(life.apply(.rollback(reason: nil), to: state, at: now).phase == .evaluate)
        let closed = life.apply(.phase(.closed), to: state, at: now)
        #expect(closed.status == .closed)
        #expect(closed.requesterMails == ["closed"])
        // R-CHG-5: normal and emergency changes have no SLA clock, so no progress cadence either.
        #expect(life.cadence(state) == nil)
    }

    // MARK: Complaints

    @Test("R-CMP-2 a complaint has 2 werkdagen at the department, then management, after 5 werkdagen the directie")
    func complaintLadder() throws {
        let now = try at("2026-12-02T10:00:00+01:00")
        var state = CaseState(type: .complaint, createdAt: now)
        let opened = life.opened(state, at: now)
        #expect(timer(opened, "complaint-management") == (try at("2026-12-04T10:00:00+01:00")))
        #expect(timer(opened, "complaint-directie") == (try at("2026-12-09T10:00:00+01:00")))
        #expect(opened.mails.map(\.kind) == ["complaint-assigned"])
        #expect(opened.mails.map(\.audience) == [.escalationLevel(0)])
        let two = life.apply(.timer("complaint-management"), to: state, at: try at("2026-12-04T10:00:00+01:00"))
        #expect(two.escalationLevel == 1)
        #expect(two.mails.map(\.kind) == ["complaint-escalation", "complaint-update"])
        #expect(EscalationLadder.complaint[1].name == "manager-managed-services")
        state.escalationLevel = 1
        let five = life.apply(.timer("complaint-directie"), to: state, at: try at("2026-12-09T10:00:00+01:00"))
        #expect(five.escalationLevel == 2)
        #expect(EscalationLadder.complaint[2].name == "directie")
        // Solved within the 2 werkdagen: nothing climbs.
        state.status = .resolved
        #expect(life.apply(.timer("complaint-management"), to: state, at: now).mails.isEmpty)
    }

    // MARK: Security

    @Test("R-SEC-5 a security case is flagged and its closing goes to the security officer")
    func securityReview() throws {
        let now = try at("2026-12-02T10:00:00+01:00")
        var state = CaseState(type: .security, priority: .p1, createdAt: now)
        #expect(life.opened(state, at: now).securityReview == true)
        state.securityReview = true
        state.status = .resolved
        let closed = life.apply(.close(asInteraction: false), to: state, at: now)
        #expect(closed.mails.map(\.audience).contains(.group(.securityOfficer)))
        #expect(closed.mails.map(\.kind).contains("security-review"))
    }

    @Test("R-SEC-2 a data-breach report waits for its missing facts without pausing the P1 clock")
    func breachFacts() throws {
        let now = try at("2026-12-02T10:00:00+01:00")
        var state = CaseState(type: .security, priority: .p1, createdAt: now)
        state.missing = ["Wanneer is het ontdekt?"]
        #expect(life.opened(state, at: now).pauseSLA == false)
        let complete = life.apply(.requesterReply(.other, missing: []), to: state, at: now)
        #expect(complete.requesterMails == ["information-complete"])
        #expect(complete.mails[0].values["next_text"] == Lifecycle.TextKey.breachComplete)
    }

    // MARK: Closing records

    @Test("R-CASE-8 cause and hours are recorded, hours add up, and still on a closed case")
    func closingRecords() throws {
        let now = try at("2026-12-02T10:00:00+01:00")
        var state = try incident()
        state.hours = 1.5
        #expect(life.apply(.hours(0.75), to: state, at: now).hours == 2.25)
        state.status = .closed
        #expect(life.apply(.cause("Verlopen certificaat"), to: state, at: now).cause == "Verlopen certificaat")
        // Other events on a closed case are ignored.
        #expect(life.apply(.status(.inProgress), to: state, at: now).status == nil)
        #expect(life.apply(.reopen(reason: nil), to: state, at: now).status == .inProgress)
    }

    @Test("R-PRB-3 only a problem ends as a known error")
    func knownError() throws {
        let now = try at("2026-12-02T10:00:00+01:00")
        let problem = CaseState(type: .problem, priority: .p3, createdAt: now)
        let d = life.apply(.knownError(workaround: "Herstart de spooler"), to: problem, at: now)
        #expect(d.knownError)
        #expect(d.workaround == "Herstart de spooler")
        #expect(!life.apply(.knownError(workaround: "x"), to: try incident(), at: now).knownError)
        // A problem never mails a requester.
        #expect(life.apply(.resolve(solution: "x"), to: problem, at: now).requesterMails.isEmpty)
    }

    @Test("Every TextKey has a Dutch and an English sentence")
    func sentences() {
        let keys = [Lifecycle.TextKey.statusChanged, Lifecycle.TextKey.stillWorking, Lifecycle.TextKey.closedByDesk,
                    Lifecycle.TextKey.closedAsInteraction, Lifecycle.TextKey.closedConfirmed, Lifecycle.TextKey.closedNoAnswer,
                    Lifecycle.TextKey.stillFailing, Lifecycle.TextKey.requesterAsked, Lifecycle.TextKey.agentAsked,
                    Lifecycle.TextKey.breach, Lifecycle.TextKey.complaintTwoDays, Lifecycle.TextKey.complaintFiveDays,
                    Lifecycle.TextKey.majorDeclared, Lifecycle.TextKey.majorResolved, Lifecycle.TextKey.majorClosed,
                    Lifecycle.TextKey.testFailed, Lifecycle.TextKey.rolledBack, Lifecycle.TextKey.changeApprovedNext,
                    Lifecycle.TextKey.requestApprovedNext, Lifecycle.TextKey.approvalNext, Lifecycle.TextKey.workContinues,
                    Lifecycle.TextKey.breachComplete]
        for key in keys {
            #expect(!LifecycleText.render(key, language: "nl").hasPrefix("@"), "\(key)")
            #expect(LifecycleText.render(key, language: "en") != LifecycleText.render(key, language: "nl"), "\(key)")
        }
        #expect(LifecycleText.render(Lifecycle.TextKey.testFailed + ": VLAN down", language: "en")
                == "The test failed; the change goes back to the build phase. VLAN down")
        #expect(LifecycleText.render("gewoon een reden", language: "en") == "gewoon een reden")
    }

    // MARK: Found in review

    @Test("R-ESC-1 a level from another ladder (reclassified to complaint at level 3) is the top, not a crash")
    func reclassifiedLevel() throws {
        let now = try at("2026-12-02T10:00:00+01:00")
        var state = CaseState(type: .complaint, createdAt: now)
        state.escalationLevel = 3
        let d = life.apply(.escalate(reason: nil, byRequester: false), to: state, at: now)
        #expect(d.escalationLevel == nil)
        #expect(d.mails.isEmpty)
    }

    @Test("R-ESC-2 a requester's escalation stops at the teamlead support, who is reminded when asked again")
    func requesterEscalationCapped() throws {
        var state = try incident()
        state.escalationLevel = 1
        let d = life.apply(.requesterReply(.escalationRequest, missing: nil), to: state, at: try at("2026-12-02T11:00:00+01:00"))
        #expect(d.escalationLevel == nil)
        #expect(d.mails.map(\.audience) == [.escalationLevel(1)])
        #expect(d.requesterMails.isEmpty)
        // An agent may climb on.
        #expect(life.apply(.escalate(reason: nil, byRequester: false), to: state, at: try at("2026-12-02T11:00:00+01:00")).escalationLevel == 2)
    }

    @Test("R-INC-5 R-INC-4 a priority change moves the deadlines and the cadence; a reopen re-arms warning and breach")
    func priorityAndReopenTimers() throws {
        let now = try at("2026-12-02T11:00:00+01:00")
        let raised = life.apply(.priority(.p1, reason: "hele school"), to: try incident(.p4), at: now)
        #expect(raised.recomputeSLA)
        // P1 cadence from the registration (10:00): 12:00.
        #expect(timer(raised, "progress") == (try at("2026-12-02T12:00:00+01:00")))
        #expect(!life.apply(.priority(.p4, reason: "x"), to: try incident(.p4), at: now).recomputeSLA)
        var resolved = try incident()
        resolved.status = .resolved
        #expect(life.apply(.reopen(reason: nil), to: resolved, at: now).rearmSLA)
    }

    @Test("R-INC-8 after the close, 'still failing' reopens the case; any other reply goes to the desk")
    func replyAfterClose() throws {
        let now = try at("2026-12-10T11:00:00+01:00")
        var state = try incident()
        state.status = .closed
        let reopened = life.apply(.requesterReply(.stillFailing, missing: nil), to: state, at: now)
        #expect(reopened.status == .inProgress)
        #expect(reopened.requesterMails == ["reopened"])
        let other = life.apply(.requesterReply(.other, missing: nil), to: state, at: now)
        #expect(other.status == nil)
        #expect(other.mails.map(\.kind) == ["closed-case-reply"])
        #expect(other.mails.map(\.audience) == [.queue])
        state.status = .refused
        #expect(life.apply(.requesterReply(.stillFailing, missing: nil), to: state, at: now).mails.isEmpty)
    }

    @Test("R-INC-4 an agent's own answer is an update: the cadence counts from it, and it mails nobody itself")
    func answerRestartsCadence() throws {
        var state = try incident(.p1)
        state.status = .inProgress
        let now = try at("2026-12-02T13:00:00+01:00")
        let d = life.apply(.answered, to: state, at: now)
        #expect(d.mails.isEmpty)
        #expect(d.lastUpdateAt == now)
        #expect(timer(d, "progress") == (try at("2026-12-02T15:00:00+01:00")))
    }
}
