import Foundation

/// An `Authentication-Results` header field: what the receiving mail server found when it checked SPF, DKIM
/// and DMARC (RFC 8601). The desk uses it as one of the proofs that a reply comes from an agent (DAP
/// R-AGENT-3).
///
/// ```
/// authres-header-field = "Authentication-Results:" authres-payload      ; RFC 8601 §2.2
/// authres-payload = [CFWS] authserv-id
///                   [ CFWS authres-version ]
///                   ( no-result / 1*resinfo ) [CFWS] CRLF
/// authserv-id = value
/// authres-version = 1*DIGIT [CFWS]
/// no-result = [CFWS] ";" [CFWS] "none"
/// resinfo = [CFWS] ";" methodspec [ CFWS reasonspec ] [ CFWS 1*propspec ]
/// methodspec = [CFWS] method [CFWS] "=" [CFWS] result
/// reasonspec = "reason" [CFWS] "=" [CFWS] value
/// propspec = ptype [CFWS] "." [CFWS] property [CFWS] "=" pvalue
/// method = Keyword [ [CFWS] "/" [CFWS] method-version ]
/// result = Keyword
/// ptype = Keyword
/// property = special-smtp-verb / Keyword
/// pvalue = [CFWS] ( value / [ [ local-part ] "@" ] domain-name ) [CFWS]
/// ```
/// The parser is lenient, as receivers write what they like: comments (nested, with quoted pairs) are
/// skipped wherever they stand, quoted strings are unquoted, `key=value` pairs without a `ptype.` (Microsoft's
/// `action=none`, `compauth=pass`) are kept as properties, and a field without an authserv-id (Exchange
/// Online writes `spf=pass …; dkim=pass …` straight away) is read with `authservID == nil`. A resinfo that
/// cannot be read is skipped up to the next `;`.
///
/// Trust: anyone can write this field into a mail. Only a field whose authserv-id is one of the receiving
/// server's own, and which that server strips from incoming mail (RFC 8601 §5), says anything;
/// `senderDomainPassed` checks that and the domain alignment.
///
/// - SeeAlso: https://www.rfc-editor.org/rfc/rfc8601#section-2.2
public struct AuthenticationResults: Sendable, Hashable {
    /// The server that did the checks (`mx.google.com`, `mail.cloudwise.test`); nil when the field has none.
    public var authservID: String?
    /// `authres-version`, when written (`1`).
    public var version: Int?
    /// The results, in order. Empty for `; none`.
    public var results: [MethodResult]

    public init(authservID: String?, version: Int? = nil, results: [MethodResult]) {
        self.authservID = authservID
        self.version = version
        self.results = results
    }

    /// One `method=result` with its properties (RFC 8601 §2.2 `resinfo`).
    public struct MethodResult: Sendable, Hashable {
        /// `spf`, `dkim`, `dmarc`, `arc`, `auth`, … lowercased.
        public var method: String
        /// `pass`, `fail`, `none`, `neutral`, `policy`, `temperror`, `permerror`, … lowercased.
        public var result: String
        /// `reason=` when written, unquoted.
        public var reason: String?
        /// `header.from`, `header.d`, `header.i`, `smtp.mailfrom`, … (keys lowercased) → the value as written,
        /// unquoted. When a key is repeated, the first value is kept.
        public var properties: [String: String]

        public init(method: String, result: String, reason: String? = nil, properties: [String: String] = [:]) {
            self.method = method
            self.result = result
            self.reason = reason
            self.properties = properties
        }
    }

    // MARK: - Parsing

