import Testing
@testable import Transport

@Suite("Endpoint and SMTP data")
struct EndpointTests {
    @Test("URLs give scheme, authority and mailbox; credentials in a URL are refused")
    func parse() throws {
        let imap = try Endpoint(url: "imaps://mail.example.nl:993/Tickets/In%20Progress")
        #expect(imap.scheme == "imaps")
        #expect(imap.authority == "mail.example.nl:993")
        #expect(imap.path == "Tickets/In Progress")
        #expect(imap.isImplicitTLS)
        #expect(throws: TransportError.self) { try Endpoint(url: "imap://user:pw@host/INBOX") }
        #expect(throws: TransportError.self) { try Endpoint(url: "http://host/") }
    }

    @Test("smtp:// with credentials requires STARTTLS (AUTH is offered only after it)")
    func startTLSDefault() throws {
        #expect(try Endpoint(url: "smtp://h:587", user: "u", password: "p").startTLS == .required)
        #expect(try Endpoint(url: "smtp://h:25").startTLS == .opportunistic)
    }

    @Test("RFC 5321 §2.3.8 every line ends in CRLF before DATA, so libcurl can dot-stuff", arguments: [
        ("a\nb\n.\nc", "a\r\nb\r\n.\r\nc"),
        ("a\r\nb\r\n", "a\r\nb\r\n"),
        ("a\rb", "a\r\nb"),
        ("x\r", "x\r\n"),
    ])
    func crlf(input: String, expected: String) {
        #expect(SMTPSender.crlf(Array(input.utf8)) == Array(expected.utf8))
    }

    @Test("Mailbox names are quoted and percent-encoded safely")
    func quoting() {
        #expect("In \"Progress\"\r\n".imapQuoted == "\"In \\\"Progress\\\"\"")
        #expect("Tickets/In Progress".percentEncodedPathSegment == "Tickets/In%20Progress")
    }
}
