import Desk
import Foundation
import Testing

/// The labelled corpus `fixtures/classification/corpus.jsonl`: realistic Dutch and English service-desk mails,
/// one JSON object a line, `{"id","language","subject","body","expected"[,"change_kind"]}`.
@Suite("Classification accuracy on the labelled corpus")
struct ClassificationAccuracyTests {
    struct Mail: Decodable {
        let id: String
        let language: String
        let subject: String
        let body: String
        let expected: String
        let change_kind: String?
    }

    static func corpus() throws -> [Mail] {
        let url = DeskFixtures.repositoryRoot.appendingPathComponent("fixtures/classification/corpus.jsonl")
        let text = try String(contentsOf: url, encoding: .utf8)
        let decoder = JSONDecoder()
        return try text.split(whereSeparator: \.isNewline).map { try decoder.decode(Mail.self, from: Data($0.utf8)) }
    }

    @Test("R-CASE-4 accuracy ≥ 90% on the corpus, and every miss is classified question")
    func accuracy() throws {
        let mails = try Self.corpus()
        try #require(mails.count >= 150)
        let classifier = Classifier(catalog: try DeskFixtures.catalog())
        let types: [CaseType] = [.incident, .request, .change, .complaint, .question, .security]

        var total: [CaseType: Int] = [:]
        var right: [CaseType: Int] = [:]
        var toQuestion: [CaseType: Int] = [:]
        var wrong: [String] = []
        var kinds = (right: 0, total: 0)
        var languages = 0
        for mail in mails {
            let expected = try #require(CaseType(rawValue: mail.expected), "\(mail.id): unknown label \(mail.expected)")
            let c = classifier.classify(subject: mail.subject, body: mail.body)
            total[expected, default: 0] += 1
            if Language.detect(subject: mail.subject, body: mail.body).rawValue == mail.language { languages += 1 }
            if c.type == expected {
                right[expected, default: 0] += 1
                if let kind = mail.change_kind {
                    kinds.total += 1
                    if c.changeKind?.rawValue == kind {
                        kinds.right += 1
                    } else {
                        wrong.append("\(mail.id) change kind \(kind) → \(c.changeKind?.rawValue ?? "-")")
                    }
                }
            } else if c.type == .question {
                toQuestion[expected, default: 0] += 1
            } else {
                wrong.append("\(mail.id) \(expected.rawValue) → \(c.type.rawValue): \(mail.subject)")
            }
        }

        func pct(_ a: Int, _ b: Int) -> String {
            guard b > 0 else { return "   -  " }
            let p = (Double(a) / Double(b) * 1000).rounded() / 10
            let s = String(p) + "%"
            return String(repeating: " ", count: max(0, 6 - s.count)) + s
        }
        func col(_ s: String, _ w: Int) -> String { s + String(repeating: " ", count: max(0, w - s.count)) }
        var table = "\n" + col("type", 10) + " mails  right  → question  wrong  accuracy\n"
        for type in types {
            let n = total[type] ?? 0
            let r = right[type] ?? 0
            let q = toQuestion[type] ?? 0
            table +=
                col(type.rawValue, 10) + " " + col(String(n), 6) + " " + col(String(r), 6) + " "
                + col(String(q), 11) + " " + col(String(n - r - q), 6) + " " + pct(r, n) + "\n"
        }
        let n = mails.count
        let r = right.values.reduce(0, +)
        table +=
            col("overall", 10) + " " + col(String(n), 6) + " " + col(String(r), 6) + " "
            + col(String(toQuestion.values.reduce(0, +)), 11) + " "
            + col(String(n - r - toQuestion.values.reduce(0, +)), 6)
            + " " + pct(r, n) + "\n"
        table += "change kind \(kinds.right)/\(kinds.total), language \(languages)/\(n) (\(pct(languages, n)))\n"
        print(table)

        #expect(Double(r) / Double(n) >= 0.90, "overall accuracy \(pct(r, n))")
        #expect(wrong.isEmpty, "misclassified as a wrong (non-question) type or kind: \(wrong)")
    }

    @Test("R-CASE-4 the corpus is balanced and labelled with known types")
    func corpusShape() throws {
        let mails = try Self.corpus()
        let counts = Dictionary(grouping: mails, by: \.expected).mapValues(\.count)
        #expect(Set(counts.keys) == ["incident", "request", "change", "complaint", "question", "security"])
        for (type, count) in counts { #expect(count >= 25, "\(type) has only \(count) mails") }
        #expect(Set(mails.map(\.id)).count == mails.count, "duplicate ids")
        #expect(Set(mails.map(\.language)) == ["nl", "en"])
        for mail in mails where mail.change_kind != nil {
            #expect(mail.expected == "change")
            #expect(ChangeKind(rawValue: mail.change_kind ?? "") != nil)
        }
    }
}
