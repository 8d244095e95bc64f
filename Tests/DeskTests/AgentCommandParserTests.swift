import Desk
import Testing

@Suite("Agent commands at the top of a reply")
struct AgentCommandParserTests {
    /// The single command of a one-line reply, with nothing not understood and no message.
    private func only(_ line: String) -> AgentCommand? {
        let parse = AgentCommandParser.parse(line)
        guard parse.notUnderstood.isEmpty, parse.message.isEmpty, parse.commands.count == 1 else { return nil }
        return parse.commands.first
    }

    private func problem(_ line: String) -> AgentCommandProblem? {
        let parse = AgentCommandParser.parse(line)
        guard parse.commands.isEmpty, parse.notUnderstood.count == 1 else { return nil }
        return parse.notUnderstood.first?.problem
    }

    private static func visitCommand(_ y: Int, _ m: Int, _ d: Int, _ h: Int, _ min: Int) -> AgentCommand {
        guard let t = AgentCommand.LocalDateTime(year: y, month: m, day: d, hour: h, minute: min) else {
            preconditionFailure("test fixture: invalid date")
        }
        return .visit(t)
    }

    private static func record(_ text: String) -> AgentCommand {
        guard let r = AgentCommand.RecordNumber(text) else { preconditionFailure("test fixture: \(text)") }
        return .link(r)
    }

    // MARK: - Every command, Dutch and English

    @Test(
        "R-AGENT-2 status in Dutch and English",
        arguments: [
            ("status: in behandeling", CaseStatus.inProgress), ("status: in progress", .inProgress),
            ("Status: In_Progress", .inProgress), ("status: wacht op klant", .onHold), ("status: on hold", .onHold),
            ("status: waiting", .onHold), ("status: on-hold", .onHold), ("status: opgelost", .resolved),
            ("status: resolved", .resolved), ("status: gesloten", .closed), ("status: closed", .closed),
            ("status: geregistreerd", .registered), ("status: registered", .registered),
            ("STATUS   wacht   op   klant", .onHold), ("#status: opgelost", .resolved), ("/status opgelost", .resolved),
            ("  # status : opgelost.", .resolved), ("status:opgelost", .resolved),
        ])
    func status(line: String, status: CaseStatus) {
        #expect(only(line) == .status(status))
    }

    @Test(
        "R-AGENT-2 priority with a reason, Dutch and English",
        arguments: [
            ("prioriteit: 2 reden: hele locatie kan niet printen", Priority.p2, "hele locatie kan niet printen"),
            ("priority: P2 because the whole school is down", .p2, "the whole school is down"),
            ("Prioriteit 1, reden: directie kan niet inloggen", .p1, "directie kan niet inloggen"),
            ("priority: p4 - one user, workaround in place", .p4, "one user, workaround in place"),
            ("prio: P3 omdat er een workaround is", .p3, "er een workaround is"),
            ("/priority P 2 reason: two locations affected", .p2, "two locations affected"),
            ("prioriteit: 3 i.v.m. workaround", .p3, "workaround"),
        ])
    func priority(line: String, priority: Priority, reason: String) {
        #expect(only(line) == .priority(priority, reason: reason))
    }

    @Test(
        "R-INC-1 a priority without a reason is not understood",
        arguments: ["prioriteit: 2", "priority: P2", "priority P2 because", "prioriteit: 2 reden:", "priority: p1 - !"])
    func priorityWithoutReason(line: String) {
        #expect(problem(line) == .missingPriorityReason)
    }

    @Test(
        "R-AGENT-2 a priority outside 1-4 is not understood",
        arguments: [
            "prioriteit: 5 reden: x", "priority: P0 because x", "priority: high because x", "prioriteit: 12 reden x",
            "priority: 2x because",
        ])
    func priorityOutOfRange(line: String) {
        #expect(problem(line) == .invalidPriority)
    }

