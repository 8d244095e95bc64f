import Foundation

/// Impact and urgency as read from a mail (DAP 4.6, R-CASE-5).
///
/// The rule, in order:
/// 1. A stated value wins: an `Impact:` line or tag, an `Urgentie:`/`Urgency:` line or tag, anywhere in the
///    subject or the new body text (`Impact: hoog / Urgentie: hoog` on one line works; so do
///    `[Impact: high]` and `[Urgentie hoog]`). Values: hoog/high, middel/gemiddeld/medium/normaal,
///    laag/low (`Level(word:)`).
/// 2. Otherwise wording may **raise** the impact from the default low, never lower it: organisation-wide
///    or several-location wording ("hele school", "alle locaties", "niemand kan", "iedereen",
///    "whole school", "nobody can", "all staff") → high, matching R-CASE-5's "organisation-wide / several
///    locations"; one-group wording ("hele klas", "alle leerlingen", "meerdere collega's", "whole class",
///    "colleagues have the same") → medium, R-CASE-5's "one location or group". A negation right before
///    it ("niet de hele school") cancels it.
/// 3. Otherwise wording may set the urgency: "spoed", "dringend", "urgent", "asap", "zo snel mogelijk" →
///    high; "geen haast", "niet dringend", "no rush", "not urgent" → low.
/// 4. Otherwise the R-CASE-5 defaults: impact low, urgency medium.
public struct PriorityAssessment: Sendable, Hashable {
    /// Where a value came from.
    public enum Source: String, Sendable, Hashable, Codable {
        /// An `Impact:`/`Urgentie:` line or tag.
        case stated
        /// The wording rule.
        case wording
        /// The R-CASE-5 default.
        case fallback = "default"
    }

    public var impact: Impact
    public var urgency: Urgency
    public var impactSource: Source
    public var urgencySource: Source
    /// The words that decided a `.wording` value (for the agent).
    public var evidence: [String]

    public init(impact: Impact, urgency: Urgency, impactSource: Source, urgencySource: Source, evidence: [String] = [])
    {
        self.impact = impact
        self.urgency = urgency
        self.impactSource = impactSource
        self.urgencySource = urgencySource
        self.evidence = evidence
    }

    /// DAP R-CASE-5: reads impact and urgency from a mail's subject and body.
    public static func assess(subject: String, body: String) -> PriorityAssessment {
        assess(subject: subject, mail: MailText(subject: subject, body: body))
    }

    /// DAP R-CASE-5, for the intake rules, which read the mail's words once: `mail` is
    /// `MailText(subject: subject, body: body)`.
    static func assess(subject: String, mail text: MailText) -> PriorityAssessment {
        let lines = [subject] + text.fresh.split(whereSeparator: \.isNewline).map(String.init)
        let statedImpact = stated(keys: ["impact"], in: lines)
        let statedUrgency = stated(keys: ["urgentie", "urgency", "urgent"], in: lines)

        var result = PriorityAssessment(
            impact: .low, urgency: .medium, impactSource: .fallback, urgencySource: .fallback)
        let words = [text.subject, text.body]

        if let statedImpact {
            result.impact = statedImpact
            result.impactSource = .stated
        } else if let (level, evidence) = strongest(impactWording, in: words) {
            result.impact = level
            result.impactSource = .wording
            result.evidence.append(evidence)
        }
        if let statedUrgency {
            result.urgency = statedUrgency
            result.urgencySource = .stated
        } else if let (level, evidence) = strongest(urgencyWording, in: words) {
            result.urgency = level
            result.urgencySource = .wording
            result.evidence.append(evidence)
        }
        return result
    }

    // MARK: - Stated values

