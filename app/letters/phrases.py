"""Dutch letter words every power shares (B1, first person): salutation, legal basis, Awb 4:11, zienswijze.

Data only. Placeholders are filled with str.format, which parses only these fixed strings, never the
values put into them. A power's own words live in its package (app/powers/<code>/phrases.py).
"""

from __future__ import annotations

AANHEF = "Geachte heer, mevrouw,"  # an organisation, or a name nobody knows: gender is never guessed
AANHEF_NAAM = "Geachte {naam},"  # a person, by the name as recorded
GRONDSLAG = "{uitleg} Dit staat in {titel}."
BRON = "Ik baseer {stuk} op {bron} van {datum}, met kenmerk {kenmerk}."
AFWIJKING = ("Ik wijk in dit geval af van mijn beleid. Dat moet volgens artikel 4:84 van de Algemene wet "
             "bestuursrecht, omdat het volgen van mijn beleid hier onevenredige gevolgen zou hebben.")
# The source document of a melding, as a letter names it (with its article: "het proces-verbaal").
BRON_WOORDEN = {
    "bestuurlijke_rapportage": "de bestuurlijke rapportage van de politie",
    "proces_verbaal": "het proces-verbaal van de politie",
    "boa_rapport": "het rapport van een buitengewoon opsporingsambtenaar",
    "melding": "de melding",
    "aanvraag": "de aanvraag",
}
# Rule explanations (rules/<power>/rules-*.yaml) are written for staff and in the third person. A sentence
# or clause with one of these words addresses staff and is left out of a letter (paragraphs.py).
STAFF_WORDS = ("jurist", "vuurt", "regel", "toets", "bevestigen", "beoordeel", "weeg", "vraag dat na",
               "zoek dat uit", "te controleren")
# Internal markers in legal-basis titles: a part of a title that carries one names an unconfirmed source and
# is left out of the letter whole ("Beleidsregels Maastricht (CVDR110009, te bevestigen)"), never cleaned up.
TITLE_MARKERS = ("te bevestigen", "te controleren", "nog te bepalen")
# Fired rule kinds that present a policy: printed only when a beheerder confirmed the values they rest on.
POLICY_KINDS = ("beleid",)
# "De burgemeester" becomes "ik" (the letter is the burgemeester's, in the first person); the verb follows.
# Whole-word patterns, matched on a sentence with its first letter lowercased (restored afterwards).
EERSTE_PERSOON = (
    (r"is de burgemeester", "ben ik"),
    (r"heeft de burgemeester", "heb ik"),
    (r"de burgemeester is", "ik ben"),
    (r"de burgemeester heeft", "ik heb"),
    (r"de burgemeester (\w+) is", r"ik \1 ben"),
    (r"de burgemeester (\w+) heeft", r"ik \1 heb"),
    (r"de burgemeester", "ik"),
    (r"het beleid", "mijn beleid"),
    # A letter is written once competence is established: no "Als ik bevoegd ben, stelt mijn beleid ...".
    (r"als ik bevoegd ben, stelt mijn beleid", "mijn beleid stelt"),
)
# Fired rule kinds whose explanation belongs in the motivation (letters.md §5).
RULE_KINDS = ("bevoegdheid", "uitzondering", "beleid")

ZIENSWIJZE_NIET_ONTVANGEN = "Ik heb geen zienswijze ontvangen."
ZIENSWIJZE_REACTIE = "Mijn reactie: {reactie}"
# One paragraph per party's zienswijze in the besluit (letters/hearing.py); {wijze} is schriftelijk or mondeling.
ZIENSWIJZE_EIGEN = "U gaf op {datum} {wijze} uw zienswijze. In het kort: {samenvatting}"
ZIENSWIJZE_ANDER = "{naam} heeft op {datum} {wijze} een zienswijze gegeven. In het kort: {samenvatting}"
ZIENSWIJZE_AFGESCHERMD = (
    "{naam} heeft op {datum} {wijze} een zienswijze gegeven. Daarin staan persoonlijke gegevens. Die staan niet "
    "in deze brief, om de privacy te beschermen (artikel 5, eerste lid, onder c, van de Algemene verordening "
    "gegevensbescherming). Mijn reactie staat in de volledige versie van dit besluit. Alleen {naam} krijgt die.")
# Awb 4:11: the only grounds to skip the hearing (awb-procedure.md §2.1).
UITZONDERING = {
    "spoed_4_11_a": "Er was spoed. Dat mag volgens artikel 4:11, onder a, van de Algemene wet bestuursrecht.",
    "eerder_gehoord_4_11_b": "U kon al eerder uw zienswijze geven. Sindsdien is er niets nieuws gebeurd. "
                             "Dat mag volgens artikel 4:11, onder b, van de Algemene wet bestuursrecht.",
    "verrassing_4_11_c": "Ik kon mijn doel alleen bereiken als ik u niet vooraf inlichtte. "
                         "Dat mag volgens artikel 4:11, onder c, van de Algemene wet bestuursrecht.",
}
