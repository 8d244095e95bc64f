import Testing
import Transport

@Suite("IMAP responses (RFC 9051 §7)")
struct IMAPResponseTests {
    @Test("RFC 9051 §7.5.2 FETCH listings with UID, size and flags, in any order")
    func listings() {
        let text = "* 1 FETCH (UID 4 RFC822.SIZE 3120 FLAGS (\\Seen))\r\n* 2 FETCH (FLAGS (\\Seen $DapgateSettled) UID 9 RFC822.SIZE 17)\r\n"
        let result = IMAPResponse.listings(Array(text.utf8))
        #expect(result == [
            IMAPResponse.Listing(uid: 4, size: 3120, flags: ["\\Seen"]),
            IMAPResponse.Listing(uid: 9, size: 17, flags: ["\\Seen", "$DapgateSettled"]),
        ])
    }

    @Test("RFC 9051 §7.3.1 STATUS with UIDVALIDITY and UIDNEXT")
    func status() {
        let status = IMAPResponse.status(Array("* STATUS INBOX (MESSAGES 3 UIDNEXT 4 UIDVALIDITY 1795989109)\r\n".utf8))
        #expect(status?.uidValidity == 1_795_989_109)
        #expect(status?.uidNext == 4)
        #expect(status?.messages == 3)
        #expect(IMAPResponse.status(Array("* OK nothing\r\n".utf8)) == nil)
    }

    @Test("RFC 9051 §7.3.1 LIST names, quoted and atoms")
    func list() {
        let text = "* LIST (\\HasNoChildren) \"/\" INBOX\r\n* LIST (\\HasNoChildren) \"/\" \"In Progress\"\r\n* LIST () NIL Processed\r\n"
        #expect(IMAPResponse.mailboxes(Array(text.utf8)) == ["INBOX", "In Progress", "Processed"])
    }

    @Test("RFC 9051 §7.2.2 capabilities are upper-cased")
    func capabilities() {
        #expect(IMAPResponse.capabilities(Array("* CAPABILITY IMAP4rev1 move UIDPLUS\r\n".utf8)) == ["IMAP4REV1", "MOVE", "UIDPLUS"])
    }

    @Test("RFC 9051 §9 sequence sets are compact ranges")
    func sequenceSet() {
        #expect(IMAPResponse.sequenceSet([5, 1, 2, 3, 9, 10, 3]) == "1:3,5,9:10")
        #expect(IMAPResponse.sequenceSet([7]) == "7")
    }

    @Test("RFC 9051 §7.3.5 SEARCH results")
    func search() {
        #expect(IMAPResponse.search(Array("* SEARCH 2 84 882\r\n".utf8)) == [2, 84, 882])
        #expect(IMAPResponse.search(Array("* SEARCH\r\n".utf8)) == [])
    }

    @Test("RFC 4731 §3.1 ESEARCH COUNT")
    func esearchCount() {
        #expect(IMAPResponse.esearchCount(Array("* ESEARCH (TAG \"A004\") UID COUNT 17\r\n".utf8)) == 17)
        #expect(IMAPResponse.esearchCount(Array("* ESEARCH (TAG \"A004\")\r\n".utf8)) == nil)
    }
}
