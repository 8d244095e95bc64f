/// A mail server as the operator configures it: a URL plus credentials and TLS settings.
public struct Endpoint: Sendable {
    public var scheme: String
    /// `host:port` as written in the URL.
    public var authority: String
    /// The URL path without the leading slash: the mailbox for IMAP, the EHLO name for SMTP (MAILSTACK S4).
    public var path: String
    public var user: String?
    public var password: String?
    /// Extra CA bundle (CURLOPT_CAINFO), e.g. the local stack's self-signed CA.
    public var caFile: String?
    public var startTLS: StartTLS
    public var timeouts: Timeouts

    /// Parses `imaps://mail.example.nl:993/INBOX` and the like.
    /// - Throws: `TransportError` of kind `config` for anything that is not imap(s) or smtp(s).
    public init(url: String, user: String? = nil, password: String? = nil, caFile: String? = nil,
                startTLS: StartTLS? = nil, timeouts: Timeouts = Timeouts()) throws(TransportError) {
        guard let separator = url.range(of: "://") else {
            throw TransportError(kind: .config, message: "not a URL: \(url)")
        }
        let scheme = url[..<separator.lowerBound].lowercased()
        guard ["imap", "imaps", "smtp", "smtps"].contains(scheme) else {
            throw TransportError(kind: .config, message: "unsupported scheme \(scheme):// (use imap, imaps, smtp or smtps)")
        }
        let rest = url[separator.upperBound...]
        let slash = rest.firstIndex(of: "/") ?? rest.endIndex
        let authority = String(rest[..<slash])
        guard !authority.isEmpty, !authority.contains("@") else {
            throw TransportError(kind: .config, message: "put credentials in the user and password settings, not in the URL")
        }
        self.scheme = scheme
        self.authority = authority
        var path = slash < rest.endIndex ? String(rest[rest.index(after: slash)...]) : ""
        while path.hasSuffix("/") { path.removeLast() }
        self.path = path.removingPercentEncodingIfPossible
        self.user = user
        self.password = password
        self.caFile = caFile
        // smtp:// with credentials: AUTH is only offered after STARTTLS (MAILSTACK S5), and without TLS
        // libcurl would skip AUTH silently, so TLS is required.
        self.startTLS = startTLS ?? ((scheme == "smtp" && user != nil) ? .required : .opportunistic)
        self.timeouts = timeouts
    }

    public var isImplicitTLS: Bool { scheme.hasSuffix("s") }
    public var rootURL: String { "\(scheme)://\(authority)/" }
    /// What logs may show: no credentials.
    public var display: String { "\(scheme)://\(authority)/\(path)" }
}

extension String {
    var removingPercentEncodingIfPossible: String { removingPercentEncoding ?? self }

    /// RFC 3986 §2.1 percent-encoding for a URL path segment (MAILSTACK gotcha 10: `In%20Progress`).
    var percentEncodedPathSegment: String {
        var result = ""
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                 UInt8(ascii: "~"), UInt8(ascii: "/"):
                result.append(Character(UnicodeScalar(byte)))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return result
    }

    /// RFC 9051 §4.3 quoted string: backslash and double quote escaped; CR/LF can never appear.
    var imapQuoted: String {
        // Filter scalars, not Characters: "\r\n" is one Character and would slip past a Character test.
        var cleaned = ""
        cleaned.unicodeScalars.append(contentsOf: unicodeScalars.filter { $0 != "\r" && $0 != "\n" && $0 != "\0" })
        return "\"" + cleaned.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            + "\""
    }
}