    @Test(
        "R-CASE-4 agents reclassify in Dutch and English",
        arguments: [
            ("type: incident", CaseType.incident), ("type: storing", .incident), ("type: verzoek", .request),
            ("type: request", .request), ("type: service request", .request), ("type: wijziging", .change),
            ("type: change", .change), ("type: klacht", .complaint), ("type: complaint", .complaint),
            ("type: vraag", .question), ("type: question", .question), ("type: beveiliging", .security),
            ("type: security", .security), ("type: datalek", .security), ("type: probleem", .problem),
            ("type: problem", .problem), ("Type: Wijziging", .change),
        ])
    func reclassify(line: String, type: CaseType) {
        #expect(only(line) == .reclassify(type))
    }

    @Test(
        "R-AGENT-2 assignment to a group or an agent",
        arguments: [
            ("toewijzen: pmo", AgentCommand.Assignee.group(.pmo)), ("assign: PMO", .group(.pmo)),
            ("toewijzen aan: E-CAB", .group(.eCAB)), ("assign to teamlead support", .group(.teamleadSupport)),
            ("assign: incident_manager", .group(.incidentManager)), ("doorzetten naar cert", .group(.cert)),
            ("assign: agent2@cloudwise.test", .agent("agent2@cloudwise.test")),
            ("toewijzen: Agent2@Cloudwise.TEST", .agent("agent2@cloudwise.test")),
            ("assign: Piet <piet@cloudwise.test>", .agent("piet@cloudwise.test")),
        ])
    func assign(line: String, assignee: AgentCommand.Assignee) {
        #expect(only(line) == .assign(assignee))
    }

    @Test(
        "R-AGENT-2 an unknown group or a broken address is not understood",
        arguments: [
            "toewijzen: pmoo", "assign: agent2@", "assign: @cloudwise.test", "toewijzen:", "assign: a@b@c.test",
        ])
    func assignUnknown(line: String) {
        let p = problem(line)
        #expect(p == .unknownAssignee || p == .missingValue)
    }

    @Test("R-AGENT-2 the gateway's own groups can be accepted")
    func configuredGroups() {
        let groups = AgentGroup.known + [AgentGroup("Netwerkbeheer")]
        let parse = AgentCommandParser.parse("toewijzen: netwerkbeheer", groups: groups)
        #expect(parse.commands == [.assign(.group(AgentGroup("netwerkbeheer")))])
        #expect(AgentCommandParser.parse("toewijzen: netwerkbeheer").notUnderstood.first?.problem == .unknownAssignee)
    }

    @Test(
        "R-INC-6 an on-site visit date and time, local, validated",
        arguments: [
            ("bezoek: 2026-12-03 09:30", visitCommand(2026, 12, 3, 9, 30)),
            ("visit: 3-12-2026 9:30", visitCommand(2026, 12, 3, 9, 30)),
            ("planafspraak: 03/12/2026 14.05", visitCommand(2026, 12, 3, 14, 5)),
            ("bezoek: do 3-12-2026 om 9:30 uur", visitCommand(2026, 12, 3, 9, 30)),
            ("visit: Thursday 3.12.2026 at 9:30", visitCommand(2026, 12, 3, 9, 30)),
            ("visit: 2026-12-03T09:30", visitCommand(2026, 12, 3, 9, 30)),
            ("bezoek: 2028-02-29 0:00", visitCommand(2028, 2, 29, 0, 0)),
            ("bezoek 3-12-2026 9u30", visitCommand(2026, 12, 3, 9, 30)),
        ])
    func visit(line: String, command: AgentCommand) {
        #expect(only(line) == command)
        if case .visit(let t) = command { #expect(t.year == 2026 || t.year == 2028) }
    }

    @Test(
        "R-INC-6 an impossible or incomplete visit is not understood",
        arguments: [
            "bezoek: 2026-02-30 09:30", "bezoek: 2027-02-29 10:00", "visit: 2026-12-03", "visit: 9:30",
            "bezoek: 3-12-26 9:30", "bezoek: 2026-12-03 24:00", "bezoek: 2026-12-03 9:60", "bezoek: 2026-13-01 9:00",
            "bezoek: morgen 9:30", "bezoek: vrijdag 3-12-2026 9:30", "visit: 2026-12-03 9:30-11:00", "bezoek:",
        ])
    func visitInvalid(line: String) {
        let p = problem(line)
        #expect(p == .invalidVisit || p == .missingValue)
    }

    @Test("R-CASE-8 resolve needs a solution")
    func resolve() {
        #expect(only("oplossen: printer opnieuw geïnstalleerd") == .resolve(solution: "printer opnieuw geïnstalleerd"))
        #expect(only("resolve: replaced the toner") == .resolve(solution: "replaced the toner"))
        #expect(only("Oplossing: wachtwoord gereset") == .resolve(solution: "wachtwoord gereset"))
        #expect(problem("oplossen:") == .missingSolution)
        #expect(problem("resolve") == .missingSolution)
        let prose = AgentCommandParser.parse("Oplossing is gevonden, we komen morgen langs.")
        #expect(prose.commands.isEmpty)
        #expect(prose.notUnderstood.isEmpty)
        #expect(prose.message == "Oplossing is gevonden, we komen morgen langs.")
    }

    @Test(
        "R-AGENT-2 close, optionally as interaction",
        arguments: [
            ("sluiten", false), ("close", false), ("Sluiten.", false), ("sluiten als interactie", true),
            ("close as interaction", true), ("close: as an interaction", true), ("#sluiten: als interactie", true),
        ])
    func close(line: String, interaction: Bool) {
        #expect(only(line) == .close(asInteraction: interaction))
    }

    @Test("R-AGENT-2 close with other text is not understood")
    func closeWithText() {
        #expect(problem("sluiten morgen") == .unexpectedValue)
        #expect(problem("Close the window and try again.") == .unexpectedValue)
    }

    @Test("R-INC-8 reopen, Dutch and English")
    func reopen() {
        #expect(only("heropenen") == .reopen(reason: nil))
        #expect(only("reopen") == .reopen(reason: nil))
        #expect(
            only("heropenen: klant meldt dat het nog steeds niet werkt")
                == .reopen(reason: "klant meldt dat het nog steeds niet werkt"))
    }

