"""Dutch words of the huisverbod letters (B1, first person: the burgemeester, also when a hulpofficier van
justitie decides in mandate). Placeholders: {naam} (the barred person), {woning} (the dwelling's address),
{gebied}, {van}, {tot}, {periode}, {bereikbaar_tot}, {datum}. Sentences stay under 20 words.

Statute references are to the Wet tijdelijk huisverbod (Wth); its text is paraphrased in plain language.
"""

from __future__ import annotations

UITHUISGEPLAATSTE, ACHTERBLIJVER, VEILIG_THUIS = "uithuisgeplaatste", "achterblijver", "veilig_thuis"
ADDRESSEE = {UITHUISGEPLAATSTE: UITHUISGEPLAATSTE, ACHTERBLIJVER: ACHTERBLIJVER, VEILIG_THUIS: VEILIG_THUIS}
WET = "de Wet tijdelijk huisverbod"
CLAUSE = "rechtstreeks_beroep_huisverbod"
GEBIED_STANDAARD = "de woning, de tuin en de toegang tot de woning"

ONDERWERP = {
    "huisverbod": "Tijdelijk huisverbod, {straat}",
    "verlenging_huisverbod": "Verlenging van het huisverbod, {straat}",
    "intrekking_huisverbod": "Intrekking van het huisverbod, {straat}",
}
STUK = {"huisverbod": "dit besluit", "verlenging_huisverbod": "dit besluit", "intrekking_huisverbod": "dit besluit"}

INLEIDING = {
    ("huisverbod", UITHUISGEPLAATSTE): [
        "Ik leg u een huisverbod op voor de woning aan {woning}.",
        "U mag {periode} niet in of bij de woning komen. Dat geldt van {van} tot {tot}.",
    ],
    ("huisverbod", ACHTERBLIJVER): [
        "Ik heb {naam} een huisverbod opgelegd voor de woning aan {woning}.",
        "Met deze brief laat ik u weten wat dat betekent. Dat staat in artikel 2, achtste lid, van " + WET + ".",
    ],
    ("huisverbod", VEILIG_THUIS): [
        "Ik heb een tijdelijk huisverbod opgelegd. Hieronder staat wat het inhoudt.",
        "Dat bericht ik u volgens artikel 2, achtste lid, van " + WET + ".",
    ],
    ("verlenging_huisverbod", UITHUISGEPLAATSTE): [
        "Ik verleng het huisverbod voor de woning aan {woning}. Het loopt nu tot {tot}.",
    ],
    ("verlenging_huisverbod", ACHTERBLIJVER): [
        "Ik heb het huisverbod van {naam} verlengd tot {tot}.",
        "Met deze brief laat ik u weten wat dat betekent.",
    ],
    ("verlenging_huisverbod", VEILIG_THUIS): [
        "Ik heb het huisverbod verlengd tot {tot}. Hieronder staat wat dat inhoudt.",
        "Dat bericht ik u volgens artikel 9 en artikel 2, achtste lid, van " + WET + ".",
    ],
    ("intrekking_huisverbod", UITHUISGEPLAATSTE): [
        "Ik trek het huisverbod voor de woning aan {woning} in.",
        "Vanaf de datum van deze brief mag u weer in de woning komen.",
    ],
    ("intrekking_huisverbod", ACHTERBLIJVER): [
        "Ik heb het huisverbod van {naam} ingetrokken. Vanaf de datum van deze brief mag {naam} weer naar huis.",
    ],
    ("intrekking_huisverbod", VEILIG_THUIS): [
        "Ik heb het huisverbod ingetrokken. Hieronder staat waarom.",
        "Dat bericht ik u volgens artikel 2, achtste en negende lid, van " + WET + ".",
    ],
}

MONDELING = "Ik heb dit huisverbod op {van} eerst mondeling opgelegd. Met deze brief krijgt u het besluit op papier."
DICTUM = [
    "U moet de woning aan {woning} direct verlaten.",
    "U mag niet in of bij de woning komen. Het verboden gebied is: {gebied}.",
    "U mag geen contact opnemen met de personen hieronder. Ook niet via telefoon, berichten of andere mensen.",
]
DICTUM_ACHTERBLIJVER = [
    "{naam} mag niet in of bij de woning komen. Het verboden gebied is: {gebied}.",
    "{naam} mag geen contact opnemen met u of uw huisgenoten. Ook niet via telefoon, berichten of anderen.",
]
DICTUM_VERLENGING = [
    "Het huisverbod loopt door tot {tot}. De verboden en het contactverbod blijven gelden.",
    "U mag tot dat moment niet in of bij de woning komen. Het verboden gebied is: {gebied}.",
    "U mag geen contact opnemen met de personen hieronder. Ook niet via telefoon, berichten of andere mensen.",
]
DICTUM_INTREKKING = [
    "Het huisverbod eindigt op de datum van deze brief.",
    "Het verbod om in of bij de woning te komen en het contactverbod gelden dan niet meer.",
]
BESCHERMD = "{naam} ({relatie})"

