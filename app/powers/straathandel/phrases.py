"""The words of the straathandel letters (B1 Dutch, the mayor in the first person). One decision, one content:
the minor and each parent with authority read the same decision; a parent's letter only says why he or she
receives it. The dictum reproduces the APV norm ("zich niet ... op te houden met het kennelijke doel ..."):
the norm forbids being present with that aim, not buying or selling itself (ABRvS 13 juli 2011, LJN BR1425)."""

from __future__ import annotations

OVERTREDER, GEZAGHEBBENDE = "overtreder", "gezaghebbende"
ADDRESSEE = {OVERTREDER: OVERTREDER, GEZAGHEBBENDE: GEZAGHEBBENDE}
STUK = {"voornemen_last": "dit voornemen", "last_onder_dwangsom": "dit besluit",
        "invorderingsbeschikking": "deze invorderingsbeschikking"}
ONDERWERP = {"voornemen_last": "Voornemen tot een last onder dwangsom straathandel, {plaats}",
             "last_onder_dwangsom": "Last onder dwangsom straathandel, {plaats}",
             "invorderingsbeschikking": "Invordering van een verbeurde dwangsom straathandel, {plaats}"}
APV = "de Algemene plaatselijke verordening (APV) van Maastricht"
AWB = "de Algemene wet bestuursrecht"

INLEIDING = {
    ("voornemen_last", OVERTREDER): [
        "Ik ben van plan u een last onder dwangsom op te leggen. Zo wil ik voorkomen dat u opnieuw de regel "
        "tegen drugshandel op straat uit " + APV + " overtreedt.",
        "In deze brief leg ik uit waarom. U kunt op mijn plan reageren voordat ik beslis."],
    ("last_onder_dwangsom", OVERTREDER): [
        "Ik leg u een last onder dwangsom op. Zo wil ik voorkomen dat u opnieuw de regel tegen drugshandel op "
        "straat uit " + APV + " overtreedt.",
        "Overtreedt u de last, dan moet u een geldbedrag betalen: de dwangsom."],
    ("invorderingsbeschikking", OVERTREDER): [
        "U heeft de last onder dwangsom die ik u oplegde overtreden. Daardoor moet u een dwangsom betalen.",
        "Met deze invorderingsbeschikking vorder ik dat bedrag bij u in."],
}
OUDER = ("U krijgt {stuk} als {relatie} met gezag over {naam}. {naam} is minderjarig. Daarom stuur ik {stuk} "
         "ook aan u: u vertegenwoordigt {naam}. Het is hetzelfde besluit als {naam} zelf krijgt.")
OUDER_INHOUD = {
    "voornemen_last": "Ik ben van plan {naam} een last onder dwangsom op te leggen, om te voorkomen dat {naam} "
                      "opnieuw de regel tegen drugshandel op straat uit " + APV + " overtreedt.",
    "last_onder_dwangsom": "Ik leg {naam} een last onder dwangsom op, om te voorkomen dat {naam} opnieuw de "
                           "regel tegen drugshandel op straat uit " + APV + " overtreedt.",
    "invorderingsbeschikking": "{naam} heeft de last onder dwangsom overtreden. Met deze invorderingsbeschikking "
                               "vorder ik de verbeurde dwangsom in.",
}
RELATIE = {"ouder": "ouder", "voogd": "voogd"}

# The facts (Awb 5:9): per observation, what the report says.
WAARNEMING = "Op {datum} om {tijd} zag {waarnemer} {wie} op deze plaats: {plaats}. Dat is {soort_plaats}."
WAARNEMER = {"politie": "een agent van de politie", "boa": "een handhaver (boa)"}
SOORT_PLAATS = {"openbare_plaats": "een openbare plaats", "weg": "de openbare weg",
                "voertuig_op_weg": "een voertuig op de openbare weg", "woning": "een woning", "lokaal": "een lokaal",
                "overig": "een andere plaats"}
GEZIEN = "Wat {waarnemer_kort} zag: {beschrijving}"
WAARNEMER_KORT = {"politie": "de agent", "boa": "de handhaver"}
OVERDRACHT = "{waarnemer_kort} zag een overdracht."
CONTACTEN = "{waarnemer_kort} zag {aantal} kort contact."
CONTACTEN_MEER = "{waarnemer_kort} zag {aantal} korte contacten."
MIDDEL = {"lijst_i": "Het ging om harddrugs (lijst I van de Opiumwet){wat}.",
          "lijst_ii": "Het ging om softdrugs (lijst II van de Opiumwet){wat}.",
          "gelijkende_waar": "Het ging om waar die op drugs lijkt{wat}.",
          "unknown": "Welk middel het was, staat niet vast{wat}."}
