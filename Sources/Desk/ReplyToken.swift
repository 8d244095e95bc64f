import Foundation
import Mail

/// The per-case reply token (DAP R-AGENT-3): proof that a reply comes from someone the desk wrote to about
/// this case.
///
/// Mail the desk sends about a case to an agent carries a Reply-To in plus-addressing form,
/// `info+cs0000123-<token>@cloudwise.test`. The token is an HMAC over the case number and the recipient's
/// address under the gateway's secret, so it cannot be guessed, does not work for another case, and does not
/// work for a sender other than the address it was made for (a forwarded mail or a leaked address does not
/// let someone else act as the agent). The sender must still be a registered agent; the token only proves
/// that the mail came back from the address it was sent to.
///
/// The token is 16 lowercase base32 characters (RFC 4648 §6 alphabet): the first 80 bits of
/// HMAC-SHA256(secret, "v1" NUL case-number NUL lowercased-recipient). The `v1` names the scheme so a later
/// one can sit beside it.
public enum ReplyToken {
    /// Characters in a token.
    public static let length = 16

    /// A secret shorter than this is accepted but weak; the gateway should generate 32 random bytes.
    public static let recommendedSecretLength = 32

    /// The token for mail about `caseNumber` sent to `recipient`.
    /// - Parameters:
    ///   - recipient: the address the mail goes to; compared case-insensitively (`Jan@School.test` and
    ///     `jan@school.test` get the same token). A display name (`Jan <jan@school.test>`) is ignored.
    ///   - secret: the gateway's key. Must not be empty (a programmer error: the configuration check
    ///     should refuse to start without one).
    public static func make(caseNumber: CaseNumber, recipient: String, secret: [UInt8]) -> String {
        precondition(!secret.isEmpty, "DAP R-AGENT-3: a reply token needs a secret")
        return token(caseNumber: caseNumber, address: normalised(recipient), secret: secret)
    }

    /// The desk's reply address for this case and recipient: `desk`'s local part + `+` + the lowercased
    /// case number + `-` + the token, at `desk`'s domain:
    /// `address(desk: "info@cloudwise.test", …)` → `info+cs0000123-abcdefghijklmnop@cloudwise.test`.
    /// The desk's mail server must deliver `info+…` to `info` (Postfix `recipient_delimiter = +`).
    public static func address(desk: String, caseNumber: CaseNumber, recipient: String, secret: [UInt8]) -> String {
        let deskAddress = bareAddress(desk)
        let detail =
            caseNumber.description.lowercased() + "-"
            + make(caseNumber: caseNumber, recipient: recipient, secret: secret)
        guard let at = deskAddress.lastIndex(of: "@") else { return deskAddress + "+" + detail }
        return String(deskAddress[..<at]) + "+" + detail + String(deskAddress[at...])
    }

    /// The case a reply is about, when `recipientAddress` carries a reply token made for `sender`; nil when
    /// the address has no token, is malformed, or its token was made for another sender or another case.
    /// Case-insensitive throughout; the token is compared in constant time.
    /// - Parameters:
    ///   - recipientAddress: one address the mail was sent to (To, Cc, Delivered-To); a display name is
    ///     ignored.
    ///   - sender: the From address of the reply.
    public static func verify(recipientAddress: String, sender: String, secret: [UInt8]) -> CaseNumber? {
        guard !secret.isEmpty else { return nil }
        let address = normalised(recipientAddress)
        guard let at = address.lastIndex(of: "@") else { return nil }
        let local = address[..<at]
        guard let plus = local.lastIndex(of: "+") else { return nil }
        let detail = local[local.index(after: plus)...]
        // "cs" + 7 digits + "-" + token
        let parts = detail.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].utf8.count == length, let caseNumber = CaseNumber(String(parts[0])) else {
            return nil
        }
        let senderAddress = normalised(sender)
        guard senderAddress.contains("@") else { return nil }
        let expected = token(caseNumber: caseNumber, address: senderAddress, secret: secret)
        guard HMAC.constantTimeEquals(Array(expected.utf8), Array(parts[1].utf8)) else { return nil }
        return caseNumber
    }

    // MARK: - Internals

    private static func token(caseNumber: CaseNumber, address: String, secret: [UInt8]) -> String {
        var message = Array("v1".utf8)
        message.append(0)
        message += Array(caseNumber.description.utf8)
        message.append(0)
        message += Array(address.utf8)
        let mac = HMAC.sha256(key: secret, message: message)
        return base32(mac.prefix(length * 5 / 8))
    }

    /// RFC 4648 §6 base32, lowercase, without padding (`bytes.count * 8` must be a multiple of 5, as it is
    /// for the 10 bytes used here).
    static func base32(_ bytes: some Collection<UInt8>) -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz234567".utf8)
        var out = [UInt8]()
        var buffer: UInt32 = 0
        var bits = 0
        for byte in bytes {
            buffer = (buffer << 8) | UInt32(byte)
            bits += 8
            while bits >= 5 {
                bits -= 5
                out.append(alphabet[Int((buffer >> UInt32(bits)) & 0x1F)])
            }
        }
        if bits > 0 { out.append(alphabet[Int((buffer << UInt32(5 - bits)) & 0x1F)]) }
        return String(decoding: out, as: UTF8.self)
    }

    /// The addr-spec of `text`, lowercased, with any display name, angle brackets and white space removed.
    private static func normalised(_ text: String) -> String {
        bareAddress(text).lowercased()
    }

    private static func bareAddress(_ text: String) -> String {
        let trimmed = text.trimmedWhitespace
        if trimmed.contains("<"), let parsed = Address.parse(trimmed) { return parsed.address }
        return trimmed
    }
}
