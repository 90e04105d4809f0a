"""The words of the reasons in a Bibob letter to the aanvrager: the facts, the degree of danger and the weighing.
Same voice placeholders as phrases.py ({wij}, {ons}, {onze}, {ons_het} and the verbs of phrases.VERBS).

Minimisation (art. 28 lid 2 onder a Wet Bibob, art. 10 AVG): a fact or finding is printed only when the jurist
marked it as needed for the reasons, and a person other than the aanvrager is named only when he is a derde who is
heard in this procedure; anyone else appears by his role ("een leidinggevende van de onderneming").
"""

from __future__ import annotations

from app.powers.bibob.phrases import AWB, BIBOB

# The facts, each with its art. 3a character. An acquittal is never used (bibob.md §8.1). A sepot is no art. 3a
# fact: the letter weighs the underlying facts as the body assessed them (art. 3 lid 2 or 3).
FEITEN_LEAD = "{Wij} {noemen} hier alleen de feiten waarop {wij} {ons} {baseren}."
FEITEN_3A = "Deze feiten wijzen op een relatie met strafbare feiten (artikel 3a van " + BIBOB + "):"
FEIT = "{datum}: {delict}. Dit gaat over {persoon}. Het is {karakter}."
KARAKTER = {"veroordeling": "een veroordeling door de strafrechter",
            "strafbeschikking_onherroepelijk": "een onherroepelijke strafbeschikking",
            "transactie": "een transactie met het Openbaar Ministerie (artikel 74 van het Wetboek van Strafrecht)",
            "bestuurlijke_boete_onherroepelijk": "een onherroepelijke bestuurlijke boete",
            "boete_eerste_aanleg_in_stand": "een boete die de rechter in eerste aanleg in stand liet"}
SEPOT = "sepot"
SEPOT_LEAD = "Deze zaken heeft het Openbaar Ministerie niet vervolgd (sepot):"
SEPOT_FEIT = ["{datum}: {delict}. Dit gaat over {persoon}. Het is {soort}.",
              "Een sepot sluit niet uit dat {wij} de onderliggende feiten {meewegen}.",
              "{Wij} {hebben} het proces-verbaal zelf beoordeeld: {beoordeling}",
              "Die feiten doen redelijkerwijs vermoeden dat er een relatie is met strafbare feiten ({lid})."]
SEPOT_SOORT = {"beleidssepot": "een beleidssepot", "technisch_sepot": "een technisch sepot"}
SEPOT_ONBEKEND = "een sepot"
# Which paragraph of art. 3 the degree of danger rests on: lid 2 for ground a, lid 3 for ground b.
LID = {"a": "artikel 3, tweede lid, van " + BIBOB, "b": "artikel 3, derde lid, van " + BIBOB}
LID_ALGEMEEN = "artikel 3 van " + BIBOB
# Art. 3 lid 4: how the aanvrager relates to a fact about someone else. A heard derde by name, anyone else by role.
RELATIE = ("{persoon} is {rol} {bedrijf}. Zo staat u in relatie tot deze feiten (artikel 3, vierde lid, van "
           + BIBOB + ").")
RELATIE_ROL = "Zo staat u via {persoon} in relatie tot deze feiten (artikel 3, vierde lid, van " + BIBOB + ")."
ROL = {"leidinggevende": "leidinggevende van", "zeggenschaphebbende": "iemand met zeggenschap in",
       "vermogensverschaffer": "financier (vermogensverschaffer) van", "zakelijk_partner": "zakelijk partner van"}
ROL_PERSOON = {"leidinggevende": "een leidinggevende van de onderneming",
               "zeggenschaphebbende": "iemand met zeggenschap in de onderneming",
               "vermogensverschaffer": "een financier (vermogensverschaffer) van de onderneming",
               "zakelijk_partner": "een zakelijk partner van de onderneming"}
IEMAND = "iemand die bij de onderneming betrokken is"
ONDERZOEK_LEAD = "Uit het eigen Bibob-onderzoek van de gemeente blijkt dit:"
ONDERZOEK = "{datum}, {bron}: {bevinding}"
BRON = {"open_bronnen": "open bronnen", "fiscale_boetes": "gegevens over fiscale boetes",
        "lbb_11a": "een opgave van het LBB over eerdere conclusies (artikel 11a van " + BIBOB + ")",
        "politie": "informatie van de politie", "riec": "informatie van het RIEC", "overig": "een andere bron"}
GEEN_FEITEN = "Er zijn geen feiten die wijzen op een relatie met strafbare feiten."
NIETS_GENOEMD = "{Wij} {noemen} in deze brief geen afzonderlijke feiten. De afweging hieronder geeft de redenen."

