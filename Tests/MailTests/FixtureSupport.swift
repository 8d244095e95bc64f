import Foundation
import Testing

@testable import Mail

/// Loads `Fixtures/<name>` from the test bundle.
func fixture(_ name: String) throws -> [UInt8] {
    let url = try #require(
        Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures"),
        "missing fixture \(name)")
    return try [UInt8](Data(contentsOf: url))
}

func parseFixture(_ name: String, policy: ParsePolicy = .default) throws -> Message {
    try Message.parse(fixture(name), policy: policy)
}

/// Every `.eml` in the fixture folder.
func allFixtureNames() -> [String] {
    guard let dir = Bundle.module.url(forResource: "Fixtures", withExtension: nil),
        let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path)
    else { return [] }
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
