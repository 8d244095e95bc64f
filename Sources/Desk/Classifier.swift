/// Classifies a new case from its subject and body (DAP R-CASE-4): subject tags first, then Dutch and English
/// wording, else `question` for the desk to triage.
///
/// The rule for doubt: **a miss goes to question, never to a wrong type.** The wording score of each type is
/// the sum of its matched lexicon weights (each pattern once per zone: ×1.5 in the subject, ×1 in the body,
/// ×0.5 in quoted or forwarded text; of nested matches of one type only the heaviest), plus the keywords of
/// the best catalog item (requests) or standard change (changes). A type is answered only when it leads
/// clearly: at least `minimumScore`, at least `margin` above the runner-up, at least `ratio` times it, and
/// backed by two matches or one strong one (`singleEvidenceScore`). Question wording ("hoe", "mag ik",
/// "how do I", `?`) scores for `question` and so pulls doubtful mails to triage. Agents reclassify what the
/// rules miss (R-AGENT-2).
public struct Classifier: Sendable {
    /// The tuning of the wording score.
    public struct Thresholds: Sendable, Hashable, Codable {
        /// The least score a type needs to be answered.
        public var minimumScore: Double
        /// How far the leader must be above the runner-up (absolute).
        public var margin: Double
        /// How far the leader must be above the runner-up (ratio).
        public var ratio: Double
        /// Weight factor for words in the subject.
        public var subjectFactor: Double
        /// Weight factor for words in quoted or forwarded text.
        public var quotedFactor: Double
        /// Weight of each matching catalog item keyword (at most two count per item).
        public var catalogKeywordWeight: Double
        /// Weight of each matching standard change keyword (at most two count per change).
        public var standardChangeKeywordWeight: Double
        /// Question score per `?` (at most three count).
        public var questionMarkWeight: Double
        /// Emergency wording score from which a change is an emergency change.
        public var emergencyScore: Double
        /// A type decided by one single match needs that match to weigh at least this much.
        public var singleEvidenceScore: Double

        public init(
            minimumScore: Double = 3,
            margin: Double = 1.5,
            ratio: Double = 1.3,
            subjectFactor: Double = 1.5,
            quotedFactor: Double = 0.5,
            catalogKeywordWeight: Double = 2,
            standardChangeKeywordWeight: Double = 2.5,
            questionMarkWeight: Double = 0.5,
            emergencyScore: Double = 2,
            singleEvidenceScore: Double = 4
        ) {
            self.minimumScore = minimumScore
            self.margin = margin
            self.ratio = ratio
            self.subjectFactor = subjectFactor
            self.quotedFactor = quotedFactor
            self.catalogKeywordWeight = catalogKeywordWeight
            self.standardChangeKeywordWeight = standardChangeKeywordWeight
            self.questionMarkWeight = questionMarkWeight
            self.emergencyScore = emergencyScore
            self.singleEvidenceScore = singleEvidenceScore
        }

        public static let standard = Thresholds()
    }

    public let catalog: ServiceCatalog
    public let lexicon: Lexicon
    public let thresholds: Thresholds

    /// A lexicon entry; `pattern` is its index in `keywords`.
    private struct Rule: Sendable {
        let pattern: Int
        let type: CaseType
        let weight: Double
    }

    /// Every pattern the classifier reads (lexicon, catalog items, standard changes, services, emergency
    /// wording), matched in one pass over each zone's words (perf, scripts/bench-intake). The fields below
    /// name patterns by their index here.
    private let keywords: KeywordSet
    private let rules: [Rule]
    private let itemPatterns: [[Int]]
    /// The standard changes of all services, in catalog order, with where they stand in the catalog.
    private let standardChanges: [(service: Int, change: Int, patterns: [Int])]
    private let servicePatterns: [[Int]]
    private let emergencyRules: [(pattern: Int, weight: Double)]

