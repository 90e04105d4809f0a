"""The words of the Bibob letters (B1 Dutch, sentences of at most 20 words).

The deciding body writes: the college as "wij", the burgemeester as "ik" (never "ik, de burgemeester" where the
college decides, legal-review-damocles.md "Design risks"). A phrase is written once, in the college's voice, with
placeholders for the words that change: {wij}/{Wij}, {ons} (object), {onze}/{Onze} and every verb in VERBS (its
"wij" form as the key, e.g. {weigeren} gives "weigeren" or "weiger"); words.voice() fills them. Data
placeholders ({bedrijf}, {vergunning}, ...) come from words.words_for(). Values are plain text; render.py escapes.

The letters state their legal basis positively. Article 30 of the Wet Bibob (forms, refusal to give data) no
longer exists since 2024; its function sits in art. 7a, art. 4 and Awb 4:5 (bibob.md §1.1), so it is never cited.
"""

from __future__ import annotations

AANVRAGER, DERDE = "aanvrager", "derde"
ADDRESSEE = {AANVRAGER: AANVRAGER, DERDE: DERDE}
BIBOB = "de Wet Bibob"
AWB = "de Algemene wet bestuursrecht"
LBB = "het Landelijk Bureau Bibob (LBB)"
GEMEENTE = "Maastricht"
POSTADRES = "Postbus 1992, 6201 BZ Maastricht"

# The "wij" form of a verb and the "ik" form (present and past tense).
VERBS = {
    "hebben": "heb", "zijn": "ben", "weigeren": "weiger", "trekken": "trek", "verlenen": "verleen",
    "verbinden": "verbind", "vragen": "vraag", "nemen": "neem", "volgen": "volg", "vinden": "vind",
    "kunnen": "kan", "willen": "wil", "geven": "geef", "baseren": "baseer", "behandelen": "behandel",
    "mogen": "mag", "moeten": "moet", "noemen": "noem", "beoordelen": "beoordeel", "gebruiken": "gebruik",
    "laten": "laat", "horen": "hoor", "wachten": "wacht", "controleren": "controleer", "sturen": "stuur",
    "namen": "nam", "vroegen": "vroeg", "kregen": "kreeg", "hoorden": "hoorde", "wegen": "weeg",
    "wijken": "wijk", "onderzochten": "onderzocht",
}
PERSON = {
    "wij": {"wij": "wij", "Wij": "Wij", "ons": "ons", "onze": "onze", "Onze": "Onze"},
    "ik": {"wij": "ik", "Wij": "Ik", "ons": "mij", "onze": "mijn", "Onze": "Mijn"},
}
ORGAAN = {"college": "het college van burgemeester en wethouders van " + GEMEENTE,
          "burgemeester": "de burgemeester van " + GEMEENTE}
# Where a written zienswijze goes: the body that decides.
ADRES_ORGAAN = {body: f"{name}, {POSTADRES}" for body, name in ORGAAN.items()}
# The remedy clause of the deciding body (letter_templates/clauses/rechtsmiddelen.yaml).
CLAUSE = {"college": "bezwaar_college", "burgemeester": "bezwaar_en_voorlopige_voorziening"}
# The Maastricht Bibob policy (parameter beleidsregel_bibob) is named by its published title, never quoted.
BELEID_ZIN = "{Wij} {volgen} daarbij {beleid}."

VERGUNNING = {"exploitatievergunning_horeca": "exploitatievergunning voor een horecabedrijf",
              "alcoholwet_vergunning": "alcoholvergunning",
              "speelautomatenhal": "vergunning voor een speelautomatenhal",
              "seksinrichting": "exploitatievergunning voor een seksinrichting",
              "omgevingsvergunning": "omgevingsvergunning", "overig": "vergunning"}
# The regulation each permit comes from, when no confirmed parameter gives the article (words.permit_basis).
REGELING = {"exploitatievergunning_horeca": "de Algemene plaatselijke verordening (APV) van Maastricht",
            "alcoholwet_vergunning": "de Alcoholwet", "speelautomatenhal": "de Wet op de kansspelen",
            "seksinrichting": "de Algemene plaatselijke verordening (APV) van Maastricht",
            "omgevingsvergunning": "de Omgevingswet"}
REGELING_WABO = "de Wet algemene bepalingen omgevingsrecht (Wabo)"
VERORDENING = ("exploitatievergunning_horeca", "seksinrichting")  # by-law permits: Wet Bibob art. 7
REGELING_ZIN = "De {vergunning} is geregeld in {regeling}."
ARTIKEL_7 = "Voor een vergunning uit een gemeentelijke verordening geldt dit via artikel 7 van " + BIBOB + "."

