/// The classifier's Dutch and English wording: weighted keywords and phrases per case type (DAP R-CASE-4).
///
/// Patterns use the `KeywordPattern` syntax: spaces for consecutive words, `~` for up to three words in
/// between, `*` for compounds and word continuations, `!` for a word that a negation before it cancels.
/// Weights: about 5 for a word that alone decides the type ("datalek", "klacht"), 3 for a typical phrase
/// ("werkt niet", "account aanmaken"), 1–2 for a hint. The classifier adds the weights per type (each
/// pattern once), and only answers a type that clearly leads; see `Classifier`.
public struct Lexicon: Sendable {
    public struct Entry: Sendable, Hashable {
        public var pattern: String
        public var type: CaseType
        public var weight: Double

        public init(_ pattern: String, _ type: CaseType, _ weight: Double) {
            self.pattern = pattern
            self.type = type
            self.weight = weight
        }
    }

    public var entries: [Entry]

    public init(entries: [Entry]) { self.entries = entries }

    /// The built-in Dutch and English wording.
    public static let standard = Lexicon(entries:
        incident + request + change + complaint + question + security)

    private static func group(_ type: CaseType, _ list: [(String, Double)]) -> [Entry] {
        list.map { Entry($0.0, type, $0.1) }
    }

    // MARK: - Incident: something that worked does not (DAP 5)