# The degree of danger as the body judged it (mate_van_gevaar): provisional in a voornemen.
CONCLUSIE_WOORD = {"voornemen": "{Onze} voorlopige conclusie", "besluit": "{Onze} conclusie"}
MATE = "{conclusie_woord}: {mate}."
MATE_WOORD = {"ernstig_gevaar_a": "er is ernstig gevaar dat de vergunning ook gebruikt zal worden om voordeel te "
                                  "halen uit strafbare feiten",
              "ernstig_gevaar_b": "er is ernstig gevaar dat de vergunning ook gebruikt zal worden om strafbare "
                                  "feiten te plegen",
              "art_3_lid_6": "feiten doen redelijkerwijs vermoeden dat een strafbaar feit is gepleegd om de "
                             "vergunning te krijgen of te houden",
              "mindere_mate": "er is een mindere mate van gevaar",
              "ernstig_gevaar_art_4": "er is ernstig gevaar, omdat gevraagde gegevens niet zijn gegeven",
              "geen": "er is geen gevaar in de zin van " + BIBOB}
MATE_ARTIKEL = {"ernstig_gevaar_a": "Dat is grond a van artikel 3, eerste lid, van " + BIBOB + ".",
                "ernstig_gevaar_b": "Dat is grond b van artikel 3, eerste lid, van " + BIBOB + ".",
                "art_3_lid_6": "Dat staat in artikel 3, zesde lid, van " + BIBOB + ".",
                "mindere_mate": "Dat staat in artikel 3, zevende lid, van " + BIBOB + ".",
                "ernstig_gevaar_art_4": "Dat staat in artikel 4 van " + BIBOB + "."}
# The criteria the degree of danger rests on (art. 3 lid 2 for ground a, lid 3 for ground b; danger_criteria).
CRITERIUM = {"samenhang": "Samenhang met wat de vergunning toestaat: {tekst}",
             "ernst": "Ernst van het vermoeden: {tekst}", "relatie": "Aard van de relatie: {tekst}",
             "voordeel": "Omvang van het voordeel: {tekst}", "aantal": "Aantal strafbare feiten: {tekst}"}
CRITERIA_PER_GROND = {"a": ("ernst", "relatie", "voordeel"), "b": ("samenhang", "ernst", "relatie", "aantal")}
CRITERIA_BRON = {"a": "Deze punten noemt artikel 3, tweede lid, van " + BIBOB + ".",
                 "b": "Deze punten noemt artikel 3, derde lid, van " + BIBOB + ".",
                 "": "Deze punten noemen artikel 3, tweede en derde lid, van " + BIBOB + "."}

# The weighing, each judgement stated as the body's own finding (never the question it answers).
ADVIES_GECONTROLEERD = "Zo {hebben} {wij} het advies zelf gecontroleerd: {reasoning}"
AFWIJKEN = "{Wij} {wijken} daarmee af van de conclusie van het LBB. De reden: {reasoning}"
AFWIJKEN_ONDERDELEN = "{Wij} {wijken} op onderdelen af van het advies. De reden: {reasoning}"
OORDELEN = {
    "eigen_conclusie": "Dit blijkt uit het eigen onderzoek: {reasoning}",
    "mate_van_gevaar": "Zo {hebben} {wij} de mate van gevaar bepaald: {reasoning}",
    "overtreding_voorschriften": "Zo {hebben} {wij} de overtreding van de voorschriften vastgesteld: {reasoning}",
    "voorschriften": "De voorschriften nemen het gevaar weg of beperken het voldoende. De reden: {reasoning}",
    "bijzondere_omstandigheden": "Over bijzondere omstandigheden (artikel 4:84 van " + AWB + "): {reasoning}",
}
# Art. 3 lid 5: a refusal or withdrawal in proportion to the danger; a withdrawal weighs the holder's interests.
EVENREDIG = ["Het {besluit_woord} staat in verhouding tot het gevaar. Voorschriften zijn niet genoeg.",
             "De reden: {reasoning}"]
BELANG_HOUDER = ("{Wij} {hebben} uw belangen als vergunninghouder afgewogen tegen het gevaar (artikel 3, vijfde lid, "
                 "van " + BIBOB + ").")
# Art. 3 lid 7, second sentence: conditions despite serious danger say why a refusal would be disproportionate.
ONEVENREDIG = ["Er is ernstig gevaar. Toch {weigeren} {wij} de vergunning niet.",
               "Weigeren staat niet in verhouding tot dat gevaar (artikel 3, vijfde en zevende lid, van " + BIBOB
               + ").", "{Wij} {verbinden} er daarom voorschriften aan. De reden: {reasoning}"]
GEEN_BEZWAAR_GEVAAR = "Er is geen gevaar dat de vergunning in de weg staat."
VERLENING_ONDERZOCHT = ("{Wij} {hebben} onderzocht of de vergunning ook voor strafbare feiten gebruikt zou kunnen "
                        "worden. Dat staat in artikel 3 van " + BIBOB + ".")
AFWIJKING = "In dit geval {wijken} {wij} af van het beleid (artikel 4:84 van " + AWB + "). De reden: {reden}"
