"""The sentences of the letter of the decision on a bezwaar (letters/objection.py), as a municipal lawyer
signs them: the law's own words where the law has them (Awb 6:11, 7:3, 7:11, 7:13), "u" for the objector and
a neutral wording for every other addressee.
"""

from __future__ import annotations

AWB = "van de Algemene wet bestuursrecht"

# Awb 7:3 in the law's words; the objector reads c and d about himself.
NIET_HOREN = {
    "a": "Het bezwaar is kennelijk niet-ontvankelijk.",
    "b": "Het bezwaar is kennelijk ongegrond.",
    "c": ("De indiener heeft verklaard dat hij afziet van het recht om te worden gehoord.",
          "U heeft verklaard dat u afziet van het recht om te worden gehoord."),
    "d": ("De indiener heeft niet binnen de gestelde redelijke termijn verklaard dat hij gebruik wil maken van "
          "het recht om te worden gehoord.",
          "U heeft niet binnen de gestelde redelijke termijn verklaard dat u gebruik wilt maken van het recht om "
          "te worden gehoord."),
    "e": "Aan het bezwaar wordt volledig tegemoetgekomen en andere belanghebbenden worden daardoor niet in hun "
         "belangen geschaad.",
}
NIET_HOREN_SLOT = "{Orgaan} heeft daarom afgezien van het horen (artikel 7:3, aanhef en onder {grond}, " + AWB + ")."

ADVIES_UITKOMST = {"gegrond": "gegrond", "deels_gegrond": "gedeeltelijk gegrond", "ongegrond": "ongegrond",
                   "niet_ontvankelijk": "niet-ontvankelijk"}
ADVIES_GEVOLGD = "{Orgaan} volgt het advies en neemt de motivering daarvan over. Het advies is bijgevoegd."
ADVIES_AFWIJKING = ("{Orgaan} wijkt af van het advies van de bezwaarcommissie. De reden daarvoor is: {reden}. Het "
                    "advies van de commissie is bij deze beslissing gevoegd (artikel 7:13, zevende lid, " + AWB + ").")
BIJLAGE = "Bijlage: advies van de bezwaarcommissie van {datum}"

HEROVERWEGING = ("Naar aanleiding van het bezwaar heeft {orgaan} het besluit van {datum} volledig heroverwogen "
                 "(artikel 7:11, eerste lid, " + AWB + "). De motivering van deze beslissing staat hieronder "
                 "(artikel 7:12, eerste lid).")
SLAAGT = {True: "Deze grond slaagt.", False: "Deze grond slaagt niet."}

GEGROND = "{Orgaan} verklaart het bezwaar gegrond en herroept het besluit van {datum} (artikel 7:11 " + AWB + ")."
VERVANGEND = ("Naar aanleiding van de heroverweging neemt {orgaan} een nieuw besluit in de plaats van het "
              "herroepen besluit (artikel 7:11, tweede lid, " + AWB + "): {nieuw}.")
GEEN_NIEUW = ("Een nieuw besluit is niet nodig. Door de herroeping geldt het besluit van {datum} niet meer, ook "
              "niet voor de periode vanaf {datum}.")
DEELS = ("{Orgaan} verklaart het bezwaar gedeeltelijk gegrond. {Hij} herroept het besluit van {datum} voor zover "
         "het gaat om {deel} en neemt daarvoor in de plaats het volgende besluit: {nieuw}. Voor het overige "
         "verklaart {hij} het bezwaar ongegrond; in zoverre blijft het besluit in stand (artikel 7:11 " + AWB + ").")
ONGEGROND = "{Orgaan} verklaart het bezwaar ongegrond. Het besluit van {datum} blijft in stand (artikel 7:11 " + \
    AWB + ")."
PRONOUN = {"burgemeester": ("Hij", "hij"), "college": ("Het", "het")}

# Niet-ontvankelijk: the reason, then the dictum with its articles; the contested besluit stays unchanged.
NIET_ONTVANKELIJK = "{Orgaan} verklaart het bezwaar daarom niet-ontvankelijk ({artikelen} " + AWB + \
    "). Het besluit van {datum} blijft ongewijzigd."
NO_REDEN = {
    "te_laat": ("Het bezwaarschrift is te laat ingediend en de termijnoverschrijding is niet verschoonbaar.",
                "artikelen 6:7, 6:9 en 6:11"),
    "voor_besluit": ("Het bezwaarschrift is ingediend voordat het besluit was genomen. Tegen een besluit dat "
                     "nog niet bestaat, kan geen bezwaar worden gemaakt.", "artikel 6:10"),
    "verzuim": ("Het bezwaarschrift voldoet niet aan de eisen van de wet en dit verzuim is niet binnen de "
                "daarvoor gegeven termijn hersteld.", "artikelen 6:5 en 6:6"),
    "geen_belanghebbende": ("De indiener is geen belanghebbende bij het besluit. Alleen een belanghebbende kan "
                            "bezwaar maken.", "artikelen 1:2 en 7:1"),
}
NO_GRONDEN = "Omdat het bezwaar niet-ontvankelijk is, bespreekt {orgaan} de bezwaargronden niet inhoudelijk."

# The words a sentence of free text commonly starts with; only these lose their capital after a colon, so a
# name or an abbreviation at the start keeps it.
_STARTERS = frozenset("de het een dat die dit deze er hij zij ze zijn haar in op bij met voor na van aan als "
                      "omdat nu niet geen alleen ook toch wel wat welke waar daar hier onder over door tot "
                      "om".split())


def vervolg(text: str) -> str:
    """Free text that continues a sentence after a colon: no capital when it starts with a common word (a
    name keeps its capital) and no full stop of its own, because the sentence it continues supplies one."""
    text = text[:-1] if text.endswith(".") else text  # the input is cleaned and stripped (schemas/fields.py)
    first = text.split(" ", 1)[0]
    return text[0].lower() + text[1:] if first.lower() in _STARTERS and first[:1].isupper() else text