    /// - Parameters:
    ///   - catalog: the operator's services, standard changes and request items.
    ///   - lexicon: the wording; `Lexicon.standard` unless an operator extends it.
    ///   - thresholds: the score tuning.
    public init(catalog: ServiceCatalog = .empty, lexicon: Lexicon = .standard, thresholds: Thresholds = .standard) {
        self.catalog = catalog
        self.lexicon = lexicon
        self.thresholds = thresholds
        var patterns: [KeywordPattern] = []
        /// Compiles `sources` into `patterns`; their indices, sources without a word left out.
        func compile(_ sources: [String]) -> [Int] {
            sources.compactMap(KeywordPattern.init).map { pattern in
                patterns.append(pattern)
                return patterns.count - 1
            }
        }
        var seen: [String: Int] = [:]
        var rules: [Rule] = []
        for entry in lexicon.entries {
            guard let pattern = KeywordPattern(entry.pattern) else { continue }
            let key = "\(entry.type.rawValue)|\(pattern.source)"
            if let index = seen[key] {
                // The same pattern twice for a type counts once, at its highest weight.
                if entry.weight > rules[index].weight {
                    rules[index] = Rule(pattern: rules[index].pattern, type: entry.type, weight: entry.weight)
                }
                continue
            }
            seen[key] = rules.count
            patterns.append(pattern)
            rules.append(Rule(pattern: patterns.count - 1, type: entry.type, weight: entry.weight))
        }
        self.rules = rules
        self.itemPatterns = catalog.items.map { compile($0.keywords) }
        self.standardChanges = catalog.services.enumerated().flatMap { s, service in
            service.standardChanges.enumerated().map { c, change in
                (service: s, change: c, patterns: compile(change.keywords))
            }
        }
        self.servicePatterns = catalog.services.map { compile($0.keywords) }
        self.emergencyRules = Classifier.emergencyWording.compactMap { source, weight in
            compile([source]).first.map { (pattern: $0, weight: weight) }
        }
        self.keywords = KeywordSet(patterns)
    }

    /// DAP R-CHG-1, R-CHG-4: wording that makes a change an emergency change.
    static let emergencyWording: [(String, Double)] = [
        ("!spoed*", 2), ("met spoed", 2), ("!*spoed", 2), ("!emergency", 2), ("!urgent*", 1.5), ("!dringend", 1.5),
        ("vandaag nog", 1.5), ("asap", 1.5), ("zo snel mogelijk", 1), ("z s m", 1), ("e cab", 2), ("ecab", 2),
        ("tonight", 1), ("vanavond", 1), ("before midnight", 1.5), ("immediately", 1), ("onmiddellijk", 1),
        ("vandaag", 0.5), ("today", 0.5),
    ]

    // MARK: - Classifying

    /// DAP R-CASE-4: the type of a new case.
    public func classify(subject: String, body: String) -> Classification {
        classify(subject: subject, mail: MailText(subject: subject, body: body))
    }

