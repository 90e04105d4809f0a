"""Dutch words of the huisverbod letters (B1, first person: the burgemeester, also when a hulpofficier van
justitie decides in mandate). Placeholders: {naam} (the barred person), {woning} (the dwelling's address),
{gebied}, {van}, {tot}, {einde}, {opgelegd}, {periode}, {bereikbaar_tot}, {beschermden},
{datum}. Sentences stay under 20 words.

Statute references are to the Wet tijdelijk huisverbod (Wth); its text is paraphrased in plain language.
"""

from __future__ import annotations

UITHUISGEPLAATSTE, ACHTERBLIJVER, VEILIG_THUIS = "uithuisgeplaatste", "achterblijver", "veilig_thuis"
ADDRESSEE = {UITHUISGEPLAATSTE: UITHUISGEPLAATSTE, ACHTERBLIJVER: ACHTERBLIJVER, VEILIG_THUIS: VEILIG_THUIS}
WET = "de Wet tijdelijk huisverbod"
CLAUSE = "rechtstreeks_beroep_huisverbod"
# The barred person's letters never go to the dwelling he may not enter: to his postal address during the
# order (art. 2 lid 6), handed over by the police, or deposited at the town hall (art. 2 lid 7).
UITREIKEN = "Uit te reiken door de politie"
NEDERLEGGING = "Ter inzage bij de gemeente (artikel 2, zevende lid, van " + WET + ")"

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
        "Uw huisgenoten en Veilig Thuis krijgen een eigen bericht over dit besluit.",
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
        "Het huisverbod ging in op {opgelegd}. Verlengen kan tot uiterlijk vier weken daarna.",
        "Uw huisgenoten en Veilig Thuis krijgen een eigen bericht over dit besluit.",
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
        "Vanaf {einde} mag u weer in de woning komen.",
    ],
    ("intrekking_huisverbod", ACHTERBLIJVER): [
        "Ik trek het huisverbod van {naam} in. Vanaf {einde} mag {naam} weer naar huis.",
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
    "{naam} mag geen contact opnemen met {beschermden}. Ook niet via telefoon, berichten of anderen.",
    "Dat geldt ook als u zelf toestemming geeft. Alleen ik kan het huisverbod intrekken.",
]
DICTUM_VERLENGING = [
    "Het huisverbod loopt door tot {tot}. De verboden en het contactverbod blijven gelden.",
    "U mag tot dat moment niet in of bij de woning komen. Het verboden gebied is: {gebied}.",
    "U mag geen contact opnemen met de personen hieronder. Ook niet via telefoon, berichten of andere mensen.",
]
DICTUM_INTREKKING = [
    "Het huisverbod eindigt op {einde}.",
    "Het verbod om in of bij de woning te komen en het contactverbod gelden dan niet meer.",
]
BESCHERMD = "{naam} ({relatie})"

FACTOREN = "Ik baseer {stuk} op {bron} met kenmerk {kenmerk} en op de risicotaxatie huiselijk geweld van {datum}:"
FACTOR = "{categorie}: {tekst}"
CATEGORIE = {"persoon": "Over u", "incident": "Over het incident", "leefomstandigheden": "Over de thuissituatie",
             "politiegegevens": "Uit de gegevens van de politie", "anders": "Overig"}
CATEGORIE_DERDEN = {**CATEGORIE, "persoon": "Over {naam}"}
# Art. 2 lid 8: the household hears the content. What the RiHG says about the barred person himself and his
# police record is his, not theirs (minimisation); the incident and the home situation are theirs too.
GEDEELD_MET_HUISGENOTEN = ("incident", "leefomstandigheden")
NIET_GEDEELD = "Een deel van de gegevens over {naam} zelf deel ik niet met u. Dat staat in het besluit aan {naam}."

# The legal basis, stated positively per decision (the rules' trace explains the conditions to staff).
GRONDSLAG = {
    ("huisverbod", UITHUISGEPLAATSTE): [
        "Uit deze feiten en omstandigheden blijkt een ernstig en onmiddellijk gevaar voor {beschermden}.",
        "Of er is een ernstig vermoeden van dat gevaar. Daarom leg ik u een huisverbod op.",
        "Dat mag volgens artikel 2, eerste lid, van " + WET + ".",
    ],
    ("huisverbod", None): [
        "Uit de feiten en omstandigheden blijkt een ernstig en onmiddellijk gevaar voor {beschermden}.",
        "Of er is een ernstig vermoeden van dat gevaar. Daarom heb ik {naam} een huisverbod opgelegd.",
        "Dat mag volgens artikel 2, eerste lid, van " + WET + ".",
    ],
    ("verlenging_huisverbod", UITHUISGEPLAATSTE): [
        "Het gevaar, of het ernstige vermoeden daarvan, duurt voort. Daarom verleng ik het huisverbod.",
        "Dat mag volgens artikel 9, eerste lid, van " + WET + ".",
    ],
    ("verlenging_huisverbod", None): [
        "Het gevaar, of het ernstige vermoeden daarvan, duurt voort. Daarom heb ik het huisverbod verlengd.",
        "Dat mag volgens artikel 9, eerste lid, van " + WET + ".",
    ],
    ("intrekking_huisverbod", UITHUISGEPLAATSTE): [
        "Het huisverbod is niet meer nodig. Daarom trek ik het in.",
        "Dat mag volgens artikel 2, negende lid, van " + WET + ".",
    ],
    ("intrekking_huisverbod", None): [
        "Het huisverbod is niet meer nodig. Daarom trek ik het in.",
        "Dat mag volgens artikel 2, negende lid, van " + WET + ".",
    ],
}

