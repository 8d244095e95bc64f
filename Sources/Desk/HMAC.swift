import Mail

/// HMAC (RFC 2104) over SHA-256, for the per-case reply tokens (DAP R-AGENT-3). Foundation on Linux has no
/// CryptoKit, so it is built on `Mail`'s `SHA256`.
///
/// ```
/// HMAC(K, text) = H(K XOR opad, H(K XOR ipad, text))      ; RFC 2104 §2
/// ipad = the byte 0x36 repeated B times, opad = 0x5C repeated B times, B = 64 for SHA-256
/// ```
/// A key longer than B bytes is hashed first; a shorter key is padded with zeros to B bytes.
///
/// - SeeAlso: https://www.rfc-editor.org/rfc/rfc2104#section-2
/// - SeeAlso: https://www.rfc-editor.org/rfc/rfc4231 (the test vectors)
public enum HMAC {
    /// SHA-256's block size in bytes (B in RFC 2104 §2).
    private static let blockSize = 64

    /// The 32-byte HMAC-SHA256 of `message` under `key`.
    public static func sha256(key: some Collection<UInt8>, message: some Collection<UInt8>) -> [UInt8] {
        // RFC 2104 §2: "Applications that use keys longer than B bytes will first hash the key using H".
        var block = key.count > blockSize ? SHA256.hash(key) : Array(key)
        block += [UInt8](repeating: 0, count: blockSize - block.count)

        var inner = SHA256()
        inner.update(block.map { $0 ^ 0x36 })
        inner.update(message)
        let innerDigest = inner.finalize()

        var outer = SHA256()
        outer.update(block.map { $0 ^ 0x5C })
        outer.update(innerDigest)
        return outer.finalize()
    }

    /// Whether `a` and `b` are equal, in time that depends only on their lengths (not on where they differ),
    /// so a forger cannot learn a token byte by byte from response times.
    public static func constantTimeEquals(_ a: some Collection<UInt8>, _ b: some Collection<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for (x, y) in zip(a, b) { difference |= x ^ y }
        return difference == 0
    }
}