GEVONDEN = "Bij {wie_obj} vond {waarnemer_kort}: {wat}."
GEVONDEN_WAT = {"gebruikershoeveelheid": "een kleine hoeveelheid voor eigen gebruik",
                "handelsverpakkingen": "verpakkingen die klaar waren voor de verkoop",
                "contant_geld": "contant geld", "meerdere_telefoons": "meer dan één telefoon"}
AMBTSEED = "Dit staat in {bron} met kenmerk {kenmerk}, opgemaakt op ambtseed of ambtsbelofte."
ROL = {"verkoper": "{Wie} trad op als verkoper: {wie_obj} bood drugs aan of leverde ze af.",
       "koper": "{Wie} trad op als koper: {wie_obj} wilde drugs verwerven.",
       "bemiddelaar": "{Wie} bemiddelde bij de handel tussen koper en verkoper.",
       "behulpzaam": "{Wie} hielp bij de handel."}

# The motivation.
GRONDSLAG = [
    "{Artikel} van " + APV + " verbiedt dit gedrag. De tekst van die regel staat bij 'Welke regel geldt?'.",
    "Als burgemeester voer ik die regel uit: hij beschermt de openbare orde. Daarom ben ik bevoegd een last onder "
    "bestuursdwang op te leggen om de regel te handhaven (artikel 125, derde lid, van de Gemeentewet). In plaats "
    "daarvan mag ik een last onder dwangsom opleggen (artikel 5:32, eerste lid, van " + AWB + ").",
]
ROL_MOTIVERING = {
    "koper": "Deze last gaat niet over het kopen of het bezit van drugs zelf. Dat regelt de Opiumwet, en daarover "
             "beslis ik niet. De last gaat over de regel uit de APV: op straat zijn met het kennelijke doel drugs te "
             "verwerven. Kopers houden de handel op straat in stand. Die handel geeft overlast en verstoort de "
             "openbare orde.",
    "verkoper": "Drugshandel op straat geeft overlast en verstoort de openbare orde. Voorbijgangers en omwonenden "
                "voelen zich onveilig, en de handel trekt nieuwe handel aan.",
}
PREVENTIEF = ("Wat er toen gebeurde, is voorbij. De last is er om herhaling te voorkomen. Dat mag volgens artikel 5:2, "
              "eerste lid, onder b, en artikel 5:7 van " + AWB + ", als herhaling klaarblijkelijk dreigt.")
GEEN_BEGUNSTIGING = ("De last vraagt alleen dat {wie} iets niet meer doet. Daarom is er geen termijn om eerst aan "
                     "de last te voldoen (artikel 5:32a, tweede lid, van " + AWB + "). De last geldt dus vanaf "
                     "de eerste dag van de looptijd.")
EVENREDIG = ("Het bedrag en het maximum moeten in redelijke verhouding staan tot het belang dat de regel beschermt en "
             "tot het doel van de dwangsom: voorkomen dat {wie} de regel opnieuw overtreedt (artikel 5:32b, derde "
             "lid, van " + AWB + "). Daarbij let ik ook op {leeftijd_inkomen}.")
LEEFTIJD_INKOMEN = {"u": "uw leeftijd en uw inkomen", "ander": "de leeftijd en het inkomen van {naam}"}
EVENREDIG_MINDERJARIG = ("{Wie} was minderjarig op de dag van de waarneming. Daarom is het bedrag lager dan het "
                         "gewone bedrag uit het beleid.")
AANWIJZINGEN = "Aanwijzingen voor herhaling in het dossier: {aanwijzingen}."
AANWIJZING = {"eerdere_registratie": "eerdere registraties voor drugshandel", "aanwezig_op_hotspot":
              "vaker gezien op een plek waar veel gehandeld wordt", "eerdere_waarschuwing": "eerder gewaarschuwd",
              "hoeveelheid_geld_of_verpakkingen": "veel geld of verpakkingen bij zich"}
