import Desk
import Foundation
import Store
import Testing

private func temporaryPath() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("notices-\(UUID().uuidString).sqlite").path
}

@Suite("DeskStore: subscribers and notices")
struct DeskStoreNoticesTests {
    let store: DeskStore

    init() throws {
        store = try DeskStore(path: temporaryPath(), now: { Date(timeIntervalSince1970: 1_796_000_000) })
    }

    @Test("Migrating a version 4 database to version 5 keeps its data and adds the notice tables")
    func fromVersion4() throws {
        let path = temporaryPath()
        let db = try Database(path: path)
        try Migrator.migrate(db, Schema.migrations.filter { $0.version <= 4 })
        try db.run("INSERT INTO agents (email, name) VALUES ('agent1@cloudwise.test', 'Anouk')")
        #expect(try Migrator.migrate(db) == [5, 6])
        #expect(try db.first("SELECT count(*) FROM agents")?.int(0) == 1)
        for table in ["subscribers", "subscriptions", "subscription_requests", "notices", "notice_messages", "notice_deliveries"] {
            #expect(try db.first("SELECT count(*) FROM \(table)")?.int(0) == 0, "\(table)")
        }
    }

    @Test("R-OUT-1 a subscription is pending until its request is confirmed; a new request does not undo an active one")
    func doubleOptIn() throws {
        let jan = try store.ensureSubscriber(address: "Jan@School.test", language: "nl")
        #expect(jan.address == "jan@school.test")
        let first = try store.requestSubscription(subscriberID: jan.id, services: ["wifi", "M365"])
        #expect(try store.subscriptions(subscriberID: jan.id).map(\.state) == ["pending", "pending"])
        #expect(try store.confirmSubscriptionRequest(id: first) == ["WIFI", "M365"])
        #expect(try store.confirmSubscriptionRequest(id: first).isEmpty, "a second confirmation changes nothing")
        let second = try store.requestSubscription(subscriberID: jan.id, services: ["WIFI", "MAG"])
        #expect(try store.subscriptions(subscriberID: jan.id).map { "\($0.service)=\($0.state)" }
                == ["M365=active", "MAG=pending", "WIFI=active"])
        #expect(try store.subscriptionRequest(id: second)?.services == ["WIFI", "MAG"])
        #expect(try store.unsubscribe(subscriberID: jan.id, services: ["wifi"]) == ["WIFI"])
        #expect(try store.unsubscribe(subscriberID: jan.id).sorted() == ["M365", "MAG"])
        #expect(try store.confirmSubscriptionRequest(id: second).isEmpty, "an old confirmation does not undo an unsubscribe")
        #expect(try store.audience(services: ["WIFI", "M365", "MAG"]).isEmpty)
    }

    @Test("R-OUT-2 a confirmation starts the bounce count again; the listing shows every subscription")
    func bounces() throws {
        let jan = try store.ensureSubscriber(address: "jan@school.test", language: "en")
        let request = try store.requestSubscription(subscriberID: jan.id, services: ["WIFI"])
        #expect(try store.recordSubscriberBounce(address: "JAN@school.test", error: "550 5.1.1") == 1)
        #expect(try store.recordSubscriberBounce(address: "nobody@school.test", error: "550") == nil)
        _ = try store.confirmSubscriptionRequest(id: request)
        #expect(try store.subscriber(address: "jan@school.test")?.bounces == 0)
        let listing = try #require(try store.subscriberListings(service: "wifi").first)
        #expect(listing.subscriber.language == "en")
        #expect(listing.subscriptions.map(\.state) == ["active"])
        #expect(try store.subscriberListings(service: "M365").isEmpty)
    }

    @Test("R-OUT-2 notices are numbered NTC0000001…; each message is queued once per address; states are counted")
    func deliveries() throws {
        let jan = try store.ensureSubscriber(address: "jan@school.test", language: "nl")
        _ = try store.confirmSubscriptionRequest(id: try store.requestSubscription(subscriberID: jan.id, services: ["WIFI", "M365"]))
        let (notice, message) = try store.transaction {
            let notice = try store.openNotice(NewNotice(type: .outage, services: ["wifi", "M365"], subject: "Wifi",
                                                        status: .draft, author: "cli"))
            let message = try store.addNoticeMessage(noticeID: notice.id, kind: .announcement, state: "draft", text: "Storing",
                                                     messageID: "<n1@cloudwise.test>", author: "cli")
            return (notice, message)
        }
        #expect(notice.number.description == "NTC0000001" && notice.services == ["WIFI", "M365"])
        let audience = try store.audience(services: notice.services)
        #expect(audience.count == 2, "one row per service")
        let recipients = NoticeAudience.recipients(of: audience, services: Set(notice.services), bounceLimit: 3)
        try store.queueDeliveries(message: message, recipients: recipients)
        try store.queueDeliveries(message: message, recipients: recipients)
        #expect(try store.deliveryCounts(noticeID: notice.id) == ["pending": 1])
        #expect(try store.noticeMessage(id: message.id)?.state == "queued")
        #expect(try store.noticeMessage(messageID: "<n1@cloudwise.test>")?.id == message.id)
        let item = try #require(try store.pendingDeliveries().first)
        #expect(item.address == "jan@school.test" && item.activeServices == ["WIFI", "M365"])

        // A copy handed over to the server and then a crash: counted as sent, never pending again.
        try store.markDeliveryHandedOver(id: item.id)
        #expect(try store.settleInterruptedDeliveries() == 1)
        #expect(try store.deliveryCounts(noticeID: notice.id) == ["sent": 1])
        #expect(try store.pendingDeliveries().isEmpty)

        let second = try store.transaction {
            try store.openNotice(NewNotice(type: .maintenance, services: ["WIFI"], subject: "Onderhoud", status: .open,
                                           author: "cli"))
        }
        #expect(second.number.description == "NTC0000002")
        try store.setNotice(id: notice.id, status: .resolved)
        #expect(try store.notice(number: notice.number)?.resolvedAt != nil)
        #expect(try store.notices().map(\.status) == [.resolved, .open])
    }

    @Test("R-OUT-2 a temporary failure waits for its retry time; a permanent one ends the copy as failed")
    func failures() throws {
        let jan = try store.ensureSubscriber(address: "jan@school.test", language: "nl")
        let piet = try store.ensureSubscriber(address: "piet@school.test", language: "nl")
        let message = try store.transaction {
            let notice = try store.openNotice(NewNotice(type: .outage, services: ["WIFI"], subject: "x", status: .open, author: "cli"))
            return try store.addNoticeMessage(noticeID: notice.id, kind: .announcement, state: "draft", text: "x",
                                              messageID: "<n2@cloudwise.test>", author: "cli")
        }
        try store.queueDeliveries(message: message, recipients: [
            .init(subscriberID: jan.id, address: jan.address, skipped: false),
            .init(subscriberID: piet.id, address: piet.address, skipped: true),
        ])
        #expect(try store.deliveryCounts(noticeID: message.noticeID) == ["pending": 1, "skipped": 1])
        let item = try #require(try store.pendingDeliveries().first)
        try store.markDeliveryHandedOver(id: item.id)
        try store.markDeliveryFailed(id: item.id, error: "451 4.3.0", permanent: false,
                                     retryAt: Date(timeIntervalSince1970: 1_796_000_600))
        #expect(try store.pendingDeliveries().isEmpty, "not before its retry time")
        #expect(try store.settleInterruptedDeliveries() == 0, "a failure clears the hand-over")
        #expect(try store.pendingDeliveryCount() == 1)
        try store.markDeliveryFailed(id: item.id, error: "550 5.1.1", permanent: true, retryAt: Date())
        #expect(try store.deliveryCounts(noticeID: message.noticeID) == ["failed": 1, "skipped": 1])
        #expect(try store.markDeliveryBounced(noticeMessageID: message.id, address: "JAN@school.test", error: "dsn"))
    }
}
