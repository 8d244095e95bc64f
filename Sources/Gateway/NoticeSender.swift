import Desk
import Foundation
import Mail
import Store
import Transport

/// What one run of the notice sender did.
public struct NoticeSendReport: Sendable, Equatable {
    public var sent = 0
    /// Hard failures (5xx): the address's bounce count went up.
    public var failed = 0
    /// Not mailed: the address unsubscribed since the notice was queued, or bounces too often.
    public var skipped = 0
    /// Temporary failures (4xx, connection): tried again later.
    public var deferred = 0
    /// Deliveries still pending after the run (deferred ones, or all when the run stopped).
    public var pending = 0
    /// Copies an earlier run handed to the server but was killed before the 250: counted as sent.
    public var interrupted = 0
    /// Why the run stopped before the queue was empty (the server went away), if it did.
    public var stoppedBy: String?
    /// Another process holds the sender's lock; this run sent nothing.
    public var busy = false
    public init() {}
}

/// Bulk sending of notices (DAP R-OUT-2): one SMTP session for the whole run (the gateway's `SMTPSender`
/// reuses its libcurl handle, MAILSTACK S6), one message and one RCPT per recipient (each copy has its own
/// unsubscribe token), at most `DAPGATE_NOTICE_RATE` messages per second.
///
/// Never twice: every copy has a `notice_deliveries` row, written when the notice was queued, and two writes
/// per copy, each one SQLite statement:
/// 1. `handed_over_at`, when libcurl takes the copy's last byte (only the end-of-data dot is left to send);
/// 2. `state = 'sent'`, right after the server's `250` to the end of DATA.
/// A crash (SIGKILL) or an SMTP outage leaves every copy not handed over pending, and the next run sends
/// exactly those. A copy handed over but without its 250 is *not* sent again: Postfix queues a message when it
/// has the dot and only then answers (RFC 5321 §4.1.1.4), so a crash in that wait (milliseconds: the
/// server's fsync) would otherwise give that subscriber a second copy (RFC 1047). The next run records it as
/// sent, with a note. What is left is the time libcurl needs to write the last bytes and the dot after write 1
/// (microseconds): a crash exactly there loses that one copy instead of doubling it. One sender at a time: an
/// exclusive `flock` on `<database>.notices.lock`, which the kernel releases when the process dies.
extension Gateway {
    /// Sends what the notice outbox holds until it is empty, the server goes away, or `shouldStop`.
    public func sendNotices(_ sink: MailSink) throws -> NoticeSendReport {
        var report = NoticeSendReport()
        // DAP R-OUT-1: every copy's List-Unsubscribe names the status address; without one it would name the desk.
        guard config.statusAddress != nil else {
            throw ConfigError("notices need DAPGATE_STATUS_ADDRESS (their unsubscribe address is on it)")
        }
        guard let lock = NoticeSendLock(path: config.database + ".notices.lock") else {
            report.busy = true
            report.pending = try store.pendingDeliveryCount()
            return report
        }
        defer { lock.release() }
        // Under the lock no other sender runs: a copy handed over but not confirmed was a killed run's.
        report.interrupted = try store.settleInterruptedDeliveries()
        if report.interrupted > 0 {
            log(.warning, "notice.interrupted", ["copies": "\(report.interrupted)",
                                                 "note": "handed to the server before a crash; counted as sent"])
        }
        let interval = config.noticeRate > 0 ? 1 / config.noticeRate : 0
        var nextSlot = Date()
        var notices: [Int64: NoticeRecord] = [:]
        var messages: [Int64: NoticeMessageRecord] = [:]
        var prepared: [String: NoticeCopy.Prepared] = [:]
        run: while !shouldStop() {
            let batch = try store.pendingDeliveries(limit: 500)
            if batch.isEmpty { break }
            for item in batch {
                if shouldStop() { break run }
                if messages[item.noticeMessageID] == nil { messages[item.noticeMessageID] = try store.noticeMessage(id: item.noticeMessageID) }
                if notices[item.noticeID] == nil { notices[item.noticeID] = try store.notice(id: item.noticeID) }
                guard let message = messages[item.noticeMessageID], let notice = notices[item.noticeID],
                      message.state == "queued", notice.status != .cancelled else {
                    try store.markDeliverySkipped(id: item.id, reason: "the notice message is not queued")
                    report.skipped += 1
                    continue
                }
                // DAP R-OUT-1: whoever unsubscribed after the notice was queued gets nothing.
                if item.activeServices.isDisjoint(with: notice.services) {
                    try store.markDeliverySkipped(id: item.id, reason: "unsubscribed")
                    report.skipped += 1
                    continue
                }
                if NoticeAudience.isBouncing(bounces: item.bounces, limit: config.bounceLimit) {
                    try store.markDeliverySkipped(id: item.id, reason: "bouncing: over the bounce limit")
                    report.skipped += 1
                    continue
                }
                let language = Language(rawValue: item.language) ?? .nl
                let key = "\(message.id)/\(language.rawValue)"
                if prepared[key] == nil { prepared[key] = try prepareNoticeCopy(notice: notice, message: message, language: language) }
                let bytes = renderNoticeCopy(prepared[key]!, to: item.address, subscriberID: item.subscriberID)
                if interval > 0 {
                    let wait = nextSlot.timeIntervalSinceNow
                    if wait > 0 { Thread.sleep(forTimeInterval: wait) }
                    nextSlot = max(nextSlot, Date().addingTimeInterval(-interval)).addingTimeInterval(interval)
                }
                var handOverFailed = false
                do {
                    try sink.send(mailFrom: desk.envelopeFrom, recipients: [item.address], message: bytes) {
                        // Write 1, from inside libcurl's read callback: the copy's last byte is taken.
                        do { try store.markDeliveryHandedOver(id: item.id) } catch { handOverFailed = true }
                    }
                } catch {
                    let transport = error as? TransportError
                    if transport?.isPermanent == true {
                        // A hard bounce at RCPT (or a 5xx refusing this message): counted against the address.
                        try store.transaction {
                            try store.markDeliveryFailed(id: item.id, error: "\(error)", permanent: true, retryAt: now())
                            try store.recordSubscriberBounce(address: item.address, error: "\(error)")
                            try store.recordBounce(address: item.address, status: transport?.enhancedStatus,
                                                   action: "failed", diagnostic: transport?.serverLine ?? "\(error)",
                                                   originalMessageID: message.messageID, caseID: nil, messageRow: nil)
                        }
                        report.failed += 1
                        log(.warning, "notice.failed", ["notice": notice.number.description, "to": item.address,
                                                        "error": "\(error)"])
                        continue
                    }
                    let giveUp = item.attempts + 1 >= Self.noticeAttempts
                    let delay = min(3600, 60 * pow(2, Double(min(item.attempts, 6))))
                    try store.markDeliveryFailed(id: item.id, error: "\(error)", permanent: giveUp,
                                                 retryAt: now().addingTimeInterval(delay))
                    if giveUp { report.failed += 1 } else { report.deferred += 1 }
                    log(.warning, "notice.deferred", ["notice": notice.number.description, "to": item.address,
                                                      "attempt": "\(item.attempts + 1)", "error": "\(error)"])
                    // A 4xx for one recipient is that recipient's; anything else means the server is gone.
                    if transport?.kind != .reply {
                        report.stoppedBy = "\(error)"
                        break run
                    }
                    continue
                }
                // Write 2: the server said 250.
                try store.markDeliverySent(id: item.id)
                report.sent += 1
                if handOverFailed {
                    log(.warning, "notice.handover-unrecorded", ["to": item.address,
                                                                 "note": "sent; a crash before the 250 would have sent it again"])
                }
            }
        }
        report.pending = try store.pendingDeliveryCount()
        return report
    }

    /// Attempts for a copy that fails temporarily before it counts as failed.
    static let noticeAttempts = 10
}

/// An exclusive, non-blocking `flock(2)` on a file: "locks created by flock() are associated with an open
/// file description" and are released when it is closed, which the kernel does when the process ends.
final class NoticeSendLock {
    private var descriptor: Int32

    /// nil when another process holds the lock (or the file cannot be opened).
    init?(path: String) {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return nil }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            return nil
        }
        descriptor = fd
    }

    func release() {
        guard descriptor >= 0 else { return }
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}

@available(*, unavailable)
extension NoticeSendLock: Sendable {}