FACTOREN = "Ik baseer {stuk} op het proces-verbaal {kenmerk} en de risicotaxatie huiselijk geweld van {datum}:"
FACTOR = "{categorie}: {tekst}"
CATEGORIE = {"persoon": "Over u", "incident": "Over het incident", "leefomstandigheden": "Over de thuissituatie",
             "politiegegevens": "Uit de gegevens van de politie", "anders": "Overig"}

VERPLICHTINGEN = [
    "Geef uiterlijk {bereikbaar_tot} door waar en hoe u bereikbaar bent. Doe dat bij de politie.",
    "Dat moet volgens artikel 2, zesde lid, van " + WET + ".",
]
SLEUTELS_INGENOMEN = "De politie heeft de sleutels van de woning ingenomen. Dat mag volgens artikel 4 van " + WET + "."
SLEUTELS_AFGEVEN = "Geef de sleutels van de woning af aan de politie. Dat staat in artikel 4 van " + WET + "."
RECHTSBIJSTAND = "U heeft recht op hulp van een advocaat. Vraagt u daarom, dan krijgt u er een (artikel 5)."
HULP = "Een hulpverlener neemt contact met u op. Die helpt u en uw huisgenoten verder."

GEVOLGEN = [
    "Houdt u zich niet aan het huisverbod? Dan pleegt u een misdrijf. De politie kan u dan aanhouden.",
    "U kunt een gevangenisstraf krijgen van ten hoogste twee jaar, of een geldboete van de vierde categorie.",
    "Dat staat in artikel 11 van " + WET + ".",
]
GEVOLGEN_ACHTERBLIJVER = [
    "Komt {naam} toch naar de woning of neemt {naam} contact op? Bel dan direct 112.",
    "Wie zich niet aan een huisverbod houdt, pleegt een misdrijf. De politie kan dan ingrijpen.",
]
HULP_ACHTERBLIJVER = [
    "Veilig Thuis krijgt bericht van dit huisverbod. Een hulpverlener neemt contact met u op.",
    "U kunt Veilig Thuis ook zelf bellen: 0800-2000. Dat is gratis en kan dag en nacht.",
]
ZWIJGEN_GRONDEN = ("De redenen voor het huisverbod staan in het besluit aan {naam}. Die deel ik niet met u, omdat "
                   "het gaat over de persoon van {naam}.")

GEGEVENS = {
    "uithuisgeplaatste": "Uithuisgeplaatste: {naam}, geboren {geboren}",
    "woning": "Woning: {woning}",
    "looptijd": "Van {van} tot {tot}",
    "verlengd": "Verlengd tot {tot}",
    "achterblijvers": "Achterblijvers: {achterblijvers}",
    "kindermishandeling": "Kindermishandeling of een ernstig vermoeden daarvan: {kind}",
    "bereikbaar": "Bereikbaarheid van de uithuisgeplaatste: {bereikbaar}",
}
NOG_NIET = "nog niet opgegeven (uiterlijk {bereikbaar_tot})"

MANDAAT = ("{naam} heeft dit besluit genomen namens de burgemeester, als hulpofficier van justitie. Dat mag op "
           "grond van artikel 3 van " + WET + " en het mandaatbesluit: {mandaatbesluit}.")
EIGEN_BESLUIT = "Ik heb dit besluit zelf genomen."
BEROEP_DEKT_VERLENGING = ("Heeft u al beroep ingesteld tegen het huisverbod? Dan geldt dat beroep ook voor deze "
                          "verlenging (artikel 9, tweede lid, van " + WET + ").")
AFSCHRIFT = ["Veilig Thuis", "de politie Limburg, basisteam Maastricht"]

# The question each recorded judgement answers in a letter, per outcome (rules/huisverbod/index.yaml).
OORDELEN = {
    "huisverbod": {"gevaar": "Waarom is er ernstig en onmiddellijk gevaar?", "horen_mogelijk": "Wie is gehoord?",
                   "nieuw_huisverbod": "Waarom opnieuw een huisverbod?"},
    "verlenging_huisverbod": {"verlenging_gevaar_voortduurt": "Waarom verleng ik het huisverbod?",
                              "horen_verlenging": "Wie heb ik gehoord?",
                              "herbeoordeling_nieuwe_feiten": "Wat betekenen de nieuwe feiten?"},
    "intrekking_huisverbod": {"intrekking": "Waarom trek ik het huisverbod in?",
                              "horen_verlenging": "Wie heb ik gehoord?",
                              "herbeoordeling_nieuwe_feiten": "Wat betekenen de nieuwe feiten?"},
}
