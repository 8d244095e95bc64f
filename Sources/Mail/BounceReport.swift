/// What a bounce says: which recipients failed, with which status and why, and which message bounced.
///
/// Read from the `message/delivery-status` part of a delivery status notification:
/// ```
/// delivery-status-content = per-message-fields 1*( CRLF per-recipient-fields )   ; RFC 3464 §2.1
/// reporting-mta-field = "Reporting-MTA" ":" mta-name-type ";" mta-name          ; RFC 3464 §2.2.2
/// original-recipient-field = "Original-Recipient" ":" address-type ";" generic-address   ; RFC 3464 §2.3.1
/// final-recipient-field = "Final-Recipient" ":" address-type ";" generic-address  ; RFC 3464 §2.3.2
/// action-field = "Action" ":" action-value                                         ; RFC 3464 §2.3.3
/// action-value = "failed" / "delayed" / "delivered" / "relayed" / "expanded"
/// status-field = "Status" ":" status-code                                          ; RFC 3464 §2.3.4
/// status-code = DIGIT "." 1*3DIGIT "." 1*3DIGIT
/// diagnostic-code-field = "Diagnostic-Code" ":" diagnostic-type ";" *text           ; RFC 3464 §2.3.6
/// ```
/// The original message is the report's `message/rfc822` part or its `text/rfc822-headers` part (RFC 6522 §3).
/// A bounce without a delivery-status part (qmail's "failure notice", Exim's default bounce) is read from
/// its text: lines `<address>:` followed by the reason (qmail, Postfix), or the indented addresses under
/// "The following address(es) failed:" (Exim); the status is the first `x.y.z` code in the reason.
///
/// - SeeAlso: https://www.rfc-editor.org/rfc/rfc3464#section-2
public struct BounceReport: Sendable, Equatable {
    public struct Recipient: Sendable, Equatable {
        /// The Final-Recipient address (without its `rfc822;` type), domain lowercased.
        public var address: String
        /// The Original-Recipient address, as the sender wrote it, when the report gives one.
        public var originalAddress: String?
        /// RFC 3463 status code, e.g. `5.1.1`; `""` when the report has none.
        public var status: String
        /// Lowercased action: `failed`, `delayed`, `delivered`, `relayed`, `expanded`; `""` when missing.
        public var action: String
        /// The Diagnostic-Code value (e.g. `smtp; 550 5.1.1 User unknown`), unfolded, or the reason text of a
        /// text bounce.
        public var diagnostic: String?

        public init(
            address: String, originalAddress: String? = nil, status: String, action: String,
            diagnostic: String? = nil
        ) {
            self.address = address
            self.originalAddress = originalAddress
            self.status = status
            self.action = action
            self.diagnostic = diagnostic
        }

        /// A permanent failure: action `failed`, or a 5.x.x status when the action is missing.
        public var isPermanentFailure: Bool { action == "failed" || (action.isEmpty && status.hasPrefix("5")) }
    }

    /// The Reporting-MTA name (without its `dns;` type).
    public var reportingMTA: String?
    public var recipients: [Recipient]
    /// Message-ID of the message that bounced, with angle brackets.
    public var originalMessageID: String?

    public init(reportingMTA: String? = nil, recipients: [Recipient], originalMessageID: String? = nil) {
        self.reportingMTA = reportingMTA
        self.recipients = recipients
        self.originalMessageID = originalMessageID
    }

    /// The recipients the gateway should record a bounce for.
    public var failedRecipients: [Recipient] { recipients.filter(\.isPermanentFailure) }

    // MARK: - Reading

    static let deliveryStatusTypes: Set<String> = ["delivery-status", "global-delivery-status"]
    static let headerTypes: Set<String> = ["rfc822-headers", "global-headers"]

