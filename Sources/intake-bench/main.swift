// intake-bench: how fast the intake rules decide a new case, and proof that they decide the same.
//
//     intake-bench [REPO] [SECONDS] [--dump FILE] [--corpus FILE]
//
// Loads the labelled corpus `fixtures/classification/corpus.jsonl` and the operator's catalog
// `config/catalog.json` from REPO (default: the current directory), builds `IntakeRules` as the gateway does,
// and runs `IntakeRules.decide` (DAP R-CASE-4, R-CASE-5, R-REQ-2, language) over every mail, round after
// round, for about SECONDS seconds of CPU (default 5). Prints mails per second and µs per mail.
//
// Two checksums (FNV-1a 64 over one line per mail) prove that a change to the rules' speed did not change
// what they decide:
// - DECISIONS: type, priority, change kind, catalog item name, language;
// - FULL: also the basis, scores, evidence, service, standard change, impact/urgency with their sources and
//   evidence, missing information, replies and SLA deadlines.
// `--dump FILE` writes the FULL lines, one per mail, to diff two builds when the checksums differ.
// `--corpus FILE` reads other mails (JSON lines with `id`, `subject`, `body`) instead of the labelled corpus.
// Not a test: a measurement.
import Desk
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

struct Mail: Decodable {
    let id: String
    let subject: String
    let body: String
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("intake-bench: \(message)\n".utf8))
    exit(1)
}

/// CPU time of this process (user + system), in seconds.
func cpuSeconds() -> Double {
    var usage = rusage()
    #if os(Linux)
        let who = __rusage_who_t(RUSAGE_SELF.rawValue)
    #else
        let who = RUSAGE_SELF
    #endif
    guard getrusage(who, &usage) == 0 else { return 0 }
    func s(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
    return s(usage.ru_utime) + s(usage.ru_stime)
}

/// FNV-1a, 64 bit: stable across runs and builds (Swift's `Hasher` is seeded per process).
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325
    mutating func add(_ text: String) {
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01b3
        }
        value ^= 0x0a
        value = value &* 0x0000_0100_0000_01b3
    }
    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

// MARK: - Arguments

var positional: [String] = []
var dumpPath: String?
var corpusPath: String?
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    if argument == "--dump" {
        guard let path = arguments.popFirst() else { fail("--dump needs a file") }
        dumpPath = path
    } else if argument == "--corpus" {
        guard let path = arguments.popFirst() else { fail("--corpus needs a file") }
        corpusPath = path
    } else {
        positional.append(argument)
    }
}
guard positional.count <= 2, positional.count < 2 || Double(positional[1]) != nil else {
    fail("usage: intake-bench [REPO] [SECONDS] [--dump FILE] [--corpus FILE]")
}
let root = URL(fileURLWithPath: positional.first ?? FileManager.default.currentDirectoryPath)
let targetSeconds = positional.count == 2 ? max(0.1, Double(positional[1]) ?? 5) : 5

// MARK: - Inputs

let corpusURL =
    corpusPath.map { URL(fileURLWithPath: $0) } ?? root.appendingPathComponent("fixtures/classification/corpus.jsonl")
let catalogURL = root.appendingPathComponent("config/catalog.json")
guard let corpusText = try? String(contentsOf: corpusURL, encoding: .utf8) else { fail("cannot read \(corpusURL.path)") }
let decoder = JSONDecoder()
let mails: [Mail] = corpusText.split(whereSeparator: \.isNewline).map { line in
    guard let mail = try? decoder.decode(Mail.self, from: Data(line.utf8)) else { fail("bad corpus line: \(line)") }
    return mail
}
guard !mails.isEmpty else { fail("empty corpus") }
guard let catalogData = try? Data(contentsOf: catalogURL),
    let catalog = try? decoder.decode(ServiceCatalog.self, from: catalogData)
else { fail("cannot read \(catalogURL.path)") }

let rules = IntakeRules(catalog: catalog)
// A stichting ICT contact of an on-call organisation: allowed everything (R-AUTH-1), so every rule runs.
let requester = Requester(
    address: "ict@onderwijsnoord.test", name: "Sanne Bakker", organisation: "Stichting Onderwijs Noord",
    location: "Bestuursbureau", role: .stichtingICT, onCall: true, accountManager: "accountmanager@cloudwise.test")
