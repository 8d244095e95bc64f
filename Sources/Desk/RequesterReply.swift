/// What a requester's reply to the desk says about the case (DAP R-INC-8, R-ESC-2).
public enum RequesterReplyIntent: String, Sendable, Hashable {
    /// DAP R-INC-8: the solution works; a resolved incident closes.
    case confirmed
    /// DAP R-INC-8: it still fails ("werkt nog steeds niet"); a resolved incident reopens.
    case stillFailing = "still_failing"
    /// DAP R-ESC-2: the requester asks for escalation.
    case escalationRequest = "escalation_request"
    /// Anything else: a question, a remark, more information.
    case other
}

/// Reads a requester's reply (DAP R-INC-8, R-ESC-2). Pure: a keyword reading of the subject and the first
/// five non-empty lines of the reply's new text, Dutch and English.
///
/// In this order:
/// 1. `escalationRequest` (R-ESC-2): an `[Escalatie]` / `[Escalation]` tag in the subject, or a line that asks
///    for it: `ik wil (dit) escaleren`, `graag escaleren`, `escaleer`, `escalatie`, `hogerop`, `leidinggevende
///    spreken`, `please escalate`, `I want to escalate`, `escalation`, `speak to a manager`; not when negated
///    (`niet escaleren`, `geen escalatie`, `no need to escalate`).
/// 2. `stillFailing` (R-INC-8): `werkt (het) (nog steeds) niet`, `doet het nog niet`, `lukt nog steeds niet`,
///    `nog steeds (niet|hetzelfde|kapot)`, `het probleem is er nog`, `niet opgelost`, `niet verholpen`,
///    `weer kapot`, `heeft niet geholpen`, `still not working`, `still broken`, `doesn't work`, `not fixed`,
///    `not resolved`, `the problem is back`, `same problem` …, also in a question ("Waarom werkt het nog
///    steeds niet?"); partly fixed counts as failing (`werkt bijna`, `…, maar de scanner nog niet`); or a
///    first line that is only `nee` / `no` / `helaas` (`nee, helaas`).
/// 3. `confirmed` (R-INC-8): `werkt (weer|nu)`, `het werkt`, `doet het weer`, `(het is) opgelost`,
///    `verholpen`, `gelukt`, `geen problemen meer`, `mag gesloten worden`, `mag dicht`, `works (again|now)`,
///    `it's fixed`, `resolved`, `confirmed`, `you can close` … in a sentence that is not a question, not
///    negated ("ik weet niet of het werkt") and not a condition or wish ("als het werkt …", "ik hoop dat het
///    snel opgelost wordt"); or a first line that starts with `ja`, `klopt`, `akkoord`, `prima`, `top`, `yes`,
///    `correct` …, is only `Werkt!`, or only thanks or acknowledges (`Bedankt!`, `OK`, `Thank you very
///    much`), and is not a question.
/// 4. `other`: "Hoe lang duurt dit nog?", "Is het al opgelost?", "Ik ben er morgen weer".
public enum RequesterReply {
    /// How many non-empty lines of the reply are read: the answer stands at the top.
    static let lineLimit = 5

    /// `text` is the reply's new text (quotes already stripped).
    public static func read(subject: String, text: String) -> RequesterReplyIntent {
        let lines = PhraseList.leadingLines(text, limit: lineLimit)
        let sentences = lines.flatMap { line in
            PhraseList.sentences(line).map { (words: MailText.words(String($0.text)), isQuestion: $0.isQuestion) }
        }
        let firstLine = lines.first.map { (words: MailText.words($0), isQuestion: $0.contains("?")) }

        // 1. DAP R-ESC-2
        let tags = PhraseList.bracketTags(subject)
        if tags.contains(["escalatie"]) || tags.contains(["escalation"]) { return .escalationRequest }
        if sentences.contains(where: { escalation.matches($0.words) && !noEscalation.matches($0.words) }) {
            return .escalationRequest
        }

        // 2. DAP R-INC-8: it still fails
        if let firstLine, noLines.contains(firstLine.words) { return .stillFailing }
        if sentences.contains(where: { failing.matches($0.words) || verbNotWorking($0.words) }) {
            return .stillFailing
        }

        // 3. DAP R-INC-8: it works
        if sentences.contains(where: { !$0.isQuestion && confirms($0.words) }) { return .confirmed }
        if let firstLine, !firstLine.isQuestion, let first = firstLine.words.first {
            if yesWords.contains(first) || confirmLines.contains(firstLine.words) { return .confirmed }
            if firstLine.words.contains(where: acknowledgements.contains),
                firstLine.words.allSatisfy(thanksLine.contains)
            {
                return .confirmed
            }
        }
        return .other
    }

