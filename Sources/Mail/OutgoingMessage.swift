import Foundation

/// A mail the gateway sends: confirmations, progress updates, closure notices.
///
/// ``render()`` writes RFC 5322 with MIME (RFC 2045-2047): CRLF line ends only, Date, Message-ID,
/// MIME-Version and Content-Type always, UTF-8 text as quoted-printable, `multipart/alternative` when there
/// is HTML, RFC 2047 encoded words for non-ASCII subject and names, header lines folded at 78 columns.
///
/// No value can add a header line: CR, LF and every other control character in any header value (subject,
/// names, addresses, message ids, extra headers) becomes a space, or is removed where spaces are not allowed,
/// before encoding; extra header names keep only `ftext`.
public struct OutgoingMessage: Sendable {
    public var from: Address
    public var to: [Address]
    public var cc: [Address]
    public var replyTo: [Address]
    public var subject: String
    public var messageID: String
    public var date: Date
    public var inReplyTo: String?
    public var references: [String]
    /// RFC 3834 §5 value, e.g. `auto-replied`.
    public var autoSubmitted: String?
    /// Written after the standard fields. A name that the renderer writes itself (From, Subject,
    /// Content-Type, …) is dropped.
    public var extraHeaders: [(String, String)]
    public var text: String
    /// When set, the body is `multipart/alternative` with the text first (RFC 2046 §5.1.4).
    public var html: String?

    public init(
        from: Address, to: [Address], cc: [Address] = [], replyTo: [Address] = [], subject: String,
        messageID: String, date: Date, inReplyTo: String? = nil, references: [String] = [],
        autoSubmitted: String? = nil, extraHeaders: [(String, String)] = [], text: String, html: String? = nil
    ) {
        self.from = from
        self.to = to
        self.cc = cc
        self.replyTo = replyTo
        self.subject = subject
        self.messageID = messageID
        self.date = date
        self.inReplyTo = inReplyTo
        self.references = references
        self.autoSubmitted = autoSubmitted
        self.extraHeaders = extraHeaders
        self.text = text
        self.html = html
    }

    /// `<random@domain>`; see ``MessageID/make(domain:)``.
    public static func makeMessageID(domain: String) -> String { MessageID.make(domain: domain) }

    static let reservedNames: [HeaderFieldName] = [
        .date, .from, .sender, .to, .cc, .replyTo, .subject, .messageID, .inReplyTo, .references, .mimeVersion,
        .contentType, .contentTransferEncoding, .autoSubmitted,
    ]

    /// The message as bytes, ready for SMTP DATA (before dot-stuffing, which is the transport's job).
    public func render() -> [UInt8] {
        var w = HeaderWriter()
        w.field("Date", [.atom(DateTime.rfc5322(date))])
        w.field("From", from.headerPieces())
        if !to.isEmpty { w.field("To", Self.listPieces(to)) }
        if !cc.isEmpty { w.field("Cc", Self.listPieces(cc)) }
        if !replyTo.isEmpty { w.field("Reply-To", Self.listPieces(replyTo)) }
        w.field("Subject", HeaderWriter.unstructuredPieces(subject))
        let id = MessageID.sanitize(messageID)
        if !id.isEmpty { w.field("Message-ID", [.atom(id)]) }
        if let inReplyTo {
            let clean = MessageID.sanitize(inReplyTo)
            if !clean.isEmpty { w.field("In-Reply-To", [.atom(clean)]) }
        }
        let refs = references.map(MessageID.sanitize).filter { !$0.isEmpty }
        if !refs.isEmpty { w.field("References", refs.map { .atom($0) }) }
        if let autoSubmitted {
            let clean = ASCII.sanitizeHeaderText(autoSubmitted).0
            if !clean.isEmpty { w.field("Auto-Submitted", HeaderWriter.unstructuredPieces(clean)) }
        }
        for (rawName, value) in extraHeaders {
            let name = String(
                decoding: rawName.utf8.filter { $0 > 32 && $0 < 127 && $0 != ASCII.colon }.prefix(76), as: UTF8.self)
            guard !name.isEmpty, !Self.reservedNames.contains(HeaderFieldName(name)) else { continue }
            w.field(name, HeaderWriter.unstructuredPieces(value))
        }
        w.field("MIME-Version", [.atom("1.0")])
        var out = w.out
        if let html {
            let boundary = Self.makeBoundary()
            out += Array("Content-Type: multipart/alternative;\r\n boundary=\"\(boundary)\"\r\n\r\n".utf8)
            out += Array("This is a multi-part message in MIME format.\r\n".utf8)
            for (type, content) in [("plain", text), ("html", html)] {
                out += Array("\r\n--\(boundary)\r\n".utf8)
                out += Self.textPartHeader(type)
                out += QuotedPrintable.encode(content)
            }
            out += Array("\r\n--\(boundary)--\r\n".utf8)
        } else {
            out += Self.textPartHeader("plain")
            out += QuotedPrintable.encode(text)
            if out.last != ASCII.lf { out += [ASCII.cr, ASCII.lf] }
        }
        return out
    }