VERPLICHTINGEN = [
    "Geef uiterlijk {bereikbaar_tot} door waar en hoe u bereikbaar bent. Doe dat bij de politie.",
    "Dat moet volgens artikel 2, zesde lid, van " + WET + ".",
]
VERPLICHTINGEN_VERLENGING = [
    "Blijf bereikbaar op het adres dat u heeft opgegeven. Verandert dat? Geef het nieuwe adres door aan de politie.",
    "Dat moet volgens artikel 2, zesde lid, van " + WET + ".",
]
SLEUTELS_INGENOMEN = "De politie heeft de sleutels van de woning ingenomen. Dat mag volgens artikel 4 van " + WET + "."
SLEUTELS_AFGEVEN = "Geef de sleutels van de woning af aan de politie. Dat staat in artikel 4 van " + WET + "."
RECHTSBIJSTAND = ("Wilt u een advocaat? Zeg dat tegen de politie. Dan krijgt u er een (artikel 5 van "
                  + WET + ").")
HULP = "Een hulpverlener neemt contact met u op. Die helpt u en uw huisgenoten verder."

GEVOLGEN = [
    "Houdt u zich niet aan het huisverbod? Dan pleegt u een misdrijf. De politie kan u dan aanhouden.",
    "U kunt een gevangenisstraf krijgen van ten hoogste twee jaar, of een hoge geldboete (vierde categorie).",
    "Dat staat in artikel 11 van " + WET + ".",
]
GEVOLGEN_ACHTERBLIJVER = [
    "Komt {naam} toch naar de woning of neemt {naam} contact op? Bel dan direct 112.",
    "Wie zich niet aan een huisverbod houdt, pleegt een misdrijf. De politie kan dan ingrijpen.",
]
HULP_ACHTERBLIJVER = [
    "Veilig Thuis krijgt bericht van dit besluit. Een hulpverlener neemt contact met u op.",
    "U kunt Veilig Thuis ook zelf bellen: 0800-2000. Dat is gratis en kan dag en nacht.",
]

GEGEVENS = {
    "uithuisgeplaatste": "Uithuisgeplaatste: {naam}, geboren {geboren}",
    "woning": "Woning: {woning}",
    "looptijd": "Van {van} tot {tot}",
    "verlengd": "Verlengd tot {tot}",
    "eindigt": "Het huisverbod eindigt op {einde}. Het verbod om in of bij de woning te komen en het contactverbod "
               "gelden dan niet meer.",
    "achterblijvers": "Achterblijvers (ook in het contactverbod): {achterblijvers}",
    "gebied": "Verboden gebied: {gebied}",
    "kindermishandeling": "Volgens de oplegger gaat het om kindermishandeling of een ernstig vermoeden daarvan: {kind}",
    "bereikbaar": "Bereikbaarheid van de uithuisgeplaatste: {bereikbaar}",
}
NOG_NIET = "nog niet opgegeven (uiterlijk {bereikbaar_tot})"

MANDAAT = ("{naam} heeft dit besluit genomen namens de burgemeester, als hulpofficier van justitie. Dat mag op "
           "grond van artikel 3 van " + WET + " en het mandaatbesluit: {mandaatbesluit}.")
EIGEN_BESLUIT = "Ik heb dit besluit zelf genomen."
BEROEP_DEKT_VERLENGING = [
    "Heeft u al beroep ingesteld tegen het huisverbod? Dan kan dat beroep ook over deze verlenging gaan.",
    "Laat de rechtbank dan weten dat u ook de verlenging betwist. Stuur een kopie van deze brief mee.",
    "Dat staat in artikel 9, tweede en derde lid, van " + WET + ".",
]
AFSCHRIFT = ["de politie Limburg, basisteam Maastricht"]

# The question each recorded judgement answers in a letter, per outcome (rules/huisverbod/index.yaml).
OORDELEN = {
    "huisverbod": {"gevaar": "Waarom is er ernstig en onmiddellijk gevaar?",
                   "horen_mogelijk": "Wie zijn er gehoord voordat het huisverbod inging?",
                   "nieuw_huisverbod": "Waarom opnieuw een huisverbod?"},
    "verlenging_huisverbod": {"verlenging_gevaar_voortduurt": "Waarom duurt het gevaar voort?",
                              "horen_verlenging": "Wie heb ik gehoord, wat zeiden zij en wat vind ik daarvan?",
                              "herbeoordeling_nieuwe_feiten": "Wat betekenen de nieuwe feiten?"},
    "intrekking_huisverbod": {"intrekking": "Waarom is het huisverbod niet meer nodig?",
                              "horen_verlenging": "Wie heb ik gehoord, wat zeiden zij en wat vind ik daarvan?",
                              "herbeoordeling_nieuwe_feiten": "Wat betekenen de nieuwe feiten?"},
}
