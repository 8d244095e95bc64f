import Desk
import Foundation
import Mail
import Store

/// One subscriber's copy of a notice message (DAP R-OUT-1, R-OUT-2).
///
/// All copies of one message share its Message-ID, subject and text; they differ in `To` and in the
/// unsubscribe token, which names the subscriber. Updates and the closing notice thread to the first
/// (In-Reply-To the announcement's Message-ID, References every earlier message of the notice).
///
/// ```
/// From: Servicedesk Cloudwise <status@cloudwise.test>
/// To: jan@school.test
/// Subject: [NTC0000001] Wifi valt uit op alle locaties
/// Auto-Submitted: auto-generated                                   ; RFC 3834 §5
/// List-Id: <cloudwise-status.cloudwise.test>                       ; RFC 2919 §3
/// List-Unsubscribe: <mailto:status+unsub-12-…@cloudwise.test?subject=unsubscribe>,
///  <https://status.cloudwise.nl/afmelden/unsub-12-…>               ; RFC 2369 §3.2, RFC 8058 §3.1
/// List-Unsubscribe-Post: List-Unsubscribe=One-Click                ; RFC 8058 §3.1, only with the https URI
/// Precedence: bulk
/// ```
struct NoticeCopy {
    /// What every copy of one message in one language shares: the rendered subject and the body with
    /// `{{unsubscribe_address}}` still to fill.
    struct Prepared {
        var subject: String
        var body: String
        var messageID: String
        var inReplyTo: String?
        var references: [String]
        var number: NoticeNumber
    }

    /// `List-Unsubscribe` and, with an https URI, `List-Unsubscribe-Post`, as header lines (CRLF).
    ///
    /// Written here rather than through `OutgoingMessage.extraHeaders`, which treats a value as unstructured
    /// text and would encode a word longer than 76 characters (a long URI) as an RFC 2047 encoded word, which
    /// no client reads as a URI. Every part of the value is the gateway's own (the status address, the token,
    /// the operator's URL checked at start-up), so no line can be added through it.
    static func listUnsubscribeLines(mailto: String, https: String?) -> [UInt8] {
        // RFC 2369 §3.2: List-Unsubscribe: <mailto:list-request@host.com?subject=unsubscribe>
        var text = "List-Unsubscribe: <mailto:\(mailto)?subject=unsubscribe>"
        if let https {
            text += ",\r\n <\(https)>\r\n"
            // RFC 8058 §3.1: "List-Unsubscribe-Post: List-Unsubscribe=One-Click" with exactly one HTTPS URI.
            text += "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"
        } else {
            text += "\r\n"
        }
        return Array(text.filter { $0.isASCII && ($0 == "\r\n" || $0.asciiValue.map { $0 >= 32 && $0 < 127 } ?? false) }.utf8)
    }

    /// The one-click URI: the operator's https base with the token appended (`{token}` in the base is replaced;
    /// a base ending in `/` or `=` gets the token appended; any other gets `/` and the token).
    static func oneClickURL(base: String, token: String) -> String {
        if base.contains("{token}") { return base.replacingOccurrences(of: "{token}", with: token) }
        if base.hasSuffix("/") || base.hasSuffix("=") { return base + token }
        return base + "/" + token
    }
}

extension Gateway {
    /// What the copies of `message` in `language` share.
    func prepareNoticeCopy(notice: NoticeRecord, message: NoticeMessageRecord, language: Language) throws
        -> NoticeCopy.Prepared {
        let template = try templates.template("notice", language: language.rawValue)
        let earlier = try store.noticeMessages(noticeID: notice.id)
            .filter { $0.id < message.id && $0.state == "queued" }.map(\.messageID)
        let en = language == .en
        let services = notice.services.map(serviceName).joined(separator: ", ")
        let what = notice.type.text(language)
        let headline: String
        var text = message.text
        switch message.kind {
        case .announcement: headline = "\(what): \(services)"
        case .update: headline = "Update - \(what.lowercased()): \(services)"
        case .resolved:
            headline = (en ? "Resolved - " : "Opgelost - ") + "\(what.lowercased()): \(services)"
            if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                switch (notice.type, en) {
                case (.outage, false): text = "De storing is verholpen."
                case (.outage, true): text = "The outage has been resolved."
                case (.maintenance, false): text = "Het onderhoud is afgerond."
                case (.maintenance, true): text = "The maintenance is complete."
                }
            }
        }
        let closing = message.kind == .resolved
            ? (en ? "This is the last notice about \(notice.number)." : "Dit is het laatste bericht over \(notice.number).")
            : (en ? "We will keep you informed in this thread (\(notice.number))."
                  : "Wij houden u op de hoogte in deze berichtenreeks (\(notice.number)).")
        let values: [String: String] = [
            "notice_tag": notice.number.tag, "notice_number": notice.number.description,
            "subject": Templates.oneLine(notice.subject), "headline": headline,
            "period_line": periodText(notice, language: language).map { (en ? "When: " : "Wanneer: ") + $0 } ?? "",
            // DAP R-OUT-3: the agent's text and nothing from any case.
            "text": text, "closing": closing, "phone": config.phone,
        ]
        return NoticeCopy.Prepared(
            subject: Templates.fill(template.subject, values).trimmingCharacters(in: .whitespaces),
            body: Templates.tidy(Templates.fill(template.body, values)), messageID: message.messageID,
            inReplyTo: earlier.first, references: Array(earlier.suffix(10)), number: notice.number)
    }

    /// One subscriber's copy, ready for SMTP.
    func renderNoticeCopy(_ prepared: NoticeCopy.Prepared, to address: String, subscriberID: Int64) -> [UInt8] {
        let status = config.statusAddress ?? desk.address
        let token = StatusToken.unsubscribe(subscriber: subscriberID)
        let unsubscribe = token.address(status: status, boundTo: address, secret: replySecret)
        var outgoing = OutgoingMessage(
            from: statusFrom, to: [Address(address: address)], subject: prepared.subject,
            messageID: prepared.messageID, date: now(),
            text: Templates.fill(prepared.body, ["unsubscribe_address": unsubscribe]))
        outgoing.inReplyTo = prepared.inReplyTo
        outgoing.references = prepared.references
        // RFC 3834 §5: sent by a program; autoresponders stay silent.
        outgoing.autoSubmitted = "auto-generated"
        outgoing.extraHeaders = [
            // RFC 2919 §3: the list's identity, so clients can filter and autoresponders stay silent.
            ("List-Id", config.listID),
            ("Precedence", "bulk"),
            ("X-Dapgate-Notice", prepared.number.description),
        ]
        let https = config.unsubscribeURL.map {
            NoticeCopy.oneClickURL(base: $0, token: token.detail(boundTo: address, secret: replySecret))
        }
        return NoticeCopy.listUnsubscribeLines(mailto: unsubscribe, https: https) + outgoing.render()
    }
}
