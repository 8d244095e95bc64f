import Foundation

/// A classification tag in a subject, `[Storing]`, `[Change]` … (DAP R-CASE-4).
///
/// An open set, so a struct with static lets: compared case-insensitively (accents folded), spelled as
/// written. Tags may stand anywhere in the subject; several may stand together (`[Spoed][Wijziging]`).
public struct SubjectTag: Sendable, Hashable, CustomStringConvertible {
    /// The tag's text between the brackets, as written.
    public let text: String
    /// The type the tag asks for.
    public let caseType: CaseType
    /// For `[Spoed]`/`[Emergency]`: an emergency change.
    public let changeKind: ChangeKind?

    public init(_ text: String, caseType: CaseType, changeKind: ChangeKind? = nil) {
        self.text = text
        self.caseType = caseType
        self.changeKind = changeKind
    }

    public var description: String { "[\(text)]" }

    private var key: String { MailText.words(text).joined(separator: " ") }

    public static func == (a: SubjectTag, b: SubjectTag) -> Bool { a.key == b.key }
    public func hash(into hasher: inout Hasher) { hasher.combine(key) }

    public static let storing = SubjectTag("Storing", caseType: .incident)
    public static let incident = SubjectTag("Incident", caseType: .incident)
    public static let verzoek = SubjectTag("Verzoek", caseType: .request)
    public static let request = SubjectTag("Request", caseType: .request)
    public static let wijziging = SubjectTag("Wijziging", caseType: .change)
    public static let change = SubjectTag("Change", caseType: .change)
    public static let spoed = SubjectTag("Spoed", caseType: .change, changeKind: .emergency)
    public static let emergency = SubjectTag("Emergency", caseType: .change, changeKind: .emergency)
    public static let klacht = SubjectTag("Klacht", caseType: .complaint)
    public static let complaint = SubjectTag("Complaint", caseType: .complaint)
    public static let datalek = SubjectTag("Datalek", caseType: .security)
    public static let security = SubjectTag("Security", caseType: .security)
    public static let vraag = SubjectTag("Vraag", caseType: .question)
    public static let question = SubjectTag("Question", caseType: .question)

    /// DAP R-CASE-4: the tags the desk knows.
    public static let known: [SubjectTag] = [
        .storing, .incident, .verzoek, .request, .wijziging, .change, .spoed, .emergency,
        .klacht, .complaint, .datalek, .security, .vraag, .question,
    ]

    /// The known tags in `subject`, in order of appearance, each as written. Bracketed text that is not a
    /// known tag (a case number `[CS0001234]`, a list name) is skipped.
    public static func find(in subject: String) -> [SubjectTag] {
        var found: [SubjectTag] = []
        var rest = Substring(subject)
        while let open = rest.firstIndex(of: "[") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "]") else { break }
            let inner = String(after[..<close])
            let key = MailText.words(inner).joined(separator: " ")
            if let tag = known.first(where: { $0.key == key }) {
                found.append(
                    SubjectTag(
                        inner.trimmedSpaces, caseType: tag.caseType, changeKind: tag.changeKind))
            }
            rest = after[after.index(after: close)...]
        }
        return found
    }

    /// `subject` without its known tags (other bracketed text stays).
    static func removing(from subject: String) -> String {
        var out = ""
        var rest = Substring(subject)
        while let open = rest.firstIndex(of: "[") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "]") else { break }
            let key = MailText.words(String(after[..<close])).joined(separator: " ")
            out += rest[..<open]
            if !known.contains(where: { $0.key == key }) { out += rest[open...close] }
            rest = after[after.index(after: close)...]
        }
        return out + rest
    }
}
