import Desk
import Foundation

/// Subscribers, notices and their deliveries (DAP R-OUT-1, R-OUT-2).
extension DeskStore {
    // MARK: - Subscribers

    private static let subscriberColumns = "id, address, language, bounces, last_bounce, last_bounce_at, created_at"

    private func subscriberRecord(_ row: Row) -> SubscriberRecord {
        SubscriberRecord(id: Int64(row.int(0) ?? 0), address: row.string(1) ?? "", language: row.string(2) ?? "nl",
                         bounces: row.int(3) ?? 0, lastBounce: row.string(4), lastBounceAt: row.string(5),
                         createdAt: row.string(6) ?? "")
    }

    public func subscriber(address: String) throws -> SubscriberRecord? {
        try db.first("SELECT \(Self.subscriberColumns) FROM subscribers WHERE address = ?",
                     [.text(address.lowercased())]).map(subscriberRecord)
    }

    public func subscriber(id: Int64) throws -> SubscriberRecord? {
        try db.first("SELECT \(Self.subscriberColumns) FROM subscribers WHERE id = ?", [.integer(id)])
            .map(subscriberRecord)
    }

    /// The subscriber for `address`, created when new; the language is kept from the latest mail.
    public func ensureSubscriber(address: String, language: String) throws -> SubscriberRecord {
        try db.run("""
            INSERT INTO subscribers (address, language, created_at) VALUES (?, ?, ?)
            ON CONFLICT (address) DO UPDATE SET language = excluded.language
            """, [.text(address.lowercased()), .text(language), .text(stamp)])
        guard let record = try subscriber(address: address) else {
            throw StoreError(code: 1, message: "subscriber was not stored")
        }
        return record
    }

    public func subscriptions(subscriberID: Int64) throws -> [SubscriptionRecord] {
        try db.query("""
            SELECT service, state, requested_at, confirmed_at FROM subscriptions WHERE subscriber_id = ? ORDER BY service
            """, [.integer(subscriberID)]).map {
            SubscriptionRecord(service: $0.string(0) ?? "", state: $0.string(1) ?? "", requestedAt: $0.string(2) ?? "",
                               confirmedAt: $0.string(3))
        }
    }

    /// DAP R-OUT-1: records a subscribe mail: the services not active yet become pending, and a request names
    /// them for the confirmation token. Returns the request's id.
    public func requestSubscription(subscriberID: Int64, services: [String]) throws -> Int64 {
        let at = stamp
        for service in services {
            try db.run("""
                INSERT INTO subscriptions (subscriber_id, service, state, requested_at) VALUES (?, ?, 'pending', ?)
                ON CONFLICT (subscriber_id, service) DO UPDATE SET state = 'pending', requested_at = excluded.requested_at,
                    unsubscribed_at = NULL WHERE subscriptions.state != 'active'
                """, [.integer(subscriberID), .text(service.uppercased()), .text(at)])
        }
        try db.run("INSERT INTO subscription_requests (subscriber_id, services, created_at) VALUES (?, ?, ?)",
                   [.integer(subscriberID), .text(services.map { $0.uppercased() }.joined(separator: " ")), .text(at)])
        return db.lastInsertRowID
    }

    public func subscriptionRequest(id: Int64) throws -> SubscriptionRequestRecord? {
        try db.first("SELECT id, subscriber_id, services, created_at, confirmed_at FROM subscription_requests WHERE id = ?",
                     [.integer(id)]).map {
            SubscriptionRequestRecord(id: Int64($0.int(0) ?? 0), subscriberID: Int64($0.int(1) ?? 0),
                                      services: ($0.string(2) ?? "").split(separator: " ").map(String.init),
                                      createdAt: $0.string(3) ?? "", confirmedAt: $0.string(4))
        }
    }

    /// DAP R-OUT-1: the confirmation from the address: the request's services that are still pending become
    /// active, and the address's bounce count starts again (it just proved it receives mail). Returns the
    /// services activated now.
    public func confirmSubscriptionRequest(id: Int64) throws -> [String] {
        guard let request = try subscriptionRequest(id: id) else { return [] }
        let at = stamp
        var activated: [String] = []
        for service in request.services {
            let changed = try db.run("""
                UPDATE subscriptions SET state = 'active', confirmed_at = ?
                WHERE subscriber_id = ? AND service = ? AND state = 'pending'
                """, [.text(at), .integer(request.subscriberID), .text(service)])
            if changed > 0 { activated.append(service) }
        }
        try db.run("UPDATE subscription_requests SET confirmed_at = coalesce(confirmed_at, ?) WHERE id = ?",
                   [.text(at), .integer(id)])
        try db.run("UPDATE subscribers SET bounces = 0 WHERE id = ?", [.integer(request.subscriberID)])
        return activated
    }

