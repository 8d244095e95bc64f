/// The parts a reader reads as the body, in order.
///
/// A `multipart/mixed` (or any multipart but alternative and related) shows its inline text parts one after
/// another: an iPhone writes text, photo, text as three parts, a list server appends its footer as a part.
/// RFC 2046 §5.1.4: in a `multipart/alternative` "each of the body parts is an "alternative" version of the
/// same information"; the plain one is taken, unless it is empty (some web mailers send an empty one next to
/// the HTML). Of a `multipart/related` (RFC 2387) only the root is shown, the part named by the `start` parameter
/// or else the first; the others are the root's images.
enum BodyText {
    struct Piece {
        var isHTML: Bool
        /// Decoded; for text/plain also newline-normalized and unflowed.
        var text: String
    }

    static func pieces(_ root: MIMEPart, defects: inout [MailDefect]) -> [Piece] {
        let all = collect(root, defects: &defects)
        if all.contains(where: { !$0.isHTML }) { return all.filter { !$0.isHTML } }
        return all
    }

    private static func collect(_ part: MIMEPart, defects: inout [MailDefect]) -> [Piece] {
        let type = part.contentType
        if type.isMultipart {
            switch type.subtype {
            case "alternative":
                // Defects of alternatives that are not read are not reported.
                var fallback: (pieces: [Piece], defects: [MailDefect])? = nil
                for child in part.parts {
                    var childDefects: [MailDefect] = []
                    let option = collect(child, defects: &childDefects)
                    let nonEmpty = option.filter { !isBlank($0) }
                    if !nonEmpty.isEmpty && nonEmpty.allSatisfy({ !$0.isHTML }) {
                        defects += childDefects
                        return option
                    }
                    if fallback == nil && !nonEmpty.isEmpty { fallback = (option, childDefects) }
                }
                defects += fallback?.defects ?? []
                return fallback?.pieces ?? []
            case "related":
                guard !part.parts.isEmpty else { return [] }
                var root = part.parts[0]
                if let start = type.parameters["start"].map({ MessageID.parseList($0).first ?? "<\($0)>" }),
                    let named = part.parts.first(where: { $0.contentID == start })
                {
                    root = named
                }
                return collect(root, defects: &defects)
            default:
                var out: [Piece] = []
                for child in part.parts { out += collect(child, defects: &defects) }
                return out
            }
        }
        guard isBodyText(part) else { return [] }
        if part.contentType.subtype == "html" { return [Piece(isHTML: true, text: part.decodedText(defects: &defects))] }
        var text = Message.normalizeNewlines(part.decodedText(defects: &defects))
        if part.contentType.parameters["format"]?.lowercased() == "flowed" {
            let delSp = part.contentType.parameters["delsp"]?.lowercased() == "yes"
            text = FlowedText.unflow(text, delSp: delSp)
        }
        return [Piece(isHTML: false, text: text)]
    }

    /// An inline text/plain or text/html leaf without a file name.
    static func isBodyText(_ part: MIMEPart) -> Bool {
        let type = part.contentType
        guard type.isText, type.subtype == "plain" || type.subtype == "html" else { return false }
        return !(part.disposition?.isAttachment ?? false) && part.filename == nil
    }

    private static func isBlank(_ piece: Piece) -> Bool {
        piece.text.utf8.allSatisfy { ASCII.isWhitespace($0) }
    }

    /// Pieces joined by an empty line; leading empty lines and byte order marks dropped, trailing white space
    /// dropped, NUL (which RFC 5322 §2.3 does not allow in a body and which no reader sees) shown as U+FFFD.
    /// One pass over the bytes.
    static func join(_ texts: [String]) -> String {
        var out = [UInt8]()
        for t in texts {
            var bytes = Array(t.utf8)
            var lo = 0
            var hi = bytes.count
            while lo < hi {
                if bytes[lo] == ASCII.lf {
                    lo += 1
                } else if lo + 2 < hi, bytes[lo] == 0xEF, bytes[lo + 1] == 0xBB, bytes[lo + 2] == 0xBF {
                    lo += 3
                } else {
                    break
                }
            }
            while hi > lo, ASCII.isWhitespace(bytes[hi - 1]) { hi -= 1 }
            guard hi > lo else { continue }
            if !out.isEmpty { out += [ASCII.lf, ASCII.lf] }
            if bytes[lo..<hi].contains(0) {
                for b in bytes[lo..<hi] {
                    if b == 0 { out += [0xEF, 0xBF, 0xBD] } else { out.append(b) }
                }
            } else {
                out += bytes[lo..<hi]
            }
            bytes.removeAll()
        }
        return String(decoding: out, as: UTF8.self)
    }
}
