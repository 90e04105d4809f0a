"""Dutch words of the Damocles letters (B1, first person), used by the letter kit (letters.py).

Data only. Placeholders are filled with str.format, which parses only these fixed strings, never the
values put into them. Names used: {pand} (omschrijving plus address, first mention), {object} (the
omschrijving alone, e.g. "de woning"), {periode}, {van}, {tot}, {termijn}, {vondst}, {eigenaar}, {datum},
{stuk} (what the letter is: "dit besluit"). Sentences stay under 20 words (letters.md §9).
"""

from __future__ import annotations

RECHTHEBBENDE = "rechthebbende"
# A betrokkene's role as a letter names it in "Ik stuur dit besluit ook aan: ...".
ROL_WOORD = {"bewoner": "bewoner", "overtreder": "overtreder", RECHTHEBBENDE: "eigenaar of verhuurder"}
ROL_WOORD_BEDRIJF = {"bewoner": "gebruiker", "overtreder": "exploitant", RECHTHEBBENDE: "eigenaar of verhuurder"}
# Which template a recipient role reads: the overtreder and other residents get the resident's letter.
ADDRESSEE = {"bewoner": "bewoner", "overtreder": "bewoner", "rechthebbende": RECHTHEBBENDE}
OUTCOMES = ("waarschuwing", "voornemen_sluiting", "sluiting")
# The clause code per outcome; must match the manifest's `clause` (tests/letters/test_letters_clauses.py).
CLAUSE = {"sluiting": "bezwaar_en_voorlopige_voorziening"}

ONDERWERP = {
    "waarschuwing": "Waarschuwing na drugsvondst, {straat}",
    "voornemen_sluiting": "Voornemen tot sluiting, {straat}",
    "sluiting": "Besluit tot sluiting, {straat}",
}
STUK = {"waarschuwing": "deze waarschuwing", "voornemen_sluiting": "mijn plan", "sluiting": "dit besluit"}
# Where the drugs were found (the report) ...
PREMISES_WOORDEN = {"woning": "de woning", "woonwagen": "de woonwagen", "woonboot": "de woonboot",
                    "lokaal": "het lokaal", "erf_bij_woning": "het erf bij de woning",
                    "erf_bij_lokaal": "het erf bij het lokaal"}
# ... and what the jurist closes (case-file `sluitobject`), which may be more than the place of the find.
SLUITOBJECT_WOORDEN = {"woning": "de woning", "woning_en_erf": "de woning met het erf erbij",
                       "woonwagen": "de woonwagen", "woonboot": "de woonboot",
                       "erf_bij_woning": "het erf bij de woning", "lokaal": "het lokaal",
                       "lokaal_en_erf": "het lokaal met het erf erbij", "erf_bij_lokaal": "het erf bij het lokaal"}
BEDRIJF = ("lokaal", "lokaal_en_erf", "erf_bij_lokaal")
VOORZETSEL = {"erf_bij_woning": "op", "erf_bij_lokaal": "op"}  # "op het erf", otherwise "in"
# Who lives in or uses the object: a business has no "bewoners".
GEBRUIKERS = {"woning": "de bewoners", "bedrijf": "de exploitant en de gebruikers"}
BAG = " (BAG-identificatie {bag})"
# Rule kinds whose explanation and legal basis the letter prints: the competence is stated by BEVOEGD instead.
GECITEERD = ("uitzondering", "beleid")
VONDST_DRUGS = "drugs"
VONDST_VOORWERPEN = "spullen voor drugscriminaliteit"

