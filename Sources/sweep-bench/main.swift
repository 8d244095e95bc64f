// sweep-bench: the timer sweep and case lookup as the desk grows (issue: "a sweep under a second when
// nothing is due, and work proportional to what is due").
//
// Builds a desk of N open incidents (default 1,000,000) straight in SQLite, each with its life-cycle timers
// (progress, 75% warning, breach) due in the future, then measures in one run:
//   1. one sweep when nothing is due;
//   2. a case lookup by number (random numbers, average);
//   3. one sweep with D timers due (default 1,000 progress updates: each renders and queues a mail), next to
//      the same D due timers on a small desk of D cases: the ratio shows the work follows what is due, not
//      the size of the desk.
// Not a test: a measurement. Usage: sweep-bench [cases] [due]
import Desk
import Foundation
import Gateway
import Store

let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let caseCount = arguments.first ?? 1_000_000
let dueCount = arguments.dropFirst().first ?? 1_000
let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
let now = Date(timeIntervalSince1970: 1_796_000_000)  // 2026-11-30
let far = "2030-01-01T00:00:00Z"

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// A gateway on a fresh database with `count` open P3 incidents; the first `due` get a progress timer that is
/// due at `now`, every case has its timers due in 2030.
func desk(count: Int, due: Int) throws -> Gateway {
    var config = Config()
    config.templates = repository.appendingPathComponent("templates").path
    config.database = FileManager.default.temporaryDirectory.appendingPathComponent("sweep-bench-\(UUID().uuidString).sqlite").path
    config.from = "Servicedesk <info@cloudwise.test>"
    config.queue = "queue@cloudwise.test"
    let store = try DeskStore(path: config.database, now: { now })
    try store.transaction {
        try store.db.run("""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < \(count))
            INSERT INTO cases (number, type, priority, status, requester, requester_name, organisation, subject,
                               language, created_at, updated_at, service, resolution_due)
            SELECT printf('CS%07d', i), 'incident', 3, 'in_progress', 'user' || i || '@school.test', 'Gebruiker ' || i,
                   'Stichting Onderwijs Noord', 'Printer lokaal ' || (i % 40) || ' print niet', 'nl',
                   '2026-11-16T09:00:00Z', '2026-11-16T09:00:00Z', 'Printen en scannen', '\(far)'
            FROM n
            """)
        try store.db.run("UPDATE case_sequence SET last = \(count) WHERE id = 1")
        for kind in ["progress", "sla-warning", "sla-breach"] {
            try store.db.run("INSERT INTO timers (case_id, kind, due_at) SELECT id, '\(kind)', '\(far)' FROM cases")
        }
        try store.db.run("UPDATE timers SET due_at = '2026-11-01T07:00:00Z' WHERE kind = 'progress' AND case_id <= \(due)")
    }
    return try Gateway(config: config, store: store, log: Log(minimum: .error), now: { now })
}

print("sweep-bench: \(caseCount) open cases, \(dueCount) due")
var big: Gateway!
let build = try seconds { big = try desk(count: caseCount, due: dueCount) }
print(String(format: "  build the desk:                 %8.1f s", build))

var idleEvents = 0
let idle = try seconds { idleEvents = try big.sweep(at: Date(timeIntervalSince1970: 1_790_000_000)).count }
precondition(idleEvents == 0)
print(String(format: "  sweep, nothing due:             %8.3f ms", idle * 1000))

var generator = SystemRandomNumberGenerator()
let lookups = 10_000
var found = 0
let lookup = try seconds {
    for _ in 0..<lookups {
        let number = CaseNumber(Int.random(in: 1...caseCount, using: &generator))
        if try big.store.findCase(number: number) != nil { found += 1 }
    }
}
precondition(found == lookups)
print(String(format: "  case lookup by number:          %8.1f µs (average of %d)", lookup / Double(lookups) * 1e6, lookups))

var bigEvents: [SweepEvent] = []
let busy = try seconds { bigEvents = try big.sweep(at: now) }
if !(bigEvents.count == dueCount && bigEvents.allSatisfy { $0.outcome.hasPrefix("mailed") }) { print(bigEvents.prefix(3)); exit(1) }
let small = try desk(count: dueCount, due: dueCount)
var smallEvents: [SweepEvent] = []
let reference = try seconds { smallEvents = try small.sweep(at: now) }
precondition(smallEvents.count == dueCount)
print(String(format: "  sweep, %d due, %d cases:   %8.3f s (%.2f ms per due timer)", dueCount, caseCount, busy, busy / Double(dueCount) * 1000))
print(String(format: "  sweep, %d due, %d cases:   %8.3f s (%.2f ms per due timer)", dueCount, dueCount, reference, reference / Double(dueCount) * 1000))
print(String(format: "  ratio big desk / small desk:    %8.2f (1.0 = the work follows what is due)", busy / reference))
