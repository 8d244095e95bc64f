import Foundation
import Mail
import Testing

extension Integration {
/// Whole cases by mail and `dapgate sweep --at …` against the real Dovecot and Postfix (DAP 5–11). Each test
/// asserts the mails that arrived in each mailbox, in order, by subject.
@Suite("Case life cycles on the real mail stack")
struct LifecycleScenarioTests {
    /// Agents of the ladder and the functions (DAP R-ESC-1, R-INC-7, R-PRB-1, R-CHG-3, R-SEC-3, R-SEC-5, R-CMP-2).
    static let staff: [(address: String, name: String, groups: [String])] = [
        ("agent1@cloudwise.test", "Anouk Agent", ["servicedesk", "change-coordinator", "pmo"]),
        ("teamlead@cloudwise.test", "Tessa Teamlead", ["teamlead-support"]),
        ("teamlead2@cloudwise.test", "Bas Backup", ["teamlead-support"]),
        ("manager@cloudwise.test", "Mark Manager", ["manager-managed-services"]),
        ("directeur@cloudwise.test", "Diana Directeur", ["directie"]),
        ("cab1@cloudwise.test", "Carl CAB", ["cab"]),
        ("cab2@cloudwise.test", "Cora CAB", ["cab"]),
        ("im@cloudwise.test", "Ingrid Incidentmanager", ["incident-manager"]),
        ("pm@cloudwise.test", "Paul Problemmanager", ["problem-manager"]),
        ("so@cloudwise.test", "Sofie Security", ["security-officer"]),
    ]

    private func gateway() throws -> DapgateBinary {
        try MailStack.reset()
        try MailStack.addUsers(Self.staff.map(\.address) + ["am@cloudwise.test", "cert@cloudwise.test", "sanne@school.test"])
        var gateway = try DapgateBinary.withDirectory()
        gateway.environment["DAPGATE_CERT"] = "cert@cloudwise.test"
        let organisations = try temporaryFile("orgs.csv")
        try "name,domains,on_call,account_manager\nStichting Onderwijs Noord,school.test,no,am@cloudwise.test\n"
            .write(to: organisations, atomically: true, encoding: .utf8)
        #expect(try gateway.run(["organisations", "import", organisations.path]).status == 0)
        for person in Self.staff {
            var arguments = ["agents", "add", person.address, "--name", person.name]
            for group in person.groups { arguments += ["--group", group] }
            let result = try gateway.run(arguments)
            #expect(result.status == 0, "\(result.stderr)")
        }
        return gateway
    }

    /// Sends `raw` from `from` and polls once the desk has it.
    private func deliver(_ gateway: DapgateBinary, from: String, to: String = MailStack.desk, raw: String) throws {
        let before = try Client.uids(MailStack.desk).count
        try Client.send(from: from, to: [to], raw: raw)
        try Client.waitFor(MailStack.desk, count: before + 1)
        let poll = try gateway.run(["poll", "--once"])
        #expect(poll.status == 0, "\(poll.stderr)")
    }

    /// A reply to the newest mail in `user`'s INBOX whose subject contains `matching`: to its Reply-To (the
    /// reply token), threaded, with `body` as the new text.
    /// Agents answer the desk's notices in the shared queue mailbox (`in: queue`), with the queue's token.
    private func reply(_ gateway: DapgateBinary, as user: String, name: String, to matching: String,
                       in mailbox: String? = nil, body: String) throws {
        // The mail to answer may still be on its way through Postfix: wait for it (30 s at most).
        var mails = try Client.messages(mailbox ?? user)
        let deadline = Date().addingTimeInterval(30)
        while !mails.contains(where: { decodedSubject($0).contains(matching) }), Date() < deadline {
            Thread.sleep(forTimeInterval: 0.2)
            mails = try Client.messages(mailbox ?? user)
        }
        let original = try #require(mails.last { decodedSubject($0).contains(matching) },
                                    "\(user) has no mail with \(matching): \(mails.map(decodedSubject))")
        let token = String(try #require(header("Reply-To", in: original)).split(separator: "<").last!.dropLast())
        let id = header("Message-ID", in: original) ?? ""
        try deliver(gateway, from: user, to: token, raw: """
            From: \(name) <\(user)>\r
            To: \(token)\r
            Subject: Re: \(header("Subject", in: original) ?? "")\r
            Message-ID: <\(UUID().uuidString)@\(user.split(separator: "@").last!)>\r
            In-Reply-To: \(id)\r
            References: \(id)\r
            Content-Type: text/plain; charset=utf-8\r
            \r
            \(body)\r

            """)
    }

