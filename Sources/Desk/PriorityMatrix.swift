/// The SLA's "Prioriteringstabel": impact × urgency → priority (DAP 4.6, R-CASE-5). Configurable; the default
/// is the table of R-CASE-5.
public struct PriorityMatrix: Sendable, Hashable, Codable {
    /// One cell of the table.
    public struct Cell: Sendable, Hashable, Codable {
        public var impact: Impact
        public var urgency: Urgency
        public var priority: Priority

        public init(impact: Impact, urgency: Urgency, priority: Priority) {
            self.impact = impact
            self.urgency = urgency
            self.priority = priority
        }
    }

    /// The cells; a combination missing from the list is `fallback`.
    public var cells: [Cell]
    /// The priority of any combination not in `cells`.
    public var fallback: Priority

    public init(cells: [Cell], fallback: Priority = .p4) {
        self.cells = cells
        self.fallback = fallback
    }

    /// DAP R-CASE-5 default: P1 high/high; P2 high/medium, medium/high; P3 high/low, medium/medium, low/high;
    /// P4 the rest (impact/urgency).
    public static let standard = PriorityMatrix(
        cells: [
            Cell(impact: .high, urgency: .high, priority: .p1),
            Cell(impact: .high, urgency: .medium, priority: .p2),
            Cell(impact: .medium, urgency: .high, priority: .p2),
            Cell(impact: .high, urgency: .low, priority: .p3),
            Cell(impact: .medium, urgency: .medium, priority: .p3),
            Cell(impact: .low, urgency: .high, priority: .p3),
        ], fallback: .p4)

    /// DAP R-CASE-5: the priority for an impact and an urgency.
    public func priority(impact: Impact, urgency: Urgency) -> Priority {
        cells.first { $0.impact == impact && $0.urgency == urgency }?.priority ?? fallback
    }
}
