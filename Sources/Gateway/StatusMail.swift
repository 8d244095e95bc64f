import Desk
import Foundation
import Mail
import Store

/// Mail for the status address (DESIGN.md `DAPGATE_STATUS_ADDRESS`): subscriptions and notices, never a case.
///
/// What a mail to `status@…` does depends on the address it came to and on who sent it:
///
/// | to | from | does |
/// |---|---|---|
/// | `status+unsub-<id>-<mac>@` (List-Unsubscribe) | anyone; not a bounce | unsubscribes the subscriber the token names from everything, silently (RFC 8058 one-click semantics) |
/// | `status+sub-<id>-<mac>@` (the confirmation's Reply-To) | the subscriber, by a person | activates the pending subscriptions of that request (double opt-in, DAP R-OUT-1) |
/// | `status+ok-<id>-<mac>@` (a draft's Reply-To) | the agent it was sent to | sends (or, with `annuleren`, drops) the draft notice (DAP R-OUT-2) |
/// | `status+ntc-<id>-<mac>@` (a receipt's Reply-To) | the agent it was sent to | `update:` / `opgelost:` on that notice, at once |
/// | `status@` | a registered agent, with a notice command | a trusted Authentication-Results pass: sent at once; otherwise a draft, and the agent gets a mail with an `ok` token to confirm it |
/// | `status@` | anyone else | subscriber commands: `aanmelden WIFI`, `afmelden alles`, `lijst`, … |
///
/// Automatic mail (RFC 3834) is kept and never answered, and never confirms anything.
extension Gateway {
    /// Whether the mail came to the status address: To, Cc, Delivered-To or X-Original-To, with or without a
    /// `+detail`, and not to the desk as well (a customer who writes to the desk and copies the status address
    /// wants a case; the copy in the other mailbox is then the same mail, and the ledger keeps it once).
    func isStatusMail(_ message: Message) -> Bool {
        guard let status = config.statusAddress else { return false }
        let addresses = Self.deliveredAddresses(message)
        guard addresses.contains(where: { StatusToken.isStatusAddress($0, statusAddress: status) }) else { return false }
        return !addresses.contains { StatusToken.isStatusAddress($0, statusAddress: desk.address) }
    }

    /// The text commands are read from: the reply's new text, or all of it when nothing is left after quotes.
    static func commandText(_ message: Message) -> String {
        message.replyText.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? message.text : message.replyText
    }

    /// Handles one mail to the status address (see the table above). Runs inside the intake transaction.
    func handleStatusMail(_ message: Message, sender: String, raw: [UInt8]) throws -> IntakeOutcome {
        let status = config.statusAddress ?? ""
        try store.addMessage(caseID: nil, direction: "in", kind: "status", messageID: message.messageID,
                             fromAddress: sender, subject: message.subject, text: message.text, raw: raw)
        for address in Self.deliveredAddresses(message) {
            guard let (token, mac) = StatusToken.claim(recipientAddress: address, statusAddress: status) else { continue }
            if let outcome = try handleToken(token, mac: mac, message: message, sender: sender) { return outcome }
        }
        // RFC 3834 §2: automatic mail is never answered; DAP R-OUT-1: it never subscribes anyone either.
        if message.auto != .none {
            return IntakeOutcome(outcome: "ignored",
                                 reason: "automatic mail (\(message.auto.rawValue)) to the status address, not answered")
        }
        // DAP R-OUT-2: a registered agent announcing, updating or resolving a notice.
        if let agent = try store.agent(email: sender) {
            let parse = AnnouncementParser.parse(Self.commandText(message))
            if parse.command != nil || parse.problem != nil {
                return try handleAnnouncement(parse, agent: agent, message: message,
                                              verified: agentProvedByAuthenticationResults(message, sender: sender),
                                              tokenNotice: nil)
            }
        }
        return try handleSubscriberCommands(message, sender: sender)
    }

