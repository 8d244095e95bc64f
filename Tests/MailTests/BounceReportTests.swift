import Testing

@testable import Mail

@Suite("RFC 3464 bounce reports")
struct BounceReportTests {
    typealias R = BounceReport.Recipient

    @Test("Postfix DSN: recipient, status, diagnostic and the returned message's Message-ID")
    func postfix() throws {
        let report = try #require(try parseFixture("postfix-dsn-unknown-user.eml").bounceReport)
        #expect(report.reportingMTA == "mail.example.test")
        #expect(
            report.recipients == [
                R(
                    address: "nobody@example.test", originalAddress: "nobody@example.test", status: "5.1.1",
                    action: "failed",
                    diagnostic: "x-unix; 550 5.1.1 <nobody@example.test> User doesn't exist: nobody@example.test")
            ])
        #expect(report.failedRecipients.map(\.address) == ["nobody@example.test"])
        #expect(report.originalMessageID == "<orig-42@example.test>")
    }

    @Test("Exchange NDR (Dutch): 5.1.10 from the delivery-status part, Message-ID from the message/rfc822 part")
    func exchange() throws {
        let report = try #require(try parseFixture("bounce-exchange-ndr-nl-onbestelbaar.eml").bounceReport)
        #expect(report.reportingMTA == "AM0PR02MB5524.eurprd02.prod.outlook.com")
        #expect(report.recipients.map(\.address) == ["old.teacher@school.test"])
        #expect(report.recipients.map(\.status) == ["5.1.10"])
        #expect(report.recipients.first?.diagnostic?.hasPrefix("smtp;550 5.1.10 RESOLVER.ADR.RecipientNotFound") == true)
        #expect(report.originalMessageID == "<desk-1510-confirm@cloudwise.test>")
    }

    @Test("Gmail DSN: folded Diagnostic-Code unfolded, Message-ID from the text/rfc822-headers part")
    func gmail() throws {
        let report = try #require(try parseFixture("bounce-gmail-dsn-with-rfc822-headers.eml").bounceReport)
        let r = try #require(report.recipients.first)
        #expect(r.address == "lotte.visserr@gmail.test")
        #expect(r.status == "5.1.1")
        #expect(r.isPermanentFailure)
        #expect(r.diagnostic?.contains("does not exist. 550 5.1.1 https://support.google.com") == true)
        #expect(report.originalMessageID == "<desk-1511-confirm@cloudwise.test>")
    }

    @Test("a warning (Action: delayed) is a report, not a failure; Original-Recipient kept as written")
    func delayed() throws {
        let report = try #require(try parseFixture("bounce-delayed-dsn-warning-only.eml").bounceReport)
        #expect(
            report.recipients == [
                R(
                    address: "info@slow-school.test", originalAddress: "Info@slow-school.test", status: "4.4.1",
                    action: "delayed",
                    diagnostic:
                        "X-Postfix; connect to mx.slow-school.test[203.0.113.5]:25: Connection timed out")
            ])
        #expect(report.failedRecipients.isEmpty)
        #expect(report.originalMessageID == "<desk-1514-confirm@cloudwise.test>")
    }

    @Test("three recipients: two failed (one status with a comment), one delivered")
    func three() throws {
        let report = try #require(try parseFixture("bounce-dsn-three-recipients-mixed-actions.eml").bounceReport)
        #expect(report.recipients.map(\.address) == ["a.one@school.test", "b.two@school.test", "c.three@school.test"])
        #expect(report.recipients.map(\.status) == ["5.2.2", "5.1.1", "2.0.0"])
        #expect(report.recipients.map(\.action) == ["failed", "failed", "delivered"])
        #expect(report.failedRecipients.map(\.address) == ["a.one@school.test", "b.two@school.test"])
        #expect(report.originalMessageID == nil)
    }

    @Test("qmail's text bounce: <address>: and the reason, Message-ID from the quoted copy")
    func qmail() throws {
        let report = try #require(try parseFixture("bounce-qmail-failure-notice-text-only.eml").bounceReport)
        #expect(
            report.recipients == [
                R(
                    address: "j.doe@oldschool.test", status: "5.1.1", action: "failed",
                    diagnostic: "Sorry, no mailbox here by that name. (#5.1.1)")
            ])
        #expect(report.originalMessageID == "<desk-1512-confirm@cloudwise.test>")
    }

    @Test("Exim's text bounce: the indented address under 'The following address(es) failed:'")
    func exim() throws {
        let report = try #require(try parseFixture("bounce-exim-address-failed-text-only.eml").bounceReport)
        #expect(report.recipients.map(\.address) == ["p.jansen@exim-school.test"])
        #expect(report.recipients.map(\.status) == ["5.1.1"])
        #expect(report.recipients.first?.diagnostic?.hasPrefix("host mx.exim-school.test [198.51.100.7]") == true)
        #expect(report.originalMessageID == "<desk-1513-confirm@cloudwise.test>")
    }

    @Test(
        "no report for mail that is not a bounce",
        arguments: [
            "gmail-en-on-wrote.eml", "sieve-vacation-autoreply.eml", "mdn-read-receipt-is-auto-replied-not-bounce.eml",
            "forwarded-message-rfc822.eml", "list-id-newsletter.eml",
        ])
    func none(_ name: String) throws {
        #expect(try parseFixture(name).bounceReport == nil)
    }

    @Test("a forwarded bounce inside message/rfc822 is not this message's report")
    func nested() throws {
        let inner = String(decoding: try fixture("postfix-dsn-unknown-user.eml"), as: UTF8.self)
        let m = try Message.parse(
            "From: a@x.test\r\nDate: Mon, 30 Nov 2026 10:00:00 +0000\r\nContent-Type: multipart/mixed; boundary=f\r\n\r\n"
                + "--f\r\nContent-Type: text/plain\r\n\r\nKijk eens\r\n--f\r\nContent-Type: message/rfc822\r\n\r\n"
                + inner + "\r\n--f--\r\n")
        #expect(m.auto == .none)
        #expect(m.bounceReport == nil)
    }

    @Test("status codes stand on their own: not inside IP addresses or longer numbers")
    func statusCodes() {
        #expect(BounceReport.findStatusCode(Array("550 5.1.1 User unknown".utf8)) == "5.1.1")
        #expect(BounceReport.findStatusCode(Array("host 192.0.2.5 said 550-5.7.1 no".utf8)) == "5.7.1")
        #expect(BounceReport.findStatusCode(Array("version 15.2.1544.9".utf8)) == nil)
        #expect(BounceReport.findStatusCode(Array("(#4.4.1)".utf8)) == "4.4.1")
        #expect(BounceReport.findStatusCode(Array("".utf8)) == nil)
        #expect(BounceReport.address(typed: Array("rfc822; <Jan@School.TEST>".utf8)) == "Jan@school.test")
    }

    @Test("a broken delivery-status part gives what it can")
    func broken() throws {
        let r = BounceReport.parseDeliveryStatus(
            Array("garbage line\r\n\r\n\r\nFinal-Recipient: x@y.test\r\nStatus: 5.0.0\r\nnot a field\r\nAction: failed".utf8))
        #expect(r.recipients == [R(address: "x@y.test", status: "5.0.0", action: "")])
        #expect(BounceReport.parseDeliveryStatus([]).recipients.isEmpty)
    }
}
