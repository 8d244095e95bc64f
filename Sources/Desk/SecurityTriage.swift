/// The first reading of a security mail (DAP R-SEC-2, R-SEC-3, R-SEC-4): does it go to the CERT at once,
/// does it stem from a user's mistake, is it a data breach. Pure: a keyword reading of the subject and the
/// new text of the body (quoted history and signature left out), Dutch and English, sentence by sentence.
///
/// Every phrase is negation-aware (`PhraseList`): "geen virus gevonden", "ik heb niet op de link geklikt",
/// "there was no data breach" do not count.
public struct SecurityTriage: Sendable, Hashable {
    /// DAP R-SEC-3: malware, ransomware, or Cloudwise as the (possible) cause: escalate to the CERT at once.
    public var certNow: Bool
    /// DAP R-SEC-3: what matched, each once, in a fixed order: `malware`, `ransomware`, `cryptolocker`,
    /// `virus`, `trojan`, `ransom`, `encrypted files`, `infected`, `cloudwise as cause`.
    public var certReasons: [String]
    /// DAP R-SEC-4: the incident comes from a user's mistake (a phishing link clicked, a password given
    /// away or leaked, an account hacked): basic advice, and the advice of a full investigation, which is
    /// outside the standard service and charged afterwards.
    public var userMistake: Bool
    /// DAP R-SEC-2 applies: the mail reports a (possible) data breach; `DataBreachChecklist` asks for what it
    /// does not state.
    public var isDataBreach: Bool

    public init(certNow: Bool, certReasons: [String], userMistake: Bool, isDataBreach: Bool) {
        self.certNow = certNow
        self.certReasons = certReasons
        self.userMistake = userMistake
        self.isDataBreach = isDataBreach
    }

    /// Reads a mail.
    ///
    /// - `certNow` (R-SEC-3): `malware`, `ransomware`, `cryptolocker`, `virus` (not `virusscanner`, not in a
    ///   sentence about illness: `griep`, `ziek`, `corona`), `trojan`/`trojaans paard`, `losgeld`/`ransom`,
    ///   files encrypted (`bestanden zijn versleuteld`, `alles versleuteld`, `encrypted files`; not when the
    ///   sentence says that is a safeguard: `gelukkig`, `veilig`, `BitLocker`, `fortunately`, `safe`),
    ///   `besmet`/`geïnfecteerd`/`infected` (not with `luizen`, `griep` …); or Cloudwise as the (possible)
    ///   cause: `door Cloudwise` (not `opgelost door Cloudwise`, `geïnstalleerd door Cloudwise` …), `fout van
    ///   Cloudwise`, `caused by Cloudwise`, `due to Cloudwise`, `sinds de update van Cloudwise`, the same with
    ///   `jullie`/`your` (the mail is to Cloudwise's desk: `door jullie gekomen`, `jullie fout`, `since your
    ///   update`), or Cloudwise and a cause word (`oorzaak`, `veroorzaakt`, `schuld`, `cause`, `fault`,
    ///   `blame`) in one sentence that does not ask to investigate (`zoekt de oorzaak uit`, `investigate`).
    /// - `userMistake` (R-SEC-4): `op een link geklikt`, a phishing mail and `geklikt`/`ingevuld`/`clicked`
    ///   in one sentence, `clicked a link`, `bijlage geopend`, `wachtwoord … gelekt/gestolen/afgegeven/
    ///   ingevuld/gedeeld`, `password … compromised/leaked/stolen`, `entered my password`,
    ///   `account … gehackt/hacked`.
    /// - `isDataBreach` (R-SEC-2): `datalek`, `data breach`, `data leak`, a `[Datalek]` tag, `verkeerde
    ///   ontvanger`, `cc in plaats van bcc`; personal data and a loss in one sentence (`persoonsgegevens …
    ///   gelekt`, `gegevens van leerlingen … kwijt`, `cijferlijst … naar de verkeerde ouders`, `foto's …
    ///   zonder toestemming`, `per ongeluk`); a lost or stolen USB stick, laptop or tablet in one sentence
    ///   with the loss (not its password, charger or files; phones are left out).
    public static func assess(subject: String, text: String) -> SecurityTriage {
        let fresh = MailText.split(text).fresh
        let sentences = ([subject] + PhraseList.sentences(fresh).map { String($0.text) }).map {
            joiningCompounds(MailText.words($0))
        }
        var reasons: [String] = []
        var userMistake = false
        var breach = false
        for words in sentences where !words.isEmpty {
            let found = malware.labels(in: words)
            // "Er gaat een virus rond, veel leerlingen zijn ziek" is no computer virus.
            reasons += words.contains(where: illnesses.contains) ? found.filter { $0 != "virus" } : found
            if encryptedFiles.matches(words), !words.contains(where: safeguards.contains) {
                reasons.append("encrypted files")
            }
            if infection.matches(words), !words.contains(where: illnesses.contains) { reasons.append("infected") }
            if cloudwiseIsCause(words) { reasons.append("cloudwise as cause") }
            if mistakes.matches(words) || (phishing.matches(words) && phishingActions.matches(words)) {
                userMistake = true
            }
            if breaches.matches(words) || (personalData.matches(words) && losses.matches(words))
                || lostDevice(words)
            {
                breach = true
            }
        }
        let ordered = reasonOrder.filter(reasons.contains)
        return SecurityTriage(
            certNow: !ordered.isEmpty, certReasons: ordered, userMistake: userMistake, isDataBreach: breach)
    }

