/// A media type with its parameters, from the Content-Type field.
///
/// ```
/// content := "Content-Type" ":" type "/" subtype *(";" parameter)    ; RFC 2045 §5.1
/// ```
/// RFC 2045 §5.2: a missing or invalid Content-Type means `text/plain; charset=us-ascii`.
///
/// - SeeAlso: https://www.rfc-editor.org/rfc/rfc2045#section-5
public struct ContentType: Sendable, Equatable, CustomStringConvertible {
    /// Lowercased top-level type, e.g. `text`.
    public var type: String
    /// Lowercased subtype, e.g. `plain`.
    public var subtype: String
    public var parameters: MIMEParameters

    public init(type: String, subtype: String, parameters: MIMEParameters = MIMEParameters()) {
        self.type = type.lowercased()
        self.subtype = subtype.lowercased()
        self.parameters = parameters
    }

    /// `type/subtype`, lowercased.
    public var mimeType: String { type + "/" + subtype }
    public var description: String { mimeType }

    public var isMultipart: Bool { type == "multipart" }
    public var isText: Bool { type == "text" }
    /// `message/rfc822` or `message/global` (RFC 6532 §3.7): a whole message as the body.
    public var isEncapsulatedMessage: Bool { type == "message" && (subtype == "rfc822" || subtype == "global") }

    public var charset: Charset? { parameters["charset"].map(Charset.init) }
    public var boundary: String? { parameters["boundary"] }
    public var name: String? { parameters["name"] }

    public static let textPlain = ContentType(type: "text", subtype: "plain")
    public static let messageRFC822 = ContentType(type: "message", subtype: "rfc822")

    /// Reads a Content-Type field value.
    ///
    /// - Returns: `nil` with ``MailDefect/invalidContentType`` when the value is not `type/subtype`.
    static func parse(_ bytes: [UInt8], defects: inout [MailDefect]) -> ContentType? {
        let (main, raw) = MIMEParameters.split(bytes)
        let params = MIMEParameters.resolve(raw, defects: &defects)
        guard let slash = main.firstIndex(of: UInt8(ascii: "/")), slash > 0, slash + 1 < main.count,
            main.allSatisfy({ $0 > 32 && $0 < 127 })
        else {
            defects.append(.invalidContentType)
            var fallback = ContentType.textPlain
            fallback.parameters = params
            return main.isEmpty && raw.isEmpty ? nil : fallback
        }
        return ContentType(
            type: ASCII.lowercased(main[..<slash]),
            subtype: ASCII.lowercased(main[(slash + 1)...]),
            parameters: params)
    }
}
