import Desk
import Foundation
import Testing

@Suite("The phases of a change")
struct ChangePhaseTests {
    @Test("R-CHG-5 the phases in order, each followed by the next")
    func order() {
        #expect(ChangePhase.allCases == [
            .registered, .authorised, .impactAnalysis, .planned, .build, .test, .implement, .evaluate, .closed,
        ])
        var phase: ChangePhase? = .registered
        var walked: [ChangePhase] = []
        while let p = phase {
            walked.append(p)
            phase = p.next
        }
        #expect(walked == ChangePhase.allCases)
        #expect(ChangePhase.closed.next == nil)
        #expect(ChangePhase.test.next == .implement)
    }

    @Test(
        "R-CHG-5 Dutch and English names",
        arguments: [
            ("geregistreerd", ChangePhase.registered), ("registered", .registered), ("geautoriseerd", .authorised),
            ("goedgekeurd", .authorised), ("authorised", .authorised), ("authorized", .authorised),
            ("impactanalyse", .impactAnalysis), ("impact analyse", .impactAnalysis), ("Impact-analyse", .impactAnalysis),
            ("impact analysis", .impactAnalysis), ("impact_analysis", .impactAnalysis), ("gepland", .planned),
            ("planning", .planned), ("planned", .planned), ("bouw", .build), ("bouwen", .build), ("Build", .build),
            ("test", .test), ("testen", .test), ("TEST.", .test), ("implementatie", .implement),
            ("implementeren", .implement), ("uitrol", .implement), ("uitrollen", .implement), ("implement", .implement),
            ("implementation", .implement), ("evaluatie", .evaluate), ("evalueren", .evaluate), ("evaluate", .evaluate),
            ("evaluation", .evaluate), ("gesloten", .closed), ("afgesloten", .closed), ("closed", .closed),
            ("  Évaluatie ", .evaluate),
        ])
    func parse(text: String, phase: ChangePhase) {
        #expect(ChangePhase.parse(text) == phase)
    }

    @Test("R-CHG-5 unknown names are nil", arguments: ["", "fase 2", "klaar", "bouwen en testen", "done", "impact"])
    func unknown(text: String) {
        #expect(ChangePhase.parse(text) == nil)
    }

    @Test("R-CHG-5 the text for the requester, Dutch and English, read back by parse")
    func text() {
        #expect(ChangePhase.impactAnalysis.text(language: "nl") == "impactanalyse")
        #expect(ChangePhase.impactAnalysis.text(language: "en") == "impact analysis")
        #expect(ChangePhase.build.text(language: "nl") == "bouw")
        #expect(ChangePhase.implement.text(language: "en") == "implementation")
        for phase in ChangePhase.allCases {
            #expect(ChangePhase.parse(phase.text(language: "nl")) == phase)
            #expect(ChangePhase.parse(phase.text(language: "en")) == phase)
            #expect(ChangePhase.parse(phase.rawValue) == phase)
        }
    }

    @Test("R-CHG-5 raw values and Codable")
    func codable() throws {
        #expect(ChangePhase.impactAnalysis.rawValue == "impact_analysis")
        let data = try JSONEncoder().encode([ChangePhase.impactAnalysis, .test])
        #expect(String(decoding: data, as: UTF8.self) == "[\"impact_analysis\",\"test\"]")
        #expect(try JSONDecoder().decode([ChangePhase].self, from: data) == [.impactAnalysis, .test])
    }
}