ONDERWERP = {
    "mededeling_adviesaanvraag": "Advies gevraagd aan het Landelijk Bureau Bibob, {bedrijf}",
    "buiten_behandeling": "Aanvraag buiten behandeling, {bedrijf}",
    "voornemen_weigering": "Voornemen tot weigering van de {vergunning}, {bedrijf}",
    "voornemen_intrekking": "Voornemen tot intrekking van de {vergunning}, {bedrijf}",
    "voornemen_voorschriften": "Voornemen tot verlening met voorschriften, {bedrijf}",
    "weigering": "Weigering van de {vergunning}, {bedrijf}",
    "intrekking": "Intrekking van de {vergunning}, {bedrijf}",
    "verlening_met_voorschriften": "Verlening van de {vergunning} met voorschriften, {bedrijf}",
    "verlening": "Verlening van de {vergunning}, {bedrijf}",
}
ONDERWERP_DERDE = "Uw zienswijze op een voorgenomen besluit (Wet Bibob), {bedrijf}"

# The decision itself, the same for every addressee (the aanvrager and each named derde read this sentence).
KERN = {
    "voornemen_weigering": "{Wij} {zijn} van plan de aanvraag van {aanvrager} voor een {vergunning} voor {bedrijf}, "
                           "{adres}, te weigeren.",
    "voornemen_intrekking": "{Wij} {zijn} van plan de {vergunning} van {aanvrager} voor {bedrijf}, {adres}, in te "
                            "trekken.",
    "voornemen_voorschriften": "{Wij} {zijn} van plan de {vergunning} aan {aanvrager} voor {bedrijf}, {adres}, te "
                               "verlenen met voorschriften.",
    "weigering": "{Wij} {weigeren} de aanvraag van {aanvrager} voor een {vergunning} voor {bedrijf}, {adres}.",
    "intrekking": "{Wij} {trekken} de {vergunning} van {aanvrager} voor {bedrijf}, {adres}, in.",
    "verlening_met_voorschriften": "{Wij} {verlenen} {aanvrager} de {vergunning} voor {bedrijf}, {adres}, met de "
                                   "voorschriften in deze brief.",
    "verlening": "{Wij} {verlenen} {aanvrager} de {vergunning} voor {bedrijf}, {adres}.",
    "buiten_behandeling": "{Wij} {laten} de aanvraag van {aanvrager} voor een {vergunning} voor {bedrijf} buiten "
                          "behandeling.",
}
AANVRAAG = "Het gaat om uw aanvraag van {aanvraag_datum}{aanvraag_kenmerk}."
BESTAANDE_VERGUNNING = "Het gaat om de vergunning van {vergunning_datum}{vergunning_kenmerk}."
INGANG = "Dit besluit geldt vanaf {ingangsdatum}."
INGANG_VERZENDING = "Dit besluit geldt vanaf de dag waarop {wij} het aan u {sturen}."
VOORLOPIG = "Dit is {onze} voorlopige oordeel. {Wij} {nemen} pas een besluit nadat u kon reageren."

# Why: the ground of the decision in one sentence (inleiding) and its statutory basis (grondslag).
REDEN = {
    "a": "Er is ernstig gevaar dat de vergunning ook gebruikt zal worden om voordeel te halen uit strafbare feiten.",
    "b": "Er is ernstig gevaar dat de vergunning ook gebruikt zal worden om strafbare feiten te plegen.",
    "lid6": "Er zijn feiten die erop wijzen dat een strafbaar feit is gepleegd om de vergunning te krijgen of te "
            "houden.",
    "art4": "U heeft gegevens niet gegeven die de wet van u vraagt. De wet zegt dat er dan ernstig gevaar is.",
    "breach": "U heeft zich niet gehouden aan de voorschriften van de vergunning.",
    "lid7": "Er is gevaar dat de vergunning ook voor strafbare feiten gebruikt zal worden. Voorschriften kunnen dat "
            "gevaar beperken.",
}
GRONDSLAG = {
    "a": ["{Wij} {mogen} een vergunning weigeren of intrekken bij ernstig gevaar. Het gaat om gevaar dat zij ook "
          "gebruikt zal worden om voordeel te halen uit strafbare feiten.",
          "Dat staat in artikel 3, eerste lid, aanhef en onder a, van " + BIBOB + "."],
    "b": ["{Wij} {mogen} een vergunning weigeren of intrekken bij ernstig gevaar. Het gaat om gevaar dat zij ook "
          "gebruikt zal worden om strafbare feiten te plegen.",
          "Dat staat in artikel 3, eerste lid, aanhef en onder b, van " + BIBOB + "."],
    "lid6": ["{Wij} {mogen} een vergunning ook weigeren of intrekken na een strafbaar feit om haar te krijgen of "
             "te houden.", "Dat staat in artikel 3, zesde lid, van " + BIBOB + "."],
    "art4": ["Weigert iemand gegevens te geven die de wet vraagt, dan geldt dat als ernstig gevaar.",
             "Dat staat in artikel 4 van " + BIBOB + "."],
    "breach": ["Houdt de vergunninghouder zich niet aan de voorschriften, dan {mogen} {wij} de vergunning intrekken.",
               "Dat staat in artikel 3, zevende lid, van " + BIBOB + "."],
    "lid7": ["Bij een mindere mate van gevaar {mogen} {wij} voorschriften aan een vergunning verbinden.",
             "Die voorschriften nemen het gevaar weg of beperken het.",
             "Dat mag ook bij ernstig gevaar, als weigeren niet in verhouding staat tot dat gevaar.",
             "Dat staat in artikel 3, zevende lid, van " + BIBOB + "."],
}
EVENREDIG_WET = ("{Wij} {mogen} alleen weigeren of intrekken als dat in verhouding staat tot het gevaar. Dat staat "
                 "in artikel 3, vijfde lid, van " + BIBOB + ".")
