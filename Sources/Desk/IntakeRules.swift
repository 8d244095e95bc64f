import Foundation

/// The intake rules and their configuration: one pure entry point from a new mail to an
/// `IntakeDecision` (DAP R-CASE-4, R-CASE-5, R-CASE-7, R-INC-2, R-INC-3, R-INC-5, R-SEC-1, R-AUTH-1,
/// R-AUTH-2, R-CHG-2). No clock, no files: the arrival instant comes in, the decision goes out.
public struct IntakeRules: Sendable {
    /// DAP R-CASE-4 with the operator's catalog (R-REQ-1, R-CHG-1).
    public var classifier: Classifier
    /// DAP R-CASE-5.
    public var priorityMatrix: PriorityMatrix
    /// DAP R-AUTH-1, R-AUTH-2.
    public var authorisation: AuthorisationMatrix
    /// DAP R-INC-5.
    public var sla: SLAPolicy
    /// DAP R-CAL-1.
    public var calendar: WerkdagCalendar
    /// DAP R-INC-2: the servicedesk's number (default 074 240 46 66).
    public var phoneNumber: String
    /// Phone hours on werkdagen, local, from the first hour up to (not including) the last (DAP 4.5:
    /// 07:00–17:00); only used in reply texts (R-CAL-1).
    public var phoneHours: Range<Int>
    /// DAP R-INC-3: the on-call window on werkdagen, local, 17:00 up to 22:00 by default.
    public var onCallHours: Range<Int>
    /// DAP R-INC-3: the on-call reaction time of a phoned-in P1 (default 60 minutes).
    public var onCallReactionMinutes: Int
    /// Werkuren in a werkdag, to turn a catalog lead time in werkdagen into werkuren (default 9).
    public var werkurenPerWerkdag: Double

    public init(
        catalog: ServiceCatalog = .empty,
        lexicon: Lexicon = .standard,
        thresholds: Classifier.Thresholds = .standard,
        priorityMatrix: PriorityMatrix = .standard,
        authorisation: AuthorisationMatrix = .standard,
        sla: SLAPolicy = .standard,
        calendar: WerkdagCalendar = WerkdagCalendar(),
        phoneNumber: String = "074 240 46 66",
        phoneHours: Range<Int> = 7..<17,
        onCallHours: Range<Int> = 17..<22,
        onCallReactionMinutes: Int = 60
    ) {
        self.classifier = Classifier(catalog: catalog, lexicon: lexicon, thresholds: thresholds)
        self.priorityMatrix = priorityMatrix
        self.authorisation = authorisation
        self.sla = sla
        self.calendar = calendar
        self.phoneNumber = phoneNumber
        self.phoneHours = phoneHours
        self.onCallHours = onCallHours
        self.onCallReactionMinutes = onCallReactionMinutes
        self.werkurenPerWerkdag = Double(calendar.closingHour - calendar.openingHour)
    }

    /// The same as `rules.decide(subject:text:requester:at:)`.
    public static func decide(subject: String, text: String, requester: Requester, at: Date, rules: IntakeRules)
        -> IntakeDecision
    {
        rules.decide(subject: subject, text: text, requester: requester, at: at)
    }

