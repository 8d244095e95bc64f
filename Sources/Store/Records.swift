import Desk

/// A case as stored.
public struct CaseRecord: Sendable, Equatable {
    public var id: Int64
    public var number: CaseNumber
    public var type: CaseType
    public var priority: Int?
    public var status: CaseStatus
    public var requester: String
    public var requesterName: String?
    public var organisation: String?
    public var location: String?
    public var role: String?
    public var subject: String
    public var language: String
    public var linkedCaseID: Int64?
    public var createdAt: String
    public var updatedAt: String
    public var intake = IntakeFields()
}

/// What intake decided about a case (DAP R-CASE-4, R-CASE-5, R-AUTH-2, R-INC-5), as stored.
public struct IntakeFields: Sendable, Equatable {
    public var changeKind: String?
    public var impact: String?
    public var urgency: String?
    /// `allowed`, `refused` or `unidentified`.
    public var authorisation: String?
    public var catalogItem: String?
    public var service: String?
    public var reactionDue: String?
    public var resolutionDue: String?
    public var slaWarningAt: String?

    public init() {}
}

/// What intake knows when it opens a case.
public struct NewCase: Sendable {
    public var type: CaseType = .question
    public var priority: Int? = nil
    public var status: CaseStatus = .registered
    public var requester: String
    public var requesterName: String?
    public var organisation: String?
    public var location: String?
    public var role: String?
    public var subject: String
    public var language: String = "nl"
    public var linkedCaseID: Int64? = nil
    public var intake = IntakeFields()

    public init(requester: String, requesterName: String?, subject: String) {
        self.requester = requester
        self.requesterName = requesterName
        self.subject = subject
    }
}

/// A mail kept with a case (or alone, for automatic mail that has none).
public struct MessageRecord: Sendable, Equatable {
    public var id: Int64
    public var caseID: Int64?
    public var direction: String
    public var kind: String
    public var messageID: String?
    public var fromAddress: String?
    public var subject: String?
    public var text: String?
    public var createdAt: String
}

/// One row of the processed-mail ledger.
public struct LedgerEntry: Sendable, Equatable {
    public var mailbox: String
    public var uidValidity: Int64
    public var uid: Int64
    public var messageID: String?
    public var fingerprint: String
    /// `case`, `followup`, `auto`, `ignored`, `duplicate`, `quarantine`.
    public var outcome: String
    public var caseID: Int64?
    public var reason: String?
    /// True once the mail was moved (or flagged) on the server.
    public var settled: Bool

    public init(mailbox: String, uidValidity: Int64, uid: Int64, messageID: String?, fingerprint: String,
                outcome: String, caseID: Int64?, reason: String?, settled: Bool) {
        self.mailbox = mailbox
        self.uidValidity = uidValidity
        self.uid = uid
        self.messageID = messageID
        self.fingerprint = fingerprint
        self.outcome = outcome
        self.caseID = caseID
        self.reason = reason
        self.settled = settled
    }
}

/// One outgoing mail.
public struct OutboxItem: Sendable, Equatable {
    public var id: Int64
    public var caseID: Int64?
    public var kind: String
    public var mailFrom: String
    public var recipients: [String]
    public var messageID: String
    public var raw: [UInt8]
    public var attempts: Int
}

/// A row of the contacts directory (DAP R-AUTH-1).
public struct ContactRecord: Sendable, Equatable {
    public var email: String
    public var name: String
    public var organisation: String
    public var location: String
    public var role: String

    public init(email: String, name: String, organisation: String, location: String, role: String) {
        self.email = email
        self.name = name
        self.organisation = organisation
        self.location = location
        self.role = role
    }

    public static let roles: Set<String> = ["stichting-ict", "school-ict", "gebruiker"]
}

/// An attachment of a stored mail: the file is `<attachments>/<sha256[0..2]>/<sha256>` when `stored`.
public struct AttachmentRecord: Sendable, Equatable {
    public var filename: String
    public var contentType: String
    public var size: Int
    public var sha256: String
    public var stored: Bool
    public var reason: String?
}

/// An organisation of the contacts directory (DAP R-AUTH-1).
public struct OrganisationRecord: Sendable, Equatable {
    public var name: String
    public var domains: [String]
    public var onCall: Bool
    public var accountManager: String?

    public init(name: String, domains: [String], onCall: Bool, accountManager: String?) {
        self.name = name
        self.domains = domains
        self.onCall = onCall
        self.accountManager = accountManager
    }
}

/// A timer that came due (DAP R-INC-5).
public struct DueTimer: Sendable, Equatable {
    public var id: Int64
    public var caseID: Int64
    public var kind: String
    public var dueAt: String
}

/// A registered agent (DAP R-AGENT-3) with groups and absence (DAP R-ESC-1 backups).
public struct AgentRecord: Sendable, Equatable {
    public var email: String
    public var name: String
    public var groups: [String]
    public var absent: Bool
    public var backup: String?

    public init(email: String, name: String, groups: [String], absent: Bool = false, backup: String? = nil) {
        self.email = email
        self.name = name
        self.groups = groups
        self.absent = absent
        self.backup = backup
    }
}
