/// How a body part is meant to be shown, and its file name.
///
/// ```
/// disposition := "Content-Disposition" ":" disposition-type *(";" disposition-parm)   ; RFC 2183 §2
/// disposition-type := "inline" / "attachment" / extension-token
/// filename-parm := "filename" "=" value
/// ```
/// - SeeAlso: https://www.rfc-editor.org/rfc/rfc2183#section-2
public struct ContentDisposition: Sendable, Equatable {
    /// Lowercased disposition type.
    public var type: String
    public var parameters: MIMEParameters

    public init(type: String, parameters: MIMEParameters = MIMEParameters()) {
        self.type = type.lowercased()
        self.parameters = parameters
    }

    public var isAttachment: Bool { type == "attachment" }
    public var isInline: Bool { type == "inline" }
    /// RFC 2183 §2.3, RFC 2231 decoded.
    public var filename: String? { parameters["filename"] }

    static func parse(_ bytes: [UInt8], defects: inout [MailDefect]) -> ContentDisposition {
        let (main, raw) = MIMEParameters.split(bytes)
        return ContentDisposition(
            type: ASCII.lowercased(main), parameters: MIMEParameters.resolve(raw, defects: &defects))
    }
}
