import Foundation

/// A file carried by a message: a part with `Content-Disposition: attachment`, or any non-text leaf part
/// (inline images included), or an encapsulated message.
///
/// The data is decoded when asked for, not when the message is parsed; ``size`` and ``sha256`` decode it
/// too, so read ``data`` once when you need all three.
public struct Attachment: Sendable {
    /// RFC 2183 `filename` or RFC 2045 `name`, RFC 2231 / RFC 2047 decoded; `nil` when the part has none.
    public var filename: String?
    /// `type/subtype`, lowercased.
    public var contentType: String
    /// `inline`, `attachment`, another disposition type, or `nil` when the part has no Content-Disposition.
    public var disposition: String?
    /// Content-ID with angle brackets, for `cid:` references from HTML (RFC 2392 §2).
    public var contentID: String?
    /// The part the attachment comes from.
    public var part: MIMEPart

    public init(part: MIMEPart) {
        self.part = part
        self.filename = part.filename
        self.contentType = part.contentType.mimeType
        self.disposition = part.disposition?.type
        self.contentID = part.contentID
    }

    /// The decoded bytes.
    public var data: [UInt8] { part.decodedBody() }

    /// Decoded size in bytes.
    public var size: Int { data.count }

    /// Lowercase hex SHA-256 of the decoded bytes.
    public var sha256: String { SHA256.hex(data) }

    /// The file name without directories, controls or characters that are unsafe in file systems; never
    /// empty, never `.` or `..`.
    public var safeFilename: String {
        var name = filename ?? ""
        if let cut = name.lastIndex(where: { $0 == "/" || $0 == "\\" }) {
            name = String(name[name.index(after: cut)...])
        }
        var scalars = String.UnicodeScalarView()
        for u in name.unicodeScalars {
            switch u.value {
            case 0..<0x20, 0x7F, 0x22, 0x2A, 0x3A, 0x3C, 0x3E, 0x3F, 0x7C: scalars.append("_")
            default: scalars.append(u)
            }
        }
        name = String(scalars).trimmingCharacters(in: .whitespaces)
        name = String(name.drop { $0 == "." })
        if name.isEmpty {
            let sub = part.contentType.subtype.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
            name =
                part.contentType.isEncapsulatedMessage ? "message.eml" : "attachment" + (sub.isEmpty ? "" : "." + sub)
        }
        return name
    }
}