REFUSED = {"intrekkingsonderzoek_7a_lid3": "U gaf niet de gegevens die {wij} voor {onze} onderzoek vroegen (artikel "
                                           "7a, derde lid, van " + BIBOB + ").",
           "lbb_12_lid3": "U gaf het LBB niet de aanvullende gegevens die het vroeg (artikel 12, derde lid, van "
                          + BIBOB + ")."}
BREACH = "Op {datum} {hebben} {wij} vastgesteld dat een voorschrift niet is nageleefd. Wat er gebeurde: {omschrijving}"

# The advice of the LBB, a reused advice, or the body's own investigation.
ADVIES_LBB = ["{Wij} {hebben} " + LBB + " op {gevraagd_op} om advies gevraagd (artikel 9 van " + BIBOB + ").",
              "Het LBB gaf advies op {advies_datum}. De conclusie van het LBB: {conclusie}."]
ADVIES_HERGEBRUIK = ["{Wij} {gebruiken} een eerder advies van " + LBB + " van {advies_datum}.",
                     "Dat mag, want het advies is niet ouder dan {hergebruik_jaren} (artikel 29 van " + BIBOB + ").",
                     "De feiten in dat advies zijn nog actueel. De conclusie van het LBB: {conclusie}."]
ADVIES_EIGEN = ["{Wij} {hebben} geen advies van " + LBB + " gevraagd.",
                "{Onze} conclusie volgt uit het eigen Bibob-onderzoek van de gemeente (artikel 7a van " + BIBOB + ")."]
ADVIES_ZELF = "Het LBB adviseert alleen over de mate van gevaar. Het besluit {nemen} {wij} zelf."
# Whether the body adopts the LBB's conclusion after verifying it (judgement advies_beoordeeld).
ADVIES_OORDEEL = {"overgenomen": "{Wij} {hebben} het advies gecontroleerd en {nemen} de conclusie van het LBB over.",
                  "afgeweken": "{Wij} {hebben} het advies gecontroleerd. {Wij} {wijken} af van de conclusie van het "
                               "LBB. Waarom, staat bij de afweging."}
CONCLUSIE = {"geen_gevaar": "er is geen gevaar", "mindere_mate": "er is een mindere mate van gevaar",
             "ernstig_gevaar_a": "er is ernstig gevaar dat de vergunning ook gebruikt zal worden om voordeel te halen "
                                 "uit strafbare feiten",
             "ernstig_gevaar_b": "er is ernstig gevaar dat de vergunning ook gebruikt zal worden om strafbare feiten "
                                 "te plegen",
             "art_3_lid_6": "er zijn feiten die erop wijzen dat een strafbaar feit is gepleegd om de vergunning te "
                            "krijgen of te houden"}

# The facts: only as far as the reasons need them (art. 28), each with its art. 3a character. An acquittal is
# never used (bibob.md §8.1); a sepot may be (it is no acquittal), but it is not an art. 3a fact.
FEITEN_LEAD = "{Wij} {baseren} {ons} op deze feiten. Er staan alleen feiten in die nodig zijn voor het besluit."
FEITEN_3A = "Deze feiten wijzen op een relatie met strafbare feiten (artikel 3a van " + BIBOB + "):"
FEITEN_SEPOT = ("Deze zaken zijn niet vervolgd (sepot). Een sepot is geen vrijspraak. Het feit mag daarom "
                "meewegen (artikel 3, tweede en derde lid, van " + BIBOB + "):")
