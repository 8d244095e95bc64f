/// Where a notice is in its life (DAP R-OUT-2): a draft waits for the agent's confirmation by mail, an open
/// notice has gone out and may get updates, a resolved one got its closing notice. A closed set.
public enum NoticeStatus: String, Sendable, Hashable, CaseIterable, Codable {
    case draft, open, resolved, cancelled
}

/// The mails of one notice, in one thread (DAP R-OUT-2): the announcement, updates, the closing notice.
public enum NoticeMessageKind: String, Sendable, Hashable, CaseIterable, Codable {
    case announcement, update, resolved
}
