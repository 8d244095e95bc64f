import Foundation

/// A keyword or phrase of the classifier's lexicon and of the service catalog, compiled.
///
/// The syntax, for the lexicon and for the operator's catalog keywords:
/// - words separated by spaces match consecutive words (`werkt niet`, `new account`);
/// - `~` between two words lets up to three other words stand between them (`kan ~ inloggen` matches
///   "kan ik niet inloggen");
/// - `*` at the start of a word matches a Dutch compound's head (`*storing` matches "netwerkstoring"),
///   at the end a word's continuations (`install*` matches "installed", "installation"), at both ends
///   anything containing it;
/// - `!` before the pattern makes it negatable: it does not count when `geen`/`niet`/`no`/`not`/`zonder`/
///   `without`/`nooit`/`never` stands one or two words before it ("geen storing", "not urgent").
///
/// Words are matched on word boundaries after lower-casing and folding accents, so `geïnstalleerd` and
/// `geinstalleerd` are the same word.
struct KeywordPattern: Sendable, Hashable {
    enum Term: Sendable, Hashable {
        case exact(String)
        case prefix(String)
        case suffix(String)
        case contains(String)

        func matches(_ word: String) -> Bool {
            switch self {
            case .exact(let w): return word == w
            case .prefix(let w): return word.hasPrefix(w)
            case .suffix(let w): return word.hasSuffix(w)
            case .contains(let w): return word.contains(w)
            }
        }
    }

    /// The terms, each with the most words that may stand before it (0 for the first, 0 or 3 after).
    let terms: [(term: Term, gap: Int)]
    let negatable: Bool
    let source: String

    static func == (a: KeywordPattern, b: KeywordPattern) -> Bool { a.source == b.source }
    func hash(into hasher: inout Hasher) { hasher.combine(source) }

    static let negators: Set<String> = ["geen", "niet", "no", "not", "zonder", "without", "nooit", "never"]

    /// Compiles `source`; nil when it holds no word.
    init?(_ source: String) {
        var text = Substring(source.trimmedSpaces)
        var negatable = false
        if text.hasPrefix("!") {
            negatable = true
            text = text.dropFirst()
        }
        var terms: [(term: Term, gap: Int)] = []
        var gap = 0
        for raw in text.split(separator: " ", omittingEmptySubsequences: true) {
            if raw == "~" {
                gap = 3
                continue
            }
            let leading = raw.hasPrefix("*")
            let trailing = raw.hasSuffix("*") && raw.count > 1
            let words = MailText.words(String(raw))
            for (i, word) in words.enumerated() {
                let first = i == 0
                let last = i == words.count - 1
                let term: Term
                switch (first && leading, last && trailing) {
                case (true, true): term = .contains(word)
                case (true, false): term = .suffix(word)
                case (false, true): term = .prefix(word)
                case (false, false): term = .exact(word)
                }
                terms.append((term, first ? gap : 0))
            }
            gap = 0
        }
        guard !terms.isEmpty else { return nil }
        self.terms = terms
        self.negatable = negatable
        self.source = source
    }

    /// The first match in `words`: the word range it covers, or nil.
    func firstMatch(in words: [String]) -> ClosedRange<Int>? {
        guard !words.isEmpty else { return nil }
        for start in words.indices where terms[0].term.matches(words[start]) {
            if negatable && isNegated(words, at: start) { continue }
            if let end = match(words, termIndex: 1, after: start) { return start...end }
        }
        return nil
    }

    /// Every match in `words`, one per start word (negated starts skipped), in order: for readers that must
    /// look at each occurrence, not just the first (`PhraseList`).
    func matches(in words: [String]) -> [ClosedRange<Int>] {
        guard !words.isEmpty else { return [] }
        var found: [ClosedRange<Int>] = []
        for start in words.indices where terms[0].term.matches(words[start]) {
            if negatable && isNegated(words, at: start) { continue }
            if let end = match(words, termIndex: 1, after: start) { found.append(start...end) }
        }
        return found
    }

    private func match(_ words: [String], termIndex: Int, after position: Int) -> Int? {
        guard termIndex < terms.count else { return position }
        let (term, gap) = terms[termIndex]
        var next = position + 1
        while next < words.count && next <= position + 1 + gap {
            if term.matches(words[next]), let end = match(words, termIndex: termIndex + 1, after: next) {
                return end
            }
            next += 1
        }
        return nil
    }

    private func isNegated(_ words: [String], at start: Int) -> Bool {
        let from = max(0, start - 2)
        return words[from..<start].contains { KeywordPattern.negators.contains($0) }
    }
}
