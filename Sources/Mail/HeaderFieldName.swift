/// A header field name (RFC 5322 §2.2), compared case-insensitively, keeping its spelling.
///
/// An open registry (RFC 3864), so a struct with static lets.
public struct HeaderFieldName: Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String
    let lowerBytes: [UInt8]

    public init(_ rawValue: String) {
        self.rawValue = rawValue
        self.lowerBytes = rawValue.utf8.map(ASCII.lower)
    }

    public init(stringLiteral value: String) { self.init(value) }

    public static func == (a: HeaderFieldName, b: HeaderFieldName) -> Bool { a.lowerBytes == b.lowerBytes }
    public func hash(into hasher: inout Hasher) { hasher.combine(lowerBytes) }
    public var description: String { rawValue }

    public static let from: HeaderFieldName = "From"
    public static let sender: HeaderFieldName = "Sender"
    public static let replyTo: HeaderFieldName = "Reply-To"
    public static let to: HeaderFieldName = "To"
    public static let cc: HeaderFieldName = "Cc"
    public static let bcc: HeaderFieldName = "Bcc"
    public static let subject: HeaderFieldName = "Subject"
    public static let date: HeaderFieldName = "Date"
    public static let messageID: HeaderFieldName = "Message-ID"
    public static let inReplyTo: HeaderFieldName = "In-Reply-To"
    public static let references: HeaderFieldName = "References"
    public static let returnPath: HeaderFieldName = "Return-Path"
    public static let mimeVersion: HeaderFieldName = "MIME-Version"
    public static let contentType: HeaderFieldName = "Content-Type"
    public static let contentTransferEncoding: HeaderFieldName = "Content-Transfer-Encoding"
    public static let contentDisposition: HeaderFieldName = "Content-Disposition"
    public static let contentID: HeaderFieldName = "Content-ID"
    public static let autoSubmitted: HeaderFieldName = "Auto-Submitted"
    public static let precedence: HeaderFieldName = "Precedence"
    public static let listID: HeaderFieldName = "List-Id"
    public static let listUnsubscribe: HeaderFieldName = "List-Unsubscribe"
    public static let xAutoResponseSuppress: HeaderFieldName = "X-Auto-Response-Suppress"
    public static let xAutoreply: HeaderFieldName = "X-Autoreply"
    public static let xAutorespond: HeaderFieldName = "X-Autorespond"
}