INLEIDING = {
    ("waarschuwing", "bewoner"): [
        "Ik geef u een waarschuwing. Op {datum} zijn {in_pand} {vondst} gevonden. Dat mag niet.",
    ],
    ("waarschuwing", RECHTHEBBENDE): [
        "U bent eigenaar of verhuurder van {pand}. Op {datum} zijn daar {vondst} gevonden.",
        "Ik heb {aan} daarom een waarschuwing gegeven. Met deze brief laat ik u dat weten.",
    ],
    ("voornemen_sluiting", "bewoner"): [
        "Ik ben van plan {sluitpand} te sluiten voor {periode}. Op {datum} zijn {in_object} {vondst} gevonden.",
        "Voordat ik beslis, mag u mij vertellen wat u van dit plan vindt.",
    ],
    ("voornemen_sluiting", RECHTHEBBENDE): [
        "Ik ben van plan {sluitpand} te sluiten voor {periode}. U bent eigenaar of verhuurder van {gesloten}.",
        "De reden is dat er op {datum} {vondst} zijn gevonden.",
        "Voordat ik beslis, mag u mij vertellen wat u van dit plan vindt.",
    ],
    ("sluiting", "bewoner"): [
        "Ik sluit {sluitpand} voor {periode}, vanaf {van}. Dat doe ik omdat er op {datum} {vondst} zijn "
        "gevonden.",
    ],
    ("sluiting", RECHTHEBBENDE): [
        "Ik sluit {sluitpand} voor {periode}, vanaf {van}. U bent eigenaar of verhuurder van {gesloten}.",
        "De reden is dat er op {datum} {vondst} zijn gevonden.",
    ],
}

DICTUM_VOORNEMEN = [
    "Ik ben van plan {aan} een last onder bestuursdwang op te leggen. Ik wil {sluitobject} dan sluiten voor "
    "{periode}.",
    "Tijdens de sluiting mag niemand {gesloten} in. Ik verzegel dan de deuren en toegangen.",
    "Voordat de sluiting begint, krijgen {gebruikers} tijd om zelf te vertrekken en alles af te sluiten.",
]
DICTUM_SLUITING = [
    "Ik leg {aan} een last onder bestuursdwang op. {Sluitobject} moet gesloten zijn van {van} tot {tot}.",
    "{Onderwerp} zorgt dat iedereen {gesloten} uiterlijk {termijn} heeft verlaten. {Onderwerp} sluit "
    "{gesloten} dan af. Dat heet de begunstigingstermijn.",
]
# B1: what a last onder bestuursdwang is, once, in the order itself.
LAST_UITLEG = ("Een last onder bestuursdwang betekent: {wie} moet zelf iets doen om de overtreding te "
               "beëindigen en herhaling te voorkomen. Hier is dat: {gesloten} verlaten en afsluiten. Gebeurt dat "
               "niet op tijd, dan doe ik het zelf.")
DICTUM_UITVOERING = [
    "Is {gesloten} op {van} niet verlaten en afgesloten? Dan sluit ik {gesloten} zelf.",
    "Ik verzegel de deuren en toegangen en hang een bericht op bij de ingang. Niemand mag dan nog naar binnen.",
    "Het verbreken van het zegel is strafbaar.",
    "Vanaf {tot} mag {gesloten} weer open.",
    # Awb 8:81: the order is not carried out while the interim-relief judge has not decided.
    "Wordt de voorzieningenrechter binnen de begunstigingstermijn om een voorlopige voorziening gevraagd? "
    "Dan sluit ik {gesloten} niet voordat de voorzieningenrechter heeft beslist.",
]
BINDT = {
    "bewoner": "De sluiting geldt ook voor {eigenaar}. Ook die mag {gesloten} niet gebruiken of laten gebruiken.",
    RECHTHEBBENDE: "De sluiting geldt ook voor u. "
                   "U mag {gesloten} tijdens de sluiting niet gebruiken of laten gebruiken.",
}
BINDT_VOORNEMEN = {
    "bewoner": "De sluiting geldt dan ook voor {eigenaar}.",
    RECHTHEBBENDE: "De sluiting geldt dan ook voor u als eigenaar of verhuurder.",
}
EIGENAAR_ONBEKEND = "de eigenaar of verhuurder van {object}"
EIGENAAR_BEKEND = "de eigenaar of verhuurder van {object}, {naam}"

AWB_5_25 = "artikel 5:25 van de Algemene wet bestuursrecht"
# Awb 5:25: the overtreder pays, including preparation after the begunstigingstermijn (lid 3 and 4).
KOSTEN_LIJST = ("Het gaat om deze kosten: het sluiten en verzegelen, de slotenmaker en het ophangen van de "
                "mededeling. Ook het voorbereiden van de sluiting na de begunstigingstermijn hoort erbij.")