FEIT = "{datum}: {delict}. Dit gaat over {persoon}. Het is {karakter}."
KARAKTER = {"veroordeling": "een veroordeling door de strafrechter",
            "strafbeschikking_onherroepelijk": "een onherroepelijke strafbeschikking",
            "transactie": "een transactie met het Openbaar Ministerie (artikel 74 van het Wetboek van Strafrecht)",
            "bestuurlijke_boete_onherroepelijk": "een onherroepelijke bestuurlijke boete",
            "boete_eerste_aanleg_in_stand": "een boete die de rechter in eerste aanleg in stand liet",
            "sepot": "een zaak die het Openbaar Ministerie niet vervolgde"}
ART_3A = ("veroordeling", "strafbeschikking_onherroepelijk", "transactie", "bestuurlijke_boete_onherroepelijk",
          "boete_eerste_aanleg_in_stand")
RELATIE = ("{persoon} is {rol} van {bedrijf}. Zo staat u in relatie tot deze feiten (artikel 3, vierde lid, van "
           + BIBOB + ").")
ROL = {"leidinggevende": "leidinggevende", "zeggenschaphebbende": "iemand met zeggenschap",
       "vermogensverschaffer": "financier (vermogensverschaffer)", "zakelijk_partner": "zakelijk partner"}
ONDERZOEK_LEAD = "Uit het eigen Bibob-onderzoek van de gemeente blijkt dit:"
ONDERZOEK = "{datum}, {bron}: {bevinding}"
BRON = {"open_bronnen": "open bronnen", "fiscale_boetes": "gegevens over fiscale boetes",
        "lbb_11a": "een opgave van het LBB over eerdere conclusies (artikel 11a van " + BIBOB + ")",
        "politie": "informatie van de politie", "riec": "informatie van het RIEC", "overig": "een andere bron"}
GEEN_FEITEN = "Er zijn geen feiten die wijzen op een relatie met strafbare feiten."

# The weighing, each as the question a recorded judgement answers (rules/bibob/index.yaml judgements).
OORDELEN = {
    "advies_beoordeeld": "Hoe {hebben} {wij} het advies zelf gecontroleerd?",
    "eigen_conclusie": "Wat blijkt uit het eigen onderzoek?",
    "mate_van_gevaar": "Hoe groot is het gevaar?",
    "overtreding_voorschriften": "Hoe is de overtreding van de voorschriften vastgesteld?",
    "evenredig_3_lid_5": "Staat het besluit in verhouding tot het gevaar? En waarom zijn voorschriften niet genoeg?",
    "voorschriften": "Kunnen voorschriften het gevaar wegnemen of beperken?",
    "bijzondere_omstandigheden": "Zijn er bijzondere omstandigheden (artikel 4:84 van " + AWB + ")?",
}
MATE = "{Onze} conclusie over de mate van gevaar: {mate}."
MATE_WOORD = {"ernstig_gevaar_a": "ernstig gevaar (artikel 3, eerste lid, onder a)",
              "ernstig_gevaar_b": "ernstig gevaar (artikel 3, eerste lid, onder b)",
              "art_3_lid_6": "een strafbaar feit om de vergunning te krijgen of te houden (artikel 3, zesde lid)",
              "mindere_mate": "een mindere mate van gevaar (artikel 3, zevende lid)",
              "ernstig_gevaar_art_4": "ernstig gevaar, omdat gevraagde gegevens niet zijn gegeven (artikel 4)",
              "geen": "geen gevaar"}
GEEN_BEZWAAR_GEVAAR = "{Wij} {vinden} geen gevaar dat in de weg staat aan de vergunning."
VERLENING_ONDERZOCHT = ("{Wij} {onderzochten} of de vergunning ook voor strafbare feiten gebruikt zou kunnen worden. "
                        "Dat staat in artikel 3 van " + BIBOB + ".")
AFWIJKING = "In dit geval {wijken} {wij} af van het beleid (artikel 4:84 van " + AWB + "). De reden: {reden}"

# The conditions (art. 3 lid 7) and what follows a breach.
VOORSCHRIFTEN_LEAD = {"voornemen": "{Wij} {willen} deze voorschriften aan de vergunning verbinden:",
                      "besluit": "{Wij} {verbinden} deze voorschriften aan de vergunning:"}
