import Desk
import Foundation
import Testing

@Suite("Notice services")
struct NoticeServiceTests {
    let list = NoticeServiceList([
        NoticeService(code: "WIFI", name: "Wifi", description: "Draadloos netwerk", aliases: ["wlan"]),
        NoticeService(code: "M365", name: "Microsoft 365", aliases: ["office", "o365"]),
        NoticeService(code: "mag", name: "Magister"),
        NoticeService(code: "CHROME", name: "Chromebooks"),
    ])

    @Test("R-OUT-1 service words resolve by code, alias or name (case, accents, spaces, hyphens ignored), each once",
          arguments: [
              ("wifi", ["WIFI"], [String]()),
              ("WIFI M365", ["WIFI", "M365"], []),
              ("wi-fi, Microsoft 365 en Magister", ["WIFI", "M365", "MAG"], []),
              ("office and wlan", ["M365", "WIFI"], []),
              ("wifi WIFI Wi-Fi", ["WIFI"], []),
              ("chromebooks printen", ["CHROME"], ["printen"]),
              ("", [], []),
          ])
    func resolve(text: String, codes: [String], unknown: [String]) {
        let result = list.resolve(text)
        #expect(result.known.map(\.code) == codes)
        #expect(result.unknown == unknown)
    }

    @Test("R-OUT-1 codes are kept upper case; a service is found by its code in any case")
    func codes() {
        #expect(list.service(code: "mag")?.name == "Magister")
        #expect(list.service(code: "Mag")?.code == "MAG")
        #expect(list.service(code: "PRINT") == nil)
    }

    @Test("The operator's JSON needs code and name; description and aliases are optional")
    func decoding() throws {
        let json = #"[{"code": "wifi", "name": "Wifi"}, {"code": "M365", "name": "Microsoft 365", "description": "Teams", "aliases": ["o365"]}]"#
        let services = try JSONDecoder().decode([NoticeService].self, from: Data(json.utf8))
        #expect(services == [NoticeService(code: "WIFI", name: "Wifi"),
                             NoticeService(code: "M365", name: "Microsoft 365", description: "Teams", aliases: ["o365"])])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([NoticeService].self, from: Data(#"[{"code": "X"}]"#.utf8)) }
    }
}
