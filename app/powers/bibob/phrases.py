"""The words of the Bibob letters (B1 Dutch, sentences of at most 20 words).

The deciding body writes: the college as "wij", the burgemeester as "ik" (never "ik, de burgemeester" where the
college decides, legal-review-damocles.md "Design risks"). A phrase is written once, in the college's voice, with
placeholders for the words that change: {wij}/{Wij}, {ons} (object), {onze}/{Onze} (before a de-word),
{ons_het} (before a het-word: "ons onderzoek", "mijn onderzoek") and every verb in VERBS (its "wij" form as the
key, e.g. {weigeren} gives "weigeren" or "weiger"); words.voice() fills them. Data placeholders ({bedrijf},
{vergunning}, ...) come from words.words_for(). Values are plain text; render.py escapes.

The letters state their legal basis positively. Article 30 of the Wet Bibob (forms, refusal to give data) no
longer exists since 2024; its function sits in art. 7a, art. 4 and Awb 4:5 (bibob.md §1.1), so it is never cited.
The facts and the weighing are in phrases_reasons, the procedure, the secrecy and the derde in phrases_procedure.
"""

from __future__ import annotations

AANVRAGER, DERDE = "aanvrager", "derde"
ADDRESSEE = {AANVRAGER: AANVRAGER, DERDE: DERDE}
BIBOB = "de Wet Bibob"
AWB = "de Algemene wet bestuursrecht"
LBB = "het Landelijk Bureau Bibob (LBB)"
GEMEENTE = "Maastricht"
POSTADRES = "Postbus 1992, 6201 BZ Maastricht"

# The "wij" form of a verb and the "ik" form (present and past tense; "meewegen" in a subordinate clause).
VERBS = {
    "hebben": "heb", "zijn": "ben", "weigeren": "weiger", "trekken": "trek", "verlenen": "verleen",
    "verbinden": "verbind", "vragen": "vraag", "nemen": "neem", "volgen": "volg", "vinden": "vind",
    "kunnen": "kan", "willen": "wil", "geven": "geef", "baseren": "baseer", "behandelen": "behandel",
    "mogen": "mag", "moeten": "moet", "noemen": "noem", "beoordelen": "beoordeel", "gebruiken": "gebruik",
    "laten": "laat", "horen": "hoor", "wachten": "wacht", "controleren": "controleer", "sturen": "stuur",
    "namen": "nam", "vroegen": "vroeg", "kregen": "kreeg", "hoorden": "hoorde", "wegen": "weeg",
    "wijken": "wijk", "meewegen": "meeweeg", "beantwoorden": "beantwoord",
}
PERSON = {
    "wij": {"wij": "wij", "Wij": "Wij", "ons": "ons", "onze": "onze", "Onze": "Onze", "ons_het": "ons"},
    "ik": {"wij": "ik", "Wij": "Ik", "ons": "mij", "onze": "mijn", "Onze": "Mijn", "ons_het": "mijn"},
}
ORGAAN = {"college": "het college van burgemeester en wethouders van " + GEMEENTE,
          "burgemeester": "de burgemeester van " + GEMEENTE}
# Where a written zienswijze goes: the body that decides.
ADRES_ORGAAN = {body: f"{name}, {POSTADRES}" for body, name in ORGAAN.items()}
# The remedy clause of the deciding body (letter_templates/clauses/rechtsmiddelen.yaml).
CLAUSE = {"college": "bezwaar_college", "burgemeester": "bezwaar_en_voorlopige_voorziening"}
# The Maastricht Bibob policy (parameter beleidsregel_bibob), once confirmed: its article and published title.
BELEID_ZIN = "{Wij} {volgen} daarbij {beleid}."

VERGUNNING = {"exploitatievergunning_horeca": "exploitatievergunning voor een horecabedrijf",
              "alcoholwet_vergunning": "alcoholvergunning",
              "speelautomatenhal": "vergunning voor een speelautomatenhal",
              "seksinrichting": "exploitatievergunning voor een seksinrichting",
              "omgevingsvergunning": "omgevingsvergunning", "overig": "vergunning"}
# The regulation each permit comes from, by name: only where no confirmed parameter gives the article (the
# drafting refuses a voornemen or besluit until grondslag_per_vergunning is confirmed; policy.proposal).
REGELING = {"exploitatievergunning_horeca": "de Algemene plaatselijke verordening (APV) van Maastricht",
            "alcoholwet_vergunning": "de Alcoholwet", "speelautomatenhal": "de Wet op de kansspelen",
            "seksinrichting": "de Algemene plaatselijke verordening (APV) van Maastricht",
            "omgevingsvergunning": "de Omgevingswet"}
REGELING_WABO = "de Wet algemene bepalingen omgevingsrecht (Wabo)"
VERORDENING = ("exploitatievergunning_horeca", "seksinrichting")  # by-law permits: Wet Bibob art. 7
BERUST_ZIN = "De {vergunning} berust op {grondslag}."  # the confirmed parameter grondslag_per_vergunning
REGELING_ZIN = "De {vergunning} is geregeld in {regeling}."
ARTIKEL_7 = "Voor een vergunning uit een gemeentelijke verordening geldt dit via artikel 7 van " + BIBOB + "."
# The omgevingsvergunning's own hook to art. 3 Wet Bibob (legal review finding 4, review 2 finding 2): under the
# Omgevingswet the part of art. 5.31 lid 1 differs per activity ("onder a" is only the bouwactiviteit), so the letter
# prints the citation a beheerder confirmed (grondslag_per_vergunning, key omgevingsvergunning_weigering); the
# Wabo's art. 2.20 lid 1 before 2024. The basis for withdrawing an omgevingsvergunning is still to confirm with
# juridische zaken: the kit refuses a withdrawal until the parameter gives it (key omgevingsvergunning_intrekking).
WEIGEREN_OMGEVINGSVERGUNNING = ("{Wij} {mogen} de omgevingsvergunning weigeren in de gevallen van artikel 3 van "
                                + BIBOB + ".")
