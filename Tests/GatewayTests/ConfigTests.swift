import Foundation
@testable import Gateway
import Testing

@Suite("Configuration")
struct ConfigTests {
    @Test("The file format: sections, comments, quotes")
    func parse() throws {
        let values = try Config.parse("""
            # dapgate.conf
            [imap]
            url = imaps://mail.example.nl/INBOX
            user = "info@cloudwise.nl"
            ; comment
            [gateway]
            interval = 15
            """)
        #expect(values["imap.url"] == "imaps://mail.example.nl/INBOX")
        #expect(values["imap.user"] == "info@cloudwise.nl")
        #expect(values["gateway.interval"] == "15")
        #expect(throws: ConfigError.self) { try Config.parse("[imap\nurl = x") }
        #expect(throws: ConfigError.self) { try Config.parse("just words") }
    }

    @Test("DAPGATE_* variables override the file; *_FILE reads a password from a file")
    func environment() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cfg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("dapgate.conf").path
        try "[imap]\nurl = imap://file/INBOX\npassword = fromfile\n[gateway]\nbatch_size = 7\n".write(toFile: file, atomically: true, encoding: .utf8)
        let secret = directory.appendingPathComponent("pw").path
        try "s3cret\n".write(toFile: secret, atomically: true, encoding: .utf8)
        let config = try Config.load(path: file, environment: [
            "DAPGATE_IMAP_URL": "imaps://env/INBOX",
            "DAPGATE_SMTP_PASSWORD_FILE": secret,
            "DAPGATE_FROM": "Desk <desk@cloudwise.test>",
            "DAPGATE_DB": "/tmp/x.sqlite",
        ])
        #expect(config.imapURL == "imaps://env/INBOX")
        #expect(config.imapPassword == "fromfile")
        #expect(config.smtpPassword == "s3cret")
        #expect(config.batchSize == 7)
        #expect(config.from == "Desk <desk@cloudwise.test>")
        #expect(config.database == "/tmp/x.sqlite")
        #expect(throws: ConfigError.self) { try Config.load(path: directory.appendingPathComponent("missing").path, environment: [:]) }
        #expect(throws: ConfigError.self) { try Config.load(path: nil, environment: ["DAPGATE_BATCH_SIZE": "many", "DAPGATE_CONFIG": "/nonexistent"]) }
    }

    @Test("The desk's identity comes from DAPGATE_FROM")
    func identity() throws {
        let desk = try DeskIdentity(from: "\"Servicedesk Cloudwise\" <Info@Cloudwise.test>")
        #expect(desk.name == "Servicedesk Cloudwise")
        #expect(desk.address == "info@cloudwise.test")
        #expect(desk.domain == "cloudwise.test")
        #expect(desk.envelopeFrom == "info@cloudwise.test")
        #expect(throws: ConfigError.self) { try DeskIdentity(from: "not an address") }
    }
}

@Suite("Templates")
struct TemplatesTests {
    @Test("Placeholders are filled; unknown ones stay visible")
    func fill() {
        #expect(Templates.fill("{{case_tag}} {{ subject }} {{nope}}", ["case_tag": "[CS0000001]", "subject": "Printer"])
                == "[CS0000001] Printer {{nope}}")
        #expect(Templates.fill("no placeholders {{", [:]) == "no placeholders {{")
    }

    @Test("A value for a subject line cannot carry a line break")
    func oneLine() {
        #expect(Templates.oneLine("Hi\r\nBcc: evil@x") == "Hi  Bcc: evil@x")
        #expect(Templates.oneLine("a\u{2028}b\u{85}c") == "a b c")
    }

    @Test("Every shipped template has a subject, a blank line and a body, in nl and en")
    func shipped() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("templates").path
        var templates = Templates(folder: root)
        for language in ["nl", "en"] {
            let template = try templates.template("confirmation", language: language)
            #expect(template.subject.contains("{{case_tag}}"))
            #expect(template.body.contains("{{case_number}}"))
        }
    }
}

@Suite("Contacts CSV (DAP R-AUTH-1)")
struct ContactsCSVTests {
    @Test("R-AUTH-1 RFC 4180 quoting, any column order, lower-cased addresses")
    func parse() throws {
        let text = "role,email,name,organisation,location\r\n"
            + "school-ict,Tom@School.test,\"Jansen, Tom\",Stichting Noord,\"OBS \"\"De Regenboog\"\"\"\r\n"
            + "gebruiker,alice@school.test,Alice,Stichting Noord,OBS\r\n"
        let contacts = try Commands.parseContacts(text, file: "c.csv")
        #expect(contacts.count == 2)
        #expect(contacts[0].email == "tom@school.test")
        #expect(contacts[0].name == "Jansen, Tom")
        #expect(contacts[0].location == "OBS \"De Regenboog\"")
    }

    @Test("R-AUTH-1 a bad role, address or header names the line", arguments: [
        "email,name,organisation,location,role\nalice@school.test,A,Org,L,admin\n",
        "email,name,organisation,location,role\nnot-an-address,A,Org,L,gebruiker\n",
        "email,name,location,role\nalice@school.test,A,L,gebruiker\n",
    ])
    func rejects(text: String) {
        #expect(throws: CommandError.self) { try Commands.parseContacts(text, file: "c.csv") }
    }
}
