import Desk
import Foundation
import Testing

@Suite("Announcement commands")
struct AnnouncementParserTests {
    private func at(_ y: Int, _ m: Int, _ d: Int, _ h: Int, _ min: Int) -> AgentCommand.LocalDateTime {
        AgentCommand.LocalDateTime(year: y, month: m, day: d, hour: h, minute: min)!
    }

    @Test("R-OUT-2 an outage: the services on the first line, the rest is the notice text")
    func outage() {
        let parse = AnnouncementParser.parse("\n  storing: WIFI, M365\n\nDe wifi is uitgevallen.\nWij zijn ermee bezig.\n")
        #expect(parse.command == .announce(type: .outage, services: "WIFI, M365", period: nil))
        #expect(parse.text == "De wifi is uitgevallen.\nWij zijn ermee bezig.")
        #expect(parse.problem == nil)
        #expect(AnnouncementParser.parse("Outage: wifi since 2026-12-05 08:15\nx").command
                == .announce(type: .outage, services: "wifi", period: NoticePeriod(from: at(2026, 12, 5, 8, 15), until: nil)))
    }

    @Test("R-OUT-2 maintenance needs a period; an end time alone is on the start's day", arguments: [
        "onderhoud: WIFI van 2026-12-05 18:00 tot 2026-12-05 22:00",
        "Onderhoud: WIFI van 5-12-2026 18.00 tot 22:00 uur",
        "maintenance: WIFI from 2026-12-05T18:00 to 22:00",
        "gepland onderhoud: WIFI van 05/12/2026 om 18:00 - 22:00",
    ])
    func maintenance(line: String) {
        let parse = AnnouncementParser.parse(line + "\n\nWij vervangen de access points.")
        #expect(parse.command == .announce(type: .maintenance, services: "WIFI",
                                           period: NoticePeriod(from: at(2026, 12, 5, 18, 0), until: at(2026, 12, 5, 22, 0))))
        #expect(parse.text == "Wij vervangen de access points.")
    }

    @Test("R-OUT-2 a command line that cannot be read is a problem, not a notice", arguments: [
        "onderhoud: WIFI",
        "onderhoud: WIFI van 2026-12-05 22:00 tot 18:00",
        "onderhoud: WIFI van morgen tot overmorgen",
        "storing:",
        "update: CS0000001",
        "opgelost: NTC12",
    ])
    func problems(line: String) {
        let parse = AnnouncementParser.parse(line + "\ntekst")
        #expect(parse.command == nil)
        #expect(parse.problem != nil)
    }

    @Test("R-OUT-2 update and resolved name the notice, or leave it to the token the mail came to")
    func followUps() {
        #expect(AnnouncementParser.parse("update: NTC0000001\nNog bezig.").command == .update(NoticeNumber(1)))
        #expect(AnnouncementParser.parse("update: [NTC0000012]\nNog bezig.").command == .update(NoticeNumber(12)))
        #expect(AnnouncementParser.parse("Opgelost: NTC0000001").command == .resolve(NoticeNumber(1)))
        #expect(AnnouncementParser.parse("resolved:\n\nAll good.").command == .resolve(nil))
        #expect(AnnouncementParser.parse("opgelost:\n\nAll good.").text == "All good.")
    }

    @Test("A mail that does not start with a command is not an announcement")
    func notACommand() {
        for text in ["Hallo team,\nstoring: WIFI", "Dank je: tot morgen", ""] {
            let parse = AnnouncementParser.parse(text)
            #expect(parse.command == nil && parse.problem == nil)
        }
    }

    @Test("R-CAL-1 a local time is read in Europe/Amsterdam, winter and summer time")
    func instants() {
        #expect(at(2026, 12, 5, 18, 0).instant(in: .amsterdam) == Date(timeIntervalSince1970: 1_796_490_000))
        #expect(at(2026, 7, 1, 18, 0).instant(in: .amsterdam) == Date(timeIntervalSince1970: 1_782_921_600))
    }
}
