import Foundation

/// An IMAP connection on one libcurl easy handle, reused across commands (MAILSTACK: the `;UID=n`
/// loop on one reused handle is the fast way to read with libcurl).
///
/// Messages are read by UID through URLs (`INBOX;UIDVALIDITY=v/;UID=n`), never with a custom FETCH of
/// the body: libcurl would pass body lines starting with `* ` or the tag as server responses
/// (MAILSTACK gotcha 3).
public final class IMAPClient {
    public let endpoint: Endpoint
    public let mailbox: String
    private let easy: CurlEasy
    private var capabilityCache: Set<String>?

    public init(endpoint: Endpoint) throws(TransportError) {
        self.endpoint = endpoint
        self.mailbox = endpoint.path.isEmpty ? "INBOX" : endpoint.path
        easy = try CurlEasy()
        easy.set(username: endpoint.user, password: endpoint.password)
        easy.set(caFile: endpoint.caFile)
        easy.set(timeouts: endpoint.timeouts)
        if !endpoint.isImplicitTLS { easy.set(startTLS: endpoint.startTLS) }
    }

    private func url(_ mailbox: String?) -> String {
        endpoint.rootURL + (mailbox.map { $0.percentEncodedPathSegment } ?? "")
    }

    /// Runs one command; retries once when a reused connection turned out dead (MAILSTACK gotcha 8:
    /// after a server-side logout the next perform fails with 55/56 and NUM_CONNECTS 0).
    private func run(url: String, command: String?, label: String, limit: Int = 64 << 20) throws(TransportError)
        -> [UInt8] {
        easy.set(url: url)
        // Gotcha 4: CURLOPT_CUSTOMREQUEST stays set on the handle; nil resets it before URL fetches.
        easy.set(customRequest: command)
        do {
            return try easy.perform(command: label, limit: limit)
        } catch {
            if let code = error.curlCode, code == 55 || code == 56, easy.newConnections == 0 {
                return try easy.perform(command: label, limit: limit)
            }
            throw error
        }
    }

    /// `CAPABILITY`, cached per client.
    public func capabilities() throws(TransportError) -> Set<String> {
        if let capabilityCache { return capabilityCache }
        let result = IMAPResponse.capabilities(try run(url: url(nil), command: "CAPABILITY", label: "CAPABILITY"))
        capabilityCache = result
        return result
    }

    /// RFC 9051 §6.3.11 STATUS: UIDVALIDITY, UIDNEXT and MESSAGES of a mailbox.
    public func status(_ mailbox: String? = nil) throws(TransportError) -> IMAPResponse.Status {
        let name = mailbox ?? self.mailbox
        let bytes = try run(url: url(nil), command: "STATUS \(name.imapQuoted) (UIDVALIDITY UIDNEXT MESSAGES)",
                            label: "STATUS")
        guard let status = IMAPResponse.status(bytes), status.uidValidity != nil else {
            throw TransportError(kind: .protocol, message: "no STATUS response for \(name)", command: "STATUS")
        }
        return status
    }

    /// How many messages the selected mailbox holds, as this session sees it now.
    /// C: A005 SEARCH RETURN (COUNT) ALL        (RFC 4731 ESEARCH)
    /// S: * ESEARCH (TAG "A005") COUNT 3
    /// STATUS is no substitute: on the selected mailbox it can answer from before the session's last sync
    /// (RFC 9051 §6.3.11 advises against it), and then new mail would wait a poll.
    public func messageCount() throws(TransportError) -> Int {
        if try capabilities().contains("ESEARCH") {
            let bytes = try run(url: url(mailbox), command: "SEARCH RETURN (COUNT) ALL", label: "SEARCH")
            return IMAPResponse.esearchCount(bytes) ?? 0
        }
        return IMAPResponse.search(try run(url: url(mailbox), command: "SEARCH ALL", label: "SEARCH")).count
    }

    /// The messages at sequence numbers `range` (RFC 9051 §2.3.1.2), with UID, size and flags.
    /// C: A003 FETCH 1:100 (UID RFC822.SIZE FLAGS)
    /// S: * 1 FETCH (UID 41 RFC822.SIZE 3120 FLAGS (\Recent))
    ///
    /// Callers keep a window to ``listingWindow`` messages: libcurl 7.88 counts every untagged line of a
    /// custom command against its 300 KB response-header limit at about 1 KB a line, and fails the
    /// command ("Too large response headers") after about 300 lines, whatever their length.
    public func listing(sequence range: ClosedRange<Int>) throws(TransportError) -> [IMAPResponse.Listing] {
        let bytes = try run(url: url(mailbox), command: "FETCH \(range.lowerBound):\(range.upperBound) (UID RFC822.SIZE FLAGS)",
                            label: "FETCH")
        return IMAPResponse.listings(bytes).sorted { $0.uid < $1.uid }
    }

    public static let listingWindow = 100

    /// The raw message, byte for byte (with CRLF), checked against `uidValidity` by libcurl (rc 78 on a change).
    public func fetch(uid: Int64, uidValidity: Int64, limit: Int) throws(TransportError) -> [UInt8] {
        try run(url: url(mailbox) + ";UIDVALIDITY=\(uidValidity)/;UID=\(uid)", command: nil,
                label: "UID FETCH \(uid) BODY[]", limit: limit)
    }

    public func list() throws(TransportError) -> [String] {
        IMAPResponse.mailboxes(try run(url: url(nil), command: "LIST \"\" \"*\"", label: "LIST"))
    }

    /// Creates `name` unless it exists.
    public func ensureMailbox(_ name: String) throws(TransportError) {
        if try list().contains(where: { $0 == name }) { return }
        do {
            _ = try run(url: url(nil), command: "CREATE \(name.imapQuoted)", label: "CREATE")
        } catch {
            // Another poller may have created it in between.
            if try list().contains(where: { $0 == name }) { return }
            throw error
        }
    }

    /// Moves messages to `target` (RFC 6851 MOVE); without MOVE, flags them with `keyword` instead and
    /// copies them, so the poller can skip them by flag.
    public func move(uids: [Int64], to target: String, keyword: String) throws(TransportError) {
        guard !uids.isEmpty else { return }
        let set = IMAPResponse.sequenceSet(uids)
        if try capabilities().contains("MOVE") {
            _ = try run(url: url(mailbox), command: "UID MOVE \(set) \(target.imapQuoted)", label: "UID MOVE")
        } else {
            _ = try run(url: url(mailbox), command: "UID COPY \(set) \(target.imapQuoted)", label: "UID COPY")
            _ = try run(url: url(mailbox), command: "UID STORE \(set) +FLAGS.SILENT (\\Seen \(keyword))",
                        label: "UID STORE")
        }
    }

    /// Appends a message to a mailbox (used by tests and the demo to plant mail).
    public func append(_ message: [UInt8], to target: String) throws(TransportError) {
        easy.set(url: url(target))
        easy.set(customRequest: nil)
        easy.source.bytes = message
        easy.source.offset = 0
        easy.set(upload: true)
        defer { easy.set(upload: false) }
        easy.set(uploadSize: message.count)
        _ = try easy.perform(command: "APPEND")
    }

    /// `UID SEARCH ALL` of a mailbox.
    public func uids(in mailbox: String? = nil) throws(TransportError) -> [Int64] {
        IMAPResponse.search(try run(url: url(mailbox ?? self.mailbox), command: "UID SEARCH ALL",
                                    label: "UID SEARCH"))
    }
}

@available(*, unavailable)
extension IMAPClient: Sendable {}
