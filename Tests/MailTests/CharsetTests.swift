import Testing

@testable import Mail

@Suite("charsets")
struct CharsetTests {
    @Test("names are case-insensitive and aliases resolve")
    func names() {
        #expect(Charset("UTF-8") == Charset.utf8)
        #expect(Charset("\"utf-8\"").decoder == .utf8)
        #expect(Charset("latin1").decoder == .windows1252)
        #expect(Charset("ISO-8859-15").decoder == .latin9)
        #expect(Charset("cp1252").decoder == .windows1252)
        #expect(Charset("x-nope").decoder == .unknown)
        #expect(!Charset("x-nope").isKnown)
    }

    @Test("windows-1252 and iso-8859-1 (read as windows-1252, WHATWG)")
    func windows1252() {
        let bytes: [UInt8] = [0x80, 0x20, 0x93, 0x61, 0x94, 0x20, 0xE9, 0x96, 0x81]
        #expect(Charset.windows1252.decode(bytes).0 == "€ “a” é–\u{81}")
        #expect(Charset.latin1.decode(bytes).0 == "€ “a” é–\u{81}")
        #expect(Charset.windows1252.decode(bytes).1 == nil)
    }

    @Test("iso-8859-15 differs from Latin-1 in eight places")
    func latin9() {
        let bytes: [UInt8] = [0xA4, 0xA6, 0xA8, 0xB4, 0xB8, 0xBC, 0xBD, 0xBE, 0xE9]
        #expect(Charset.latin9.decode(bytes).0 == "€ŠšŽžŒœŸé")
    }

    @Test("UTF-8 that is not valid falls back to windows-1252 with a defect, losing no byte")
    func utf8Fallback() {
        let (s, d) = Charset.utf8.decode([0x43, 0x61, 0x66, 0xE9])
        #expect(s == "Café")
        #expect(d == .invalidCharsetBytes("utf-8"))
    }

    @Test("us-ascii with 8-bit bytes: UTF-8 when valid")
    func asciiWithEightBit() {
        #expect(Charset.usASCII.decode(Array("Zoë".utf8)) == ("Zoë", nil))
        #expect(Charset.usASCII.decode([0x5A, 0xEB]).1 == .invalidCharsetBytes("us-ascii"))
    }

    @Test("unknown charset: Latin-1 with a defect")
    func unknown() {
        let (s, d) = Charset("x-klingon").decode([0x63, 0x61, 0x66, 0xE9, 0x80])
        #expect(s == "caf\u{E9}\u{80}")
        #expect(d == .unknownCharset("x-klingon"))
    }

    @Test("charsets through Foundation and iconv")
    func platform() {
        #expect(Charset("iso-8859-2").decode([0xB1]).0 == "ą")
        #expect(Charset("windows-1250").decode([0x9A]).0 == "š")
        #expect(Charset("koi8-r").decode([0xF0, 0xD2, 0xC9]).0 == "При")
        #expect(Charset("utf-16").decode([0xFE, 0xFF, 0x00, 0x41]).0 == "A")
        #expect(Charset("shift_jis").decode([0x82, 0xA0]).0 == "あ")
    }

    @Test("charset names with odd characters never reach Foundation or iconv")
    func oddNames() {
        #expect(Charset("../../etc/passwd").decoder == .unknown)
        #expect(Charset("utf-8//TRANSLIT").decoder == .unknown)
    }

    @Test("Outlook's labels and cp125x spellings go to iconv by a fixed table")
    func iconvAliases() {
        #expect(Charset("ks_c_5601-1987").decoder == .iconv("CP949"))
        #expect(Charset("windows-31j").decoder == .iconv("CP932"))
        #expect(Charset("KOI8-R").decoder == .iconv("KOI8-R"))
        #expect(Charset("cp1251").decoder == .iconv("CP1251"))
        let korean: [UInt8] = [0xBA, 0xF1, 0xB9, 0xD0]
        #expect(Charset("ks_c_5601-1987").decode(korean).0 == "비밀")
    }

    @Test("Latin-1 or windows-1252 labelled text that is valid UTF-8 is read as UTF-8")
    func mislabelled() {
        let utf8 = Array("café ‘x’".utf8)
        #expect(Charset.latin1.decode(utf8) == ("café ‘x’", nil))
        #expect(Charset.windows1252.decode(utf8).0 == "café ‘x’")
        #expect(Charset.latin9.decode(utf8).0 == "café ‘x’")
        #expect(Charset.latin1.decode([0x63, 0x61, 0x66, 0xE9]).0 == "café")
    }
}
