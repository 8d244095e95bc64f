import Foundation

/// When incidents add up to a problem (DAP R-PRB-1): N incidents (default 3) within D days (default 14) on
/// the same service and category are proposed to the problem manager as one problem that links them.
/// Pure: the caller selects the incidents of one service and category; the rule counts them.
public struct ProblemRule: Sendable, Hashable {
    /// N: how many incidents make a problem; default 3. Below 1 counts as 1.
    public var threshold: Int
    /// D: the window in calendar days (24 hours each), up to the moment of the check; default 14. Below 0
    /// counts as 0.
    public var windowDays: Int

    public init(threshold: Int = 3, windowDays: Int = 14) {
        self.threshold = threshold
        self.windowDays = windowDays
    }

    /// DAP R-PRB-1: given the incidents on one service and category (id, registered at) not yet linked to a
    /// problem, the ids to link when at least N fall within the D days up to `at` (newest first); nil when
    /// not.
    ///
    /// The window is `[at − D × 24 h, at]`, both ends included; incidents registered after `at` are left out.
    /// Every incident in the window is linked, not only N of them; an id listed twice counts once (its newest
    /// time). Equal times are ordered by id, highest first.
    public func propose(incidents: [(id: Int64, at: Date)], at: Date) -> [Int64]? {
        let start = at.addingTimeInterval(-Double(max(windowDays, 0)) * 86_400)
        var newest: [Int64: Date] = [:]
        for incident in incidents where incident.at >= start && incident.at <= at {
            if let seen = newest[incident.id], seen >= incident.at { continue }
            newest[incident.id] = incident.at
        }
        guard newest.count >= max(threshold, 1) else { return nil }
        return newest.sorted { a, b in a.value != b.value ? a.value > b.value : a.key > b.key }.map(\.key)
    }
}
