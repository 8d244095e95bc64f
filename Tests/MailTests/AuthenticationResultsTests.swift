import Foundation
import Mail
import Testing

@Suite("Authentication-Results (RFC 8601)")
struct AuthenticationResultsTests {
    static let gmail = """
        mx.google.com;\r
               dkim=pass header.i=@school.test header.s=google header.b=Kx8Yq+1a;\r
               arc=pass (i=1 spf=pass spfdomain=school.test dkim=pass dkdomain=school.test dmarc=pass fromdomain=school.test);\r
               spf=pass (google.com: domain of jan@school.test designates 209.85.220.41 as permitted sender) smtp.mailfrom=jan@school.test;\r
               dmarc=pass (p=QUARANTINE sp=QUARANTINE dis=NONE) header.from=school.test
        """

    static let microsoft365 =
        "spf=pass (sender IP is 40.107.22.54) smtp.mailfrom=school.test; dkim=pass (signature was verified) "
        + "header.d=school.test;dmarc=pass action=none header.from=school.test;compauth=pass reason=100"

    static let openDKIM = """
        mail.cloudwise.test;
        \tdkim=pass (2048-bit key; unprotected) header.d=cloudwise.test header.i=@cloudwise.test header.a=rsa-sha256 header.s=mail header.b=AbC/d+12;
        \tdkim-atps=neutral
        """

    static let openDMARC = "mail.cloudwise.test; dmarc=pass (p=reject dis=none) header.from=cloudwise.test"

    let trusted: Set<String> = ["mail.cloudwise.test"]

    // MARK: - Parsing

    @Test("RFC 8601 §2.2 Gmail: methods, results, properties and comments")
    func gmail() throws {
        let ar = try #require(AuthenticationResults.parse(Self.gmail))
        #expect(ar.authservID == "mx.google.com")
        #expect(ar.results.map(\.method) == ["dkim", "arc", "spf", "dmarc"])
        #expect(ar.results.map(\.result) == ["pass", "pass", "pass", "pass"])
        #expect(ar.results[0].properties == ["header.i": "@school.test", "header.s": "google", "header.b": "Kx8Yq+1a"])
        #expect(ar.results[1].properties.isEmpty)
        #expect(ar.results[2].properties == ["smtp.mailfrom": "jan@school.test"])
        #expect(ar.results[3].properties == ["header.from": "school.test"])
    }

    @Test("RFC 8601 §2.2 Microsoft 365 writes no authserv-id and bare key=value pairs")
    func microsoft365() throws {
        let ar = try #require(AuthenticationResults.parse(Self.microsoft365))
        #expect(ar.authservID == nil)
        #expect(ar.results.map(\.method) == ["spf", "dkim", "dmarc", "compauth"])
        #expect(ar.results[2].properties == ["action": "none", "header.from": "school.test"])
        #expect(ar.results[3].reason == "100")
        #expect(ar.results[1].properties["header.d"] == "school.test")
    }

    @Test("RFC 8601 §2.2 Postfix with OpenDKIM: a comment holding a semicolon, base64 in header.b")
    func openDKIM() throws {
        let ar = try #require(AuthenticationResults.parse(Self.openDKIM))
        #expect(ar.authservID == "mail.cloudwise.test")
        #expect(ar.results.count == 2)
        #expect(ar.results[0].method == "dkim")
        #expect(ar.results[0].properties["header.d"] == "cloudwise.test")
        #expect(ar.results[0].properties["header.b"] == "AbC/d+12")
        #expect(ar.results[0].properties["header.a"] == "rsa-sha256")
        #expect(ar.results[1].method == "dkim-atps")
        #expect(ar.results[1].result == "neutral")
    }

    @Test("RFC 8601 §2.2 OpenDMARC")
    func openDMARC() throws {
        let ar = try #require(AuthenticationResults.parse(Self.openDMARC))
        #expect(ar.results == [.init(method: "dmarc", result: "pass", properties: ["header.from": "cloudwise.test"])])
    }