    static let incident = group(.incident, [
        // Dutch
        ("!*storing", 3), ("!*storingen", 3), ("!verstoring", 3),
        ("werkt niet", 3), ("werken niet", 3), ("werkt ~ niet meer", 3), ("werkte ~ niet", 2.5),
        ("doet het niet", 3), ("doen het niet", 3), ("doet niks", 2.5), ("doet niets", 2.5), ("doet raar", 2),
        ("doet het ~ niet meer", 3),
        ("kapot", 3), ("defect", 3), ("stuk", 1.5), ("*foutmelding", 3), ("foutcode", 3), ("error", 2.5),
        ("fout opgetreden", 3), ("iets misgegaan", 3), ("mislukt", 2),
        ("crasht", 3), ("loopt vast", 3), ("vastgelopen", 3), ("blijft hangen", 3), ("hangt", 1.5),
        ("traag", 2.5), ("langzaam", 2), ("instabiel", 2.5), ("valt ~ weg", 3), ("uitgevallen", 3), ("ligt eruit", 3),
        ("niet bereikbaar", 3), ("onbereikbaar", 3), ("offline", 2.5),
        ("geen verbinding", 3), ("geen internet", 3), ("geen wifi", 3), ("geen netwerk", 3), ("geen geluid", 3),
        ("geen beeld", 3), ("geen signaal", 3), ("geen kiestoon", 3), ("geen bereik", 3),
        ("kan ~ niet ~ inloggen", 2), ("kunnen ~ niet ~ inloggen", 2), ("kan ~ niet ~ printen", 3),
        ("kan ~ niet ~ verbinden", 3), ("kunnen ~ niet ~ werken", 2.5), ("kan ~ niet ~ openen", 2.5),
        ("lukt ~ niet", 2), ("gaat niet aan", 3), ("start niet", 3), ("gaat ~ vanzelf uit", 3),
        ("komt ~ niet aan", 2.5), ("komen ~ niet aan", 2.5), ("laadt ~ niet", 3), ("laden ~ niet", 3),
        ("knippert", 2), ("wit scherm", 2.5), ("zwart scherm", 2.5), ("blauw scherm", 2.5),
        ("probleem", 1.5), ("problemen", 1.5), ("sinds vanochtend", 1.5), ("sinds vanmorgen", 1.5),
        ("sinds gisteren", 1), ("sinds vandaag", 1), ("verholpen", 1.5), ("repareren", 2), ("gerepareerd", 1.5),
        ("opnieuw opgestart", 1.5), ("herstart", 1), ("uit en aan", 1.5), ("monteur sturen", 2),
        ("iemand langs", 1.5), ("komt ~ nooit aan", 2.5), ("komen ~ nooit aan", 2.5), ("werkte ~ nog", 2),
        ("niet meer", 1.5), ("vraagt ~ steeds", 2), ("steeds opnieuw", 2), ("blijft ~ vragen", 2.5),
        ("flikker*", 3), ("hapert", 3), ("haperen", 3), ("valt ~ zwart", 3), ("wil niet", 2), ("niet wil", 2),
        ("loopt achter", 2), ("verkeerde tijd", 2), ("blijven ~ hangen", 3), ("niet verzonden", 3),
        ("postvak uit", 2), ("sessie verlopen", 2), ("geeft ~ fout", 2), ("doet ~ niets meer", 3),
        ("gebarsten", 3), ("zwart beeld", 3), ("valt ~ uit", 2.5), ("vallen ~ uit", 2.5), ("brom*", 2),
        ("blijft laden", 3), ("laat niks zien", 2.5), ("laat niets zien", 2.5), ("zie ~ alleen", 1),
        ("werkt hij wel", 1.5), ("werkt het wel", 1.5), ("verkeerde", 1), ("ging ~ mis", 2), ("gaat ~ mis", 2),
        ("reageert ~ niet", 3), ("reageren ~ niet", 3), ("fout gegaan", 2.5), ("ging ~ nog goed", 2),
        ("op afstand kijken", 1.5), ("even kijken", 1), ("kunnen jullie ~ kijken", 1.5),
        // English
        ("not working", 3), ("doesnt work", 3), ("does not work", 3), ("isnt working", 3), ("arent working", 3),
        ("stopped working", 3), ("broken", 3), ("breaks", 2), ("crash*", 3), ("error*", 2.5),
        ("fails", 2), ("failed", 2), ("failing", 2), ("not responding", 3), ("dont respond", 3),
        ("doesnt respond", 3), ("unresponsive", 3), ("frozen", 2.5), ("freezes", 2.5), ("slow", 2),
        ("no signal", 3), ("no wifi", 3), ("no wi fi", 3), ("no internet", 3), ("no network", 3), ("no sound", 3),
        ("no connection", 3), ("no dial tone", 3), ("lost ~ network", 3), ("lost ~ connection", 3),
        ("cannot ~ log in", 2), ("cant ~ log in", 2), ("unable to", 2), ("cannot connect", 3), ("cant connect", 3),
        ("cant find the network", 3), ("not syncing", 3), ("not arriving", 3), ("not loading", 3),
        ("keeps ~ dropping", 3), ("drops out", 2.5), ("is down", 3), ("are down", 3), ("went down", 3),
        ("outage", 2), ("down", 2), ("invalid credentials", 2), ("issue", 1.5), ("problem", 1.5),
        ("still happening", 2),
        ("since this morning", 1.5), ("since yesterday", 1), ("buffering", 1.5), ("offline", 2.5),
        ("blinking", 2), ("wont ~ start", 3), ("wont ~ turn on", 3), ("doesnt ~ turn on", 3),
        ("wont ~ boot", 3), ("repaired", 2), ("repair", 2), ("fix it", 1.5), ("take a look", 1.5),
        ("have a look", 1.5), ("keeps ~ asking", 2.5), ("used to work", 2), ("worked ~ until", 2),
        ("jammed", 3), ("jamming", 3), ("paper jam", 3), ("doesnt do anything", 3), ("anymore", 1.5),
        ("cant open", 2.5), ("cannot open", 2.5), ("unable to open", 2.5), ("experienced an error", 3),
        ("flicker*", 3), ("keeps ~ freezing", 3), ("not ~ sent", 2), ("stuck in ~ outbox", 3),
        ("wont", 2), ("doesnt", 1.5), ("cant", 1.5), ("isnt", 1), ("timed out", 2.5), ("time out", 2),
        ("dies", 2), ("cracked", 3), ("smashed", 3), ("black screen", 3), ("goes black", 3), ("used to", 1.5),
        ("it was fine", 2), ("was working", 1.5), ("went wrong", 2), ("goes wrong", 2),
        ("stopped", 2), ("dont work", 3), ("doesnt play", 2.5), ("no sound", 3),
    ])

    // MARK: - Service request: something from the catalog (DAP 6)

