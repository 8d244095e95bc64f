import Foundation
import Testing

extension Integration {
/// Agents work cases by replying, and nobody else can (DAP R-AGENT-1…R-AGENT-5, R-CASE-3, R-AUTH-3, R-CHG-3).
@Suite("Agents by mail on the real mail stack")
struct AgentTests {
    private func gateway() throws -> DapgateBinary {
        try MailStack.addUsers(["sanne@school.test"])
        let gateway = try DapgateBinary.withDirectory()
        #expect(try gateway.run(["agents", "add", "agent1@cloudwise.test", "--name", "Anouk Agent", "--group", "servicedesk"]).status == 0)
        #expect(try gateway.run(["agents", "add", "agent2@cloudwise.test", "--name", "Chris CAB", "--group", "cab"]).status == 0)
        return gateway
    }

    /// Sends `raw` and polls; waits for the desk's INBOX first.
    private func deliverAndPoll(_ gateway: DapgateBinary, from: String, raw: String) throws {
        let before = try Client.uids(MailStack.desk).count
        try Client.send(from: from, to: [MailStack.desk], raw: raw)
        try Client.waitFor(MailStack.desk, count: before + 1)
        let poll = try gateway.run(["poll", "--once"])
        #expect(poll.status == 0, "\(poll.stderr)")
    }

    private func status(_ gateway: DapgateBinary, _ number: String) throws -> String? {
        try gateway.show(number)["status"] as? String
    }

    private func decoded(_ raw: String) -> String {
        raw.replacingOccurrences(of: "=\r\n", with: "").replacingOccurrences(of: "=3D", with: "=")
    }

    @Test("R-AGENT-1 R-AGENT-3 an agent's reply with a status command changes the case and reaches the customer; a forged one changes nothing")
    func agentReplyAndForgery() throws {
        try MailStack.reset()
        let gateway = try gateway()
        try deliverAndPoll(gateway, from: "alice@school.test", raw: customerMail(
            from: "alice@school.test", name: "Alice", subject: "Beamer lokaal 3 geeft geen beeld",
            body: "De beamer in lokaal 3 geeft geen beeld meer.", messageID: "<beamer@school.test>"))
        // The desk's queue gets the new case, with a reply address that lets agents act on it.
        let notice = try Client.fetch("queue@cloudwise.test", uid: try Client.waitFor("queue@cloudwise.test", count: 1)[0])
        let replyTo = try #require(header("Reply-To", in: notice))
        let token = try #require(replyTo.split(separator: "<").last?.split(separator: ">").first.map(String.init))
        #expect(token.hasPrefix("info+cs0000001-"))

        // Forged: From an agent's address, but to the plain desk address (no token), no Authentication-Results.
        try deliverAndPoll(gateway, from: "agent1@cloudwise.test", raw: """
            From: Anouk Agent <agent1@cloudwise.test>\r
            To: \(MailStack.desk)\r
            Subject: Re: [CS0000001] Beamer lokaal 3 geeft geen beeld\r
            Message-ID: <forged@elsewhere.test>\r
            \r
            status: gesloten\r
            \r
            Opgelost hoor.\r

            """)
        #expect(try status(gateway, "CS0000001") == "registered", "a forged command changes nothing")
        #expect(try gateway.cases().count == 1, "kept with the case as a mail, not a new case")

        // The real agent replies to the token address.
        try deliverAndPoll(gateway, from: "agent1@cloudwise.test", raw: """
            From: Anouk Agent <agent1@cloudwise.test>\r
            To: Servicedesk <\(token)>\r
            Subject: Re: [CS0000001] Nieuwe melding\r
            Message-ID: <agent-reply@cloudwise.test>\r
            In-Reply-To: \(header("Message-ID", in: notice) ?? "")\r
            \r
            status: in behandeling\r
            \r
            Beste Alice, wij kijken er vandaag naar. Staat de beamer op de juiste ingang?\r

            """)
        #expect(try status(gateway, "CS0000001") == "in_progress")
        // One mail: the agent's answer carries the status change (DAP R-INC-4), no second templated update.
        let inbox = try Client.waitFor("alice@school.test", count: 2)
        #expect(inbox.count == 2)
        let answer = decoded(try Client.fetch("alice@school.test", uid: inbox.last!))
        #expect(answer.contains("wij kijken er vandaag naar"))
        #expect(answer.contains("in behandeling"))
        #expect(header("Subject", in: answer)?.contains("[CS0000001]") == true)
        #expect(!answer.contains("status: in behandeling"), "the command line is not sent to the customer")
    }

