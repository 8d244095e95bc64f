import Foundation
import Mail

/// The tokens in the status address's detail (DAP R-OUT-1, R-OUT-2): `status+<kind>-<id>-<mac>@cloudwise.test`.
///
/// Like the per-case `ReplyToken` (DAP R-AGENT-3), the mac is the first 80 bits of an HMAC-SHA256 under the
/// gateway's secret, here over `"status-v1" NUL kind NUL id NUL lowercased-address`, as 16 base32 characters.
/// The address it is bound to differs per kind:
///
/// | kind | detail | bound to | proves |
/// |---|---|---|---|
/// | confirm | `sub-<request>-<mac>` | the subscriber's address; the reply must come **from** it | double opt-in: the mailbox owner asked for it (R-OUT-1) |
/// | unsubscribe | `unsub-<subscriber>-<mac>` | the subscriber's address; any sender | one mail unsubscribes (the `List-Unsubscribe` mailto, RFC 2369 §3.2) |
/// | approve | `ok-<notice message>-<mac>` | the agent's address; the reply must come from it | the agent's mailbox confirms a draft notice (R-OUT-2, as R-AGENT-3) |
/// | notice | `ntc-<notice>-<mac>` | the agent's address; the mail must come from it | the agent acts on that notice (update, resolved) |
///
/// An id alone is guessable; the mac is not, and it does not work for another id, another kind or another
/// address. Tokens do not expire: a confirmation is idempotent, and an unsubscribe link must keep working.
public enum StatusToken: Sendable, Hashable {
    case confirm(request: Int64)
    case unsubscribe(subscriber: Int64)
    case approve(noticeMessage: Int64)
    case notice(id: Int64)

    /// Characters in a mac.
    public static let macLength = 16

    var kind: String {
        switch self {
        case .confirm: "sub"
        case .unsubscribe: "unsub"
        case .approve: "ok"
        case .notice: "ntc"
        }
    }

    var id: Int64 {
        switch self {
        case .confirm(let id), .unsubscribe(let id), .approve(let id), .notice(let id): id
        }
    }

    /// The detail `<kind>-<id>-<mac>` for `address`.
    public func detail(boundTo address: String, secret: [UInt8]) -> String {
        "\(kind)-\(id)-\(mac(boundTo: address, secret: secret))"
    }

    /// `status+unsub-12-abcdefghijklmnop@cloudwise.test` for `status` = `status@cloudwise.test`.
    public func address(status: String, boundTo address: String, secret: [UInt8]) -> String {
        let detail = detail(boundTo: address, secret: secret)
        guard let at = status.lastIndex(of: "@") else { return status + "+" + detail }
        return String(status[..<at]) + "+" + detail + String(status[at...])
    }

    func mac(boundTo address: String, secret: [UInt8]) -> String {
        precondition(!secret.isEmpty, "DAP R-OUT-1: a status token needs a secret")
        var message = Array("status-v1".utf8)
        message.append(0)
        message += Array(kind.utf8)
        message.append(0)
        message += Array(String(id).utf8)
        message.append(0)
        message += Array(address.trimmedSpaces.lowercased().utf8)
        return ReplyToken.base32(HMAC.sha256(key: secret, message: message).prefix(Self.macLength * 5 / 8))
    }

    /// Whether `mac` is this token's mac for `address` (constant time).
    public func verify(mac: String, boundTo address: String, secret: [UInt8]) -> Bool {
        guard !secret.isEmpty, mac.utf8.count == Self.macLength else { return false }
        return HMAC.constantTimeEquals(Array(self.mac(boundTo: address, secret: secret).utf8), Array(mac.lowercased().utf8))
    }

    /// The token a recipient address claims, when it is the status address with a token detail: the token
    /// and its mac, not yet verified (the caller knows which address it must be bound to). nil for the plain
    /// status address, another address, or a detail that is not a token.
    public static func claim(recipientAddress: String, statusAddress: String) -> (token: StatusToken, mac: String)? {
        let address = recipientAddress.lowercased()
        let status = statusAddress.lowercased()
        guard let at = address.lastIndex(of: "@"), let statusAt = status.lastIndex(of: "@"),
              address[at...] == status[statusAt...] else { return nil }
        let local = address[..<at]
        let statusLocal = status[..<statusAt]
        guard local.hasPrefix(statusLocal + "+") else { return nil }
        let parts = local.dropFirst(statusLocal.count + 1).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[2].utf8.count == macLength, let id = Int64(parts[1]), id > 0 else { return nil }
        let token: StatusToken
        switch parts[0] {
        case "sub": token = .confirm(request: id)
        case "unsub": token = .unsubscribe(subscriber: id)
        case "ok": token = .approve(noticeMessage: id)
        case "ntc": token = .notice(id: id)
        default: return nil
        }
        return (token, String(parts[2]))
    }

    /// Whether `recipientAddress` is the status address itself or carries a detail (`status+…@`).
    public static func isStatusAddress(_ recipientAddress: String, statusAddress: String) -> Bool {
        let address = recipientAddress.lowercased()
        let status = statusAddress.lowercased()
        if address == status { return true }
        guard let at = address.lastIndex(of: "@"), let statusAt = status.lastIndex(of: "@"),
              address[at...] == status[statusAt...] else { return false }
        return address[..<at].hasPrefix(status[..<statusAt] + "+")
    }
}
