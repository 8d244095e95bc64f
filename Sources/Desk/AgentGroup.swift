import Foundation

/// A group of agents (DESIGN.md "Agents are a separate list with groups"): the desk's queues and the
/// functions of the DAP (PMO, incident and problem manager, CAB and E-CAB, CERT, the escalation ladder).
///
/// An open set, so a struct with static lets: the operator may add groups (`dapgate agents add --group G`).
/// Compared case-insensitively, with `_` and spaces read as `-` (`E-CAB`, `e_cab`, `e cab` are one group);
/// spelled as written.
public struct AgentGroup: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The name as written.
    public let name: String

    public init(_ name: String) {
        self.name = name
    }

    public var description: String { name }

    /// The comparison key: lowercased, accents folded, runs of spaces, `_` and `-` made one `-`.
    public var key: String { AgentGroup.key(name) }

    public static func == (a: AgentGroup, b: AgentGroup) -> Bool { a.key == b.key }
    public func hash(into hasher: inout Hasher) { hasher.combine(key) }

    // Codable as a plain string, the way the agents table stores it.
    public init(from decoder: any Decoder) throws {
        self.name = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }

    /// The first line: DAP R-AGENT-5, the desk's queue.
    public static let servicedesk = AgentGroup("servicedesk")
    /// DAP R-INC-6: plans on-site visits.
    public static let pmo = AgentGroup("pmo")
    /// DAP R-INC-7: major incidents.
    public static let incidentManager = AgentGroup("incident-manager")
    /// DAP R-PRB-1: proposed problems.
    public static let problemManager = AgentGroup("problem-manager")
    /// DAP R-CHG-1: changes.
    public static let changeCoordinator = AgentGroup("change-coordinator")
    /// DAP R-CHG-3: the weekly change advisory board.
    public static let cab = AgentGroup("cab")
    /// DAP R-CHG-4: the emergency CAB.
    public static let eCAB = AgentGroup("e-cab")
    /// DAP R-SEC-3: malware, ransomware, Cloudwise as the cause.
    public static let cert = AgentGroup("cert")
    /// DAP R-SEC-5: evaluates security incidents.
    public static let securityOfficer = AgentGroup("security-officer")
    /// DAP R-ESC-1: the first escalation step.
    public static let teamleadSupport = AgentGroup("teamlead-support")
    /// DAP R-ESC-1, R-CMP-2: the second step; management for complaints.
    public static let managerManagedServices = AgentGroup("manager-managed-services")
    /// DAP R-ESC-1, R-CMP-2: the last step.
    public static let directie = AgentGroup("directie")
    /// DAP R-CMP-2: the customer's contact, copied on complaints.
    public static let accountManager = AgentGroup("account-manager")

    /// The groups DESIGN.md names.
    public static let known: [AgentGroup] = [
        .servicedesk, .pmo, .incidentManager, .problemManager, .changeCoordinator, .cab, .eCAB, .cert,
        .securityOfficer, .teamleadSupport, .managerManagedServices, .directie, .accountManager,
    ]

    /// Other spellings of the known groups, by key.
    private static let aliases: [String: AgentGroup] = [
        "service-desk": .servicedesk,
        "ecab": .eCAB,
        "emergency-cab": .eCAB,
        "incidentmanager": .incidentManager,
        "incident-management": .incidentManager,
        "problemmanager": .problemManager,
        "problem-management": .problemManager,
        "changecoordinator": .changeCoordinator,
        "change-manager": .changeCoordinator,
        "securityofficer": .securityOfficer,
        "teamlead": .teamleadSupport,
        "teamleader-support": .teamleadSupport,
        "teamleider-support": .teamleadSupport,
        "manager-ms": .managerManagedServices,
        "accountmanager": .accountManager,
        "directeur": .directie,
        "operationeel-directeur": .directie,
    ]

    /// Reads a group name as an agent writes it (`PMO`, `E-CAB`, `teamlead support`, `ecab`).
    ///
    /// - Parameter among: the groups to accept; the known ones unless the gateway passes its configured
    ///   list. A name that is none of them, nor an alias of a known one in the list, is nil.
    public static func parse(_ text: String, among groups: [AgentGroup] = known) -> AgentGroup? {
        let k = key(text)
        guard !k.isEmpty else { return nil }
        if let group = groups.first(where: { $0.key == k }) { return group }
        if let group = aliases[k], groups.contains(group) { return group }
        return nil
    }

    private static func key(_ text: String) -> String {
        let folded = text.lowercased().folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
        var out = ""
        var pendingHyphen = false
        for ch in folded {
            if ch == " " || ch == "_" || ch == "-" || ch == "\t" {
                pendingHyphen = !out.isEmpty
            } else {
                if pendingHyphen { out.append("-") }
                pendingHyphen = false
                out.append(ch)
            }
        }
        return out
    }
}