    static let request = group(.request, [
        // Dutch
        ("!aanvragen", 2.5), ("!aanvraag", 2.5), ("!*verzoek", 2), ("graag ~ toegang", 3), ("toegang tot", 2.5),
        ("toegang krijgen", 3), ("toegang ~ geven", 3), ("*rechten", 2), ("nieuw account", 3), ("nieuwe account", 3),
        ("nieuwe accounts", 3), ("account aanmaken", 3.5), ("accounts aanmaken", 3.5), ("account ~ aangemaakt", 3),
        ("nieuwe medewerker", 1.5), ("nieuwe collega", 1.5), ("nieuwe leerkracht", 1.5), ("nieuwe docent", 1.5),
        ("stagiair*", 2.5), ("installeren", 2.5), ("geinstalleerd krijgen", 3), ("installatie", 2),
        ("bestellen", 2.5), ("besteld", 2.5), ("nodig", 1), ("wachtwoord vergeten", 4), ("wachtwoord ~ resetten", 4),
        ("wachtwoord ~ reset", 4), ("wachtwoordreset", 4), ("nieuw wachtwoord", 4), ("resetten", 2.5),
        ("reset", 2.5), ("licentie*", 1.5), ("uit dienst", 3), ("gedeelde mailbox", 3.5), ("gedeelde map", 2),
        ("extra", 1), ("inrichten", 1.5), ("graag een", 1.5), ("zou ik graag", 1.5), ("willen ~ graag een", 1.5),
        ("kunnen wij ~ krijgen", 2), ("kan ~ krijgen", 1.5), ("mogen ~ krijgen", 1.5),
        ("account* ~ aanmaken", 3.5), ("laten aanmaken", 2.5), ("aanmaken", 2), ("*accounts", 1),
        ("wachtwoord niet meer", 3.5), ("wachtwoord ~ kwijt", 3.5), ("regelen", 1.5), ("invalkracht", 2.5),
        ("vervanger", 2), ("willen we graag", 1.5),
        ("ontgrendelen", 3), ("deblokkeren account", 3), ("extra opslag*", 2.5), ("geef ~ rechten", 2.5),
        // English
        ("!request", 2), ("new account", 3), ("new accounts", 3), ("set up ~ account*", 3), ("create ~ account*", 3),
        ("new starter", 3), ("new staff", 1), ("new teacher", 1), ("new colleague", 1.5), ("new employee", 1.5),
        ("starting", 1.5), ("install*", 2.5), ("access to", 2), ("get access", 3), ("permission*", 2),
        ("reset ~ password", 4), ("password reset", 4), ("reset ~ mfa", 4), ("mfa reset", 4), ("forgotten", 2.5),
        ("forgot", 2.5), ("licence", 1.5), ("license", 1.5), ("assign", 2), ("order", 1.5),
        ("we need a", 1.5), ("would like a", 1.5), ("could we get", 2), ("could i get", 2), ("can we get", 2),
        ("can i get", 2), ("guest account*", 3), ("temporary account*", 3), ("arrange", 1.5), ("set up", 1.5),
        ("new laptop", 2.5), ("a laptop for", 2.5), ("leaving", 1.5), ("offboard*", 3),
        ("cover teacher", 2.5), ("supply teacher", 2.5), ("new one", 2), ("replacement", 2.5),
        ("starts on", 1.5), ("starting on", 1.5),
        ("could ~ be installed", 3),
        ("unlock", 3), ("edit rights", 2.5), ("rights", 1.5), ("add me to", 2.5), ("could i ~ get", 2),
        ("can i ~ get", 2), ("could we ~ get", 2), ("can we ~ get", 2), ("supply", 2), ("quote", 1.5),
    ])

    // MARK: - Change: alter a service's configuration (DAP 7)

