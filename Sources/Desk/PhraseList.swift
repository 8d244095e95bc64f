/// Phrases in the `KeywordPattern` syntax, compiled once, for the readers of reporter and requester mail
/// (`DataBreachChecklist` DAP R-SEC-2, `SecurityTriage` R-SEC-3/R-SEC-4, `RequesterReply` R-INC-8/R-ESC-2).
/// Internal; pure string work on the folded words of `MailText.words`.
///
/// A negatable pattern (`!`) does not count when a negation stands one or two words before it, as in
/// `KeywordPattern`, and also when one stands between its words: `!op ~ link ~ geklikt` does not match
/// "op de link heb ik niet geklikt". The negations here are `KeywordPattern.negators` plus `niets`, `nothing`,
/// `niemand`, `nobody` and the English contractions (`didnt`, `isnt` …).
struct PhraseList: Sendable {
    private struct Entry: Sendable {
        let pattern: KeywordPattern
        let label: String
    }

    private let entries: [Entry]

    static let negators: Set<String> = KeywordPattern.negators.union([
        "niets", "niks", "nothing", "niemand", "nobody", "didnt", "dont", "doesnt", "isnt", "arent", "wasnt",
        "werent", "hasnt", "havent", "hadnt", "cant", "cannot", "wont",
    ])

    /// Each pattern labelled with itself, without the `!`.
    init(_ sources: [String]) {
        self.init(labelled: sources.map { ($0, $0.hasPrefix("!") ? String($0.dropFirst()) : $0) })
    }

    /// Patterns with the label a match reports (`("!ransom*", "ransom")`).
    init(labelled: [(pattern: String, label: String)]) {
        entries = labelled.compactMap { source, label in
            KeywordPattern(source).map { Entry(pattern: $0, label: label) }
        }
    }

    /// Whether any pattern matches `words`.
    func matches(_ words: [String]) -> Bool { firstLabel(in: words) != nil }

    /// The label of the first pattern, in list order, that matches `words`.
    func firstLabel(in words: [String]) -> String? {
        for entry in entries where accepted(entry.pattern, in: words) != nil { return entry.label }
        return nil
    }

    /// The labels of every pattern that matches `words`, each once, in list order.
    func labels(in words: [String]) -> [String] {
        var found: [String] = []
        for entry in entries where !found.contains(entry.label) && accepted(entry.pattern, in: words) != nil {
            found.append(entry.label)
        }
        return found
    }

    /// The word ranges of all matches of all patterns (negated ones left out).
    func ranges(in words: [String]) -> [ClosedRange<Int>] {
        entries.flatMap { entry in
            entry.pattern.matches(in: words).filter { !isNegated(entry.pattern, $0, in: words) }
        }
    }

    private func accepted(_ pattern: KeywordPattern, in words: [String]) -> ClosedRange<Int>? {
        pattern.matches(in: words).first { !isNegated(pattern, $0, in: words) }
    }

    private func isNegated(_ pattern: KeywordPattern, _ range: ClosedRange<Int>, in words: [String]) -> Bool {
        guard pattern.negatable else { return false }
        let before = words[max(0, range.lowerBound - 2)..<range.lowerBound]
        if before.contains(where: { PhraseList.negators.contains($0) }) { return true }
        // A negation between the pattern's own words; a negation the pattern spells itself does not count.
        return words[range].contains { word in
            PhraseList.negators.contains(word) && !pattern.terms.contains { $0.term.matches(word) }
        }
    }

    // MARK: - Text helpers

    /// `text` cut into sentences: at blank lines, and at `.`, `!`, `?` or `;` followed by white space or the
    /// end (so `9.30`, `12.11.2026` and `e-mail.nl` stay whole). A single line break does not end a sentence:
    /// mail clients wrap lines. Each with whether it ends in `?`; empty sentences are left out.
    static func sentences(_ text: String) -> [(text: Substring, isQuestion: Bool)] {
        var result: [(text: Substring, isQuestion: Bool)] = []
        var start = text.startIndex
        var index = text.startIndex
        func close(_ end: String.Index, question: Bool) {
            let sentence = text[start..<end]
            if sentence.contains(where: { $0.isLetter || $0.isNumber }) { result.append((sentence, question)) }
        }
        while index < text.endIndex {
            let c = text[index]
            let next = text.index(after: index)
            if c.isNewline, isBlankLineAhead(text, from: next) {
                close(index, question: false)
                start = next
            } else if c == "." || c == "!" || c == "?" || c == ";" {
                if next == text.endIndex || text[next].isWhitespace {
                    close(next, question: c == "?")
                    start = next
                }
            }
            index = next
        }
        if start < text.endIndex { close(text.endIndex, question: false) }
        return result
    }

    /// Whether the line starting at `index` is blank (only spaces and tabs before its line break or the end).
    private static func isBlankLineAhead(_ text: String, from index: String.Index) -> Bool {
        var i = index
        while i < text.endIndex, text[i] == " " || text[i] == "\t" { i = text.index(after: i) }
        return i == text.endIndex || text[i].isNewline
    }

    /// The first `limit` lines of `text` that hold a letter or digit, trimmed.
    static func leadingLines(_ text: String, limit: Int) -> [String] {
        var lines: [String] = []
        for line in text.split(whereSeparator: \.isNewline) where lines.count < limit {
            let trimmed = line.trimmedSpaces
            if trimmed.contains(where: { $0.isLetter || $0.isNumber }) { lines.append(trimmed) }
        }
        return lines
    }

    /// The bracketed parts of a subject, folded to words: `[Escalatie] Re: [CS0000123] …` →
    /// `[["escalatie"], ["cs0000123"]]`.
    static func bracketTags(_ subject: String) -> [[String]] {
        var tags: [[String]] = []
        var rest = Substring(subject)
        while let open = rest.firstIndex(of: "[") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "]") else { break }
            tags.append(MailText.words(String(after[..<close])))
            rest = after[after.index(after: close)...]
        }
        return tags
    }
}
