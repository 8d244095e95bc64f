/// Reaction and resolution targets per priority, in werkuren (DAP R-INC-5; the SLA's values are
/// configurable, these are the defaults).
public struct SLAPolicy: Sendable, Hashable, Codable {
    /// Werkuren until the desk must have reacted, per priority.
    public var reaction: [Priority: Double]
    /// Werkuren until the case must be resolved, per priority.
    public var resolution: [Priority: Double]
    /// The share of the resolution target at which the desk is warned (DAP R-INC-5: 75%).
    public var warningFraction: Double

    public init(reaction: [Priority: Double], resolution: [Priority: Double], warningFraction: Double = 0.75) {
        self.reaction = reaction
        self.resolution = resolution
        self.warningFraction = warningFraction
    }

    /// DAP R-INC-5 defaults: reaction P1 0.5, P2 1, P3 4, P4 8 werkuren; resolution P1 4, P2 8, P3 27
    /// (3 werkdagen), P4 45 (5 werkdagen); warning at 75%.
    public static let standard = SLAPolicy(
        reaction: [.p1: 0.5, .p2: 1, .p3: 4, .p4: 8],
        resolution: [.p1: 4, .p2: 8, .p3: 27, .p4: 45],
        warningFraction: 0.75
    )

    /// The reaction target of `priority` (the P4 default when the table has no entry).
    public func reactionTarget(_ priority: Priority) -> Double {
        reaction[priority] ?? SLAPolicy.standard.reaction[priority] ?? 8
    }

    /// The resolution target of `priority` (the P4 default when the table has no entry).
    public func resolutionTarget(_ priority: Priority) -> Double {
        resolution[priority] ?? SLAPolicy.standard.resolution[priority] ?? 45
    }
}