OMGEVINGSWET_BIBOB = "Dat staat in {grondslag}."
WABO_BIBOB = "Dat staat in artikel 2.20, eerste lid, van de Wet algemene bepalingen omgevingsrecht."
INTREKKEN_OMGEVINGSVERGUNNING = ("{Wij} {mogen} de omgevingsvergunning intrekken op grond van {grondslag}, in de "
                                 "gevallen van artikel 3 van " + BIBOB + ".")

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
ONDERWERP_DERDE_BESLUIT = "Besluit op grond van de Wet Bibob, {bedrijf}"

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
    "verlening_met_voorschriften": "{Wij} {verlenen} {aanvrager} de {vergunning} voor {bedrijf}, {adres}, met "
                                   "voorschriften.",
    "verlening": "{Wij} {verlenen} {aanvrager} de {vergunning} voor {bedrijf}, {adres}.",
    "buiten_behandeling": "{Wij} {laten} de aanvraag van {aanvrager} voor een {vergunning} voor {bedrijf} buiten "
                          "behandeling.",
}
AANVRAAG = "Het gaat om uw aanvraag van {aanvraag_datum}{aanvraag_kenmerk}."
BESTAANDE_VERGUNNING = "Het gaat om de vergunning van {vergunning_datum}{vergunning_kenmerk}."
INGANG = "Dit besluit geldt vanaf {ingangsdatum}."
INGANG_VERZENDING = "Dit besluit geldt vanaf de dag waarop {wij} het aan u {sturen}."
# A withdrawal takes effect on the day the jurist chose (withdrawal_effective_on), with what follows from it.
INGANG_INTREKKING = ["Dit besluit gaat in op {ingangsdatum}. Vanaf die dag heeft u geen vergunning meer voor "
                     "{bedrijf}.",
                     "Gaat u daarna toch door met wat de vergunning toestond? Dan overtreedt u de regels.",
                     "{Wij} {kunnen} dan optreden, bijvoorbeeld met een last onder dwangsom of bestuursdwang."]
VOORLOPIG = "Dit is {ons_het} voorlopig oordeel. {Wij} {nemen} pas een besluit nadat u kon reageren."

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
    "lid7_ernstig": "Er is ernstig gevaar dat de vergunning ook voor strafbare feiten gebruikt zal worden. Weigeren "
                    "is te zwaar. Voorschriften kunnen dat gevaar beperken.",
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
             "Dat staat in artikel 3, zevende lid, van " + BIBOB + "."],
    "lid7_ernstig": ["Bij ernstig gevaar {mogen} {wij} een vergunning weigeren. Maar alleen als dat in verhouding "
                     "staat tot het gevaar.",
                     "Is weigeren te zwaar? Dan {mogen} {wij} voorschriften verbinden die het gevaar beperken.",
                     "Dat staat in artikel 3, eerste, vijfde en zevende lid, van " + BIBOB + "."],
}
EVENREDIG_WET = ("{Wij} {mogen} alleen weigeren of intrekken als dat in verhouding staat tot het gevaar. Dat staat "
                 "in artikel 3, vijfde lid, van " + BIBOB + ".")
REFUSED = {"intrekkingsonderzoek_7a_lid3": "U gaf niet de gegevens die {wij} voor {ons_het} onderzoek {vroegen} "
                                           "(artikel 7a, derde lid, van " + BIBOB + ").",
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
# Whether the body adopts the LBB's conclusion after verifying it (judgement advies_beoordeeld); the reasons of a
# departure are printed with the weighing (phrases_reasons.AFWIJKEN).
ADVIES_OORDEEL = {"overgenomen": "{Wij} {hebben} het advies gecontroleerd en {nemen} de conclusie van het LBB over.",
                  "afgeweken": "{Wij} {hebben} het advies gecontroleerd. {Wij} {wijken} af van het advies. De reden "
                               "staat bij de afweging."}
CONCLUSIE = {"geen_gevaar": "er is geen gevaar in de zin van " + BIBOB,
             "mindere_mate": "er is een mindere mate van gevaar",
             "ernstig_gevaar_a": "er is ernstig gevaar dat de vergunning ook gebruikt zal worden om voordeel te halen "
                                 "uit strafbare feiten",
             "ernstig_gevaar_b": "er is ernstig gevaar dat de vergunning ook gebruikt zal worden om strafbare feiten "
                                 "te plegen",
             "art_3_lid_6": "er zijn feiten die erop wijzen dat een strafbaar feit is gepleegd om de vergunning te "
                            "krijgen of te houden"}

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

# The conditions (art. 3 lid 7) and what follows a breach.
VOORSCHRIFTEN_LEAD = {"voornemen": "{Wij} {willen} deze voorschriften aan de vergunning verbinden:",
                      "besluit": "{Wij} {verbinden} deze voorschriften aan de vergunning:"}
VOORSCHRIFT = "Voorschrift {nummer}: {tekst}"
NALEVING = ["Houdt u zich niet aan een voorschrift? Dan {kunnen} {wij} de vergunning intrekken.",
            "Dat staat in artikel 3, zevende lid, van " + BIBOB + ". {Wij} {horen} u dan eerst.",
            "{Wij} {kunnen} de voorschriften later ook wijzigen als het gevaar verandert."]