    /// Parses the value of one `Authentication-Results` field (unfolded or not); nil when it holds neither an
    /// authserv-id nor any result.
    public static func parse(_ value: String) -> AuthenticationResults? {
        var scanner = AuthResScanner(Array(value.utf8))
        scanner.skipCFWS()
        var authservID: String?
        var version: Int?
        let start = scanner.position
        // RFC 8601 §2.2 authserv-id = value (RFC 2045 token / quoted-string)
        if let id = scanner.value(), !id.isEmpty {
            if scanner.peek == UInt8(ascii: "=") || id.contains("=") {
                // No authserv-id: the field starts with `method=result` (Exchange Online).
                scanner.position = start
            } else {
                authservID = id
                scanner.skipCFWS()
                // RFC 8601 §2.2 authres-version = 1*DIGIT [CFWS]
                if let v = scanner.version() {
                    version = v
                    scanner.skipCFWS()
                }
            }
        }
        var results: [MethodResult] = []
        var first = authservID == nil
        while true {
            scanner.skipCFWS()
            if scanner.atEnd { break }
            if scanner.peek == UInt8(ascii: ";") {
                scanner.advance()
            } else if !first {
                // Stray text: skip to the next resinfo.
                scanner.skip(to: UInt8(ascii: ";"))
                continue
            }
            first = false
            if let result = resinfo(&scanner) { results.append(result) } else { scanner.skip(to: UInt8(ascii: ";")) }
        }
        // RFC 8601 §2.2 no-result: `; none` is no result at all.
        results.removeAll { $0.method == "none" && $0.result.isEmpty }
        guard authservID != nil || !results.isEmpty else { return nil }
        return AuthenticationResults(authservID: authservID, version: version, results: results)
    }

    /// RFC 8601 §2.2 resinfo, after its `;`.
    private static func resinfo(_ scanner: inout AuthResScanner) -> MethodResult? {
        scanner.skipCFWS()
        guard let method = scanner.keyword() else { return nil }
        scanner.skipCFWS()
        // method-version: `dkim/1=pass`.
        if scanner.peek == UInt8(ascii: "/") {
            scanner.advance()
            scanner.skipCFWS()
            _ = scanner.digits()
            scanner.skipCFWS()
        }
        guard scanner.peek == UInt8(ascii: "=") else {
            // `none` (no-result) or garbage.
            return method.lowercased() == "none" ? MethodResult(method: "none", result: "") : nil
        }
        scanner.advance()
        scanner.skipCFWS()
        guard let result = scanner.keyword() else { return nil }
        var out = MethodResult(method: method.lowercased(), result: result.lowercased())
        while true {
            scanner.skipCFWS()
            if scanner.atEnd || scanner.peek == UInt8(ascii: ";") { break }
            // propspec / reasonspec: ptype "." property "=" pvalue, or a bare key=value.
            guard let key = scanner.propertyName() else {
                scanner.skip(to: UInt8(ascii: ";"))
                break
            }
            scanner.skipCFWS()
            guard scanner.peek == UInt8(ascii: "=") else { continue }
            scanner.advance()
            scanner.skipCFWS()
            let value = scanner.value() ?? ""
            let lower = key.lowercased()
            if lower == "reason" {
                if out.reason == nil { out.reason = value }
            } else if out.properties[lower] == nil {
                out.properties[lower] = value
            }
        }
        return out
    }

    // MARK: - DAP R-AGENT-3

    /// Whether this field, written by a trusted server, shows that the mail really comes from `fromDomain`
    /// (the domain of the From address):
    /// - the authserv-id is one of `trustedAuthservIDs` (case-insensitive), and
    /// - `dmarc=pass` with `header.from` equal to `fromDomain`, or
    /// - `dkim=pass` with `header.d` (else the domain of `header.i`) equal to `fromDomain` or a parent domain of
    ///   it (relaxed alignment, RFC 7489 §3.1.1; a single label such as `nl` never counts),
    /// - and no `dmarc=fail` for `fromDomain` in the same field (the domain asked for strict alignment, or the
    ///   DKIM pass is for another signature than the one DMARC looked at).
    ///
    /// `todo spec:` relaxed alignment compares organisational domains, which needs the Public Suffix List;
    /// "a parent domain with a dot" is stricter for the desk's own domains and only too lenient for signing
    /// domains such as `co.uk`.
    public func senderDomainPassed(fromDomain: String, trustedAuthservIDs: Set<String>) -> Bool {
        guard let authservID, Self.trusted(authservID, trustedAuthservIDs) else { return false }
        let from = Self.domain(fromDomain)
        guard !from.isEmpty, !dmarcFailed(from: from) else { return false }
        for r in results where r.result == "pass" {
            switch r.method {
            case "dmarc":
                if let headerFrom = r.properties["header.from"], Self.domain(headerFrom) == from { return true }
            case "dkim":
                var signer = r.properties["header.d"].map(Self.domain)
                if signer == nil, let auid = r.properties["header.i"], let at = auid.lastIndex(of: "@") {
                    signer = Self.domain(String(auid[auid.index(after: at)...]))
                }
                if let signer, Self.aligned(signer: signer, from: from) { return true }
            default:
                continue
            }
        }
        return false
    }

