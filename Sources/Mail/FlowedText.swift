/// `text/plain; format=flowed` (RFC 3676): soft line breaks joined back into paragraphs.
///
/// ```
/// flowed-line = ( quote-depth [stuffing] *text-char [soft-break] ) CRLF   ; RFC 3676 §4.1
/// soft-break = SP
/// ```
/// - SeeAlso: https://www.rfc-editor.org/rfc/rfc3676#section-4
enum FlowedText {
    /// Unwraps flowed text whose line ends are `\n`. Quoted lines come back as `> ` per level.
    static func unflow(_ text: String, delSp: Bool) -> String {
        var out: [String] = []
        var paragraph = ""
        var paragraphDepth = -1
        var open = false
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = Substring(rawLine)
            var depth = 0
            while line.first == ">" {
                depth += 1
                line = line.dropFirst()
            }
            // RFC 3676 §4.4: space-stuffing.
            if line.first == " " { line = line.dropFirst() }
            // RFC 3676 §4.3: the signature separator is never flowed.
            let isSignature = line == "-- "
            let flowed = !isSignature && line.last == " "
            var content = String(line)
            if flowed && delSp { content.removeLast() }
            if open && depth == paragraphDepth {
                paragraph += content
            } else {
                if open { out.append(Self.prefix(paragraphDepth) + paragraph) }
                paragraph = content
                paragraphDepth = depth
            }
            open = flowed
            if !flowed {
                out.append(Self.prefix(depth) + paragraph)
                paragraph = ""
                paragraphDepth = -1
            }
        }
        if open { out.append(Self.prefix(paragraphDepth) + paragraph) }
        return out.joined(separator: "\n")
    }

    private static func prefix(_ depth: Int) -> String {
        depth > 0 ? String(repeating: ">", count: depth) + " " : ""
    }
}
