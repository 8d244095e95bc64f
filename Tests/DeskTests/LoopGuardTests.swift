import Desk
import Foundation
import Testing

@Suite("Loop guard for automatic mail")
struct LoopGuardTests {
    /// 2026-12-01T09:00:00Z, a fixed clock.
    let now = Date(timeIntervalSince1970: 1_796_115_600)

    private func ago(_ seconds: TimeInterval...) -> [Date] { seconds.map { now.addingTimeInterval(-$0) } }

    @Test("R-AGENT-1 the defaults are 5 per recipient and 10 per case per hour")
    func defaults() {
        let guardian = LoopGuard.standard
        #expect(guardian.maxPerRecipient == 5)
        #expect(guardian.maxPerCase == 10)
        #expect(guardian.window == 3600)
        #expect(guardian == LoopGuard())
    }

    @Test("R-AGENT-1 nothing sent yet: allowed")
    func empty() {
        #expect(LoopGuard().allows(sentToRecipient: [], sentForCase: [], at: now) == .allowed)
        #expect(LoopGuard().allows(sentToRecipient: [], sentForCase: [], at: now).isAllowed)
    }

    @Test("R-AGENT-1 the fifth mail to a recipient within the hour is the last one")
    func recipientLimit() {
        let guardian = LoopGuard()
        let four = ago(60, 600, 1200, 1800)
        #expect(guardian.allows(sentToRecipient: four, sentForCase: four, at: now) == .allowed)
        let five = ago(60, 600, 1200, 1800, 3000)
        let decision = guardian.allows(sentToRecipient: five, sentForCase: five, at: now)
        guard case .suppressed(let why) = decision else {
            Issue.record("a sixth mail within the hour was allowed")
            return
        }
        #expect(why.limit == .perRecipient)
        #expect(why.sent == 5)
        #expect(why.maximum == 5)
        // The oldest (50 minutes ago) leaves the window in 10 minutes.
        #expect(why.until == now.addingTimeInterval(600))
        #expect(why.description == "loop guard: 5 automatic mails to this recipient in 3600 s (limit 5)")
    }

    @Test("R-AGENT-1 mails older than the window do not count; the window's start is exclusive")
    func slidingWindow() {
        let guardian = LoopGuard()
        let old = ago(3600, 3601, 7200, 86_400, 100_000)
        #expect(guardian.allows(sentToRecipient: old, sentForCase: old, at: now) == .allowed)
        let mixed = ago(10, 20, 30, 40) + old
        #expect(guardian.allows(sentToRecipient: mixed, sentForCase: mixed, at: now) == .allowed)
        let full = ago(10, 20, 30, 40, 3599) + old
        #expect(!guardian.allows(sentToRecipient: full, sentForCase: [], at: now).isAllowed)
        // One second later the mail of 3599 s ago has left the window.
        #expect(guardian.allows(sentToRecipient: full, sentForCase: [], at: now.addingTimeInterval(1)) == .allowed)
    }

    @Test("R-AGENT-1 the per-case limit holds across recipients")
    func caseLimit() {
        let guardian = LoopGuard()
        let ten = ago(1, 2, 3, 4, 5, 6, 7, 8, 9, 3000)
        let decision = guardian.allows(sentToRecipient: ago(1), sentForCase: ten, at: now)
        guard case .suppressed(let why) = decision else {
            Issue.record("an eleventh mail for the case within the hour was allowed")
            return
        }
        #expect(why.limit == .perCase)
        #expect(why.sent == 10)
        #expect(why.until == now.addingTimeInterval(600))
        #expect(guardian.allows(sentToRecipient: ago(1), sentForCase: Array(ten.dropLast()), at: now) == .allowed)
    }

    @Test("R-AGENT-1 the recipient limit is reported first")
    func recipientFirst() {
        let guardian = LoopGuard(maxPerRecipient: 2, maxPerCase: 2, window: 600)
        let sent = ago(10, 20)
        guard case .suppressed(let why) = guardian.allows(sentToRecipient: sent, sentForCase: sent, at: now) else {
            Issue.record("allowed")
            return
        }
        #expect(why.limit == .perRecipient)
        #expect(why.until == now.addingTimeInterval(580))
    }

    @Test("R-AGENT-1 limits and window are configurable")
    func configurable() {
        let strict = LoopGuard(maxPerRecipient: 1, maxPerCase: 3, window: 24 * 3600)
        #expect(strict.allows(sentToRecipient: [], sentForCase: [], at: now) == .allowed)
        #expect(!strict.allows(sentToRecipient: ago(23 * 3600), sentForCase: [], at: now).isAllowed)
        #expect(strict.allows(sentToRecipient: ago(25 * 3600), sentForCase: [], at: now) == .allowed)
        let silent = LoopGuard(maxPerRecipient: 0, maxPerCase: 10, window: 60)
        guard case .suppressed(let why) = silent.allows(sentToRecipient: [], sentForCase: [], at: now) else {
            Issue.record("a limit of 0 allowed a mail")
            return
        }
        #expect(why.until == .distantFuture)
    }

    @Test("R-AGENT-1 timestamps after now (a clock that jumped back) count; order does not matter")
    func futureAndOrder() {
        let guardian = LoopGuard(maxPerRecipient: 3, maxPerCase: 10, window: 3600)
        let sent = [now.addingTimeInterval(120), now.addingTimeInterval(-100), now.addingTimeInterval(-50)]
        guard case .suppressed(let why) = guardian.allows(sentToRecipient: sent, sentForCase: [], at: now) else {
            Issue.record("allowed")
            return
        }
        #expect(why.sent == 3)
        #expect(why.until == now.addingTimeInterval(3500))
    }
}