    /// A token in the status address's detail; nil when it does not verify (the mail is then handled as one to
    /// the plain status address: the token grants nothing).
    private func handleToken(_ token: StatusToken, mac: String, message: Message, sender: String) throws
        -> IntakeOutcome? {
        switch token {
        case .unsubscribe(let id):
            // RFC 2369 §3.2, RFC 8058 §3.2: one mail to the List-Unsubscribe address unsubscribes the subscriber
            // the token names, whoever sends it (a mail client's unsubscribe button sends it for the user).
            // A bounce is nobody's request.
            guard message.auto != .bounce, let subscriber = try store.subscriber(id: id),
                  token.verify(mac: mac, boundTo: subscriber.address, secret: replySecret) else { return nil }
            let removed = try store.unsubscribe(subscriberID: id)
            try store.audit(caseID: nil, actor: sender, action: "unsubscribed",
                            detail: "\(subscriber.address): \(removed.joined(separator: " ")) (List-Unsubscribe)")
            return IntakeOutcome(outcome: "status", reason: "unsubscribed \(subscriber.address) by the List-Unsubscribe address")

        case .confirm(let requestID):
            // DAP R-OUT-1: double opt-in; only a person's reply from the subscriber's own address confirms.
            guard message.auto == .none, let request = try store.subscriptionRequest(id: requestID),
                  let subscriber = try store.subscriber(id: request.subscriberID), subscriber.address == sender,
                  token.verify(mac: mac, boundTo: sender, secret: replySecret) else { return nil }
            let activated = try store.confirmSubscriptionRequest(id: requestID)
            let active = Set(try store.subscriptions(subscriberID: subscriber.id).filter { $0.state == "active" }.map(\.service))
            let confirmed = request.services.filter(active.contains)
            let language = Language(rawValue: subscriber.language) ?? .nl
            var paragraphs: [String] = []
            if !confirmed.isEmpty {
                paragraphs.append(try statusPart("status-confirmed", language, ["services_list": serviceLines(confirmed)]))
            }
            paragraphs.append(try listParagraphs(subscriber, language: language))
            try queueStatusReply(kind: "status-reply", to: sender, language: language, paragraphs: paragraphs,
                                 replyingTo: message)
            try store.audit(caseID: nil, actor: sender, action: "subscription-confirmed",
                            detail: activated.joined(separator: " "))
            return IntakeOutcome(outcome: "status", reason: "confirmed \(activated.joined(separator: " "))")

        case .approve(let rowID):
            guard message.auto == .none, let agent = try store.agent(email: sender),
                  token.verify(mac: mac, boundTo: sender, secret: replySecret) else { return nil }
            return try handleApproval(noticeMessageID: rowID, agent: agent, message: message)

        case .notice(let noticeID):
            guard message.auto == .none, let agent = try store.agent(email: sender),
                  token.verify(mac: mac, boundTo: sender, secret: replySecret),
                  let notice = try store.notice(id: noticeID) else { return nil }
            return try handleAnnouncement(AnnouncementParser.parse(Self.commandText(message)), agent: agent,
                                          message: message, verified: true, tokenNotice: notice)
        }
    }

    // MARK: - Subscriber commands (DAP R-OUT-1)

