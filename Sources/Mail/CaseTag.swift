/// The desk's case number in a subject: `CS` and exactly seven digits, e.g. `[CS0001234]`.
///
/// Word-bounded (no letter, digit or `_` directly before or after), matched case-insensitively, returned in
/// upper case. DAP's `CaseNumber` lives in `Desk`; this is only the subject tag reader.
public enum CaseTag {
    /// The first case number in `subject`, or `nil`.
    public static func find(in subject: String) -> String? {
        let scalars = Array(subject.unicodeScalars)
        let n = scalars.count
        var i = 0
        while i + 9 <= n {
            let c0 = scalars[i]
            if c0 == "C" || c0 == "c", scalars[i + 1] == "S" || scalars[i + 1] == "s",
                !(i > 0 && isWordChar(scalars[i - 1]))
            {
                var ok = true
                for k in 2..<9 where !(scalars[i + k].value >= 48 && scalars[i + k].value <= 57) {
                    ok = false
                    break
                }
                if ok && !(i + 9 < n && isWordChar(scalars[i + 9])) {
                    var tag = "CS"
                    for k in 2..<9 { tag.unicodeScalars.append(scalars[i + k]) }
                    return tag
                }
            }
            i += 1
        }
        return nil
    }

    private static func isWordChar(_ u: Unicode.Scalar) -> Bool {
        u == "_" || u.properties.isAlphabetic || u.properties.numericType != nil
    }

    /// Adds `[CS0001234]` to a subject that does not carry that tag yet.
    public static func tagging(_ subject: String, with tag: String) -> String {
        if find(in: subject) == tag.uppercased() { return subject }
        return subject.isEmpty ? "[\(tag)]" : "[\(tag)] \(subject)"
    }
}
