import Testing

@testable import Mail

@Suite("HTML to text")
struct HTMLTextTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var html: String
        var text: String
        var testDescription: String { html }
    }

    @Test(
        "converts",
        arguments: [
            Case(html: "<p>Een</p><p>Twee</p>", text: "Een\n\nTwee"),
            Case(html: "Een<br>Twee<br/><br />Drie", text: "Een\nTwee\n\nDrie"),
            Case(html: "<div>a</div><div>b</div>", text: "a\nb"),
            Case(html: "<ul><li>a</li><li>b</li></ul>na", text: "- a\n- b\n\nna"),
            Case(html: "<h1>Titel</h1>tekst", text: "Titel\n\ntekst"),
            Case(html: "<blockquote>citaat</blockquote>", text: "citaat"),
            Case(html: "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>", text: "a b\nc d"),
            Case(html: "a   \n\t b", text: "a b"),
            Case(html: "<pre>  a\n    b</pre>", text: "a\n    b"),
            Case(
                html: "&amp; &lt;x&gt; &quot;q&quot; &apos; &eacute;&euml;&szlig; &euro;", text: "& <x> \"q\" ' éëß €"),
            Case(html: "&#233; &#xE9; &#x1F600; &#150; &#0; &#xFFFFFFFFFF;", text: "é é 😀 – \u{FFFD} \u{FFFD}"),
            Case(html: "a&nbsp;&nbsp;b", text: "a  b"),
            Case(html: "&unknown; &amp &copy fish&chips", text: "&unknown; & © fish&chips"),
            Case(html: "<head><title>T</title><style>p{}</style></head><body>x</body>", text: "x"),
            Case(html: "<script>var a = '<p>no</p>';</script>ja", text: "ja"),
            Case(html: "<STYLE type=text/css>b{}</STYLE>ok", text: "ok"),
            Case(html: "<!-- <p>weg</p> -->zichtbaar<!--[if mso]>x<![endif]-->", text: "zichtbaar"),
            Case(html: "<!DOCTYPE html><?xml version=\"1.0\"?>x", text: "x"),
            Case(html: "<a href=\"x>y\" title='a>b'>link</a>", text: "link"),
            Case(html: "1 < 2 and 3 > 2", text: "1 < 2 and 3 > 2"),
            Case(html: "<p>a</p>\n\n\n<br><br><br><br><br>b", text: "a\n\n\nb"),
            Case(html: "<script>never closed", text: ""),
            Case(html: "<div", text: ""),
            Case(html: "", text: ""),
            Case(html: "<o:p></o:p>Outlook<o:p>&nbsp;</o:p>", text: "Outlook"),
        ])
    func converts(_ c: Case) {
        #expect(HTMLText.text(fromHTML: c.html) == c.text)
    }

    @Test("at most two blank lines in a row")
    func blankLines() {
        let t = HTMLText.text(fromHTML: "a" + String(repeating: "<br>", count: 50) + "b")
        #expect(t == "a\n\n\nb")
    }

    @Test("the html-only fixture")
    func fixtureText() throws {
        let m = try parseFixture("html-only.eml")
        #expect(
            m.text == """
                Beste servicedesk,

                Sinds vanochtend werkt het wifi-netwerk in gebouw B niet.
                Leerlingen kunnen niet inloggen.

                - Lokaal B1.02
                - Lokaal B1.04

                Café & kantine: ook <geen> verbinding. Prijs €0 — ©

                Router Status
                R1 uit

                Met vriendelijke groet,
                Jeroen
                """)
        #expect(!m.text.contains("alert"))
        #expect(!m.text.contains("margin"))
    }

    @Test("the charset comes from a meta tag when Content-Type has none")
    func metaCharset() throws {
        let mail = "From: a@x.test\r\nDate: Mon, 29 Nov 2026 10:00:00 +0000\r\nContent-Type: text/html\r\n\r\n"
        let body: [UInt8] = Array("<meta charset=\"windows-1252\"><p>caf".utf8) + [0xE9, 0x80] + Array("</p>".utf8)
        let m = try Message.parse(Array(mail.utf8) + body)
        #expect(m.text == "café€")
    }
}
