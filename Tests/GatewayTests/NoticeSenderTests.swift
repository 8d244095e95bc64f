import Desk
import Foundation
@testable import Gateway
import Store
import Testing
import Transport

@Suite("Notices: composing and bulk sending")
struct NoticeSenderTests {
    /// `count` confirmed WIFI subscribers `s1@school.test` …; every second one also follows M365.
    func subscribe(_ gateway: Gateway, count: Int, services: [String] = ["WIFI"]) throws {
        try gateway.store.transaction {
            for index in 1...count {
                let subscriber = try gateway.store.ensureSubscriber(address: "s\(index)@school.test", language: index == 1 ? "en" : "nl")
                let codes = index % 2 == 0 ? services + ["M365"] : services
                _ = try gateway.store.confirmSubscriptionRequest(id: try gateway.store.requestSubscription(subscriberID: subscriber.id, services: codes))
            }
        }
    }

    func create(_ gateway: Gateway, services: [String] = ["WIFI"], text: String = "De wifi is uitgevallen.") throws
        -> (notice: NoticeRecord, message: NoticeMessageRecord, recipients: Int) {
        try gateway.store.transaction {
            try gateway.createNotice(type: .outage, services: services, subject: "Wifi valt uit", startsAt: nil, endsAt: nil,
                                     text: text, author: "cli", publish: true)
        }
    }

    @Test("R-OUT-1 R-OUT-2 R-OUT-3 a copy carries List-Id, List-Unsubscribe (mailto and https), List-Unsubscribe-Post, Auto-Submitted and Precedence; its text is the agent's")
    func headers() throws {
        let gateway = try makeStatusGateway { $0.unsubscribeURL = "https://status.cloudwise.test/afmelden" }
        try subscribe(gateway, count: 2)
        let created = try create(gateway, services: ["WIFI", "M365"])
        #expect(created.recipients == 2, "the subscriber of WIFI and M365 is one recipient")
        let sink = RecordingSink()
        let report = try gateway.sendNotices(sink)
        #expect(report.sent == 2 && report.pending == 0)
        #expect(sink.sent.map(\.to) == [["s1@school.test"], ["s2@school.test"]], "one RCPT per copy")
        #expect(sink.sent.allSatisfy { $0.from == "info@cloudwise.test" }, "bounces come back to the desk")
        let raw = sink.sent[1].raw
        let subscriber = try #require(try gateway.store.subscriber(address: "s2@school.test"))
        let token = StatusToken.unsubscribe(subscriber: subscriber.id).detail(boundTo: subscriber.address, secret: gateway.replySecret)
        #expect(raw.contains("List-Unsubscribe: <mailto:status+\(token)@cloudwise.test?subject=unsubscribe>,\r\n <https://status.cloudwise.test/afmelden/\(token)>\r\n"))
        #expect(raw.contains("\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"))
        #expect(raw.contains("\r\nList-Id: <cloudwise-status.cloudwise.test>\r\n"))
        #expect(raw.contains("\r\nAuto-Submitted: auto-generated\r\n") && raw.contains("\r\nPrecedence: bulk\r\n"))
        #expect(raw.contains("\r\nSubject: [NTC0000001] Wifi valt uit\r\n"))
        #expect(raw.contains("\r\nMessage-ID: \(created.message.messageID)\r\n"))
        #expect(unfolded(raw).contains("Storing: Wifi, Microsoft 365") && unfolded(raw).contains("De wifi is uitgevallen."))
        #expect(!sink.sent[0].raw.contains(token), "each copy has its own token")
        #expect(unfolded(sink.sent[0].raw).contains("Outage: Wifi, Microsoft 365"), "the frame in the subscriber's language")
        #expect(try gateway.store.noticeMessage(id: created.message.id)?.state == "queued")

        // Without an https base: only the mailto, and no List-Unsubscribe-Post (RFC 8058 §3.1).
        let plain = try makeStatusGateway()
        try subscribe(plain, count: 1)
        _ = try create(plain)
        let plainSink = RecordingSink()
        _ = try plain.sendNotices(plainSink)
        #expect(plainSink.sent[0].raw.contains("?subject=unsubscribe>\r\n"))
        #expect(!plainSink.sent[0].raw.contains("List-Unsubscribe-Post"))
    }

    @Test("R-OUT-2 updates and the closing notice thread with the first: same subject, In-Reply-To its Message-ID")
    func threading() throws {
        let gateway = try makeStatusGateway()
        try subscribe(gateway, count: 1)
        let created = try create(gateway)
        _ = try gateway.sendNotices(RecordingSink())
        let update = try gateway.store.transaction {
            try gateway.addNoticeMessage(to: created.notice, kind: .update, text: "Nog bezig.", author: "cli", publish: true)
        }
        let resolved = try gateway.store.transaction {
            try gateway.addNoticeMessage(to: created.notice, kind: .resolved, text: "", author: "cli", publish: true)
        }
        let sink = RecordingSink()
        _ = try gateway.sendNotices(sink)
        #expect(sink.sent.count == 2)
        for copy in sink.sent {
            #expect(copy.raw.contains("\r\nSubject: [NTC0000001] Wifi valt uit\r\n"))
            #expect(copy.raw.contains("\r\nIn-Reply-To: \(created.message.messageID)\r\n"))
        }
        #expect(unfolded(sink.sent[1].raw).contains("References: \(created.message.messageID) \(update.message.messageID)"))
        // The subscriber reads English: the frame and the default closing text are English.
        #expect(unfolded(sink.sent[1].raw).contains("Resolved - outage: Wifi"))
        #expect(unfolded(sink.sent[1].raw).contains("The outage has been resolved."))
        #expect(unfolded(sink.sent[1].raw).contains("This is the last notice about NTC0000001."))
        #expect(try gateway.store.notice(id: created.notice.id)?.status == .resolved)
        #expect(resolved.recipients == 1)
    }

