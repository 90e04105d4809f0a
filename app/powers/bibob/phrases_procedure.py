"""The words of the Bibob letters around the procedure: the art. 32 notice that advice was asked, the Awb 4:5
decision not to process an incomplete application, the art. 28 secrecy warning, and the letter to a named third
party (derde). Same voice placeholders as phrases.py ({wij}, {ons}, {onze} and the verbs of phrases.VERBS).
"""

from __future__ import annotations

from app.powers.bibob.phrases import AWB, BIBOB, LBB

# Art. 32: the notice that advice was asked (no besluit), with the art. 31 suspension of the decision period.
INLEIDING_MEDEDELING = [
    "{Wij} {hebben} " + LBB + " om advies gevraagd over uw aanvraag.",
    "Het gaat om uw aanvraag voor een {vergunning} voor {bedrijf}, van {aanvraag_datum}.",
    "{Wij} {vroegen} het advies op {gevraagd_op}. Met deze brief {laten} {wij} u dat weten.",
]
GRONDSLAG_MEDEDELING = [
    "Het LBB adviseert {ons} over de mate van gevaar dat de vergunning ook voor strafbare feiten gebruikt zal worden.",
    "Dat staat in artikel 9 van " + BIBOB + ".",
    "{Wij} {moeten} u laten weten dat {wij} dit advies {hebben} gevraagd. Dat staat in artikel 32 van " + BIBOB + ".",
]
TERMIJN = [
    "Zolang {wij} op het advies {wachten}, staat de beslistermijn stil. Dat staat in artikel 31 van " + BIBOB + ".",
    "Het LBB heeft {advies_weken} voor het advies (artikel 15 van " + BIBOB + ").",
    "Vraagt het LBB gegevens op bij anderen? Dan staat die termijn zolang stil.",
    "Het LBB mag de termijn één keer verlengen, met ten hoogste {verlenging_weken}.",
    "Langer dan de termijn van het LBB staat de beslistermijn niet stil.",
]
VERVOLG_MEDEDELING = [
    "Als het advies binnen is, {beoordelen} {wij} het zelf.",
    "Staat het advies de vergunning niet in de weg? Dan {nemen} {wij} een besluit op uw aanvraag.",
    "{Willen} {wij} de vergunning weigeren of er voorschriften aan verbinden? Dan krijgt u eerst een brief met dat "
    "plan.",
    "U krijgt dan ook een kopie van het advies. En u mag eerst reageren (artikel 33 van " + BIBOB + ").",
]

# Awb 4:5: the application is not processed; the Bibob form and its data were required (art. 7a).
MOTIVERING_BUITEN_BEHANDELING = [
    "Bij uw aanvraag moest u het Bibob-vragenformulier volledig invullen en de gevraagde stukken geven.",
    "Die plicht staat in artikel 7a van " + BIBOB + ".",
    "Op {herstel_op} {vroegen} {wij} u de aanvraag aan te vullen. U had daarvoor tot en met {herstel_tot}.",
    "Die gegevens {hebben} {wij} niet op tijd en volledig ontvangen.",
    "Daarom {mogen} {wij} uw aanvraag buiten behandeling laten. Dat staat in artikel 4:5, eerste lid, van " + AWB
    + ".",
    "Dit besluit gaat niet over de vraag of er gevaar is. U kunt een nieuwe, volledige aanvraag indienen.",
]

# Art. 28: the secrecy warning with every copy or part of the advice.
KOPIE_ADVIES = ("Bij deze brief krijgt u een kopie van het advies van het LBB van {advies_datum}. Dat staat in "
                "artikel 28, derde lid, van " + BIBOB + ".")
GEGEVENS_ONDERZOEK = "In deze brief staan gegevens uit het Bibob-onderzoek van de gemeente."
GEGEVENS_ADVIES = "In dit besluit staan gegevens uit het advies van het LBB. Alleen de gegevens die nodig zijn."
GEHEIM = [
    "Deze gegevens zijn vertrouwelijk. U mag ze lezen en gebruiken om uw belangen te verdedigen.",
    "U mag ze niet aan anderen doorgeven. Dat staat in artikel 28 van " + BIBOB + ".",
    "Wilt u de gegevens met iemand delen, bijvoorbeeld met uw advocaat? Vraag {ons} dan eerst of dat mag.",
]
GEHEIM_DERDE_DEEL = ("Hierboven staat alleen het deel van het advies dat over u gaat (artikel 28, derde lid, van "
                     + BIBOB + ").")

# The letter to a derde named in the intended decision: only his own part (art. 28 lid 3, art. 33).
INLEIDING_DERDE = [
    "{Wij} {zijn} van plan een besluit te nemen op grond van " + BIBOB + ". In dat besluit {noemen} {wij} u.",
    "Daarom mag u eerst reageren op het deel dat over u gaat.",
]
BESLUIT_AAN_AANVRAGER = "Het besluit zelf is gericht aan de aanvrager. U krijgt alleen het deel dat over u gaat."
WAAROM_DERDE = "Waarom {noemen} {wij} u? {reden}"
DEEL_ADVIES = "Dit deel van het advies van het LBB gaat over u: {deel}"
DEEL_ONDERZOEK = "Dit deel van het Bibob-onderzoek gaat over u: {deel}"
