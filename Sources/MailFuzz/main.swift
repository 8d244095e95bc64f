// MailFuzz: the libFuzzer target of the Mail module (STYLE.md, "Tests"), as swift-nio-imap and Dovecot have one.
//
// Built by scripts/fuzz-mail:
//     swift build -c release --product MailFuzz -Xswiftc -sanitize=fuzzer -Xswiftc -parse-as-library
// libFuzzer provides `main` and calls `LLVMFuzzerTestOneInput` for every input, so this file holds declarations
// only (no top-level code: `-parse-as-library` forbids it). In an ordinary build the executable does nothing.
//
// Every input is parsed with the default policy; a message that parses is read the way the gateway reads it
// (inspect JSON, bounce report, attachments, decoded parts), and a reply to it is composed, rendered and parsed
// back. The input is parsed again with a tight and with the strict policy, which must throw or give the same
// reading. A broken invariant traps, which libFuzzer reports as a crash with the input saved.
import Foundation
import Mail

enum MailFuzz {
    /// Stricter than the default in every limit, so whatever the default refuses it refuses too.
    static let tight = ParsePolicy(maxDepth: 8, maxParts: 64, maxHeaderBytes: 8 * 1024, maxTotalBytes: 256 * 1024)
    static let desk = Address(name: "Servicedesk Cloudwise", address: "servicedesk@cloudwise.test")

    static func run(_ bytes: [UInt8]) {
        let message = try? Message.parse(bytes)
        let report = message.map { InspectReport($0).json() }
        if let message {
            read(message)
            reply(to: message)
        }
        for policy in [tight, ParsePolicy.strict] {
            guard let other = try? Message.parse(bytes, policy: policy) else { continue }
            if InspectReport(other).json() != report { fail("a stricter policy read the mail differently", "") }
        }
    }

    /// Everything the gateway reads from a message.
    static func read(_ m: Message) {
        let json = InspectReport(m).json()
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
            Set(object.keys) == Set(InspectReport.keys)
        else { fail("inspect JSON is not an object with the contract's keys", json) }
        if let report = m.bounceReport { _ = report.failedRecipients.count }
        for a in m.attachments where a.safeFilename.isEmpty || a.safeFilename == "." || a.safeFilename == ".." {
            fail("unsafe file name", a.safeFilename)
        }
        var stack = [m.body]
        while let part = stack.popLast() {
            _ = part.decodedText()
            _ = part.filename
            _ = part.contentID
            stack += part.parts
        }
        _ = m.replyAddresses
    }

    /// Composes the gateway's answer and reads it back: what it wrote must be what it reads.
    static func reply(to m: Message) {
        let subject = CaseTag.tagging(m.subject.isEmpty ? "Re:" : "Re: " + m.subject, with: "CS0000001")
        let date = m.date ?? Date(timeIntervalSince1970: 0)
        let plainIDs = (m.references + [m.messageID].compactMap { $0 }).filter { id in
            id.utf8.count < 900 && id.utf8.allSatisfy { $0 > 32 && $0 < 127 }
        }
        let out = OutgoingMessage(
            from: desk, to: m.replyAddresses, subject: subject, messageID: "<fuzz@cloudwise.test>", date: date,
            inReplyTo: plainIDs.last, references: plainIDs, autoSubmitted: "auto-replied", text: m.replyText,
            html: m.text.isEmpty ? nil : m.text)
        let bytes = out.render()
        var lineLength = 0
        for (k, b) in bytes.enumerated() {
            if b == 10 {
                if k == 0 || bytes[k - 1] != 13 { fail("bare LF in a rendered message", "") }
                lineLength = 0
            } else {
                if k > 0 && bytes[k - 1] == 13 { fail("bare CR in a rendered message", "") }
                lineLength += 1
                if lineLength > 998 + 1 { fail("rendered line longer than 998 characters", "") }
            }
        }
        guard let back = try? Message.parse(bytes) else { fail("a rendered reply does not parse", subject) }
        if back.subject != subject { fail("subject changed", "\(subject.debugDescription) → \(back.subject.debugDescription)") }
        if back.caseTag != "CS0000001" && CaseTag.find(in: subject) == "CS0000001" { fail("case tag lost", subject) }
        if back.auto != .autoReplied { fail("Auto-Submitted lost", back.auto.rawValue) }
        if back.date != date { fail("date changed", "\(date) → \(String(describing: back.date))") }
        if back.references != plainIDs { fail("references changed", "\(plainIDs) → \(back.references)") }
        if back.from != [desk] { fail("From changed", "\(back.from)") }
        if !m.replyText.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
            var expected = m.replyText
            while expected.hasPrefix("\n") || expected.hasPrefix("\u{FEFF}") { expected.removeFirst() }
            if back.text != expected {
                fail("reply text changed", "\(m.replyText.debugDescription) → \(back.text.debugDescription)")
            }
        }
    }

    static func fail(_ what: String, _ detail: String) -> Never {
        FileHandle.standardError.write(Data("MailFuzz: \(what): \(detail.prefix(2000))\n".utf8))
        // A trap is how a fuzz target reports a broken invariant; libFuzzer saves the input.
        fatalError(what)
    }
}

/// The libFuzzer entry point: `int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    MailFuzz.run(count == 0 ? [] : [UInt8](UnsafeRawBufferPointer(start: start, count: count)))
    return 0
}
