/// One MIME entity: a header section and a body, with its children when it is a multipart or an
/// encapsulated message.
///
/// The tree is built in one pass over the message's bytes; bodies are slices of those bytes and are decoded
/// (base64, quoted-printable, charset) only when asked for.
///
/// ```
/// entity-headers := [ content CRLF ] [ encoding CRLF ] [ id CRLF ] [ description CRLF ]   ; RFC 2045 §3
/// multipart-body := [preamble CRLF] dash-boundary transport-padding CRLF                ; RFC 2046 §5.1.1
///                   body-part *encapsulation close-delimiter transport-padding [CRLF epilogue]
/// dash-boundary := "--" boundary
/// encapsulation := delimiter transport-padding CRLF body-part
/// delimiter := CRLF dash-boundary
/// close-delimiter := delimiter "--"
/// ```
/// - SeeAlso: https://www.rfc-editor.org/rfc/rfc2046#section-5.1.1
public struct MIMEPart: Sendable {
    public var header: HeaderFields
    /// The effective content type: the field's value, or the default of RFC 2045 §5.2 (text/plain) or of
    /// RFC 2046 §5.1.5 (message/rfc822 inside multipart/digest); text/plain also for a broken multipart.
    public var contentType: ContentType
    public var transferEncoding: ContentTransferEncoding
    public var disposition: ContentDisposition?
    /// The body as transmitted (still transfer-encoded).
    public var body: ArraySlice<UInt8>
    /// Children of a multipart; for `message/rfc822` the single encapsulated message (whose header is the
    /// inner message's header).
    public var parts: [MIMEPart]
    /// Nesting depth; the top-level message is 0.
    public var depth: Int

    /// The file name: Content-Disposition `filename`, else Content-Type `name` (RFC 2231 and RFC 2047
    /// decoded, control characters replaced).
    public var filename: String? {
        guard let raw = disposition?.filename ?? contentType.name else { return nil }
        let clean = ASCII.sanitizeHeaderText(raw).0
        return clean.isEmpty ? nil : clean
    }

    /// RFC 2045 §7 Content-ID, with angle brackets.
    public var contentID: String? {
        guard let f = header.first(.contentID) else { return nil }
        var defects: [MailDefect] = []
        return MessageID.parseList(f.unfoldedBytes, field: "Content-ID", defects: &defects).first
    }

    /// The body with its transfer encoding undone.
    public func decodedBody() -> [UInt8] { transferEncoding.decode(body).bytes }

    /// The body as text: transfer encoding undone, then the charset parameter applied (UTF-8, falling back
    /// to windows-1252, when there is none).
    public func decodedText() -> String {
        var defects: [MailDefect] = []
        return decodedText(defects: &defects)
    }

    func decodedText(defects: inout [MailDefect]) -> String {
        let bytes = decodedBody()
        var charset = contentType.charset
        if charset == nil, contentType.subtype == "html" { charset = Self.sniffHTMLCharset(bytes) }
        let (text, defect) = (charset ?? Charset("")).decode(bytes)
        if let defect { defects.append(defect) }
        return text
    }

    /// HTML5 §13.2.3.2-style prescan, reduced: `charset=` within the first 2048 bytes.
    static func sniffHTMLCharset(_ bytes: [UInt8]) -> Charset? {
        let pattern = Array("charset=".utf8)
        let end = min(bytes.count, 2048)
        var i = 0
        while i + pattern.count < end {
            if ASCII.hasPrefixLower(bytes, at: i, end: end, pattern) {
                var j = i + pattern.count
                while j < end, bytes[j] == ASCII.quote || bytes[j] == 39 || bytes[j] == ASCII.space { j += 1 }
                let start = j
                while j < end, ASCII.isAlnum(bytes[j]) || bytes[j] == ASCII.hyphen || bytes[j] == 95 || bytes[j] == 46 {
                    j += 1
                }
                if j > start { return Charset(String(decoding: bytes[start..<j], as: UTF8.self)) }
                return nil
            }
            i += 1
        }
        return nil
    }

    // MARK: - Parsing

    /// Deepest recursion the parser allows whatever the policy says, so that no policy can exhaust a thread's
    /// stack.
    static let hardDepthLimit = 200

    struct Context {
        var policy: ParsePolicy
        var defects: [MailDefect] = []
        var partCount = 0
    }

