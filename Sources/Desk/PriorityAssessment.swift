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
        let fresh = MailText.split(body).fresh
        let lines = [subject] + fresh.split(whereSeparator: \.isNewline).map(String.init)
        let statedImpact = stated(keys: ["impact"], in: lines)
        let statedUrgency = stated(keys: ["urgentie", "urgency", "urgent"], in: lines)

        var result = PriorityAssessment(
            impact: .low, urgency: .medium, impactSource: .fallback, urgencySource: .fallback)
        let text = MailText(subject: subject, body: body)
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
    static func stated(keys: [String], in lines: [String]) -> Level? {
        for line in lines {
            let folded = Array(line.lowercased().folding(options: .diacriticInsensitive, locale: nil))
            for key in keys {
                let k = Array(key)
                var i = 0
                while i + k.count <= folded.count {
                    defer { i += 1 }
                    guard Array(folded[i..<(i + k.count)]) == k else { continue }
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

    static let impactWording: [(KeywordPattern, Level)] = compile([
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

    static let urgencyWording: [(KeywordPattern, Level)] = compile([
        ("!spoed", .high), ("met spoed", .high), ("!dringend", .high), ("!urgent", .high), ("asap", .high),
        ("zo snel mogelijk", .high), ("vandaag nog", .high), ("immediately", .high), ("right away", .high),
        ("geen haast", .low), ("niet dringend", .low), ("niet urgent", .low), ("no rush", .low),
        ("not urgent", .low), ("when you have time", .low), ("als jullie tijd hebben", .low),
    ])

    private static func compile(_ list: [(String, Level)]) -> [(KeywordPattern, Level)] {
        list.compactMap { source, level in KeywordPattern(source).map { ($0, level) } }
    }

    /// The highest level any pattern gives, with the words that gave it. For urgency a "low" phrase also
    /// counts, but a "high" one in the same mail wins.
    private static func strongest(_ rules: [(KeywordPattern, Level)], in zones: [[String]]) -> (Level, String)? {
        var best: (Level, String)?
        for (pattern, level) in rules {
            for words in zones {
                guard let range = pattern.firstMatch(in: words) else { continue }
                if best == nil || level > (best?.0 ?? .low) { best = (level, words[range].joined(separator: " ")) }
            }
        }
        return best
    }
}
