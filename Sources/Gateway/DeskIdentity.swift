import Desk
import Foundation
import Store

/// The desk's own address, from `DAPGATE_FROM` (`Servicedesk <info@cloudwise.test>`).
public struct DeskIdentity: Sendable {
    public var name: String?
    public var address: String
    public var envelopeFrom: String

    public var domain: String { String(address.split(separator: "@").last ?? "localhost") }

    public init(from text: String, envelopeFrom: String? = nil) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let open = trimmed.lastIndex(of: "<"), let close = trimmed.lastIndex(of: ">"), open < close {
            address = trimmed[trimmed.index(after: open)..<close].trimmingCharacters(in: .whitespaces).lowercased()
            let display = trimmed[..<open].trimmingCharacters(in: .whitespaces)
                .trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            name = display.isEmpty ? nil : display
        } else {
            address = trimmed.lowercased()
            name = nil
        }
        guard Gateway.isUsable(address: address) else {
            throw ConfigError("DAPGATE_FROM is not an address: \(text)")
        }
        self.envelopeFrom = (envelopeFrom ?? address).lowercased()
    }
}

/// Times in mail texts are shown in the desk's zone, Europe/Amsterdam (DAP R-CAL-1).
enum DeskClockText {
    static func local(_ stamp: String) -> String {
        guard let date = Timestamp.date(stamp) else { return stamp }
        return LocalText.dateTime(date)
    }
}
