/// A paragraph the confirmation (R-CASE-2) must contain, besides the case number.
public enum ReplyKind: Sendable, Hashable {
    /// DAP R-INC-2: a P1 incident arrived by mail: call the servicedesk (`IntakeDecision.phoneNumber`),
    /// quoting the case number; the reaction time of a mailed P1 is not guaranteed.
    /// `onCall`: DAP R-INC-3: it is 17:00–22:00 on a werkdag and the organisation has the on-call service,
    /// so a P1 phoned in now gets a reaction within 1 hour (`IntakeDecision.onCallReactionMinutes`).
    case p1PhoneAdvice(onCall: Bool)
    /// DAP R-SEC-1: a possible data breach or security incident: it is a P1 and must be phoned in now.
    /// `onCall` as for `p1PhoneAdvice`.
    case securityCallNow(onCall: Bool)
    /// DAP R-AUTH-2: the change is not started; these contacts of the organisation may submit it.
    case refusal(allowedSubmitters: [Contact])
    /// DAP R-AUTH-1: the sender's organisation could not be identified; the desk will triage the case.
    case unknownOrganisation
    /// DAP R-REQ-2: the request lacks this information; the requester is asked for exactly this.
    case missingInformation([String])
    /// DAP R-CMP-1, R-CMP-2: the complaint is registered and goes to the responsible department; the
    /// account manager (when known) is copied.
    case complaintRegistered
}
