import Desk
import Foundation
@testable import Gateway
import Mail
import Store
import Testing
import Transport

let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// A gateway with a status address and the shipped services (DAP R-OUT-1, R-OUT-2).
func makeStatusGateway(now: Date = Date(timeIntervalSince1970: 1_796_000_000), _ configure: (inout Config) -> Void = { _ in })
    throws -> Gateway {
    var config = Config()
    config.templates = repository.appendingPathComponent("templates").path
    config.database = FileManager.default.temporaryDirectory.appendingPathComponent("status-\(UUID().uuidString).sqlite").path
    config.from = "Servicedesk <info@cloudwise.test>"
    config.statusAddress = "status@cloudwise.test"
    config.services = repository.appendingPathComponent("config/services.json").path
    config.secret = "status-tests-secret-0123456789abcdef"
    configure(&config)
    let store = try DeskStore(path: config.database, now: { now })
    return try Gateway(config: config, store: store, log: Log(minimum: .error), now: { now })
}

/// A mail to the status address (or one of its token addresses).
func statusMail(from: String = "jan@school.test", to: String = "status@cloudwise.test", subject: String,
                body: String = "", id: String = "<\(UUID().uuidString)@school.test>", extra: String = "") -> String {
    "From: \(from)\r\nTo: \(to)\r\nSubject: \(subject)\r\nDate: Mon, 30 Nov 2026 09:00:00 +0100\r\nMessage-ID: \(id)\r\n"
        + extra + "\r\n" + body + "\r\n"
}

/// The address between `<` and `>` in a header of a raw mail.
func headerAddress(_ name: String, in raw: String) -> String? {
    guard let line = raw.components(separatedBy: "\r\n").first(where: { $0.lowercased().hasPrefix(name.lowercased() + ":") }),
          let open = line.lastIndex(of: "<"), let close = line.lastIndex(of: ">"), open < close else { return nil }
    return String(line[line.index(after: open)..<close])
}

func unfolded(_ raw: String) -> String {
    raw.replacingOccurrences(of: "=\r\n", with: "").replacingOccurrences(of: "\r\n ", with: " ")
        .replacingOccurrences(of: "=C3=A9", with: "é")
}

@Suite("Status address: subscriptions by mail")
struct StatusMailTests {
    /// One mailbox per test: its UIDs go on rising, as the ledger expects.
    let source = MemorySource()

    /// Polls one mail through the gateway and returns what was sent.
    @discardableResult
    func deliver(_ gateway: Gateway, _ raw: String) throws -> [(from: String, to: [String], raw: String)] {
        let sink = RecordingSink()
        source.add(raw)
        _ = try gateway.poll(source, sink: sink)
        return sink.sent
    }

    func states(_ gateway: Gateway, _ address: String) throws -> [String: String] {
        guard let subscriber = try gateway.store.subscriber(address: address) else { return [:] }
        return Dictionary(uniqueKeysWithValues: try gateway.store.subscriptions(subscriberID: subscriber.id).map { ($0.service, $0.state) })
    }

    @Test("R-OUT-1 a subscribe mail is no case: the services become pending and the answer asks for confirmation with a token bound to the address")
    func subscribe() throws {
        let gateway = try makeStatusGateway()
        let sent = try deliver(gateway, statusMail(subject: "aanmelden wifi, Microsoft 365"))
        #expect(try gateway.store.caseCount() == 0)
        #expect(try states(gateway, "jan@school.test") == ["WIFI": "pending", "M365": "pending"])
        let answer = try #require(sent.first)
        #expect(sent.count == 1 && answer.to == ["jan@school.test"])
        #expect(answer.raw.contains("From: Servicedesk <status@cloudwise.test>"))
        #expect(answer.raw.contains("Auto-Submitted: auto-replied"))
        #expect(unfolded(answer.raw).contains("Wifi (WIFI)") && unfolded(answer.raw).contains("Microsoft 365 (M365)"))
        let token = try #require(headerAddress("Reply-To", in: answer.raw))
        #expect(token.hasPrefix("status+sub-"))

        // Confirmed only by the address itself, by a person.
        try deliver(gateway, statusMail(from: "piet@school.test", to: token, subject: "Re: bevestig", body: "ja"))
        try deliver(gateway, statusMail(to: token, subject: "Automatisch antwoord: bevestig", extra: "Auto-Submitted: auto-replied\r\n"))
        #expect(try states(gateway, "jan@school.test") == ["WIFI": "pending", "M365": "pending"])
        let confirmed = try deliver(gateway, statusMail(from: "Jan <JAN@school.test>", to: token, subject: "Re: bevestig", body: "ja"))
        #expect(try states(gateway, "jan@school.test") == ["WIFI": "active", "M365": "active"])
        #expect(unfolded(try #require(confirmed.first).raw).contains("Uw aanmelding is bevestigd"))
    }

