import Desk
import Testing

@Suite("Status address tokens")
struct StatusTokenTests {
    let secret = Array("desk-secret-for-tests-0123456789".utf8)
    let status = "status@cloudwise.test"

    @Test("R-OUT-1 a confirmation token is bound to the subscriber's address: it verifies for that sender only")
    func confirm() throws {
        let token = StatusToken.confirm(request: 42)
        let address = token.address(status: status, boundTo: "Jan@School.test", secret: secret)
        #expect(address.hasPrefix("status+sub-42-") && address.hasSuffix("@cloudwise.test"))
        let (claimed, mac) = try #require(StatusToken.claim(recipientAddress: address.uppercased(), statusAddress: status))
        #expect(claimed == token)
        #expect(claimed.verify(mac: mac, boundTo: "jan@school.test", secret: secret))
        #expect(!claimed.verify(mac: mac, boundTo: "piet@school.test", secret: secret), "a forwarded token is no proof")
        #expect(!StatusToken.confirm(request: 43).verify(mac: mac, boundTo: "jan@school.test", secret: secret))
        #expect(!StatusToken.unsubscribe(subscriber: 42).verify(mac: mac, boundTo: "jan@school.test", secret: secret),
                "the kind is part of the mac")
        #expect(!claimed.verify(mac: mac, boundTo: "jan@school.test", secret: Array("another-secret".utf8)))
    }

    @Test("R-OUT-1 an unsubscribe token names its subscriber; every kind has its own detail", arguments: [
        (StatusToken.confirm(request: 7), "sub"), (.unsubscribe(subscriber: 7), "unsub"),
        (.approve(noticeMessage: 7), "ok"), (.notice(id: 7), "ntc"),
    ])
    func kinds(token: StatusToken, kind: String) throws {
        let address = token.address(status: status, boundTo: "jan@school.test", secret: secret)
        #expect(address.hasPrefix("status+\(kind)-7-"))
        let (claimed, mac) = try #require(StatusToken.claim(recipientAddress: address, statusAddress: status))
        #expect(claimed == token)
        #expect(claimed.verify(mac: mac, boundTo: "jan@school.test", secret: secret))
    }

    @Test("Only the status address's own details are tokens", arguments: [
        "status@cloudwise.test", "status+hello@cloudwise.test", "status+sub-1-short@cloudwise.test",
        "info+sub-1-abcdefghijklmnop@cloudwise.test", "status+sub-1-abcdefghijklmnop@elsewhere.test",
        "status+sub-x-abcdefghijklmnop@cloudwise.test", "status+what-1-abcdefghijklmnop@cloudwise.test",
        "status+sub-0-abcdefghijklmnop@cloudwise.test",
    ])
    func notTokens(address: String) {
        #expect(StatusToken.claim(recipientAddress: address, statusAddress: status) == nil)
    }

    @Test("The status address with or without a detail is the status address; others are not")
    func statusAddress() {
        #expect(StatusToken.isStatusAddress("Status@Cloudwise.test", statusAddress: status))
        #expect(StatusToken.isStatusAddress("status+unsub-1-x@cloudwise.test", statusAddress: status))
        #expect(!StatusToken.isStatusAddress("statusx@cloudwise.test", statusAddress: status))
        #expect(!StatusToken.isStatusAddress("status@cloudwise.nl", statusAddress: status))
        #expect(!StatusToken.isStatusAddress("info@cloudwise.test", statusAddress: status))
    }
}
