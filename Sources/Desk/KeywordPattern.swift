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
        for start in words.indices {
            if let range = match(in: words, at: start) { return range }
        }
        return nil
    }

    /// The match that starts at word `start`, or nil (also when a negation stands before it).
    func match(in words: [String], at start: Int) -> ClosedRange<Int>? {
        guard terms[0].term.matches(words[start]) else { return nil }
        if negatable && isNegated(words, at: start) { return nil }
        return match(words, termIndex: 1, after: start).map { start...$0 }
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

/// Many patterns matched against one word list at once (perf, scripts/bench-intake: the classifier matched
/// its 700 lexicon and catalog patterns one by one, each re-reading every word of every zone).
///
/// A pattern is only tried at a word where its first term can match:
/// - a first term `.exact(w)` (`werkt niet`, `!vraag`): where the word is `w`, found by one dictionary
///   look-up per word of the text;
/// - `.prefix(w)` (`crash*`) or `.suffix(w)` (`*storing`) with an ASCII `w`: at an ASCII word that starts
///   (ends) with the same byte; on ASCII text `hasPrefix`/`hasSuffix` compare bytes, so no other ASCII word
///   can match;
/// - any other first term (`.contains`, a non-ASCII word): at every word; and at a non-ASCII word, every
///   pattern whose first term is not exact, as `firstMatch` does.
/// The result is the same as `firstMatch` for each pattern.
struct KeywordSet: Sendable {
    let patterns: [KeywordPattern]
    /// The patterns (indices) whose first term is `.exact(word)`, by that word.
    private let byFirstWord: [String: [Int]]
    /// The patterns whose first term is `.prefix(w)` with an ASCII `w`, by the first byte of `w`.
    private let byFirstByte: [[Int]]
    /// The patterns whose first term is `.suffix(w)` with an ASCII `w`, by the last byte of `w`.
    private let byLastByte: [[Int]]
    /// The patterns whose first term is neither exact nor an ASCII prefix or suffix, tried at every word.
    private let everywhere: [Int]
    /// The patterns whose first term is not exact, tried at every non-ASCII word.
    private let inexact: [Int]

    init(_ patterns: [KeywordPattern]) {
        self.patterns = patterns
        var byFirstWord: [String: [Int]] = [:]
        var byFirstByte = [[Int]](repeating: [], count: 128)
        var byLastByte = [[Int]](repeating: [], count: 128)
        var everywhere: [Int] = []
        var inexact: [Int] = []
        for (index, pattern) in patterns.enumerated() {
            let term = pattern.terms[0].term
            if case .exact(let word) = term {
                byFirstWord[word, default: []].append(index)
                continue
            }
            inexact.append(index)
            switch term {
            case .prefix(let w) where KeywordSet.isASCII(w) && !w.isEmpty:
                byFirstByte[Int(w.utf8.first ?? 0)].append(index)
            case .suffix(let w) where KeywordSet.isASCII(w) && !w.isEmpty:
                byLastByte[Int(w.utf8.last ?? 0)].append(index)
            default:
                everywhere.append(index)
            }
        }
        self.byFirstWord = byFirstWord
        self.byFirstByte = byFirstByte
        self.byLastByte = byLastByte
        self.everywhere = everywhere
        self.inexact = inexact
    }

    private static func isASCII(_ text: String) -> Bool { text.utf8.allSatisfy { $0 < 0x80 } }

    /// The first match of every pattern in `words` (`patterns[i].firstMatch(in: words)` at index i).
    func firstMatches(in words: [String]) -> [ClosedRange<Int>?] {
        var found = [ClosedRange<Int>?](repeating: nil, count: patterns.count)
        // Starts in word order, so the first match found for a pattern is its first match.
        for (start, word) in words.enumerated() {
            func tryAt(_ candidates: [Int]) {
                for index in candidates where found[index] == nil {
                    found[index] = patterns[index].match(in: words, at: start)
                }
            }
            if let candidates = byFirstWord[word] { tryAt(candidates) }
            if let first = word.utf8.first, let last = word.utf8.last, KeywordSet.isASCII(word) {
                tryAt(byFirstByte[Int(first)])
                tryAt(byLastByte[Int(last)])
                tryAt(everywhere)
            } else {
                tryAt(inexact)
            }
        }
        return found
    }
}
