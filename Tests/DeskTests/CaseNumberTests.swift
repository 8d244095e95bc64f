import Desk
import Testing

@Suite("Case numbers and intake routing")
struct CaseNumberTests {
    @Test("R-CASE-2 case numbers are CS + 7 digits", arguments: [(1, "CS0000001"), (1234, "CS0001234"), (9_999_999, "CS9999999")])
    func format(value: Int, text: String) {
        #expect(CaseNumber(value).description == text)
        #expect(CaseNumber(value).tag == "[\(text)]")
        #expect(CaseNumber(text)?.value == value)
        #expect(CaseNumber(text.lowercased())?.value == value)
    }

    @Test("Anything else is not a case number", arguments: ["CS000123", "CS00012345", "XS0001234", "CS000123a", "CS0000000", ""])
    func invalid(text: String) {
        #expect(CaseNumber(text) == nil)
    }

    @Test("R-CASE-1 a person's mail with no case opens one")
    func newCase() {
        #expect(Intake.route(auto: .none, taggedCase: nil, threadedCase: nil) == .newCase)
    }

    @Test("R-CASE-3 a tag or a thread header makes a follow-up; the thread header wins")
    func followUp() {
        #expect(Intake.route(auto: .none, taggedCase: 4, threadedCase: nil) == .followUp(caseID: 4))
        #expect(Intake.route(auto: .none, taggedCase: nil, threadedCase: 5) == .followUp(caseID: 5))
        #expect(Intake.route(auto: .none, taggedCase: 4, threadedCase: 5) == .followUp(caseID: 5))
    }

    @Test("R-CASE-1 automatic mail and bounces never open a case and are never answered")
    func automatic() {
        #expect(Intake.route(auto: .autoReplied, taggedCase: nil, threadedCase: 5) == .autoOnCase(caseID: 5, kind: .autoReplied))
        if case .ignore = Intake.route(auto: .bounce, taggedCase: nil, threadedCase: nil) {} else { Issue.record("a bounce opened a case") }
        if case .ignore = Intake.route(auto: .bulk, taggedCase: nil, threadedCase: nil) {} else { Issue.record("bulk mail opened a case") }
    }
}