    /// DAP R-OUT-1: unsubscribes from `services` (nil: from all); returns the services that were pending or active.
    public func unsubscribe(subscriberID: Int64, services: [String]? = nil) throws -> [String] {
        let current = try subscriptions(subscriberID: subscriberID).filter { $0.state != "unsubscribed" }
        let wanted = services.map { Set($0.map { $0.uppercased() }) }
        var changed: [String] = []
        for subscription in current where wanted?.contains(subscription.service) ?? true {
            try db.run("""
                UPDATE subscriptions SET state = 'unsubscribed', unsubscribed_at = ? WHERE subscriber_id = ? AND service = ?
                """, [.text(stamp), .integer(subscriberID), .text(subscription.service)])
            changed.append(subscription.service)
        }
        return changed
    }

    /// Every subscriber with their subscriptions; with `service`, only those with a subscription to it.
    public func subscriberListings(service: String? = nil) throws -> [SubscriberListing] {
        var byID: [Int64: SubscriberListing] = [:]
        var order: [Int64] = []
        for row in try db.query("SELECT \(Self.subscriberColumns) FROM subscribers ORDER BY address") {
            let record = subscriberRecord(row)
            byID[record.id] = SubscriberListing(subscriber: record, subscriptions: [])
            order.append(record.id)
        }
        for row in try db.query("""
            SELECT subscriber_id, service, state, requested_at, confirmed_at FROM subscriptions ORDER BY service
            """) {
            let id = Int64(row.int(0) ?? 0)
            byID[id]?.subscriptions.append(SubscriptionRecord(
                service: row.string(1) ?? "", state: row.string(2) ?? "", requestedAt: row.string(3) ?? "",
                confirmedAt: row.string(4)))
        }
        let wanted = service?.uppercased()
        return order.compactMap { byID[$0] }.filter { listing in
            wanted.map { w in listing.subscriptions.contains { $0.service == w } } ?? true
        }
    }

    /// A hard bounce for `address` (a 5xx at RCPT, or an RFC 3464 report with `Action: failed`).
    /// Returns the address's bounce count, or nil when it is no subscriber.
    @discardableResult
    public func recordSubscriberBounce(address: String, error: String) throws -> Int? {
        try db.run("UPDATE subscribers SET bounces = bounces + 1, last_bounce = ?, last_bounce_at = ? WHERE address = ?",
                   [.text(String(error.prefix(500))), .text(stamp), .text(address.lowercased())])
        return try subscriber(address: address)?.bounces
    }

    /// DAP R-OUT-2: the active subscriptions to any of `services`, with the subscriber's bounce count.
    public func audience(services: [String]) throws -> [NoticeAudience.Subscription] {
        var result: [NoticeAudience.Subscription] = []
        for service in Set(services.map { $0.uppercased() }).sorted() {
            result += try db.query("""
                SELECT s.id, s.address, x.service, s.bounces FROM subscriptions x JOIN subscribers s ON s.id = x.subscriber_id
                WHERE x.service = ? AND x.state = 'active' ORDER BY s.id
                """, [.text(service)]).map {
                NoticeAudience.Subscription(subscriberID: Int64($0.int(0) ?? 0), address: $0.string(1) ?? "",
                                            service: $0.string(2) ?? "", isActive: true, bounces: $0.int(3) ?? 0)
            }
        }
        return result.sorted { $0.subscriberID < $1.subscriberID }
    }

    // MARK: - Notices

    private static let noticeColumns = """
        id, number, type, services, subject, starts_at, ends_at, status, author, created_at, updated_at, resolved_at
        """

    private func noticeRecord(_ row: Row) -> NoticeRecord? {
        guard let id = row.int(0), let number = row.string(1).flatMap({ NoticeNumber($0) }) else { return nil }
        return NoticeRecord(
            id: Int64(id), number: number, type: NoticeType(rawValue: row.string(2) ?? "") ?? .outage,
            services: (row.string(3) ?? "").split(separator: " ").map(String.init), subject: row.string(4) ?? "",
            startsAt: row.string(5), endsAt: row.string(6),
            status: NoticeStatus(rawValue: row.string(7) ?? "") ?? .open, author: row.string(8) ?? "",
            createdAt: row.string(9) ?? "", updatedAt: row.string(10) ?? "", resolvedAt: row.string(11))
    }

