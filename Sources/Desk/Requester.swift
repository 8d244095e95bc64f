import Foundation

/// The requester ("melder"): who sent the mail, as far as the desk knows them (DAP R-AUTH-1).
public struct Requester: Sendable, Hashable, Codable {
    /// The sender's address, lower case.
    public var address: String
    /// The name from the directory, else the mail's display name, else empty.
    public var name: String
    /// The organisation's name; nil for an `unknown` sender.
    public var organisation: String?
    /// The location (school), when the directory says.
    public var location: String?
    public var role: Role
    /// DAP R-INC-3: the organisation has the on-call service ("consignatiedienst").
    public var onCall: Bool
    /// DAP R-CMP-2: the organisation's account manager, copied on complaints.
    public var accountManager: String?
    /// DAP R-AUTH-2: the organisation's stichting ICT contacts, named when a change is refused.
    public var stichtingICTContacts: [Contact]
    /// DAP R-AUTH-2: the school ICT contacts of the requester's location, named when a `gebruiker`'s
    /// standard change is refused.
    public var schoolICTContacts: [Contact]

    public init(
        address: String,
        name: String = "",
        organisation: String? = nil,
        location: String? = nil,
        role: Role,
        onCall: Bool = false,
        accountManager: String? = nil,
        stichtingICTContacts: [Contact] = [],
        schoolICTContacts: [Contact] = []
    ) {
        self.address = MailAddressText.normalised(address)
        self.name = name
        self.organisation = organisation
        self.location = location
        self.role = role
        self.onCall = onCall
        self.accountManager = accountManager
        self.stichtingICTContacts = stichtingICTContacts
        self.schoolICTContacts = schoolICTContacts
    }

    /// DAP R-AUTH-1: who the sender is.
    ///
    /// 1. A sender listed in the directory has the directory's role, organisation and location.
    /// 2. A sender listed as a stichting ICT contact of an organisation (but not in the directory) is its
    ///    `stichting-ict`.
    /// 3. A sender on one of an organisation's domains (or a subdomain) is a `gebruiker` of it.
    /// 4. Anyone else is `unknown`: the case goes to the desk for triage.
    ///
    /// The organisation's flags (on-call, account manager, ICT contacts) are copied from the matching
    /// `Organisation` (by name for a listed contact, case-insensitive).
    /// - Parameters:
    ///   - address: the sender's address (`From`), with or without display name and angle brackets.
    ///   - displayName: the mail's display name, used when the directory has no name.
    ///   - contact: the directory row for `address`, if the gateway found one.
    ///   - organisations: the known organisations.
    public static func resolve(
        address: String,
        displayName: String? = nil,
        contact: DirectoryContact?,
        organisations: [Organisation]
    ) -> Requester {
        let normalised = MailAddressText.normalised(address)
        let fallbackName = displayName?.trimmedWhitespace ?? ""

        if let contact {
            let key = contact.organisation.lowercased()
            let organisation =
                organisations.first { $0.name.lowercased() == key }
                ?? organisations.first { $0.owns(domain: MailAddressText.domain(of: normalised)) }
            return Requester(
                address: normalised,
                name: contact.name.isEmpty ? fallbackName : contact.name,
                organisation: contact.organisation.isEmpty ? organisation?.name : contact.organisation,
                location: contact.location,
                role: contact.role,
                from: organisation
            )
        }
        for organisation in organisations {
            if let listed = organisation.stichtingICTContacts.first(where: {
                MailAddressText.normalised($0.address) == normalised
            }) {
                return Requester(
                    address: normalised,
                    name: listed.name.isEmpty ? fallbackName : listed.name,
                    organisation: organisation.name,
                    location: listed.location,
                    role: .stichtingICT,
                    from: organisation
                )
            }
        }
        let domain = MailAddressText.domain(of: normalised)
        if let organisation = organisations.first(where: { $0.owns(domain: domain) }) {
            return Requester(
                address: normalised,
                name: fallbackName,
                organisation: organisation.name,
                location: nil,
                role: .gebruiker,
                from: organisation
            )
        }
        return Requester(address: normalised, name: fallbackName, role: .unknown)
    }

    private init(
        address: String,
        name: String,
        organisation name_: String?,
        location: String?,
        role: Role,
        from organisation: Organisation?
    ) {
        let schoolContacts = (organisation?.schoolICTContacts ?? []).filter { contact in
            guard let location, let contactLocation = contact.location else { return false }
            return contactLocation.lowercased() == location.lowercased()
        }
        self.init(
            address: address,
            name: name,
            organisation: name_,
            location: location,
            role: role,
            onCall: organisation?.onCall ?? false,
            accountManager: organisation?.accountManager,
            stichtingICTContacts: organisation?.stichtingICTContacts ?? [],
            schoolICTContacts: schoolContacts
        )
    }
}
