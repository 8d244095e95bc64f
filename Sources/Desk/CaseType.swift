/// What a case is classified as (DAP R-CASE-4). The raw values are the `cases list --json` contract.
public enum CaseType: String, Sendable, CaseIterable, Codable {
    case incident
    case request
    case change
    case complaint
    case question
    case security
    case problem
}

/// Where a case is in its life. The raw values are stored and printed by `cases list --json`.
public enum CaseStatus: String, Sendable, CaseIterable, Codable {
    /// DAP R-CASE-1: registered, confirmation sent (R-CASE-2).
    case registered
    case inProgress = "in_progress"
    case onHold = "on_hold"
    case resolved
    case closed
    /// DAP R-AUTH-2: a change the requester may not submit; recorded, not started.
    case refused
}