    @Test("R-AGENT-2 a reply with a command the gateway does not understand changes nothing and the agent is told")
    func notUnderstood() throws {
        try MailStack.reset()
        let gateway = try gateway()
        try deliverAndPoll(gateway, from: "alice@school.test", raw: customerMail(
            from: "alice@school.test", name: "Alice", subject: "Wifi traag", body: "De wifi is traag.",
            messageID: "<wifi@school.test>"))
        let notice = try Client.fetch("queue@cloudwise.test", uid: try Client.waitFor("queue@cloudwise.test", count: 1)[0])
        let token = String(header("Reply-To", in: notice)!.split(separator: "<").last!.dropLast())
        try deliverAndPoll(gateway, from: "agent1@cloudwise.test", raw: """
            From: agent1@cloudwise.test\r
            To: \(token)\r
            Subject: Re: [CS0000001]\r
            Message-ID: <nu@cloudwise.test>\r
            \r
            status: in behandeling\r
            prioriteit: 2\r
            \r
            Tekst voor de klant.\r

            """)
        #expect(try status(gateway, "CS0000001") == "registered")
        let agentMail = decoded(try Client.fetch("agent1@cloudwise.test", uid: try Client.waitFor("agent1@cloudwise.test", count: 1)[0]))
        #expect(agentMail.contains("prioriteit: 2"))
        #expect(try Client.uids("alice@school.test").count == 1, "only the confirmation reached the customer")
    }

    @Test("R-AUTH-3 R-AGENT-4 the school's ICT contact approves a request by reply")
    func approverApproves() throws {
        try MailStack.reset()
        let gateway = try gateway()
        try deliverAndPoll(gateway, from: "alice@school.test", raw: customerMail(
            from: "alice@school.test", name: "Alice", subject: "Nieuw account voor stagiaire",
            body: "Graag een nieuw account aanmaken voor onze stagiaire.\r\nNaam: Fleur Smit\r\nFunctie: stagiaire\r\nLocatie: OBS De Regenboog\r\nStartdatum: 7 december",
            messageID: "<account@school.test>"))
        #expect(try gateway.cases().first?["type"] as? String == "request")
        #expect(try status(gateway, "CS0000001") == "on_hold")
        let request = try Client.fetch("teacher@school.test", uid: try Client.waitFor("teacher@school.test", count: 1)[0])
        let token = String(header("Reply-To", in: request)!.split(separator: "<").last!.dropLast())
        try deliverAndPoll(gateway, from: "teacher@school.test", raw: """
            From: Tom Jansen <teacher@school.test>\r
            To: \(token)\r
            Subject: Re: [CS0000001] Akkoord gevraagd\r
            Message-ID: <approve@school.test>\r
            \r
            akkoord\r

            """)
        #expect(try status(gateway, "CS0000001") == "in_progress")
        let told = decoded(try Client.fetch("alice@school.test", uid: try Client.waitFor("alice@school.test", count: 2).last!))
        // DAP R-REQ-3: the requester hears of the approval and what happens next.
        #expect(told.contains("goedgekeurd door\r\nTom Jansen") || told.contains("goedgekeurd door Tom Jansen"))
        #expect(header("Subject", in: told)?.contains("goedgekeurd") == true)
    }

    @Test("R-CHG-3 R-AGENT-4 a CAB member rejects a normal change by reply; the requester hears why")
    func cabRejects() throws {
        try MailStack.reset()
        let gateway = try gateway()
        try deliverAndPoll(gateway, from: "sanne@school.test", raw: customerMail(
            from: "sanne@school.test", name: "Sanne Bakker", subject: "[Wijziging] Nieuwe VLAN voor het gastnetwerk",
            body: "Graag een aparte VLAN voor gasten op alle locaties.", messageID: "<vlan@school.test>"))
        #expect(try gateway.cases().first?["change_kind"] as? String == "normal")
        // DAP R-CHG-3: on the next weekly CAB's agenda; the sweep mails the agenda and the change's own mail.
        let sweep = try gateway.run(["sweep", "--at", "2030-01-01T12:00:00Z"])
        #expect(sweep.stdout.contains("cab-agenda"), "\(sweep.stdout)")
        let cab = try Client.waitFor("agent2@cloudwise.test", count: 2)
        let mails = try cab.map { decoded(try Client.fetch("agent2@cloudwise.test", uid: $0)) }
        #expect(mails.contains { header("Subject", in: $0)?.contains("CAB-agenda") == true && $0.contains("Nieuwe VLAN") })
        let request = try #require(mails.first { header("Subject", in: $0)?.contains("[CS0000001]") == true })
        let token = String(header("Reply-To", in: request)!.split(separator: "<").last!.dropLast())
        try deliverAndPoll(gateway, from: "agent2@cloudwise.test", raw: """
            From: Chris CAB <agent2@cloudwise.test>\r
            To: \(token)\r
            Subject: Re: [CS0000001] CAB\r
            Message-ID: <cab@cloudwise.test>\r
            \r
            afgewezen: eerst een impactanalyse per locatie\r

            """)
        #expect(try status(gateway, "CS0000001") == "closed")
        let told = decoded(try Client.fetch("sanne@school.test", uid: try Client.waitFor("sanne@school.test", count: 2).last!))
        #expect(told.contains("eerst een impactanalyse per locatie"))
    }

