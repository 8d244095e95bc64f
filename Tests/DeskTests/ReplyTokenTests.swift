import Desk
import Foundation
import Testing

@Suite("Reply tokens and HMAC-SHA256")
struct ReplyTokenTests {
    let secret = Array("desk-secret-for-tests-0123456789".utf8)
    let agent = "agent2@cloudwise.test"
    let caseNumber = CaseNumber(123)

    private static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef")
        return String(bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0x0F)]] })
    }

    // MARK: - HMAC (RFC 2104), RFC 4231 test vectors

    @Test(
        "R-AGENT-3 HMAC-SHA256 matches RFC 4231 test cases 1-4, 6 and 7",
        arguments: [
            // 1
            (
                [UInt8](repeating: 0x0B, count: 20), Array("Hi There".utf8),
                "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"
            ),
            // 2: a key shorter than the output
            (
                Array("Jefe".utf8), Array("what do ya want for nothing?".utf8),
                "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
            ),
            // 3
            (
                [UInt8](repeating: 0xAA, count: 20), [UInt8](repeating: 0xDD, count: 50),
                "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"
            ),
            // 4
            (
                Array(1...25), [UInt8](repeating: 0xCD, count: 50),
                "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"
            ),
            // 6: a key larger than the block size is hashed first
            (
                [UInt8](repeating: 0xAA, count: 131),
                Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
                "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"
            ),
            // 7: key and data larger than the block size
            (
                [UInt8](repeating: 0xAA, count: 131),
                Array(
                    ("This is a test using a larger than block-size key and a larger than block-size data. The key needs to "
                        + "be hashed before being used by the HMAC algorithm.").utf8),
                "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"
            ),
        ] as [([UInt8], [UInt8], String)])
    func rfc4231(key: [UInt8], data: [UInt8], expected: String) {
        #expect(Self.hex(HMAC.sha256(key: key, message: data)) == expected)
    }

    @Test("R-AGENT-3 constant-time comparison")
    func constantTime() {
        #expect(HMAC.constantTimeEquals([1, 2, 3], [1, 2, 3]))
        #expect(!HMAC.constantTimeEquals([1, 2, 3], [1, 2, 4]))
        #expect(!HMAC.constantTimeEquals([1, 2, 3], [1, 2]))
        #expect(HMAC.constantTimeEquals([UInt8](), []))
    }

    // MARK: - Tokens (DAP R-AGENT-3)

    @Test("R-AGENT-3 the token is 16 lowercase base32 characters of HMAC-SHA256 over v1, case and recipient")
    func format() {
        let token = ReplyToken.make(caseNumber: caseNumber, recipient: agent, secret: secret)
        // Computed independently: base32(HMAC-SHA256(secret, "v1\0CS0000123\0agent2@cloudwise.test")[0..<10]).
        #expect(token == "4sumdwe3cz3gniag")
        #expect(token.count == ReplyToken.length)
        #expect(ReplyToken.make(caseNumber: caseNumber, recipient: "Agent2@Cloudwise.TEST", secret: secret) == token)
        #expect(
            ReplyToken.make(caseNumber: caseNumber, recipient: "Piet <agent2@cloudwise.test>", secret: secret) == token)
    }

    @Test("R-AGENT-3 the reply address uses plus-addressing on the desk's address")
    func address() {
        let address = ReplyToken.address(
            desk: "info@cloudwise.test", caseNumber: caseNumber, recipient: agent, secret: secret)
        #expect(address == "info+cs0000123-4sumdwe3cz3gniag@cloudwise.test")
        let named = ReplyToken.address(
            desk: "Servicedesk <info@cloudwise.test>", caseNumber: caseNumber, recipient: agent, secret: secret)
        #expect(named == address)
    }

    @Test("R-AGENT-3 a token round-trips for the agent it was made for")
    func roundTrip() {
        for n in [1, 123, 9_999_999] {
            let number = CaseNumber(n)
            let address = ReplyToken.address(
                desk: "info@cloudwise.test", caseNumber: number, recipient: agent, secret: secret)
            #expect(ReplyToken.verify(recipientAddress: address, sender: agent, secret: secret) == number)
            #expect(
                ReplyToken.verify(
                    recipientAddress: address, sender: "Agent Twee <agent2@cloudwise.test>", secret: secret) == number)
        }
    }

    @Test("R-AGENT-3 an upper-case address verifies")
    func upperCase() {
        let address = ReplyToken.address(
            desk: "info@cloudwise.test", caseNumber: caseNumber, recipient: agent, secret: secret)
        #expect(
            ReplyToken.verify(recipientAddress: address.uppercased(), sender: agent.uppercased(), secret: secret)
                == caseNumber)
        #expect(
            ReplyToken.verify(recipientAddress: "<\(address.uppercased())>", sender: agent, secret: secret)
                == caseNumber)
    }

    @Test("R-AGENT-3 another sender cannot use the token")
    func wrongSender() {
        let address = ReplyToken.address(
            desk: "info@cloudwise.test", caseNumber: caseNumber, recipient: agent, secret: secret)
        #expect(ReplyToken.verify(recipientAddress: address, sender: "agent3@cloudwise.test", secret: secret) == nil)
        #expect(
            ReplyToken.verify(recipientAddress: address, sender: "agent2@cloudwise.test.evil.test", secret: secret)
                == nil)
        #expect(ReplyToken.verify(recipientAddress: address, sender: "", secret: secret) == nil)
    }

    @Test("R-AGENT-3 a tampered token, another case number or another secret does not verify")
    func tampered() {
        let address = ReplyToken.address(
            desk: "info@cloudwise.test", caseNumber: caseNumber, recipient: agent, secret: secret)
        // One character of the token changed.
        let tampered = address.replacingOccurrences(of: "-4sumd", with: "-5sumd")
        #expect(ReplyToken.verify(recipientAddress: tampered, sender: agent, secret: secret) == nil)
        // The token moved to another case.
        let otherCase = address.replacingOccurrences(of: "cs0000123", with: "cs0000124")
        #expect(ReplyToken.verify(recipientAddress: otherCase, sender: agent, secret: secret) == nil)
        // Another gateway's secret.
        #expect(ReplyToken.verify(recipientAddress: address, sender: agent, secret: Array("other".utf8)) == nil)
        #expect(ReplyToken.verify(recipientAddress: address, sender: agent, secret: []) == nil)
    }

    @Test(
        "R-AGENT-3 an address without a well-formed token is nil",
        arguments: [
            "info@cloudwise.test", "info+cs0000123@cloudwise.test", "info+cs0000123-@cloudwise.test",
            "info+cs0000123-4sumdwe3cz3gnia@cloudwise.test", "info+cs0000123-4sumdwe3cz3gniagg@cloudwise.test",
            "info+cs000012-4sumdwe3cz3gniag@cloudwise.test", "info+xx0000123-4sumdwe3cz3gniag@cloudwise.test",
            "info+cs0000123-4sumdwe3cz3gniag", "info+cs0000123-4sumdwe3cz3gniag-x@cloudwise.test", "", "@", "+@",
            "info+cs0000000-4sumdwe3cz3gniag@cloudwise.test", "info+cs0000123-4sumdwé3cz3gnia@cloudwise.test",
        ])
    func malformed(address: String) {
        #expect(ReplyToken.verify(recipientAddress: address, sender: agent, secret: secret) == nil)
    }

    @Test("R-AGENT-3 a desk address that has a plus detail of its own still works")
    func deskWithDetail() {
        let address = ReplyToken.address(
            desk: "info+desk@cloudwise.test", caseNumber: caseNumber, recipient: agent, secret: secret)
        #expect(address == "info+desk+cs0000123-4sumdwe3cz3gniag@cloudwise.test")
        #expect(ReplyToken.verify(recipientAddress: address, sender: agent, secret: secret) == caseNumber)
    }
}
