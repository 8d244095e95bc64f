import Foundation

/// A parsed mail: the fields the gateway reads, the MIME tree, and the defects found on the way.
///
/// ```
/// message = (fields / obs-fields) [CRLF body]     ; RFC 5322 §3.5
/// ```
/// ``parse(_:policy:)`` reads any byte string; a malformed mail gives its best reading plus ``defects``.
/// Only a ``ParsePolicy`` limit (or a defect under ``ParsePolicy/strict``) throws.
///
/// - SeeAlso: https://www.rfc-editor.org/rfc/rfc5322
public struct Message: Sendable {
    public var header: HeaderFields
    /// The MIME tree; its header is ``header``.
    public var body: MIMEPart
    public var defects: [MailDefect]
    /// RFC 5322 §3.6.4, with angle brackets, e.g. `<abc@x>`.
    public var messageID: String?
    /// RFC 2047 decoded, unfolded, control characters replaced; `""` when missing.
    public var subject: String
    public var from: [Address]
    public var to: [Address]
    public var cc: [Address]
    public var replyTo: [Address]
    public var sender: Address?
    /// RFC 5321 §4.4 reverse-path without angle brackets; `""` for `<>`.
    public var returnPath: String?
    /// `nil` when missing or unreadable.
    public var date: Date?
    public var inReplyTo: [String]
    public var references: [String]
    /// The readable body, line ends `\n`: the text/plain parts that are not attachments (format=flowed
    /// unwrapped) in reading order, joined by an empty line; without any, the text/html parts turned into text.
    /// Of a `multipart/alternative` the first non-empty plain alternative counts, else the first non-empty
    /// one; of a `multipart/related` the root part. See ``BodyText``.
    public var text: String
    public var attachments: [Attachment]
    public var auto: AutoKind
    /// ``text`` without quoted history and signature.
    public var replyText: String
    /// The first `CS0000000` case number in the subject.
    public var caseTag: String?
    public var raw: [UInt8]

    /// RFC 5322 §3.6: fields that may occur at most once.
    static let singleFields: [HeaderFieldName] = [
        .from, .sender, .replyTo, .to, .cc, .bcc, .subject, .date, .messageID, .inReplyTo, .references,
    ]

    /// Where a reply goes: Reply-To when present (RFC 5322 §3.6.2), else From.
    public var replyAddresses: [Address] { replyTo.isEmpty ? from : replyTo }

    /// Parses a message.
    ///
    /// - Parameters:
    ///   - bytes: the message as received, CRLF or LF line ends.
    ///   - policy: limits and strictness.
    /// - Throws: ``MailError`` when a limit of `policy` is exceeded, or on the first defect when
    ///   `policy.strict` is set.
    public static func parse(_ bytes: [UInt8], policy: ParsePolicy = .default) throws(MailError) -> Message {
        if bytes.count > policy.maxTotalBytes { throw MailError(.maxTotalBytes, limit: policy.maxTotalBytes) }
        var context = MIMEPart.Context(policy: policy)
        let root = try MIMEPart.parse(
            bytes, 0..<bytes.count, depth: 0, defaultType: .textPlain, topLevel: true, context: &context)
        var defects = context.defects
        let header = root.header

        for name in Self.singleFields where header.count(name) > 1 {
            defects.append(.duplicateField(name.rawValue))
        }

        func addresses(_ name: HeaderFieldName) -> [Address] {
            var out: [Address] = []
            for f in header.fields where f.hasName(name) {
                out += AddressList.parse(f.unfoldedBytes, field: name.rawValue, defects: &defects)
            }
            return out
        }
        let from = addresses(.from)
        if !header.contains(.from) { defects.append(.missingRequiredField("From")) }

        var subject = ""
        if let f = header.first(.subject) { subject = f.decodedValue(defects: &defects) }

        var messageID: String? = nil
        if let f = header.first(.messageID) {
            messageID = MessageID.parseList(f.unfoldedBytes, field: "Message-ID", defects: &defects).first
        }
        var inReplyTo: [String] = []
        if let f = header.first(.inReplyTo) {
            inReplyTo = MessageID.parseList(f.unfoldedBytes, field: "In-Reply-To", defects: &defects)
        }
        var references: [String] = []
        if let f = header.first(.references) {
            references = MessageID.parseList(f.unfoldedBytes, field: "References", defects: &defects)
        }

        var date: Date? = nil
        if let f = header.first(.date) {
            date = DateTime.parse(f.unfoldedBytes)
            if date == nil { defects.append(.invalidDate) }
        } else {
            defects.append(.missingRequiredField("Date"))
        }

        let returnPath = header.first(.returnPath).map { Self.reversePath($0.unfoldedBytes) }

        var walk = BodyWalk()
        walk.visit(root, isRoot: true)
        let pieces = BodyText.pieces(root, defects: &defects)
        let text = BodyText.join(pieces.map { $0.isHTML ? HTMLText.text(fromHTML: $0.text) : $0.text })
        let replyText = ReplyText.strip(
            BodyText.join(pieces.map { $0.isHTML ? HTMLText.replyText(fromHTML: $0.text) : $0.text }),
            forwarded: ReplyText.isForwardSubject(subject))

        let senders = addresses(.sender)
        let message = Message(
            header: header, body: root, defects: defects, messageID: messageID, subject: subject, from: from,
            to: addresses(.to), cc: addresses(.cc), replyTo: addresses(.replyTo), sender: senders.first,
            returnPath: returnPath, date: date, inReplyTo: inReplyTo, references: references, text: text,
            attachments: walk.attachments,
            auto: AutoKind.detect(
                header: header, contentType: root.contentType, from: from, returnPath: returnPath, subject: subject),
            replyText: replyText, caseTag: CaseTag.find(in: subject), raw: bytes)
        if policy.strict, let first = message.defects.first { throw MailError(.strict(first)) }
        return message
    }