    /// Decides a new case.
    /// - Parameters:
    ///   - subject: the mail's decoded subject.
    ///   - text: the mail's body as text (HTML already turned into text by `Mail`); quoted history may stay,
    ///     the classifier weighs it down.
    ///   - requester: who sent it (`Requester.resolve`).
    ///   - at: when the mail arrived; the SLA clock starts here (R-CASE-7).
    public func decide(subject: String, text: String, requester: Requester, at: Date) -> IntakeDecision {
        // The mail's words, read once for all the rules below (perf, scripts/bench-intake).
        let mail = MailText(subject: subject, body: text)

        // DAP R-CASE-4
        let classification = classifier.classify(subject: subject, mail: mail)
        let type = classification.type
        let changeKind = classification.changeKind

        // DAP R-CASE-5, R-SEC-1
        let assessment = PriorityAssessment.assess(subject: subject, mail: mail)
        let priority: Priority?
        let basis: IntakeDecision.PriorityBasis
        switch type {
        case .security:
            priority = .p1
            basis = .security
        case .incident, .request, .change, .problem:
            priority = priorityMatrix.priority(impact: assessment.impact, urgency: assessment.urgency)
            basis = .matrix
        case .complaint, .question:
            priority = nil
            basis = .none
        }

        // DAP R-AUTH-1, R-AUTH-2, R-CHG-2: the submitter's right is checked before anything else.
        let authorisation = self.authorisation.decide(requester: requester, type: type, changeKind: changeKind)
        let startsWork: Bool
        switch authorisation {
        case .allowed: startsWork = true
        case .refused: startsWork = false
        case .unidentified: startsWork = type != .change
        }

        // DAP R-REQ-1, R-REQ-2, R-AUTH-3
        let item = classification.catalogItem
        let missing = item.map { missingInformation($0, in: mail) } ?? []

        // The reply.
        let onCall =
            requester.onCall
            && calendar.isOnWerkdag(at, betweenHour: onCallHours.lowerBound, and: onCallHours.upperBound)
        var replies: [ReplyKind] = []
        if case .unidentified = authorisation { replies.append(.unknownOrganisation) }
        if case .refused(_, let submitters) = authorisation { replies.append(.refusal(allowedSubmitters: submitters)) }
        if type == .security {
            replies.append(.securityCallNow(onCall: onCall))
        } else if type == .incident, priority == .p1 {
            replies.append(.p1PhoneAdvice(onCall: onCall))
        }
        if startsWork, !missing.isEmpty { replies.append(.missingInformation(missing)) }
        var copyTo: [String] = []
        if type == .complaint {
            replies.append(.complaintRegistered)
            if let manager = requester.accountManager, !manager.isEmpty { copyTo.append(manager) }
        }
        let onCallAdvice = replies.contains { kind in
            switch kind {
            case .p1PhoneAdvice(let flag), .securityCallNow(let flag): return flag
            default: return false
            }
        }

        // DAP R-INC-5, R-CASE-7, R-CHG-5
        var clock: SLAClock?
        if startsWork, let priority {
            switch type {
            case .incident, .security:
                clock = SLAClock(start: at, priority: priority, policy: sla, calendar: calendar)
            case .request, .change:
                // DAP R-CHG-5: normal and emergency changes have no SLA clock.
                if type == .change && changeKind != .standard { break }
                var resolution = sla.resolutionTarget(priority)
                if let item, item.leadTimeWerkdagen > 0 {
                    // DAP R-REQ-1: a catalog item's standard lead time is its resolution target.
                    resolution = Double(item.leadTimeWerkdagen) * werkurenPerWerkdag
                }
                clock = SLAClock(
                    start: at,
                    reactionTarget: sla.reactionTarget(priority),
                    resolutionTarget: resolution,
                    warningFraction: sla.warningFraction,
                    calendar: calendar
                )
            default:
                clock = nil
            }
        }

        return IntakeDecision(
            type: type,
            changeKind: changeKind,
            classification: classification,
            priority: priority,
            priorityBasis: basis,
            impact: assessment.impact,
            urgency: assessment.urgency,
            assessment: assessment,
            requester: requester,
            authorisation: authorisation,
            startsWork: startsWork,
            needsApproval: startsWork && (item?.needsApproval ?? false),
            missingInformation: startsWork ? missing : [],
            language: Language.detect(mail),
            replies: replies,
            phoneNumber: phoneNumber,
            phoneLineOpen: calendar.isOnWerkdag(at, betweenHour: phoneHours.lowerBound, and: phoneHours.upperBound),
            onCallReactionMinutes: onCallAdvice ? onCallReactionMinutes : nil,
            copyTo: copyTo,
            receivedAt: at,
            sla: clock
        )
    }

    /// DAP R-REQ-2: the item's required fields the mail does not name. A field is named when its name, or
    /// one of its `|`-separated aliases (`Naam|Name`), appears as words in the subject or body. Crude on
    /// purpose: the desk asks for what it cannot see; the requester's answer resumes the case.
    public func missingInformation(_ item: CatalogItem, subject: String, text: String) -> [String] {
        missingInformation(item, in: MailText(subject: subject, body: text))
    }

    private func missingInformation(_ item: CatalogItem, in mail: MailText) -> [String] {
        let words = [mail.subject, mail.body, mail.quoted]
        return item.requiredInformation.filter { field in
            let aliases = field.split(separator: "|").compactMap { KeywordPattern(String($0)) }
            return !aliases.contains { pattern in words.contains { pattern.firstMatch(in: $0) != nil } }
        }.map { field in
            String(field.split(separator: "|").first ?? Substring(field)).trimmedSpaces
        }
    }
}