    static let change = group(.change, [
        // Dutch
        ("!wijziging*", 3), ("!*wijziging", 3), ("wijzigingsvoorstel", 3), ("wijzigen", 2), ("aanpassen", 2),
        ("aangepast", 1.5), ("aanpassing", 2), ("inregelen", 2.5), ("instellen", 1), ("ingesteld", 1.5),
        ("configur*", 2.5), ("uitrollen", 2.5), ("firewall*", 2.5), ("*firewall", 2.5), ("firewallregel", 3),
        ("poort", 2), ("openzetten", 3), ("open moet", 1.5), ("vlan*", 3), ("dns*", 2.5), ("a record", 2.5),
        ("cname", 3), ("mx record", 3), ("ssid*", 2.5), ("whitelist*", 2.5), ("vrijgeven", 2.5),
        ("deblokkeren", 2.5), ("webfilter", 2.5), ("*beleid", 2), ("groepsbeleid", 2.5), ("intune", 1.5),
        ("ou", 2), ("distributielijst", 2.5), ("patchen", 2.5), ("netwerkpunt", 2), ("activeren", 2),
        ("mac adres", 3), ("inplannen", 1.5), ("cab", 3), ("koppeling", 1.5), ("migratie", 2), ("migreren", 2),
        ("overstappen", 1.5), ("stappen over", 1.5), ("uitzetten", 1.5), ("blokkeren voor", 1.5),
        ("vergroten", 1.5), ("toevoegen aan", 1.5), ("printserver", 2),
        ("instellingen", 1.5), ("centraal ~ ingesteld", 2.5), ("standaardprinter", 2), ("blokkeren in", 2),
        ("dhcp*", 2.5), ("ip bereik", 2), ("mx", 2.5), ("kiosk*", 2), ("gaan over naar", 1.5),
        ("!change", 2.5), ("change request", 4),
        // English
        ("whitelist", 2.5), ("unblock", 2.5), ("web filter", 2.5), ("firewall", 2.5), ("port", 2),
        ("open port", 3), ("opened", 1), ("vlan", 3), ("dns", 2.5), ("ssid", 2.5), ("extension", 1.5),
        ("force install", 3), ("roll out", 2.5), ("rollout", 2.5), ("push ~ to", 1.5), ("deploy*", 2.5),
        ("configure", 2.5), ("policy", 2), ("enforce", 2.5), ("disable", 2), ("enable", 2), ("replace", 1.5),
        ("plan this", 2), ("company portal", 2.5), ("print server", 2), ("add ~ to the", 1.5),
        ("bandwidth", 2), ("conditional access", 2.5), ("certificate", 2), ("roll back", 2.5), ("rollback", 2.5),
        ("pin ~ version", 2), ("tenant", 1.5), ("downtime", 1.5), ("make ~ available", 1.5),
        ("routing", 2), ("domain", 1),
        ("default printer", 2), ("settings", 1), ("revert", 2.5), ("forwarded to", 1), ("set this up", 1),
    ])

    // MARK: - Complaint: dissatisfaction with the desk's service (DAP 11)

    static let complaint = group(.complaint, [
        // Dutch
        ("!klacht*", 5), ("ontevreden", 4), ("niet tevreden", 4), ("teleurgesteld", 4), ("teleurstelling", 4),
        ("onacceptabel", 4), ("niet acceptabel", 4), ("onaanvaardbaar", 4), ("kan echt niet", 3),
        ("slechte service", 4), ("slechte dienstverlening", 4), ("slecht geinformeerd", 3), ("slecht", 1.5),
        ("onvoldoende", 2.5), ("nog steeds geen reactie", 4), ("geen reactie", 2.5), ("niemand ~ reageert", 3),
        ("niemand antwoordt", 3), ("niemand ~ laat ~ horen", 3), ("niets gehoord", 3), ("niks gehoord", 3),
        ("al weken", 2), ("weken wacht*", 2), ("in de wacht", 1.5), ("onbeleefd", 3.5), ("onvriendelijk", 3.5),
        ("kortaf", 3), ("onbeschoft", 3.5), ("boos", 3), ("geergerd", 3), ("frustrerend", 3),
        ("niet serieus genomen", 4), ("excuses", 2), ("escaleren", 2.5), ("escalatie", 2.5), ("beschadigd", 2),
        ("schade", 2), ("niet eens met", 3), ("crediteren", 2.5), ("gecrediteerd", 2.5),
        ("kwaliteit van ~ dienstverlening", 3), ("zorgen uiten", 3), ("niet ~ nagekomen", 3), ("moet beter", 2.5),
        ("gesloten terwijl", 3), ("zomaar gesloten", 3), ("derde keer", 2), ("tweede keer", 1.5),
        ("wat is hier aan de hand", 2.5), ("accountmanager", 1.5), ("geen oplossing", 2), ("wij betalen", 2),
        ("pas ~ geinformeerd", 2.5), ("verschoven", 1), ("gesprek", 1), ("wachttijd*", 2.5), ("staat ~ nog open", 2),
        ("het zat", 3.5), ("belachelijk", 3.5), ("verwachten beter", 3), ("onprofessioneel", 3.5),
        ("nog steeds niets", 3), ("niets gebeurd", 2.5), ("niemand ~ contact", 2.5), ("opgehangen", 2),
        ("kan zo niet langer", 3.5), ("niet de eerste keer", 2.5), ("zo komen we nergens", 3), ("teamleider", 2),
        ("automatische berichten", 2), ("keer gemaild", 2), ("keer gebeld", 2), ("onvrede", 4),
        ("slechte ervaring", 3), ("niet mee eens", 3),
        ("beloofd", 2.5), ("niemand ~ gekomen", 3), ("verantwoordelijk", 2), ("vergoeden", 2.5), ("niet blij", 3),
        ("geen terugkoppeling", 3), ("hoor niets", 2.5), ("hoor niks", 2.5), ("teleurstellend", 4),
        ("niet serieus", 3), ("verandert niets", 2.5), ("al maanden", 2),
        ("geprobeerd ~ te bellen", 2), ("afgebeld", 1.5), ("zeer frustrerend", 3.5),
        // English
        ("!complain*", 5), ("disappointed", 4), ("disappointment", 4), ("unacceptable", 4), ("not acceptable", 4),
        ("not good enough", 4), ("not happy", 4), ("unhappy", 4), ("dissatisfied", 4), ("frustrating", 3),
        ("frustrated", 3), ("rude", 3.5), ("apology", 2.5), ("apologise", 2.5), ("apologize", 2.5),
        ("poor service", 4), ("poor communication", 4), ("poor", 1.5), ("still no response", 4),
        ("no response", 2.5), ("heard nothing", 3), ("nobody showed up", 3.5), ("nobody called", 2.5),
        ("no one showed up", 3.5), ("chase", 2), ("escalat*", 2.5), ("outside the sla", 3), ("sla", 1),
        ("second time", 1.5), ("third time", 2), ("take responsibility", 3), ("your manager", 2.5),
        ("account manager", 1.5), ("without fixing", 2.5), ("lost half a day", 2), ("prevent it", 1.5),
        ("structural solution", 2), ("wasted", 2), ("still nothing", 2.5), ("not another ticket", 2),
        ("waiting time", 2.5), ("still open", 2),
        ("fed up", 3.5), ("ridiculous", 3.5), ("expected better", 3), ("unprofessional", 3.5),
        ("nothing happened", 2.5), ("nobody contacted", 2.5), ("hung up", 2), ("not the first time", 2.5),
        ("do not agree", 3), ("dont agree", 3), ("disagree", 2.5), ("credit this", 2.5), ("bad experience", 3),
        ("automated emails", 2),
        ("promised", 2.5), ("responsible", 1.5), ("damaged", 2.5), ("cover the costs", 3), ("not what we agreed", 3),
        ("disgraceful", 4), ("sloppy", 3), ("every time i call", 2), ("left before", 2), ("arrived ~ late", 2),
        ("tried ~ to call", 2), ("not resolved", 2),
    ])