    /// `aanmelden`, `afmelden`, `lijst`, `help` from anyone: one answer per mail. A subscribe makes the services
    /// pending and the answer asks for the confirmation, with a Reply-To token bound to the address.
    func handleSubscriberCommands(_ message: Message, sender: String) throws -> IntakeOutcome {
        let text = Self.commandText(message)
        let parse = SubscriberCommandParser.parse(subject: message.subject, text: text)
        let language = parse.language ?? Language.detect(subject: message.subject, body: text)
        var subscriber = try store.subscriber(address: sender)
        func ensure() throws -> SubscriberRecord {
            if let subscriber { return subscriber }
            let created = try store.ensureSubscriber(address: sender, language: language.rawValue)
            subscriber = created
            return created
        }
        var paragraphs: [String] = []
        var toConfirm: [String] = []
        var unknown: [String] = []
        var wantsList = false
        var wantsHelp = parse.commands.isEmpty
        var done: [String] = []
        for command in parse.commands {
            switch command {
            case .subscribe(let words):
                let (known, notKnown) = services.resolve(words)
                unknown += notKnown
                guard !known.isEmpty else {
                    wantsHelp = true
                    continue
                }
                let record = try ensure()
                let active = Set(try store.subscriptions(subscriberID: record.id).filter { $0.state == "active" }.map(\.service))
                let already = known.map(\.code).filter(active.contains)
                if !already.isEmpty {
                    paragraphs.append(try statusPart("status-already", language, ["services_list": serviceLines(already)]))
                }
                for code in known.map(\.code) where !active.contains(code) && !toConfirm.contains(code) {
                    toConfirm.append(code)
                }
            case .unsubscribe(let words):
                let (known, notKnown) = services.resolve(words)
                unknown += notKnown
                guard !known.isEmpty else {
                    wantsHelp = true
                    continue
                }
                let codes = known.map(\.code)
                toConfirm.removeAll { codes.contains($0) }
                let removed = try subscriber.map { try store.unsubscribe(subscriberID: $0.id, services: codes) } ?? []
                if !removed.isEmpty {
                    paragraphs.append(try statusPart("status-unsubscribed", language, ["services_list": serviceLines(removed)]))
                    done.append("unsubscribed \(removed.joined(separator: " "))")
                }
                let notSubscribed = codes.filter { !removed.contains($0) }
                if !notSubscribed.isEmpty {
                    paragraphs.append(try statusPart("status-not-subscribed", language,
                                                     ["services_list": notSubscribed.map(serviceName).joined(separator: ", ")]))
                }
                wantsList = true
            case .unsubscribeAll:
                toConfirm.removeAll()
                let removed = try subscriber.map { try store.unsubscribe(subscriberID: $0.id) } ?? []
                if !removed.isEmpty {
                    paragraphs.append(try statusPart("status-unsubscribed", language, ["services_list": serviceLines(removed)]))
                    done.append("unsubscribed \(removed.joined(separator: " "))")
                }
                wantsList = true
            case .list:
                wantsList = true
            case .help:
                wantsHelp = true
            }
        }
        if !unknown.isEmpty {
            paragraphs.append(try statusPart("status-unknown", language, ["unknown_list": unknown.joined(separator: ", ")]))
            wantsHelp = true
        }
        if wantsList, toConfirm.isEmpty, let subscriber {
            paragraphs.append(try listParagraphs(subscriber, language: language))
        } else if wantsList, toConfirm.isEmpty {
            paragraphs.append(try statusPart("status-list-none", language, [:]))
        }
        if wantsHelp { paragraphs.append(try helpParagraph(language)) }
        if subscriber != nil { try store.audit(caseID: nil, actor: sender, action: "subscriber-commands",
                                               detail: (done + toConfirm.map { "requested \($0)" }).joined(separator: "; ")) }

        if !toConfirm.isEmpty {
            let record = try ensure()
            let request = try store.requestSubscription(subscriberID: record.id, services: toConfirm)
            let replyTo = StatusToken.confirm(request: request)
                .address(status: config.statusAddress ?? desk.address, boundTo: sender, secret: replySecret)
            try queueStatusReply(kind: "status-confirm", to: sender, language: language, paragraphs: paragraphs,
                                 replyingTo: message, replyTo: replyTo,
                                 extra: ["services_list": serviceLines(toConfirm), "address": sender])
            return IntakeOutcome(outcome: "status", reason: "subscription requested: \(toConfirm.joined(separator: " "))")
        }
        try queueStatusReply(kind: "status-reply", to: sender, language: language, paragraphs: paragraphs,
                             replyingTo: message)
        return IntakeOutcome(outcome: "status", reason: done.isEmpty ? "answered" : done.joined(separator: "; "))
    }

    // MARK: - Texts

    /// `  - Wifi (WIFI)` lines.
    func serviceLines(_ codes: [String]) -> String {
        codes.map { "  - \(serviceName($0)) (\($0))" }.joined(separator: "\n")
    }

    func serviceName(_ code: String) -> String {
        services.service(code: code)?.name ?? code
    }

    /// Every configured service: `  WIFI     Wifi: Draadloos netwerk …`.
    func allServicesText() -> String {
        if services.services.isEmpty { return "  (geen diensten ingesteld / no services configured)" }
        let width = (services.services.map(\.code.count).max() ?? 4) + 2
        return services.services.map { service in
            let pad = String(repeating: " ", count: max(1, width - service.code.count))
            return "  \(service.code)\(pad)\(service.name)" + (service.description.isEmpty ? "" : ": \(service.description)")
        }.joined(separator: "\n")
    }

    private func helpParagraph(_ language: Language) throws -> String {
        try statusPart("status-help", language, ["all_services": allServicesText(),
                                                 "status_address": config.statusAddress ?? ""])
    }