    // MARK: - DAP R-ESC-2

    private static let escalation = PhraseList([
        "!escaleren", "!escaleer", "!escalatie", "!escalation", "!escalate", "!laten escaleren",
        "!wil ~ geescaleerd", "!graag geescaleerd", "!moet ~ geescaleerd", "!hogerop", "!hoger op",
        "!leidinggevende ~ spreken", "!manager ~ spreken", "!speak to ~ manager", "!talk to ~ manager",
        "!speak to ~ supervisor",
        // DAP R-ESC-2: a disagreement on priority is discussed by the teamlead support.
        "!oneens", "!disagree", "!bezwaar ~ prioriteit", "!object to ~ priority",
    ])

    /// Escalation mentioned as not needed; `*escal*` also covers `geëscaleerd`.
    private static let noEscalation = PhraseList([
        "no need to ~ *escal*", "not necessary to ~ *escal*", "niet nodig ~ *escal*", "hoeft ~ niet ~ *escal*",
        "hoeven ~ niet ~ *escal*", "*escal* ~ niet ~ nodig", "*escal* ~ not ~ necessary", "*escal* ~ not ~ needed",
        "*escal* ~ hoeft ~ niet", "geen escalatie", "zonder escalatie", "without escalation", "no escalation",
    ])

    // MARK: - DAP R-INC-8: still failing

    /// A first line that is only a no.
    private static let noLines: Set<[String]> = [
        ["nee"], ["neen"], ["no"], ["nope"], ["nee", "helaas"], ["helaas", "nee"], ["helaas", "niet"], ["helaas"],
        ["no", "unfortunately"], ["unfortunately", "not"], ["unfortunately"], ["sorry", "no"], ["no", "sorry"],
    ]

    private static let failing = PhraseList([
        // Dutch
        "nog steeds niet", "nog steeds hetzelfde", "nog steeds dezelfde", "nog steeds kapot", "nog steeds stuk",
        "nog steeds fout*", "nog steeds een probleem", "nog steeds problemen", "nog steeds een foutmelding",
        "nog steeds een storing", "nog steeds ~ *storing", "nog steeds ~ *foutmelding", "nog steeds ~ *error",
        "niet gelukt", "nog altijd niet", "nog altijd kapot", "nog altijd hetzelfde",
        "probleem is er nog", "probleem is nog", "probleem bestaat nog", "storing is er nog", "probleem ~ er nog",
        "niet opgelost", "niet helemaal opgelost", "niet verholpen", "niet helemaal verholpen", "weer kapot",
        "weer stuk", "alweer kapot", "alweer stuk", "opnieuw kapot", "maar ~ nog niet", "maar ~ nog steeds niet",
        "werkt bijna", "werkt half", "werkt maar half", "werkt ~ gedeeltelijk", "werkt ~ deels", "gaat ~ weer mis", "gaat ~ nog steeds mis", "gaat nog mis", "heeft niet geholpen",
        "helpt niet", "hielp niet", "zelfde probleem", "zelfde fout*", "dezelfde fout*", "zelfde melding",
        "probleem is terug", "probleem is weer terug", "storing is terug", "het is terug", "geen verschil",
        "geen verandering",
        // English
        "still not working", "still doesnt work", "still does not work", "still isnt working", "still broken",
        "still the same", "still failing", "still fails", "still having ~ problem*", "still having ~ issue*",
        "still get ~ error", "still getting", "still an issue", "still a problem", "still down", "not working",
        "isnt working", "arent working", "doesnt work", "does not work", "dont work", "not fixed", "isnt fixed",
        "not resolved", "isnt resolved", "not solved", "not been fixed", "not been resolved", "problem is back",
        "issue is back", "its back", "broken again", "failing again", "stopped working", "same problem",
        "same issue", "same error", "didnt help", "did not help", "doesnt help", "no luck", "no change",
        "no difference", "didnt work", "did not work", "not successful", "still ~ error*", "still doesnt", "still does not", "still isnt", "still wont", "still cant",
        "still cannot", "but ~ still not", "almost works", "almost working", "works ~ partially",
        "only partly", "partly working",
    ])

    /// Verbs that with `niet` a few filler words later say it still fails: `werkt niet`, `werkt het nog
    /// steeds niet`, `lukt helaas nog niet`, `doet hij het nog niet`, `gaat nog steeds niet`.
    private static let failingVerbs: Set<String> = [
        "werkt", "werken", "werkte", "doet", "doen", "lukt", "gaat", "start", "opent", "laadt", "print",
    ]
    private static let fillers: Set<String> = [
        "het", "hij", "ze", "zij", "t", "m", "em", "nog", "steeds", "altijd", "helaas", "alsnog", "weer", "echt",
        "nu", "toch", "gewoon", "dus", "ook", "er", "me", "mij", "bij", "mijn", "de", "printer", "laptop",
    ]