    /// DAP R-AGENT-3 for a whole header: the `Authentication-Results` fields in any order.
    ///
    /// One trusted field that passes is enough, as one server may write several (Postfix with OpenDKIM and
    /// OpenDMARC adds one per milter); but a `dmarc=fail` for the From domain in any trusted field vetoes, so
    /// a forged pass further down cannot outvote the server's own verdict. The rest rests on RFC 8601 §5: the
    /// trusted server must remove fields that claim its authserv-id from mail it receives (OpenDKIM does by
    /// default; check the others), because a forged field it lets through is indistinguishable from its own.
    public static func senderDomainPassed(
        fieldValues: [String], fromDomain: String, trustedAuthservIDs: Set<String>
    ) -> Bool {
        let from = domain(fromDomain)
        let fields = fieldValues.compactMap(parse).filter { field in
            field.authservID.map { trusted($0, trustedAuthservIDs) } ?? false
        }
        guard !fields.contains(where: { $0.dmarcFailed(from: from) }) else { return false }
        return fields.contains { $0.senderDomainPassed(fromDomain: from, trustedAuthservIDs: trustedAuthservIDs) }
    }

    /// A `dmarc=fail` for this From domain (or for no stated domain).
    private func dmarcFailed(from: String) -> Bool {
        results.contains { r in
            r.method == "dmarc" && r.result == "fail" && (r.properties["header.from"].map(Self.domain) ?? from) == from
        }
    }

    /// The same, for a parsed header.
    public static func senderDomainPassed(
        _ header: HeaderFields, fromDomain: String, trustedAuthservIDs: Set<String>
    ) -> Bool {
        senderDomainPassed(
            fieldValues: header.values(.authenticationResults), fromDomain: fromDomain,
            trustedAuthservIDs: trustedAuthservIDs)
    }

    private static func trusted(_ id: String, _ trustedIDs: Set<String>) -> Bool {
        let key = domain(id)
        return trustedIDs.contains { domain($0) == key }
    }

    /// Lowercased, white space and one trailing dot removed.
    private static func domain(_ text: String) -> String {
        var d = text.trimmingCharacters(in: .whitespaces).lowercased()
        if d.hasSuffix(".") { d.removeLast() }
        return d
    }

    /// RFC 7489 §3.1.1 (relaxed): the signer is the From domain or one of its parents with at least two labels.
    private static func aligned(signer: String, from: String) -> Bool {
        guard !signer.isEmpty, signer.contains("."), !signer.hasPrefix(".") else { return false }
        return from == signer || from.hasSuffix("." + signer)
    }
}

extension HeaderFieldName {
    /// RFC 8601 §2.2.
    public static let authenticationResults: HeaderFieldName = "Authentication-Results"
}

// MARK: - Scanning

/// A cursor over the field's bytes with the RFC 5322 §3.2.2 CFWS and RFC 2045 §5.1 value rules.
private struct AuthResScanner {
    let bytes: [UInt8]
    var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { position >= bytes.count }
    var peek: UInt8? { position < bytes.count ? bytes[position] : nil }

    mutating func advance() { position += 1 }

