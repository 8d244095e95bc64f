/// The address-list parser: a tokenizer over the unfolded field value and a tolerant reading of the tokens.
///
/// ```
/// address-list = (address *("," address)) / obs-addr-list    ; RFC 5322 §3.4
/// group-list = mailbox-list / CFWS / obs-group-list
/// obs-angle-addr = [CFWS] "<" obs-route addr-spec ">" [CFWS] ; RFC 5322 §4.4
/// obs-route = obs-domain-list ":"
/// ```
/// Accepted beyond the grammar, each with ``MailDefect/malformedAddress(field:)``: a missing `>`, a
/// missing angle bracket around an address that follows a name (`Jan jan@x.nl`), an unquoted comma-free
/// name with specials, a local part without a domain (`MAILER-DAEMON`). The old convention
/// `jan@x.nl (Jan de Vries)` gives the comment as the name.
enum AddressList {
    enum Token: Equatable {
        case word([UInt8], quoted: Bool, spaceBefore: Bool)
        case comment([UInt8])
        case special(UInt8)
        case domainLiteral([UInt8])
    }

    /// RFC 5322 §3.2.3 specials that structure an address; "." and "\" are kept inside words.
    @inline(__always) static func isSpecial(_ b: UInt8) -> Bool {
        b == 60 || b == 62 || b == 44 || b == 58 || b == 59 || b == 64
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
                var text = [UInt8]()
                var closed = false
                while i < n {
                    let c = bytes[i]
                    if c == ASCII.backslash, i + 1 < n {
                        text.append(bytes[i + 1])
                        i += 2
                        continue
                    }
                    if c == 40 {
                        depth += 1
                        if depth > 1 { text.append(c) }
                    } else if c == 41 {
                        depth -= 1
                        if depth == 0 {
                            i += 1
                            closed = true
                            break
                        }
                        text.append(c)
                    } else {
                        text.append(c)
                    }
                    i += 1
                }
                if !closed { broken = true }
                tokens.append(.comment(text))
                space = true
            } else if b == ASCII.quote {
                // RFC 5322 §3.2.4 quoted-string.
                var text = [UInt8]()
                i += 1
                var closed = false
                while i < n {
                    let c = bytes[i]
                    if c == ASCII.backslash, i + 1 < n {
                        text.append(bytes[i + 1])
                        i += 2
                        continue
                    }
                    if c == ASCII.quote {
                        closed = true
                        i += 1
                        break
                    }
                    text.append(c)
                    i += 1
                }
                if !closed { broken = true }
                tokens.append(.word(text, quoted: true, spaceBefore: space))
                space = false
            } else if b == 91 {
                // RFC 5322 §3.4.1 domain-literal.
                var text: [UInt8] = [91]
                i += 1
                while i < n, bytes[i] != 93 {
                    if !ASCII.isWhitespace(bytes[i]) { text.append(bytes[i]) }
                    i += 1
                }
                if i < n { i += 1 } else { broken = true }
                text.append(93)
                tokens.append(.domainLiteral(text))
                space = false
            } else if isSpecial(b) {
                tokens.append(.special(b))
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
                tokens.append(.word(Array(bytes[start..<i]), quoted: false, spaceBefore: space))
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
            if case .special(let s) = t {
                if s == 60 {
                    angleDepth += 1
                } else if s == 62 {
                    angleDepth = max(0, angleDepth - 1)
                } else if angleDepth == 0 {
                    if s == 44 {
                        finish(current, into: &result, broken: &broken)
                        current.removeAll()
                        continue
                    }
                    if s == 59 {
                        finish(current, into: &result, broken: &broken)
                        current.removeAll()
                        if inGroup { inGroup = false } else { broken = true }
                        continue
                    }
                    if s == 58 && !inGroup && !current.contains(.special(64)) {
                        // group = display-name ":" [group-list] ";"
                        current.removeAll()
                        inGroup = true
                        continue
                    }
                }
            }
            current.append(t)
        }
        finish(current, into: &result, broken: &broken)
        if inGroup && !result.isEmpty { broken = true }
        if broken { defects.append(.malformedAddress(field: field)) }
        return result
    }

    /// Reads one mailbox from its tokens.
    static func finish(_ tokens: [Token], into result: inout [Address], broken: inout Bool) {
        let meaningful = tokens.filter { if case .comment = $0 { return false } else { return true } }
        guard !meaningful.isEmpty else { return }
        if let open = tokens.firstIndex(of: .special(60)) {
            // name-addr
            let nameTokens = Array(tokens[..<open])
            var close = tokens.count
            if let c = tokens[(open + 1)...].firstIndex(of: .special(62)) {
                close = c
            } else {
                broken = true
            }
            var inner = Array(tokens[(open + 1)..<close])
            // RFC 5322 §4.4 obs-route: drop "@a,@b:" before the addr-spec.
            if let colon = inner.lastIndex(of: .special(58)) { inner = Array(inner[(colon + 1)...]) }
            inner.removeAll { $0 == .special(44) || $0 == .special(60) }
            let trailing = tokens[min(close + 1, tokens.count)...].contains {
                if case .word = $0 { return true } else { return false }
            }
            if trailing { broken = true }
            let addr = addrSpec(inner, broken: &broken)
            var name = phrase(nameTokens)
            if name == nil, let c = firstComment(tokens) { name = c }
            if addr.isEmpty && name == nil { return }
            result.append(Address(name: name, address: addr))
            return
        }
        // addr-spec alone, or a name followed by an address without angle brackets.
        if let at = tokens.lastIndex(of: .special(64)) {
            // The local part is the run of words right before "@" that are not separated by white space.
            var start = at
            while start > 0 {
                let t = tokens[start - 1]
                if case .word(let w, _, let spaceBefore) = t {
                    start -= 1
                    // RFC 5322 §4.4 obs-local-part allows CFWS around the dots: "john . doe".
                    var previousEndsWithDot = false
                    if start > 0, case .word(let p, _, _) = tokens[start - 1] { previousEndsWithDot = p.last == 46 }
                    if spaceBefore && !(w.first == 46 || previousEndsWithDot) { break }
                } else if case .special(let s) = t, s != 44, s != 58, s != 59 {
                    start -= 1
                } else {
                    break
                }
            }
            var end = at + 1
            while end < tokens.count {
                let t = tokens[end]
                if case .word(_, _, let spaceBefore) = t {
                    if spaceBefore && end > at + 1 { break }
                    end += 1
                } else if case .domainLiteral = t {
                    end += 1
                } else if t == .special(64) {
                    end += 1
                } else {
                    break
                }
            }
            let nameTokens = Array(tokens[..<start])
            let rest = tokens[end...].contains { if case .word = $0 { return true } else { return false } }
            if rest { broken = true }
            var name = phrase(nameTokens)
            if name != nil { broken = true }
            if name == nil, let c = firstComment(tokens) { name = c }
            let addr = addrSpec(Array(tokens[start..<end]), broken: &broken)
            result.append(Address(name: name, address: addr))
            return
        }
        // No "@": a bare local name (MAILER-DAEMON) or only a phrase.
        broken = true
        let words = meaningful.compactMap { t -> [UInt8]? in
            if case .word(let w, false, _) = t { return w } else { return nil }
        }
        guard words.count == meaningful.count else { return }
        if words.count == 1, let w = words.first, !w.isEmpty {
            result.append(Address(name: firstComment(tokens), address: Charset.decodeUnlabelled(w).0))
        }
    }

    static func firstComment(_ tokens: [Token]) -> String? {
        for t in tokens {
            if case .comment(let c) = t {
                var defects: [MailDefect] = []
                let s = ASCII.sanitizeHeaderText(EncodedWord.decode(c, defects: &defects)).0
                if !s.isEmpty { return s }
            }
        }
        return nil
    }

    /// display-name: words joined by single spaces, RFC 2047 decoded (also inside quoted strings, as
    /// Thunderbird and Outlook do), control characters replaced.
    static func phrase(_ tokens: [Token]) -> String? {
        var bytes = [UInt8]()
        for t in tokens {
            switch t {
            case .word(let w, _, _):
                if !bytes.isEmpty { bytes.append(ASCII.space) }
                bytes.append(contentsOf: w)
            case .special(let s):
                // Broken names with specials (e.g. "Jansen, J." split earlier, or "a@b" in a name).
                bytes.append(s)
            case .domainLiteral(let d):
                bytes.append(contentsOf: d)
            case .comment:
                continue
            }
        }
        guard !bytes.isEmpty else { return nil }
        var defects: [MailDefect] = []
        let s = ASCII.sanitizeHeaderText(EncodedWord.decode(bytes, defects: &defects)).0
        return s.isEmpty ? nil : s
    }

    /// local-part "@" domain, the domain lowercased, obsolete white space around dots removed.
    static func addrSpec(_ tokens: [Token], broken: inout Bool) -> String {
        var local = [UInt8]()
        var domain = [UInt8]()
        var sawAt = false
        for t in tokens {
            switch t {
            case .word(let w, let quoted, _):
                if sawAt {
                    domain.append(contentsOf: w)
                } else if quoted {
                    let needsQuotes = w.isEmpty || !w.allSatisfy { Address.isAtextOrSpace($0) && $0 != ASCII.space || $0 == 46 }
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
            case .domainLiteral(let d):
                if sawAt { domain.append(contentsOf: d) } else { local.append(contentsOf: d) }
            case .special(let s):
                if s == 64 {
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
        let domainText = Charset.decodeUnlabelled(domain.map(ASCII.lower)).0.lowercased()
        return localText + "@" + domainText
    }
}
