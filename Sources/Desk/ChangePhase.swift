/// The phases of a change (DAP R-CHG-5): registered → authorised → impact analysis → planned → build → test
/// (back to build when the test fails, `AgentCommand.testFailed`) → implement (rollback possible,
/// `AgentCommand.rollback`) → evaluate → closed.
public enum ChangePhase: String, CaseIterable, Sendable, Hashable, Codable {
    case registered
    case authorised
    case impactAnalysis = "impact_analysis"
    case planned
    case build
    case test
    case implement
    case evaluate
    case closed

    /// The phase's name for the requester, in Dutch (`"nl"`, the default for anything else) or English
    /// (`"en"`): `impactanalyse` / `impact analysis`.
    public func text(language: String) -> String {
        let en = language.trimmedSpaces.lowercased().hasPrefix("en")
        switch self {
        case .registered: return en ? "registered" : "geregistreerd"
        case .authorised: return en ? "authorised" : "geautoriseerd"
        case .impactAnalysis: return en ? "impact analysis" : "impactanalyse"
        case .planned: return en ? "planned" : "gepland"
        case .build: return en ? "build" : "bouw"
        case .test: return en ? "test" : "test"
        case .implement: return en ? "implementation" : "implementatie"
        case .evaluate: return en ? "evaluation" : "evaluatie"
        case .closed: return en ? "closed" : "gesloten"
        }
    }

    /// A phase by its Dutch or English name, folded (case, accents, `_` and `-` as spaces, end punctuation
    /// dropped): `geregistreerd`, `geautoriseerd`/`goedgekeurd`, `impactanalyse`/`impact analyse`, `gepland`/
    /// `planning`, `bouw`/`bouwen`/`build`, `test`/`testen`, `implementatie`/`implementeren`/`uitrol`/
    /// `uitrollen`/`implement`/`implementation`, `evaluatie`/`evalueren`/`evaluate`/`evaluation`,
    /// `gesloten`/`afgesloten`/`closed`, and the raw values (`impact_analysis`). nil for anything else.
    public static func parse(_ text: String) -> ChangePhase? {
        // `MailText.words` splits at `_`, `-` and spaces alike.
        let key = MailText.words(text).joined(separator: " ")
        return names[key]
    }

    /// The next phase in DAP R-CHG-5 order (nil after closed).
    public var next: ChangePhase? {
        let all = ChangePhase.allCases
        guard let index = all.firstIndex(of: self), index + 1 < all.count else { return nil }
        return all[index + 1]
    }

    private static let names: [String: ChangePhase] = [
        "registered": .registered, "geregistreerd": .registered, "registratie": .registered,
        "registration": .registered,
        "authorised": .authorised, "authorized": .authorised, "geautoriseerd": .authorised,
        "goedgekeurd": .authorised, "autorisatie": .authorised, "authorisation": .authorised,
        "authorization": .authorised, "approved": .authorised,
        "impact analysis": .impactAnalysis, "impactanalyse": .impactAnalysis, "impact analyse": .impactAnalysis,
        "impactanalysis": .impactAnalysis,
        "planned": .planned, "gepland": .planned, "ingepland": .planned, "planning": .planned,
        "build": .build, "bouw": .build, "bouwen": .build, "building": .build, "realisatie": .build,
        "test": .test, "testen": .test, "testing": .test, "testfase": .test,
        "implement": .implement, "implementation": .implement, "implementatie": .implement,
        "implementeren": .implement, "uitrol": .implement, "uitrollen": .implement, "rollout": .implement,
        "roll out": .implement, "deployment": .implement,
        "evaluate": .evaluate, "evaluation": .evaluate, "evaluatie": .evaluate, "evalueren": .evaluate,
        "closed": .closed, "gesloten": .closed, "afgesloten": .closed,
    ]
}
