/// The language a requester wrote in, for the reply template (DESIGN.md "Templates": `nl` default, `en`).
public enum Language: String, Sendable, CaseIterable, Codable {
    case nl
    case en

    /// Dutch unless the mail is clearly English: English function words ("the", "and", "please", "could")
    /// at least twice as frequent as Dutch ones ("de", "het", "een", "graag"), with at least three of them,
    /// or at least two and no Dutch one at all. Words both languages use ("in", "is", "we", "of", "was")
    /// are not counted. Quoted history is not counted.
    public static func detect(subject: String, body: String) -> Language {
        detect(MailText(subject: subject, body: body))
    }

    /// The same, for the intake rules, which read the mail's words once.
    static func detect(_ text: MailText) -> Language {
        var nl = 0
        var en = 0
        for word in text.subject + text.body {
            if dutch.contains(word) { nl += 1 } else if english.contains(word) { en += 1 }
        }
        if en >= 3 && en >= 2 * nl { return .en }
        if en >= 2 && nl == 0 { return .en }
        return .nl
    }

    private static let dutch: Set<String> = Set([
        "de", "het", "een", "en", "van", "ik", "je", "jij", "u", "niet", "op", "met", "voor", "dat", "die", "er",
        "ook", "naar", "wij", "zijn", "wordt", "worden", "geen", "deze", "dit", "jullie", "mijn", "onze", "ons",
        "graag", "bij", "maar", "heb", "hebben", "heeft", "kan", "kunnen", "wel", "nog", "al", "om", "aan", "uit",
        "als", "dan", "wat", "hoe", "mag", "moet", "zou", "te", "hij", "zij", "ze", "nu", "of", "bedankt", "groet",
        "hallo", "hoi", "goedemorgen", "alvast", "sinds", "wil", "willen", "omdat", "waar", "wanneer",
    ]).subtracting(shared)

    private static let english: Set<String> = Set([
        "the", "a", "an", "and", "to", "i", "you", "my", "our", "your", "it", "are", "not", "on", "with", "for",
        "that", "this", "have", "has", "can", "could", "would", "please", "from", "at", "be", "been", "there",
        "they", "he", "she", "what", "how", "since", "but", "if", "no", "thanks", "thank", "hi", "hello", "dear",
        "regards", "do", "does", "doesnt", "dont", "cant", "cannot", "its", "im", "get", "got", "should", "will",
        "which", "who", "when", "where", "why", "any", "all", "just", "still", "again", "today", "yesterday",
        "morning", "since", "after", "before", "about", "some", "wed", "keeps", "into",
    ]).subtracting(shared)

    /// Words common to both, never counted.
    private static let shared: Set<String> = [
        "in", "is", "we", "of", "was", "had", "die", "over", "hoe", "man", "hem", "door",
    ]
}