    /// Two words that are one thing, written apart: `virus scanner` is no virus, `laptop charger` no laptop,
    /// `USB-kabel` no USB stick.
    private static let compounds: [String: Set<String>] = [
        "virus": ["scanner", "scanners", "scan", "checker", "protection", "definitions", "software", "melding"],
        "anti": ["virus", "malware"],
        "laptop": ["charger", "oplader", "lader", "tas", "bag", "case", "hoes", "kar", "trolley", "kluisje"],
        "usb": ["kabel", "cable", "poort", "port", "hub", "c", "aansluiting", "lader", "charger"],
    ]

    private static func joiningCompounds(_ words: [String]) -> [String] {
        var result: [String] = []
        var i = 0
        while i < words.count {
            if i + 1 < words.count, compounds[words[i]]?.contains(words[i + 1]) == true {
                result.append(words[i] + words[i + 1])
                i += 2
            } else {
                result.append(words[i])
                i += 1
            }
        }
        return result
    }

    private static let reasonOrder = [
        "malware", "ransomware", "cryptolocker", "virus", "trojan", "ransom", "encrypted files", "infected",
        "cloudwise as cause",
    ]

    // MARK: - DAP R-SEC-3

    private static let malware = PhraseList(labelled: [
        ("!malware", "malware"), ("!*malware", "malware"), ("!spyware", "malware"), ("!keylogger", "malware"),
        ("!ransomware", "ransomware"), ("!cryptolocker*", "cryptolocker"),
        ("!virus", "virus"), ("!virussen", "virus"), ("!viruses", "virus"), ("!computervirus", "virus"),
        ("!virusmelding*", "virus"), ("!trojan*", "trojan"), ("!trojaans paard", "trojan"),
        ("!losgeld*", "ransom"), ("!ransom", "ransom"), ("!ransom note", "ransom"), ("!ransomnote", "ransom"),
    ])

    private static let encryptedFiles = PhraseList([
        "!bestanden ~ versleuteld", "!versleutelde bestanden", "!bestanden ~ gecodeerd", "!files ~ encrypted",
        "!encrypted files", "!documenten ~ versleuteld", "!documents ~ encrypted", "!alles ~ versleuteld",
        "!everything ~ encrypted", "!versleuteld door", "!encrypted by",
    ])

    /// Words that make encryption a safeguard, not an attack ("de bestanden waren gelukkig versleuteld").
    private static let safeguards: Set<String> = [
        "gelukkig", "veilig", "beveiligd", "bitlocker", "filevault", "fortunately", "luckily", "safe", "protected",
    ]

    private static let infection = PhraseList([
        "!besmet", "!besmette", "!geinfecteerd", "!geinfecteerde", "!infected", "!infectie", "!infection",
    ])

    private static let illnesses: Set<String> = [
        "corona", "coronavirus", "covid", "covid19", "griep", "griepvirus", "buikgriep", "norovirus", "luizen",
        "hoofdluis", "waterpokken", "krentenbaard", "ziek", "zieken", "ziekte", "koorts", "flu", "lice",
        "chickenpox", "sick", "ill", "illness", "fever",
    ]