    /// DAP R-CASE-4, for the intake rules, which read the mail's words once: `mail` is
    /// `MailText(subject: subject, body: body)`.
    func classify(subject: String, mail: MailText) -> Classification {
        let tags = SubjectTag.find(in: subject)
        let untagged = SubjectTag.removing(from: subject)
        let text = Scan(untagged == subject ? mail : mail.replacingSubject(untagged), keywords)

        var candidates: [Candidate] = []
        for rule in rules {
            for hit in hits(rule.pattern, in: text) {
                candidates.append(
                    Candidate(type: rule.type, source: .wording, hit: hit, weight: rule.weight * hit.factor))
            }
        }
        // DAP R-REQ-1: the best catalog item's keywords count for a request.
        let item = bestMatch(itemPatterns, weight: thresholds.catalogKeywordWeight, in: text)
        candidates +=
            item?.hits.map { Candidate(type: .request, source: .catalogItem, hit: $0.hit, weight: $0.weight) } ?? []
        // DAP R-CHG-1: the best standard change's keywords count for a change.
        let standard = bestMatch(
            standardChanges.map(\.patterns), weight: thresholds.standardChangeKeywordWeight, in: text)
        candidates +=
            standard?.hits.map { Candidate(type: .change, source: .standardChange, hit: $0.hit, weight: $0.weight) }
            ?? []

        // The same words count once per type: of nested matches ("reset", "reset a password") only the
        // heaviest counts, whether it came from the lexicon or the catalog.
        var evidence: [Evidence] = []
        var scores: [CaseType: Double] = [:]
        for type in Classifier.classifiable { scores[type] = 0 }
        var accepted: [Candidate] = []
        var counts: [CaseType: Int] = [:]
        for candidate in candidates.sorted(by: { $0.weight > $1.weight }) {
            let nested = accepted.contains {
                $0.type == candidate.type && $0.hit.zone == candidate.hit.zone
                    && ($0.hit.range.contains(candidate.hit.range) || candidate.hit.range.contains($0.hit.range))
            }
            if nested { continue }
            accepted.append(candidate)
            counts[candidate.type, default: 0] += 1
            scores[candidate.type, default: 0] += candidate.weight
            evidence.append(
                Evidence(
                    type: candidate.type, source: candidate.source, text: candidate.hit.text, zone: candidate.hit.zone,
                    weight: candidate.weight
                ))
        }
        let marks = Double(min(text.mail.questionMarks, 3)) * thresholds.questionMarkWeight
        if marks > 0 {
            scores[.question, default: 0] += marks
            evidence.append(Evidence(type: .question, source: .wording, text: "?", zone: nil, weight: marks))
        }

        // The decision.
        var type: CaseType
        var basis: Classification.Basis
        var emergencyTag = false
        if !tags.isEmpty {
            let tagged = Set(tags.map(\.caseType))
            emergencyTag = tags.contains { $0.changeKind == .emergency }
            evidence.insert(
                contentsOf: tags.map {
                    Evidence(type: $0.caseType, source: .tag, text: $0.description, zone: .subject, weight: 0)
                }, at: 0)
            basis = .tag
            if tagged.contains(.security) {
                // DAP R-SEC-1: a security tag wins over any other tag; a breach must not wait in triage.
                type = .security
            } else if tagged.count == 1, let only = tagged.first {
                type = only
            } else {
                // Conflicting tags: the wording decides between them, else triage.
                let byWording = decide(scores, counts: counts)
                if let byWording, tagged.contains(byWording) {
                    type = byWording
                } else {
                    type = .question
                    basis = .fallback
                }
            }
        } else if let byWording = decide(scores, counts: counts) {
            type = byWording
            basis = .wording
        } else {
            type = .question
            basis = .fallback
        }

        // DAP R-CHG-1: the kind of a change.
        var changeKind: ChangeKind?
        var standardChange: StandardChange?
        var service: Service?
        if type == .change {
            let emergency = emergencyRules.compactMap { pattern, weight -> Evidence? in
                guard let hit = bestHit(pattern, in: text) else { return nil }
                return Evidence(
                    type: .change, source: .emergencyWording, text: hit.text, zone: hit.zone, weight: weight)
            }
            let emergencyScore = emergency.reduce(0) { $0 + $1.weight }
            if emergencyTag {
                changeKind = .emergency
            } else if let standard, standard.score > 0 {
                changeKind = .standard
                let pick = standardChanges[standard.index]
                standardChange = catalog.services[pick.service].standardChanges[pick.change]
                service = catalog.services[pick.service]
            } else if emergencyScore >= thresholds.emergencyScore {
                changeKind = .emergency
                evidence += emergency
            } else {
                changeKind = .normal
            }
        }
        if service == nil, let best = bestMatch(servicePatterns, weight: 1, in: text) {
            service = catalog.services[best.index]
        }
        let catalogItem = type == .request ? item.map { catalog.items[$0.index] } : nil

        evidence.sort { a, b in
            if (a.source == .tag) != (b.source == .tag) { return a.source == .tag }
            return a.weight > b.weight
        }
        return Classification(
            type: type,
            changeKind: changeKind,
            basis: basis,
            catalogItem: catalogItem,
            standardChange: standardChange,
            service: service,
            tags: tags,
            evidence: evidence,
            scores: scores
        )
    }

    /// The types the intake classifier answers (R-CASE-4); `problem` is made by agents (R-PRB-1).
    static let classifiable: [CaseType] = [.incident, .request, .change, .complaint, .question, .security]