    // MARK: - Question: information, how-to (triage)

    static let question = group(.question, [
        // Dutch
        ("!vraag", 2), ("vraagje", 2), ("hoe", 1.5), ("hoe kan ik", 2), ("hoe doe ik", 2), ("hoe stel ik", 2),
        ("hoe zet ik", 2), ("hoe werkt", 2), ("hoe lang", 2), ("hoeveel", 1.5), ("wat is", 1), ("waar kan ik", 2),
        ("wanneer", 1), ("mag ik", 2), ("mogen", 1.5), ("is het mogelijk", 1.5), ("weten jullie", 2),
        ("informatie", 1.5), ("uitleggen", 2), ("wat betekent", 2), ("handleiding", 2), ("tot hoe laat", 2),
        ("bereikbaar", 1), ("advies", 1.5), ("geldt", 1.5), ("of moet ik", 1.5), ("is er een", 1.5),
        ("wat kost", 2), ("kosten", 1.5), ("welke", 1), ("moet ik", 1.5), ("kan ik", 1), ("mogen we", 1.5),
        // English
        ("!question", 2.5), ("quick question", 3), ("how do i", 2), ("how can i", 2), ("how long", 2),
        ("how many", 1.5), ("how much", 1.5), ("what is", 1), ("whats", 1), ("which", 1), ("where can i", 2),
        ("is it possible", 1.5), ("is there", 1.5), ("do you offer", 2.5), ("training*", 1), ("do you recommend", 2),
        ("recommend", 1.5), ("best way", 2), ("difference", 1.5), ("included in", 1.5), ("wondering", 2),
        ("advice", 1.5), ("information", 1.5), ("who is", 1.5), ("should i", 1.5), ("are pupils able", 1.5),
        ("are ~ allowed", 1.5), ("is that", 0.5),
        ("how much does", 2), ("cost", 1.5), ("do i need to", 2), ("do we need to", 2),
    ])

    // MARK: - Security incident or data breach (DAP 9, R-SEC-1)