    /// The report of a message, or `nil` when it is neither a bounce nor carries a delivery-status part.
    init?(_ message: Message) {
        var status: MIMEPart? = nil
        var originalHeader: HeaderFields? = nil
        // Walk the tree, but not into encapsulated messages: the returned message may be a report itself.
        var stack = [message.body]
        while let part = stack.popLast() {
            let type = part.contentType
            if type.isMultipart {
                stack += part.parts.reversed()
            } else if type.isEncapsulatedMessage {
                if originalHeader == nil, let inner = part.parts.first { originalHeader = inner.header }
            } else if type.type == "message" && Self.deliveryStatusTypes.contains(type.subtype) {
                if status == nil { status = part }
            } else if (type.type == "text" || type.type == "message") && Self.headerTypes.contains(type.subtype) {
                if originalHeader == nil {
                    let bytes = part.decodedBody()
                    var defects: [MailDefect] = []
                    originalHeader = try? HeaderFields.parse(
                        bytes, in: 0..<bytes.count, policy: .default, topLevel: false, defects: &defects
                    ).0
                }
            }
        }
        var originalID: String? = nil
        if let f = originalHeader?.first(.messageID) {
            var defects: [MailDefect] = []
            originalID = MessageID.parseList(f.unfoldedBytes, field: "Message-ID", defects: &defects).first
        }
        if let status {
            self = Self.parseDeliveryStatus(status.decodedBody())
        } else if message.auto == .bounce {
            self = Self.parseText(message.text)
        } else {
            return nil
        }
        if originalID == nil, status == nil { originalID = Self.messageIDLine(in: message.text) }
        originalMessageID = originalID
    }

    /// RFC 3464 §2.1: groups of fields separated by empty lines; the first is about the message, the others
    /// each about one recipient.
    static func parseDeliveryStatus(_ bytes: [UInt8]) -> BounceReport {
        var report = BounceReport(recipients: [])
        var policy = ParsePolicy.default
        policy.maxHeaderBytes = Int.max
        var start = 0
        let n = bytes.count
        while start < n {
            // Skip empty lines between the groups.
            let lf = ASCII.index(of: ASCII.lf, in: bytes, from: start, to: n)
            if ASCII.trimmed(bytes, start..<lf).isEmpty {
                start = lf + 1
                continue
            }
            var defects: [MailDefect] = []
            guard
                let (fields, next) = try? HeaderFields.parse(
                    bytes, in: start..<n, policy: policy, topLevel: false, defects: &defects)
            else { break }
            if fields.contains("Final-Recipient") || fields.contains("Original-Recipient") {
                let final = fields.first("Final-Recipient").map { address(typed: $0.unfoldedBytes) }
                let original = fields.first("Original-Recipient").map { address(typed: $0.unfoldedBytes) }
                report.recipients.append(
                    Recipient(
                        address: final ?? original ?? "", originalAddress: original,
                        status: fields.first("Status").map { statusCode($0.unfoldedBytes) } ?? "",
                        action: fields.first("Action").map { firstToken($0.unfoldedBytes) } ?? "",
                        diagnostic: fields.first("Diagnostic-Code").map { collapse($0.unfoldedBytes) }))
            } else if report.reportingMTA == nil, let f = fields.first("Reporting-MTA") {
                report.reportingMTA = address(typed: f.unfoldedBytes)
            }
            // A line that is not a field ends a group early; step over it.
            start = next > start ? next : lf + 1
        }
        return report
    }

    /// `rfc822; Jan@School.TEST` gives `Jan@school.test`; angle brackets and white space go.
    static func address(typed bytes: [UInt8]) -> String {
        var value = bytes[...]
        if let semi = value.firstIndex(of: ASCII.semicolon) { value = value[(semi + 1)...] }
        var out = value.filter { !ASCII.isWhitespace($0) && $0 != 60 && $0 != 62 }
        if let at = out.lastIndex(of: 64) {
            for k in (at + 1)..<out.count { out[k] = ASCII.lower(out[k]) }
        }
        return Charset.decodeUnlabelled(out).0
    }

    /// The first `x.y.z` code in a Status value (which may carry a comment), or its first token.
    static func statusCode(_ bytes: [UInt8]) -> String {
        if let code = findStatusCode(bytes) { return code }
        return firstToken(bytes)
    }

    /// The first RFC 3463 code `DIGIT "." 1*3DIGIT "." 1*3DIGIT` with a class of 2, 4 or 5 that stands on its
    /// own (not inside a longer number or an IP address).
    static func findStatusCode(_ b: [UInt8]) -> String? {
        var i = 0
        let n = b.count
        while i < n {
            defer { i += 1 }
            guard b[i] == 50 || b[i] == 52 || b[i] == 53, i + 1 < n, b[i + 1] == 46 else { continue }
            if i > 0, ASCII.isDigit(b[i - 1]) || b[i - 1] == 46 { continue }
            var j = i + 2
            var d1 = 0
            while j < n, ASCII.isDigit(b[j]), d1 < 4 {
                j += 1
                d1 += 1
            }
            guard (1...3).contains(d1), j < n, b[j] == 46 else { continue }
            j += 1
            var d2 = 0
            while j < n, ASCII.isDigit(b[j]), d2 < 4 {
                j += 1
                d2 += 1
            }
            guard (1...3).contains(d2) else { continue }
            if j < n, ASCII.isDigit(b[j]) || (b[j] == 46 && j + 1 < n && ASCII.isDigit(b[j + 1])) { continue }
            return String(decoding: b[i..<j], as: UTF8.self)
        }
        return nil
    }