VOORLOPIG = "Dit is mijn voorlopige oordeel. Ik neem pas een besluit nadat u heeft kunnen reageren."
STRAFRECHT = ["Deze last staat los van een strafzaak. Het Openbaar Ministerie beslist zelf of er vervolging komt.",
              "Ook als er geen strafzaak komt of {wie} wordt vrijgesproken, blijft deze last gelden."]
STRAFRECHT_KOPER = ["Deze last is geen straf. Hij staat los van een eventuele strafzaak. Over vervolging beslist "
                    "alleen het Openbaar Ministerie.",
                    "Komt er geen strafzaak, dan blijft deze last toch gelden. Hij is gebaseerd op de regel uit de "
                    "APV, niet op de Opiumwet."]
ZIENSWIJZE_VOORNEMEN = "Voordat ik dit besluit nam, kon{den} {wie_mv} reageren op mijn voornemen."
ZIENSWIJZE_INVORDERING = "Voordat ik deze invorderingsbeschikking nam, kon{den} {wie_mv} daarop reageren."
WIE_MV_MINDERJARIG = {"u": "u en uw ouders of voogd met gezag", "ander": "{naam} en de ouders of voogd met gezag"}
ZIENSWIJZE_UITZONDERING = "Ik heb vooraf niet om een zienswijze gevraagd. De reden: {reden}."

# The order itself.
DICTUM_VOORNEMEN = "Ik ben van plan {wie_obj} de volgende last op te leggen:"
DICTUM_BESLUIT = "Ik leg {wie_obj} de volgende last op:"
DICTUM_NORM = "Ik draag {wie_obj} op zich niet {rest}"
DICTUM_NORM_VOORNEMEN = "De last zal luiden: ik draag {wie_obj} op zich niet {rest}"
DICTUM_WAAR = "De last geldt in {gebied}."
DICTUM_DUUR_VOORNEMEN = "De last geldt {looptijd}, vanaf de dag na de bekendmaking van het besluit."
DICTUM_DUUR = "De last geldt van {van} tot en met {tot}."
DICTUM_DWANGSOM = ("Overtreedt {wie} de last, dan verbeurt {wie} een dwangsom van {bedrag} {telwijze}, tot ten "
                   "hoogste {maximum} in totaal.")
TELWIJZE = {"per_dag": "per dag waarop een overtreding wordt vastgesteld",
            "per_constatering": "per vastgestelde overtreding"}
NORM = "{Artikel} van " + APV + " luidt:"
LAST = ["Bedrag: {bedrag} {telwijze}", "Maximum: {maximum} in totaal", "Looptijd: {looptijd}", "Gebied: {gebied}"]
VERBEURTE = [
    "Overtreedt {wie} de last, dan is de dwangsom meteen verschuldigd. Dat heet verbeuren van rechtswege: daar is "
    "geen nieuw besluit voor nodig.",
    "Een verbeurde dwangsom moet binnen zes weken na de overtreding betaald zijn (artikel 5:33 van " + AWB + ").",
    "Ik vorder het bedrag in met een invorderingsbeschikking (artikel 5:37 van " + AWB + "). Daarin staat om welke "
    "overtreding het gaat en hoeveel er betaald moet worden. Tegen die invorderingsbeschikking kan apart bezwaar "
    "worden gemaakt.",
    "Na een jaar zonder verbeurde dwangsom {kan} {wie} mij vragen de last op te heffen (artikel 5:34, tweede lid, "
    "van " + AWB + ").",
]
VASTSTELLING = ["Een agent van de politie of een handhaver (boa) die ziet dat de last wordt overtreden, legt dat "
                "vast in een proces-verbaal of rapport op ambtseed of ambtsbelofte.",
                "Dat verslag is het bewijs van de overtreding. Er volgt dan een invorderingsbeschikking."]
VRAGEN = ["Klopt wat ik hierboven schrijf over wat er is gebeurd?",
          "Zijn er persoonlijke omstandigheden die ik moet weten, bijvoorbeeld over inkomen, school of werk?",
          "Vindt u het bedrag of de looptijd te hoog of te lang? Laat mij weten waarom."]

# The invorderingsbeschikking.
LAST_GEGEVENS = ["Op {datum} heb ik {wie_obj} een last onder dwangsom opgelegd, met kenmerk {kenmerk}.",
                 "De last geldt van {van} tot en met {tot}. Het bedrag is {bedrag} {telwijze}, met een maximum van "
                 "{maximum} in totaal."]