    /// The subscriber's active subscriptions, and the ones still waiting for confirmation.
    private func listParagraphs(_ subscriber: SubscriberRecord, language: Language) throws -> String {
        let current = try store.subscriptions(subscriberID: subscriber.id)
        let active = current.filter { $0.state == "active" }.map(\.service)
        let pending = current.filter { $0.state == "pending" }.map(\.service)
        var parts = [active.isEmpty ? try statusPart("status-list-none", language, [:])
                     : try statusPart("status-list", language, ["services_list": serviceLines(active)])]
        if !pending.isEmpty {
            parts.append(try statusPart("status-list-pending", language, ["pending_list": serviceLines(pending)]))
        }
        return parts.joined(separator: "\n\n")
    }

    func statusPart(_ name: String, _ language: Language, _ values: [String: String]) throws -> String {
        let text = try templates.part(name, language: language.rawValue)
        return Templates.fill(text, values).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The status address as a From, with the desk's name.
    var statusFrom: Address {
        Address(name: desk.name, address: config.statusAddress ?? desk.address)
    }

    /// An answer to a mail to the status address, through the outbox: automatic (RFC 3834 §5
    /// `auto-replied`), threaded to the mail, capped by the loop guard like every automatic mail.
    func queueStatusReply(kind: String, to recipient: String, language: Language, paragraphs: [String],
                          replyingTo message: Message, replyTo: String? = nil, extra: [String: String] = [:]) throws {
        let template = try templates.template(kind, language: language.rawValue)
        var values: [String: String] = [
            "notices": paragraphs.joined(separator: "\n\n"), "phone": config.phone, "desk_address": desk.address,
            "status_address": config.statusAddress ?? "",
        ]
        values.merge(extra) { _, new in new }
        var outgoing = OutgoingMessage(
            from: statusFrom, to: [Address(address: recipient)], subject: Templates.fill(template.subject, values),
            messageID: OutgoingMessage.makeMessageID(domain: desk.domain), date: now(),
            text: Templates.tidy(Templates.fill(template.body, values)))
        if let parent = message.messageID {
            outgoing.inReplyTo = parent
            outgoing.references = Array((message.references + [parent]).suffix(10))
        }
        if let replyTo { outgoing.replyTo = [Address(name: desk.name, address: replyTo)] }
        outgoing.autoSubmitted = "auto-replied"
        guard try loopAllows(recipient: recipient, caseID: nil) else { return }
        try enqueue(outgoing, kind: kind, caseID: nil, recipients: [recipient])
    }

    // MARK: - Bounces of notices (DAP R-OUT-2)

    /// A delivery report (RFC 3464 §2.3.3 `Action: failed`) for a notice: each failed recipient's copy is marked
    /// failed and the address's bounce count goes up; at the bounce limit it is no longer mailed. nil when the
    /// report is not about a notice (the case path handles it).
    func noticeBounce(_ message: Message, raw: [UInt8]) throws -> String? {
        guard let report = message.bounceReport, let original = report.originalMessageID,
              let noticeMessage = try store.noticeMessage(messageID: original) else { return nil }
        let row = try store.addMessage(caseID: nil, direction: "in", kind: "auto-bounce", messageID: message.messageID,
                                       fromAddress: message.from.first?.address, subject: message.subject,
                                       text: message.text, raw: raw)
        var counted: [String] = []
        for recipient in report.failedRecipients {
            let address = recipient.address.lowercased()
            let error = recipient.diagnostic ?? "Action: failed, Status: \(recipient.status)"
            try store.recordBounce(address: address, status: recipient.status, action: recipient.action,
                                   diagnostic: recipient.diagnostic, originalMessageID: original, caseID: nil,
                                   messageRow: row)
            _ = try store.markDeliveryBounced(noticeMessageID: noticeMessage.id, address: address, error: error)
            if let count = try store.recordSubscriberBounce(address: address, error: error) {
                counted.append("\(address) (\(count))")
            }
        }
        let number = try store.notice(id: noticeMessage.noticeID)?.number.description ?? "a notice"
        return "bounce of \(number): " + (counted.isEmpty ? "no subscriber named" : counted.joined(separator: ", "))
    }
}