    @Test("R-OUT-1 unknown service codes get an answer that lists the services; known ones in the same mail are requested")
    func unknownServices() throws {
        let gateway = try makeStatusGateway()
        let answer = unfolded(try #require(try deliver(gateway, statusMail(subject: "subscribe wifi printerz")).first).raw)
        #expect(answer.contains("We do not know these services: printerz"))
        #expect(answer.contains("MAG") && answer.contains("Magister") && answer.contains("CHROME"))
        #expect(answer.contains("Please confirm"))
        #expect(try states(gateway, "jan@school.test") == ["WIFI": "pending"])
        let help = unfolded(try #require(try deliver(gateway, statusMail(from: "piet@school.test", subject: "Hallo", body: "Wanneer werkt het weer?")).first).raw)
        #expect(help.contains("aanmelden WIFI M365") && help.contains("Magister"))
        #expect(try gateway.store.subscriber(address: "piet@school.test") == nil, "a question makes nobody a subscriber")
    }

    @Test("R-OUT-1 list and unsubscribe by mail; unsubscribe all")
    func listAndUnsubscribe() throws {
        let gateway = try makeStatusGateway()
        let jan = try gateway.store.ensureSubscriber(address: "jan@school.test", language: "nl")
        _ = try gateway.store.confirmSubscriptionRequest(id: try gateway.store.requestSubscription(subscriberID: jan.id, services: ["WIFI", "M365", "MAG"]))
        let list = unfolded(try #require(try deliver(gateway, statusMail(subject: "lijst")).first).raw)
        #expect(list.contains("U bent aangemeld voor") && list.contains("Magister (MAG)"))
        let off = unfolded(try #require(try deliver(gateway, statusMail(subject: "afmelden wifi")).first).raw)
        #expect(off.contains("U bent afgemeld voor:") && off.contains("- Wifi (WIFI)"))
        #expect(off.contains("Microsoft 365 (M365)"), "and the answer lists what is left")
        #expect(try states(gateway, "jan@school.test") == ["WIFI": "unsubscribed", "M365": "active", "MAG": "active"])
        try deliver(gateway, statusMail(subject: "Re: unsubscribe all"))
        #expect(try states(gateway, "jan@school.test").values.allSatisfy { $0 == "unsubscribed" })
    }

    @Test("R-CASE-1 a mail to the desk that copies the status address is a case, not a subscriber command")
    func deskAndStatus() throws {
        let gateway = try makeStatusGateway()
        try deliver(gateway, statusMail(subject: "Printer stuk", body: "De printer doet het niet.",
                                        extra: "Cc: Servicedesk <info@cloudwise.test>\r\n"))
        #expect(try gateway.store.caseCount() == 1)
        #expect(try gateway.store.subscriber(address: "jan@school.test") == nil)
    }

    @Test("R-OUT-1 automatic mail to the status address is never answered and subscribes nobody")
    func automatic() throws {
        let gateway = try makeStatusGateway()
        let sent = try deliver(gateway, statusMail(subject: "Out of office: aanmelden wifi", extra: "Auto-Submitted: auto-replied\r\n"))
        #expect(sent.isEmpty)
        #expect(try gateway.store.subscriber(address: "jan@school.test") == nil)
        #expect(try gateway.store.caseCount() == 0)
    }

    @Test("R-OUT-1 one mail to the List-Unsubscribe address unsubscribes the subscriber it names, from anyone, silently; a forged token does nothing")
    func listUnsubscribe() throws {
        let gateway = try makeStatusGateway()
        let jan = try gateway.store.ensureSubscriber(address: "jan@school.test", language: "nl")
        _ = try gateway.store.confirmSubscriptionRequest(id: try gateway.store.requestSubscription(subscriberID: jan.id, services: ["WIFI"]))
        let address = StatusToken.unsubscribe(subscriber: jan.id).address(status: "status@cloudwise.test", boundTo: jan.address,
                                                                          secret: gateway.replySecret)
        let forged = StatusToken.unsubscribe(subscriber: jan.id).address(status: "status@cloudwise.test", boundTo: "x@school.test",
                                                                         secret: gateway.replySecret)
        try deliver(gateway, statusMail(from: "mallory@example.test", to: forged, subject: "unsubscribe"))
        #expect(try states(gateway, "jan@school.test") == ["WIFI": "active"])
        let sent = try deliver(gateway, statusMail(from: "someone@example.test", to: address, subject: "unsubscribe"))
        #expect(try states(gateway, "jan@school.test") == ["WIFI": "unsubscribed"])
        #expect(sent.isEmpty, "one-click: no answer")
    }

    @Test("R-OUT-2 R-AGENT-3 an agent's announcement without proof waits as a draft; only the agent's reply to the ok token sends it")
    func agentDraft() throws {
        let gateway = try makeStatusGateway()
        try gateway.store.upsert(AgentRecord(email: "agent1@cloudwise.test", name: "Anouk", groups: ["servicedesk"], absent: false, backup: nil))
        let jan = try gateway.store.ensureSubscriber(address: "jan@school.test", language: "nl")
        _ = try gateway.store.confirmSubscriptionRequest(id: try gateway.store.requestSubscription(subscriberID: jan.id, services: ["WIFI"]))
        let sent = try deliver(gateway, statusMail(from: "agent1@cloudwise.test", subject: "Wifi weg",
                                                   body: "storing: wifi\r\n\r\nDe wifi is weg."))
        let approval = try #require(sent.first)
        #expect(approval.to == ["agent1@cloudwise.test"])
        let ok = try #require(headerAddress("Reply-To", in: approval.raw))
        #expect(try gateway.store.notices().first?.status == .draft)
        #expect(try gateway.store.pendingDeliveryCount() == 0)
        // Someone else replying to the agent's token: handled as a plain mail, the draft stays.
        try deliver(gateway, statusMail(from: "jan@school.test", to: ok, subject: "Re: x", body: "ok"))
        #expect(try gateway.store.notices().first?.status == .draft)
        let receipt = try deliver(gateway, statusMail(from: "agent1@cloudwise.test", to: ok, subject: "Re: x", body: "ok"))
        #expect(try gateway.store.notices().first?.status == .open)
        #expect(try gateway.store.pendingDeliveryCount() == 1)
        #expect(headerAddress("Reply-To", in: try #require(receipt.first).raw)?.hasPrefix("status+ntc-") == true)
        // A second reply sends nothing more.
        try deliver(gateway, statusMail(from: "agent1@cloudwise.test", to: ok, subject: "Re: x", body: "ok"))
        #expect(try gateway.store.pendingDeliveryCount() == 1)
    }

    @Test("R-OUT-2 R-AGENT-3 an agent's announcement with a trusted Authentication-Results pass goes out at once; a problem is told to the agent")
    func agentTrusted() throws {
        let gateway = try makeStatusGateway { $0.trustedAuthservIDs = ["mx.cloudwise.test"] }
        try gateway.store.upsert(AgentRecord(email: "agent1@cloudwise.test", name: "Anouk", groups: [], absent: false, backup: nil))
        let pass = "Authentication-Results: mx.cloudwise.test; dmarc=pass header.from=cloudwise.test\r\n"
        try deliver(gateway, statusMail(from: "agent1@cloudwise.test", subject: "Onderhoud",
                                        body: "onderhoud: WIFI, MAG van 2026-12-05 18:00 tot 22:00\r\n\r\nVervanging.", extra: pass))
        let notice = try #require(try gateway.store.notices().first)
        #expect(notice.status == .open && notice.type == .maintenance && notice.services == ["WIFI", "MAG"])
        #expect(notice.startsAt == "2026-12-05T17:00:00Z" && notice.endsAt == "2026-12-05T21:00:00Z")
        let refused = try deliver(gateway, statusMail(from: "agent1@cloudwise.test", subject: "x",
                                                      body: "storing: WIFI, koffieautomaat\r\n\r\nTekst", extra: pass))
        #expect(unfolded(try #require(refused.first).raw).contains("onbekende dienst: koffieautomaat"))
        #expect(try gateway.store.notices().count == 1)
    }

    @Test("R-OUT-2 a bounce report for a notice counts against the subscriber and opens no case")
    func bounceReport() throws {
        let gateway = try makeStatusGateway()
        let jan = try gateway.store.ensureSubscriber(address: "jan@school.test", language: "nl")
        _ = try gateway.store.confirmSubscriptionRequest(id: try gateway.store.requestSubscription(subscriberID: jan.id, services: ["WIFI"]))
        let created = try gateway.store.transaction {
            try gateway.createNotice(type: .outage, services: ["WIFI"], subject: "Wifi", startsAt: nil, endsAt: nil,
                                     text: "Storing", author: "cli", publish: true)
        }
        let dsn = """
            From: Mail Delivery System <MAILER-DAEMON@mail.example.test>\r
            To: info@cloudwise.test\r
            Subject: Undelivered Mail Returned to Sender\r
            Message-ID: <dsn1@mail.example.test>\r
            Auto-Submitted: auto-replied\r
            MIME-Version: 1.0\r
            Content-Type: multipart/report; report-type=delivery-status; boundary="b"\r
            \r
            --b\r
            Content-Type: text/plain\r
            \r
            The mail could not be delivered.\r
            --b\r
            Content-Type: message/delivery-status\r
            \r
            Reporting-MTA: dns; mail.example.test\r
            \r
            Final-Recipient: rfc822; jan@school.test\r
            Action: failed\r
            Status: 5.1.1\r
            Diagnostic-Code: smtp; 550 5.1.1 User unknown\r
            --b\r
            Content-Type: message/rfc822\r
            \r
            Message-ID: \(created.message.messageID)\r
            Subject: [NTC0000001] Wifi\r
            \r
            Storing\r
            --b--\r

            """
        #expect(try deliver(gateway, dsn).isEmpty)
        #expect(try gateway.store.subscriber(address: "jan@school.test")?.bounces == 1)
        #expect(try gateway.store.caseCount() == 0)
    }
}
