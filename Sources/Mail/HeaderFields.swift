/// The header section of a message or body part: fields in order, looked up case-insensitively.
///
/// ```
/// message = (fields / obs-fields) [CRLF body]       ; RFC 5322 §3.5
/// ```
/// - SeeAlso: https://www.rfc-editor.org/rfc/rfc5322#section-2.2
public struct HeaderFields: Sendable, Equatable, RandomAccessCollection {
    public private(set) var fields: [HeaderField]

    public init(_ fields: [HeaderField] = []) { self.fields = fields }

    public var startIndex: Int { fields.startIndex }
    public var endIndex: Int { fields.endIndex }
    public subscript(position: Int) -> HeaderField { fields[position] }

    /// The unfolded value of the first field with this name.
    public subscript(name: HeaderFieldName) -> String? { first(name)?.value }

    public func first(_ name: HeaderFieldName) -> HeaderField? {
        fields.first { $0.hasName(name) }
    }

    public func all(_ name: HeaderFieldName) -> [HeaderField] {
        fields.filter { $0.hasName(name) }
    }

    /// The unfolded values of every field with this name, in order.
    public func values(_ name: HeaderFieldName) -> [String] { all(name).map(\.value) }

    public func contains(_ name: HeaderFieldName) -> Bool { first(name) != nil }

    public func count(_ name: HeaderFieldName) -> Int {
        var n = 0
        for f in fields where f.hasName(name) { n += 1 }
        return n
    }

    public mutating func append(_ field: HeaderField) { fields.append(field) }

    // MARK: - Parsing

    /// Reads the header section that starts at `range.lowerBound`.
    ///
    /// Accepts CRLF and bare LF line ends, obsolete white space before the colon (RFC 5322 §4.5), and a
    /// leading mbox `From ` line (RFC 4155 §2) on a top-level message. A line that is neither a field nor a
    /// continuation ends the header section with ``MailDefect/missingHeaderBodySeparator``, as Python's
    /// parser does.
    ///
    /// - Returns: the fields and the index where the body starts.
    /// - Throws: ``MailError`` when the header section is larger than `policy.maxHeaderBytes`.
    static func parse(
        _ bytes: [UInt8], in range: Range<Int>, policy: ParsePolicy, topLevel: Bool, defects: inout [MailDefect]
    ) throws(MailError) -> (HeaderFields, bodyStart: Int) {
        var fields: [HeaderField] = []
        let end = range.upperBound
        var i = range.lowerBound
        var nameRange: Range<Int>? = nil
        var valueStart = 0
        var valueEnd = 0
        var reportedContinuation = false
        let limit = Swift.max(0, policy.maxHeaderBytes)
        // Every line end of the header section must lie within the first `limit` bytes.
        let cap = limit >= end - range.lowerBound ? end : range.lowerBound + limit

        func finish() {
            if let n = nameRange {
                fields.append(HeaderField(nameBytes: bytes[n], rawValue: bytes[valueStart..<valueEnd]))
                nameRange = nil
            }
        }

        while i < end {
            let lf = ASCII.index(of: ASCII.lf, in: bytes, from: i, to: cap)
            if lf == cap && cap < end {
                throw MailError(.maxHeaderBytes, limit: limit)
            }
            var contentEnd = lf
            let next = lf < end ? lf + 1 : end
            if contentEnd > i, bytes[contentEnd - 1] == ASCII.cr { contentEnd -= 1 }
            if contentEnd == i {
                finish()
                return (HeaderFields(fields), next)
            }
            let first = bytes[i]
            if ASCII.isWSP(first) {
                if nameRange != nil {
                    valueEnd = contentEnd
                } else if !reportedContinuation {
                    reportedContinuation = true
                    defects.append(.firstHeaderLineIsContinuation)
                }
                i = next
                continue
            }
            var j = i
            while j < contentEnd {
                let b = bytes[j]
                if b == ASCII.colon || b <= 32 || b >= 127 { break }
                j += 1
            }
            var k = j
            while k < contentEnd, ASCII.isWSP(bytes[k]) { k += 1 }
            if j > i, k < contentEnd, bytes[k] == ASCII.colon {
                finish()
                nameRange = i..<j
                valueStart = k + 1
                valueEnd = contentEnd
            } else if topLevel, fields.isEmpty, nameRange == nil, contentEnd - i >= 5,
                bytes[i] == 70, bytes[i + 1] == 114, bytes[i + 2] == 111, bytes[i + 3] == 109,
                bytes[i + 4] == 32
            {
                // RFC 4155 §2: an mbox "From " separator line, not part of the message.
            } else {
                finish()
                defects.append(.missingHeaderBodySeparator)
                return (HeaderFields(fields), i)
            }
            i = next
        }
        finish()
        return (HeaderFields(fields), end)
    }
}
