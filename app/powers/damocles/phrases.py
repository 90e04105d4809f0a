"""Dutch words of the Damocles letters (B1, first person), used by the letter kit (letters.py).

Data only. Placeholders are filled with str.format, which parses only these fixed strings, never the
values put into them. Names used: {pand} (omschrijving plus address, first mention), {object} (the
omschrijving alone, e.g. "de woning"), {periode}, {van}, {tot}, {termijn}, {vondst}, {eigenaar}, {datum},
{stuk} (what the letter is: "dit besluit"). Sentences stay under 20 words (letters.md §9).
"""

from __future__ import annotations

RECHTHEBBENDE = "rechthebbende"
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
PREMISES_WOORDEN = {"woning": "de woning", "lokaal": "het lokaal", "erf_bij_woning": "het erf bij de woning",
                    "erf_bij_lokaal": "het erf bij het lokaal"}
VONDST_DRUGS = "drugs"
VONDST_VOORWERPEN = "spullen voor drugscriminaliteit"

INLEIDING = {
    ("waarschuwing", "bewoner"): [
        "Ik geef u een waarschuwing. Op {datum} zijn in {pand} {vondst} gevonden. Dat mag niet.",
    ],
    ("waarschuwing", RECHTHEBBENDE): [
        "U bent eigenaar of verhuurder van {pand}. Op {datum} zijn daar {vondst} gevonden.",
        "Ik heb de bewoners daarom een waarschuwing gegeven. Met deze brief laat ik u dat weten.",
    ],
    ("voornemen_sluiting", "bewoner"): [
        "Ik ben van plan {pand} te sluiten voor {periode}. Op {datum} zijn daar {vondst} gevonden.",
        "Voordat ik beslis, mag u mij vertellen wat u van dit plan vindt.",
    ],
    ("voornemen_sluiting", RECHTHEBBENDE): [
        "Ik ben van plan {pand} te sluiten voor {periode}. U bent eigenaar of verhuurder van {object}.",
        "De reden is dat er op {datum} {vondst} zijn gevonden.",
        "Voordat ik beslis, mag u mij vertellen wat u van dit plan vindt.",
    ],
    ("sluiting", "bewoner"): [
        "Ik sluit {pand} voor {periode}, vanaf {van}. Dat doe ik omdat er op {datum} {vondst} zijn gevonden.",
    ],
    ("sluiting", RECHTHEBBENDE): [
        "Ik sluit {pand} voor {periode}, vanaf {van}. U bent eigenaar of verhuurder van {object}.",
        "De reden is dat er op {datum} {vondst} zijn gevonden.",
    ],
}

DICTUM_VOORNEMEN = [
    "Ik wil {pand} sluiten voor {periode}. Dat doe ik met een last onder bestuursdwang.",
    "Tijdens de sluiting mag niemand {object} in. Ik verzegel dan de deuren.",
    "Voordat de sluiting begint, krijgen de bewoners tijd om zelf te vertrekken en alles af te sluiten.",
]
DICTUM_SLUITING = {
    "bewoner": [
        "Ik leg een last onder bestuursdwang op voor {pand}. "
        "{Object} moet gesloten zijn van {van} tot {tot}.",
        "U moet {object} uiterlijk {termijn} zelf verlaten en afsluiten. Dat heet de begunstigingstermijn.",
    ],
    RECHTHEBBENDE: [
        "Ik leg een last onder bestuursdwang op voor {pand}. "
        "{Object} moet gesloten zijn van {van} tot {tot}.",
        "De bewoners moeten {object} uiterlijk {termijn} zelf verlaten en afsluiten. "
        "Dat heet de begunstigingstermijn.",
    ],
}
DICTUM_UITVOERING = [
    "Is {object} op {van} niet verlaten en afgesloten? Dan sluit ik {object} zelf.",
    "Ik verzegel de deuren en hang een bericht op bij de ingang. Niemand mag dan nog naar binnen.",
    "Het verbreken van het zegel is strafbaar.",
    "Vanaf {tot} mag {object} weer open.",
]
BINDT = {
    "bewoner": "Dit geldt ook voor {eigenaar}. Ook die mag {object} niet gebruiken of laten gebruiken.",
    RECHTHEBBENDE: "Dit geldt ook voor u. "
                   "U mag {object} tijdens de sluiting niet gebruiken of laten gebruiken.",
}
BINDT_VOORNEMEN = {
    "bewoner": "De sluiting geldt dan ook voor {eigenaar}.",
    RECHTHEBBENDE: "De sluiting geldt dan ook voor u als eigenaar of verhuurder.",
}
EIGENAAR_ONBEKEND = "de eigenaar of verhuurder van {object}"
EIGENAAR_BEKEND = "de eigenaar of verhuurder van {object}, {naam}"

