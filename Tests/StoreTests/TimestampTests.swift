import Foundation
import Store
import Testing

@Test("Timestamps are ISO 8601 UTC and round-trip", arguments: [0.0, 951_782_400, 1_796_000_000, 4_107_542_399])
func timestampRoundTrip(seconds: Double) throws {
    let date = Date(timeIntervalSince1970: seconds)
    let text = Timestamp.string(date)
    let formatter = ISO8601DateFormatter()
    #expect(text == formatter.string(from: date))
    #expect(Timestamp.date(text) == date)
}