OVERTREDING = "{datum}: {beschrijving}"
REST_VERBEURD = " Dat is wat nog restte tot het maximum."
NIET_VERBEURD = ("{datum}: ook deze overtreding staat in het verslag. Daarvoor is geen dwangsom meer verbeurd, "
                 "omdat het maximum al bereikt was.")
BEDRAGEN = ["Door deze overtreding{en} is van rechtswege {bedrag} verbeurd.",
            "Eerder verbeurd op deze last: {eerder}. In totaal nu: {totaal} van het maximum van {maximum}.",
            "Tot het maximum kan nog {resterend} worden verbeurd."]
MAXIMUM_BEREIKT = ("Het maximum van de last is nu bereikt. Verdere overtredingen leiden niet meer tot een "
                   "dwangsom onder deze last. Ik kan dan een nieuwe last of een andere maatregel overwegen.")
BETALEN = ["Betaal {bedrag} uiterlijk {uiterlijk} aan de gemeente Maastricht. Dat is zes weken na de overtreding "
           "(artikel 5:33 van " + AWB + "). Vermeld bij de betaling ons kenmerk {kenmerk}.",
           "Wilt u weten hoe u betaalt, of kunt u niet in één keer betalen? Neem dan contact met ons op. De "
           "gegevens staan onder 'Heeft u vragen?'.",
           "Wordt niet op tijd betaald, dan kan de gemeente het bedrag laten innen. De kosten daarvan komen dan "
           "ook voor {wie_rekening}."]
BETALEN_TOTAAL = ("Betaal in totaal {bedrag} aan de gemeente Maastricht. Elke dwangsom moet betaald zijn binnen zes "
                  "weken na de overtreding (artikel 5:33 van " + AWB + "). Vermeld bij de betaling ons kenmerk "
                  "{kenmerk}.")
BETALEN_VERSTREKEN = ("Die termijn van zes weken is al voorbij op de datum van deze brief. Betaal het bedrag daarom "
                      "meteen.")
BETALEN_PER = "De dwangsom van {bedrag} voor de overtreding van {datum} moet uiterlijk {uiterlijk} betaald zijn."
VERJARING = ["Een verbeurde dwangsom verjaart een jaar na de dag van de overtreding (artikel 5:35 van " + AWB + ").",
             "Voor de overtreding van {datum} loopt die termijn tot en met {verjaart_op}.",
             "Deze invorderingsbeschikking stuit de verjaring (artikel 5:37a, eerste lid, van " + AWB + "). Daarna "
             "begint een nieuwe verjaringstermijn."]
INVORDERING_GRONDSLAG = ("Ik vorder de verbeurde dwangsom in op grond van artikel 5:37, eerste lid, van " + AWB
                         + ".")
GEHOORD = "Voordat ik deze beschikking nam, heb ik gevraagd om te reageren. {reden}"
OOK_AAN = "Ik stuur {stuk} ook aan: {namen}."

CLAUSE = {"last_onder_dwangsom": "bezwaar_en_voorlopige_voorziening",
          "invorderingsbeschikking": "bezwaar_invordering"}

# The question each recorded judgement answers in a letter, per outcome (rules/straathandel/index.yaml).
OORDELEN_LAST = {
    "herhalingsgevaar": "Waarom vrees ik herhaling?",
    "bedrag_redelijk": "Waarom zijn het bedrag en het maximum redelijk?",
    "minderjarige_aanpak": "Waarom past een last, ook al {is} {wie} minderjarig?",
    "rol_koper_verkoper": "Waarom is het bedrag voor een koper evenredig?",
    "scope_en_looptijd": "Waarom dit gebied en deze looptijd?",
    "dwangsom_passend": "Waarom past een dwangsom?",
    "geschiktheid": "Is de last geschikt om herhaling te voorkomen?",
    "noodzakelijkheid": "Is er een lichter middel?",
    "evenwichtigheid": "Zijn de gevolgen niet te zwaar?",
    "bijzondere_omstandigheden": "Zijn er bijzondere omstandigheden om van het beleid af te wijken?",
    "nieuwe_last_na_maximum": "Waarom opnieuw een last?",
    "aard_middel": "Waarom ging het om drugs of op drugs gelijkende waar?",
}
OORDELEN_INVORDERING = {"overtreding_vastgesteld": "Waarom is de last overtreden?",
                        "horen_invordering": "Heb ik vooraf om een reactie gevraagd?",
                        "aard_middel": "Waarom ging het om drugs of op drugs gelijkende waar?"}
