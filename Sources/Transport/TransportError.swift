/// Every failure of the IMAP poller and the SMTP sender, with what failed and why.
/// Outbox retry decisions read `isPermanent` and nothing else.
public struct TransportError: Error, Sendable, CustomStringConvertible, Equatable {
    public enum Kind: String, Sendable {
        case connect, tls, auth, `protocol`, timeout, reply, notFound = "not-found", config
    }

    public var kind: Kind
    /// libcurl's CURLcode, when libcurl reported the failure.
    public var curlCode: Int?
    /// The server's reply code (SMTP 550, 451, …), when there was one.
    public var replyCode: Int?
    /// The enhanced status code (RFC 3463), e.g. `5.1.1`.
    public var enhancedStatus: String?
    /// What the client was doing: `connect`, `UID MOVE`, `RCPT`, ….
    public var command: String?
    /// The last line the server sent, with credentials removed.
    public var serverLine: String?
    /// One line for the operator.
    public var message: String

    public init(kind: Kind, message: String, curlCode: Int? = nil, replyCode: Int? = nil,
                enhancedStatus: String? = nil, command: String? = nil, serverLine: String? = nil) {
        self.kind = kind
        self.message = message
        self.curlCode = curlCode
        self.replyCode = replyCode
        self.enhancedStatus = enhancedStatus
        self.command = command
        self.serverLine = serverLine
    }

    /// A 5xx reply (RFC 5321 §4.2.1): trying again will fail the same way.
    public var isPermanent: Bool {
        if let replyCode { return replyCode >= 500 && replyCode < 600 }
        return false
    }

    public var description: String {
        var text = "\(kind.rawValue) error: \(message)"
        if let replyCode { text += " (reply \(replyCode)\(enhancedStatus.map { " \($0)" } ?? ""))" }
        if let serverLine, !serverLine.isEmpty, !message.contains(serverLine) { text += " [server: \(serverLine)]" }
        if let curlCode { text += " [curl \(curlCode)]" }
        return text
    }
}

extension TransportError {
    /// Maps a CURLcode (and libcurl's error buffer) to a kind, as FoundationNetworking maps its errors.
    /// The codes are those of curl/curl.h 7.88 (libcurl-errors(3)).
    public init(curlCode code: Int, errorText: String, replyCode: Int?, command: String?, serverLine: String?) {
        let kind: Kind
        switch code {
        case 1, 3: kind = .config                       // UNSUPPORTED_PROTOCOL, URL_MALFORMAT
        case 5, 6, 7: kind = .connect                   // COULDNT_RESOLVE_PROXY/HOST, COULDNT_CONNECT
        case 28: kind = .timeout                        // OPERATION_TIMEDOUT
        case 35, 51, 53, 54, 58, 59, 60, 64, 66, 77, 80, 82, 83, 90, 91, 98:
            kind = .tls                                 // SSL_CONNECT_ERROR, PEER_FAILED_VERIFICATION, USE_SSL_FAILED, …
        case 67:
            // MAILSTACK gotcha 6: a SELECT of a missing mailbox is also 67 ("Select failed").
            kind = errorText.localizedCaseInsensitiveContains("select") ? .notFound : .auth
        case 78: kind = .notFound                       // REMOTE_FILE_NOT_FOUND (no such UID, UIDVALIDITY changed)
        case 55, 56:
            kind = (replyCode ?? 0) >= 400 ? .reply : .connect   // SEND_ERROR, RECV_ERROR
        case 25, 21: kind = (replyCode ?? 0) >= 400 ? .reply : .protocol   // UPLOAD_FAILED, QUOTE_ERROR
        default: kind = (replyCode ?? 0) >= 400 ? .reply : .protocol
        }
        var enhanced: String?
        if let line = serverLine { enhanced = Self.enhancedStatus(in: line) }
        self.init(kind: kind, message: errorText.isEmpty ? "libcurl error \(code)" : errorText, curlCode: code,
                  replyCode: (replyCode ?? 0) > 0 ? replyCode : nil, enhancedStatus: enhanced, command: command,
                  serverLine: serverLine)
    }

    /// RFC 3463 §2: `class "." subject "." detail`, as the second word of an SMTP reply line.
    static func enhancedStatus(in line: String) -> String? {
        let words = line.split(separator: " ", maxSplits: 2)
        guard words.count >= 2 else { return nil }
        let parts = words[1].split(separator: ".")
        guard parts.count == 3, let first = parts[0].first, "245".contains(first),
              parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else { return nil }
        return String(words[1])
    }
}
