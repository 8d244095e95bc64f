import Foundation

/// A pause of an SLA clock: from `start` until `end` (nil while the clock is still paused), e.g. while the
/// desk waits for the requester's missing information (DAP R-REQ-2).
public struct SLAPause: Sendable, Hashable, Codable {
    public var start: Date
    public var end: Date?

    public init(start: Date, end: Date? = nil) {
        self.start = start
        self.end = end
    }
}

/// Where a clock stands against its target.
public enum SLAState: String, Sendable, Hashable, Codable {
    /// Less than the warning share of the target has elapsed.
    case ok
    /// DAP R-INC-5: the warning share (75%) of the target has elapsed; the desk is warned.
    case warning
    /// DAP R-INC-5: the target has passed; the escalation procedure starts (R-ESC-1).
    case breached
}

/// Which of the two SLA targets.
public enum SLATarget: String, Sendable, Hashable, Codable {
    case reaction
    case resolution
}

/// An SLA clock: started at an instant, counting werkuren only (DAP R-CASE-7), with pauses, a reaction and a
/// resolution target (DAP R-INC-5). A value: `pause(at:)`/`resume(at:)` return nothing but change this copy;
/// every deadline is computed from the start, the pauses and the calendar.
///
/// Pauses push the deadlines out by the werkuren they cover: a deadline is the instant at which the
/// *running* werkuren since the start reach the target.
public struct SLAClock: Sendable {
    public let start: Date
    /// Werkuren until the reaction is due.
    public let reactionTarget: Double
    /// Werkuren until the resolution is due.
    public let resolutionTarget: Double
    /// Share of a target at which `state(at:)` says `.warning` (DAP R-INC-5: 0.75).
    public let warningFraction: Double
    /// The pauses, in order; at most the last is open.
    public private(set) var pauses: [SLAPause]
    public let calendar: WerkdagCalendar

    /// A clock with explicit targets in werkuren.
    public init(
        start: Date,
        reactionTarget: Double,
        resolutionTarget: Double,
        warningFraction: Double = 0.75,
        pauses: [SLAPause] = [],
        calendar: WerkdagCalendar
    ) {
        self.start = start
        self.reactionTarget = max(0, reactionTarget)
        self.resolutionTarget = max(0, resolutionTarget)
        self.warningFraction = min(1, max(0, warningFraction))
        self.pauses = []
        self.calendar = calendar
        for pause in pauses.sorted(by: { $0.start < $1.start }) {
            self.pause(at: pause.start)
            if let end = pause.end { self.resume(at: end) }
        }
    }

    /// DAP R-INC-5: a clock with the policy's targets for `priority`.
    public init(start: Date, priority: Priority, policy: SLAPolicy = .standard, calendar: WerkdagCalendar) {
        self.init(
            start: start,
            reactionTarget: policy.reactionTarget(priority),
            resolutionTarget: policy.resolutionTarget(priority),
            warningFraction: policy.warningFraction,
            calendar: calendar
        )
    }

    /// Whether the clock is paused now (its last pause has no end).
    public var isPaused: Bool { pauses.last.map { $0.end == nil } ?? false }

    /// Pauses the clock at `instant`. Ignored when already paused; an instant before the start or before the
    /// last resume is moved up to it, so pauses never overlap.
    public mutating func pause(at instant: Date) {
        guard !isPaused else { return }
        let floor = pauses.last?.end ?? start
        pauses.append(SLAPause(start: max(instant, floor)))
    }

    /// Resumes a paused clock at `instant` (not before the pause began). Ignored when running.
    public mutating func resume(at instant: Date) {
        guard isPaused, let last = pauses.indices.last else { return }
        pauses[last].end = max(instant, pauses[last].start)
    }

    /// The running intervals: from the start, between the pauses, and after the last resume (end nil: open).
    private var runningIntervals: [(start: Date, end: Date?)] {
        var intervals: [(start: Date, end: Date?)] = []
        var cursor: Date? = start
        for pause in pauses {
            if let from = cursor { intervals.append((from, pause.start)) }
            cursor = pause.end
        }
        if let from = cursor { intervals.append((from, nil)) }
        return intervals
    }

    /// Werkuren the clock has run from the start until `instant`, pauses excluded.
    public func elapsedWerkuren(at instant: Date) -> Double {
        runningIntervals.reduce(0) { sum, interval in
            let end = min(interval.end ?? instant, instant)
            return sum + calendar.werkuren(from: interval.start, to: end)
        }
    }

    /// The instant at which the running werkuren reach `werkuren`; nil while the clock is paused before then.
    public func instant(afterRunning werkuren: Double) -> Date? {
        var remaining = max(0, werkuren)
        for interval in runningIntervals {
            guard let end = interval.end else { return calendar.adding(werkuren: remaining, to: interval.start) }
            let available = calendar.werkuren(from: interval.start, to: end)
            if remaining <= available { return calendar.adding(werkuren: remaining, to: interval.start) }
            remaining -= available
        }
        return nil
    }

    /// DAP R-INC-5: when the reaction is due; nil while paused before it.
    public var reactionDeadline: Date? { instant(afterRunning: reactionTarget) }

    /// DAP R-INC-5: when the resolution is due; nil while paused before it.
    public var resolutionDeadline: Date? { instant(afterRunning: resolutionTarget) }

    /// DAP R-INC-5: when the desk is warned that the resolution target will be missed (75% of it, default).
    public var warningInstant: Date? { instant(afterRunning: resolutionTarget * warningFraction) }

    /// DAP R-INC-5: ok, warning (≥ 75% of the target has run) or breached (more than the target has run) at
    /// `instant`, for the resolution target unless told otherwise.
    public func state(at instant: Date, of target: SLATarget = .resolution) -> SLAState {
        let goal = target == .reaction ? reactionTarget : resolutionTarget
        let elapsed = elapsedWerkuren(at: instant)
        // Sub-second tolerance: werkuren are sums of Date differences.
        let epsilon = 1.0 / 36_000
        if elapsed > goal + epsilon { return .breached }
        if elapsed + epsilon >= goal * warningFraction { return .warning }
        return .ok
    }
}
