import Desk
import Foundation
@testable import Gateway
import Testing

@Suite("Services file")
struct NoticeServiceFileTests {
    private func write(_ text: String, _ name: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString)-\(name)").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("R-OUT-1 the shipped config/services.json has Cloudwise's services")
    func shipped() throws {
        let list = try NoticeServiceFile.load(repository.appendingPathComponent("config/services.json").path)
        for code in ["WIFI", "MAG", "M365", "CHROME", "PRINT"] { #expect(list.service(code: code) != nil, "\(code)") }
        #expect(list.resolve("Microsoft 365").known.first?.code == "M365")
    }

    @Test("R-OUT-1 CSV with code,name,description and aliases")
    func csv() throws {
        let path = try write("code,name,description,aliases\r\nwifi,Wifi,\"Draadloos, op school\",wlan;draadloos\r\nMAG,Magister,,\r\n", "services.csv")
        let list = try NoticeServiceFile.load(path)
        #expect(list.services.map(\.code) == ["WIFI", "MAG"])
        #expect(list.services[0].description == "Draadloos, op school" && list.services[0].aliases == ["wlan", "draadloos"])
    }

    @Test("A services file with a duplicate or bad code, or no name, is refused at start-up", arguments: [
        #"[{"code": "WIFI", "name": "Wifi"}, {"code": "wifi", "name": "Ook wifi"}]"#,
        #"[{"code": "WI FI", "name": "Wifi"}]"#,
        #"[{"code": "WIFI", "name": " "}]"#,
        #"{"nothing": []}"#,
    ])
    func refused(json: String) throws {
        let path = try write(json, "services.json")
        #expect(throws: ConfigError.self) { try NoticeServiceFile.load(path) }
    }

    @Test("DAPGATE_NOTICE_RATE, DAPGATE_BOUNCE_LIMIT, DAPGATE_UNSUBSCRIBE_URL and DAPGATE_LIST_ID are read and checked")
    func config() throws {
        let config = try Config.load(path: nil, environment: [
            "DAPGATE_CONFIG": "/nonexistent", "DAPGATE_STATUS_ADDRESS": "Status@Cloudwise.nl", "DAPGATE_NOTICE_RATE": "12.5",
            "DAPGATE_BOUNCE_LIMIT": "5", "DAPGATE_UNSUBSCRIBE_URL": "https://status.cloudwise.nl/afmelden",
            "DAPGATE_LIST_ID": "Cloudwise storingen <storingen.cloudwise.nl>", "DAPGATE_SERVICES": "/etc/services.json",
        ])
        #expect(config.statusAddress == "status@cloudwise.nl")
        #expect(config.noticeRate == 12.5 && config.bounceLimit == 5)
        #expect(config.unsubscribeURL == "https://status.cloudwise.nl/afmelden")
        #expect(config.listID == "Cloudwise storingen <storingen.cloudwise.nl>")
        #expect(config.services == "/etc/services.json")
        #expect(Config().bounceLimit == 3 && Config().noticeRate == 0 && Config().listID == "<cloudwise-status.cloudwise.test>")
        for (variable, value) in [("DAPGATE_UNSUBSCRIBE_URL", "http://status.cloudwise.nl/x"),
                                  ("DAPGATE_UNSUBSCRIBE_URL", "https://x.nl/a b"), ("DAPGATE_LIST_ID", "storingen"),
                                  ("DAPGATE_STATUS_ADDRESS", "status+x@cloudwise.nl"), ("DAPGATE_NOTICE_RATE", "-1")] {
            #expect(throws: ConfigError.self, "\(variable)=\(value)") {
                try Config.load(path: nil, environment: ["DAPGATE_CONFIG": "/nonexistent", variable: value])
            }
        }
    }
}
