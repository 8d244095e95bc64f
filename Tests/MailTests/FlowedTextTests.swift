import Testing

@testable import Mail

@Suite("RFC 3676 format=flowed")
struct FlowedTextTests {
    @Test("soft breaks join, hard breaks stay")
    func joins() {
        #expect(FlowedText.unflow("Een lange \nzin.\nNieuwe regel.", delSp: false) == "Een lange zin.\nNieuwe regel.")
    }

    @Test("DelSp removes the soft-break space")
    func delSp() {
        #expect(FlowedText.unflow("Lang \nwoord", delSp: true) == "Langwoord")
    }

    @Test("quote depth: joins only within a depth, quotes come back as '> '")
    func quotes() {
        #expect(FlowedText.unflow("> a \n> b\n>> c \n>> d\ne", delSp: false) == "> a b\n>> c d\ne")
    }

    @Test("space-stuffing removed, signature separator never flowed")
    func stuffing() {
        #expect(FlowedText.unflow(" From me\n-- \nHenk", delSp: false) == "From me\n-- \nHenk")
    }

    @Test("a flowed last line is kept")
    func trailing() {
        #expect(FlowedText.unflow("a \nb ", delSp: false) == "a b ")
    }

    @Test("an empty quoted line is '>', without a trailing space")
    func emptyQuoted() {
        #expect(FlowedText.unflow("> a\n> \n>\n> b", delSp: false) == "> a\n>\n>\n> b")
    }
}
