import Testing

@testable import Mail

@Suite("reply text: quotes and signatures removed")
struct ReplyTextTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        var reply: String
        var testDescription: String { name }
    }

    @Test(
        "strips",
        arguments: [
            Case(name: "quoted lines", text: "Ja graag.\n> Wilt u een nieuwe?\n> Groet", reply: "Ja graag."),
            Case(
                name: "interleaved quotes keep the new lines",
                text: "> Vraag 1?\nAntwoord 1\n> Vraag 2?\nAntwoord 2", reply: "Antwoord 1\nAntwoord 2"),
            Case(
                name: "Gmail NL attribution",
                text: "Dank!\n\nOp ma 29 nov 2026 om 10:00 schreef Servicedesk <sd@x.test>:\n\n> oud", reply: "Dank!"),
            Case(
                name: "Gmail EN attribution wrapped over two lines",
                text: "Thanks!\n\nOn Mon, Nov 29, 2026 at 10:00 AM Servicedesk <\nsd@x.test> wrote:\n\n> old",
                reply: "Thanks!"),
            Case(
                name: "Apple NL attribution",
                text: "Top.\n\nOp 29 nov. 2026, om 10:00 heeft Servicedesk <sd@x.test> het volgende geschreven:\n\nold",
                reply: "Top."),
            Case(
                name: "Thunderbird EN attribution",
                text: "Fine.\n\nOn 29-11-2026 10:00, Servicedesk wrote:\nold", reply: "Fine."),
            Case(
                name: "name-only attribution with address",
                text: "Ok.\nServicedesk <sd@x.test> schreef:\nold", reply: "Ok."),
            Case(
                name: "Outlook NL header block with separator line",
                text: """
                    Hallo,

                    Het werkt weer.

                    ________________________________
                    Van: Servicedesk <sd@x.test>
                    Verzonden: maandag 29 november 2026 10:00
                    Aan: Jan <jan@x.test>
                    Onderwerp: [CS0001234] Printer
                    """,
                reply: "Hallo,\n\nHet werkt weer."),
            Case(
                name: "Outlook EN bold labels",
                text: "Works.\n\n*From:* Servicedesk <sd@x.test>\n*Sent:* Monday\n*To:* Jan\n*Subject:* x",
                reply: "Works."),
            Case(
                name: "Outlook Original Message",
                text: "Yes.\n\n-----Original Message-----\nFrom: a\nSent: b\n", reply: "Yes."),
            Case(
                name: "Outlook Oorspronkelijk bericht",
                text: "Ja.\n-----Oorspronkelijk bericht-----\nVan: a", reply: "Ja."),
            Case(name: "signature delimiter", text: "Tekst.\n\n-- \nHenk\n06-12345678", reply: "Tekst."),
            Case(name: "signature delimiter without its space", text: "Tekst.\n--\nHenk", reply: "Tekst."),
            Case(name: "iPhone NL", text: "Kapot.\n\nVerstuurd vanaf mijn iPhone\n\n> Op ...", reply: "Kapot."),
            Case(name: "iPhone EN", text: "Broken.\n\nSent from my iPhone", reply: "Broken."),
            Case(name: "Outlook mobile", text: "Ok\n\nOutlook voor iOS downloaden<https://aka.ms/o0ukef>", reply: "Ok"),
            Case(
                name: "a From: line that is no header block stays",
                text: "From: the third floor, the printer smokes.\nPlease help.",
                reply: "From: the third floor, the printer smokes.\nPlease help."),
            Case(
                name: "a forwarded header block stays",
                text:
                    "Zie hieronder.\n\n---------- Forwarded message ---------\nVan: X <x@y.test>\nDate: ma 29 nov\nSubject: Phish\nTo: <a@b.test>\n\nKlik hier",
                reply:
                    "Zie hieronder.\n\n---------- Forwarded message ---------\nVan: X <x@y.test>\nDate: ma 29 nov\nSubject: Phish\nTo: <a@b.test>\n\nKlik hier"
            ),
            Case(name: "CRLF input", text: "Ja.\r\n> nee\r\n", reply: "Ja."),
            Case(name: "only quotes", text: "> a\n> b", reply: ""),
            Case(name: "empty", text: "", reply: ""),
            Case(name: "blank lines collapse", text: "a\n\n> q\n\n\nb\n\n", reply: "a\n\nb"),
        ])
    func strips(_ c: Case) {
        #expect(ReplyText.strip(c.text) == c.reply)
    }

    @Test(
        "fixtures",
        arguments: [
            (
                "outlook-nl-reply-van-verzonden.eml",
                "Hallo,\n\nDe printer in lokaal 2.14 doet het nog steeds niet. Kunnen jullie vandaag nog langskomen? Het is erg dringend want morgen zijn de toetsen.\n\nMet vriendelijke groet,\n\nMarieke de Vries\nDocent Nederlands | Het Baken College"
            ),
            (
                "gmail-en-on-wrote.eml",
                "Hi,\n\nThe beamer in room 1.05 works again, thanks! One more thing: the HDMI cable is a bit loose.\n\nCheers,\nTom"
            ),
            ("gmail-nl-op-schreef.eml", "Dank je, het werkt! Ik zie de map nu wel.\n\nGroet, Eva"),
            (
                "apple-nl-het-volgende-geschreven.eml",
                "Hoi,\n\nHet wachtwoord van mijn account werkt niet meer sinds de update van gisteren. Ik kan nu niet inloggen op Magister. Het is ook traag op de iPad.\n\nGroetjes,\nSanne"
            ),
            ("outlook-en-original-message.eml", "It works now, thank you.\n\nJohn"),
            ("signature-dash-dash.eml", "Mijn muis is stuk, kan ik een nieuwe krijgen?"),
        ])
    func fixtures(_ name: String, _ reply: String) throws {
        #expect(try parseFixture(name).replyText == reply)
    }

    @Test(
        "mobile footers end the new text only where nothing but history follows",
        arguments: [
            Case(
                name: "footer, then a forwarded message: the footer goes, the forward stays",
                text: "Zie onder.\n\nVerstuurd vanaf mijn iPhone\n\nBegin doorgestuurd bericht:\n\nVan: X\nOnderwerp: Y\nDatum: Z\n\nTekst",
                reply: "Zie onder.\n\nBegin doorgestuurd bericht:\n\nVan: X\nOnderwerp: Y\nDatum: Z\n\nTekst"),
            Case(
                name: "a sentence that starts like a footer stays",
                text: "Verzonden met mijn nieuwe laptop lukt niet.\nWel met de oude.",
                reply: "Verzonden met mijn nieuwe laptop lukt niet.\nWel met de oude."),
            Case(
                name: "footer above an underscore line",
                text: "Ok.\nGet Outlook for iOS<https://aka.ms/o0ukef>\n________________________________\nFrom: a\nSent: b\nTo: c",
                reply: "Ok."),
            Case(
                name: "Samsung footer above Oorspronkelijk bericht",
                text: "Ja.\n\nVerzonden vanaf mijn Samsung Galaxy-smartphone.\n\n-------- Oorspronkelijk bericht --------\nVan: x",
                reply: "Ja."),
            Case(
                name: "qmail's copy of the message is history",
                text: "<a@b.test>:\nno mailbox\n\n--- Below this line is a copy of the message.\n\nReturn-Path: <x>",
                reply: "<a@b.test>:\nno mailbox"),
            Case(name: "a mail that starts with -- is not all signature", text: "--\nTekst", reply: "--\nTekst"),
        ])
    func footers(_ c: Case) {
        #expect(ReplyText.strip(c.text) == c.reply)
    }

    @Test("a forward (by subject) keeps the forwarded header block and separator")
    func forwardSubject() {
        let text = "Kijk hier eens naar.\n\n-----Original Message-----\nFrom: a\nSent: b\nTo: c\nSubject: d\n\nInhoud"
        #expect(ReplyText.strip(text, forwarded: true) == text)
        #expect(ReplyText.strip(text) == "Kijk hier eens naar.")
        #expect(ReplyText.isForwardSubject("FW: rooster"))
        #expect(ReplyText.isForwardSubject(" Fwd: x"))
        #expect(ReplyText.isForwardSubject("Doorst: x"))
        #expect(!ReplyText.isForwardSubject("RE: FW: x"))
        #expect(!ReplyText.isForwardSubject("Fwiw"))
        #expect(!ReplyText.isForwardSubject(""))
    }

    @Test(
        "HTML replies, from the corpus",
        arguments: [
            ("outlook-web-nl-html-only-divrplyfwdmsg.eml", "Goedemiddag,\n\nHet digibord in lokaal 0.12 geeft nog steeds een blauw scherm. Kan er morgen om 8:15 iemand komen?\n\nGroet, Fatima"),
            ("gmail-nl-html-only-gmail-quote.eml", "Hoi,\n\nBedankt, ik kan weer inloggen op de Chromebook.\n\nGroetjes,\nLotte"),
            ("iphone-nl-html-only-footer-and-blockquote.eml", "Klopt, het is opgelost. Bedankt!\n\nGroet,\nMila"),
            ("thunderbird-nl-html-only-moz-cite-prefix.eml", "Het werkt weer, de beamer geeft beeld.\n\nGroet,\nPieter"),
            ("reply-html-only-border-left-quote-block.eml", "Ja, dat klopt. Het gaat om de kopieerkamer.\n\nGroet, Emma"),
        ])
    func html(_ name: String, _ reply: String) throws {
        #expect(try parseFixture(name).replyText == reply)
    }
}