    /// Opens a notice with the next number. Call inside a transaction (the number and the notice commit together).
    public func openNotice(_ new: NewNotice) throws -> NoticeRecord {
        precondition(db.isInTransaction, "openNotice must run inside a transaction")
        try db.run("UPDATE notice_sequence SET last = last + 1 WHERE id = 1")
        guard let last = try db.first("SELECT last FROM notice_sequence WHERE id = 1")?.int(0) else {
            throw StoreError(code: 1, message: "notice_sequence is missing")
        }
        let number = NoticeNumber(last)
        let at = stamp
        try db.run("""
            INSERT INTO notices (number, type, services, subject, starts_at, ends_at, status, author, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [.text(number.description), .text(new.type.rawValue),
                  .text(new.services.map { $0.uppercased() }.joined(separator: " ")), .text(new.subject),
                  SQLValue(new.startsAt), SQLValue(new.endsAt), .text(new.status.rawValue), .text(new.author),
                  .text(at), .text(at)])
        guard let record = try notice(id: db.lastInsertRowID) else { throw StoreError(code: 1, message: "notice lost") }
        return record
    }

    public func notice(id: Int64) throws -> NoticeRecord? {
        try db.first("SELECT \(Self.noticeColumns) FROM notices WHERE id = ?", [.integer(id)]).flatMap(noticeRecord)
    }

    public func notice(number: NoticeNumber) throws -> NoticeRecord? {
        try db.first("SELECT \(Self.noticeColumns) FROM notices WHERE number = ?", [.text(number.description)])
            .flatMap(noticeRecord)
    }

    public func notices() throws -> [NoticeRecord] {
        try db.query("SELECT \(Self.noticeColumns) FROM notices ORDER BY id").compactMap(noticeRecord)
    }

    public func setNotice(id: Int64, status: NoticeStatus) throws {
        try db.run("""
            UPDATE notices SET status = ?, updated_at = ?,
                resolved_at = CASE WHEN ? = 'resolved' THEN coalesce(resolved_at, ?) ELSE resolved_at END
            WHERE id = ?
            """, [.text(status.rawValue), .text(stamp), .text(status.rawValue), .text(stamp), .integer(id)])
    }

    private static let messageColumns = "id, notice_id, kind, state, text, message_id, author, created_at, queued_at"

    private func noticeMessageRecord(_ row: Row) -> NoticeMessageRecord {
        NoticeMessageRecord(
            id: Int64(row.int(0) ?? 0), noticeID: Int64(row.int(1) ?? 0),
            kind: NoticeMessageKind(rawValue: row.string(2) ?? "") ?? .update, state: row.string(3) ?? "",
            text: row.string(4) ?? "", messageID: row.string(5) ?? "", author: row.string(6) ?? "",
            createdAt: row.string(7) ?? "", queuedAt: row.string(8))
    }

    public func addNoticeMessage(noticeID: Int64, kind: NoticeMessageKind, state: String, text: String,
                                 messageID: String, author: String) throws -> NoticeMessageRecord {
        try db.run("""
            INSERT INTO notice_messages (notice_id, kind, state, text, message_id, author, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, [.integer(noticeID), .text(kind.rawValue), .text(state), .text(text), .text(messageID), .text(author),
                  .text(stamp)])
        try db.run("UPDATE notices SET updated_at = ? WHERE id = ?", [.text(stamp), .integer(noticeID)])
        guard let record = try noticeMessage(id: db.lastInsertRowID) else {
            throw StoreError(code: 1, message: "notice message lost")
        }
        return record
    }

    public func noticeMessage(id: Int64) throws -> NoticeMessageRecord? {
        try db.first("SELECT \(Self.messageColumns) FROM notice_messages WHERE id = ?", [.integer(id)])
            .map(noticeMessageRecord)
    }

    /// The notice message with this Message-ID (a bounce names the message it returns).
    public func noticeMessage(messageID: String) throws -> NoticeMessageRecord? {
        try db.first("SELECT \(Self.messageColumns) FROM notice_messages WHERE message_id = ?", [.text(messageID)])
            .map(noticeMessageRecord)
    }

    public func noticeMessages(noticeID: Int64) throws -> [NoticeMessageRecord] {
        try db.query("SELECT \(Self.messageColumns) FROM notice_messages WHERE notice_id = ? ORDER BY id",
                     [.integer(noticeID)]).map(noticeMessageRecord)
    }

    public func setNoticeMessage(id: Int64, state: String) throws {
        try db.run("UPDATE notice_messages SET state = ? WHERE id = ?", [.text(state), .integer(id)])
    }

    // MARK: - Deliveries

    /// DAP R-OUT-2: queues one notice message for its recipients, each address once (a second call adds
    /// nobody twice); a bouncing address is recorded as skipped. Call in the transaction that queues the message.
    public func queueDeliveries(message: NoticeMessageRecord, recipients: [NoticeAudience.Recipient]) throws {
        let at = stamp
        for recipient in recipients {
            try db.run("""
                INSERT OR IGNORE INTO notice_deliveries (notice_id, notice_message_id, subscriber_id, address, state,
                                                         next_attempt_at, last_error)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, [.integer(message.noticeID), .integer(message.id), .integer(recipient.subscriberID),
                      .text(recipient.address), .text(recipient.skipped ? "skipped" : "pending"), .text(at),
                      recipient.skipped ? .text("bouncing: over the bounce limit") : .null])
        }
        try db.run("UPDATE notice_messages SET state = 'queued', queued_at = ? WHERE id = ?",
                   [.text(at), .integer(message.id)])
    }

    /// Deliveries due now, oldest first, with the subscriber's language, bounces and active services.
    public func pendingDeliveries(limit: Int = 500) throws -> [NoticeDeliveryItem] {
        try db.query("""
            SELECT d.id, d.notice_id, d.notice_message_id, d.subscriber_id, d.address, d.attempts, s.language, s.bounces,
                   (SELECT group_concat(x.service, ' ') FROM subscriptions x
                    WHERE x.subscriber_id = d.subscriber_id AND x.state = 'active')
            FROM notice_deliveries d JOIN subscribers s ON s.id = d.subscriber_id
            WHERE d.state = 'pending' AND d.next_attempt_at <= ? ORDER BY d.next_attempt_at, d.id LIMIT ?
            """, [.text(stamp), .integer(Int64(limit))]).map {
            NoticeDeliveryItem(
                id: Int64($0.int(0) ?? 0), noticeID: Int64($0.int(1) ?? 0), noticeMessageID: Int64($0.int(2) ?? 0),
                subscriberID: Int64($0.int(3) ?? 0), address: $0.string(4) ?? "", attempts: $0.int(5) ?? 0,
                language: $0.string(6) ?? "nl", bounces: $0.int(7) ?? 0,
                activeServices: Set(($0.string(8) ?? "").split(separator: " ").map(String.init)))
        }
    }

    /// Records that the SMTP client took the copy's last byte: from here on it is never sent again (one write).
    public func markDeliveryHandedOver(id: Int64) throws {
        try db.run("UPDATE notice_deliveries SET handed_over_at = ? WHERE id = ? AND state = 'pending'",
                   [.text(stamp), .integer(id)])
    }

    /// Copies a sender handed over but never heard the 250 for (it was killed in between): the server may have
    /// queued them, so they count as sent and are not sent again. Returns how many.
    public func settleInterruptedDeliveries() throws -> Int {
        try db.run("""
            UPDATE notice_deliveries SET state = 'sent', attempts = attempts + 1, sent_at = handed_over_at,
                last_error = 'interrupted after the copy was handed to the server: counted as sent, not sent again'
            WHERE state = 'pending' AND handed_over_at IS NOT NULL
            """)
    }

    /// Marks a delivery sent: one statement, one SQLite write, right after the server's 250.
    public func markDeliverySent(id: Int64) throws {
        try db.run("UPDATE notice_deliveries SET state = 'sent', attempts = attempts + 1, sent_at = ?, last_error = NULL WHERE id = ?",
                   [.text(stamp), .integer(id)])
    }

    /// A failed attempt: `permanent` ends the delivery as failed, otherwise it is tried again at `retryAt`.
    public func markDeliveryFailed(id: Int64, error: String, permanent: Bool, retryAt: Date) throws {
        try db.run("""
            UPDATE notice_deliveries SET state = ?, attempts = attempts + 1, last_error = ?, next_attempt_at = ?,
                handed_over_at = NULL WHERE id = ?
            """, [.text(permanent ? "failed" : "pending"), .text(String(error.prefix(500))),
                  .text(Timestamp.string(retryAt)), .integer(id)])
    }

    public func markDeliverySkipped(id: Int64, reason: String) throws {
        try db.run("UPDATE notice_deliveries SET state = 'skipped', last_error = ? WHERE id = ?",
                   [.text(reason), .integer(id)])
    }

    /// A delivery that a bounce report names: the copy of `noticeMessageID` for `address`.
    public func markDeliveryBounced(noticeMessageID: Int64, address: String, error: String) throws -> Bool {
        try db.run("""
            UPDATE notice_deliveries SET state = 'failed', last_error = ? WHERE notice_message_id = ? AND address = ?
            """, [.text(String(error.prefix(500))), .integer(noticeMessageID), .text(address.lowercased())]) > 0
    }

    /// Deliveries per state for one notice (all its messages).
    public func deliveryCounts(noticeID: Int64) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for row in try db.query("SELECT state, count(*) FROM notice_deliveries WHERE notice_id = ? GROUP BY state",
                                [.integer(noticeID)]) {
            counts[row.string(0) ?? ""] = row.int(1) ?? 0
        }
        return counts
    }

    /// Deliveries still pending, due now or later.
    public func pendingDeliveryCount() throws -> Int {
        try db.first("SELECT count(*) FROM notice_deliveries WHERE state = 'pending'")?.int(0) ?? 0
    }
}
