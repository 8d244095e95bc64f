import Foundation
import Testing

@testable import Mail

@Suite("inspect --json")
struct InspectReportTests {
    @Test("exactly the keys of DESIGN.md, valid JSON, sorted and pretty-printed")
    func keys() throws {
        for name in allFixtureNames() {
            let json = InspectReport(try parseFixture(name)).json()
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            #expect(
                Set(object.keys) == [
                    "message_id", "subject", "from", "to", "cc", "reply_to", "date", "in_reply_to", "references",
                    "text",
                    "attachments", "auto", "reply_text", "case_tag",
                ])
            #expect(Set(object.keys) == Set(InspectReport.keys))
            for list in ["to", "cc", "reply_to"] {
                let items = try #require(object[list] as? [[String: Any]])
                for item in items { #expect(Set(item.keys) == ["name", "address"]) }
            }
            for item in try #require(object["attachments"] as? [[String: Any]]) {
                #expect(Set(item.keys) == ["filename", "content_type", "size", "sha256"])
            }
            if let from = object["from"] as? [String: Any] {
                #expect(Set(from.keys) == ["name", "address"])
            } else {
                #expect(object["from"] is NSNull)
            }
            let keyOrder = json.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map {
                $0.split(separator: "\"")[1]
            }
            #expect(keyOrder == keyOrder.sorted())
        }
    }

    @Test("values of the DSN report")
    func dsn() throws {
        let json = InspectReport(try parseFixture("postfix-dsn-unknown-user.eml")).json()
        let o = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(o["auto"] as? String == "bounce")
        #expect(o["case_tag"] is NSNull)
        #expect(o["date"] as? String == "2026-11-29T10:00:02Z")
        #expect((o["from"] as? [String: Any])?["address"] as? String == "MAILER-DAEMON@mail.example.test")
        let atts = try #require(o["attachments"] as? [[String: Any]])
        #expect(atts.map { $0["content_type"] as? String } == ["message/delivery-status", "message/rfc822"])
        #expect(atts[0]["filename"] is NSNull)
    }

    @Test("exact output for a small mail: UTF-8 kept, escapes, nulls")
    func exact() throws {
        let m = try Message.parse(
            "From: Zoë <zoe@x.test>\r\nDate: Sun, 29 Nov 2026 11:00:00 +0100\r\nSubject: [CS0001234] \"kapot\"\r\nMessage-ID: <a@x>\r\n\r\nRegel\r\n\ttab\r\n"
        )
        #expect(
            InspectReport(m).json() == """
                {
                  "attachments": [],
                  "auto": "none",
                  "case_tag": "CS0001234",
                  "cc": [],
                  "date": "2026-11-29T10:00:00Z",
                  "from": {
                    "address": "zoe@x.test",
                    "name": "Zoë"
                  },
                  "in_reply_to": [],
                  "message_id": "<a@x>",
                  "references": [],
                  "reply_text": "Regel\\n\\ttab",
                  "reply_to": [],
                  "subject": "[CS0001234] \\"kapot\\"",
                  "text": "Regel\\n\\ttab",
                  "to": []
                }
                """)
    }

    @Test("no From, no date: null")
    func nulls() throws {
        let o = try #require(
            try JSONSerialization.jsonObject(
                with: Data(InspectReport(try Message.parse("Subject: x\r\n\r\n\u{1}")).json().utf8)) as? [String: Any])
        #expect(o["from"] is NSNull)
        #expect(o["date"] is NSNull)
        #expect(o["message_id"] is NSNull)
        #expect(o["text"] as? String == "\u{1}")
    }
}
