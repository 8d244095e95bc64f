import Desk
import Foundation
import Mail
import Store

extension Gateway {
    /// What a case mail answers: the case's own thread, or one mail (a confirmation answers the requester's
    /// mail, RFC 5322 §3.6.4).
    enum MailThread {
        case caseThread
        case message(Message)
        case none
    }

    /// A template filled for one mail: the subject on one line (values can never add a header line), the
    /// body with its blank runs tidied.
    func fill(_ kind: String, language: String, _ values: [String: String]) throws -> (subject: String, text: String) {
        let template = try templates.template(kind, language: language)
        return (Templates.oneLine(Templates.fill(template.subject, values)),
                Templates.tidy(Templates.fill(template.body, values)))
    }

    /// The one shape of a mail about a case: from the desk, a fresh Message-ID, threaded, with a reply token
    /// bound to `to` in Reply-To (DAP R-AGENT-3), `X-Dapgate-Case`, and `Auto-Submitted` when the gateway
    /// wrote it (RFC 3834 §5). Callers add Cc and headers of their own.
    func caseMail(_ record: CaseRecord?, to recipient: Address, subject: String, text: String, thread: MailThread,
                  autoSubmitted: String?) throws -> OutgoingMessage {
        var outgoing = OutgoingMessage(
            from: Address(name: desk.name, address: desk.address), to: [recipient], subject: subject,
            messageID: OutgoingMessage.makeMessageID(domain: desk.domain), date: now(), text: text)
        switch thread {
        case .caseThread:
            if let record {
                outgoing.references = try threadReferences(record)
                outgoing.inReplyTo = outgoing.references.last
            }
        case .message(let message):
            if let parent = message.messageID {
                outgoing.inReplyTo = parent
                outgoing.references = Array((message.references + [parent]).suffix(10))
            }
        case .none:
            break
        }
        if let record {
            outgoing.replyTo = [replyAddress(for: record, recipient: recipient.address)]
            outgoing.extraHeaders = [("X-Dapgate-Case", record.number.description)]
        }
        outgoing.autoSubmitted = autoSubmitted
        return outgoing
    }
}
