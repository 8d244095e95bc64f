import Testing

@testable import Mail

@Suite("RFC 2045 §6.8 base64")
struct Base64Tests {
    @Test("decodes clean input with line breaks")
    func clean() {
        var out = [UInt8]()
        #expect(Base64.decode(Array("SGFs\r\nbG8g\nd2VyZWxk".utf8), into: &out))
        #expect(out.utf8String == "Hallo wereld")
        #expect(Base64.isValid(Array("SGFs\r\nbG8=".utf8)))
    }

    @Test("tolerates garbage, reports it")
    func garbage() {
        var out = [UInt8]()
        #expect(!Base64.decode(Array("SG!Fs*bG8=".utf8), into: &out))
        #expect(out.utf8String == "Hallo")
        #expect(!Base64.isValid(Array("SG!Fs".utf8)))
    }

    @Test("missing padding, concatenated runs, truncated quantum")
    func edges() {
        #expect(Base64.decode(Array("SGFsbG8".utf8)).utf8String == "Hallo")
        #expect(Base64.decode(Array("SGE=SGE=".utf8)).utf8String == "HaHa")
        var out = [UInt8]()
        #expect(!Base64.decode(Array("SGFsb".utf8), into: &out))
        #expect(out.utf8String == "Hal")
        #expect(Base64.decode([UInt8]()).isEmpty)
    }

    @Test("encode round trip, 76-column lines")
    func roundTrip() {
        var rng = SplitMix64(seed: 7)
        for n in [0, 1, 2, 3, 4, 56, 57, 58, 1000] {
            let data = (0..<n).map { _ in UInt8.random(in: 0...255, using: &rng) }
            let encoded = Base64.encode(data)
            #expect(encoded.utf8String.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 76 })
            #expect(Base64.decode(encoded) == data)
        }
    }
}
