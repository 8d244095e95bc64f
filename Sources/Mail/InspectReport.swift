/// What `dapgate inspect --json` prints for one mail (DESIGN.md, "Command-line contract").
///
/// Keys, exactly: `message_id`, `subject`, `from` ({`name`, `address`} or null), `to`, `cc`, `reply_to`,
/// `date` (ISO 8601 UTC or null), `in_reply_to`, `references`, `text`, `attachments` ([{`filename`,
/// `content_type`, `size`, `sha256`}]), `auto`, `reply_text`, `case_tag` (string or null).
public struct InspectReport: Sendable {
    public static let keys = [
        "attachments", "auto", "case_tag", "cc", "date", "from", "in_reply_to", "message_id", "references",
        "reply_text", "reply_to", "subject", "text", "to",
    ]

    let value: JSONValue

    public init(_ m: Message) {
        func address(_ a: Address) -> JSONValue {
            .object(["name": a.name.map(JSONValue.string) ?? .null, "address": .string(a.address)])
        }
        func list(_ addresses: [Address]) -> JSONValue { .array(addresses.map(address)) }
        let attachments: [JSONValue] = m.attachments.map { a in
            let data = a.data
            return .object([
                "filename": a.filename.map(JSONValue.string) ?? .null,
                "content_type": .string(a.contentType),
                "size": .number(data.count),
                "sha256": .string(SHA256.hex(data)),
            ])
        }
        value = .object([
            "message_id": m.messageID.map(JSONValue.string) ?? .null,
            "subject": .string(m.subject),
            "from": m.from.first.map(address) ?? .null,
            "to": list(m.to),
            "cc": list(m.cc),
            "reply_to": list(m.replyTo),
            "date": m.date.map { .string(DateTime.iso8601($0)) } ?? .null,
            "in_reply_to": .array(m.inReplyTo.map(JSONValue.string)),
            "references": .array(m.references.map(JSONValue.string)),
            "text": .string(m.text),
            "attachments": .array(attachments),
            "auto": .string(m.auto.rawValue),
            "reply_text": .string(m.replyText),
            "case_tag": m.caseTag.map(JSONValue.string) ?? .null,
        ])
    }

    /// Pretty-printed (two spaces), keys sorted, non-ASCII kept as UTF-8, ends without a newline.
    public func json() -> String {
        var out = [UInt8]()
        value.write(into: &out, indent: 0)
        return String(decoding: out, as: UTF8.self)
    }
}

/// A JSON value with a deterministic writer (RFC 8259).
enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Int)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    func write(into out: inout [UInt8], indent: Int) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .number(let n): out.append(contentsOf: String(n).utf8)
        case .string(let s): Self.writeString(s, into: &out)
        case .array(let items):
            if items.isEmpty {
                out.append(contentsOf: "[]".utf8)
                return
            }
            out.append(contentsOf: "[\n".utf8)
            for (k, item) in items.enumerated() {
                Self.pad(&out, indent + 2)
                item.write(into: &out, indent: indent + 2)
                if k < items.count - 1 { out.append(44) }
                out.append(10)
            }
            Self.pad(&out, indent)
            out.append(93)
        case .object(let dict):
            if dict.isEmpty {
                out.append(contentsOf: "{}".utf8)
                return
            }
            out.append(contentsOf: "{\n".utf8)
            let keys = dict.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            for (k, key) in keys.enumerated() {
                Self.pad(&out, indent + 2)
                Self.writeString(key, into: &out)
                out.append(contentsOf: ": ".utf8)
                dict[key]?.write(into: &out, indent: indent + 2)
                if k < keys.count - 1 { out.append(44) }
                out.append(10)
            }
            Self.pad(&out, indent)
            out.append(125)
        }
    }

    private static func pad(_ out: inout [UInt8], _ n: Int) {
        for _ in 0..<n { out.append(32) }
    }

    /// RFC 8259 §7: quotation mark, reverse solidus and the control characters are escaped.
    static func writeString(_ s: String, into out: inout [UInt8]) {
        out.append(34)
        for b in s.utf8 {
            switch b {
            case 34: out.append(contentsOf: [92, 34])
            case 92: out.append(contentsOf: [92, 92])
            case 10: out.append(contentsOf: [92, 110])
            case 13: out.append(contentsOf: [92, 114])
            case 9: out.append(contentsOf: [92, 116])
            case 8: out.append(contentsOf: [92, 98])
            case 12: out.append(contentsOf: [92, 102])
            case 0..<32, 127:
                out.append(contentsOf: "\\u00".utf8)
                out.append(ASCII.lowerHexDigits[Int(b >> 4)])
                out.append(ASCII.lowerHexDigits[Int(b & 0x0F)])
            default: out.append(b)
            }
        }
        out.append(34)
    }
}