AWB_5_25 = "artikel 5:25 van de Algemene wet bestuursrecht"
KOSTEN = {
    "overtreder": [
        "Verlaat u {object} niet op tijd? Dan sluit ik {object} zelf. De kosten daarvan betaalt u.",
        f"Dat staat in {AWB_5_25}. Het gaat bijvoorbeeld om een slotenmaker.",
        "Ook kosten die ik na de begunstigingstermijn maak om de sluiting voor te bereiden, betaalt u.",
    ],
    "bewoner": [
        "Verlaat u {object} niet op tijd? Dan sluit ik {object} zelf.",
        f"De kosten daarvan zijn voor de overtreder. Dat staat in {AWB_5_25}.",
    ],
    RECHTHEBBENDE: [
        "Zijn de bewoners niet op tijd vertrokken? Dan sluit ik {object} zelf.",
        f"De kosten daarvan zijn voor de overtreder. Dat staat in {AWB_5_25}.",
    ],
}

VERVOLG = {
    "bewoner": [
        "Worden er opnieuw {vondst} gevonden in {object}? Dan kan ik {object} sluiten.",
        "Dat staat in mijn beleid voor drugspanden. Deze waarschuwing telt dan mee.",
    ],
    RECHTHEBBENDE: [
        "Worden er opnieuw {vondst} gevonden in {object}? Dan kan ik {object} sluiten.",
        "Die sluiting geldt dan ook voor u. Wilt u deze waarschuwing met uw huurder bespreken?",
    ],
}

AFSCHRIFT_BEWONERS = "de bewoners van {pand}"
AFSCHRIFT_POLITIE = "de politie Limburg, basisteam Maastricht"

FEITEN_MET_VONDST = "Op {datum} is in {pand} het volgende gevonden:"
FEITEN_ZONDER_VONDST = "Op {datum} is in {pand} gecontroleerd. Hieronder leest u waarom ik deze brief stuur."
HANDEL = "Er zijn ook aanwijzingen dat er vanuit {object} drugs werden verkocht: {bewijs}."
# Who could respond: the resident's letter says "u"; the owner's letter must not suggest that the owner
# sent the zienswijze, which usually comes from the residents.
ZIENSWIJZE_GELEGENHEID = {
    "bewoner": "Voordat ik dit besluit nam, kon u uw zienswijze geven.",
    RECHTHEBBENDE: "Voordat ik dit besluit nam, konden de bewoners en u een zienswijze geven.",
}
ZIENSWIJZE_ONTVANGEN = {
    "bewoner": ["Ik heb een zienswijze ontvangen. Samengevat staat daarin: {samenvatting}",
                "Mijn reactie daarop: {reactie}"],
    RECHTHEBBENDE: ["Ik heb een zienswijze ontvangen van een belanghebbende. "
                    "Samengevat staat daarin: {samenvatting}",
                    "Mijn reactie daarop: {reactie}"],
}
ZIENSWIJZE_UITZONDERING = {
    "bewoner": "Ik heb niet eerst gevraagd wat u van mijn plan vindt. {reden}",
    RECHTHEBBENDE: "Ik heb de bewoners en u niet eerst om een zienswijze gevraagd. {reden}",
}

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
}
# Judgements about the residents' household (health, minors) and circumstances: the owner's letter gets
# one neutral sentence instead of the reasoning (letters.md §5 "Minimisation").
OORDELEN_PRIVE = ("evenwichtigheid", "bijzondere_omstandigheden")
OMSTANDIGHEDEN_GEWOGEN = "Ik heb ook de persoonlijke omstandigheden van de bewoners meegewogen."
# Vocabulary of the Damocles case file (docs/contracts.md) in letter words.
LIJST = {
    "lijst_i": "harddrugs, lijst I van de Opiumwet",
    "lijst_ii": "softdrugs, lijst II van de Opiumwet",
    "lijst_ia": "lijst IA van de Opiumwet",
    "art_3a_lid_5": "aangewezen stof, artikel 3a, vijfde lid, van de Opiumwet",
}
EENHEID = {"g": ("gram", "gram"), "units": ("stuk", "stuks"), "plants": ("plant", "planten"),
           "ml": ("milliliter", "milliliter")}
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
