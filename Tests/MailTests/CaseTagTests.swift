import Testing

@testable import Mail

@Suite("case tag in the subject")
struct CaseTagTests {
    @Test(
        "finds",
        arguments: [
            ("Re: [CS0001234] printer", "CS0001234" as String?),
            ("RE: cs0001234 printer", "CS0001234"),
            ("Cs0000001", "CS0000001"),
            ("(CS0001234)", "CS0001234"),
            ("CS0001234: CS0009999", "CS0001234"),
            ("Ticket#CS0001234.", "CS0001234"),
            ("–CS0001234–", "CS0001234"),
            ("CS00012345", nil),
            ("CS000123", nil),
            ("XCS0001234", nil),
            ("CS0001234x", nil),
            ("CS0001234_", nil),
            ("éCS0001234", nil),
            ("CS 0001234", nil),
            ("", nil),
            ("CS", nil),
            ("printer kapot", nil),
            ("CS00012345 then [CS0007654]", "CS0007654"),
        ])
    func finds(_ subject: String, _ tag: String?) {
        #expect(CaseTag.find(in: subject) == tag)
    }

    @Test("tagging a subject once")
    func tagging() {
        #expect(CaseTag.tagging("Printer", with: "CS0001234") == "[CS0001234] Printer")
        #expect(CaseTag.tagging("Re: [CS0001234] Printer", with: "CS0001234") == "Re: [CS0001234] Printer")
    }

    @Test("Message.caseTag")
    func message() throws {
        #expect(try parseFixture("apple-nl-het-volgende-geschreven.eml").caseTag == "CS0007777")
        #expect(try parseFixture("html-only.eml").caseTag == nil)
    }
}
