import Foundation

/// Sends mail over SMTP on one libcurl easy handle, so the SMTP session is reused across messages
/// (MAILSTACK S6: twenty sends showed `ehlo=1 mail=20 rcpt=20 data=20 quit=1`).
///
/// `smtp://host:25` uses STARTTLS when offered, `smtp://host:587` with credentials requires it (S5),
/// `smtps://host:465` is TLS from the first byte.
public final class SMTPSender {
    public let endpoint: Endpoint
    private let easy: CurlEasy
    public private(set) var sent = 0

    public init(endpoint: Endpoint) throws(TransportError) {
        self.endpoint = endpoint
        easy = try CurlEasy()
        // MAILSTACK S4: the URL path is the EHLO name; without one libcurl uses the machine's host name.
        easy.set(url: endpoint.rootURL + endpoint.path.percentEncodedPathSegment)
        easy.set(username: endpoint.user, password: endpoint.password)
        easy.set(caFile: endpoint.caFile)
        easy.set(timeouts: endpoint.timeouts)
        if !endpoint.isImplicitTLS { easy.set(startTLS: endpoint.startTLS) }
        easy.set(upload: true)
    }

    /// Sends one message.
    /// - Parameters:
    ///   - mailFrom: the envelope sender; `""` sends `MAIL FROM:<>` (RFC 5321 §4.5.5, MAILSTACK S3).
    ///   - recipients: envelope recipients (bare addresses).
    ///   - message: the message; bare LF is turned into CRLF first (MAILSTACK S1: libcurl dot-stuffs only
    ///     after CRLF, and a bare-LF `.` line ends DATA early on Postfix).
    /// - Throws: `TransportError` with the reply code of the step that failed (`MAIL`, `RCPT`, `DATA`).
    public func send(mailFrom: String, recipients: [String], message: [UInt8]) throws(TransportError) {
        try send(mailFrom: mailFrom, recipients: recipients, message: message, handedOver: {})
    }

    /// Sends one message, telling the caller when it was handed over.
    ///
    /// RFC 5321 §4.1.1.4: the server takes responsibility for the message when it has the end of data, and only
    /// then replies 250; a client that stops in between (a crash) cannot know whether the server kept it
    /// (RFC 1047). `handedOver` runs once, synchronously, when libcurl takes the message's last byte: from then
    /// on only the end-of-data dot is left to send, so a caller that must never send a message twice records
    /// it there and does not send it again after a crash.
    /// - Parameter handedOver: must not throw or call back into this sender.
    public func send(mailFrom: String, recipients: [String], message: [UInt8], handedOver: () -> Void)
        throws(TransportError) {
        guard !recipients.isEmpty else {
            throw TransportError(kind: .config, message: "no recipients")
        }
        for address in [mailFrom] + recipients where address.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "<" || $0 == ">" }) {
            throw TransportError(kind: .config, message: "invalid envelope address")
        }
        easy.set(mailFrom: mailFrom.isEmpty ? "<>" : "<\(mailFrom)>")
        easy.set(recipients: recipients.map { "<\($0)>" })
        easy.source.bytes = Self.crlf(message)
        easy.source.offset = 0
        easy.set(uploadSize: easy.source.bytes.count)
        let result: Result<Void, TransportError> = withoutActuallyEscaping(handedOver) { hook in
            easy.source.onLastByte = hook
            defer { easy.source.onLastByte = nil }
            do throws(TransportError) {
                _ = try easy.perform(command: "SMTP")
            } catch {
                // Gotcha 8 for SMTP: a session the server closed (idle timeout) fails once on reuse. Only when no
                // byte of the message was taken: after that the server may have it, and a retry could send it twice.
                guard let code = error.curlCode, code == 55 || code == 56, error.replyCode == nil,
                      easy.newConnections == 0, easy.source.offset == 0 else { return .failure(error) }
                easy.source.offset = 0
                do throws(TransportError) {
                    _ = try easy.perform(command: "SMTP")
                } catch {
                    return .failure(error)
                }
            }
            return .success(())
        }
        try result.get()
        sent += 1
    }

    /// Every line ending as CRLF; existing CRLF kept.
    static func crlf(_ bytes: [UInt8]) -> [UInt8] {
        var needsWork = false
        for (index, byte) in bytes.enumerated() {
            let bareLF = byte == 10 && (index == 0 || bytes[index - 1] != 13)
            let bareCR = byte == 13 && (index + 1 == bytes.count || bytes[index + 1] != 10)
            if bareLF || bareCR {
                needsWork = true
                break
            }
        }
        if !needsWork { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 20)
        var previous: UInt8 = 0
        for (index, byte) in bytes.enumerated() {
            if byte == 10, previous != 13 { out.append(13) }
            if byte == 13, index + 1 < bytes.count, bytes[index + 1] != 10 {
                out.append(13); out.append(10); previous = 10; continue
            }
            out.append(byte)
            previous = byte
        }
        if out.last == 13 { out.append(10) }
        return out
    }
}

@available(*, unavailable)
extension SMTPSender: Sendable {}
