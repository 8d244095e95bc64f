/// What a requester submits, as the authorisation matrix sees it (DAP Bijlage A, 6.4, 7.4).
public enum Submission: String, Sendable, CaseIterable, Codable, CodingKeyRepresentable {
    case incident
    case serviceRequest = "service-request"
    case standardChange = "standard-change"
    case nonStandardChange = "non-standard-change"

    /// The matrix column for a case type; nil for types the matrix does not restrict (complaint, question,
    /// problem). A security incident is an incident (R-SEC-1); normal and emergency changes are
    /// non-standard (R-CHG-1).
    public init?(type: CaseType, changeKind: ChangeKind?) {
        switch type {
        case .incident, .security: self = .incident
        case .request: self = .serviceRequest
        case .change: self = (changeKind ?? .normal).isStandard ? .standardChange : .nonStandardChange
        case .complaint, .question, .problem: return nil
        }
    }
}

/// Why a submission was refused (DAP R-AUTH-2).
public struct AuthorisationRefusal: Sendable, Hashable, Codable {
    /// The requester's role.
    public var role: Role
    /// What they submitted.
    public var submission: Submission
    /// The roles that may submit it.
    public var allowedRoles: [Role]

    public init(role: Role, submission: Submission, allowedRoles: [Role]) {
        self.role = role
        self.submission = submission
        self.allowedRoles = allowedRoles
    }
}

/// The outcome of the authorisation check (DAP R-AUTH-1, R-AUTH-2, R-CHG-2).
public enum AuthorisationDecision: Sendable, Hashable {
    /// The requester may submit it.
    case allowed
    /// DAP R-AUTH-2: not started; the reply names who in the organisation may submit it.
    case refused(reason: AuthorisationRefusal, allowedSubmitters: [Contact])
    /// DAP R-AUTH-1: the sender's organisation is unknown; the case goes to the desk for triage (not
    /// refused), and the reply says the organisation could not be identified.
    case unidentified

    public var isAllowed: Bool { self == .allowed }
}

/// The authorisation matrix as a value (DAP Bijlage A; RULES.md "Authorisation matrix"): which role may
/// submit what. Configurable; the default is the DAP's table.
public struct AuthorisationMatrix: Sendable, Hashable, Codable {
    /// Per role, the submissions it may make. A role missing from the table may submit nothing restricted.
    public var allowed: [Role: Set<Submission>]

    public init(allowed: [Role: Set<Submission>]) { self.allowed = allowed }

    /// The DAP's matrix:
    ///
    /// | role | incident | service request | standard change | non-standard change |
    /// |---|---|---|---|---|
    /// | stichting-ict | yes | yes | yes | yes |
    /// | school-ict | yes | yes | yes | no |
    /// | gebruiker | yes | yes | no | no |
    public static let standard = AuthorisationMatrix(allowed: [
        .stichtingICT: [.incident, .serviceRequest, .standardChange, .nonStandardChange],
        .schoolICT: [.incident, .serviceRequest, .standardChange],
        .gebruiker: [.incident, .serviceRequest],
    ])

    /// Whether `role` may submit `submission`.
    public func allows(_ role: Role, _ submission: Submission) -> Bool {
        allowed[role]?.contains(submission) ?? false
    }

    /// The roles that may submit `submission`, most senior first.
    public func roles(allowedFor submission: Submission) -> [Role] {
        [Role.stichtingICT, .schoolICT, .gebruiker].filter { allows($0, submission) }
    }

    /// DAP R-AUTH-1, R-AUTH-2, R-CHG-2: may `requester` submit a case of this type?
    ///
    /// An `unknown` sender is `.unidentified` (triage, not refused). Complaints and questions are not
    /// restricted. A refusal lists the contacts of the requester's organisation who may submit it: the
    /// school ICT contacts of their location (when that role may) and the stichting ICT contacts.
    public func decide(requester: Requester, type: CaseType, changeKind: ChangeKind?) -> AuthorisationDecision {
        if requester.role == .unknown { return .unidentified }
        guard let submission = Submission(type: type, changeKind: changeKind) else { return .allowed }
        return decide(requester: requester, submission: submission)
    }

    /// DAP R-AUTH-2: the check for one matrix column.
    public func decide(requester: Requester, submission: Submission) -> AuthorisationDecision {
        if requester.role == .unknown { return .unidentified }
        if allows(requester.role, submission) { return .allowed }
        let roles = roles(allowedFor: submission)
        var submitters: [Contact] = []
        if roles.contains(.schoolICT) { submitters += requester.schoolICTContacts }
        if roles.contains(.stichtingICT) { submitters += requester.stichtingICTContacts }
        var seen = Set<String>()
        submitters = submitters.filter { seen.insert($0.address.lowercased()).inserted }
        return .refused(
            reason: AuthorisationRefusal(role: requester.role, submission: submission, allowedRoles: roles),
            allowedSubmitters: submitters
        )
    }
}
