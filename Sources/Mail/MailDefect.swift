/// A violation of the mail standards that the parser worked around.
///
/// ``Message/parse(_:policy:)`` never throws for these (unless the policy is strict); it records them in
/// ``Message/defects`` and returns its best reading.
public enum MailDefect: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// A line that is neither a header field nor a continuation ended the header section without the empty
    /// line. RFC 5322 §2.1
    case missingHeaderBodySeparator
    /// The first header line starts with white space, so there is nothing to continue. RFC 5322 §2.2.3
    case firstHeaderLineIsContinuation
    /// A field that may occur at most once occurs more often. RFC 5322 §3.6
    case duplicateField(String)
    /// A required field (From, Date) is missing. RFC 5322 §3.6
    case missingRequiredField(String)
    /// A header value contains a control character after decoding (e.g. an encoded word that decodes to CR LF);
    /// it was replaced by a space. RFC 5322 §2.2
    case controlCharacterInHeader(String)
    /// An encoded word whose encoded text is not valid Q or B encoding. RFC 2047 §4
    case invalidEncodedWord
    /// A charset that this platform cannot decode; the bytes were read as Latin-1 (or UTF-8 when valid).
    /// RFC 2045 §5.1, RFC 2047 §6.2
    case unknownCharset(String)
    /// Bytes that are not valid in the declared (or assumed) charset; they were read as windows-1252.
    /// RFC 2045 §5.1
    case invalidCharsetBytes(String)
    /// An address list that does not follow the grammar, read on a best-effort basis. RFC 5322 §3.4
    case malformedAddress(field: String)
    /// A Date field that could not be read. RFC 5322 §3.3
    case invalidDate
    /// A message identifier without angle brackets or with a broken form. RFC 5322 §3.6.4
    case invalidMessageID(field: String)
    /// A Content-Type that is not `type/subtype`; treated as text/plain. RFC 2045 §5.2
    case invalidContentType
    /// A multipart entity without a boundary parameter; treated as text/plain. RFC 2046 §5.1.1
    case multipartWithoutBoundary
    /// A multipart body in which the boundary never occurs; treated as text/plain. RFC 2046 §5.1.1
    case startBoundaryNotFound
    /// A multipart body without its close delimiter; the last part runs to the end. RFC 2046 §5.1.1
    case missingCloseBoundary
    /// A multipart or message entity with a transfer encoding other than 7bit, 8bit or binary. RFC 2045 §6.4
    case invalidTransferEncodingForComposite
    /// A Content-Transfer-Encoding this parser does not know; the body is taken as is. RFC 2045 §6.4
    case unknownTransferEncoding(String)
    /// Base64 with characters outside the alphabet or a truncated final quantum. RFC 2045 §6.8
    case invalidBase64
    /// Quoted-printable with an `=` that is not followed by two hex digits or a line break. RFC 2045 §6.7
    case invalidQuotedPrintable
    /// An RFC 2231 parameter with a missing section, a bad percent escape or a bad charset prefix.
    /// RFC 2231 §3, §4
    case invalidParameter(String)

    public var description: String {
        switch self {
        case .missingHeaderBodySeparator: return "missing empty line between header and body (RFC 5322 §2.1)"
        case .firstHeaderLineIsContinuation: return "first header line is a continuation (RFC 5322 §2.2.3)"
        case .duplicateField(let name): return "duplicate \(name) field (RFC 5322 §3.6)"
        case .missingRequiredField(let name): return "missing \(name) field (RFC 5322 §3.6)"
        case .controlCharacterInHeader(let name): return "control character in \(name) (RFC 5322 §2.2)"
        case .invalidEncodedWord: return "invalid encoded word (RFC 2047 §4)"
        case .unknownCharset(let name): return "unknown charset \(name) (RFC 2045 §5.1)"
        case .invalidCharsetBytes(let name): return "bytes invalid in charset \(name) (RFC 2045 §5.1)"
        case .malformedAddress(let field): return "malformed address in \(field) (RFC 5322 §3.4)"
        case .invalidDate: return "unreadable Date (RFC 5322 §3.3)"
        case .invalidMessageID(let field): return "invalid message id in \(field) (RFC 5322 §3.6.4)"
        case .invalidContentType: return "invalid Content-Type (RFC 2045 §5.2)"
        case .multipartWithoutBoundary: return "multipart without boundary (RFC 2046 §5.1.1)"
        case .startBoundaryNotFound: return "multipart boundary not found (RFC 2046 §5.1.1)"
        case .missingCloseBoundary: return "missing close boundary (RFC 2046 §5.1.1)"
        case .invalidTransferEncodingForComposite:
            return "transfer encoding on multipart or message (RFC 2045 §6.4)"
        case .unknownTransferEncoding(let name): return "unknown transfer encoding \(name) (RFC 2045 §6.4)"
        case .invalidBase64: return "invalid base64 (RFC 2045 §6.8)"
        case .invalidQuotedPrintable: return "invalid quoted-printable (RFC 2045 §6.7)"
        case .invalidParameter(let name): return "invalid parameter \(name) (RFC 2231 §3)"
        }
    }
}