    /// The clear leader among the wording scores, or nil when there is none (then: question).
    func decide(_ scores: [CaseType: Double], counts: [CaseType: Int]) -> CaseType? {
        let ranked = Classifier.classifiable.map { ($0, scores[$0] ?? 0) }.sorted { $0.1 > $1.1 }
        guard let (best, top) = ranked.first else { return nil }
        let runnerUp = ranked.count > 1 ? ranked[1].1 : 0
        // One weak word alone ("beeldscherm", "broken") is not enough; one strong one ("datalek") is.
        guard (counts[best] ?? 0) >= 2 || top >= thresholds.singleEvidenceScore else { return nil }
        guard top >= thresholds.minimumScore,
            top - runnerUp >= thresholds.margin,
            top >= runnerUp * thresholds.ratio
        else { return nil }
        return best
    }

    // MARK: - Matching

    private struct Hit {
        let text: String
        let zone: TextZone
        let factor: Double
        let range: ClosedRange<Int>
    }

    private struct Candidate {
        let type: CaseType
        let source: Evidence.Source
        let hit: Hit
        let weight: Double
    }

    private func factor(_ zone: TextZone) -> Double {
        switch zone {
        case .subject: return thresholds.subjectFactor
        case .body: return 1
        case .quoted: return thresholds.quotedFactor
        }
    }

    /// A mail's words with the first match of each of the classifier's patterns, per zone.
    private struct Scan {
        let mail: MailText
        let subject: [ClosedRange<Int>?]
        let body: [ClosedRange<Int>?]
        let quoted: [ClosedRange<Int>?]

        init(_ mail: MailText, _ keywords: KeywordSet) {
            self.mail = mail
            subject = keywords.firstMatches(in: mail.subject)
            body = keywords.firstMatches(in: mail.body)
            quoted = keywords.firstMatches(in: mail.quoted)
        }

        /// The first match of pattern `index` in `zone`.
        func firstMatch(_ index: Int, in zone: TextZone) -> ClosedRange<Int>? {
            switch zone {
            case .subject: return subject[index]
            case .body: return body[index]
            case .quoted: return quoted[index]
            }
        }
    }

    /// The first match of pattern `pattern` in each zone.
    private func hits(_ pattern: Int, in text: Scan) -> [Hit] {
        // Most patterns match nowhere: answer those without building anything.
        guard text.subject[pattern] != nil || text.body[pattern] != nil || text.quoted[pattern] != nil else {
            return []
        }
        return [TextZone.subject, .body, .quoted].compactMap { zone in
            guard let range = text.firstMatch(pattern, in: zone) else { return nil }
            let words = text.mail.tokens(in: zone)
            return Hit(text: words[range].joined(separator: " "), zone: zone, factor: factor(zone), range: range)
        }
    }

    /// The match of pattern `pattern` in the zone with the highest factor.
    private func bestHit(_ pattern: Int, in text: Scan) -> Hit? {
        var best: Hit?
        for zone in [TextZone.subject, .body, .quoted] {
            guard let range = text.firstMatch(pattern, in: zone) else { continue }
            let words = text.mail.tokens(in: zone)
            let f = factor(zone)
            if best == nil || f > (best?.factor ?? 0) {
                best = Hit(text: words[range].joined(separator: " "), zone: zone, factor: f, range: range)
            }
        }
        return best
    }

    private struct Match {
        let index: Int
        let score: Double
        let hits: [(hit: Hit, weight: Double)]
    }

    /// The entry (catalog item, standard change, service) whose keywords score highest; ties go to the
    /// first listed. At most two keywords count per entry, so a long keyword list does not outweigh the
    /// lexicon.
    private func bestMatch(_ entries: [[Int]], weight: Double, in text: Scan) -> Match? {
        var best: Match?
        for (index, patterns) in entries.enumerated() {
            var hits: [(hit: Hit, weight: Double)] = []
            for pattern in patterns {
                hits += self.hits(pattern, in: text).map { ($0, weight * $0.factor) }
            }
            hits.sort { $0.weight > $1.weight }
            hits = Array(hits.prefix(2))
            let score = hits.reduce(0) { $0 + $1.weight }
            if score > 0 && score > (best?.score ?? 0) { best = Match(index: index, score: score, hits: hits) }
        }
        return best
    }
}
