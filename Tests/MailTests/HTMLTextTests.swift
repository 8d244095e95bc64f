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

    struct ReplyCase: CustomTestStringConvertible, Sendable {
        var name: String
        var html: String
        var reply: String
        var testDescription: String { name }
    }

    @Test(
        "reply text: quotes, history and signatures that clients mark up are left out",
        arguments: [
            ReplyCase(
                name: "Apple blockquote type=cite", html: "Ja.<br><blockquote type=\"cite\">Op ... schreef:<br>oud</blockquote>",
                reply: "Ja."),
            ReplyCase(
                name: "nested blockquotes are skipped as one",
                html: "a<blockquote>b<blockquote>c</blockquote>d</blockquote>e", reply: "a\ne"),
            ReplyCase(
                name: "Gmail quote with its attribution",
                html: "<div dir=ltr>Top</div><div class=\"gmail_quote\"><div class=gmail_attr>On x wrote:</div><blockquote>q</blockquote></div>",
                reply: "Top"),
            ReplyCase(
                name: "Outlook on the web divRplyFwdMsg: the rest is history",
                html: "<div>Nieuw</div><hr><div id=\"divRplyFwdMsg\"><b>Van:</b> x</div><div>oud bericht</div>",
                reply: "Nieuw"),
            ReplyCase(
                name: "Outlook desktop header block (border-top #E1E1E1)",
                html: "<p class=MsoNormal>Nieuw</p><div style='border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm'><p>Van: x</p></div><p>oud</p>",
                reply: "Nieuw"),
            ReplyCase(
                name: "a left-bordered block is a quote; text after it stays",
                html: "<div>boven</div><div style=\"border-left: 2px solid #ccc; padding-left: 5px\">citaat</div><div>onder</div>",
                reply: "boven\nonder"),
            ReplyCase(
                name: "Gmail's indent is no quote",
                html: "a<blockquote style=\"margin:0 0 0 40px;border:none;padding:0px\">ingesprongen</blockquote>",
                reply: "a\n\ningesprongen"),
            ReplyCase(
                name: "signatures: gmail_signature, moz-signature, Signature, AppleMailSignature",
                html: "a<div class=\"gmail_signature\">g</div><pre class=moz-signature>-- \nm</pre><div id=Signature>o</div><div id=\"AppleMailSignature\">Verstuurd vanaf mijn iPhone</div>",
                reply: "a"),
            ReplyCase(name: "an unclosed quote drops the rest", html: "a<blockquote>b<p>c", reply: "a"),
            ReplyCase(
                name: "void elements never start a skipped block", html: "a<br id=Signature>b<img class=gmail_signature>c",
                reply: "a\nbc"),
            ReplyCase(name: "attributes without quotes or values", html: "<div id=divRplyFwdMsg hidden>x</div>y", reply: ""),
        ])
    func reply(_ c: ReplyCase) {
        #expect(HTMLText.replyText(fromHTML: c.html) == c.reply)
    }

    @Test("Word HTML (p.MsoNormal): one paragraph is one line, &nbsp; paragraphs are the empty lines")
    func msoNormal() {
        let html = "<p class=MsoNormal>Hallo,<o:p></o:p></p><p class=MsoNormal><o:p>&nbsp;</o:p></p>"
            + "<p class=MsoNormal>Tekst.</p><p class=MsoNormal>Groet,</p><p class=MsoNormal>Jan</p>"
        #expect(HTMLText.text(fromHTML: html) == "Hallo,\n\nTekst.\nGroet,\nJan")
        #expect(HTMLText.text(fromHTML: "<p>Een</p><p>Twee</p>") == "Een\n\nTwee")
    }

    @Test("attribute reader")
    func attributes() {
        let tag = Array(" id=\"a b\" class='c' style=d:e data-x hidden".utf8)
        func value(_ name: String) -> String? {
            HTMLText.attribute(Array(name.utf8), in: tag, 0..<tag.count).map { String(decoding: $0, as: UTF8.self) }
        }
        #expect(value("id") == "a b")
        #expect(value("class") == "c")
        #expect(value("style") == "d:e")
        #expect(value("hidden") == "")
        #expect(value("title") == nil)
    }
}