    /// Phrases that name Cloudwise as the cause on their own.
    private static let cloudwiseCauses = PhraseList([
        "!fout van cloudwise", "!fout bij cloudwise", "!fout door cloudwise", "!schuld van cloudwise",
        "!ligt aan cloudwise", "!komt door cloudwise", "!veroorzaakt door cloudwise", "!door toedoen van cloudwise",
        "!caused by cloudwise", "!due to cloudwise", "!because of cloudwise", "!fault of cloudwise",
        "!cloudwise ~ fault", "!cloudwise ~ schuld", "!sinds ~ update van cloudwise", "!sinds ~ wijziging van cloudwise",
        // The desk is Cloudwise: "jullie" in a mail to it is Cloudwise.
        "!jullie fout", "!fout van jullie", "!jullie schuld", "!schuld van jullie", "!komt door jullie",
        "!veroorzaakt door jullie", "!sinds jullie ~ update", "!sinds jullie ~ wijziging", "!na jullie ~ update",
        "!na jullie ~ wijziging", "!your fault", "!caused by you", "!caused by your", "!due to your",
        "!since your ~ update", "!since your ~ change", "!after your ~ update", "!after your ~ change",
        "!na ~ update van cloudwise", "!na ~ wijziging van cloudwise", "!since ~ cloudwise ~ update",
        "!after ~ cloudwise ~ update", "!since ~ cloudwise ~ change", "!after ~ cloudwise ~ change",
    ])

    /// `door Cloudwise`: the cause, unless the sentence says what Cloudwise did for the school.
    private static let doorCloudwise = PhraseList(["!door cloudwise", "!by cloudwise", "!door jullie"])
    private static let neutralDeeds: Set<String> = [
        "opgelost", "geholpen", "gebeld", "gemaild", "gestuurd", "verstuurd", "doorgestuurd", "geinstalleerd",
        "aangemaakt", "geleverd", "beheerd", "ingericht", "ondersteund", "gecontroleerd", "bevestigd", "verholpen",
        "gerepareerd", "vervangen", "aangesloten", "geconfigureerd", "hersteld", "teruggezet", "ontvangen",
        "bekeken", "onderzocht", "gemeld", "solved", "fixed", "helped", "called", "installed", "replaced",
        "configured", "restored", "managed", "supported", "sent", "resolved", "repaired", "set",
    ]

    private static let causeWords: Set<String> = [
        "oorzaak", "veroorzaakt", "veroorzaken", "veroorzaakte", "schuld", "cause", "caused", "causing", "fault",
        "blame",
    ]

    /// A sentence that asks Cloudwise to find the cause does not name it.
    private static let investigations = PhraseList([
        "zoek*", "onderzoek*", "achterhal*", "uitzoeken", "nagaan", "uit te zoeken", "find", "investigat*",
        "look into", "check", "determine",
    ])

    private static func cloudwiseIsCause(_ words: [String]) -> Bool {
        if cloudwiseCauses.matches(words) { return true }
        if doorCloudwise.matches(words), !words.contains(where: neutralDeeds.contains) { return true }
        guard let at = words.firstIndex(where: { $0.hasPrefix("cloudwise") }) else { return false }
        // Cloudwise and a cause word in one sentence, neither negated: "de oorzaak is de wijziging van
        // Cloudwise", "is Cloudwise misschien de oorzaak?" (a possible cause); not "Cloudwise zoekt de oorzaak
        // uit", not "de oorzaak ligt niet bij Cloudwise".
        guard let cause = words.firstIndex(where: causeWords.contains), !investigations.matches(words) else {
            return false
        }
        func negated(_ i: Int) -> Bool { words[max(0, i - 2)..<i].contains(where: PhraseList.negators.contains) }
        return !negated(at) && !negated(cause)
    }

    // MARK: - DAP R-SEC-4

    private static let mistakes = PhraseList([
        "!op ~ link ~ geklikt", "!op ~ link ~ gedrukt", "!link ~ aangeklikt", "!geklikt op ~ link",
        "!klikte op ~ link", "!clicked ~ link", "!clicked on ~ link", "!opened ~ attachment", "!bijlage ~ geopend",
        "!wachtwoord ~ gelekt", "!wachtwoord ~ uitgelekt", "!wachtwoord ~ gestolen", "!wachtwoord ~ afgegeven",
        "!wachtwoord ~ ingevuld", "!wachtwoord ~ ingetypt", "!wachtwoord ~ doorgegeven", "!wachtwoord ~ gegeven",
        "!inloggegevens ~ ingevuld", "!inloggegevens ~ afgegeven", "!inloggegevens ~ gelekt",
        "!inloggegevens ~ gestolen", "!inloggegevens ~ doorgegeven", "!wachtwoord ~ gecompromitteerd",
        "!wachtwoord ~ gedeeld", "!inloggegevens ~ gedeeld", "!shared ~ password", "!password ~ shared",
        "!password ~ compromised", "!password ~ leaked", "!password ~ stolen", "!password ~ phished",
        "!entered ~ password", "!gave ~ password", "!typed ~ password", "!credentials ~ compromised",
        "!credentials ~ stolen", "!entered ~ credentials",
        "!account ~ gehackt", "!account ~ gehacked", "!account ~ overgenomen", "!account ~ gecompromitteerd",
        "!mailbox ~ gehackt", "!mail ~ gehackt", "!gehackt account", "!gehackte account", "!account ~ hacked",
        "!account ~ compromised", "!account ~ taken over", "!hacked account", "!compromised account",
        "!mailbox ~ hacked", "!email ~ hacked",
    ])