    /// The first `key: value`, `key = value` or `[key value]` with a known level word, in any line.
    ///
    /// Perf (scripts/bench-intake): an ASCII line needs no folding, and one without any key is skipped
    /// before it is cut into characters; a key is compared in place, not copied at every position.
    static func stated(keys: [String], in lines: [String]) -> Level? {
        for line in lines {
            let lower = line.lowercased()
            let bytes = Array(lower.utf8)
            let ascii = bytes.allSatisfy { $0 < 0x80 }
            if ascii && !keys.contains(where: { bytes.containsBytes(of: $0) }) { continue }
            let folded = Array(ascii ? lower : lower.folding(options: .diacriticInsensitive, locale: nil))
            for key in keys {
                let k = Array(key)
                var i = 0
                while i + k.count <= folded.count {
                    defer { i += 1 }
                    guard folded[i] == k[0], folded[i..<(i + k.count)].elementsEqual(k) else { continue }
                    let before: Character? = i > 0 ? folded[i - 1] : nil
                    if let before, before.isLetter || before.isNumber { continue }
                    var j = i + k.count
                    if j < folded.count, folded[j].isLetter { continue }
                    while j < folded.count, folded[j] == " " || folded[j] == "\t" { j += 1 }
                    var separated = false
                    if j < folded.count, folded[j] == ":" || folded[j] == "=" {
                        separated = true
                        j += 1
                    }
                    guard separated || before == "[" else { continue }
                    while j < folded.count, folded[j] == " " || folded[j] == "\t" { j += 1 }
                    var word = ""
                    while j < folded.count, folded[j].isLetter {
                        word.append(folded[j])
                        j += 1
                    }
                    if let level = Level(word: word) { return level }
                }
            }
        }
        return nil
    }

    // MARK: - Wording

    static let impactWording = Wording([
        ("!hele school", .high), ("!hele stichting", .high), ("!alle scholen", .high), ("!alle locaties", .high),
        ("!meerdere locaties", .high), ("!meerdere scholen", .high), ("niemand ~ kan", .high), ("kan niemand", .high),
        ("niemand ~ heeft", .high), ("!iedereen", .high), ("!alle medewerkers", .high), ("!alle collegas", .high),
        ("!alle docenten", .high), ("!alle gebruikers", .high), ("!hele gebouw", .high), ("!hele organisatie", .high),
        ("!whole school", .high), ("!entire school", .high), ("!all schools", .high), ("!all locations", .high),
        ("!several locations", .high), ("!several schools", .high), ("nobody can", .high), ("no one can", .high),
        ("!everyone", .high), ("!everybody", .high), ("!all staff", .high), ("!all users", .high),
        ("!all teachers", .high), ("!whole foundation", .high), ("!whole building", .high),
        ("!hele klas", .medium), ("!hele groep", .medium), ("!alle leerlingen", .medium),
        ("!meerdere collegas", .medium),
        ("!hele team", .medium), ("!hele afdeling", .medium), ("!hele bouw", .medium), ("meer collegas", .medium),
        ("!whole class", .medium), ("!all pupils", .medium), ("!several colleagues", .medium),
        ("colleagues have the same", .medium), ("!whole team", .medium), ("!whole department", .medium),
    ])

    static let urgencyWording = Wording([
        ("!spoed", .high), ("met spoed", .high), ("!dringend", .high), ("!urgent", .high), ("asap", .high),
        ("zo snel mogelijk", .high), ("vandaag nog", .high), ("immediately", .high), ("right away", .high),
        ("geen haast", .low), ("niet dringend", .low), ("niet urgent", .low), ("no rush", .low),
        ("not urgent", .low), ("when you have time", .low), ("als jullie tijd hebben", .low),
    ])

    /// Patterns with the level each gives, matched as one `KeywordSet` (perf, scripts/bench-intake).
    struct Wording: Sendable {
        let patterns: KeywordSet
        let levels: [Level]

        init(_ list: [(String, Level)]) {
            let compiled = list.compactMap { source, level in KeywordPattern(source).map { ($0, level) } }
            patterns = KeywordSet(compiled.map(\.0))
            levels = compiled.map(\.1)
        }
    }

    /// The highest level any pattern gives, with the words that gave it. For urgency a "low" phrase also
    /// counts, but a "high" one in the same mail wins.
    private static func strongest(_ wording: Wording, in zones: [[String]]) -> (Level, String)? {
        var best: (Level, String)?
        let matches = zones.map { wording.patterns.firstMatches(in: $0) }
        for (index, level) in wording.levels.enumerated() {
            for (words, found) in zip(zones, matches) {
                guard let range = found[index] else { continue }
                if best == nil || level > (best?.0 ?? .low) { best = (level, words[range].joined(separator: " ")) }
            }
        }
        return best
    }
}

extension Array where Element == UInt8 {
    /// Whether `key`'s UTF-8 bytes stand somewhere in these bytes, in a row.
    fileprivate func containsBytes(of key: String) -> Bool {
        let k = Array(key.utf8)
        guard let head = k.first else { return true }
        guard count >= k.count else { return false }
        for i in 0...(count - k.count) where self[i] == head {
            if self[i..<(i + k.count)].elementsEqual(k) { return true }
        }
        return false
    }
}
