import Desk
import Foundation

/// Reads the services subscribers can follow (DAP R-OUT-1) from the operator's file (`DAPGATE_SERVICES`):
/// JSON, an array of `{"code", "name", "description", "aliases"}` objects or `{"services": [...]}`; or CSV
/// (RFC 4180) with a header row naming `code,name,description` and optionally `aliases` (separated by
/// spaces or semicolons). Codes must be unique, letters and digits.
enum NoticeServiceFile {
    static func load(_ path: String) throws -> NoticeServiceList {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError("cannot read the services file \(path) (DAPGATE_SERVICES)")
        }
        let services: [NoticeService]
        if path.lowercased().hasSuffix(".csv") {
            services = try csv(String(decoding: data, as: UTF8.self), file: path)
        } else {
            struct Wrapped: Decodable { var services: [NoticeService] }
            do {
                if let list = try? JSONDecoder().decode([NoticeService].self, from: data) {
                    services = list
                } else {
                    services = try JSONDecoder().decode(Wrapped.self, from: data).services
                }
            } catch {
                throw ConfigError("the services file \(path) is not valid JSON services: \(error)")
            }
        }
        var seen = Set<String>()
        for service in services {
            guard !service.code.isEmpty, service.code.count <= 16,
                  service.code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
                throw ConfigError("\(path): service code \(service.code) must be 1-16 letters and digits")
            }
            guard seen.insert(service.code).inserted else { throw ConfigError("\(path): service code \(service.code) twice") }
            guard !service.name.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw ConfigError("\(path): service \(service.code) has no name")
            }
        }
        return NoticeServiceList(services)
    }

    static func csv(_ text: String, file: String) throws -> [NoticeService] {
        var rows = CSV.rows(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        guard !rows.isEmpty else { throw ConfigError("\(file): empty file") }
        let header = rows.removeFirst().fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard let code = header.firstIndex(of: "code"), let name = header.firstIndex(of: "name") else {
            throw ConfigError("\(file): the header row needs code,name (and optionally description,aliases)")
        }
        let description = header.firstIndex(of: "description")
        let aliases = header.firstIndex(of: "aliases")
        return rows.compactMap { _, fields in
            func field(_ index: Int?) -> String {
                guard let index, index < fields.count else { return "" }
                return fields[index].trimmingCharacters(in: .whitespaces)
            }
            if fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { return nil }
            return NoticeService(code: field(code), name: field(name), description: field(description),
                                 aliases: field(aliases).split(whereSeparator: { $0 == " " || $0 == ";" }).map(String.init))
        }
    }
}