    static let security = group(.security, [
        // Dutch
        ("!datalek*", 6), ("!*datalek", 6), ("!*gelekt", 5), ("!lekt", 3), ("!beveiligingsincident", 6), ("!*lek", 2),
        ("!phish*", 5),
        ("!ransomware", 6), ("!cryptolocker", 6), ("!malware", 5), ("!virus", 4), ("!trojan*", 5),
        ("!geinfecteerd", 4), ("!gehackt", 5), ("!gehacked", 5), ("!hack*", 4), ("gestolen", 4),
        ("kwijtgeraakt", 2), ("verloren", 1.5), ("persoonsgegevens", 3), ("leerlinggegevens", 3),
        ("leerlingdossier*", 2.5), ("gegevens", 1), ("verkeerde ouders", 2), ("per ongeluk", 1),
        ("openbaar gedeeld", 3), ("iedereen met de link", 3), ("verdacht*", 2.5), ("vertrouw het niet", 2.5),
        ("niet vertrouwen", 2), ("spam*", 2), ("geklikt", 2.5), ("wachtwoord ingevuld", 3), ("klik hier", 2.5),
        ("inlogpoging*", 3), ("probeert in te loggen", 3), ("betaalverzoek", 3), ("losgeld", 4),
        ("avg", 2), ("autoriteit persoonsgegevens", 4), ("cadeaukaart*", 3), ("onbekend apparaat*", 3),
        ("account te verifieren", 2.5), ("aangifte", 2), ("niet versleuteld", 2), ("toestemming", 1),
        ("een ander kind", 1.5), ("kon zien", 1.5), ("afgesloten", 0.5), ("onbevoegd*", 4), ("misbruik*", 3),
        ("zonder toestemming", 2),
        ("inbraak", 3), ("ingebroken", 3), ("meegenomen", 1.5), ("onbekende afzender", 2.5),
        ("bijlage geopend", 2.5), ("vanaf mijn ~ adres", 2), ("vanaf mijn ~ account", 2), ("nooit verstuurd", 2.5),
        ("niet verstuurd", 1.5), ("vroeg om ~ inlog*", 2.5),
        ("vroeg om ~ wachtwoord", 2.5), ("leerlingrapport*", 2),
        ("ingelogd vanuit", 3), ("dat was ik niet", 3), ("buitenland", 1.5), ("verkeerde ontvanger", 3),
        ("verkeerde ouder*", 2), ("usb* ~ gevonden", 3), ("risico", 1.5), ("overgenomen", 3),
        // English
        ("!data breach", 6), ("!breach", 4), ("!data leak", 5), ("!hacked", 5), ("!phishing", 5),
        ("!infected", 4), ("stolen", 4), ("threat detected", 4), ("personal data", 3), ("suspicious", 2.5),
        ("clicked", 2.5), ("entered ~ password", 3), ("remote access", 2), ("microsoft support", 1.5),
        ("sign ins", 2), ("login alert*", 3), ("encrypted", 3), ("ransom", 5), ("gdpr", 2), ("wipe", 2.5),
        ("block access", 2), ("unknown device", 3), ("gift card*", 3), ("still has access", 3),
        ("can still log in", 2.5), ("verify ~ account", 2.5), ("click here", 2.5), ("was able to see", 2),
        ("shared publicly", 3), ("public link", 3), ("accidentally", 1), ("lost my phone", 3), ("lost ~ laptop", 3),
        ("medical", 1.5), ("home addresses", 2), ("pretending", 2.5), ("unauthori*", 4),
        ("allowed ~ remote access", 3), ("gave ~ remote access", 3), ("misuse*", 3),
        ("never sent", 2.5), ("unknown sender", 2.5), ("opened ~ attachment", 2.5), ("asked for ~ password", 2.5),
        ("left ~ laptop", 2), ("from my ~ address", 2), ("from my account", 2), ("sent from my", 1.5),
        ("laptop ~ left", 2), ("pupil data", 3), ("pupil* ~ report*", 2), ("pupil files", 2),
        ("break in", 3), ("burglary", 3),
        ("logged in from", 3), ("sign in from", 3), ("wasnt me", 3), ("wrong recipient", 3), ("found ~ usb", 3),
        ("wrong parent*", 3), ("wrong person", 2), ("openbaar", 1.5), ("onbekenden", 1.5),
        ("inhoud inschakelen", 3), ("enable content", 3), ("macros", 1.5),
        ("usb stick", 1.5), ("a risk", 2), ("taken over", 3), ("hijacked", 3), ("leaked", 3),
    ])
}
