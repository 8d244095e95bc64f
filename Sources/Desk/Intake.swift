import Mail

/// What the gateway does with one inbound mail, before any case rule runs.
/// Pure: the facts come in as values, the decision goes out as a value.
public enum IntakeRoute: Sendable, Equatable {
    /// DAP R-CASE-1: a new case, and a confirmation to the requester (R-CASE-2).
    case newCase
    /// DAP R-CASE-3: a follow-up of an existing case; no new case.
    case followUp(caseID: Int64)
    /// An automatic mail (RFC 3834) threaded to a case: kept with the case, never answered.
    case autoOnCase(caseID: Int64, kind: AutoKind)
    /// An automatic mail with no case: kept, never answered, never a case (DAP R-CASE-1).
    case ignore(reason: String)
}

public enum Intake {
    /// Routes one mail.
    /// - Parameters:
    ///   - auto: what kind of sender wrote it (a person: `.none`).
    ///   - taggedCase: the case named by the subject tag, when that case exists.
    ///   - threadedCase: the case whose mail the In-Reply-To/References name, if any.
    public static func route(auto: AutoKind, taggedCase: Int64?, threadedCase: Int64?) -> IntakeRoute {
        // DAP R-CASE-3: the thread headers are the stronger evidence; the subject tag is the fallback
        // for clients that drop In-Reply-To.
        let existing = threadedCase ?? taggedCase
        switch auto {
        case .none:
            if let existing { return .followUp(caseID: existing) }
            return .newCase
        case .bounce:
            // A bounce never opens a case (DAP R-CASE-1); it is kept with the case it concerns.
            if let existing { return .autoOnCase(caseID: existing, kind: auto) }
            return .ignore(reason: "bounce without a case")
        default:
            if let existing { return .autoOnCase(caseID: existing, kind: auto) }
            return .ignore(reason: "automatic mail (\(auto.rawValue)) without a case")
        }
    }
}
