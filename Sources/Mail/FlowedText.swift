/// `text/plain; format=flowed` (RFC 3676): soft line breaks joined back into paragraphs.
///
/// ```
/// flowed-line = ( quote-depth [stuffing] *text-char [soft-break] ) CRLF   ; RFC 3676 §4.1
/// quote-depth = 1*quote-mark
/// stuffing = [ SP ]
/// soft-break = SP
/// ```
/// - SeeAlso: https://www.rfc-editor.org/rfc/rfc3676#section-4
enum FlowedText {
    /// Unwraps flowed text whose line ends are `\n`. Quoted lines come back as `> ` per level.
    static func unflow(_ text: String, delSp: Bool) -> String {
        let b = Array(text.utf8)
        var out = [UInt8]()
        out.reserveCapacity(b.count)
        var open = false
        var paragraphDepth = -1
        var firstLine = true
        var start = 0
        while start <= b.count {
            let end = ASCII.index(of: ASCII.lf, in: b, from: start, to: b.count)
            var i = start
            var depth = 0
            while i < end, b[i] == 62 {
                depth += 1
                i += 1
            }
            // RFC 3676 §4.4: space-stuffing.
            if i < end, b[i] == ASCII.space { i += 1 }
            // RFC 3676 §4.3: the signature separator is never flowed.
            let isSignature =
                end - i == 3 && b[i] == ASCII.hyphen && b[i + 1] == ASCII.hyphen && b[i + 2] == ASCII.space
            let flowed = !isSignature && end > i && b[end - 1] == ASCII.space
            let contentEnd = flowed && delSp ? end - 1 : end
            if !(open && depth == paragraphDepth) {
                // A new line of output.
                if !firstLine { out.append(ASCII.lf) }
                firstLine = false
                if depth > 0 {
                    for _ in 0..<depth { out.append(62) }
                    // An empty quoted line is written ">", as the sender's client shows it.
                    if contentEnd > i || flowed { out.append(ASCII.space) }
                }
                paragraphDepth = depth
            }
            out.append(contentsOf: b[i..<contentEnd])
            open = flowed
            start = end + 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