KOSTEN = {
    "overtreder": [
        "Moet ik {gesloten} zelf sluiten? Dan betaalt u als overtreder de kosten daarvan. Dat staat in "
        f"{AWB_5_25}.",
        KOSTEN_LIJST,
        "Vertrekt u pas na {termijn}? Dan betaalt u de kosten die ik na die datum heb gemaakt.",
        "De kosten stel ik later vast in een apart besluit.",
    ],
    "bewoner": [
        "Moet ik {gesloten} zelf sluiten? Dan betaalt {de_overtreder} de kosten daarvan. Dat staat in "
        f"{AWB_5_25}.",
        KOSTEN_LIJST,
    ],
    RECHTHEBBENDE: [
        "Moet ik {gesloten} zelf sluiten? Dan betaalt {de_overtreder} de kosten daarvan. Dat staat in "
        f"{AWB_5_25}.",
        KOSTEN_LIJST,
    ],
}

VERVOLG = {
    "bewoner": [
        "Vindt de politie binnen {jaren} na {datum} opnieuw drugs om te verkopen in {object}? Of spullen om "
        "drugs te maken? Dan kan ik {object} sluiten.",
        "Deze waarschuwing telt dan mee als eerdere overtreding.",
    ],
    RECHTHEBBENDE: [
        "Vindt de politie binnen {jaren} na {datum} opnieuw drugs om te verkopen in {object}? Of spullen om "
        "drugs te maken? Dan kan ik {object} sluiten.",
        "Die sluiting geldt dan ook voor u. Wilt u deze waarschuwing met uw huurder bespreken?",
    ],
}

# Without a confirmed repeat window the warning names no period (a default is not the municipality's policy).
VERVOLG_ZONDER_TERMIJN = {
    "bewoner": ["Vindt de politie opnieuw drugs om te verkopen in {object}? Of spullen om drugs te maken? Dan kan "
                "ik {object} sluiten.", "Deze waarschuwing telt dan mee als eerdere overtreding."],
    RECHTHEBBENDE: ["Vindt de politie opnieuw drugs om te verkopen in {object}? Of spullen om drugs te maken? Dan "
                    "kan ik {object} sluiten.", "Die sluiting geldt dan ook voor u."],
}

# Copies: the other addressees get their own letter with the same decision; a copy recipient is named as
# recorded in the case file, with what it receives (a police copy without personal data).
OOK_AAN = "Ik stuur {stuk} ook aan: {namen}."
AFSCHRIFT = {"mededeling": "Ik laat {naam} weten dat ik {mededeling}, zonder de inhoud ervan.",
             "volledig": "{naam} krijgt een kopie van {stuk}."}
MEDEDELING = {"waarschuwing": "een waarschuwing heb gegeven",
              "voornemen_sluiting": "van plan ben {gesloten} te sluiten", "sluiting": "dit besluit heb genomen"}

# The voornemen: a provisional view, questions the hearing must answer (Awb 3:2, 4:8; Harderwijk), and the
# documents it rests on.
VOORLOPIG = ("Dit is mijn voorlopige oordeel. Ik beslis pas nadat ik de zienswijzen heb gelezen of gehoord, of "
             "nadat de termijn daarvoor voorbij is.")
VRAAG_EIGEN_GEBRUIK = ("Waren de drugs voor eigen gebruik? Maak dat dan aannemelijk. Vertel hoeveel u gebruikt en "
                       "sinds wanneer. Stuur bewijs mee als u dat heeft.")
VRAAG_LACHGAS = ("Was het lachgas voor slagroom of voor technisch gebruik? Stuur dan bonnen of facturen mee. Dan "
                 "valt het niet onder het verbod.")
VRAGEN = {
    "woning": [
        "Wonen er kinderen? Hoe oud zijn zij, en wat betekent een sluiting voor hen?",
        "Is iemand in het huishouden ziek, of afhankelijk van zorg of van een aangepaste woning?",
        "Kunt u tijdens de sluiting ergens anders wonen?",
        "Wat betekent een sluiting voor uw huurcontract? Heeft de verhuurder u al iets laten weten?",
        "Heeft een sluiting grote financiële gevolgen voor u?",
    ],
    "bedrijf": [
        "Wat betekent een sluiting voor uw bedrijf en voor de mensen die er werken?",
        "Wist u dat er drugs {in_object} waren? Wat heeft u gedaan om dat te voorkomen?",
    ],
    RECHTHEBBENDE: [
        "Wist u van de drugs? Wat heeft u gedaan om dit te voorkomen?",
        "Welke gevolgen heeft een sluiting voor u als eigenaar of verhuurder?",
        "Wat doet u met het huurcontract of de gebruiksovereenkomst?",
    ],
}
INZAGE = [
    "U mag de stukken inzien waarop mijn plan rust. Het gaat om {bron}.",
    "Maak daarvoor een afspraak met {behandeld_door}. U kunt ook om een kopie vragen.",
]
INZAGE_AFGESCHERMD = "Persoonlijke gegevens van {gebruikers} maak ik daarin onleesbaar."

