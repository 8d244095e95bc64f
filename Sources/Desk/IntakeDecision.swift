import Foundation

/// Everything the intake rules decide about one new case, and everything its confirmation must say
/// (DAP R-CASE-2, R-CASE-4, R-CASE-5, R-INC-2, R-INC-3, R-INC-5, R-SEC-1, R-AUTH-1, R-AUTH-2).
/// A value: the gateway stores it and fills the template from it.
public struct IntakeDecision: Sendable {
    /// Why the priority is what it is.
    public enum PriorityBasis: String, Sendable, Hashable, Codable {
        /// Impact × urgency through the priority matrix (R-CASE-5).
        case matrix
        /// A security incident or data breach is always P1 (R-SEC-1).
        case security
        /// Complaints and questions get no priority.
        case none
    }

    // MARK: What

    /// DAP R-CASE-4.
    public var type: CaseType
    /// DAP R-CHG-1, for a change.
    public var changeKind: ChangeKind?
    /// The classifier's full result: tags, evidence, scores, how it decided.
    public var classification: Classification
    /// DAP R-REQ-1: the catalog item of a request.
    public var catalogItem: CatalogItem? { classification.catalogItem }
    /// DAP R-CHG-1: the standard change matched.
    public var standardChange: StandardChange? { classification.standardChange }
    /// The service the case concerns, when the catalog names one.
    public var service: Service? { classification.service }

    // MARK: How urgent

    /// DAP R-CASE-5 (1 = P1 … 4 = P4); nil for complaints and questions.
    public var priority: Priority?
    public var priorityBasis: PriorityBasis
    public var impact: Impact
    public var urgency: Urgency
    public var assessment: PriorityAssessment

    // MARK: Who, and may they

    public var requester: Requester
    /// DAP R-AUTH-1, R-AUTH-2, R-CHG-2.
    public var authorisation: AuthorisationDecision
    /// Whether work starts now: false for a refused submission and for a change from an unidentified
    /// sender (triage first).
    public var startsWork: Bool
    /// DAP R-AUTH-3: the catalog item needs approval before fulfilment.
    public var needsApproval: Bool
    /// DAP R-REQ-2: required information of the catalog item that the mail does not name.
    public var missingInformation: [String]

    // MARK: The reply

    /// The template language.
    public var language: Language
    /// The paragraphs the confirmation must contain, in this order.
    public var replies: [ReplyKind]
    /// DAP R-INC-2: the servicedesk's phone number for the reply (configurable).
    public var phoneNumber: String
    /// Whether the phone line is open at the mail's arrival (werkdag, 07:00–17:00 by default): the reply
    /// says "call now" or "call from 07:00".
    public var phoneLineOpen: Bool
    /// DAP R-INC-3: the on-call reaction time, when `p1PhoneAdvice(onCall: true)` or
    /// `securityCallNow(onCall: true)` is among the replies.
    public var onCallReactionMinutes: Int?
    /// DAP R-CMP-2: addresses to copy on the confirmation (the account manager, for a complaint).
    public var copyTo: [String]

    // MARK: When

    /// When the mail arrived (the SLA start; R-CASE-7: mail is accepted 24/7, the clock counts werkuren).
    public var receivedAt: Date
    /// DAP R-INC-5: the SLA clock, for incidents, security incidents, requests and standard changes that
    /// start work; nil otherwise (normal and emergency changes have none, R-CHG-5).
    public var sla: SLAClock?
    /// DAP R-INC-5: the reaction deadline.
    public var reactionDeadline: Date? { sla?.reactionDeadline }
    /// DAP R-INC-5: the resolution deadline.
    public var resolutionDeadline: Date? { sla?.resolutionDeadline }
    /// DAP R-INC-5: when the desk is warned (75% of the resolution target).
    public var warningAt: Date? { sla?.warningInstant }
}
