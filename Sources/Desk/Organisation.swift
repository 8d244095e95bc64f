import Foundation

/// A customer organisation ("opdrachtgever"): a school foundation with its schools, its mail domains and
/// the flags the intake rules need.
public struct Organisation: Sendable, Hashable, Codable {
    public var name: String
    /// Mail domains of the organisation (`deregenboog.test`); subdomains belong to it too.
    public var domains: [String]
    /// DAP R-INC-3: the organisation has the on-call service ("consignatiedienst").
    public var onCall: Bool
    /// The account manager's address: copied on complaints (DAP R-CMP-2).
    public var accountManager: String?
    /// The stichting ICT contacts: who may submit any change (DAP R-AUTH-2, Authorisation matrix).
    public var stichtingICTContacts: [Contact]
    /// The school ICT contacts, each with its location: who may submit a standard change at that location.
    public var schoolICTContacts: [Contact]

    public init(
        name: String,
        domains: [String],
        onCall: Bool = false,
        accountManager: String? = nil,
        stichtingICTContacts: [Contact] = [],
        schoolICTContacts: [Contact] = []
    ) {
        self.name = name
        self.domains = domains
        self.onCall = onCall
        self.accountManager = accountManager
        self.stichtingICTContacts = stichtingICTContacts
        self.schoolICTContacts = schoolICTContacts
    }

    /// Whether `domain` is one of the organisation's domains or a subdomain of one (case-insensitive).
    public func owns(domain: String) -> Bool {
        let d = MailAddressText.normalisedDomain(domain)
        guard !d.isEmpty else { return false }
        return domains.contains { own in
            let o = MailAddressText.normalisedDomain(own)
            return !o.isEmpty && (d == o || d.hasSuffix("." + o))
        }
    }
}

/// Small helpers on the text of an address as the gateway hands it over.
enum MailAddressText {
    /// `Alice <Alice@School.Test>` or `alice@school.test` → `alice@school.test`.
    static func normalised(_ address: String) -> String {
        var a = Substring(address)
        if let open = a.lastIndex(of: "<") {
            a = a[a.index(after: open)...]
            if let close = a.firstIndex(of: ">") { a = a[..<close] }
        }
        return a.trimmedWhitespace.lowercased()
    }

    /// The domain after the last `@`, lower case, no trailing dot; empty when there is none.
    static func domain(of address: String) -> String {
        let a = normalised(address)
        guard let at = a.lastIndex(of: "@") else { return "" }
        return normalisedDomain(String(a[a.index(after: at)...]))
    }

    static func normalisedDomain(_ domain: String) -> String {
        var d = domain.trimmedWhitespace.lowercased()
        while d.hasSuffix(".") { d.removeLast() }
        while d.hasPrefix("@") { d.removeFirst() }
        return d
    }
}
