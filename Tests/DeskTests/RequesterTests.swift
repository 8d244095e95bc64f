import Desk
import Testing

@Suite("Who the requester is")
struct RequesterTests {
    let organisations = DeskFixtures.organisations

    @Test("R-AUTH-1 a listed contact has the directory's role, organisation and location")
    func listed() {
        let contact = DirectoryContact(
            address: "tom.jansen@deregenboog.test", name: "Tom Jansen", organisation: "Stichting Onderwijs Noord",
            location: "OBS De Regenboog", role: .schoolICT
        )
        let r = Requester.resolve(
            address: "Tom Jansen <Tom.Jansen@DeRegenboog.test>", contact: contact, organisations: organisations)
        #expect(r.address == "tom.jansen@deregenboog.test")
        #expect(r.name == "Tom Jansen")
        #expect(r.role == .schoolICT)
        #expect(r.organisation == "Stichting Onderwijs Noord")
        #expect(r.location == "OBS De Regenboog")
        #expect(r.onCall)
        #expect(r.accountManager == "accountmanager@cloudwise.test")
        #expect(r.stichtingICTContacts == [DeskFixtures.sanne])
        #expect(r.schoolICTContacts == [DeskFixtures.tom])
    }

    @Test("R-AUTH-1 an unlisted sender on a known organisation's domain is a gebruiker of it")
    func domain() {
        let r = Requester.resolve(
            address: "nieuw@deregenboog.test", displayName: "Nieuwe Collega", contact: nil, organisations: organisations
        )
        #expect(r.role == .gebruiker)
        #expect(r.organisation == "Stichting Onderwijs Noord")
        #expect(r.name == "Nieuwe Collega")
        #expect(r.onCall)
        let sub = Requester.resolve(address: "leerling@mail.oakfield.test", contact: nil, organisations: organisations)
        #expect(sub.role == .gebruiker)
        #expect(sub.organisation == "Oakfield Schools Trust")
        #expect(!sub.onCall)
    }

    @Test("R-AUTH-1 a look-alike domain is not the organisation's")
    func lookAlike() {
        let r = Requester.resolve(address: "x@notoakfield.test", contact: nil, organisations: organisations)
        #expect(r.role == .unknown)
    }

    @Test("R-AUTH-1 anyone else is unknown")
    func unknown() {
        let r = DeskFixtures.stranger
        #expect(r.role == .unknown)
        #expect(r.organisation == nil)
        #expect(!r.onCall)
        #expect(r.stichtingICTContacts.isEmpty)
    }

    @Test("R-AUTH-1 a stichting ICT contact listed on the organisation is stichting-ict")
    func stichtingContact() {
        let r = Requester.resolve(address: "ict@onderwijsnoord.test", contact: nil, organisations: organisations)
        #expect(r.role == .stichtingICT)
        #expect(r.name == "Sanne Bakker")
    }

    @Test(
        "R-AUTH-1 directory roles read as written in the contacts file",
        arguments: [
            ("stichting-ict", Role.stichtingICT), ("school-ict", .schoolICT), ("gebruiker", .gebruiker),
            ("School_ICT", .schoolICT),
        ])
    func roles(text: String, role: Role) {
        #expect(Role(directoryValue: text) == role)
        #expect(Role(directoryValue: "directeur") == nil)
    }
}
