/// The address-list parser: a tokenizer over the unfolded field value and a tolerant reading of the tokens.
///
/// ```
/// address-list = (address *("," address)) / obs-addr-list    ; RFC 5322 §3.4
/// group-list = mailbox-list / CFWS / obs-group-list
/// obs-angle-addr = [CFWS] "<" obs-route addr-spec ">" [CFWS] ; RFC 5322 §4.4
/// obs-route = obs-domain-list ":"
/// obs-local-part = word *("." word)
/// ```
/// Accepted beyond the grammar, each with ``MailDefect/malformedAddress(field:)``: a missing `>`, a
/// missing angle bracket around an address that follows a name (`Jan jan@x.nl`), trailing junk, a local
/// part without a domain (`MAILER-DAEMON`), an unterminated quoted string (read as if the quote were absent). The old convention `jan@x.nl (Jan de Vries)` gives the comment as
/// the name. Tokens are ranges of the value's bytes; text is only built for the finished mailboxes.
enum AddressList {
    struct Token: Equatable {
        enum Kind: Equatable { case word, quoted, comment, special, domainLiteral }
        var kind: Kind
        /// The token's bytes; for quoted strings and comments the content between the delimiters.
        var range: Range<Int>
        /// Content with quoted-pairs that must be unescaped.
        var escaped = false
        var spaceBefore = false
        /// The byte of a special, 0 otherwise.
        var special: UInt8 = 0

        var isWord: Bool { kind == .word || kind == .quoted }
        func isSpecial(_ b: UInt8) -> Bool { kind == .special && special == b }
    }

    /// RFC 5322 §3.2.3 specials that structure an address; "." and "\" are kept inside words.
    @inline(__always) static func isSpecial(_ b: UInt8) -> Bool {
        b == 60 || b == 62 || b == 44 || b == 58 || b == 59 || b == 64
    }

