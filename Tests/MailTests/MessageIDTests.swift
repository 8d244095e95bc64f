import Testing

@testable import Mail

@Suite("RFC 5322 §3.6.4 message ids")
struct MessageIDTests {
    func ids(_ s: String) -> ([String], [MailDefect]) {
        var d: [MailDefect] = []
        return (MessageID.parseList(Array(s.utf8), field: "References", defects: &d), d)
    }

    @Test("lists, comments, phrases, obsolete white space")
    func lists() {
        #expect(ids("<a@x> <b@y>\r\n <c@z>").0 == ["<a@x>", "<b@y>", "<c@z>"])
        #expect(ids("<a@x> (comment <no@id>) <b@y>").0 == ["<a@x>", "<b@y>"])
        #expect(ids("Your message of \"Mon <q@q>\" <a@x>").0 == ["<a@x>"])
        #expect(ids("< a @ x >").0 == ["<a@x>"])
        #expect(ids("<a@x>").1.isEmpty)
    }

    @Test("broken forms give a defect")
    func broken() {
        #expect(ids("a@x") == (["<a@x>"], [.invalidMessageID(field: "References")]))
        #expect(ids("<a@x").0 == ["<a@x>"])
        #expect(ids("<nodomain>") == (["<nodomain>"], [.invalidMessageID(field: "References")]))
        #expect(ids("garbage") == ([], [.invalidMessageID(field: "References")]))
    }

    @Test("without brackets: a bracket on one side is not part of the id, a \">\" ends it (found by fuzzing)")
    func oneSidedBrackets() {
        #expect(ids("abc@x.test>").0 == ["<abc@x.test>"])
        #expect(ids("<<abc@x.test").0 == ["<abc@x.test>"])
        #expect(ids("=ew@school.test>?UTF-8?B?IDEw?=").0 == ["<=ew@school.test>"])
        #expect(ids("a\u{1}b@x.test").0 == ["<ab@x.test>"])
        #expect(ids("(open comment kn<ref-1@x.test>").0 == ["<ref-1@x.test>"])
        #expect(ids("kn<ref-1@x.test").0 == ["<ref-1@x.test>"])
        #expect(ids("@<").0.isEmpty)
        // Whatever is read can be written back unchanged.
        for id in ids("x@y> <z a@b>c d>@e").0 { #expect(MessageID.sanitize(id) == id) }
    }

    @Test("generated ids are unique and well-formed")
    func make() {
        let a = MessageID.make(domain: "cloudwise.test")
        let b = MessageID.make(domain: "cloudwise.test")
        #expect(a != b)
        #expect(a.hasPrefix("<") && a.hasSuffix("@cloudwise.test>"))
        #expect(MessageID.make(domain: "evil>\r\nBcc: x").hasSuffix("@evilbccx>"))
        #expect(MessageID.make(domain: "").hasSuffix("@localhost>"))
    }

    @Test("sanitize removes white space and controls")
    func sanitize() {
        #expect(MessageID.sanitize("<a@x>\r\nBcc: e@v") == "<a@xBcc:e@v>")
        #expect(MessageID.sanitize("a@x") == "<a@x>")
        #expect(MessageID.sanitize(" \r\n ") == "")
    }
}
