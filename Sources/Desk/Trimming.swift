/// Whitespace trimming in Swift, without Foundation's `trimmingCharacters(in:)`, which bridges every call
/// through NSString and was the largest single cost of intake (perf, 1,000-mail bench-path run).
extension StringProtocol {
    /// Like `trimmingCharacters(in: .whitespaces)`: spaces and tabs, not line breaks.
    var trimmedSpaces: String {
        let isSpace: (Character) -> Bool = { $0.isWhitespace && !$0.isNewline }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }

    /// Like `trimmingCharacters(in: .whitespacesAndNewlines)`.
    var trimmedWhitespace: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(self[first...last])
    }
}