    @Test(
        "R-AGENT-2 link to a problem, change or other record",
        arguments: [
            ("koppel: PRB0000012", "PRB0000012"), ("link: CHG0000003", "CHG0000003"),
            ("koppel aan inc0001234", "INC0001234"),
            ("link to RITM0000042", "RITM0000042"), ("link: KB0000007", "KB0000007"),
            ("koppelen: [CS0000123]", "CS0000123"),
        ])
    func link(line: String, number: String) {
        #expect(only(line) == Self.record(number))
        if case .link(let r) = only(line) { #expect(r.description == number) }
    }

    @Test(
        "R-AGENT-2 an invalid record number is not understood",
        arguments: [
            "koppel: PRB12", "link: CHG00000031", "link: ABC0000003", "koppel: PRB0000000", "link: https://kb.test/1",
        ])
    func linkInvalid(line: String) {
        #expect(problem(line) == .invalidRecordNumber)
    }

    @Test("R-AGENT-2 merge into another case")
    func merge() {
        #expect(only("samenvoegen: CS0000123") == .merge(into: CaseNumber(123)))
        #expect(only("merge: cs0000123") == .merge(into: CaseNumber(123)))
        #expect(only("merge into CS0000123") == .merge(into: CaseNumber(123)))
        #expect(only("samenvoegen met [CS0000123]") == .merge(into: CaseNumber(123)))
        #expect(problem("samenvoegen: PRB0000123") == .invalidCaseNumber)
        #expect(problem("merge: CS123") == .invalidCaseNumber)
    }

    @Test("R-ESC-1 escalate, optionally with a reason")
    func escalate() {
        #expect(only("escaleer") == .escalate(reason: nil))
        #expect(only("escalate") == .escalate(reason: nil))
        #expect(only("escaleer: klant wacht al drie dagen") == .escalate(reason: "klant wacht al drie dagen"))
        #expect(only("escalate because the SLA will be breached") == .escalate(reason: "the SLA will be breached"))
    }

    @Test(
        "R-AGENT-4 approve, optionally with a reason",
        arguments: [
            ("akkoord", nil), ("Akkoord!", nil), ("goedgekeurd", nil), ("approve", nil), ("approved", nil),
            ("akkoord, ga je gang", "ga je gang"),
            ("approved: fits the maintenance window", "fits the maintenance window"),
            ("goedgekeurd reden: budget is er", "budget is er"),
        ] as [(String, String?)])
    func approve(line: String, reason: String?) {
        #expect(only(line) == .approve(reason: reason))
    }

    @Test(
        "R-AGENT-4 reject with a reason",
        arguments: [
            ("afgewezen: te duur", "te duur"), ("afwijzen: geen budget dit jaar", "geen budget dit jaar"),
            ("reject: no rollback plan", "no rollback plan"),
            ("rejected because there is no rollback plan", "there is no rollback plan"),
            ("niet akkoord: eerst testen op één locatie", "eerst testen op één locatie"),
            ("Not approved - conflicts with exam week", "conflicts with exam week"),
        ])
    func reject(line: String, reason: String) {
        #expect(only(line) == .reject(reason: reason))
    }

    @Test(
        "R-AGENT-4 a rejection without a reason is not understood",
        arguments: ["afgewezen", "afwijzen:", "reject", "rejected.", "niet akkoord", "not approved:"])
    func rejectWithoutReason(line: String) {
        #expect(problem(line) == .missingRejectionReason)
    }

    // MARK: - Internal notes (DAP R-AGENT-1)

    @Test("R-AGENT-1 `intern` marks the rest of the reply as an internal note")
    func internalFlag() {
        let parse = AgentCommandParser.parse("intern\nstatus: on hold\n\nLeverancier gebeld, wacht op terugbelverzoek.")
        #expect(parse.commands == [.internalNote, .status(.onHold)])
        #expect(parse.isInternal)
        #expect(parse.message == "Leverancier gebeld, wacht op terugbelverzoek.")
        #expect(parse.notUnderstood.isEmpty)
    }

    @Test("R-AGENT-1 `notitie:` / `note:` with text starts the internal note on that line")
    func noteInline() {
        let nl = AgentCommandParser.parse("status: in behandeling\nNotitie: klant belde om 10:00\nMorgen terugbellen.")
        #expect(nl.commands == [.status(.inProgress), .internalNote])
        #expect(nl.message == "klant belde om 10:00\nMorgen terugbellen.")
        #expect(nl.isInternal)
        let en = AgentCommandParser.parse("internal note\nVendor says Friday.")
        #expect(en.commands == [.internalNote])
        #expect(en.message == "Vendor says Friday.")
        let note = AgentCommandParser.parse("note: status: resolved is wrong here")
        #expect(note.commands == [.internalNote])
        #expect(note.message == "status: resolved is wrong here")
    }

    @Test("R-AGENT-1 prose that starts with `note` is not taken for an internal note")
    func noteProse() {
        let parse = AgentCommandParser.parse("Note that the printer needs a new driver.")
        #expect(!parse.isInternal)
        #expect(parse.notUnderstood.first?.problem == .unexpectedValue)
    }

    @Test("R-AGENT-1 a reply without `intern` goes to the requester")
    func notInternal() {
        let parse = AgentCommandParser.parse("status: opgelost\n\nDe printer werkt weer.")
        #expect(!parse.isInternal)
        #expect(parse.message == "De printer werkt weer.")
    }

    // MARK: - The command block

    @Test("R-AGENT-2 commands then text: commands at the top, the rest is the message")
    func commandsThenText() {
        let reply = """

            status: opgelost
            prioriteit: 3 reden: workaround werkt
            koppel: PRB0000012

            Beste Jan,

            De printer is opnieuw geïnstalleerd.
            status: gesloten
            Groet, Servicedesk
            """
        let parse = AgentCommandParser.parse(reply)
        #expect(
            parse.commands == [
                .status(.resolved), .priority(.p3, reason: "workaround werkt"), Self.record("PRB0000012"),
            ])
        #expect(parse.notUnderstood.isEmpty)
        #expect(
            parse.message == "Beste Jan,\n\nDe printer is opnieuw geïnstalleerd.\nstatus: gesloten\nGroet, Servicedesk")
    }

    @Test("R-AGENT-2 a reply with only text has no commands")
    func onlyText() {
        let parse = AgentCommandParser.parse("We komen morgen langs om de printer te vervangen.\n")
        #expect(parse.commands.isEmpty)
        #expect(parse.notUnderstood.isEmpty)
        #expect(parse.message == "We komen morgen langs om de printer te vervangen.")
    }

    @Test("R-AGENT-2 an unknown command is listed and nothing is applied")
    func unknownCommand() {
        let parse = AgentCommandParser.parse("status: opgelost\nprioritiet: 2 reden: typo\nurgentie: hoog\n\nTekst.")
        #expect(parse.commands == [.status(.resolved)])
        #expect(!parse.isFullyUnderstood)
        #expect(parse.notUnderstood.map(\.problem) == [.unknownCommand("prioritiet"), .unknownCommand("urgentie")])
        #expect(parse.notUnderstood.map(\.lineNumber) == [2, 3])
        #expect(parse.notUnderstood.first?.line == "prioritiet: 2 reden: typo")
        #expect(parse.message == "Tekst.")
        let explanation = parse.notUnderstood.first?.description ?? ""
        #expect(explanation.contains("onbekend commando 'prioritiet'"))
        #expect(explanation.contains("unknown command 'prioritiet'"))
    }

    @Test("R-AGENT-2 a marked line with an unknown word is not understood")
    func markedUnknown() {
        #expect(problem("#urgentie hoog") == .unknownCommand("urgentie"))
        #expect(problem("/foo") == .unknownCommand("foo"))
    }

    @Test(
        "R-AGENT-2 a greeting ends the command block",
        arguments: ["Hoi,", "Hoi Jan,", "Beste Jan,", "Hallo:", "Dear Ms Smit,", "Goedemorgen!"])
    func greeting(greeting: String) {
        let parse = AgentCommandParser.parse("\(greeting)\nstatus: opgelost\nDe printer werkt weer.")
        #expect(parse.commands.isEmpty)
        #expect(parse.notUnderstood.isEmpty)
        #expect(parse.message == "\(greeting)\nstatus: opgelost\nDe printer werkt weer.")
    }

    @Test("R-AGENT-2 prose with a colon or a URL is not a command")
    func prose() {
        for text in [
            "Let op: de server gaat om 18:00 uit.", "https://status.cloudwise.test/", "10:30 komt de monteur.",
            "Zie bijlage.",
        ] {
            let parse = AgentCommandParser.parse(text)
            #expect(parse.commands.isEmpty)
            #expect(parse.notUnderstood.isEmpty)
            #expect(parse.message == text)
        }
    }

    @Test("R-AGENT-2 CR, tabs, no-break spaces and control characters are trimmed from command lines")
    func controlCharacters() {
        #expect(only("status: opgelost\r") == .status(.resolved))
        #expect(only("status:\topgelost\u{0}") == .status(.resolved))
        #expect(only("\u{FEFF}status:\u{00A0}opgelost\u{200B}") == .status(.resolved))
        let parse = AgentCommandParser.parse("status: opgelost\r\nprioriteit: 2 reden: x\u{1B}[31m\r\n\r\nTekst\r\n")
        #expect(parse.commands == [.status(.resolved), .priority(.p2, reason: "x [31m")])
        #expect(parse.message == "Tekst")
        let reject = AgentCommandParser.parse("afgewezen: te duur\rBcc: someone@evil.test")
        #expect(reject.commands == [.reject(reason: "te duur")])
        #expect(reject.notUnderstood.map(\.problem) == [.unknownCommand("Bcc")])
    }

    @Test("R-AGENT-2 several commands of all kinds in one reply")
    func allTogether() {
        let reply = """
            status: in progress
            priority: P1 because two schools are offline
            type: incident
            assign: incident-manager
            visit: 2026-12-03 09:30
            escalate
            Dear all,
            We are on it.
            """
        let parse = AgentCommandParser.parse(reply)
        #expect(
            parse.commands == [
                .status(.inProgress), .priority(.p1, reason: "two schools are offline"), .reclassify(.incident),
                .assign(.group(.incidentManager)), Self.visitCommand(2026, 12, 3, 9, 30), .escalate(reason: nil),
            ])
        #expect(parse.message == "Dear all,\nWe are on it.")
    }

    @Test("R-AGENT-2 explanations exist in both languages for every problem")
    func explanations() {
        let problems: [AgentCommandProblem] = [
            .unknownCommand("x"), .missingValue, .unknownStatus, .invalidPriority, .missingPriorityReason, .unknownType,
            .unknownAssignee, .invalidVisit, .missingSolution, .unexpectedValue, .invalidRecordNumber,
            .invalidCaseNumber,
            .missingRejectionReason, .unknownPhase, .unknownTestResult, .invalidHours, .missingWorkaround,
        ]
        for p in problems {
            #expect(!p.explanation(.nl).isEmpty)
            #expect(!p.explanation(.en).isEmpty)
            #expect(p.explanation(.nl) != p.explanation(.en))
        }
        #expect(problem("status: misschien") == .unknownStatus)
        #expect(problem("type: vraagje") == .unknownType)
        #expect(problem("status") == .missingValue)
    }

    @Test("R-AGENT-2 agent groups compare case-insensitively and keep their spelling")
    func groups() {
        #expect(AgentGroup("E-CAB") == .eCAB)
        #expect(AgentGroup("e_cab").hashValue == AgentGroup.eCAB.hashValue)
        #expect(AgentGroup.parse("Teamlead Support") == .teamleadSupport)
        #expect(AgentGroup.parse("ecab") == .eCAB)
        #expect(AgentGroup.parse("Manager Managed Services")?.name == "manager-managed-services")
        #expect(AgentGroup.parse("onbekend") == nil)
        #expect(AgentGroup.parse("") == nil)
        #expect(AgentGroup.known.count == 13)
        #expect(AgentGroup("PMO").description == "PMO")
    }

    // MARK: - Workaround, major, phase, test, rollback, cause, hours, known error, category

    /// The reply stays prose: no command, nothing not understood, the whole text is the message.
    private func isProse(_ text: String) -> Bool {
        let parse = AgentCommandParser.parse(text)
        return parse.commands.isEmpty && parse.notUnderstood.isEmpty && parse.message == text
    }

    @Test(
        "R-INC-4 a workaround is a status update with its text",
        arguments: [
            ("workaround: printen via de webversie van Magister", "printen via de webversie van Magister"),
            ("Tijdelijke oplossing: gebruik de printer in lokaal 14", "gebruik de printer in lokaal 14"),
            ("omweg: inloggen via portal.school.test", "inloggen via portal.school.test"),
            ("Workaround: use the web version of Teams", "use the web version of Teams"),
            ("#workaround wifi via de hotspot", "wifi via de hotspot"),
        ])
    func workaround(line: String, text: String) {
        #expect(only(line) == .workaround(text))
    }

    @Test("R-INC-4 a workaround without its text is not understood; without a colon it is prose")
    func workaroundMissing() {
        #expect(problem("workaround:") == .missingWorkaround)
        #expect(problem("tijdelijke oplossing: -") == .missingWorkaround)
        #expect(isProse("Workaround is om via de webversie te printen."))
        #expect(isProse("Tijdelijke oplossing werkt voorlopig prima."))
        #expect(isProse("Omweg via de achteringang, de hoofdingang is dicht."))
    }

    @Test(
        "R-INC-7 an agent declares a major incident, optionally with a reason",
        arguments: [
            ("major", nil), ("Major incident", nil), ("groot incident", nil), ("majorincident", nil),
            ("MAJOR.", nil), ("major: hele stichting kan niet inloggen", "hele stichting kan niet inloggen"),
            ("Groot incident: wifi op alle locaties uit", "wifi op alle locaties uit"),
            ("major incident because all schools are offline", "all schools are offline"),
            ("groot incident, reden: Magister ligt eruit", "Magister ligt eruit"),
            ("major incident - exam week, all printers down", "exam week, all printers down"),
            ("#major alle scholen offline", "alle scholen offline"),
        ] as [(String, String?)])
    func major(line: String, reason: String?) {
        #expect(only(line) == .major(reason: reason))
    }

    @Test("R-INC-7 prose that starts with major is not a command")
    func majorProse() {
        #expect(isProse("Major update planned for Friday evening."))
        #expect(isProse("Groot incident vanochtend op De Regenboog, inmiddels opgelost."))
        #expect(isProse("Major incident resolved, thanks everyone."))
    }

    @Test(
        "R-CHG-5 a change moves to a phase",
        arguments: [
            ("fase: bouw", ChangePhase.build), ("fase: build", .build), ("phase: test", .test),
            ("Fase: impactanalyse", .impactAnalysis), ("phase: impact analysis", .impactAnalysis),
            ("mijlpaal: gepland", .planned), ("milestone: implementation", .implement),
            ("fase: naar uitrol", .implement), ("phase: to evaluation", .evaluate), ("fase: geautoriseerd", .authorised),
            ("FASE: Afgesloten.", .closed), ("#fase evaluatie", .evaluate),
        ])
    func phase(line: String, phase: ChangePhase) {
        #expect(only(line) == .phase(phase))
    }

    @Test("R-CHG-5 an unknown phase is not understood; `fase` without a colon is prose")
    func phaseUnknown() {
        #expect(problem("fase: klaar") == .unknownPhase)
        #expect(problem("phase: 2") == .unknownPhase)
        #expect(problem("milestone:") == .missingValue)
        #expect(isProse("Fase 2 van het project start maandag."))
        #expect(isProse("Phase one is done, the rest follows next week."))
    }

    @Test(
        "R-CHG-5 a failed test sends the change back to build",
        arguments: [
            ("test mislukt", nil), ("Test gefaald", nil), ("test failed", nil), ("test: mislukt", nil),
            ("test: failed", nil), ("testen mislukt", nil), ("Test niet geslaagd", nil),
            ("test mislukt: printerdriver ontbreekt", "printerdriver ontbreekt"),
            ("test mislukt, de koppeling met Magister geeft een fout", "de koppeling met Magister geeft een fout"),
            ("test failed because the SSO login loops", "the SSO login loops"),
            ("test: failed - rollback needed", "rollback needed"),
        ] as [(String, String?)])
    func testFailed(line: String, reason: String?) {
        #expect(only(line) == .testFailed(reason: reason))
    }

    @Test("R-CHG-5 test prose stays prose; a `test:` line that reports no failure is not understood")
    func testProse() {
        #expect(isProse("Testen gaan morgen verder."))
        #expect(isProse("Test het even opnieuw na een herstart."))
        #expect(isProse("Tests on location Noord look good."))
        #expect(problem("test: geslaagd") == .unknownTestResult)
        #expect(problem("#test ok") == .unknownTestResult)
    }

    @Test(
        "R-CHG-5 a rollback, optionally with a reason",
        arguments: [
            ("terugdraaien", nil), ("Terugrollen.", nil), ("rollback", nil), ("roll back", nil), ("roll-back", nil),
            ("terugdraaien: inlogproblemen op alle locaties", "inlogproblemen op alle locaties"),
            ("rollback because the new driver crashes the copiers", "the new driver crashes the copiers"),
            ("terugrollen wegens storing in Magister", "storing in Magister"),
            ("Roll back - users cannot log in", "users cannot log in"),
        ] as [(String, String?)])
    func rollback(line: String, reason: String?) {
        #expect(only(line) == .rollback(reason: reason))
    }

    @Test("R-CHG-5 rollback prose stays prose")
    func rollbackProse() {
        #expect(isProse("Terugdraaien lukt niet zonder back-up."))
        #expect(isProse("Rollback the update tonight if the test fails."))
        #expect(isProse("Roll back the printers first, then the laptops."))
    }

    @Test(
        "R-CASE-8 the cause needs a colon",
        arguments: [
            ("oorzaak: verouderde printerdriver", "verouderde printerdriver"),
            ("Oorzaak: kabel in lokaal 12 los", "kabel in lokaal 12 los"),
            ("cause: expired certificate on the proxy", "expired certificate on the proxy"),
            ("#oorzaak switch defect", "switch defect"),
        ])
    func cause(line: String, cause: String) {
        #expect(only(line) == .cause(cause))
    }

    @Test("R-CASE-8 without a colon the cause is prose; an empty cause is not understood")
    func causeProse() {
        #expect(isProse("Oorzaak onbekend, we zoeken verder."))
        #expect(isProse("Cause unknown for now."))
        #expect(problem("oorzaak:") == .missingValue)
    }

    @Test(
        "R-CASE-8 the hours worked",
        arguments: [
            ("uren: 1,5", 1.5), ("uren: 1.5", 1.5), ("hours: 2", 2.0), ("tijd: 0,75", 0.75), ("bestede tijd: 1", 1.0),
            ("Uren: 2 uur", 2.0), ("hours: 1.5h", 1.5), ("time spent: 3 hours", 3.0), ("tijd: 45 min", 0.75),
            ("uren: 1000", 1000.0), ("uren: 0,25.", 0.25), ("#uren 2", 2.0), ("Uren: 1,5 uur besteed", 1.5),
            ("hours: 2 hours spent", 2.0),
        ])
    func hours(line: String, hours: Double) {
        #expect(only(line) == .hours(hours))
    }

    @Test(
        "R-CASE-8 hours out of range or not a number are not understood",
        arguments: [
            "uren: 0", "uren: 1001", "hours: -1", "tijd: 14:00", "uren: twee", "uren: 1,5-2", "hours: 1.2.3",
            "uren: 1,5 dagen", "uren: ,5",
        ])
    func hoursInvalid(line: String) {
        #expect(problem(line) == .invalidHours)
    }

    @Test("R-CASE-8 time prose stays prose; empty hours are not understood")
    func hoursProse() {
        #expect(isProse("Tijd om de printer te vervangen."))
        #expect(isProse("Uren later werkte het nog steeds niet."))
        #expect(problem("uren:") == .missingValue)
    }

    @Test(
        "R-PRB-3 a known error with its workaround",
        arguments: [
            ("bekende fout: printen via de webversie", "printen via de webversie"),
            ("Known error: restart the Teams client after an update", "restart the Teams client after an update"),
        ])
    func knownError(line: String, workaround: String) {
        #expect(only(line) == .knownError(workaround: workaround))
    }

    @Test("R-PRB-3 a known error needs its workaround and a colon")
    func knownErrorMissing() {
        #expect(problem("bekende fout:") == .missingWorkaround)
        #expect(problem("known error:") == .missingWorkaround)
        #expect(isProse("Bekende fout in Magister, er komt een update."))
        #expect(isProse("Known error in the driver, a fix is coming."))
    }

    @Test(
        "R-PRB-1 the incident's category, as written",
        arguments: [
            ("categorie: hardware", "hardware"), ("Categorie: Netwerk / wifi.", "Netwerk / wifi"),
            ("category: printing", "printing"),
        ])
    func category(line: String, category: String) {
        #expect(only(line) == .category(category))
    }

    @Test("R-PRB-1 a category needs a value and a colon")
    func categoryMissing() {
        #expect(problem("categorie:") == .missingValue)
        #expect(isProse("Categorie A-leerlingen krijgen een eigen laptop."))
    }

    @Test("R-INC-4 R-CHG-5 R-CASE-8 the new commands in one reply, before the message")
    func newCommandsTogether() {
        let reply = """
            fase: test
            test mislukt: SSO-koppeling geeft een fout
            oorzaak: verkeerd certificaat
            uren: 2,5
            categorie: software
            workaround: inloggen met gebruikersnaam en wachtwoord

            Beste Jan,

            De test is mislukt; we zetten de wijziging terug naar de bouwfase.
            """
        let parse = AgentCommandParser.parse(reply)
        #expect(
            parse.commands == [
                .phase(.test), .testFailed(reason: "SSO-koppeling geeft een fout"), .cause("verkeerd certificaat"),
                .hours(2.5), .category("software"), .workaround("inloggen met gebruikersnaam en wachtwoord"),
            ])
        #expect(parse.notUnderstood.isEmpty)
        #expect(parse.message.hasPrefix("Beste Jan,"))
    }

    @Test("R-AGENT-2 prose that looked like prose before still does")
    func earlierProse() {
        for text in [
            "Testen gaan morgen verder.", "Oorzaak onbekend.", "Fase twee begint na de herfstvakantie.",
            "Tijd genoeg, geen haast.", "Major update planned.", "Categorie B heeft voorrang.",
            "Uren heb ik nog niet bijgehouden.", "Terugdraaien is niet nodig.", "Rollback not needed.",
        ] {
            #expect(isProse(text))
        }
    }
}