// Monday 17 March 2025 10:05 in Amsterdam (09:05 UTC): a werkdag, phone line open.
let arrival = Date(timeIntervalSince1970: 1_742_202_300)

// MARK: - Checksums (one pass, also the warm-up)

func line(_ mail: Mail, _ d: IntakeDecision) -> (decision: String, full: String) {
    let decision = [
        mail.id, d.type.rawValue, d.priority.map { "P\($0.rawValue)" } ?? "-", d.changeKind?.rawValue ?? "-",
        d.catalogItem?.name ?? "-", d.language.rawValue,
    ].joined(separator: "\t")
    let c = d.classification
    let scores = [CaseType.incident, .request, .change, .complaint, .question, .security].map {
        "\($0.rawValue)=\(c.scores[$0] ?? 0)"
    }.joined(separator: ",")
    let a = d.assessment
    let full = [
        decision, c.basis.rawValue, scores, c.evidence.map(\.description).joined(separator: "; "),
        c.service?.name ?? "-", c.standardChange?.name ?? "-", c.tags.map(\.description).joined(),
        "\(a.impact.rawValue)/\(a.impactSource.rawValue) \(a.urgency.rawValue)/\(a.urgencySource.rawValue)",
        a.evidence.joined(separator: "|"), d.missingInformation.joined(separator: "|"), "\(d.replies)",
        "\(d.startsWork) \(d.needsApproval)",
        "\(d.reactionDeadline?.timeIntervalSince1970 ?? 0) \(d.resolutionDeadline?.timeIntervalSince1970 ?? 0)",
    ].joined(separator: "\t")
    return (decision, full)
}

var decisionSum = FNV1a()
var fullSum = FNV1a()
var dump = ""
for mail in mails {
    let d = rules.decide(subject: mail.subject, text: mail.body, requester: requester, at: arrival)
    let (decision, full) = line(mail, d)
    decisionSum.add(decision)
    fullSum.add(full)
    dump += full + "\n"
}
if let dumpPath {
    do { try dump.write(toFile: dumpPath, atomically: true, encoding: .utf8) } catch { fail("cannot write \(dumpPath)") }
}

// MARK: - Timing

// Calibrate: rounds for about `targetSeconds` of CPU, from one timed round.
var sink = 0
func round() -> Int {
    var sum = 0
    for mail in mails {
        let d = rules.decide(subject: mail.subject, text: mail.body, requester: requester, at: arrival)
        sum &+= d.classification.evidence.count &+ d.missingInformation.count &+ (d.priority?.rawValue ?? 0)
    }
    return sum
}
let calibrationStart = cpuSeconds()
sink &+= round()
let perRound = max(1e-6, cpuSeconds() - calibrationStart)
let rounds = max(1, Int((targetSeconds / perRound).rounded()))

let clock = ContinuousClock()
let cpuStart = cpuSeconds()
let wallStart = clock.now
for _ in 0..<rounds { sink &+= round() }
let wall = clock.now - wallStart
let cpu = cpuSeconds() - cpuStart
let wallSeconds = Double(wall.components.seconds) + Double(wall.components.attoseconds) / 1e18
let decided = rounds * mails.count

func fixed(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }
print("intake-bench: \(mails.count) mails × \(rounds) rounds = \(decided) decisions (\(corpusURL.lastPathComponent))")
print("cpu:  \(fixed(cpu, 2)) s  \(fixed(Double(decided) / cpu, 0)) mails/s  \(fixed(cpu / Double(decided) * 1e6, 1)) µs/mail")
print("wall: \(fixed(wallSeconds, 2)) s  \(fixed(Double(decided) / wallSeconds, 0)) mails/s  \(fixed(wallSeconds / Double(decided) * 1e6, 1)) µs/mail")
print("checksum decisions (type, priority, change kind, item, language): \(decisionSum.hex)")
print("checksum full (+ basis, scores, evidence, service, assessment, missing, replies, SLA): \(fullSum.hex)")
if sink == 42 { print("") }  // keeps the work observable