VOORSCHRIFT = "Voorschrift {nummer}: {tekst}"
NALEVING = ["Houdt u zich niet aan een voorschrift? Dan {kunnen} {wij} de vergunning intrekken.",
            "Dat staat in artikel 3, zevende lid, van " + BIBOB + ". {Wij} {horen} u dan eerst.",
            "{Wij} {kunnen} de voorschriften later ook wijzigen als het gevaar verandert."]

# The art. 33 hearing: the invitation in a voornemen.
ZIENSWIJZE = ["Voordat {wij} een besluit {nemen}, mag u {ons} vertellen wat u van dit plan vindt. Dat heet een "
              "zienswijze.", "Dat staat in artikel 33 van " + BIBOB + ".",
              "Daarbij gelden artikel 4:9 tot en met 4:12 van " + AWB + ".",
              "Geef uw zienswijze uiterlijk {zienswijze_tot}. Dat kan schriftelijk of mondeling.",
              "Schriftelijk reageren? Stuur een brief aan {adres_orgaan}. Noem daarin ons kenmerk {kenmerk}.",
              "Mondeling reageren? Maak dan een afspraak met {behandeld_door}.",
              "U mag zich laten helpen door een advocaat of door iemand anders die u vertrouwt."]
ZIENSWIJZE_DERDE = "U staat in het voorgenomen besluit. Daarom mag u ook een zienswijze geven."
OOK_DERDE = ("{Wij} {geven} ook {derde} de gelegenheid om te reageren. {derde} krijgt alleen het deel van het advies "
             "dat over hem of haar gaat.")
ALLEEN_U = "Deze brief gaat alleen naar u."

# The hearing answered in the besluit: every zienswijze of the aanvrager and of each named derde.
GEHOORD = "Voordat {wij} dit besluit {namen}, kon u een zienswijze geven (artikel 33 van " + BIBOB + ")."
GEHOORD_DERDEN = "Ook {derden} konden een zienswijze geven over het deel dat over hen gaat."
ZIENSWIJZE_EIGEN = "U gaf op {datum} {wijze} uw zienswijze. In het kort: {samenvatting}"
ZIENSWIJZE_ANDER = "{naam} gaf op {datum} {wijze} een zienswijze. In het kort: {samenvatting}"
REACTIE = "{Onze} reactie: {reactie}"
NIET_ONTVANGEN = "{Wij} {hebben} geen zienswijze ontvangen."
VERWERKT = "Wat {hebben} {wij} met de zienswijzen gedaan? {reasoning}"
UITZONDERING = {
    "spoed_4_11_a": "Er was spoed. Dat mag volgens artikel 4:11, onder a, van " + AWB + ".",
    "eerder_gehoord_4_11_b": "U kon al eerder uw zienswijze geven. Sindsdien is er niets nieuws gebeurd. Dat mag "
                             "volgens artikel 4:11, onder b, van " + AWB + ".",
}
NIET_GEHOORD = "{Wij} {hoorden} u vooraf niet. De reden: {reden}"

# The first paragraph: what is decided, for whom and from when (letters.md §9).
INLEIDING = {
    "voornemen_weigering": ["{Wij} {zijn} van plan uw aanvraag voor een {vergunning} voor {bedrijf} te weigeren.",
                            "U mag eerst reageren. Daarna {nemen} {wij} een besluit."],
    "voornemen_intrekking": ["{Wij} {zijn} van plan uw {vergunning} voor {bedrijf} in te trekken.",
                             "U mag eerst reageren. Daarna {nemen} {wij} een besluit."],
    "voornemen_voorschriften": ["{Wij} {zijn} van plan u de {vergunning} voor {bedrijf} te verlenen. Wel met "
                                "voorschriften.", "U mag eerst reageren. Daarna {nemen} {wij} een besluit."],
    "weigering": ["{Wij} {weigeren} uw aanvraag voor een {vergunning} voor {bedrijf}."],
    "intrekking": ["{Wij} {trekken} uw {vergunning} voor {bedrijf} in."],
    "verlening_met_voorschriften": ["{Wij} {verlenen} u de {vergunning} voor {bedrijf}.",
                                    "U moet zich wel houden aan de voorschriften in deze brief."],
    "verlening": ["{Wij} {verlenen} u de {vergunning} voor {bedrijf}."],
    "buiten_behandeling": ["{Wij} {behandelen} uw aanvraag voor een {vergunning} voor {bedrijf} niet.",
                           "De reden: er ontbreken gegevens die u moest geven."],
}
GEEN_GEVAAR_INLEIDING = "Het Bibob-onderzoek staat de vergunning niet in de weg."