    static func parse(
        _ bytes: [UInt8], _ range: Range<Int>, depth: Int, defaultType: ContentType, topLevel: Bool,
        context: inout Context
    ) throws(MailError) -> MIMEPart {
        let maxDepth = min(context.policy.maxDepth, hardDepthLimit)
        if depth > maxDepth { throw MailError(.maxDepth, limit: maxDepth) }
        context.partCount += 1
        if context.partCount > context.policy.maxParts { throw MailError(.maxParts, limit: context.policy.maxParts) }

        let (header, bodyStart) = try HeaderFields.parse(
            bytes, in: range, policy: context.policy, topLevel: topLevel, defects: &context.defects)
        var contentType = defaultType
        if let f = header.first(.contentType),
            let parsed = ContentType.parse(f.unfoldedBytes, defects: &context.defects)
        {
            contentType = parsed
        }
        var encoding = ContentTransferEncoding.sevenBit
        if let f = header.first(.contentTransferEncoding) {
            let (main, _) = MIMEParameters.split(f.unfoldedBytes)
            let name = ASCII.lowercased(main)
            if !name.isEmpty {
                encoding = ContentTransferEncoding(name)
                if !encoding.isKnown { context.defects.append(.unknownTransferEncoding(name)) }
            }
        }
        var disposition: ContentDisposition? = nil
        if let f = header.first(.contentDisposition) {
            disposition = ContentDisposition.parse(f.unfoldedBytes, defects: &context.defects)
        }
        let bodyRange = bodyStart..<range.upperBound
        var part = MIMEPart(
            header: header, contentType: contentType, transferEncoding: encoding, disposition: disposition,
            body: bytes[bodyRange], parts: [], depth: depth)

        if contentType.isMultipart {
            guard let boundary = contentType.boundary, !boundary.isEmpty else {
                context.defects.append(.multipartWithoutBoundary)
                part.contentType = ContentType(type: "text", subtype: "plain", parameters: contentType.parameters)
                return part
            }
            if !encoding.isIdentity {
                context.defects.append(.invalidTransferEncodingForComposite)
                part.transferEncoding = .sevenBit
            }
            guard let ranges = split(bytes, bodyRange, boundary: Array(boundary.utf8), defects: &context.defects)
            else {
                context.defects.append(.startBoundaryNotFound)
                part.contentType = ContentType(type: "text", subtype: "plain", parameters: contentType.parameters)
                return part
            }
            let childDefault = contentType.subtype == "digest" ? ContentType.messageRFC822 : ContentType.textPlain
            part.parts.reserveCapacity(ranges.count)
            for r in ranges {
                part.parts.append(
                    try parse(bytes, r, depth: depth + 1, defaultType: childDefault, topLevel: false, context: &context)
                )
            }
        } else if contentType.isEncapsulatedMessage {
            if encoding.isIdentity {
                part.parts = [
                    try parse(
                        bytes, bodyRange, depth: depth + 1, defaultType: .textPlain, topLevel: true, context: &context)
                ]
            } else {
                // RFC 2046 §5.2.1: no encoding other than 7bit, 8bit or binary is permitted; kept as a leaf.
                context.defects.append(.invalidTransferEncodingForComposite)
            }
        } else if encoding == .base64 {
            if !Base64.isValid(part.body) { context.defects.append(.invalidBase64) }
        } else if encoding == .quotedPrintable {
            if !QuotedPrintable.isValid(part.body) { context.defects.append(.invalidQuotedPrintable) }
        }
        return part
    }

    /// Finds the body parts of a multipart body.
    ///
    /// A delimiter line is `--boundary`, optionally `--`, then only white space (RFC 2046 §5.1.1
    /// transport-padding). The line break before a delimiter belongs to the delimiter. Lines are found with
    /// `memchr`; only lines that start with `--` are compared.
    ///
    /// - Returns: `nil` when no delimiter occurs at all.
    static func split(
        _ bytes: [UInt8], _ range: Range<Int>, boundary: [UInt8], defects: inout [MailDefect]
    ) -> [Range<Int>]? {
        var parts: [Range<Int>] = []
        var partStart: Int? = nil
        var i = range.lowerBound
        let end = range.upperBound
        let need = boundary.count + 2
        while i < end {
            let lf = ASCII.index(of: ASCII.lf, in: bytes, from: i, to: end)
            let next = lf < end ? lf + 1 : end
            var contentEnd = lf
            if contentEnd > i, bytes[contentEnd - 1] == ASCII.cr { contentEnd -= 1 }
            if contentEnd - i >= need, bytes[i] == ASCII.hyphen, bytes[i + 1] == ASCII.hyphen,
                bytes[(i + 2)..<(i + need)].elementsEqual(boundary)
            {
                var k = i + need
                var isClose = false
                if k + 2 <= contentEnd, bytes[k] == ASCII.hyphen, bytes[k + 1] == ASCII.hyphen {
                    isClose = true
                    k += 2
                }
                var padding = true
                while k < contentEnd {
                    if !ASCII.isWhitespace(bytes[k]) {
                        padding = false
                        break
                    }
                    k += 1
                }
                if padding {
                    if let ps = partStart {
                        var pe = i
                        if pe > ps, bytes[pe - 1] == ASCII.lf {
                            pe -= 1
                            if pe > ps, bytes[pe - 1] == ASCII.cr { pe -= 1 }
                        }
                        parts.append(ps..<max(ps, pe))
                    }
                    if isClose { return parts }
                    partStart = next
                }
            }
            i = next
        }
        guard let ps = partStart else { return nil }
        defects.append(.missingCloseBoundary)
        parts.append(ps..<end)
        return parts
    }
}
