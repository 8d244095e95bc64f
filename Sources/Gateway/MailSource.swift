import Transport

/// Where inbound mail comes from: an IMAP mailbox, or an in-memory list in tests.
/// UIDs are strictly ascending within one `uidValidity` (RFC 9051 §2.3.1.1).
public protocol MailSource: AnyObject {
    /// The ledger's mailbox key: stable across restarts and across imap:// vs imaps:// for one account.
    var key: String { get }
    /// Prepares the mailbox (creates Processed and Quarantine) and returns its UIDVALIDITY.
    func open() throws -> Int64
    /// Up to `limit` messages waiting in the mailbox, oldest first, that were not yet settled.
    func pending(limit: Int) throws -> [IMAPResponse.Listing]
    func fetch(uid: Int64, uidValidity: Int64, limit: Int) throws -> [UInt8]
    /// Moves (or flags) settled mail out of the way: handled mail to Processed, the rest to Quarantine.
    func settle(processed: [Int64], quarantined: [Int64]) throws
}

/// The desk's IMAP mailbox.
public final class IMAPSource: MailSource {
    public let client: IMAPClient
    public let processedFolder: String
    public let quarantineFolder: String
    /// Set on settled mail when the server has no MOVE (RFC 6851), so the poller skips it.
    public static let settledKeyword = "$DapgateSettled"

    public init(client: IMAPClient, processedFolder: String, quarantineFolder: String) {
        self.client = client
        self.processedFolder = processedFolder
        self.quarantineFolder = quarantineFolder
    }

    public var key: String {
        "\(client.endpoint.user ?? "")@\(client.endpoint.authority)/\(client.mailbox)"
    }

    public func open() throws -> Int64 {
        try client.ensureMailbox(processedFolder)
        try client.ensureMailbox(quarantineFolder)
        guard let validity = try client.status().uidValidity else {
            throw TransportError(kind: .protocol, message: "server sent no UIDVALIDITY for \(client.mailbox)")
        }
        return validity
    }

    public func pending(limit: Int) throws -> [IMAPResponse.Listing] {
        // Everything still in the mailbox: settled mail was moved out (or flagged, without MOVE), so what is
        // left is new mail plus mail whose settling a crash interrupted, which the ledger recognises.
        // Read in windows of sequence numbers, oldest first, so no single command answers with more lines
        // than libcurl accepts.
        let count = try client.messageCount()
        var result: [IMAPResponse.Listing] = []
        var start = 1
        while start <= count, result.count < limit {
            let end = min(count, start + IMAPClient.listingWindow - 1)
            result += try client.listing(sequence: start...end).filter { !$0.flags.contains(Self.settledKeyword) }
            start = end + 1
        }
        return Array(result.prefix(limit))
    }

    public func fetch(uid: Int64, uidValidity: Int64, limit: Int) throws -> [UInt8] {
        try client.fetch(uid: uid, uidValidity: uidValidity, limit: limit)
    }

    public func settle(processed: [Int64], quarantined: [Int64]) throws {
        try client.move(uids: processed, to: processedFolder, keyword: Self.settledKeyword)
        try client.move(uids: quarantined, to: quarantineFolder, keyword: Self.settledKeyword)
    }
}

/// Where outgoing mail goes: SMTP, or a recorder in tests.
public protocol MailSink: AnyObject {
    func send(mailFrom: String, recipients: [String], message: [UInt8]) throws
    /// Sends and calls `handedOver` once the sink has taken the whole message (see `SMTPSender`).
    func send(mailFrom: String, recipients: [String], message: [UInt8], handedOver: () -> Void) throws
}

extension MailSink {
    /// A sink that cannot tell: the message counts as handed over just before it is sent.
    public func send(mailFrom: String, recipients: [String], message: [UInt8], handedOver: () -> Void) throws {
        handedOver()
        try send(mailFrom: mailFrom, recipients: recipients, message: message)
    }
}

/// `send(mailFrom:recipients:message:) throws(TransportError)` satisfies the requirements as it is.
extension SMTPSender: MailSink {}