    private static func verbNotWorking(_ words: [String]) -> Bool {
        for (i, word) in words.enumerated() where failingVerbs.contains(word) {
            var j = i + 1
            while j < words.count, j <= i + 5 {
                if words[j] == "niet" || words[j] == "niets" || words[j] == "niks" { return true }
                guard fillers.contains(words[j]) else { break }
                j += 1
            }
        }
        return false
    }

    // MARK: - DAP R-INC-8: confirmed

    private static let confirming = PhraseList([
        // Dutch
        "!werkt weer", "!werkt nu", "!werkt het weer", "!werkt het nu", "!werkt alles weer", "!werkt ~ weer",
        "!werkt prima", "!werkt goed", "!werkt perfect", "!het werkt", "!alles werkt", "!doet het weer",
        "!doet het nu", "!doet ~ het weer", "!is opgelost", "!mag ~ gesloten", "!mag dicht", "!mag ~ dicht",
        "!kan ~ gesloten", "!kan dicht", "!mag ~ afgesloten", "!kunt ~ sluiten", "!mag ~ sluiten",
        "!sluit ~ maar", "!bevestig", "!bevestigd", "!gaat ~ goed", "!goed te gaan", "!gaat ~ prima",
        "!print weer", "!start weer", "!laadt weer", "geen problemen meer", "geen last meer", "geen klachten meer",
        "geen storing meer", "geen storingen meer",
        // English
        "!works again", "!works now", "!working again", "!working now", "!works ~ now", "!works ~ again",
        "!working ~ again", "!werkt ~ nu", "!it works", "!its working",
        "!all good", "!everything works", "!its fixed", "!is fixed", "!confirmed", "!i confirm",
        "!you can close", "!can be closed", "!may be closed", "!please close", "!close the ticket",
        "!close the case", "no problems since", "no more problems", "no issues since", "no more issues",
    ])

    /// One word that confirms, unless the sentence hopes, asks or plans ("ik hoop dat het snel opgelost wordt",
    /// "I hope this gets fixed").
    private static let confirmingWords = PhraseList([
        "!opgelost", "!verholpen", "!gelukt", "!fixed", "!resolved", "!solved",
    ])

    /// Words that make a confirmation a condition or a wish: before a phrase in its sentence ("als het werkt",
    /// "ik hoop dat het snel is opgelost"), anywhere in the sentence for a single word.
    private static let conditions: Set<String> = [
        "als", "indien", "zodra", "wanneer", "hoop", "hopelijk", "tot", "totdat", "voordat", "if", "once", "when",
        "hope", "hopefully", "until", "before",
    ]
    private static let plans: Set<String> = conditions.union([
        "wordt", "worden", "zal", "zullen", "moet", "moeten", "graag", "wil", "wilt", "willen", "verwacht",
        "kunnen", "kan", "will", "would", "should", "must", "need", "needs", "please", "want", "expect", "gets",
        "get", "be",
    ])

    private static func confirms(_ words: [String]) -> Bool {
        let phrase = confirming.ranges(in: words).contains { range in
            !words[..<range.lowerBound].contains(where: conditions.contains)
        }
        return phrase || (confirmingWords.matches(words) && !words.contains(where: plans.contains))
    }

    /// A first line that is only this says it works.
    private static let confirmLines: Set<[String]> = [["werkt"], ["works"], ["het werkt"], ["it works"]]

    /// A first word that answers yes.
    private static let yesWords: Set<String> = [
        "ja", "jazeker", "jawel", "jep", "klopt", "akkoord", "prima", "top", "perfect", "super", "correct",
        "yes", "yep", "yeah", "great",
    ]

    /// A first line of only these words, with one of `acknowledgements`, confirms: "Bedankt!", "OK, dank je
    /// wel", "Dank voor de snelle oplossing", "Thank you very much".
    private static let acknowledgements: Set<String> = [
        "bedankt", "dank", "dankjewel", "dankuwel", "thanks", "thank", "thx", "merci", "ok", "oke", "okay",
    ]
    private static let thanksLine: Set<String> = acknowledgements.union([
        "je", "u", "wel", "hartelijk", "heel", "erg", "voor", "de", "hulp", "snelle", "moeite", "you", "very", "much",
        "a", "lot", "many", "for", "the", "your", "help", "quick", "top", "super", "fijn", "great", "prima",
        "oplossing", "solution", "fix", "so",
    ])
}
