/// What a notice announces (DAP R-INC-9, R-OUT-2, DAP 5.6.3): a disruption that affects several customers, or
/// planned maintenance of a Cloudwise service. A closed set.
public enum NoticeType: String, Sendable, Hashable, CaseIterable, Codable {
    /// A disruption ("storing", "verstoring") happening now.
    case outage
    /// Planned maintenance ("(gepland) onderhoud", "werkzaamheden") with a period.
    case maintenance

    /// The word in a notice's text.
    public func text(_ language: Language) -> String {
        switch (self, language) {
        case (.outage, .nl): "Storing"
        case (.outage, .en): "Outage"
        case (.maintenance, .nl): "Gepland onderhoud"
        case (.maintenance, .en): "Planned maintenance"
        }
    }
}
