import Desk

/// An address that asked for notices (DAP R-OUT-1), as stored.
public struct SubscriberRecord: Sendable, Equatable {
    public var id: Int64
    public var address: String
    public var language: String
    /// Hard bounces since the address last confirmed a subscription.
    public var bounces: Int
    public var lastBounce: String?
    public var lastBounceAt: String?
    public var createdAt: String
}

/// One service of one subscriber.
public struct SubscriptionRecord: Sendable, Equatable {
    public var service: String
    /// `pending`, `active` or `unsubscribed`.
    public var state: String
    public var requestedAt: String
    public var confirmedAt: String?
}

/// A subscribe mail awaiting confirmation (double opt-in).
public struct SubscriptionRequestRecord: Sendable, Equatable {
    public var id: Int64
    public var subscriberID: Int64
    public var services: [String]
    public var createdAt: String
    public var confirmedAt: String?
}

/// A subscriber with all their subscriptions, for `dapgate subscribers list`.
public struct SubscriberListing: Sendable, Equatable {
    public var subscriber: SubscriberRecord
    public var subscriptions: [SubscriptionRecord]
}

/// What a new notice is (DAP R-OUT-2).
public struct NewNotice: Sendable {
    public var type: NoticeType
    public var services: [String]
    public var subject: String
    public var startsAt: String?
    public var endsAt: String?
    public var status: NoticeStatus
    /// The agent (address) or operator (`cli`) who wrote it.
    public var author: String

    public init(type: NoticeType, services: [String], subject: String, startsAt: String? = nil, endsAt: String? = nil,
                status: NoticeStatus, author: String) {
        self.type = type
        self.services = services
        self.subject = subject
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.status = status
        self.author = author
    }
}

/// A notice as stored.
public struct NoticeRecord: Sendable, Equatable {
    public var id: Int64
    public var number: NoticeNumber
    public var type: NoticeType
    /// Service codes.
    public var services: [String]
    public var subject: String
    public var startsAt: String?
    public var endsAt: String?
    public var status: NoticeStatus
    public var author: String
    public var createdAt: String
    public var updatedAt: String
    public var resolvedAt: String?
}

/// One mail of a notice (the announcement, an update, the closing notice).
public struct NoticeMessageRecord: Sendable, Equatable {
    public var id: Int64
    public var noticeID: Int64
    public var kind: NoticeMessageKind
    /// `draft`, `queued` or `cancelled`.
    public var state: String
    public var text: String
    public var messageID: String
    public var author: String
    public var createdAt: String
    public var queuedAt: String?
}

/// A delivery the sender works on, with what it needs to decide and to render the copy.
public struct NoticeDeliveryItem: Sendable, Equatable {
    public var id: Int64
    public var noticeID: Int64
    public var noticeMessageID: Int64
    public var subscriberID: Int64
    public var address: String
    public var attempts: Int
    public var language: String
    public var bounces: Int
    /// The services the subscriber follows now (active), to skip one who unsubscribed after the notice was queued.
    public var activeServices: Set<String>
}
