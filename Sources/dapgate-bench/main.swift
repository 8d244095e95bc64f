// dapgate-bench: the raw speed of the mail stack with dapgate's own transport and no processing:
// fetch every mail of a mailbox by UID on one IMAP connection and send each, unchanged, to its sender on
// one SMTP session. `scripts/bench-path` runs it next to `dapgate poll --once` on the same mails.
import Foundation
import Transport

let env = ProcessInfo.processInfo.environment
func value(_ name: String) -> String? { env[name].flatMap { $0.isEmpty ? nil : $0 } }

do {
    Curl.globalInit()
    let imap = try IMAPClient(endpoint: Endpoint(
        url: value("DAPGATE_IMAP_URL") ?? "imaps://127.0.0.1:1993/INBOX", user: value("DAPGATE_IMAP_USER"),
        password: value("DAPGATE_IMAP_PASSWORD"), caFile: value("DAPGATE_CA_FILE")))
    let smtp = try SMTPSender(endpoint: Endpoint(
        url: value("DAPGATE_SMTP_URL") ?? "smtp://127.0.0.1:2525", user: value("DAPGATE_SMTP_USER"),
        password: value("DAPGATE_SMTP_PASSWORD"), caFile: value("DAPGATE_CA_FILE")))
    let start = Date()
    let status = try imap.status()
    let validity = status.uidValidity ?? 0
    var listing: [IMAPResponse.Listing] = []
    let count = try imap.messageCount()
    var first = 1
    while first <= count {
        let last = min(count, first + IMAPClient.listingWindow - 1)
        listing += try imap.listing(sequence: first...last)
        first = last + 1
    }
    var bytes = 0
    for item in listing {
        let raw = try imap.fetch(uid: item.uid, uidValidity: validity, limit: 64 << 20)
        bytes += raw.count
        // The envelope recipient: the From address, read with a plain scan (no parsing: this is the baseline).
        let text = String(decoding: raw.prefix(4096), as: UTF8.self)
        var recipient = "catchall@example.test"
        if let line = text.split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("from:") }),
           let open = line.lastIndex(of: "<"), let close = line.lastIndex(of: ">"), open < close {
            recipient = String(line[line.index(after: open)..<close])
        }
        try smtp.send(mailFrom: value("DAPGATE_IMAP_USER") ?? "", recipients: [recipient], message: raw)
    }
    let seconds = Date().timeIntervalSince(start)
    print(String(format: "raw: %d mails (%.1f MB) fetched and sent in %.2f s = %.0f mails/s",
                 listing.count, Double(bytes) / 1e6, seconds, Double(listing.count) / seconds))
    print(String(format: "RAW_SECONDS=%.4f", seconds))
} catch {
    FileHandle.standardError.write(Data("dapgate-bench: \(error)\n".utf8))
    exit(1)
}