    private static let phishing = PhraseList(["phish*", "*phishing", "*phishingmail", "nepmail", "nepsite", "fake"])
    private static let phishingActions = PhraseList([
        "!geklikt", "!aangeklikt", "!klikte", "!ingevuld", "!ingelogd", "!clicked", "!entered", "!logged in",
        "!filled in",
    ])

    // MARK: - DAP R-SEC-2

    private static let breaches = PhraseList([
        "!datalek*", "!*datalek", "!*datalekken", "!data breach*", "!databreach*", "!data leak*", "!dataleak*",
        "!privacy incident", "!privacyincident", "!privacy breach", "!verkeerde ontvanger*", "!wrong recipient*",
        "cc in plaats van bcc", "cc instead of bcc",
    ])

    /// A lost or stolen device that holds data, in one sentence with the loss: "Een laptop van school is
    /// vanmiddag uit lokaal 3 gestolen", "I lost my USB stick". Not a lost password, charger or file: "ik ben
    /// het wachtwoord van mijn laptop kwijt". Phones are left out: a lost phone is a request to block it.
    private static let devices = PhraseList([
        "usb", "usbstick*", "*stick", "laptop", "laptops", "tablet", "tablets", "ipad", "ipads", "chromebook",
        "chromebooks", "externe schijf", "harde schijf", "external drive", "hard drive", "notebook",
    ])
    private static let deviceLosses = PhraseList([
        "!kwijt", "!kwijtgeraakt", "!verloren", "!gestolen", "!vermist", "!is zoek", "!zijn zoek", "!zoekgeraakt",
        "!ontvreemd", "!lost", "!stolen",
    ])
    private static let notTheDevice: Set<String> = [
        "wachtwoord", "wachtwoorden", "password", "passwords", "pincode", "pin", "inloggegevens", "code",
        "oplader", "lader", "charger", "kabel", "cable", "stekker", "verbinding", "connection", "wifi",
        "netwerk", "internet", "bestand", "bestanden", "file", "files", "document", "documenten", "documents",
        "tijd", "time", "geluid", "sound", "beeld", "muis", "mouse", "toetsenbord", "keyboard",
    ]

    private static func lostDevice(_ words: [String]) -> Bool {
        devices.matches(words) && deviceLosses.matches(words) && !words.contains(where: notTheDevice.contains)
    }

    private static let personalData = PhraseList([
        "persoonsgegevens", "leerlinggegevens", "leerlingengegevens", "personeelsgegevens", "oudergegevens",
        "contactgegevens", "adresgegevens", "zorggegevens", "medische gegevens", "leerlingdossier*",
        "zorgdossier*", "bsn", "bsns", "burgerservicenummer*", "cijferlijst*", "klassenlijst*",
        "leerlingenlijst*", "adressenlijst*", "namen en adressen", "*adressen", "gegevens van ~ leerlingen",
        "gegevens van ~ ouders", "gegevens van ~ medewerkers", "gegevens van ~ personeel",
        "gegevens van ~ kinderen", "personal data", "personal information", "student data", "pupil data",
        "student records", "data of ~ students", "data of ~ pupils", "names and addresses", "addresses",
        "fotos", "fotos van ~ leerlingen", "photos", "pictures",
    ])

    private static let losses = PhraseList([
        "!gelekt", "!uitgelekt", "!kwijt", "!kwijtgeraakt", "!verloren", "!gestolen", "!openbaar",
        "!op straat", "!naar ~ verkeerde", "!aan ~ verkeerde", "!verkeerde ouder*", "!leaked", "!lost", "!stolen",
        "!exposed", "!publicly", "!to the wrong", "!wrong parent*", "!wrong person", "!onbevoegd*",
        "!unauthori*", "!zichtbaar voor", "!visible to", "!openbare", "!per ongeluk", "!by mistake",
        "!accidentally", "!onbedoeld", "!zonder toestemming", "!without permission", "!without consent",
    ])
}