    /// The token's text: quoted-pairs undone, white space dropped from domain literals.
    static func text(_ t: Token, _ bytes: [UInt8]) -> ArraySlice<UInt8> {
        if t.kind == .domainLiteral {
            var out: [UInt8] = []
            for b in bytes[t.range] where !ASCII.isWhitespace(b) { out.append(b) }
            if out.last != 93 { out.append(93) }
            return out[...]
        }
        guard t.escaped else { return bytes[t.range] }
        var out: [UInt8] = []
        out.reserveCapacity(t.range.count)
        var i = t.range.lowerBound
        while i < t.range.upperBound {
            if bytes[i] == ASCII.backslash, i + 1 < t.range.upperBound {
                out.append(bytes[i + 1])
                i += 2
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return out[...]
    }

    static func tokenize(_ bytes: [UInt8], broken: inout Bool) -> [Token] {
        var tokens: [Token] = []
        var i = 0
        let n = bytes.count
        var space = false
        while i < n {
            let b = bytes[i]
            if ASCII.isWhitespace(b) {
                space = true
                i += 1
            } else if b == 40 {
                // RFC 5322 §3.2.2 comment, nested, with quoted-pairs.
                var depth = 0
                var escaped = false
                let start = i + 1
                var end = n
                while i < n {
                    let c = bytes[i]
                    if c == ASCII.backslash {
                        escaped = true
                        i += 2
                        continue
                    }
                    if c == 40 {
                        depth += 1
                    } else if c == 41 {
                        depth -= 1
                        if depth == 0 {
                            end = i
                            i += 1
                            break
                        }
                    }
                    i += 1
                }
                if end == n {
                    broken = true
                    i = n
                }
                tokens.append(Token(kind: .comment, range: start..<max(start, min(end, n)), escaped: escaped))
                space = true
            } else if b == ASCII.quote {
                // RFC 5322 §3.2.4 quoted-string.
                i += 1
                let start = i
                var escaped = false
                var end = n
                while i < n {
                    let c = bytes[i]
                    if c == ASCII.backslash {
                        escaped = true
                        i += 2
                        continue
                    }
                    if c == ASCII.quote {
                        end = i
                        i += 1
                        break
                    }
                    i += 1
                }
                if end == n {
                    // An unterminated quote ("Jan de Vries <jan@x.nl>) would swallow the address: read on as if
                    // the quote were not there.
                    broken = true
                    i = start
                    continue
                }
                tokens.append(Token(kind: .quoted, range: start..<end, escaped: escaped, spaceBefore: space))
                space = false
            } else if b == 91 {
                // RFC 5322 §3.4.1 domain-literal.
                let start = i
                i += 1
                while i < n, bytes[i] != 93 { i += 1 }
                if i < n { i += 1 } else { broken = true }
                tokens.append(Token(kind: .domainLiteral, range: start..<i, spaceBefore: space))
                space = false
            } else if isSpecial(b) {
                tokens.append(Token(kind: .special, range: i..<(i + 1), spaceBefore: space, special: b))
                space = false
                i += 1
            } else {
                let start = i
                while i < n {
                    let c = bytes[i]
                    // An encoded word is one atom even when it (wrongly) holds specials such as ":" or "@".
                    if c == ASCII.equals, i + 1 < n, bytes[i + 1] == ASCII.question,
                        let word = EncodedWord.parseWord(bytes, at: i)
                    {
                        i = word.end
                        continue
                    }
                    if ASCII.isWhitespace(c) || c == 40 || c == ASCII.quote || c == 91 || isSpecial(c) { break }
                    i += 1
                }
                tokens.append(Token(kind: .word, range: start..<i, spaceBefore: space))
                space = false
            }
        }
        return tokens
    }

    static func parse(_ bytes: [UInt8], field: String, defects: inout [MailDefect]) -> [Address] {
        var broken = false
        let tokens = tokenize(bytes, broken: &broken)
        var result: [Address] = []
        var current: [Token] = []
        var inGroup = false
        var angleDepth = 0
        for t in tokens {
            if t.kind == .special {
                let s = t.special
                if s == 60 {
                    angleDepth += 1
                } else if s == 62 {
                    angleDepth = max(0, angleDepth - 1)
                } else if angleDepth == 0 {
                    if s == 44 {
                        // "Smith, John <j@x.nl>": a name with an unquoted comma. Words without "@" or "<" before a
                        // comma belong to the next mailbox's name.
                        if current.contains(where: { $0.kind == .word }),
                            !current.contains(where: { $0.isSpecial(64) || $0.isSpecial(60) })
                        {
                            current.append(t)
                            broken = true
                            continue
                        }
                        finish(current, bytes, into: &result, broken: &broken)
                        current.removeAll(keepingCapacity: true)
                        continue
                    }
                    if s == 59 {
                        finish(current, bytes, into: &result, broken: &broken)
                        current.removeAll(keepingCapacity: true)
                        if inGroup { inGroup = false } else { broken = true }
                        continue
                    }
                    if s == 58 && !inGroup && !current.contains(where: { $0.isSpecial(64) }) {
                        // group = display-name ":" [group-list] ";"
                        current.removeAll(keepingCapacity: true)
                        inGroup = true
                        continue
                    }
                }
            }
            current.append(t)
        }
        finish(current, bytes, into: &result, broken: &broken)
        if inGroup && !result.isEmpty { broken = true }
        if broken { defects.append(.malformedAddress(field: field)) }
        return result
    }

    /// Reads one mailbox from its tokens.
    static func finish(_ tokens: [Token], _ bytes: [UInt8], into result: inout [Address], broken: inout Bool) {
        guard tokens.contains(where: { $0.kind != .comment }) else { return }
        if let open = tokens.firstIndex(where: { $0.isSpecial(60) }) {
            // name-addr
            var close = tokens.count
            if let c = tokens[(open + 1)...].firstIndex(where: { $0.isSpecial(62) }) {
                close = c
            } else {
                broken = true
            }
            var inner = tokens[(open + 1)..<close]
            // RFC 5322 §4.4 obs-route: drop "@a,@b:" before the addr-spec.
            if let colon = inner.lastIndex(where: { $0.isSpecial(58) }) { inner = inner[(colon + 1)...] }
            let trailing = tokens[min(close + 1, tokens.count)...].contains { $0.isWord }
            if trailing { broken = true }
            let addr = addrSpec(inner.filter { !$0.isSpecial(44) && !$0.isSpecial(60) }, bytes, broken: &broken)
            var name = phrase(tokens[..<open], bytes)
            if name == nil { name = firstComment(tokens, bytes) }
            if addr.isEmpty && name == nil { return }
            result.append(Address(name: name, address: addr))
            return
        }
        // addr-spec alone, or a name followed by an address without angle brackets.
        if let at = tokens.lastIndex(where: { $0.isSpecial(64) }) {
            // The local part is the run of words right before "@" that are not separated by white space, except
            // around dots (RFC 5322 §4.4 obs-local-part allows CFWS there: "john . doe").
            var start = at
            while start > 0 {
                let t = tokens[start - 1]
                if t.isWord {
                    start -= 1
                    var previousEndsWithDot = false
                    if start > 0, tokens[start - 1].isWord, let last = text(tokens[start - 1], bytes).last {
                        previousEndsWithDot = last == 46
                    }
                    let startsWithDot = text(t, bytes).first == 46
                    if t.spaceBefore && !(startsWithDot || previousEndsWithDot) { break }
                } else if t.kind == .special, t.special != 44, t.special != 58, t.special != 59 {
                    start -= 1
                } else {
                    break
                }
            }
            var end = at + 1
            while end < tokens.count {
                let t = tokens[end]
                if t.isWord {
                    if t.spaceBefore && end > at + 1 { break }
                    end += 1
                } else if t.kind == .domainLiteral || t.isSpecial(64) {
                    end += 1
                } else {
                    break
                }
            }
            if tokens[end...].contains(where: { $0.isWord }) { broken = true }
            var name = phrase(tokens[..<start], bytes)
            if name != nil { broken = true }
            if name == nil { name = firstComment(tokens, bytes) }
            let addr = addrSpec(Array(tokens[start..<end]), bytes, broken: &broken)
            result.append(Address(name: name, address: addr))
            return
        }
        // No "@": a bare local name (MAILER-DAEMON) or only a phrase.
        broken = true
        let meaningful = tokens.filter { $0.kind != .comment && !$0.isSpecial(44) }
        if meaningful.count == 1, meaningful[0].kind == .word, !meaningful[0].range.isEmpty {
            let word = text(meaningful[0], bytes)
            result.append(Address(name: firstComment(tokens, bytes), address: Charset.decodeUnlabelled(word).0))
        }
    }

    static func firstComment(_ tokens: [Token], _ bytes: [UInt8]) -> String? {
        for t in tokens where t.kind == .comment {
            var defects: [MailDefect] = []
            let s = ASCII.sanitizeHeaderText(EncodedWord.decode(Array(text(t, bytes)), defects: &defects)).0
            if !s.isEmpty { return s }
        }
        return nil
    }

    /// display-name: words joined by single spaces, RFC 2047 decoded (also inside quoted strings, as
    /// Thunderbird and Outlook do), control characters replaced.
    static func phrase(_ tokens: ArraySlice<Token>, _ bytes: [UInt8]) -> String? {
        var out = [UInt8]()
        for t in tokens {
            switch t.kind {
            case .word, .quoted:
                if !out.isEmpty { out.append(ASCII.space) }
                out.append(contentsOf: text(t, bytes))
            case .special, .domainLiteral:
                // Broken names with specials (a stray ">" or "@").
                out.append(contentsOf: text(t, bytes))
            case .comment:
                continue
            }
        }
        guard !out.isEmpty else { return nil }
        var defects: [MailDefect] = []
        let s = ASCII.sanitizeHeaderText(EncodedWord.decode(out, defects: &defects)).0
        return s.isEmpty ? nil : s
    }

    /// local-part "@" domain, the domain lowercased, obsolete white space around dots removed.
    static func addrSpec(_ tokens: [Token], _ bytes: [UInt8], broken: inout Bool) -> String {
        var local = [UInt8]()
        var domain = [UInt8]()
        var sawAt = false
        for t in tokens {
            switch t.kind {
            case .word, .quoted:
                let w = text(t, bytes)
                if sawAt {
                    domain.append(contentsOf: w)
                } else if t.kind == .quoted {
                    let needsQuotes =
                        w.isEmpty || !w.allSatisfy { (Address.isAtextOrSpace($0) && $0 != ASCII.space) || $0 == 46 }
                    if needsQuotes {
                        local.append(ASCII.quote)
                        for c in w {
                            if c == ASCII.quote || c == ASCII.backslash { local.append(ASCII.backslash) }
                            local.append(c)
                        }
                        local.append(ASCII.quote)
                    } else {
                        local.append(contentsOf: w)
                    }
                } else {
                    local.append(contentsOf: w)
                }
            case .domainLiteral:
                if sawAt { domain.append(contentsOf: text(t, bytes)) } else { local.append(contentsOf: text(t, bytes)) }
            case .special:
                if t.special == 64 {
                    if sawAt {
                        broken = true
                        local.append(64)
                        local.append(contentsOf: domain)
                        domain.removeAll()
                    }
                    sawAt = true
                } else {
                    broken = true
                }
            case .comment:
                continue
            }
        }
        let localText = Charset.decodeUnlabelled(local).0
        if !sawAt { return localText }
        if domain.isEmpty || local.isEmpty { broken = true }
        for k in domain.indices { domain[k] = ASCII.lower(domain[k]) }
        let domainText = Charset.decodeUnlabelled(domain).0
        return localText + "@" + (ASCII.isASCII(domain) ? domainText : domainText.lowercased())
    }
}
