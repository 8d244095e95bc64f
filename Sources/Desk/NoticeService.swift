import Foundation

/// A Cloudwise service that customers can follow for outage and maintenance notices (DAP 5.6.3, R-OUT-1):
/// Wifi, Magister, Microsoft 365, Chromebooks, Printen, …
///
/// The list is operator configuration (`DAPGATE_SERVICES`, JSON or CSV), read by the gateway; Desk only
/// matches what a subscriber or an agent wrote against it.
public struct NoticeService: Sendable, Hashable, Codable {
    /// The short code subscribers and agents write, e.g. `WIFI`, `M365`; kept upper case.
    public var code: String
    /// The name in notices, e.g. `Microsoft 365`.
    public var name: String
    /// One line that tells a subscriber what the service covers.
    public var description: String
    /// Other words that name the service (`office`, `o365`); matched like the code.
    public var aliases: [String]

    public init(code: String, name: String, description: String = "", aliases: [String] = []) {
        self.code = code.uppercased()
        self.name = name
        self.description = description
        self.aliases = aliases
    }

    private enum CodingKeys: String, CodingKey { case code, name, description, aliases }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            code: try container.decode(String.self, forKey: .code), name: try container.decode(String.self, forKey: .name),
            description: try container.decodeIfPresent(String.self, forKey: .description) ?? "",
            aliases: try container.decodeIfPresent([String].self, forKey: .aliases) ?? [])
    }
}

/// The configured services, and how words in a mail name them.
public struct NoticeServiceList: Sendable, Hashable {
    public var services: [NoticeService]

    public init(_ services: [NoticeService]) {
        self.services = services
    }

    /// The service with this code (case-insensitive).
    public func service(code: String) -> NoticeService? {
        let wanted = code.uppercased()
        return services.first { $0.code == wanted }
    }

    /// Reads service words as a subscriber or an agent wrote them (`wifi, m365`, `Microsoft 365`, `wi-fi`,
    /// `WIFI en Magister`): each run of words that spells a code, an alias or a name (case, accents, spaces
    /// and hyphens ignored) is that service, longest run first; `en`/`and` between them are skipped; any other
    /// word is returned in `unknown`, as written. Each service is returned once, in the order written.
    public func resolve(_ text: String) -> (known: [NoticeService], unknown: [String]) {
        let words = MailText.words(text)
        var known: [NoticeService] = []
        var unknown: [String] = []
        var index = 0
        while index < words.count {
            var matched = false
            for length in stride(from: min(4, words.count - index), through: 1, by: -1) {
                let key = words[index..<index + length].joined()
                if let service = lookup[key] {
                    if !known.contains(service) { known.append(service) }
                    index += length
                    matched = true
                    break
                }
            }
            if matched { continue }
            if !Self.fillers.contains(words[index]) { unknown.append(words[index]) }
            index += 1
        }
        return (known, unknown)
    }

    /// Words between service names that name nothing.
    static let fillers: Set<String> = ["en", "and", "of", "or", "voor", "for", "de", "het", "the", "dienst", "diensten",
                                       "service", "services"]

    /// Folded key (lowercase, no accents, no spaces or hyphens) → service.
    private var lookup: [String: NoticeService] {
        var table: [String: NoticeService] = [:]
        for service in services {
            for word in [service.name] + service.aliases + [service.code] {
                let key = MailText.words(word).joined()
                if !key.isEmpty { table[key] = service }
            }
        }
        return table
    }
}
