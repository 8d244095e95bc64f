/// The three kinds of change (DAP 7, R-CHG-1).
public enum ChangeKind: String, Sendable, CaseIterable, Codable {
    /// Pre-authorised and listed per service in the service description; goes straight to implementation.
    case standard
    /// Non-standard: risk and impact still to be assessed; to the CAB (R-CHG-3).
    case normal
    /// Urgent non-standard change; to the E-CAB at once (R-CHG-4).
    case emergency

    /// Whether the authorisation matrix treats it as a standard change (Authorisation matrix, R-AUTH-2).
    public var isStandard: Bool { self == .standard }
}
