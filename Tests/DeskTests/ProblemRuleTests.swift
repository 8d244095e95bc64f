import Desk
import Foundation
import Testing

@Suite("Incidents that add up to a problem")
struct ProblemRuleTests {
    private let now = Date(timeIntervalSince1970: 1_800_000_000)
    private func daysAgo(_ days: Double) -> Date { now.addingTimeInterval(-days * 86_400) }

    @Test("R-PRB-1 the defaults: 3 incidents within 14 days")
    func defaults() {
        let rule = ProblemRule()
        #expect(rule.threshold == 3)
        #expect(rule.windowDays == 14)
    }

    @Test("R-PRB-1 three incidents within 14 days are proposed, newest first")
    func three() {
        let incidents: [(id: Int64, at: Date)] = [(11, daysAgo(10)), (12, daysAgo(2)), (13, daysAgo(0.5))]
        #expect(ProblemRule().propose(incidents: incidents, at: now) == [13, 12, 11])
    }

    @Test("R-PRB-1 two incidents are not enough")
    func two() {
        #expect(ProblemRule().propose(incidents: [(1, daysAgo(1)), (2, daysAgo(2))], at: now) == nil)
        #expect(ProblemRule().propose(incidents: [], at: now) == nil)
    }

    @Test("R-PRB-1 incidents older than the window do not count; every one inside is linked")
    func window() {
        let incidents: [(id: Int64, at: Date)] = [
            (1, daysAgo(20)), (2, daysAgo(15)), (3, daysAgo(13)), (4, daysAgo(7)), (5, daysAgo(1)), (6, daysAgo(3)),
        ]
        #expect(ProblemRule().propose(incidents: incidents, at: now) == [5, 6, 4, 3])
        let old: [(id: Int64, at: Date)] = [(1, daysAgo(20)), (2, daysAgo(15)), (3, daysAgo(1)), (4, daysAgo(2))]
        #expect(ProblemRule().propose(incidents: old, at: now) == nil)
    }

    @Test("R-PRB-1 the window's edges: exactly D days ago counts, a second more does not")
    func edges() {
        let edge: [(id: Int64, at: Date)] = [(1, daysAgo(14)), (2, daysAgo(1)), (3, now)]
        #expect(ProblemRule().propose(incidents: edge, at: now) == [3, 2, 1])
        let outside: [(id: Int64, at: Date)] = [
            (1, daysAgo(14).addingTimeInterval(-1)), (2, daysAgo(1)), (3, now),
        ]
        #expect(ProblemRule().propose(incidents: outside, at: now) == nil)
    }

    @Test("R-PRB-1 incidents after `at` are left out; duplicates count once")
    func futureAndDuplicates() {
        let future: [(id: Int64, at: Date)] = [(1, daysAgo(1)), (2, daysAgo(2)), (3, now.addingTimeInterval(60))]
        #expect(ProblemRule().propose(incidents: future, at: now) == nil)
        let twice: [(id: Int64, at: Date)] = [(1, daysAgo(1)), (1, daysAgo(3)), (2, daysAgo(2))]
        #expect(ProblemRule().propose(incidents: twice, at: now) == nil)
        let withThird = twice + [(3, daysAgo(5))]
        #expect(ProblemRule().propose(incidents: withThird, at: now) == [1, 2, 3])
    }

    @Test("R-PRB-1 equal times are ordered by id, highest first")
    func ties() {
        let same: [(id: Int64, at: Date)] = [(7, daysAgo(1)), (9, daysAgo(1)), (8, daysAgo(1))]
        #expect(ProblemRule().propose(incidents: same, at: now) == [9, 8, 7])
    }

    @Test("R-PRB-1 a configured N and D")
    func configured() {
        let rule = ProblemRule(threshold: 5, windowDays: 30)
        let four: [(id: Int64, at: Date)] = (1...4).map { (Int64($0), daysAgo(Double($0) * 6)) }
        #expect(rule.propose(incidents: four, at: now) == nil)
        let five = four + [(5, daysAgo(29))]
        #expect(rule.propose(incidents: five, at: now) == [1, 2, 3, 4, 5])
        #expect(ProblemRule(threshold: 2, windowDays: 1).propose(incidents: [(1, daysAgo(0.5)), (2, daysAgo(1.5))], at: now) == nil)
    }

    @Test("R-PRB-1 a threshold below 1 counts as 1; a negative window as 0 days")
    func degenerate() {
        #expect(ProblemRule(threshold: 0).propose(incidents: [(1, daysAgo(1))], at: now) == [1])
        #expect(ProblemRule(threshold: 0).propose(incidents: [], at: now) == nil)
        #expect(ProblemRule(threshold: 1, windowDays: -3).propose(incidents: [(1, now)], at: now) == [1])
        #expect(ProblemRule(threshold: 1, windowDays: -3).propose(incidents: [(1, daysAgo(0.1))], at: now) == nil)
    }
}