    @Test("R-OUT-2 a 5xx at RCPT fails the copy and counts a bounce; a 4xx defers it; a lost server stops the run and the next run sends only what is left")
    func failures() throws {
        let gateway = try makeStatusGateway { $0.bounceLimit = 1 }
        try subscribe(gateway, count: 5)
        _ = try create(gateway)
        let sink = RecordingSink()
        sink.failures = [
            TransportError(kind: .reply, message: "RCPT failed", replyCode: 550, enhancedStatus: "5.1.1", command: "RCPT"),
            TransportError(kind: .reply, message: "RCPT failed", replyCode: 450, command: "RCPT"),
            TransportError(kind: .connect, message: "connection refused", curlCode: 7),
        ]
        let first = try gateway.sendNotices(sink)
        #expect(first.failed == 1 && first.deferred == 2 && first.sent == 0 && first.stoppedBy != nil)
        #expect(first.pending == 4)
        #expect(try gateway.store.subscriber(address: "s1@school.test")?.bounces == 1)
        #expect(try gateway.store.bounceCounts().first?.address == "s1@school.test")
        let second = try gateway.sendNotices(sink)
        #expect(second.sent == 2, "s4 and s5 now; s2 and s3 wait for their retry time")
        #expect(Set(sink.sent.flatMap(\.to)) == ["s4@school.test", "s5@school.test"])
        // The next notice skips the bouncing address.
        let next = try create(gateway)
        #expect(next.recipients == 4)
        #expect(try gateway.store.deliveryCounts(noticeID: next.notice.id) == ["pending": 4, "skipped": 1])
    }

    @Test("R-OUT-2 a copy handed to the server before a crash is not sent again; one unsubscribed since queueing is skipped")
    func resume() throws {
        let gateway = try makeStatusGateway()
        try subscribe(gateway, count: 3)
        _ = try create(gateway)
        let items = try gateway.store.pendingDeliveries()
        try gateway.store.markDeliveryHandedOver(id: items[0].id)
        _ = try gateway.store.unsubscribe(subscriberID: items[1].subscriberID)
        let sink = RecordingSink()
        let report = try gateway.sendNotices(sink)
        #expect(report.interrupted == 1 && report.skipped == 1 && report.sent == 1)
        #expect(sink.sent.map(\.to) == [["s3@school.test"]])
        #expect(try gateway.sendNotices(sink).sent == 0, "nothing is sent twice")
    }

    @Test("R-OUT-2 one sender at a time: a second one finds the lock taken and sends nothing")
    func lock() throws {
        let gateway = try makeStatusGateway()
        try subscribe(gateway, count: 1)
        _ = try create(gateway)
        let held = try #require(NoticeSendLock(path: gateway.config.database + ".notices.lock"))
        let report = try gateway.sendNotices(RecordingSink())
        #expect(report.busy && report.sent == 0 && report.pending == 1)
        held.release()
        #expect(try gateway.sendNotices(RecordingSink()).sent == 1)
    }

    @Test("R-OUT-2 DAPGATE_NOTICE_RATE paces the copies")
    func rate() throws {
        let gateway = try makeStatusGateway { $0.noticeRate = 20 }
        try subscribe(gateway, count: 5)
        _ = try create(gateway)
        let start = Date()
        #expect(try gateway.sendNotices(RecordingSink()).sent == 5)
        #expect(Date().timeIntervalSince(start) >= 0.19, "5 copies at 20 per second take at least 4 intervals")
    }

    @Test("R-OUT-1 notices need the status address: their unsubscribe address is on it")
    func needsStatusAddress() throws {
        let gateway = try makeStatusGateway { $0.statusAddress = nil }
        #expect(throws: ConfigError.self) { try self.create(gateway) }
        #expect(throws: ConfigError.self) { try gateway.sendNotices(RecordingSink()) }
    }

    @Test("R-OUT-1 the one-click URL takes the token at {token}, after / or =, or as the last path segment")
    func oneClick() {
        #expect(NoticeCopy.oneClickURL(base: "https://s.test/u", token: "unsub-1-x") == "https://s.test/u/unsub-1-x")
        #expect(NoticeCopy.oneClickURL(base: "https://s.test/u/", token: "unsub-1-x") == "https://s.test/u/unsub-1-x")
        #expect(NoticeCopy.oneClickURL(base: "https://s.test/u?t=", token: "unsub-1-x") == "https://s.test/u?t=unsub-1-x")
        #expect(NoticeCopy.oneClickURL(base: "https://s.test/{token}/go", token: "unsub-1-x") == "https://s.test/unsub-1-x/go")
    }
}
