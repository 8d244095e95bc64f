import Testing

@testable import Mail

@Suite("RFC 5322 §3.4 addresses")
struct AddressTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var input: String
        var expected: [Address]
        var defect = false
        var testDescription: String { input }
    }

    @Test(
        "address lists",
        arguments: [
            Case(input: "jan@school.test", expected: [Address(address: "jan@school.test")]),
            Case(input: "Jan <jan@School.TEST>", expected: [Address(name: "Jan", address: "jan@school.test")]),
            Case(input: "<Jan.Jansen@School.Test>", expected: [Address(address: "Jan.Jansen@school.test")]),
            Case(
                input: "\"de Vries, Marieke\" <m@s.test>",
                expected: [Address(name: "de Vries, Marieke", address: "m@s.test")]),
            Case(input: "\"a \\\"b\\\" c\" <x@y.test>", expected: [Address(name: "a \"b\" c", address: "x@y.test")]),
            Case(input: "jan@s.test (Jan de Boer)", expected: [Address(name: "Jan de Boer", address: "jan@s.test")]),
            Case(
                input: "Jan (de baas) de Boer <jan@s.test>",
                expected: [Address(name: "Jan de Boer", address: "jan@s.test")]),
            Case(
                input: "a@x.test, B <b@x.test>,, c@x.test,",
                expected: [
                    Address(address: "a@x.test"), Address(name: "B", address: "b@x.test"),
                    Address(address: "c@x.test"),
                ]),
            Case(input: "Undisclosed recipients:;", expected: []),
            Case(
                input: "Team: a@x.test, \"B\" <b@x.test>; c@x.test",
                expected: [
                    Address(address: "a@x.test"), Address(name: "B", address: "b@x.test"),
                    Address(address: "c@x.test"),
                ]),
            Case(
                input: "=?utf-8?q?Jos=C3=A9?= <jose@x.test>", expected: [Address(name: "José", address: "jose@x.test")]),
            Case(
                input: "=?utf-8?q?Jos=C3=A9?= =?utf-8?q?_Garc=C3=ADa?= <jose@x.test>",
                expected: [Address(name: "José García", address: "jose@x.test")]),
            Case(
                input: "\"=?utf-8?q?Ren=C3=A9e?=\" <r@x.test>", expected: [Address(name: "Renée", address: "r@x.test")]),
            Case(input: "Zoë Smit <zoe@x.test>", expected: [Address(name: "Zoë Smit", address: "zoe@x.test")]),
            Case(input: "<@relay.test,@b.test:jan@x.test>", expected: [Address(address: "jan@x.test")]),
            Case(input: "\"john doe\"@x.test", expected: [Address(address: "\"john doe\"@x.test")]),
            Case(input: "john . doe @ x.test", expected: [Address(address: "john.doe@x.test")]),
            Case(input: "jan@[192.0.2.1]", expected: [Address(address: "jan@[192.0.2.1]")]),
            // Broken ones: best effort plus a defect.
            Case(
                input: "Jan Jansen jan@x.test", expected: [Address(name: "Jan Jansen", address: "jan@x.test")],
                defect: true),
            Case(input: "Jan <jan@x.test", expected: [Address(name: "Jan", address: "jan@x.test")], defect: true),
            Case(input: "MAILER-DAEMON", expected: [Address(address: "MAILER-DAEMON")], defect: true),
            Case(
                input: "Smith, John <j@x.test>, Doe, Jane <d@x.test>",
                expected: [
                    Address(name: "Smith, John", address: "j@x.test"), Address(name: "Doe, Jane", address: "d@x.test"),
                ],
                defect: true),
            Case(input: "Smith, j@x.test", expected: [Address(name: "Smith,", address: "j@x.test")], defect: true),
            // An unterminated quote is read as if it were not there: "Jan is the bare local name Jan.
            Case(input: "\"Jan", expected: [Address(address: "Jan")], defect: true),
            Case(
                input: "\"Jan de Vries <jan@x.test>", expected: [Address(name: "Jan de Vries", address: "jan@x.test")],
                defect: true),
            Case(
                input: "Jan <jan@x.test> extra", expected: [Address(name: "Jan", address: "jan@x.test")], defect: true),
            Case(input: "", expected: []),
        ])
    func lists(_ c: Case) {
        var defects: [MailDefect] = []
        let got = AddressList.parse(Array(c.input.utf8), field: "To", defects: &defects)
        #expect(got == c.expected)
        #expect(defects.contains(.malformedAddress(field: "To")) == c.defect)
    }

    @Test("a name that decodes to a line break is flattened")
    func controlInName() {
        let a = Address.parse("=?utf-8?q?Eve=0D=0ABcc:_x@evil.test?= <eve@x.test>")
        #expect(a == Address(name: "Eve Bcc: x@evil.test", address: "eve@x.test"))
    }

    @Test("local part and domain")
    func parts() {
        let a = Address(address: "jan.jansen@school.test")
        #expect(a.localPart == "jan.jansen")
        #expect(a.domain == "school.test")
        #expect(Address(address: "x").domain == "")
    }

    @Test("rendering: atoms, quoted string or encoded words, and no control characters")
    func rendering() {
        #expect(
            Address(name: "Jan Jansen", address: "j@x.test").headerPieces() == [
                .atom("Jan"), .atom("Jansen"), .atom("<j@x.test>"),
            ])
        #expect(
            Address(name: "Jansen, J.", address: "j@x.test").headerPieces() == [
                .atom("\"Jansen, J.\""), .atom("<j@x.test>"),
            ])
        #expect(Address(name: "Zoë", address: "z@x.test").headerPieces() == [.encoded("Zoë"), .atom("<z@x.test>")])
        #expect(
            Address(name: "a\r\nBcc: e@x", address: "j@x.test\r\nBcc: e@x").headerPieces() == [
                .atom("\"a Bcc: e@x\""), .atom("<j@x.testBcc:e@x>"),
            ])
        #expect(Address(name: nil, address: "j@x.test").headerPieces() == [.atom("<j@x.test>")])
    }
}