    @Test("R-CASE-3 a reply-all by a Cc'd colleague joins the case; a non-participant with the case number gets a new linked case")
    func participants() throws {
        try MailStack.reset()
        let gateway = try gateway()
        try MailStack.addUsers(["carla@school.test", "stranger@example.test"])
        try deliverAndPoll(gateway, from: "alice@school.test", raw: """
            From: Alice <alice@school.test>\r
            To: \(MailStack.desk)\r
            Cc: Carla <carla@school.test>\r
            Subject: Digibord lokaal 5\r
            Message-ID: <digibord@school.test>\r
            \r
            Het digibord reageert niet op aanraking.\r

            """)
        try deliverAndPoll(gateway, from: "carla@school.test", raw: customerMail(
            from: "carla@school.test", name: "Carla", subject: "Re: [CS0000001] Digibord lokaal 5",
            body: "Bij mij in lokaal 6 hetzelfde.", messageID: "<carla@school.test>"))
        #expect(try gateway.cases().count == 1)
        try deliverAndPoll(gateway, from: "stranger@example.test", raw: customerMail(
            from: "stranger@example.test", name: "Iemand", subject: "Re: [CS0000001] Digibord lokaal 5",
            body: "Ik heb ook een vraag.", messageID: "<stranger@example.test>"))
        let cases = try gateway.cases()
        #expect(cases.count == 2)
        #expect(cases.last?["requester"] as? String == "stranger@example.test")
    }

    @Test("Loop protection: a customer whose every mail is answered gets at most the configured number of confirmations")
    func loopCap() throws {
        try MailStack.reset()
        var gateway = try gateway()
        gateway.environment["DAPGATE_LOOP_MAX_PER_RECIPIENT"] = "3"
        // ooo@example.test answers every mail with a Sieve vacation reply; it also writes to the desk.
        for index in 0..<6 {
            try Client.send(from: "ooo@example.test", to: [MailStack.desk], raw: customerMail(
                from: "ooo@example.test", name: "Afwezig", subject: "Melding \(index)", body: "Tekst \(index)",
                messageID: "<ooo-\(index)@example.test>"))
        }
        try Client.waitFor(MailStack.desk, count: 6)
        for _ in 0..<3 {
            #expect(try gateway.run(["poll", "--once"]).status == 0)
            Thread.sleep(forTimeInterval: 1)
        }
        let inbox = try Client.messages("ooo@example.test")
        let confirmations = inbox.filter { header("Subject", in: $0)?.contains("Uw melding is geregistreerd") == true }
        #expect(confirmations.count == 3, "capped at 3 confirmations, got \(confirmations.count)")
        // Our confirmations carry Auto-Submitted, so the vacation responder stays silent (RFC 3834).
        let log = (try? String(contentsOfFile: "\(MailStack.dir)/log/dovecot.log", encoding: .utf8)) ?? ""
        #expect(!log.contains("sent vacation response to <info@cloudwise.test>"))
        #expect(try gateway.cases().count == 6, "every mail is still a case")
    }

    @Test("Header injection: CR/LF and encoded newlines in a subject and name never reach an outgoing header")
    func headerInjection() throws {
        try MailStack.reset()
        let gateway = try gateway()
        try deliverAndPoll(gateway, from: "alice@school.test", raw: """
            From: =?utf-8?q?Alice=0D=0ABcc:_evil@example.test?= <alice@school.test>\r
            To: \(MailStack.desk)\r
            Subject: =?utf-8?q?Printer=0D=0ABcc:_evil@example.test=0AX-Evil:_1?=\r
            Message-ID: <inject@school.test>\r
            \r
            Tekst\r

            """)
        let raw = try Client.fetch("alice@school.test", uid: try Client.waitFor("alice@school.test", count: 1)[0])
        let headerBlock = raw.components(separatedBy: "\r\n\r\n")[0]
        #expect(!headerBlock.lowercased().contains("\r\nbcc:"))
        #expect(!headerBlock.lowercased().contains("\r\nx-evil:"))
        #expect(try Client.uids("catchall@example.test").isEmpty, "nothing went to evil@example.test")
        let log = (try? String(contentsOfFile: "\(MailStack.dir)/log/postfix.log", encoding: .utf8)) ?? ""
        #expect(!log.contains("evil@example.test"))
    }
}
}
