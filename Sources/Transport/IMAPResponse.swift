/// The few untagged IMAP responses the poller reads (RFC 9051 §7 / RFC 3501 §7), parsed from the lines
/// libcurl hands to the write callback for a custom command. Pure: text in, values out.
/// None of these responses carry literals for the commands we send (MAILSTACK gotcha 2).
public enum IMAPResponse {
    /// One message as listed by `UID FETCH n:* (UID RFC822.SIZE FLAGS)`.
    public struct Listing: Sendable, Equatable {
        public var uid: Int64
        public var size: Int
        public var flags: [String]

        public init(uid: Int64, size: Int, flags: [String]) {
            self.uid = uid
            self.size = size
            self.flags = flags
        }
    }

    public struct Status: Sendable, Equatable {
        public var uidValidity: Int64?
        public var uidNext: Int64?
        public var messages: Int?
    }

    static func lines(_ bytes: [UInt8]) -> [Substring] {
        String(decoding: bytes, as: UTF8.self).split(whereSeparator: { $0 == "\r\n" || $0 == "\n" || $0 == "\r" })
    }

    /// RFC 9051 §7.5.2: `message-data = nz-number SP "FETCH" SP msg-att`
    /// e.g. `* 12 FETCH (UID 40 RFC822.SIZE 3120 FLAGS (\Seen $Processed))`.
    public static func listings(_ bytes: [UInt8]) -> [Listing] {
        var result: [Listing] = []
        for line in lines(bytes) {
            let words = line.split(separator: " ", maxSplits: 3)
            guard words.count == 4, words[0] == "*", words[2].uppercased() == "FETCH" else { continue }
            let attributes = words[3]
            guard let uid = number(after: "UID", in: attributes) else { continue }
            let size = number(after: "RFC822.SIZE", in: attributes) ?? 0
            result.append(Listing(uid: uid, size: Int(size), flags: flags(in: attributes)))
        }
        return result
    }

    private static func tokens(_ text: Substring) -> [Substring] {
        text.split(whereSeparator: { $0 == " " || $0 == "(" || $0 == ")" })
    }

    static func number(after key: String, in text: Substring) -> Int64? {
        let words = tokens(text)
        for (index, word) in words.enumerated() where word.uppercased() == key && index + 1 < words.count {
            return Int64(words[index + 1])
        }
        return nil
    }

    static func flags(in text: Substring) -> [String] {
        guard let start = text.range(of: "FLAGS (", options: .caseInsensitive)?.upperBound,
              let end = text[start...].firstIndex(of: ")") else { return [] }
        return text[start..<end].split(separator: " ").map(String.init)
    }

    /// RFC 9051 §7.3.1 (RFC 3501 §7.2.4): `* STATUS INBOX (MESSAGES 3 UIDNEXT 4 UIDVALIDITY 1795989109)`.
    public static func status(_ bytes: [UInt8]) -> Status? {
        for line in lines(bytes) {
            guard line.hasPrefix("* STATUS ") || line.hasPrefix("* status "),
                  let open = line.lastIndex(of: "(") else { continue }
            let attributes = line[open...]
            return Status(
                uidValidity: number(after: "UIDVALIDITY", in: attributes),
                uidNext: number(after: "UIDNEXT", in: attributes),
                messages: number(after: "MESSAGES", in: attributes).map(Int.init))
        }
        return nil
    }

    /// RFC 9051 §7.2.2: `* CAPABILITY IMAP4rev1 MOVE …`, upper-cased.
    public static func capabilities(_ bytes: [UInt8]) -> Set<String> {
        var result: Set<String> = []
        for line in lines(bytes) where line.uppercased().hasPrefix("* CAPABILITY ") {
            for word in line.split(separator: " ").dropFirst(2) { result.insert(word.uppercased()) }
        }
        return result
    }

    /// RFC 9051 §7.3.1: `* LIST (\HasNoChildren) "/" Processed` → mailbox names (quoted or atoms).
    public static func mailboxes(_ bytes: [UInt8]) -> [String] {
        var result: [String] = []
        for line in lines(bytes) where line.uppercased().hasPrefix("* LIST ") {
            guard let close = line.firstIndex(of: ")") else { continue }
            var rest = line[line.index(after: close)...].drop(while: { $0 == " " })
            // The hierarchy delimiter: a quoted char or NIL.
            if rest.hasPrefix("\"") {
                rest = rest.dropFirst()
                if rest.hasPrefix("\\") { rest = rest.dropFirst() }
                rest = rest.dropFirst()
                if rest.hasPrefix("\"") { rest = rest.dropFirst() }
            } else if rest.uppercased().hasPrefix("NIL") {
                rest = rest.dropFirst(3)
            }
            let name = rest.drop(while: { $0 == " " })
            if name.hasPrefix("\""), name.count >= 2 {
                result.append(String(name.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\""))
            } else {
                result.append(String(name))
            }
        }
        return result
    }

    /// RFC 9051 §7.3.5: `* SEARCH 2 84 882` → UIDs.
    public static func search(_ bytes: [UInt8]) -> [Int64] {
        var result: [Int64] = []
        for line in lines(bytes) where line.uppercased().hasPrefix("* SEARCH") {
            result += line.split(separator: " ").dropFirst(2).compactMap { Int64($0) }
        }
        return result
    }

    /// RFC 4731 §3.1: `* ESEARCH (TAG "A005") COUNT 3` → 3.
    public static func esearchCount(_ bytes: [UInt8]) -> Int? {
        for line in lines(bytes) where line.uppercased().hasPrefix("* ESEARCH") {
            if let count = number(after: "COUNT", in: line) { return Int(count) }
        }
        return nil
    }

    /// RFC 9051 §9 `sequence-set`: UIDs as compact ranges, `1:3,7,9:10`.
    public static func sequenceSet(_ uids: [Int64]) -> String {
        let sorted = Array(Set(uids)).sorted()
        var parts: [String] = []
        var index = 0
        while index < sorted.count {
            var end = index
            while end + 1 < sorted.count, sorted[end + 1] == sorted[end] + 1 { end += 1 }
            parts.append(end == index ? "\(sorted[index])" : "\(sorted[index]):\(sorted[end])")
            index = end + 1
        }
        return parts.joined(separator: ",")
    }
}