    private static func firstToken(_ bytes: [UInt8]) -> String {
        var out = [UInt8]()
        for b in bytes {
            if b == ASCII.semicolon || b == 40 || ASCII.isWhitespace(b) { break }
            out.append(ASCII.lower(b))
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func collapse(_ bytes: [UInt8]) -> String {
        ASCII.collapseSpaces(ASCII.sanitizeHeaderText(Charset.decodeUnlabelled(bytes).0).0)
    }

    // MARK: - Bounces without a delivery-status part

    private static let copyMarkers = [
        "--- below this line is a copy of the message", "------ this is a copy of the message",
        "----- original message -----", "------ original message ------",
    ]

    /// Recipients from the text of a qmail, Postfix or Exim bounce.
    static func parseText(_ text: String) -> BounceReport {
        var report = BounceReport(recipients: [])
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).prefix(2000)
        var k = lines.startIndex
        var eximBlock = false
        while k < lines.endIndex {
            let line = lines[k]
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            let lower = trimmed.lowercased()
            if copyMarkers.contains(where: { lower.hasPrefix($0) }) { break }
            if lower.hasSuffix("address(es) failed:") || lower.hasSuffix("addresses failed:") {
                eximBlock = true
                k += 1
                continue
            }
            // qmail, Postfix: "<jan@x.test>:" and the reason on the same or the next lines.
            if trimmed.hasPrefix("<"), let close = trimmed.range(of: ">:"), trimmed[..<close.lowerBound].contains("@") {
                let address = String(trimmed[trimmed.index(after: trimmed.startIndex)..<close.lowerBound])
                var reason = [String(trimmed[close.upperBound...]).trimmingCharacters(in: .whitespaces)]
                var j = k + 1
                while j < lines.endIndex, !lines[j].trimmingCharacters(in: .whitespaces).isEmpty {
                    reason.append(lines[j].trimmingCharacters(in: .whitespaces))
                    j += 1
                }
                report.recipients.append(textRecipient(address, reason))
                k = j
                continue
            }
            // Exim: "  jan@x.test" indented by two, the reason indented further.
            if eximBlock {
                let indent = line.prefix { $0 == " " || $0 == "\t" }.count
                if trimmed.isEmpty {
                    if !report.recipients.isEmpty { eximBlock = false }
                } else if indent > 0, indent <= 2, trimmed.contains("@"), !trimmed.contains(" ") {
                    var reason: [String] = []
                    var j = k + 1
                    while j < lines.endIndex {
                        let next = lines[j]
                        let nextIndent = next.prefix { $0 == " " || $0 == "\t" }.count
                        let t = next.trimmingCharacters(in: .whitespaces)
                        if t.isEmpty || nextIndent <= 2 { break }
                        reason.append(t)
                        j += 1
                    }
                    report.recipients.append(textRecipient(trimmed, reason))
                    k = j
                    continue
                }
            }
            k += 1
        }
        return report
    }

    private static func textRecipient(_ address: String, _ reason: [String]) -> Recipient {
        let diagnostic = reason.filter { !$0.isEmpty }.joined(separator: " ")
        let status = findStatusCode(Array(diagnostic.utf8)) ?? ""
        return Recipient(
            address: Self.address(typed: Array(address.utf8)), status: status,
            action: status.hasPrefix("4") ? "delayed" : "failed", diagnostic: diagnostic.isEmpty ? nil : diagnostic)
    }

    /// The msg-id of the first `Message-ID:` line of a text (the copy of the message a text bounce quotes).
    static func messageIDLine(in text: String) -> String? {
        for line in text.split(separator: "\n").prefix(5000) {
            let t = line.drop { $0 == " " || $0 == "\t" || $0 == ">" }
            guard t.utf8.count > 11, t.prefix(11).lowercased() == "message-id:" else { continue }
            return MessageID.parseList(String(t.dropFirst(11))).first
        }
        return nil
    }
}

extension Message {
    /// The delivery report of a bounce: failed recipients, status codes and the Message-ID of the message that
    /// bounced; `nil` when the message is not a bounce and has no `message/delivery-status` part. Read on each
    /// call.
    public var bounceReport: BounceReport? { BounceReport(self) }
}
