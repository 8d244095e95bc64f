/// Limits and strictness for ``Message/parse(_:policy:)``.
///
/// Combines Python's `email.policy`, mox's `strict` flag and Dovecot's message-parser limits. A limit that is
/// exceeded makes `parse` throw ``MailError``; every other problem becomes a ``MailDefect`` on the message,
/// unless ``strict`` is set, in which case the first defect is thrown instead.
public struct ParsePolicy: Sendable, Equatable {
    /// Deepest nesting of MIME entities (multipart children and `message/rfc822` bodies). The top-level
    /// message has depth 0.
    public var maxDepth = 50
    /// Most MIME entities (the top-level message included) in one message.
    public var maxParts = 10_000
    /// Largest header section of any one entity, in bytes.
    public var maxHeaderBytes = 256 * 1024
    /// Largest message, in bytes.
    public var maxTotalBytes = 50 * 1024 * 1024
    /// When `true`, any defect makes `parse` throw.
    public var strict = false

    public init(
        maxDepth: Int = 50,
        maxParts: Int = 10_000,
        maxHeaderBytes: Int = 256 * 1024,
        maxTotalBytes: Int = 50 * 1024 * 1024,
        strict: Bool = false
    ) {
        self.maxDepth = maxDepth
        self.maxParts = maxParts
        self.maxHeaderBytes = maxHeaderBytes
        self.maxTotalBytes = maxTotalBytes
        self.strict = strict
    }

    /// The gateway's policy: lenient, with the default limits.
    public static let `default` = ParsePolicy()

    /// Lenient parsing is off: the first defect throws.
    public static let strict = ParsePolicy(strict: true)
}
