import Desk
import Testing

@Suite("Priority from impact and urgency")
struct PriorityTests {
    @Test(
        "R-CASE-5 the default priority table",
        arguments: [
            (Impact.high, Urgency.high, Priority.p1),
            (.high, .medium, .p2), (.medium, .high, .p2),
            (.high, .low, .p3), (.medium, .medium, .p3), (.low, .high, .p3),
            (.medium, .low, .p4), (.low, .medium, .p4), (.low, .low, .p4),
        ])
    func table(impact: Impact, urgency: Urgency, priority: Priority) {
        #expect(PriorityMatrix.standard.priority(impact: impact, urgency: urgency) == priority)
    }

    @Test("R-CASE-5 the table is configurable")
    func configurable() {
        let strict = PriorityMatrix(cells: [.init(impact: .high, urgency: .high, priority: .p1)], fallback: .p3)
        #expect(strict.priority(impact: .high, urgency: .medium) == .p3)
    }

    @Test("R-CASE-5 P1 from \"Impact: hoog / Urgentie: hoog\"")
    func statedHigh() {
        let a = PriorityAssessment.assess(
            subject: "Geen netwerk", body: "Alles ligt eruit.\nImpact: hoog / Urgentie: hoog\nGroet")
        #expect(a.impact == .high)
        #expect(a.urgency == .high)
        #expect(a.impactSource == .stated)
        #expect(a.urgencySource == .stated)
        #expect(PriorityMatrix.standard.priority(impact: a.impact, urgency: a.urgency) == .p1)
    }

    @Test(
        "R-CASE-5 stated values in Dutch and English, lines and tags",
        arguments: [
            ("", "Impact: middel\nUrgentie: laag", Impact.medium, Urgency.low),
            ("", "impact = Gemiddeld, urgentie = HOOG", .medium, .high),
            ("[Impact: high] [Urgency: medium] Mail down", "", .high, .medium),
            ("Printer [Urgentie hoog]", "Impact: laag", .low, .high),
            ("", "Impact: High\r\nUrgency: Low", .high, .low),
        ])
    func stated(subject: String, body: String, impact: Impact, urgency: Urgency) {
        let a = PriorityAssessment.assess(subject: subject, body: body)
        #expect(a.impact == impact)
        #expect(a.urgency == urgency)
    }

    @Test("R-CASE-5 without stated values: impact low, urgency medium")
    func defaults() {
        let a = PriorityAssessment.assess(subject: "Printer lokaal 4", body: "De printer doet het niet.")
        #expect(a.impact == .low)
        #expect(a.urgency == .medium)
        #expect(a.impactSource == .fallback)
        #expect(PriorityMatrix.standard.priority(impact: a.impact, urgency: a.urgency) == .p4)
    }

    @Test(
        "R-CASE-5 organisation-wide wording raises impact to high, group wording to medium",
        arguments: [
            ("Sinds 9 uur kan niemand inloggen op Magister.", Impact.high),
            ("De hele school heeft geen internet.", .high),
            ("Nobody can reach the internet, whole school is affected.", .high),
            ("Het probleem speelt op alle locaties.", .high),
            ("De hele klas kan niet inloggen.", .medium),
            ("Colleagues have the same issue.", .medium),
            ("Het is niet de hele school, alleen mijn laptop.", .low),
        ])
    func wording(body: String, impact: Impact) {
        #expect(PriorityAssessment.assess(subject: "Storing", body: body).impact == impact)
    }

    @Test("R-CASE-5 a stated impact wins over wording, and urgency wording sets urgency")
    func statedWins() {
        let a = PriorityAssessment.assess(
            subject: "Spoed: wifi", body: "De hele school heeft geen wifi.\nImpact: middel")
        #expect(a.impact == .medium)
        #expect(a.urgency == .high)
        #expect(a.urgencySource == .wording)
        let calm = PriorityAssessment.assess(subject: "Beamer", body: "Geen haast, volgende week is prima.")
        #expect(calm.urgency == .low)
    }
}
