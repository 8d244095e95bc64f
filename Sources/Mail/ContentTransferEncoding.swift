/// The Content-Transfer-Encoding of a body part.
///
/// ```
/// encoding := "Content-Transfer-Encoding" ":" mechanism    ; RFC 2045 §6.1
/// mechanism := "7bit" / "8bit" / "binary" / "quoted-printable" / "base64" / ietf-token / x-token
/// ```
/// An open set, so a struct with static lets; compared case-insensitively.
///
/// - SeeAlso: https://www.rfc-editor.org/rfc/rfc2045#section-6
public struct ContentTransferEncoding: Sendable, Hashable, CustomStringConvertible {
    /// Lowercased mechanism.
    public let name: String

    public init(_ name: String) { self.name = name.lowercased() }

    public var description: String { name }

    public static let sevenBit = ContentTransferEncoding("7bit")
    public static let eightBit = ContentTransferEncoding("8bit")
    public static let binary = ContentTransferEncoding("binary")
    public static let quotedPrintable = ContentTransferEncoding("quoted-printable")
    public static let base64 = ContentTransferEncoding("base64")

    /// 7bit, 8bit and binary: the body is taken as is. RFC 2045 §6.2
    public var isIdentity: Bool { self == .sevenBit || self == .eightBit || self == .binary }

    public var isKnown: Bool { isIdentity || self == .quotedPrintable || self == .base64 }

    /// The decoded body. Unknown mechanisms (e.g. `x-uuencode`) return the bytes as they are.
    public func decode(_ body: ArraySlice<UInt8>) -> (bytes: [UInt8], clean: Bool) {
        if self == .base64 {
            var out = [UInt8]()
            let ok = Base64.decode(body, into: &out)
            return (out, ok)
        }
        if self == .quotedPrintable {
            var out = [UInt8]()
            let ok = QuotedPrintable.decode(body, into: &out)
            return (out, ok)
        }
        return (Array(body), true)
    }
}
