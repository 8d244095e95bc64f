import Desk
import Testing

@Suite("Notice audience")
struct NoticeAudienceTests {
    private func sub(_ id: Int64, _ address: String, _ service: String, active: Bool = true, bounces: Int = 0)
        -> NoticeAudience.Subscription {
        NoticeAudience.Subscription(subscriberID: id, address: address, service: service, isActive: active, bounces: bounces)
    }

    @Test("R-OUT-2 a subscriber of several affected services is one recipient; pending and other services count not")
    func oncePerAddress() {
        let recipients = NoticeAudience.recipients(of: [
            sub(1, "jan@school.test", "WIFI"), sub(1, "Jan@School.test", "M365"), sub(2, "piet@school.test", "M365"),
            sub(3, "kees@school.test", "WIFI", active: false), sub(4, "els@school.test", "PRINT"),
        ], services: ["WIFI", "M365"], bounceLimit: 3)
        #expect(recipients.map(\.address) == ["jan@school.test", "piet@school.test"])
        #expect(recipients.allSatisfy { !$0.skipped })
    }

    @Test("R-OUT-2 an address at the bounce limit is skipped, not mailed; a limit of 0 never skips")
    func bouncing() {
        let subscriptions = [sub(1, "a@school.test", "WIFI", bounces: 2), sub(2, "b@school.test", "WIFI", bounces: 3)]
        #expect(NoticeAudience.recipients(of: subscriptions, services: ["WIFI"], bounceLimit: 3).map(\.skipped) == [false, true])
        #expect(NoticeAudience.recipients(of: subscriptions, services: ["WIFI"], bounceLimit: 0).map(\.skipped) == [false, false])
        #expect(NoticeAudience.isBouncing(bounces: 1, limit: 1))
        #expect(!NoticeAudience.isBouncing(bounces: 0, limit: 1))
    }
}
