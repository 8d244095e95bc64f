import Foundation
import Testing

@testable import Mail

/// The fixture corpus, `fixtures/mail/` at the top of the repository: `NAME.eml` and, next to it, `NAME.json`
/// with the exact `inspect --json` output expected for it.
let fixtureDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("fixtures").appendingPathComponent("mail")

/// Loads `fixtures/mail/<name>`.
func fixture(_ name: String) throws -> [UInt8] {
    let url = fixtureDirectory.appendingPathComponent(name)
    return try [UInt8](Data(contentsOf: url))
}

func parseFixture(_ name: String, policy: ParsePolicy = .default) throws -> Message {
    try Message.parse(fixture(name), policy: policy)
}

/// Every `.eml` in the corpus, sorted.
func allFixtureNames() -> [String] {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: fixtureDirectory.path) else { return [] }
    return names.filter { $0.hasSuffix(".eml") }.sorted()
}

/// Deterministic SplitMix64, for the fuzz loops.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension [UInt8] {
    var utf8String: String { String(decoding: self, as: UTF8.self) }
}