    @Test("RFC 8601 §2.2 no-result, version, method version, quoted values, CFWS around the dot")
    func grammar() throws {
        let none = try #require(AuthenticationResults.parse("example.org 1; none"))
        #expect(none.authservID == "example.org")
        #expect(none.version == 1)
        #expect(none.results.isEmpty)

        let quoted = try #require(
            AuthenticationResults.parse(
                #""mx.example.org" ; DKIM/1 = PASS reason="good \"sig\"" header . d = "School.Test" (c) ; spf=none"#))
        #expect(quoted.authservID == "mx.example.org")
        #expect(quoted.results.count == 2)
        #expect(quoted.results[0].method == "dkim")
        #expect(quoted.results[0].result == "pass")
        #expect(quoted.results[0].reason == #"good "sig""#)
        #expect(quoted.results[0].properties == ["header.d": "School.Test"])
        #expect(quoted.results[1] == .init(method: "spf", result: "none"))

        let nested = try #require(
            AuthenticationResults.parse("a.example (x (y; z) \\) ;) ; spf=pass (a (b) c) smtp.mailfrom=x@y.example"))
        #expect(nested.authservID == "a.example")
        #expect(nested.results == [.init(method: "spf", result: "pass", properties: ["smtp.mailfrom": "x@y.example"])])

        let rfcExample = try #require(
            AuthenticationResults.parse(
                "example.com; auth=pass (cram-md5) smtp.auth=sender@example.net; spf=pass smtp.mailfrom=example.net"))
        #expect(rfcExample.results.map(\.method) == ["auth", "spf"])
        #expect(rfcExample.results[0].properties["smtp.auth"] == "sender@example.net")
    }

    @Test(
        "RFC 8601 §2.2 broken input: nil or the readable results, never a trap",
        arguments: [
            "", "   ", ";;;", "(only a comment", "\"unterminated", "x; =pass", "x; dkim=", "x; dkim=pass header.d=",
            "x; dkim=pass (unclosed header.d=school.test", "x; dkim=pass header.d=\"unclosed", "x;;; dkim=pass ;;",
        ])
    func broken(value: String) {
        let ar = AuthenticationResults.parse(value)
        if let ar {
            #expect(ar.authservID != nil || !ar.results.isEmpty)
        }
        #expect(!(ar?.senderDomainPassed(fromDomain: "school.test", trustedAuthservIDs: ["x"]) ?? false))
    }

    @Test("RFC 8601 §2.2 a stray word after a resinfo is skipped, the next resinfo still read")
    func stray() throws {
        let ar = try #require(
            AuthenticationResults.parse(
                "x.example; dkim=pass header.d=school.test @@@ garbage; dmarc=fail header.from=school.test"))
        #expect(ar.results.map(\.method) == ["dkim", "dmarc"])
        #expect(ar.results[0].properties["header.d"] == "school.test")
    }

    // MARK: - DAP R-AGENT-3

    @Test("R-AGENT-3 a trusted server's DMARC pass for the From domain proves the sender's domain")
    func dmarcPass() throws {
        let ar = try #require(AuthenticationResults.parse(Self.openDMARC))
        #expect(ar.senderDomainPassed(fromDomain: "cloudwise.test", trustedAuthservIDs: trusted))
        #expect(ar.senderDomainPassed(fromDomain: "CloudWise.Test.", trustedAuthservIDs: ["MAIL.cloudwise.test"]))
        #expect(!ar.senderDomainPassed(fromDomain: "school.test", trustedAuthservIDs: trusted))
        #expect(!ar.senderDomainPassed(fromDomain: "", trustedAuthservIDs: trusted))
    }

    @Test("R-AGENT-3 a trusted server's DKIM pass aligned with the From domain, strict or relaxed")
    func dkimPass() throws {
        let ar = try #require(AuthenticationResults.parse(Self.openDKIM))
        #expect(ar.senderDomainPassed(fromDomain: "cloudwise.test", trustedAuthservIDs: trusted))
        #expect(ar.senderDomainPassed(fromDomain: "support.cloudwise.test", trustedAuthservIDs: trusted))
        #expect(!ar.senderDomainPassed(fromDomain: "evilcloudwise.test", trustedAuthservIDs: trusted))
        #expect(!ar.senderDomainPassed(fromDomain: "cloudwise.test.evil.test", trustedAuthservIDs: trusted))
        #expect(!ar.senderDomainPassed(fromDomain: "test", trustedAuthservIDs: trusted))
    }

    @Test("R-AGENT-3 Gmail's DKIM pass names the signer in header.i only")
    func gmailHeaderI() throws {
        let ar = try #require(
            AuthenticationResults.parse(
                "mx.google.com; dkim=pass header.i=@school.test header.s=google header.b=Kx8Yq+1a; spf=pass smtp.mailfrom=school.test"
            ))
        #expect(ar.senderDomainPassed(fromDomain: "school.test", trustedAuthservIDs: ["mx.google.com"]))
        #expect(!ar.senderDomainPassed(fromDomain: "cloudwise.test", trustedAuthservIDs: ["mx.google.com"]))
    }

    @Test("R-AGENT-3 forged: an untrusted authserv-id proves nothing")
    func untrusted() throws {
        let ar = try #require(AuthenticationResults.parse(Self.gmail))
        #expect(!ar.senderDomainPassed(fromDomain: "school.test", trustedAuthservIDs: trusted))
        #expect(!ar.senderDomainPassed(fromDomain: "school.test", trustedAuthservIDs: []))
        let spoofed = try #require(
            AuthenticationResults.parse(
                "mail.cloudwise.test.evil.test; dmarc=pass header.from=cloudwise.test"))
        #expect(!spoofed.senderDomainPassed(fromDomain: "cloudwise.test", trustedAuthservIDs: trusted))
    }

    @Test("R-AGENT-3 Microsoft 365's field has no authserv-id and is never trusted on its own")
    func microsoftNotTrusted() throws {
        let ar = try #require(AuthenticationResults.parse(Self.microsoft365))
        #expect(!ar.senderDomainPassed(fromDomain: "school.test", trustedAuthservIDs: trusted))
        #expect(!ar.senderDomainPassed(fromDomain: "school.test", trustedAuthservIDs: [""]))
    }

    @Test(
        "R-AGENT-3 forged: a pass for another domain, a failed check, or SPF alone prove nothing",
        arguments: [
            "mail.cloudwise.test; dkim=pass header.d=evil.test; dmarc=fail header.from=cloudwise.test",
            "mail.cloudwise.test; dmarc=pass header.from=evil.test",
            "mail.cloudwise.test; dkim=fail (bad signature) header.d=cloudwise.test; dmarc=fail header.from=cloudwise.test",
            "mail.cloudwise.test; spf=pass smtp.mailfrom=agent2@cloudwise.test",
            "mail.cloudwise.test; dmarc=pass",
            "mail.cloudwise.test; dkim=pass header.d=test",
            "mail.cloudwise.test; dkim=pass header.d=wise.test",
            "mail.cloudwise.test; dkim=pass header.d=sub.cloudwise.test",
            "mail.cloudwise.test; dkim=pass header.i=agent2@evil.test",
            "mail.cloudwise.test; dmarc=pass (header.from=cloudwise.test) header.from=evil.test",
            "mail.cloudwise.test; none",
        ])
    func forged(value: String) throws {
        let ar = try #require(AuthenticationResults.parse(value))
        #expect(!ar.senderDomainPassed(fromDomain: "cloudwise.test", trustedAuthservIDs: trusted))
    }

    @Test("R-AGENT-3 several fields: one trusted pass is enough, a trusted DMARC fail vetoes")
    func multipleFields() {
        let genuinePass =
            "mail.cloudwise.test; dkim=pass header.d=cloudwise.test; dmarc=pass header.from=cloudwise.test"
        let genuineFail = "mail.cloudwise.test; dkim=none; dmarc=fail header.from=cloudwise.test"
        let forgedPass = "mail.cloudwise.test; dmarc=pass header.from=cloudwise.test"
        let foreign = "mx.evil.test; dmarc=pass header.from=cloudwise.test"
        func passed(_ values: [String]) -> Bool {
            AuthenticationResults.senderDomainPassed(
                fieldValues: values, fromDomain: "cloudwise.test", trustedAuthservIDs: trusted)
        }
        #expect(passed([genuinePass]))
        #expect(passed([foreign, genuinePass]))
        #expect(!passed([genuineFail, forgedPass]))
        #expect(!passed([forgedPass, genuineFail]))
        #expect(!passed([foreign]))
        #expect(!passed([foreign, genuineFail]))
        #expect(!passed([]))
        #expect(!passed([Self.microsoft365, foreign]))
    }

    @Test("R-AGENT-3 Postfix with OpenDMARC and OpenDKIM: one field per milter, DMARC none, DKIM aligned")
    func oneFieldPerMilter() {
        let fields = [
            "mail.cloudwise.test; dmarc=none (p=none dis=none) header.from=cloudwise.test",
            Self.openDKIM,
            "mail.cloudwise.test; spf=pass smtp.mailfrom=cloudwise.test",
        ]
        #expect(
            AuthenticationResults.senderDomainPassed(
                fieldValues: fields, fromDomain: "cloudwise.test", trustedAuthservIDs: trusted))
    }

    @Test("R-AGENT-3 a DKIM pass does not outvote DMARC's strict-alignment fail in the same field")
    func strictAlignmentFail() throws {
        let ar = try #require(
            AuthenticationResults.parse(
                "mail.cloudwise.test; dkim=pass header.d=cloudwise.test; dmarc=fail (p=reject adkim=s) header.from=support.cloudwise.test"
            ))
        #expect(!ar.senderDomainPassed(fromDomain: "support.cloudwise.test", trustedAuthservIDs: trusted))
        #expect(ar.senderDomainPassed(fromDomain: "cloudwise.test", trustedAuthservIDs: trusted))
    }

    @Test("R-AGENT-3 read from a parsed message's header, in header order")
    func fromMessage() throws {
        let raw = """
            Authentication-Results: mail.cloudwise.test;\r
            \tdkim=pass header.d=cloudwise.test;\r
            \tdmarc=pass (p=reject dis=none) header.from=cloudwise.test\r
            Authentication-Results: mail.cloudwise.test; dmarc=fail header.from=school.test\r
            From: Agent Twee <agent2@cloudwise.test>\r
            To: info+cs0000123-4sumdwe3cz3gniag@cloudwise.test\r
            Subject: Re: [CS0000123] Printer\r
            \r
            status: opgelost\r

            """
        let message = try Message.parse(raw)
        #expect(message.header.values(.authenticationResults).count == 2)
        #expect(
            AuthenticationResults.senderDomainPassed(
                message.header, fromDomain: "cloudwise.test", trustedAuthservIDs: trusted))
        #expect(
            !AuthenticationResults.senderDomainPassed(
                message.header, fromDomain: "school.test", trustedAuthservIDs: trusted))
    }
}
