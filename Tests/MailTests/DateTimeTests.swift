import Foundation
import Testing

@testable import Mail

@Suite("RFC 5322 §3.3 dates")
struct DateTimeTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var input: String
        var expected: String?
        var testDescription: String { input }
    }

    @Test(
        "parses",
        arguments: [
            Case(input: "Mon, 29 Nov 2026 10:00:00 +0000", expected: "2026-11-29T10:00:00Z"),
            Case(input: "Sun, 29 Nov 2026 11:00:00 +0100", expected: "2026-11-29T10:00:00Z"),
            Case(input: "29 Nov 2026 10:00:00 -0500", expected: "2026-11-29T15:00:00Z"),
            Case(input: "Mon, 29 Nov 2026 10:00 +0000", expected: "2026-11-29T10:00:00Z"),
            Case(input: "Mon, 29 Nov 2026 10:00:00 +0100 (CET)", expected: "2026-11-29T09:00:00Z"),
            Case(input: "Mon, 29 Nov 2026 10:00:02 +0000 (UTC)", expected: "2026-11-29T10:00:02Z"),
            // RFC 5322 §4.3 obsolete zones and years.
            Case(input: "29 Nov 26 10:00 EST", expected: "2026-11-29T15:00:00Z"),
            Case(input: "Mon, 29 Nov 99 10:00:00 GMT", expected: "1999-11-29T10:00:00Z"),
            Case(input: "Mon, 29 Nov 126 10:00:00 UT", expected: "2026-11-29T10:00:00Z"),
            Case(input: "Mon, 29 Nov 2026 10:00:00 PDT", expected: "2026-11-29T17:00:00Z"),
            Case(input: "Mon, 29 Nov 2026 10:00:00 Z", expected: "2026-11-29T10:00:00Z"),
            Case(input: "Mon, 29 Nov 2026 10:00:00 A", expected: "2026-11-29T10:00:00Z"),
            // Common broken forms.
            Case(input: "Mon, 29 Nov 2026 10:00:00", expected: "2026-11-29T10:00:00Z"),
            Case(input: "Monday, 29 November 2026 10:00:00 +0000", expected: "2026-11-29T10:00:00Z"),
            Case(input: "Mon, 29-Nov-2026 10:00:00 +0000", expected: "2026-11-29T10:00:00Z"),
            Case(input: "Mon Nov 29 10:00:00 2026", expected: "2026-11-29T10:00:00Z"),
            Case(input: "2026-11-29T10:00:00Z", expected: "2026-11-29T10:00:00Z"),
            Case(input: "2026-11-29 11:00:00 +01:00", expected: "2026-11-29T10:00:00Z"),
            Case(input: "ma, 29 mrt 2026 10:00:00 +0200", expected: "2026-03-29T08:00:00Z"),
            Case(input: "Mon, 29 Nov 2026 10:00:00 PM +0000", expected: "2026-11-29T22:00:00Z"),
            Case(input: "Thu, 29 Feb 2024 23:59:60 +0000", expected: "2024-02-29T23:59:59Z"),
            // Unreadable.
            Case(input: "", expected: nil),
            Case(input: "gisteren", expected: nil),
            Case(input: "Mon, 31 Feb 2026 10:00:00 +0000", expected: nil),
            Case(input: "Mon, 29 Nov 2026 25:00:00 +0000", expected: nil),
            Case(input: "Mon, 29 Foo 2026 10:00:00 +0000", expected: nil),
            Case(input: "Mon, 29 Nov 99999999999999 10:00:00 +0000", expected: nil),
            Case(input: "29 Nov", expected: nil),
        ])
    func parses(_ c: Case) {
        #expect(DateTime.parse(c.input).map(DateTime.iso8601) == c.expected)
    }

    @Test("formats RFC 5322 and ISO 8601 in UTC")
    func formats() throws {
        let d = try #require(DateTime.parse("Sun, 29 Nov 2026 10:00:00 +0000"))
        #expect(DateTime.rfc5322(d) == "Sun, 29 Nov 2026 10:00:00 +0000")
        #expect(DateTime.iso8601(d) == "2026-11-29T10:00:00Z")
        #expect(DateTime.iso8601(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
        #expect(DateTime.rfc5322(Date(timeIntervalSince1970: -1)) == "Wed, 31 Dec 1969 23:59:59 +0000")
    }

    @Test("civil date conversion agrees with Foundation over many days")
    func civil() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        for days in stride(from: -40_000, to: 60_000, by: 97) {
            let date = Date(timeIntervalSince1970: TimeInterval(days) * 86_400 + 3723)
            let c = calendar.dateComponents([.year, .month, .day, .weekday], from: date)
            let mine = DateTime.components(date)
            #expect(mine.year == c.year && mine.month == c.month && mine.day == c.day)
            #expect(mine.weekday + 1 == c.weekday)
            #expect(DateTime.daysFromCivil(mine.year, mine.month, mine.day) == days)
        }
    }

    @Test("a garbage Date gives nil and a defect")
    func defect() throws {
        let m = try Message.parse("From: a@x.test\r\nDate: yesterday\r\n\r\nx")
        #expect(m.date == nil)
        #expect(m.defects == [.invalidDate])
        #expect(throws: MailError(.strict(.invalidDate))) {
            try Message.parse("From: a@x.test\r\nDate: yesterday\r\n\r\nx", policy: .strict)
        }
    }
}
