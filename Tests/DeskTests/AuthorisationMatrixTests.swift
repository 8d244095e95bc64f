import Desk
import Testing

@Suite("Authorisation matrix")
struct AuthorisationMatrixTests {
    let matrix = AuthorisationMatrix.standard

    @Test(
        "R-AUTH-2 the matrix of DAP Bijlage A",
        arguments: [
            (Role.stichtingICT, [true, true, true, true]),
            (Role.schoolICT, [true, true, true, false]),
            (Role.gebruiker, [true, true, false, false]),
            (Role.unknown, [false, false, false, false]),
        ])
    func table(role: Role, row: [Bool]) {
        let columns: [Submission] = [.incident, .serviceRequest, .standardChange, .nonStandardChange]
        #expect(columns.map { matrix.allows(role, $0) } == row)
    }

    @Test("R-CHG-2 the matrix refuses a school-ict non-standard change and names the stichting ICT contacts")
    func schoolICTNormalChange() {
        let decision = matrix.decide(requester: DeskFixtures.schoolICT, type: .change, changeKind: .normal)
        guard case .refused(let reason, let submitters) = decision else {
            Issue.record("expected a refusal, got \(decision)")
            return
        }
        #expect(reason.role == .schoolICT)
        #expect(reason.submission == .nonStandardChange)
        #expect(reason.allowedRoles == [.stichtingICT])
        #expect(submitters == [DeskFixtures.sanne])
        // An emergency change is non-standard too (R-CHG-1).
        #expect(!matrix.decide(requester: DeskFixtures.schoolICT, type: .change, changeKind: .emergency).isAllowed)
    }

    @Test("R-CHG-2 the matrix refuses a gebruiker standard change and names the ICT contacts who may submit it")
    func gebruikerStandardChange() {
        let decision = matrix.decide(requester: DeskFixtures.gebruiker, type: .change, changeKind: .standard)
        guard case .refused(let reason, let submitters) = decision else {
            Issue.record("expected a refusal, got \(decision)")
            return
        }
        #expect(reason.submission == .standardChange)
        #expect(reason.allowedRoles == [.stichtingICT, .schoolICT])
        #expect(submitters == [DeskFixtures.tom, DeskFixtures.sanne])
    }

    @Test("R-CHG-2 the matrix allows a stichting-ict normal change and a school-ict standard change")
    func allowed() {
        #expect(matrix.decide(requester: DeskFixtures.stichtingICT, type: .change, changeKind: .normal) == .allowed)
        #expect(matrix.decide(requester: DeskFixtures.stichtingICT, type: .change, changeKind: .emergency) == .allowed)
        #expect(matrix.decide(requester: DeskFixtures.schoolICT, type: .change, changeKind: .standard) == .allowed)
    }

    @Test("R-AUTH-2 incidents, requests, complaints and questions are open to every known role")
    func openTypes() {
        for requester in [DeskFixtures.gebruiker, DeskFixtures.schoolICT, DeskFixtures.stichtingICT] {
            for type in [CaseType.incident, .request, .complaint, .question, .security] {
                #expect(matrix.decide(requester: requester, type: type, changeKind: nil) == .allowed)
            }
        }
    }

    @Test("R-AUTH-1 an unknown sender is not refused but unidentified, for triage")
    func unknown() {
        #expect(matrix.decide(requester: DeskFixtures.stranger, type: .incident, changeKind: nil) == .unidentified)
        #expect(matrix.decide(requester: DeskFixtures.stranger, type: .change, changeKind: .normal) == .unidentified)
    }

    @Test("R-AUTH-2 the matrix is configurable")
    func configurable() {
        var custom = AuthorisationMatrix.standard
        custom.allowed[.schoolICT, default: []].insert(.nonStandardChange)
        #expect(custom.decide(requester: DeskFixtures.schoolICT, type: .change, changeKind: .normal) == .allowed)
    }
}
