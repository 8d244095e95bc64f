import Foundation

/// Mail-loop protection for the desk's automatic mail (DAP R-AGENT-1, R-AGENT-5; RFC 3834 §2).
///
/// Agents act by replying to the desk's mail, and the desk answers mail automatically; two gateways, an
/// auto-responder that slips past `Auto-Submitted` detection, or a forwarding rule can make them answer each
/// other for ever. The guard is a sliding window: at most `maxPerRecipient` automatic mails to one address
/// and `maxPerCase` for one case within `window`. Pure: the gateway reads the timestamps of what it already
/// sent from its database and passes the clock in.
public struct LoopGuard: Sendable, Hashable {
    /// Automatic mails to one recipient within `window`.
    public var maxPerRecipient: Int
    /// Automatic mails about one case within `window`.
    public var maxPerCase: Int
    /// The window's length in seconds.
    public var window: TimeInterval

    /// Defaults: 5 per recipient and 10 per case per hour.
    public init(maxPerRecipient: Int = 5, maxPerCase: Int = 10, window: TimeInterval = 3600) {
        precondition(
            maxPerRecipient >= 0 && maxPerCase >= 0 && window > 0, "a loop guard needs limits >= 0 and a window > 0")
        self.maxPerRecipient = maxPerRecipient
        self.maxPerCase = maxPerCase
        self.window = window
    }

    /// The defaults.
    public static let standard = LoopGuard()

    /// Whether one more automatic mail may go out at `now`.
    ///
    /// A mail counts when it was sent in the last `window` seconds, `now - window < sent`. A timestamp after
    /// `now` (a clock that jumped back) counts too: when in doubt the guard holds mail back rather than loop.
    /// The recipient limit is checked first.
    /// - Parameters:
    ///   - sentToRecipient: when automatic mails were sent to this recipient (any case), in any order.
    ///   - sentForCase: when automatic mails were sent for this case (any recipient), in any order.
    public func allows(sentToRecipient: [Date], sentForCase: [Date], at now: Date) -> LoopDecision {
        if let until = blockedUntil(sentToRecipient, limit: maxPerRecipient, now: now) {
            let count = recent(sentToRecipient, now: now).count
            return .suppressed(
                .init(limit: .perRecipient, sent: count, maximum: maxPerRecipient, window: window, until: until))
        }
        if let until = blockedUntil(sentForCase, limit: maxPerCase, now: now) {
            let count = recent(sentForCase, now: now).count
            return .suppressed(.init(limit: .perCase, sent: count, maximum: maxPerCase, window: window, until: until))
        }
        return .allowed
    }

    private func recent(_ sent: [Date], now: Date) -> [Date] {
        let start = now.addingTimeInterval(-window)
        return sent.filter { $0 > start }
    }

    /// When the window will have room for one more mail, or nil when it has room now.
    private func blockedUntil(_ sent: [Date], limit: Int, now: Date) -> Date? {
        let counted = recent(sent, now: now).sorted()
        guard counted.count >= limit else { return nil }
        // One more may go once all but `limit - 1` of the counted mails have left the window: when the
        // (count - limit + 1)-th oldest is `window` old. With a limit of 0 nothing is ever allowed.
        guard limit > 0 else { return .distantFuture }
        return max(now, counted[counted.count - limit].addingTimeInterval(window))
    }
}

/// The loop guard's answer.
public enum LoopDecision: Sendable, Hashable {
    /// The mail may be sent.
    case allowed
    /// The mail is held back; the gateway records it on the case (never silently drops it) and does not send.
    case suppressed(LoopSuppression)

    public var isAllowed: Bool { self == .allowed }
}

/// Why and until when the loop guard holds automatic mail back.
public struct LoopSuppression: Sendable, Hashable, CustomStringConvertible {
    public enum Limit: String, Sendable, Hashable {
        case perRecipient = "recipient"
        case perCase = "case"
    }

    /// Which limit was reached.
    public let limit: Limit
    /// Mails counted in the window.
    public let sent: Int
    /// The limit that was reached.
    public let maximum: Int
    /// The window, in seconds.
    public let window: TimeInterval
    /// The first moment at which one more mail would be allowed (given no other mail is sent meanwhile).
    public let until: Date

    public init(limit: Limit, sent: Int, maximum: Int, window: TimeInterval, until: Date) {
        self.limit = limit
        self.sent = sent
        self.maximum = maximum
        self.window = window
        self.until = until
    }

    /// For the log and the case history: `loop guard: 5 automatic mails to this recipient in 3600 s (limit 5)`.
    public var description: String {
        let whom = limit == .perRecipient ? "to this recipient" : "for this case"
        return "loop guard: \(sent) automatic mails \(whom) in \(Int(window)) s (limit \(maximum))"
    }
}
