/// One command line at the top of an agent's reply (DAP R-AGENT-2, R-AGENT-4), as `AgentCommandParser`
/// reads it. A value, not an action: the gateway checks that the sender is a verified agent (R-AGENT-3) and
/// that the command makes sense for the case before it applies it.
public enum AgentCommand: Sendable, Hashable {
    /// `status: in behandeling` / `status: on hold` … (DAP R-AGENT-2; R-INC-4 tells the requester).
    case status(CaseStatus)
    /// `prioriteit: 2 reden: …` / `priority: P2 because …`: the reason is required (DAP R-INC-1, R-REQ-4: a
    /// lowered priority is told to the requester with the reason).
    case priority(Priority, reason: String)
    /// `type: wijziging` / `type: change` (DAP R-CASE-4 "Agents can reclassify").
    case reclassify(CaseType)
    /// `toewijzen: pmo` / `assign: agent2@cloudwise.test` (DAP R-AGENT-5: the assigned agent gets the case's
    /// mail).
    case assign(Assignee)
    /// `bezoek: 2026-12-03 09:30` / `visit: 3-12-2026 9:30` / `planafspraak: …` (DAP R-INC-6), local time of
    /// the desk (Europe/Amsterdam).
    case visit(LocalDateTime)
    /// `oplossen: <solution>` / `resolve: <solution>` (DAP R-CASE-6, R-CASE-8: the closure notice states the
    /// solution).
    case resolve(solution: String)
    /// `sluiten` / `close`, or `sluiten als interactie` / `close as interaction` (DAP 4.5 "Interactie").
    case close(asInteraction: Bool)
    /// `heropenen` / `reopen`, with an optional reason.
    case reopen(reason: String?)
    /// `koppel: PRB0000012` / `link: CHG0000003`.
    case link(RecordNumber)
    /// `samenvoegen: CS0000123` / `merge: CS0000123`: this case goes into that one.
    case merge(into: CaseNumber)
    /// `intern` / `internal` / `notitie:` / `note:`: the reply's text is an internal note and is not sent to
    /// the requester (DAP R-AGENT-1).
    case internalNote
    /// `escaleer` / `escalate`, with an optional reason (DAP R-ESC-1: the next step of the ladder).
    case escalate(reason: String?)
    /// `akkoord` / `goedgekeurd` / `approve` / `approved`, with an optional reason (DAP R-AGENT-4, R-AUTH-3,
    /// R-CHG-3).
    case approve(reason: String?)
    /// `afgewezen` / `afwijzen` / `reject` / `rejected` with a required reason (DAP R-AGENT-4, R-CHG-3: the
    /// rejection is told to the requester).
    case reject(reason: String)
    /// `workaround: …` / `tijdelijke oplossing: …` / `omweg: …`: a workaround is in place, a status update
    /// for the requester (DAP R-INC-4). The text is required.
    case workaround(String)
    /// `major` / `major incident` / `groot incident` / `majorincident`, with an optional reason: the agent
    /// declares the incident major (DAP R-INC-7).
    case major(reason: String?)
    /// `fase: bouw` / `phase: test` / `mijlpaal: …` / `milestone: …`: the change moves to that phase
    /// (DAP R-CHG-5).
    case phase(ChangePhase)
    /// `test mislukt` / `test gefaald` / `test failed` / `test: mislukt`, with an optional reason: the change
    /// goes back from test to build (DAP R-CHG-5).
    case testFailed(reason: String?)
    /// `terugdraaien` / `terugrollen` / `rollback` / `roll back`, with an optional reason: the implementation
    /// is rolled back (DAP R-CHG-5).
    case rollback(reason: String?)
    /// `oorzaak: …` / `cause: …`: the cause recorded when the case closes (DAP R-CASE-8).
    case cause(String)
    /// `uren: 1,5` / `hours: 2` / `tijd: 0,75` / `bestede tijd: 1`: the hours worked, 0 < h ≤ 1000
    /// (DAP R-CASE-8).
    case hours(Double)
    /// `bekende fout: …` / `known error: …`: the problem ends as a known error with this workaround
    /// (DAP R-PRB-3; the KB article follows).
    case knownError(workaround: String)
    /// `categorie: hardware` / `category: …`: the incident's category, as written (DAP R-PRB-1).
    case category(String)

    /// Who a case is assigned to.
    public enum Assignee: Sendable, Hashable {
        /// A group of agents (`pmo`, `e-cab`, …).
        case group(AgentGroup)
        /// One agent, by address (lowercased). The gateway checks that it is a registered agent.
        case agent(String)
    }

    /// The number of a record a case can be linked to (DAP vocabulary: `INC`, `RITM`, `CHG`, `PRB`, `KB` + 7
    /// digits), or another case (`CS` + 7 digits).
    public struct RecordNumber: Sendable, Hashable, CustomStringConvertible {
        public enum Kind: String, Sendable, Hashable, CaseIterable {
            case incident = "INC"
            case request = "RITM"
            case change = "CHG"
            case problem = "PRB"
            case knowledge = "KB"
            case `case` = "CS"
        }

        public let kind: Kind
        /// 1 … 9 999 999.
        public let value: Int

        public init?(kind: Kind, value: Int) {
            guard value > 0, value <= 9_999_999 else { return nil }
            self.kind = kind
            self.value = value
        }

        /// Parses `PRB0000012`, `chg0000003`, `CS0000123`: a known prefix (any case) and exactly 7 digits, not
        /// all zero; nil for anything else.
        public init?(_ text: String) {
            // Every kind is tried: the lengths differ, so at most one prefix leaves exactly 7 digits.
            for kind in Kind.allCases {
                if let value = PrefixedNumber.parse(text, prefix: kind.rawValue) {
                    self.init(kind: kind, value: value)
                    return
                }
            }
            return nil
        }

        /// The case number, when this is a case.
        public var caseNumber: CaseNumber? { kind == .case ? CaseNumber(value) : nil }

        public var description: String { PrefixedNumber.format(value, prefix: kind.rawValue) }
    }

    /// A moment on the desk's local calendar, without a time zone (the gateway reads it as Europe/Amsterdam,
    /// DAP R-CAL-1): an on-site visit's date and time as the agent wrote it.
    public struct LocalDateTime: Sendable, Hashable, Comparable, CustomStringConvertible {
        public let date: CalendarDay
        /// 0 … 23.
        public let hour: Int
        /// 0 … 59.
        public let minute: Int

        public var year: Int { date.year }
        public var month: Int { date.month }
        public var day: Int { date.day }

        /// nil when the day does not exist (`2026-02-30`) or the time is out of range.
        public init?(year: Int, month: Int, day: Int, hour: Int, minute: Int) {
            guard (1...9999).contains(year), (1...12).contains(month), (1...31).contains(day), (0...23).contains(hour),
                (0...59).contains(minute)
            else { return nil }
            let date = CalendarDay(year: year, month: month, day: day)
            guard date.year == year, date.month == month, date.day == day else { return nil }
            self.date = date
            self.hour = hour
            self.minute = minute
        }

        /// `2026-12-03 09:30`.
        public var description: String {
            let hh = hour < 10 ? "0\(hour)" : "\(hour)"
            let mm = minute < 10 ? "0\(minute)" : "\(minute)"
            return "\(date) \(hh):\(mm)"
        }

        public static func < (a: LocalDateTime, b: LocalDateTime) -> Bool {
            (a.date, a.hour, a.minute) < (b.date, b.hour, b.minute)
        }
    }
}
