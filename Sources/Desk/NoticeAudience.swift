/// Who gets one notice (DAP R-OUT-2): every active subscriber of any of the notice's services, once, however
/// many of those services they follow; an address that bounced too often is skipped and not mailed again
/// until it proves itself (a new confirmed subscription).
public enum NoticeAudience {
    /// One subscription as the store holds it.
    public struct Subscription: Sendable, Equatable {
        public var subscriberID: Int64
        public var address: String
        public var service: String
        /// Only active (confirmed) subscriptions count (R-OUT-1: double opt-in).
        public var isActive: Bool
        /// Hard bounces recorded for the address since it last confirmed.
        public var bounces: Int

        public init(subscriberID: Int64, address: String, service: String, isActive: Bool, bounces: Int) {
            self.subscriberID = subscriberID
            self.address = address
            self.service = service
            self.isActive = isActive
            self.bounces = bounces
        }
    }

    public struct Recipient: Sendable, Equatable {
        public var subscriberID: Int64
        public var address: String
        /// Skipped, not mailed: the address reached the bounce limit.
        public var skipped: Bool

        public init(subscriberID: Int64, address: String, skipped: Bool) {
            self.subscriberID = subscriberID
            self.address = address
            self.skipped = skipped
        }
    }

    /// The recipients of a notice about `services`, each address once, in the order of `subscriptions`.
    /// - Parameters:
    ///   - bounceLimit: an address with this many hard bounces or more is skipped; 0 never skips.
    public static func recipients(of subscriptions: [Subscription], services: Set<String>, bounceLimit: Int)
        -> [Recipient] {
        var seen = Set<String>()
        var result: [Recipient] = []
        for subscription in subscriptions where subscription.isActive && services.contains(subscription.service.uppercased()) {
            let address = subscription.address.lowercased()
            guard seen.insert(address).inserted else { continue }
            result.append(Recipient(subscriberID: subscription.subscriberID, address: address,
                                    skipped: isBouncing(bounces: subscription.bounces, limit: bounceLimit)))
        }
        return result
    }

    /// Whether an address with `bounces` hard bounces is no longer mailed.
    public static func isBouncing(bounces: Int, limit: Int) -> Bool {
        limit > 0 && bounces >= limit
    }
}