# The legal basis, stated positively (Awb 5:21, 5:24), and the norm that was violated (Awb 5:9 onder a).
BEVOEGD = ("Ik ben bevoegd om {sluitobject} te sluiten. Dat staat in artikel 13b, eerste lid{onder}, van de "
           "Opiumwet. Hoe ik een last opleg, staat in de artikelen 5:21 en 5:24 van de Algemene wet bestuursrecht.")
ONDER = {"a": ", aanhef en onder a", "b": ", aanhef en onder b", "": ""}
NORM_DRUGS = ("Het is verboden drugs te verkopen, af te leveren, te verstrekken of aanwezig te hebben. Dat staat "
              "in {norm}.")
NORM_VOORWERPEN = ("Het is strafbaar om bepaalde spullen of stoffen te hebben. Het gaat om spullen die bedoeld zijn om "
                   "drugs te maken of hennep te telen. De bezitter weet dat, of moet dat ernstig vermoeden. Dat staat "
                   "in {norm}.")
WAARSCHUWING_KEUZE = "Ik kies nu voor een waarschuwing en sluit {object} niet."

FEITEN_MET_VONDST = "Op {datum} is {in_pand} het volgende gevonden:"
FEITEN_ZONDER_VONDST = "Op {datum} is {in_pand} gecontroleerd. Hieronder leest u waarom ik deze brief stuur."
HANDEL = "Er zijn ook aanwijzingen dat er vanuit {object} drugs werden verkocht: {bewijs}."
# An established sale is stated as the report records it (the jurist's `bevindingen_handel`), not as a template.
VERKOOP_VASTGESTELD = "Uit {bron} blijkt dat er vanuit {object} drugs zijn verkocht. {bevindingen}"
# Who could respond: the resident's letter says "u"; the owner's letter must not suggest that the owner
# sent the zienswijze, which usually comes from the residents.
ZIENSWIJZE_GELEGENHEID = "Voordat ik dit besluit nam, konden de belanghebbenden een zienswijze geven."
ZIENSWIJZE_VOORNEMEN = ("Op {voornemen_datum} schreef ik dat ik van plan was {gesloten} te sluiten. Daarna konden de "
                        "belanghebbenden een zienswijze geven.")
ZIENSWIJZE_UITZONDERING = "Ik heb de belanghebbenden niet eerst om een zienswijze gevraagd. {reden}"
# The owner's letter does not repeat what residents wrote about themselves (AVG art. 5 lid 1 onder c).
VERBORGEN_VOOR_RECHTHEBBENDE = frozenset({"bewoner", "overtreder"})

# The question each recorded judgement answers, in the order of the letter (damocles-13b.md §7). The keys
# are exactly the judgement codes of rules/damocles/index.yaml (a test checks); other codes are skipped.
OORDELEN = {
    "eigen_gebruik_aannemelijk": "Waren de drugs voor eigen gebruik?",
    "ernstig_geval_eerste_overtreding": "Is dit een ernstig geval?",
    "geschiktheid": "Helpt een sluiting?",
    "noodzakelijkheid": "Is een lichtere maatregel genoeg?",
    "evenwichtigheid": "Zijn de gevolgen van een sluiting te zwaar?",
    "duur": "Waarom deze duur?",
    "tijdsverloop": "Maakt de tijd sinds de vondst verschil?",
    "bijzondere_omstandigheden": "Zijn er bijzondere omstandigheden?",
    "begunstigingstermijn": "Waarom deze termijn om zelf te vertrekken?",
    "spoed": "Was er spoed?",
    "dwangsom_in_plaats_van_sluiting": "Is een dwangsom een betere maatregel?",
    "objects_qualify": "Zijn de gevonden spullen bedoeld om drugs te maken of hennep te kweken?",
    "verkoop_aannemelijk": "Waren de drugs er om te verkopen?",
    "onderzoek_omstandigheden": "Wat is onderzocht over het huishouden?",
    "belangen_rechthebbende": "Wat betekent een sluiting voor de eigenaar of verhuurder?",
    "lachgas_vrijstelling": "Was het lachgas voor technisch gebruik of als voedingsmiddel?",
}
# Judgements about the residents' household (health, minors) and circumstances: the owner's letter gets
# one neutral sentence instead of the reasoning (letters.md §5 "Minimisation").
OORDELEN_PRIVE = ("eigen_gebruik_aannemelijk", "evenwichtigheid", "bijzondere_omstandigheden",
                  "onderzoek_omstandigheden")
