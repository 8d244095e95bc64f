/// One header field: `field-name ":" unstructured CRLF` with its folding kept.
///
/// ```
/// field = field-name ":" unstructured CRLF          ; RFC 5322 §2.2
/// field-name = 1*ftext
/// ftext = %d33-57 / %d59-126
/// ```
/// Both name and value are slices of the message's bytes: building the header list allocates nothing per
/// field. The value is unfolded and decoded only when asked for.
///
/// - SeeAlso: https://www.rfc-editor.org/rfc/rfc5322#section-2.2
public struct HeaderField: Sendable, Equatable {
    /// The field name as written.
    public let nameBytes: ArraySlice<UInt8>
    /// Everything after the colon up to the final line break, folding line breaks included.
    public let rawValue: ArraySlice<UInt8>

    public init(nameBytes: ArraySlice<UInt8>, rawValue: ArraySlice<UInt8>) {
        self.nameBytes = nameBytes
        self.rawValue = rawValue
    }

    public init(name: String, value: String) {
        self.nameBytes = ArraySlice(name.utf8)
        self.rawValue = ArraySlice(value.utf8)
    }

    public var name: String { String(decoding: nameBytes, as: UTF8.self) }

    /// Whether the field has this name, ignoring case.
    public func hasName(_ name: HeaderFieldName) -> Bool { ASCII.equalsLower(nameBytes, name.lowerBytes) }

    /// The value unfolded and trimmed, as bytes. RFC 5322 §2.2.3: "Unfolding is accomplished by simply
    /// removing any CRLF that is immediately followed by WSP." A line break inside a field value is always
    /// followed by WSP (that is how the field was found), so every CR and LF goes.
    public var unfoldedBytes: [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(rawValue.count)
        for b in rawValue where b != ASCII.cr && b != ASCII.lf { out.append(b) }
        var lo = 0
        var hi = out.count
        while lo < hi, ASCII.isWSP(out[lo]) { lo += 1 }
        while hi > lo, ASCII.isWSP(out[hi - 1]) { hi -= 1 }
        if lo == 0 && hi == out.count { return out }
        return Array(out[lo..<hi])
    }

    /// The unfolded value as text (UTF-8, or windows-1252 when the bytes are not UTF-8), not RFC 2047
    /// decoded.
    public var value: String { Charset.decodeUnlabelled(unfoldedBytes).0 }

    /// The unfolded value with RFC 2047 encoded words decoded and control characters replaced by spaces, as
    /// for an `unstructured` field such as Subject.
    public var decodedValue: String {
        var defects: [MailDefect] = []
        return decodedValue(defects: &defects)
    }

    func decodedValue(defects: inout [MailDefect]) -> String {
        let decoded = EncodedWord.decode(unfoldedBytes, defects: &defects)
        let (clean, hadControl) = ASCII.sanitizeHeaderText(decoded)
        if hadControl { defects.append(.controlCharacterInHeader(name)) }
        return clean
    }
}
