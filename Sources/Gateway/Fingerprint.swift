import Mail

/// What makes two deliveries "the same mail" for the ledger.
enum Fingerprint {
    /// RFC 5322 §3.6.4: a Message-ID identifies one message; with the sender it survives a re-delivery
    /// with another UID. Without a Message-ID, the bytes themselves.
    static func of(message: Message) -> String {
        if let id = message.messageID, !id.isEmpty {
            let sender = message.from.first?.address.lowercased() ?? ""
            return "mid:" + SHA256.hex(Array("\(id)\n\(sender)".utf8))
        }
        return of(raw: message.raw)
    }

    static func of(raw: [UInt8]) -> String {
        "raw:" + SHA256.hex(raw)
    }
}
