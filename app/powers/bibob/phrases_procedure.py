"""The words of the Bibob letters around the procedure: the art. 32 notice that advice was asked, the Awb 4:5
decision not to process an incomplete application, the art. 33 hearing, the art. 28 secrecy warning, and the
letters to a named third party (derde). Same voice placeholders as phrases.py ({wij}, {ons}, {onze}, {ons_het} and
the verbs of phrases.VERBS).
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
    "De beslistermijn voor uw aanvraag is {beslistermijn}.",
    "Zolang {wij} op het advies {wachten}, staat de beslistermijn stil. Dat staat in artikel 31 van " + BIBOB + ".",
    "Het LBB heeft {advies_weken} voor het advies (artikel 15 van " + BIBOB + ").",
    "Vraagt het LBB gegevens op bij anderen? Dan staat die termijn zolang stil.",
    "Het LBB mag de termijn één keer verlengen, met ten hoogste {verlenging_weken}.",
    "Langer dan de termijn van het LBB staat de beslistermijn niet stil.",
]
# Awb 4:13: without a statutory term the decision period is a reasonable one of at most eight weeks.
REDELIJKE_TERMIJN = "een redelijke termijn van ten hoogste acht weken (artikel 4:13 van " + AWB + ")"
VERVOLG_MEDEDELING = [
    "Als het advies binnen is, {beoordelen} {wij} het zelf.",
    "Staat het advies de vergunning niet in de weg? Dan {nemen} {wij} een besluit op uw aanvraag.",
    "{Willen} {wij} de vergunning weigeren of er voorschriften aan verbinden? Dan krijgt u eerst een brief met dat "
    "plan.",
    "U krijgt dan ook een kopie van het advies, voor zover het over u gaat. En u mag eerst reageren (artikel 33 van "
    + BIBOB + ").",
]

# Awb 4:5: the application is not processed; the Bibob form and its data were required (art. 7a).
MOTIVERING_BUITEN_BEHANDELING = [
    "Bij uw aanvraag moest u het Bibob-vragenformulier volledig invullen en de gevraagde stukken geven.",
    "Die plicht staat in artikel 7a van " + BIBOB + ".",
    "Op {herstel_op} {vroegen} {wij} u de aanvraag aan te vullen. U had daarvoor tot en met {herstel_tot}.",
    "Die gegevens {hebben} {wij} niet op tijd en volledig ontvangen.",
    "Daarom {mogen} {wij} uw aanvraag buiten behandeling laten.",
    "Dat staat in artikel 4:5, eerste lid, aanhef en onder a en c, van " + AWB + ".",
    "Dit besluit gaat niet over de vraag of er gevaar is. U kunt een nieuwe, volledige aanvraag indienen.",
]

# The art. 33 hearing: the invitation in a voornemen.
ZIENSWIJZE = ["Voordat {wij} een besluit {nemen}, mag u {ons} vertellen wat u van dit plan vindt. Dat heet een "
              "zienswijze.", "Dat staat in artikel 33 van " + BIBOB + ".",
              "Daarbij gelden de artikelen 4:9 tot en met 4:12 van " + AWB + ".",
              "Geef uw zienswijze uiterlijk {zienswijze_tot}. Dat kan schriftelijk of mondeling.",
              "Schriftelijk reageren? Stuur een brief aan {adres_orgaan}. Noem daarin ons kenmerk {kenmerk}.",
              "Mondeling reageren? Maak dan een afspraak met {behandeld_door}.",
              "U mag zich laten helpen door een advocaat of door iemand anders die u vertrouwt."]
ZIENSWIJZE_DERDE = "U staat in het voorgenomen besluit. Daarom mag u ook een zienswijze geven."
OOK_DERDE = ("{Wij} {geven} ook {derde} de gelegenheid om te reageren. {derde} krijgt alleen het deel van het advies "
             "dat over die persoon gaat.")
ALLEEN_U = "Deze brief gaat alleen naar u."

# The hearing answered in the besluit. The aanvrager reads his own zienswijze and the answer; a derde's zienswijze
# is answered in the derde's own letter (it holds his personal data), the aanvrager reads only that it was given.
GEHOORD = "Voordat {wij} dit besluit {namen}, kon u een zienswijze geven (artikel 33 van " + BIBOB + ")."
BIJ_VOORNEMEN = ["Bij het voornemen kreeg u een kopie van het advies, voor zover nodig voor de motivering.",
                 "Dat staat in artikel 28, derde lid, van " + BIBOB + "."]
GEHOORD_DERDEN = "Ook {derden} konden een zienswijze geven over het deel dat over hen gaat."
ZIENSWIJZE_EIGEN = "U gaf op {datum} {wijze} uw zienswijze. In het kort: {samenvatting}"
ZIENSWIJZE_DERDE_APART = ("{naam} gaf op {datum} {wijze} een zienswijze. {Wij} {beantwoorden} die in een brief aan "
                          "{naam}.")
GEEN_ZIENSWIJZE_VAN = "{naam} gaf geen zienswijze."
GEEN_ZIENSWIJZE_U = "U gaf geen zienswijze."
REACTIE = "{Onze} reactie: {reactie}"
NIET_ONTVANGEN = "{Wij} {hebben} geen zienswijze ontvangen."
VERWERKT = "Zo {hebben} {wij} de zienswijzen verwerkt: {reasoning}"
UITZONDERING = {
    "spoed_4_11_a": "Er was spoed. Dat mag volgens artikel 4:11, onder a, van " + AWB + ".",
    "eerder_gehoord_4_11_b": "U kon al eerder uw zienswijze geven. Sindsdien is er niets nieuws gebeurd. Dat mag "
                             "volgens artikel 4:11, onder b, van " + AWB + ".",
}
NIET_GEHOORD = "{Wij} {hoorden} u vooraf niet. De reden: {reden}"

# Art. 28: the secrecy warning with every copy or part of the advice. To confirm with juridische zaken: whether
# art. 272 Sr reaches the betrokkene and the derde (the legal review, finding 10, cites art. 28 with art. 272).
KOPIE_ADVIES = ["Bij deze brief krijgt u een kopie van het advies van het LBB van {advies_datum}. Dat staat in "
                "artikel 28, derde lid, van " + BIBOB + ".",
                "Gegevens over anderen die niet nodig zijn voor het voorgenomen besluit, {hebben} {wij} weggelaten."]
GEGEVENS_ONDERZOEK = "In deze brief staan gegevens uit het Bibob-onderzoek van de gemeente."
GEGEVENS_ADVIES = ("In dit besluit staan alleen de gegevens uit het advies van het LBB die nodig zijn voor de "
                   "motivering.")
GEEN_ADVIESGEGEVENS = "Verder staan er in dit besluit geen gegevens uit het advies van het LBB."
GEHEIM = [
    "Deze gegevens zijn vertrouwelijk. U mag ze alleen gebruiken voor uw zienswijze, bezwaar of beroep.",
    "U mag ze bespreken met uw advocaat of gemachtigde in deze procedure. Ook die moet ze geheimhouden.",
    "Geef ze verder aan niemand. Dat staat in artikel 28 van " + BIBOB + ".",
    "Wie de geheimhouding schendt, kan strafbaar zijn. Zie artikel 28 van " + BIBOB + " en artikel 272 van het "
    "Wetboek van Strafrecht.",
]
GEHEIM_DERDE_DEEL = ("Hierboven staat alleen het deel van het advies dat over u gaat (artikel 28, derde lid, van "
                     + BIBOB + ").")

# The letters to a derde named in the intended decision and in the besluit: only his own part (art. 28 lid 3, 33).
INLEIDING_DERDE = [
    "{Wij} {zijn} van plan een besluit te nemen op grond van " + BIBOB + ". In dat besluit {noemen} {wij} u.",
    "Daarom mag u eerst reageren op het deel dat over u gaat.",
]
INLEIDING_DERDE_BESLUIT = [
    "{Wij} {hebben} een besluit genomen op grond van " + BIBOB + ". In dat besluit {noemen} {wij} u.",
    "Met deze brief {laten} {wij} u weten wat {wij} {hebben} besloten en wat over u gaat.",
]
BESLUIT_AAN = "Het besluit zelf is gericht aan de {aan_wie}, {aanvrager}. U krijgt alleen het deel dat over u gaat."
AAN_WIE = {"aanvraag": "aanvrager", "intrekking": "vergunninghouder"}
WAAROM_DERDE = "{Wij} {noemen} u om deze reden: {reden}"
UW_ROL = "U staat in het {besluit_woord} als {rol} {bedrijf} (artikel 3, vierde lid, van " + BIBOB + ")."
# The ground in general words only: the degree of danger is the body's judgement about the aanvrager (art. 28).
GROND_DERDE = ["Het voorgenomen besluit rust op artikel 3 van " + BIBOB + ".",
               "Dat gaat over gevaar dat de vergunning ook voor strafbare feiten gebruikt wordt."]
DEEL_ADVIES = "Dit deel van het advies van het LBB gaat over u: {deel}"
DEEL_ONDERZOEK = "Dit deel van het Bibob-onderzoek gaat over u: {deel}"
VOORSCHRIFT_DERDE = "Dit voorschrift gaat over u:"
# The facts about the derde that the reasons use, with their art. 3a character, so he can respond to them (art. 33
# Wet Bibob, Awb 4:8; legal reviewb, finding 1). A sepot with the body's own assessment of its facts.
FEITEN_DERDE = "Deze feiten over u {gebruiken} {wij} in de motivering:"
FEIT_DERDE = "{datum}: {delict}. Het is {karakter} (artikel 3a van " + BIBOB + ")."
SEPOT_DERDE = ["{datum}: {delict}. Deze zaak heeft het Openbaar Ministerie niet vervolgd ({soort}).",
               "{Wij} {hebben} het proces-verbaal zelf beoordeeld: {beoordeling}"]
GEEN_ZIENSWIJZE_DERDE = "U gaf geen zienswijze op het voorgenomen besluit."
