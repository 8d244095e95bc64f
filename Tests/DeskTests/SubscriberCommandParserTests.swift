import Desk
import Testing

@Suite("Subscriber commands")
struct SubscriberCommandParserTests {
    struct Fixture: Sendable, CustomTestStringConvertible {
        var subject: String
        var text: String
        var commands: [SubscriberCommand]
        var language: Language?
        var testDescription: String { "\(subject) | \(text.prefix(30))" }
    }

    @Test("R-OUT-1 commands in the subject or the first lines, Dutch and English", arguments: [
        Fixture(subject: "aanmelden wifi m365", text: "Met vriendelijke groet,\nJan", commands: [.subscribe("wifi m365")], language: .nl),
        Fixture(subject: "Re: Re: subscribe WIFI", text: "", commands: [.subscribe("wifi")], language: .en),
        Fixture(subject: "", text: "aanmelden voor wifi, magister\n\nGroet", commands: [.subscribe("wifi magister")], language: .nl),
        Fixture(subject: "Vraag", text: "afmelden wifi\nlijst\n\nMet vriendelijke groet", commands: [.unsubscribe("wifi"), .list], language: .nl),
        Fixture(subject: "afmelden alles", text: "", commands: [.unsubscribeAll], language: .nl),
        Fixture(subject: "Unsubscribe: all", text: "", commands: [.unsubscribeAll], language: .en),
        Fixture(subject: "unsubscribe", text: "", commands: [.unsubscribeAll], language: .en),
        Fixture(subject: "list", text: "", commands: [.list], language: .en),
        Fixture(subject: "", text: "  Lijst  ", commands: [.list], language: .nl),
        Fixture(subject: "?", text: "", commands: [.help], language: .nl),
        Fixture(subject: "hulp", text: "", commands: [.help], language: .nl),
    ])
    func commands(fixture: Fixture) {
        let parse = SubscriberCommandParser.parse(subject: fixture.subject, text: fixture.text)
        #expect(parse.commands == fixture.commands)
        #expect(parse.language == fixture.language)
        #expect(parse.notUnderstood == nil)
    }

    @Test("R-OUT-1 prose is not a command: the keyword must start the line, and a mail without one gets help")
    func prose() {
        let parse = SubscriberCommandParser.parse(subject: "Storing?", text: "Ik wil me graag aanmelden voor de wifi.\nGroet")
        #expect(parse.commands.isEmpty)
        #expect(parse.notUnderstood == "Ik wil me graag aanmelden voor de wifi.")
        #expect(SubscriberCommandParser.parse(subject: "lijst van problemen", text: "").commands.isEmpty)
    }

    @Test("Reply prefixes are removed from the subject")
    func prefixes() {
        #expect(SubscriberCommandParser.stripReplyPrefixes("Re: Antw: FW:  aanmelden wifi") == "aanmelden wifi")
        #expect(SubscriberCommandParser.stripReplyPrefixes("Wifi storing") == "Wifi storing")
    }
}
