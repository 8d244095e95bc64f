/// Why ``Message/parse(_:policy:)`` refused a message: a ``ParsePolicy`` limit, or a defect in strict mode.
///
/// The gateway moves such a mail to Quarantine with ``description`` as the reason.
public struct MailError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// MIME nesting deeper than ``ParsePolicy/maxDepth``.
        case maxDepth
        /// More MIME entities than ``ParsePolicy/maxParts``.
        case maxParts
        /// A header section larger than ``ParsePolicy/maxHeaderBytes``.
        case maxHeaderBytes
        /// A message larger than ``ParsePolicy/maxTotalBytes``.
        case maxTotalBytes
        /// A defect found while ``ParsePolicy/strict`` was set.
        case strict(MailDefect)
    }

    public var kind: Kind
    /// The limit that was exceeded; `nil` for ``Kind/strict(_:)``.
    public var limit: Int?

    public init(_ kind: Kind, limit: Int? = nil) {
        self.kind = kind
        self.limit = limit
    }

    public var description: String {
        switch kind {
        case .maxDepth: return "MIME nesting deeper than \(limit ?? 0) levels"
        case .maxParts: return "more than \(limit ?? 0) MIME parts"
        case .maxHeaderBytes: return "header section larger than \(limit ?? 0) bytes"
        case .maxTotalBytes: return "message larger than \(limit ?? 0) bytes"
        case .strict(let defect): return "strict parsing: \(defect)"
        }
    }
}