    /// The subjects in `user`'s INBOX, oldest first, after waiting for `count`.
    private func subjects(_ user: String, count: Int) throws -> [String] {
        try Client.waitFor(user, count: count)
        return try Client.messages(user).map(decodedSubject)
    }

    /// The body of the newest mail in `user`'s INBOX, quoted-printable undone enough to read.
    private func newestBody(_ user: String) throws -> String {
        let raw = try #require(try Client.messages(user).last)
        return readable(raw)
    }

    private func readable(_ raw: String) -> String {
        let text = raw.replacingOccurrences(of: "\r\n", with: "\n")
        guard let start = text.range(of: "\n\n") else { return text }
        var out = String(text[start.upperBound...]).replacingOccurrences(of: "=\n", with: "")
        for (code, char) in [("=3D", "="), ("=C3=A9", "é"), ("=C3=AB", "ë"), ("=C3=B6", "ö"), ("=E2=80=93", "–"),
                             ("=C3=A0", "à"), ("=E2=80=99", "’")] {
            out = out.replacingOccurrences(of: code, with: char)
        }
        return out
    }

    /// The subject as a mail client shows it (RFC 2047 words decoded by the gateway's own parser).
    private func decodedSubject(_ raw: String) -> String {
        (try? Message.parse(Array(raw.utf8)).subject) ?? (header("Subject", in: raw) ?? "")
    }

    /// The due time of a case's pending timer of `kind` (`cases show --json`).
    private func due(_ gateway: DapgateBinary, _ number: String, _ kind: String) throws -> String {
        let timers = try gateway.show(number)["timers"] as? [[String: Any]] ?? []
        let timer = try #require(timers.first { $0["kind"] as? String == kind && $0["fired_at"] is NSNull },
                                 "\(number) has no pending \(kind) timer: \(timers)")
        return try #require(timer["due_at"] as? String)
    }

