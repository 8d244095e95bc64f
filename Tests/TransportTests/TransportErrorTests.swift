import Testing
@testable import Transport

@Suite("TransportError")
struct TransportErrorTests {
    @Test("CURLcodes map to what failed", arguments: [
        (7, "Failed to connect", TransportError.Kind.connect),
        (28, "Operation timed out", .timeout),
        (60, "SSL certificate problem: self-signed certificate in certificate chain", .tls),
        (67, "Login denied", .auth),
        (67, "Select failed", .notFound),
        (78, "Mailbox UIDVALIDITY has changed", .notFound),
    ])
    func kinds(code: Int, text: String, kind: TransportError.Kind) {
        let error = TransportError(curlCode: code, errorText: text, replyCode: nil, command: nil, serverLine: nil)
        #expect(error.kind == kind)
        #expect(!error.isPermanent)
    }

    @Test("RFC 5321 §4.2.1 a 5xx reply is permanent, a 4xx is not; RFC 3463 enhanced codes are kept")
    func replies() {
        let rejected = TransportError(curlCode: 55, errorText: "RCPT failed: 550", replyCode: 550, command: "RCPT",
                                      serverLine: "550 5.1.1 <reject-x@school.test>: Recipient address rejected")
        #expect(rejected.kind == .reply)
        #expect(rejected.isPermanent)
        #expect(rejected.enhancedStatus == "5.1.1")
        let deferred = TransportError(curlCode: 55, errorText: "RCPT failed: 450", replyCode: 450, command: "RCPT",
                                      serverLine: "450 4.2.0 try later")
        #expect(!deferred.isPermanent)
        #expect(deferred.description.contains("450"))
    }

    @Test("Credentials never appear in a logged command")
    func redaction() {
        #expect(CurlEasy.redacted("AUTH PLAIN AGluZm9AY2xvdWR3aXNlLnRlc3QAc2VjcmV0") == "AUTH PLAIN")
        #expect(CurlEasy.redacted("A001 AUTHENTICATE PLAIN AGluZm8Ac2VjcmV0") == "A001 AUTHENTICATE")
        #expect(CurlEasy.redacted("A002 LOGIN info secret") == "A002 LOGIN")
        #expect(CurlEasy.redacted("AGluZm9AY2xvdWR3aXNlLnRlc3QAc2VjcmV0") == "(credentials)")
        #expect(CurlEasy.redacted("MAIL FROM:<a@b>") == "MAIL FROM:<a@b>")
    }
}