    private static func textPartHeader(_ subtype: String) -> [UInt8] {
        Array(
            "Content-Type: text/\(subtype); charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n".utf8)
    }

    private static func listPieces(_ list: [Address]) -> [HeaderPiece] {
        var pieces: [HeaderPiece] = []
        for (k, a) in list.enumerated() {
            var p = a.headerPieces()
            if k < list.count - 1, case .atom(let last)? = p.last { p[p.count - 1] = .atom(last + ",") }
            pieces += p
        }
        return pieces
    }

    /// `=_` cannot occur in quoted-printable output, so the boundary cannot occur in the parts
    /// (RFC 2045 §6.7, RFC 2046 §5.1.1).
    private static func makeBoundary() -> String {
        var rng = SystemRandomNumberGenerator()
        let v = rng.next() as UInt64
        let u = rng.next() as UInt64
        return "=_dapgate_" + String(v, radix: 16) + String(u, radix: 16)
    }
}

/// A piece of a header value between which the writer may fold: an atom written as is, or text that is
/// written as RFC 2047 encoded words sized to the room left on the line.
enum HeaderPiece: Equatable {
    case atom(String)
    case encoded(String)
}

/// Writes header fields folded at 78 columns. RFC 5322 §2.1.1: "Each line of characters MUST be no more
/// than 998 characters, and SHOULD be no more than 78 characters, excluding the CRLF."
struct HeaderWriter {
    var out: [UInt8] = []
    static let width = 78

    mutating func field(_ name: String, _ pieces: [HeaderPiece]) {
        var line = Array(name.utf8) + [ASCII.colon]
        let nameLength = line.count
        func add(_ atom: String) {
            let a = Array(atom.utf8)
            if line.count > nameLength && line.count + 1 + a.count > Self.width {
                out += line
                out += [ASCII.cr, ASCII.lf]
                line = []
            }
            line.append(ASCII.space)
            line += a
        }
        for piece in pieces {
            switch piece {
            case .atom(let a):
                add(a)
            case .encoded(let text):
                var room = Self.width - line.count - 1
                if room < 24 { room = 75 }
                for word in EncodedWord.encode(text, firstMaxLength: room, maxLength: 75) { add(word) }
            }
        }
        out += line
        out += [ASCII.cr, ASCII.lf]
    }

    /// RFC 5322 §3.2.5 unstructured text: control characters become spaces, white space runs collapse,
    /// ASCII words stay readable, runs of words that need it (non-ASCII, `=?`, longer than 76) become
    /// encoded words (the spaces inside a run are encoded with it, RFC 2047 §6.2).
    static func unstructuredPieces(_ text: String) -> [HeaderPiece] {
        let clean = ASCII.sanitizeHeaderText(text).0
        var pieces: [HeaderPiece] = []
        var run: [Substring] = []
        func flush() {
            if !run.isEmpty {
                pieces.append(.encoded(run.joined(separator: " ")))
                run.removeAll()
            }
        }
        for word in clean.split(separator: " ") {
            let needs = !word.utf8.allSatisfy { $0 < 128 } || word.contains("=?") || word.utf8.count > 76
            if needs {
                run.append(word)
            } else {
                flush()
                pieces.append(.atom(String(word)))
            }
        }
        flush()
        return pieces
    }
}
