import Foundation
import Testing

extension Integration {
/// The DAP at intake, by real mail: who, what, how urgent, may they (DAP R-AUTH-1, R-AUTH-2, R-CASE-4,
/// R-CASE-5, R-INC-2, R-INC-5).
@Suite("Intake rules on the real mail stack")
struct IntakeTests {
    private func gatewayWithDirectory() throws -> DapgateBinary {
        try DapgateBinary.withDirectory()
    }

    private func body(of raw: String) -> String {
        // The confirmation is quoted-printable: undo soft breaks and =XX escapes enough to read it.
        let text = raw.replacingOccurrences(of: "\r\n", with: "\n")
        guard let start = text.range(of: "\n\n") else { return text }
        var out = String(text[start.upperBound...]).replacingOccurrences(of: "=\n", with: "")
        for (code, char) in [("=3D", "="), ("=C3=A9", "é"), ("=C3=B6", "ö"), ("=E2=80=93", "–")] {
            out = out.replacingOccurrences(of: code, with: char)
        }
        return out
    }

    @Test("R-INC-2 a P1 mailed by a user gets a confirmation with the phone advice; cases list shows type and priority")
    func p1ByMail() throws {
        try MailStack.reset()
        let gateway = try gatewayWithDirectory()
        try Client.send(from: "alice@school.test", to: [MailStack.desk], raw: customerMail(
            from: "alice@school.test", name: "Alice de Vries", subject: "[Storing] Niemand kan inloggen op Magister",
            body: "Impact: hoog\r\nUrgentie: hoog\r\n\r\nSinds 8 uur kan op de hele school niemand meer inloggen op Magister.",
            messageID: "<p1-\(UUID().uuidString)@school.test>"))
        try Client.waitFor(MailStack.desk, count: 1)
        #expect(try gateway.run(["poll", "--once"]).status == 0)
        let cases = try gateway.cases()
        #expect(cases.first?["type"] as? String == "incident")
        #expect(cases.first?["priority"] as? Int == 1)
        #expect(cases.first?["role"] as? String == "gebruiker")
        #expect(cases.first?["reaction_due"] is String)
        let uids = try Client.waitFor("alice@school.test", count: 1)
        let text = body(of: try Client.fetch("alice@school.test", uid: uids[0]))
        #expect(text.contains("074 240 46 66"))
        #expect(text.contains("prioriteit 1"))
        #expect(text.contains("reactietijd niet garanderen"))
    }

    @Test("R-AUTH-2 a gebruiker asking for a change is refused and told to ask the stichting ICT contact")
    func gebruikerChangeRefused() throws {
        try MailStack.reset()
        let gateway = try gatewayWithDirectory()
        try Client.send(from: "alice@school.test", to: [MailStack.desk], raw: customerMail(
            from: "alice@school.test", name: "Alice de Vries", subject: "[Wijziging] Nieuwe VLAN voor de gymzaal",
            body: "Graag een aparte VLAN en een nieuwe SSID voor de gymzaal.",
            messageID: "<chg-\(UUID().uuidString)@school.test>"))
        try Client.waitFor(MailStack.desk, count: 1)
        #expect(try gateway.run(["poll", "--once"]).status == 0)
        let cases = try gateway.cases()
        #expect(cases.first?["type"] as? String == "change")
        #expect(cases.first?["status"] as? String == "refused")
        #expect(cases.first?["authorisation"] as? String == "refused")
        let uids = try Client.waitFor("alice@school.test", count: 1)
        let text = body(of: try Client.fetch("alice@school.test", uid: uids[0]))
        #expect(text.contains("Sanne Bakker"))
        #expect(text.contains("sanne@school.test"))
    }

    @Test("R-AUTH-1 an unknown sender gets a case and the unknown-organisation reply")
    func unknownSender() throws {
        try MailStack.reset()
        let gateway = try gatewayWithDirectory()
        // Outside every known domain: the confirmation is caught by catchall@example.test (nothing leaves the box).
        try Client.send(from: "ouder@gmail.com", to: [MailStack.desk], raw: customerMail(
            from: "ouder@gmail.com", name: "Een ouder", subject: "Vraag over het ouderportaal",
            body: "Waar vind ik het rooster van mijn zoon?", messageID: "<unk-\(UUID().uuidString)@gmail.com>"))
        try Client.waitFor(MailStack.desk, count: 1)
        #expect(try gateway.run(["poll", "--once"]).status == 0)
        let cases = try gateway.cases()
        #expect(cases.count == 1)
        #expect(cases.first?["role"] as? String == "unknown")
        let uids = try Client.waitFor("catchall@example.test", count: 1)
        let raw = try Client.fetch("catchall@example.test", uid: uids[0])
        #expect(raw.contains("for <ouder@gmail.com>"))
        #expect(body(of: raw).contains("niet koppelen aan een school of stichting"))
    }

    @Test("R-INC-5 sweep --at fires the 75% warning and the breach to the queue address, each once")
    func sweepWarnsTheDesk() throws {
        try MailStack.reset()
        let gateway = try gatewayWithDirectory()
        try Client.send(from: "teacher@school.test", to: [MailStack.desk], raw: customerMail(
            from: "teacher@school.test", name: "Tom Jansen", subject: "[Storing] Printer lokaal 4 kapot",
            body: "Impact: laag\r\nUrgentie: hoog\r\n\r\nDe printer in lokaal 4 geeft papierstoring.",
            messageID: "<sla-\(UUID().uuidString)@school.test>"))
        try Client.waitFor(MailStack.desk, count: 1)
        #expect(try gateway.run(["poll", "--once"]).status == 0)
        let record = try #require(try gateway.cases().first)
        let warning = try #require(try gateway.show(record["number"] as! String)["resolution_due"] as? String)
        _ = warning
        // Far in the future every timer is due: reaction, warning and breach, each mailed once.
        let sweep = try gateway.run(["sweep", "--at", "2030-01-01T12:00:00Z"])
        #expect(sweep.status == 0, "\(sweep.stderr)")
        #expect(sweep.stdout.contains("sla-warning"))
        #expect(sweep.stdout.contains("sla-breach"))
        let again = try gateway.run(["sweep", "--at", "2030-01-01T12:00:00Z"])
        #expect(again.stdout.contains("nothing due"))
        // The new-case notice (R-AGENT-5), then the passed reaction target, the warning and the breach, and
        // the breach's escalation (R-ESC-1: no teamlead registered, so the queue gets it).
        let uids = try Client.waitFor("queue@cloudwise.test", count: 5)
        #expect(uids.count == 5)
        let subjects = try uids.map { header("Subject", in: try Client.fetch("queue@cloudwise.test", uid: $0)) ?? "" }
        #expect(subjects.contains { $0.contains("SLA-waarschuwing") })
        #expect(subjects.contains { $0.contains("SLA verbroken") })
        #expect(subjects.contains { $0.contains("scalatie") })
    }
}
}