    private func sweep(_ gateway: DapgateBinary, at: String) throws -> String {
        let result = try gateway.run(["sweep", "--at", at])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    /// A customer's new mail, delivered and polled; the number of the case it opened (the newest).
    @discardableResult
    private func open(_ gateway: DapgateBinary, from: String = "alice@school.test", name: String = "Alice de Vries",
                      subject: String, body: String) throws -> String {
        try deliver(gateway, from: from, raw: mail(from: from, name: name, subject: subject, body: body))
        return try #require(try gateway.cases().last?["number"] as? String)
    }

    private func mail(from: String, name: String, subject: String, body: String) -> String {
        customerMail(from: from, name: name, subject: subject, body: body, messageID: "<\(UUID().uuidString)@school.test>")
    }

    // MARK: - Scenarios

    @Test("R-INC-5 R-ESC-1 an incident breaches: the desk is warned at 75%, the backup of the absent teamlead gets it, the requester hears who handles it; an agent climbs on")
    func incidentBreachesAndEscalates() throws {
        let gateway = try gateway()
        // DAP R-ESC-1: the teamlead is absent; Bas is her backup.
        #expect(try gateway.run(["agents", "absent", "teamlead@cloudwise.test", "--backup", "teamlead2@cloudwise.test"]).status == 0)
        let number = try open(gateway, subject: "[Storing] Digibord lokaal 5 geeft geen beeld",
                              body: "Impact: midden\r\nUrgentie: hoog\r\n\r\nHet digibord in lokaal 5 geeft sinds vanochtend geen beeld.")
        #expect(try gateway.show(number)["priority"] as? Int == 2)
        let warning = try due(gateway, number, "sla-warning")
        #expect(try sweep(gateway, at: warning).contains("sla-warning"))
        try Client.waitFor("queue@cloudwise.test", count: 3)  // delivered before the next sweep's mail
        let breach = try due(gateway, number, "sla-breach")
        let out = try sweep(gateway, at: breach)
        #expect(out.contains("sla-breach"))
        #expect(out.contains("teamlead2@cloudwise.test"))
        #expect(try gateway.show(number)["escalated_to"] as? String == "teamlead-support")

        // In order, except that the reaction and warning notices leave in one sweep (one SMTP session), and
        // Postfix may deliver those two either way round.
        let queue = try subjects("queue@cloudwise.test", count: 4)
        #expect(queue.count == 4)
        #expect(queue.first == "[\(number)] Nieuwe melding P2: [Storing] Digibord lokaal 5 geeft geen beeld")
        #expect(Set(queue.dropFirst().prefix(2)) == [
            "[\(number)] Reactietijd verstreken P2: nog niet opgepakt",
            "[\(number)] SLA-waarschuwing P2: oplostijd dreigt te verlopen",
        ])
        #expect(queue.last == "[\(number)] SLA verbroken P2: oplostijd verstreken")
        #expect(try subjects("teamlead2@cloudwise.test", count: 1) == [
            "[\(number)] Escalatie P2 naar de teamleider support: [Storing] Digibord lokaal 5 geeft geen beeld",
        ])
        #expect(try Client.uids("teamlead@cloudwise.test").isEmpty, "the absent teamlead is not mailed")
        let alice = try subjects("alice@school.test", count: 2)
        #expect(alice == [
            "[\(number)] Uw melding is geregistreerd: [Storing] Digibord lokaal 5 geeft geen beeld",
            "[\(number)] Uw melding krijgt extra aandacht: [Storing] Digibord lokaal 5 geeft geen beeld",
        ])
        let escalated = try newestBody("alice@school.test")
        #expect(escalated.contains("Bas Backup"))
        #expect(escalated.contains("afgesproken oplostijd is verstreken"))

        // The backup escalates further by reply (DAP R-ESC-1): the manager, and Alice hears again.
        try reply(gateway, as: "teamlead2@cloudwise.test", name: "Bas Backup", to: "Escalatie",
                  body: "escaleer: leverancier reageert niet")
        #expect(try subjects("manager@cloudwise.test", count: 1).first?.contains("Escalatie P2 naar de manager managed services") == true)
        #expect(try subjects("alice@school.test", count: 3).last?.contains("extra aandacht") == true)
        #expect(try newestBody("alice@school.test").contains("Mark Manager"))
        #expect(try gateway.show(number)["escalation_level"] as? Int == 2)
    }

    @Test("R-REQ-2 R-AUTH-3 R-REQ-3 a request waits for missing information, then for approval, then is fulfilled and confirmed")
    func requestWaitsForInformationAndApproval() throws {
        let gateway = try gateway()
        let number = try open(gateway, subject: "Nieuw account voor stagiaire",
                              body: "Graag een nieuw account aanmaken voor onze stagiaire.\r\nNaam: Fleur Smit")
        var shown = try gateway.show(number)
        #expect(shown["type"] as? String == "request")
        #expect(shown["status"] as? String == "on_hold")
        #expect(shown["sla_paused_at"] is String, "DAP R-REQ-2: the clock is paused")
        #expect(shown["missing"] as? [String] == ["Functie", "Locatie", "Startdatum"])
        let confirmation = try newestBody("alice@school.test")
        #expect(confirmation.contains("Functie"))
        #expect(confirmation.contains("Startdatum"))
        #expect(try Client.uids("teacher@school.test").isEmpty, "no approval asked before the information is complete")

        // Part of it: asked again for exactly what is still missing.
        try reply(gateway, as: "alice@school.test", name: "Alice de Vries", to: "geregistreerd",
                  body: "Functie: stagiaire groep 7\r\nLocatie: OBS De Regenboog")
        #expect(try gateway.show(number)["missing"] as? [String] == ["Startdatum"])
        // The rest: the clock runs again and the school's ICT contact is asked.
        try reply(gateway, as: "alice@school.test", name: "Alice de Vries", to: "meer gegevens",
                  body: "Startdatum: 7 december")
        shown = try gateway.show(number)
        #expect(shown["missing"] as? [String] == [])
        #expect(shown["sla_paused_at"] is NSNull)
        #expect(try subjects("teacher@school.test", count: 1) == ["[\(number)] Akkoord gevraagd: Nieuw account voor stagiaire"])
        try reply(gateway, as: "teacher@school.test", name: "Tom Jansen", to: "Akkoord gevraagd", body: "akkoord")
        #expect(try gateway.show(number)["status"] as? String == "in_progress")

        // Fulfilled by an agent; Alice confirms; the case closes with the solution (DAP R-REQ-3, R-CASE-6).
        try reply(gateway, as: "agent1@cloudwise.test", name: "Anouk Agent", to: "Nieuwe melding", in: "queue@cloudwise.test",
                  body: "oplossen: Account fleur.smit aangemaakt, wachtwoord per sms\r\nuren: 0,5")
        try reply(gateway, as: "alice@school.test", name: "Alice de Vries", to: "opgelost", body: "Het werkt, bedankt!")
        shown = try gateway.show(number)
        #expect(shown["status"] as? String == "closed")
        #expect(shown["hours"] as? Double == 0.5)
        #expect(shown["sla_met"] as? Bool == true)
        #expect(try subjects("alice@school.test", count: 6) == [
            "[\(number)] Uw melding is geregistreerd: Nieuw account voor stagiaire",
            "[\(number)] Wij hebben meer gegevens nodig: Nieuw account voor stagiaire",
            "[\(number)] Bedankt, wij hebben alle gegevens: Nieuw account voor stagiaire",
            "[\(number)] Uw aanvraag is goedgekeurd: Nieuw account voor stagiaire",
            "[\(number)] Uw melding is opgelost: Nieuw account voor stagiaire",
            "[\(number)] Uw melding is afgesloten: Nieuw account voor stagiaire",
        ])
        #expect(try newestBody("alice@school.test").contains("Account fleur.smit aangemaakt"))
    }

    @Test("R-CHG-3 R-CHG-5 a normal change goes through the weekly CAB, then its milestones, a failed test back to build, to closed")
    func normalChangeThroughTheCAB() throws {
        let gateway = try gateway()
        let number = try open(gateway, from: "sanne@school.test", name: "Sanne Bakker", subject: "[Wijziging] Nieuwe VLAN voor het gastnetwerk",
                              body: "Graag een aparte VLAN voor gasten op alle locaties.")
        #expect(try gateway.show(number)["change_kind"] as? String == "normal")
        #expect(try newestBody("sanne@school.test").contains("Change Advisory"))
        #expect(try Client.uids("cab1@cloudwise.test").isEmpty, "nothing before the agenda")
        let agenda = try due(gateway, number, "cab-agenda")
        #expect(try sweep(gateway, at: agenda).contains("cab-agenda"))
        // The agenda and the change's decision mail leave in one SMTP session; Postfix may deliver them in
        // either order.
        for member in ["cab1@cloudwise.test", "cab2@cloudwise.test"] {
            let got = try subjects(member, count: 2).sorted()
            #expect(got.count == 2)
            #expect(got[0].hasPrefix("CAB-agenda "))
            #expect(got[1] == "[\(number)] CAB: besluit gevraagd over wijziging: [Wijziging] Nieuwe VLAN voor het gastnetwerk")
        }
        let agendaMail = try #require(try Client.messages("cab1@cloudwise.test").first { decodedSubject($0).hasPrefix("CAB-agenda") })
        #expect(readable(agendaMail).contains("Nieuwe VLAN"))
        try reply(gateway, as: "cab1@cloudwise.test", name: "Carl CAB", to: "besluit gevraagd", body: "akkoord: past in de planning")
        // A second decision after the first is recorded and changes nothing.
        try reply(gateway, as: "cab2@cloudwise.test", name: "Cora CAB", to: "besluit gevraagd", body: "afgewezen: te duur")
        #expect(try gateway.show(number)["status"] as? String == "in_progress")
        #expect(try gateway.show(number)["phase"] as? String == "authorised")

        for step in ["fase: bouw", "fase: test", "test mislukt: gasten komen niet op internet", "fase: implementatie",
                     "fase: evaluatie", "fase: gesloten"] {
            try reply(gateway, as: "agent1@cloudwise.test", name: "Anouk Agent", to: "Nieuwe melding", in: "queue@cloudwise.test", body: step)
        }
        #expect(try gateway.show(number)["status"] as? String == "closed")
        let sanne = try subjects("sanne@school.test", count: 8)
        #expect(sanne == [
            "[\(number)] Uw melding is geregistreerd: [Wijziging] Nieuwe VLAN voor het gastnetwerk",
            "[\(number)] Uw aanvraag is goedgekeurd: [Wijziging] Nieuwe VLAN voor het gastnetwerk",
        ] + Array(repeating: "[\(number)] Voortgang van uw wijziging: [Wijziging] Nieuwe VLAN voor het gastnetwerk", count: 5) + [
            "[\(number)] Uw melding is afgesloten: [Wijziging] Nieuwe VLAN voor het gastnetwerk",
        ])
        let milestones = try Client.messages("sanne@school.test").map(readable)
        #expect(milestones[2].contains("bouw"))
        #expect(milestones[4].contains("gasten komen niet op internet"))
    }

    @Test("R-CMP-1 R-CMP-2 R-CMP-3 a complaint climbs to management after 2 werkdagen and to the directie after 5, the account manager copied")
    func complaintClimbsToDirectie() throws {
        let gateway = try gateway()
        let number = try open(gateway, subject: "[Klacht] Monteur kwam niet opdagen",
                              body: "Voor de tweede keer is de monteur niet gekomen zonder bericht. Dit is niet acceptabel.")
        #expect(try gateway.show(number)["type"] as? String == "complaint")
        #expect(try subjects("agent1@cloudwise.test", count: 1) == ["[\(number)] Klacht voor servicedesk: [Klacht] Monteur kwam niet opdagen"])
        let first = try sweep(gateway, at: try due(gateway, number, "complaint-management"))
        #expect(first.contains("complaint-management"), "\(first)")
        #expect(try sweep(gateway, at: try due(gateway, number, "complaint-directie")).contains("complaint-directie"))
        #expect(try subjects("manager@cloudwise.test", count: 1) == ["[\(number)] Klacht geëscaleerd naar het management: [Klacht] Monteur kwam niet opdagen"])
        #expect(try subjects("directeur@cloudwise.test", count: 1) == ["[\(number)] Klacht geëscaleerd naar de directie: [Klacht] Monteur kwam niet opdagen"])
        let alice = [
            "[\(number)] Uw melding is geregistreerd: [Klacht] Monteur kwam niet opdagen",
            "[\(number)] Over uw klacht: [Klacht] Monteur kwam niet opdagen",
            "[\(number)] Over uw klacht: [Klacht] Monteur kwam niet opdagen",
        ]
        #expect(try subjects("alice@school.test", count: 3) == alice)
        // DAP R-CMP-2: the account manager is copied on every complaint mail: the confirmation, the
        // department's assignment, both escalations and both updates.
        let copies = try subjects("am@cloudwise.test", count: 6)
        #expect(copies.count == 6)
        #expect(copies.filter { $0.contains("Klacht voor servicedesk") }.count == 1)
        #expect(copies.filter { $0.contains("Over uw klacht") }.count == 2)
        #expect(copies.filter { $0.contains("Klacht geëscaleerd") }.count == 2)
        // DAP R-CMP-3: the overview for the periodic review.
        let report = try gateway.run(["complaints", "report", "--json"])
        let rows = try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [[String: Any]] ?? []
        #expect(rows.count == 1)
        #expect(rows.first?["escalated_to"] as? String == "directie")
        #expect(try gateway.run(["complaints", "report"]).stdout.contains("directie 1"))
    }

    @Test("R-SEC-2 R-SEC-5 a data-breach report is asked for exactly its missing facts; the security officer reviews it on closing")
    func dataBreachWithMissingFacts() throws {
        let gateway = try gateway()
        let number = try open(gateway, subject: "[Datalek] Cijferlijst naar verkeerde ouder gestuurd",
                              body: "Ik heb per ongeluk de cijferlijst van groep 8 naar de verkeerde ouder gemaild.")
        var shown = try gateway.show(number)
        #expect(shown["type"] as? String == "security")
        #expect(shown["priority"] as? Int == 1)
        #expect(shown["security_review"] as? Bool == true)
        let missing = try #require(shown["missing"] as? [String])
        #expect(!missing.isEmpty)
        let confirmation = try newestBody("alice@school.test")
        for question in missing { #expect(confirmation.contains(String(question.prefix(20))), "\(question)") }
        try reply(gateway, as: "alice@school.test", name: "Alice de Vries", to: "geregistreerd", body: """
            Ontdekt vandaag om 09:15, in Outlook (e-mail). Het gaat om namen en cijfers van 28 leerlingen;\r
            geen bijzondere persoonsgegevens, niet gevoelig behalve de cijfers.
            """)
        shown = try gateway.show(number)
        #expect(shown["missing"] as? [String] == [], "\(String(describing: shown["missing"]))")
        try reply(gateway, as: "agent1@cloudwise.test", name: "Anouk Agent", to: "Nieuwe melding", in: "queue@cloudwise.test",
                  body: "oplossen: Ouder heeft de mail verwijderd; melding bij de AP niet nodig\r\noorzaak: verkeerde ontvanger gekozen\r\nsluiten")
        #expect(try gateway.show(number)["status"] as? String == "closed")
        #expect(try subjects("so@cloudwise.test", count: 1) == ["[\(number)] Evaluatie beveiligingsincident: [Datalek] Cijferlijst naar verkeerde ouder gestuurd"])
        let alice = try subjects("alice@school.test", count: 4)
        #expect(alice == [
            "[\(number)] Uw melding is geregistreerd: [Datalek] Cijferlijst naar verkeerde ouder gestuurd",
            "[\(number)] Bedankt, wij hebben alle gegevens: [Datalek] Cijferlijst naar verkeerde ouder gestuurd",
            "[\(number)] Uw melding is opgelost: [Datalek] Cijferlijst naar verkeerde ouder gestuurd",
            "[\(number)] Uw melding is afgesloten: [Datalek] Cijferlijst naar verkeerde ouder gestuurd",
        ])
    }

    @Test("R-SEC-3 R-SEC-4 ransomware goes to the CERT at once; a clicked phishing link gets the basic advice")
    func certAndAdvice() throws {
        let gateway = try gateway()
        let number = try open(gateway, subject: "[Security] Bestanden versleuteld",
                              body: "Op de administratie-pc zijn alle bestanden versleuteld en er staat een losgeldbericht: ransomware?")
        #expect(try subjects("cert@cloudwise.test", count: 1).first?.hasPrefix("[\(number)] CERT: beveiligingsincident P1") == true)
        #expect(try newestBody("alice@school.test").contains("CERT"))
        try deliver(gateway, from: "alice@school.test", raw: mail(
            from: "alice@school.test", name: "Alice de Vries", subject: "[Security] Op link in phishingmail geklikt",
            body: "Ik heb op een link in een phishingmail geklikt en mijn wachtwoord ingevuld."))
        let advice = try newestBody("alice@school.test")
        #expect(advice.lowercased().contains("wachtwoord"))
        #expect(try Client.uids("cert@cloudwise.test").count == 1, "a user's mistake is not a CERT case")
    }

    @Test("R-INC-8 R-INC-7 a major incident: stakeholders updated, reopened by 'werkt nog steeds niet', closed by silence, review task created")
    func majorIncidentReopenAndAutoClose() throws {
        let gateway = try gateway()
        let number = try open(gateway, subject: "[Storing] Geen internet op de hele school",
                              body: "Impact: hoog\r\nUrgentie: hoog\r\n\r\nNergens op school is internet.")
        try reply(gateway, as: "agent1@cloudwise.test", name: "Anouk Agent", to: "Nieuwe melding", in: "queue@cloudwise.test", body: "major: alle locaties plat")
        #expect(try subjects("im@cloudwise.test", count: 1) == ["[\(number)] Major incident P1: [Storing] Geen internet op de hele school"])
        // Stakeholders: the organisation's ICT contacts (Sanne and Tom), not the requester.
        #expect(try subjects("sanne@school.test", count: 1).first?.contains("Update over een grote storing") == true)
        #expect(try subjects("teacher@school.test", count: 1).first?.contains("Update over een grote storing") == true)
        try reply(gateway, as: "agent1@cloudwise.test", name: "Anouk Agent", to: "Nieuwe melding", in: "queue@cloudwise.test",
                  body: "oplossen: glasvezel bij de straat hersteld")
        try reply(gateway, as: "alice@school.test", name: "Alice de Vries", to: "opgelost", body: "Het werkt nog steeds niet in lokaal 3.")
        #expect(try gateway.show(number)["status"] as? String == "in_progress")
        #expect(try subjects("queue@cloudwise.test", count: 3).contains("[\(number)] Heropend P1: [Storing] Geen internet op de hele school"))
        try reply(gateway, as: "agent1@cloudwise.test", name: "Anouk Agent", to: "Heropend", in: "queue@cloudwise.test",
                  body: "oplossen: switch in lokaal 3 vervangen")
        let autoClose = try due(gateway, number, "auto-close")
        #expect(try sweep(gateway, at: autoClose).contains("auto-close"))
        let shown = try gateway.show(number)
        #expect(shown["status"] as? String == "closed")
        #expect(try subjects("alice@school.test", count: 5) == [
            "[\(number)] Uw melding is geregistreerd: [Storing] Geen internet op de hele school",
            "[\(number)] Uw melding is opgelost: [Storing] Geen internet op de hele school",
            "[\(number)] Uw melding is weer in behandeling: [Storing] Geen internet op de hele school",
            "[\(number)] Uw melding is opgelost: [Storing] Geen internet op de hele school",
            "[\(number)] Uw melding is afgesloten: [Storing] Geen internet op de hele school",
        ])
        #expect(try newestBody("alice@school.test").contains("5 werkdagen"))
        // DAP R-INC-7: the review task for the incident manager.
        let im = try subjects("im@cloudwise.test", count: 2)
        #expect(im.last?.contains("Post-incident review") == true)
        #expect(try gateway.cases().contains { $0["type"] as? String == "problem" && ($0["subject"] as? String ?? "").contains("Post-incident review") })
    }

    @Test("R-PRB-1 R-PRB-3 R-PRB-4 three printer incidents propose a problem; its known error reaches the next incident's confirmation")
    func problemAndKnownError() throws {
        let gateway = try gateway()
        for (i, who) in ["alice@school.test", "teacher@school.test", "sanne@school.test"].enumerated() {
            try deliver(gateway, from: who, raw: mail(
                from: who, name: "Melder \(i)", subject: "[Storing] Printer lokaal \(i + 1) print niet",
                body: "De printer in lokaal \(i + 1) geeft een foutmelding en print niets."))
        }
        let proposal = try subjects("pm@cloudwise.test", count: 1)
        #expect(proposal.first?.contains("Voorstel probleem") == true)
        #expect(proposal.first?.contains("Printen en scannen") == true)
        let problem = try #require(try gateway.cases().first { $0["type"] as? String == "problem" }?["number"] as? String)
        #expect(try newestBody("pm@cloudwise.test").contains("Printer lokaal 3"))
        try reply(gateway, as: "pm@cloudwise.test", name: "Paul Problemmanager", to: "Voorstel probleem",
                  body: "bekende fout: Zet de printer uit en aan en kies opnieuw de printer 'Lokalen'")
        #expect(try gateway.show(problem)["known_error"] as? Bool == true)
        try deliver(gateway, from: "alice@school.test", raw: mail(
            from: "alice@school.test", name: "Alice de Vries", subject: "[Storing] Printer in de aula print niet",
            body: "Ook de printer in de aula doet niets."))
        let confirmation = try newestBody("alice@school.test")
        #expect(confirmation.contains("Zet de printer uit en aan"))
        let newest = try #require(try gateway.cases().last?["number"] as? String)
        #expect(try gateway.show(newest)["problem"] as? String == problem)
    }
}
}