# What the owner reads instead of the reasoning about the household: the conclusion, and why the reasons are left out.
PRIVE_CONCLUSIE = {
    ("eigen_gebruik_aannemelijk", "niet_aannemelijk"): "Eigen gebruik is niet aannemelijk gemaakt.",
    ("eigen_gebruik_aannemelijk", "aannemelijk"): "Eigen gebruik is aannemelijk gemaakt.",
    ("evenwichtigheid", "voldaan"): "Ik vind de gevolgen van de sluiting voor {gebruikers} niet onevenredig.",
    ("bijzondere_omstandigheden", "nee"): "Er zijn geen bijzondere omstandigheden om van mijn beleid af te wijken.",
    ("bijzondere_omstandigheden", "ja"): "Er zijn bijzondere omstandigheden om van mijn beleid af te wijken.",
    ("onderzoek_omstandigheden", "niet_vast_te_stellen"): "Ik heb onderzocht wat een sluiting voor {gebruikers} "
                                                          "betekent.",
}
VOORLOPIG_PRIVE = "Mijn voorlopige oordeel: {conclusies} {gebruikers_hoofd} kunnen daarop nog reageren."
OMSTANDIGHEDEN_GEWOGEN = (
    "Ik heb ook de persoonlijke omstandigheden van {gebruikers} gewogen. De redenen staan niet in deze brief. Zo "
    "bescherm ik hun privacy (artikel 5, eerste lid, onder c, van de Algemene verordening gegevensbescherming).")
# Vocabulary of the Damocles case file (docs/contracts.md) in letter words.
LIJST = {
    "lachgas": "lachgas, lijst II van de Opiumwet",
    "lijst_i": "harddrugs, lijst I van de Opiumwet",
    "lijst_ii": "softdrugs, lijst II van de Opiumwet",
    "lijst_ia": "lijst IA van de Opiumwet",
    "art_3a_lid_5": "aangewezen stof, artikel 3a, vijfde lid, van de Opiumwet",
}
EENHEID = {"g": ("gram", "gram"), "units": ("stuk", "stuks"), "plants": ("plant", "planten"),
           "ml": ("milliliter", "milliliter"), "cartridges": ("patroon", "patronen"), "cuttings": ("stek", "stekken")}
VOORWERP_GRONDSLAG = {
    "art_10a_lid1_sub3": "artikel 10a, eerste lid, onder 3°, van de Opiumwet",
    "art_10c_lid1_sub3": "artikel 10c, eerste lid, onder 3°, van de Opiumwet",
    "art_11a": "artikel 11a van de Opiumwet",
}
ATTRIBUUT = {
    "weegschaal": "een weegschaal", "verpakkingsmateriaal": "verpakkingsmateriaal",
    "contant_geld": "contant geld",
    "meerdere_telefoons": "meerdere telefoons", "versnijdingsmiddel": "versnijdingsmiddel",
    "kweekbenodigdheden": "spullen om hennep te kweken", "geldtelmachine": "een geldtelmachine",
}
HANDELSBEWIJS = {
    "politie_observatie": "waarnemingen van de politie",
    "loop": "veel bezoekers die kort bleven",
    "mma_melding_bevestigd": "een bevestigde melding bij Meld Misdaad Anoniem",
    "verklaring_betrokkene": "een verklaring van een betrokkene",
    "verklaring_derden": "verklaringen van anderen",
}
