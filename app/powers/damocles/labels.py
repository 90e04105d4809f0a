"""Dutch words for the Damocles case file: its fields and its codes (the power's own label namespace)."""

from __future__ import annotations

LABELS: dict[str, str] = {
    # premises
    "woning": "Woning", "lokaal": "Lokaal (geen woning)", "erf_bij_woning": "Erf bij een woning",
    "erf_bij_lokaal": "Erf bij een lokaal", "voertuig": "Voertuig", "openbare_ruimte": "Openbare ruimte",
    "horeca": "Horeca", "coffeeshop": "Coffeeshop", "bedrijfspand": "Bedrijfspand", "loods": "Loods",
    "niet_bewoonde_woning": "Niet-bewoonde woning", "overig": "Overig",
    # what was found
    "lijst_i": "Lijst I (harddrugs)", "lijst_ii": "Lijst II (softdrugs)", "lijst_ia": "Lijst IA (stofgroepen)",
    "art_3a_lid_5": "Aangewezen op grond van art. 3a lid 5",
    "g": "gram", "units": "stuks (pillen)", "plants": "planten (ook stekken)", "ml": "milliliter",
    "art_10a_lid1_sub3": "Art. 10a lid 1 onder 3° Opiumwet", "art_10c_lid1_sub3": "Art. 10c lid 1 onder 3° Opiumwet",
    "art_11a": "Art. 11a Opiumwet",
    "politie_observatie": "Observatie door de politie", "loop": "Loop naar het pand",
    "mma_melding_bevestigd": "Bevestigde Meld Misdaad Anoniem-melding",
    "verklaring_betrokkene": "Verklaring van een betrokkene",
    "verklaring_derden": "Verklaring van derden",
    "weegschaal": "Weegschaal", "verpakkingsmateriaal": "Verpakkingsmateriaal", "contant_geld": "Contant geld",
    "meerdere_telefoons": "Meerdere telefoons", "versnijdingsmiddel": "Versnijdingsmiddel",
    "kweekbenodigdheden": "Kweekbenodigdheden", "geldtelmachine": "Geldtelmachine",
    # people and risks
    "self": "De bewoner zelf", "partner": "Partner", "ex_partner": "Ex-partner", "adult_child": "Meerderjarig kind",
    "minor_child": "Minderjarig kind", "third_party": "Iemand anders",
    "huurder_onwetend": "Huurder die van niets wist", "eigenaar_bewoner": "Eigenaar-bewoner",
    "verhuurder_eigenaar": "Verhuurder of eigenaar", "particulier": "Particuliere verhuurder",
    "none": "Geen", "possible": "Mogelijk", "announced": "Aangekondigd",
    "geen_actie": "Geen actie",
    # case-file fields
    "premises_type": "Soort pand", "lokaal_subtype": "Soort lokaal", "medical_practice_use": "Praktijkruimte (lid 2)",
    "person_who_dealt": "Wie handelde", "resident_role": "Rol van de bewoner",
    "minors_in_household": "Minderjarigen in het huishouden", "vulnerable_residents": "Kwetsbare bewoners",
    "pets_present": "Huisdieren", "landlord_kind": "Soort verhuurder",
    "lease_dissolution_risk": "Risico op ontbinding huurovereenkomst", "blacklist_risk": "Risico op zwarte lijst",
    "alternative_housing_available": "Vervangende woonruimte beschikbaar",
    "gezinsvoorziening_offered": "Gezinsvoorziening aangeboden", "bekendheid_drugsmilieu": "Bekend in het drugsmilieu",
    "complaints_count": "Aantal klachten over het pand", "sensitive_area": "Gevoelige omgeving (school, speelplaats)",
    "eigen_gebruik_explanation": "Beroep op eigen gebruik", "weapon_found": "Wapen aangetroffen",
    # derived facts, as the rules' trace shows them
    "premises_class": "Soort pand volgens het beleid", "drugs_found": "Drugs gevonden",
    "hard_drugs_g": "Harddrugs in totaal (gram)",
    "max_hard_substance_g": "Grootste hoeveelheid van één harddrug (gram)",
    "hard_drugs_units": "Harddrugs in totaal (stuks)", "soft_drugs_g": "Softdrugs in totaal (gram)",
    "max_soft_substance_g": "Grootste hoeveelheid van één softdrug (gram)", "cannabis_plants": "Hennepplanten",
    "lijst_ia_present": "Stof van lijst IA gevonden", "lijst_ia_g": "Lijst IA in totaal (gram)",
    "lijst_ia_units": "Lijst IA in totaal (stuks)", "drug_class": "Soort drugs volgens het beleid",
    "objects_art_10a_present": "Voorwerpen als bedoeld in art. 10a", "objects_art_11a_present":
        "Voorwerpen als bedoeld in art. 11a", "objects_art_10c_present": "Voorwerpen als bedoeld in art. 10c",
    "dealing_evidence_present": "Bewijs van handel", "dealing_attributes_found": "Handelsattributen gevonden",
    "offence": "Hoeveelste overtreding", "finding_age_days": "Dagen sinds de vondst",
    "harddrugs": "Harddrugs", "softdrugs": "Softdrugs", "geen": "Geen", "buiten_13b": "Valt buiten art. 13b",
    "eerste": "Eerste", "tweede": "Tweede", "derde_of_later": "Derde of latere",
    "dealing_evidence": "Bewijs van handel", "attributes_found": "Aangetroffen attributen",
    # what the rules refer to and the proportionality factors they flag
    "bewoner_onwetend": "Bewoner wist van niets", "coffeeshopbeleid": "Coffeeshopbeleid",
    "ex_partner_dealde": "Ex-partner dealde",
    "geen_signalen_handel_vanuit_pand": "Geen signalen van handel vanuit het pand",
    "geen_vervangende_woonruimte": "Geen vervangende woonruimte", "gemeentewet_174a": "Art. 174a Gemeentewet",
    "gevoelige_omgeving": "Gevoelige omgeving", "gezinssituatie_onbekend": "Gezinssituatie onbekend",
    "gezinsvoorziening_aangeboden": "Gezinsvoorziening aangeboden", "huisdieren": "Huisdieren",
    "klachten": "Klachten over het pand", "kwetsbare_bewoners": "Kwetsbare bewoners",
    "minderjarig_kind_dealde": "Minderjarig kind dealde", "minderjarigen": "Minderjarigen in het huishouden",
    "ontbindingsrisico_onbekend": "Risico op ontbinding van de huur onbekend",
    "persoon_die_dealde_niet_bewoner": "Wie dealde, woont er niet", "straathandel": "Straathandel",
    "woningcorporatie_ontbinding": "Woningcorporatie: ontbinding van de huur",
    "zwarte_lijst": "Zwarte lijst van woningcorporaties",
}
