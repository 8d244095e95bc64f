/// A mailbox: an optional display name and an addr-spec.
///
/// ```
/// address = mailbox / group                              ; RFC 5322 §3.4
/// mailbox = name-addr / addr-spec
/// name-addr = [display-name] angle-addr
/// angle-addr = [CFWS] "<" addr-spec ">" [CFWS] / obs-angle-addr
/// group = display-name ":" [group-list] ";" [CFWS]
/// display-name = phrase
/// addr-spec = local-part "@" domain                      ; RFC 5322 §3.4.1
/// ```
/// The domain is lowercased (RFC 5321 §2.4: domains are case-insensitive); the local part keeps its case.
///
/// - SeeAlso: https://www.rfc-editor.org/rfc/rfc5322#section-3.4
public struct Address: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The display name, RFC 2047 decoded; `nil` when there is none.
    public var name: String?
    /// `local-part@domain`, domain lowercased.
    public var address: String

    public init(name: String? = nil, address: String) {
        self.name = name
        self.address = address
    }

    /// The part before the last `@`.
    public var localPart: Substring {
        guard let at = address.lastIndex(of: "@") else { return address[...] }
        return address[..<at]
    }

    /// The part after the last `@`, empty when there is none.
    public var domain: Substring {
        guard let at = address.lastIndex(of: "@") else { return "" }
        return address[address.index(after: at)...]
    }

    public var description: String {
        if let name, !name.isEmpty { return "\(name) <\(address)>" }
        return address
    }

    /// Reads one address (the first of a list), e.g. `"Jan de Vries" <jan@school.nl>`.
    public static func parse(_ text: String) -> Address? { parseList(text).first }

    /// Reads an address list such as the value of a To field; groups are flattened.
    public static func parseList(_ text: String) -> [Address] {
        var defects: [MailDefect] = []
        return AddressList.parse(Array(text.utf8), field: "address", defects: &defects)
    }

    // MARK: - Composing

    /// `name-addr` for a header field: the name as atoms, a quoted string or RFC 2047 encoded words (non-ASCII,
    /// longer than 60 characters, or holding `=?`); control characters in either part become spaces or go, so no value can
    /// start a new header line.
    func headerPieces() -> [HeaderPiece] {
        let addr = Address.sanitizeAddrSpec(address)
        let (cleanName, _) = ASCII.sanitizeHeaderText(name ?? "")
        guard !cleanName.isEmpty else { return [.atom("<\(addr)>")] }
        var pieces: [HeaderPiece]
        // A name that holds "=?" is encoded too: readers decode encoded words even inside quoted strings.
        if cleanName.utf8.allSatisfy({ $0 < 128 }) && cleanName.utf8.count <= 60 && !cleanName.contains("=?") {
            if cleanName.utf8.allSatisfy(Address.isAtextOrSpace) {
                pieces = cleanName.split(separator: " ").map { .atom(String($0)) }
            } else {
                var q = "\""
                for c in cleanName.unicodeScalars {
                    if c == "\"" || c == "\\" { q.append("\\") }
                    q.unicodeScalars.append(c)
                }
                q.append("\"")
                pieces = [.atom(q)]
            }
        } else {
            pieces = [.encoded(cleanName)]
        }
        pieces.append(.atom("<\(addr)>"))
        return pieces
    }

    /// RFC 5322 §3.2.3 atext, plus space.
    static func isAtextOrSpace(_ b: UInt8) -> Bool {
        if ASCII.isAlnum(b) || b == ASCII.space { return true }
        return "!#$%&'*+-/=?^_`{|}~".utf8.contains(b)
    }

    /// Removes everything that could break out of an angle-addr: white space, controls, `<`, `>`, `,`, `;`.
    /// Cut at 900 bytes so the line stays within RFC 5322 §2.1.1's 998 characters (RFC 5321 §4.5.3.1.3 allows a
    /// path of 256).
    static func sanitizeAddrSpec(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var length = 0
        for u in s.unicodeScalars {
            length += UTF8.width(u)
            if length > 900 { break }
            switch u.value {
            case 0...32, 0x7F, 0x85, 0x2028, 0x2029: continue
            case 0x3C, 0x3E, 0x2C, 0x3B: continue
            default: out.append(u)
            }
        }
        return String(out)
    }
}