    /// RFC 5322 §3.2.2 CFWS: white space (CR and LF of a folded line included) and comments, which nest and
    /// may hold quoted pairs. An unclosed comment runs to the end.
    mutating func skipCFWS() {
        while position < bytes.count {
            let b = bytes[position]
            if ASCII.isWhitespace(b) {
                position += 1
            } else if b == UInt8(ascii: "(") {
                var depth = 0
                while position < bytes.count {
                    let c = bytes[position]
                    if c == ASCII.backslash {
                        position += 2
                        continue
                    }
                    if c == UInt8(ascii: "(") { depth += 1 }
                    if c == UInt8(ascii: ")") {
                        depth -= 1
                        if depth == 0 {
                            position += 1
                            break
                        }
                    }
                    position += 1
                }
                position = min(position, bytes.count)
            } else {
                return
            }
        }
    }

    /// Skips to the next `b` outside comments and quoted strings (the `;` after a broken resinfo).
    mutating func skip(to b: UInt8) {
        while position < bytes.count, bytes[position] != b {
            if bytes[position] == UInt8(ascii: "(") {
                skipCFWS()
            } else if bytes[position] == ASCII.quote {
                _ = quotedString()
            } else {
                position += 1
            }
        }
    }

    /// RFC 5321 §4.1.2 Keyword = Let-dig [Ldh-str] (with `_` and `.` tolerated).
    mutating func keyword() -> String? {
        let start = position
        while position < bytes.count {
            let b = bytes[position]
            guard ASCII.isAlnum(b) || b == ASCII.hyphen || b == UInt8(ascii: "_") || b == UInt8(ascii: ".") else {
                break
            }
            position += 1
        }
        return position > start ? String(decoding: bytes[start..<position], as: UTF8.self) : nil
    }

    /// `ptype [CFWS] "." [CFWS] property`, or a bare keyword.
    mutating func propertyName() -> String? {
        guard let ptype = keyword() else { return nil }
        if ptype.contains(".") { return ptype }
        let save = position
        skipCFWS()
        guard peek == UInt8(ascii: ".") else {
            position = save
            return ptype
        }
        advance()
        skipCFWS()
        guard let property = keyword() else {
            position = save
            return ptype
        }
        return ptype + "." + property
    }

    mutating func digits() -> String? {
        let start = position
        while position < bytes.count, ASCII.isDigit(bytes[position]) { position += 1 }
        return position > start ? String(decoding: bytes[start..<position], as: UTF8.self) : nil
    }

    /// RFC 8601 §2.2 authres-version: digits that stand alone (`1;`, `1 (…)`), not the start of a resinfo.
    mutating func version() -> Int? {
        let start = position
        guard let d = digits(), d.count <= 9 else {
            position = start
            return nil
        }
        if let b = peek, !ASCII.isWhitespace(b), b != UInt8(ascii: ";"), b != UInt8(ascii: "(") {
            position = start
            return nil
        }
        return Int(d)
    }

    /// RFC 2045 §5.1 value = token / quoted-string; a token here runs to white space, `;` or `(` so that
    /// `local-part@domain` and base64 fragments (`header.b=ab+/cd=`) stay whole.
    mutating func value() -> String? {
        if peek == ASCII.quote { return quotedString() }
        let start = position
        while position < bytes.count {
            let b = bytes[position]
            if ASCII.isWhitespace(b) || b == UInt8(ascii: ";") || b == UInt8(ascii: "(") { break }
            position += 1
        }
        return position > start ? String(decoding: bytes[start..<position], as: UTF8.self) : nil
    }

    /// RFC 5322 §3.2.4 quoted-string, unquoted; an unclosed one runs to the end.
    mutating func quotedString() -> String {
        position += 1
        var out: [UInt8] = []
        while position < bytes.count {
            let b = bytes[position]
            if b == ASCII.backslash, position + 1 < bytes.count {
                out.append(bytes[position + 1])
                position += 2
                continue
            }
            position += 1
            if b == ASCII.quote { break }
            out.append(b)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