    /// Parses a message given as text (tests, tools).
    public static func parse(_ text: String, policy: ParsePolicy = .default) throws(MailError) -> Message {
        try parse(Array(text.utf8), policy: policy)
    }

    /// `Return-Path: <>` gives `""`, `<a@b>` gives `a@b` (domain lowercased). RFC 5322 §3.6.7
    /// `path = angle-addr / ([CFWS] "<" [CFWS] ">" [CFWS])`
    static func reversePath(_ bytes: [UInt8]) -> String {
        var inner = [UInt8]()
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 40 {
                i = MIMEParameters.skipComment(bytes, from: i)
                continue
            }
            if b == 60 {
                inner.removeAll()
            } else if b == 62 {
                break
            } else if !ASCII.isWhitespace(b) {
                inner.append(b)
            }
            i += 1
        }
        // obs-route
        if let colon = inner.lastIndex(of: ASCII.colon), inner.first == 64 { inner = Array(inner[(colon + 1)...]) }
        var text = Charset.decodeUnlabelled(inner).0
        if let at = text.lastIndex(of: "@") {
            text = text[..<at] + "@" + text[text.index(after: at)...].lowercased()
        }
        return text
    }

    /// CRLF and lone CR become LF. Runs between CRs are copied whole (memchr), so text without CR costs one scan.
    static func normalizeNewlines(_ s: String) -> String {
        var s = s
        return s.withUTF8 { buf -> String? in
            guard let base = buf.baseAddress, memchr(base, Int32(ASCII.cr), buf.count) != nil else { return nil }
            var out = [UInt8]()
            out.reserveCapacity(buf.count)
            var i = 0
            while i < buf.count {
                guard let hit = memchr(base + i, Int32(ASCII.cr), buf.count - i) else {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[i...]))
                    break
                }
                let cr = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[i..<cr]))
                out.append(ASCII.lf)
                i = cr + 1
                if i < buf.count, buf[i] == ASCII.lf { i += 1 }
            }
            return String(decoding: out, as: UTF8.self)
        } ?? s
    }
}

/// Finds the attachments in one walk over the tree.
struct BodyWalk {
    var attachments: [Attachment] = []

    mutating func visit(_ part: MIMEPart, isRoot: Bool) {
        let type = part.contentType
        if type.isMultipart {
            for child in part.parts { visit(child, isRoot: false) }
            return
        }
        // RFC 2046 §5.2.1: an encapsulated message is a unit; its text is not this message's text.
        if type.isEncapsulatedMessage {
            attachments.append(Attachment(part: part))
            return
        }
        let isAttachment = part.disposition?.isAttachment ?? false
        let hasName = part.filename != nil
        // Body text parts, and other text parts without a name (text/calendar in an invitation,
        // text/rfc822-headers in a DSN), are neither body nor attachment.
        if !isAttachment && !hasName && type.isText { return }
        attachments.append(Attachment(part: part))
    }
}
