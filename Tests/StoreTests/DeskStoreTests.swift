import Desk
import Foundation
import Store
import Testing

private func temporaryStore() throws -> DeskStore {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("store-\(UUID().uuidString).sqlite").path
    return try DeskStore(path: path, now: { Date(timeIntervalSince1970: 1_796_000_000) })
}

@Suite("DeskStore")
struct DeskStoreTests {
    @Test("Migrating from empty reaches the newest version, and a second migrate does nothing")
    func migrations() throws {
        let store = try temporaryStore()
        #expect(try Migrator.version(store.db) == Schema.migrations.map(\.version).max())
        #expect(try Migrator.migrate(store.db).isEmpty)
        #expect(try store.db.first("PRAGMA journal_mode")?.string(0) == "wal")
    }

    @Test("R-CASE-1 case numbers run CS0000001, CS0000002, … and a rolled-back case leaves no gap")
    func numberingWithoutGaps() throws {
        let store = try temporaryStore()
        let first = try store.transaction { try store.openCase(NewCase(requester: "a@school.test", requesterName: nil, subject: "a")) }
        struct Abort: Error {}
        #expect(throws: Abort.self) {
            try store.transaction {
                _ = try store.openCase(NewCase(requester: "b@school.test", requesterName: nil, subject: "b"))
                throw Abort()
            }
        }
        let second = try store.transaction { try store.openCase(NewCase(requester: "c@school.test", requesterName: nil, subject: "c")) }
        #expect(first.number.description == "CS0000001")
        #expect(second.number.description == "CS0000002")
        #expect(try store.caseCount() == 2)
    }

    @Test("R-CASE-3 a case is found by the Message-ID of any of its mails")
    func threading() throws {
        let store = try temporaryStore()
        let record = try store.transaction {
            let record = try store.openCase(NewCase(requester: "a@school.test", requesterName: "A", subject: "s"))
            try store.addMessage(caseID: record.id, direction: "out", kind: "confirmation", messageID: "<out@desk>",
                                 fromAddress: "info@cloudwise.test", subject: "s", text: "t", raw: Array("x".utf8))
            return record
        }
        #expect(try store.findCase(threadedBy: ["<unknown@x>", "<out@desk>"])?.id == record.id)
        #expect(try store.findCase(threadedBy: ["<unknown@x>"]) == nil)
        #expect(try store.findCase(number: record.number)?.requester == "a@school.test")
    }

    @Test("The ledger recognises a mail by UID and by fingerprint")
    func ledger() throws {
        let store = try temporaryStore()
        let entry = LedgerEntry(mailbox: "info@host/INBOX", uidValidity: 7, uid: 3, messageID: "<m@x>",
                                fingerprint: "mid:abc", outcome: "case", caseID: nil, reason: nil, settled: false)
        try store.transaction { try store.record(entry) }
        #expect(try store.ledgerEntry(mailbox: "info@host/INBOX", uidValidity: 7, uid: 3) == entry)
        #expect(try store.ledgerEntry(mailbox: "info@host/INBOX", uidValidity: 8, uid: 3) == nil)
        #expect(try store.ledgerEntry(fingerprint: "mid:abc")?.uid == 3)
        #expect(throws: StoreError.self) { try store.transaction { try store.record(entry) } }
        try store.settle(mailbox: "info@host/INBOX", uidValidity: 7, uids: [3])
        #expect(try store.ledgerEntry(mailbox: "info@host/INBOX", uidValidity: 7, uid: 3)?.settled == true)
    }

    @Test("The outbox keeps a failed mail for a retry and ends a permanently failed one")
    func outbox() throws {
        var clock = Date(timeIntervalSince1970: 1_796_000_000)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("o-\(UUID().uuidString).sqlite").path
        let store = try DeskStore(path: path, now: { clock })
        try store.transaction {
            try store.enqueue(caseID: nil, kind: "confirmation", mailFrom: "info@cloudwise.test",
                              recipients: ["a@school.test"], messageID: "<1@x>", raw: Array("one".utf8))
            try store.enqueue(caseID: nil, kind: "confirmation", mailFrom: "info@cloudwise.test",
                              recipients: ["b@school.test"], messageID: "<2@x>", raw: Array("two".utf8))
        }
        let pending = try store.pendingOutbox()
        #expect(pending.map(\.messageID) == ["<1@x>", "<2@x>"])
        try store.markFailed(outboxID: pending[0].id, error: "451", permanent: false, retryAt: clock.addingTimeInterval(60))
        try store.markFailed(outboxID: pending[1].id, error: "550", permanent: true, retryAt: clock)
        #expect(try store.pendingOutbox().isEmpty, "the retry waits for its time")
        clock = clock.addingTimeInterval(61)
        #expect(try store.pendingOutbox().map(\.raw) == [Array("one".utf8)])
        try store.markSent(outboxID: pending[0].id)
        #expect(try store.outboxCounts() == ["sent": 1, "failed": 1])
    }

    @Test("R-AUTH-1 contacts are stored by lower-cased address and updated on re-import")
    func contacts() throws {
        let store = try temporaryStore()
        try store.upsert(ContactRecord(email: "Alice@School.test", name: "Alice", organisation: "Noord", location: "A", role: "gebruiker"))
        try store.upsert(ContactRecord(email: "alice@school.test", name: "Alice V", organisation: "Noord", location: "B", role: "school-ict"))
        #expect(try store.contact(email: "ALICE@school.test")?.role == "school-ict")
        #expect(try store.contactCount() == 1)
    }

    @Test("Blobs round-trip byte for byte, including NUL and invalid UTF-8")
    func blobs() throws {
        let store = try temporaryStore()
        let raw: [UInt8] = [0, 0xff, 0xfe, 13, 10, 46, 13, 10]
        let id = try store.addMessage(caseID: nil, direction: "in", kind: "x", messageID: nil, fromAddress: nil,
                                      subject: nil, text: nil, raw: raw)
        #expect(try store.rawMessage(id: id) == raw)
    }
}
