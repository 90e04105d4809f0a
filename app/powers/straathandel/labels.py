"""Dutch words for the straathandel case file, facts, parameters and codes (the power's own label namespace)."""

from __future__ import annotations

LABELS: dict[str, str] = {
    # roles and places
    "verkoper": "Verkoper", "koper": "Koper", "bemiddelaar": "Bemiddelaar", "behulpzaam": "Behulpzaam bij de handel",
    "openbare_plaats": "Openbare plaats", "weg": "Op of aan de weg",
    "voertuig_op_weg": "In of op een voertuig op de weg",
    "woning": "Woning",
    "lokaal": "Lokaal (zoals een café of winkel)", "overig": "Andere plaats",
    # substances and what was found
    "lijst_i": "Lijst I Opiumwet (harddrugs)", "lijst_ii": "Lijst II Opiumwet (softdrugs)",
    "gelijkende_waar": "Op drugs gelijkende waar", "gebruikershoeveelheid": "Gebruikershoeveelheid",
    "handelsverpakkingen": "Handelsverpakkingen (bolletjes, zakjes)", "contant_geld": "Contant geld",
    "meerdere_telefoons": "Meerdere telefoons", "politie": "Politie", "boa": "Boa (handhaver)",
    # repetition and family
    "eerdere_registratie": "Eerdere registratie voor drugshandel", "aanwezig_op_hotspot": "Vaker gezien op een hotspot",
    "eerdere_waarschuwing": "Eerder gewaarschuwd", "hoeveelheid_geld_of_verpakkingen": "Veel geld of verpakkingen",
    "ouder": "Ouder", "voogd": "Voogd",
    "per_dag": "Per dag (meer constateringen op één dag zijn één overtreding)",
    "per_constatering": "Per constatering",
    # measures and findings
    "last_onder_dwangsom": "Last onder dwangsom", "invordering": "Invordering van de dwangsom",
    "geen_actie": "Geen actie",
    "gemeentewet_172b": "Last aan de ouders van een kind onder de twaalf (art. 172b Gemeentewet)",
    "geen_handelsgedrag": "Geen overdracht of contacten beschreven",
    "verslag_niet_op_ambtseed": "Verslag niet op ambtseed",
    "identiteit_niet_vastgesteld": "Identiteit niet vastgesteld",
    "halvering_minderjarige": "Jonger dan zestien: lager bedrag en maximum",
    "geen_aanwijzingen_herhaling": "Geen aanwijzingen voor herhaling in het dossier",
    # facts
    "apv_norm_present": "De APV bevat een straathandelnorm", "apv_covers_acquiring": "De norm dekt verwerven (koper)",
    "apv_covers_vehicle": "De norm dekt voertuigen", "apv_covers_lookalike": "De norm dekt gelijkende waar",
    "location_type": "Soort plaats", "dealing_role": "Rol", "conduct_observed": "Overdracht of contacten waargenomen",
    "report_on_oath": "Op ambtseed vastgelegd", "substance_class": "Soort middel",
    "identity_established": "Identiteit vastgesteld", "age_at_observation_years": "Leeftijd bij de waarneming",
    "resident_abroad": "Woont in het buitenland", "repetition_indicators_present": "Aanwijzingen voor herhaling",
    "income_known": "Inkomen bekend", "running_order_same_role": "Lopende last in dezelfde rol",
    "exhausted_order_same_role": "Eerdere last verlopen of maximum verbeurd",
    "observations_count": "Aantal waarnemingen", "breaches_count": "Aantal overtredingen (volgens de telwijze)",
    "breaches_time_barred": "Alle overtredingen verjaard",
    "appeal_against_order_pending": "Bezwaar of beroep tegen de last loopt",
    # parameters
    "apv_norm_straathandel": "APV-norm tegen straathandel (artikel en tekst)",
    "dwangsom_bedrag_verkoper_eur": "Dwangsom per overtreding, verkoper",
    "dwangsom_maximum_verkoper_eur": "Maximum van de dwangsom, verkoper",
    "dwangsom_bedrag_koper_eur": "Dwangsom per overtreding, koper",
    "dwangsom_maximum_koper_eur": "Maximum van de dwangsom, koper",
    "dwangsom_minimumleeftijd_jaren": "Leeftijd vanaf wanneer een dwangsom kan",
    "dwangsom_halvering_onder_jaren": "Leeftijd waaronder het bedrag lager is",
    "minderjarige_factor": "Factor voor bedrag en maximum onder de halveringsleeftijd",
    "meerderjarig_vanaf_jaren": "Leeftijd van meerderjarigheid", "looptijd_maanden": "Looptijd van de last",
    "eerdere_lasten_termijn_jaren": "Termijn waarin een eerdere last meetelt",
    "betaaltermijn_weken": "Betaaltermijn na verbeurte", "verjaring_jaren": "Verjaring van de invordering",
    "zienswijze_dwangsom_dagen": "Termijn voor een zienswijze", "telwijze_overtredingen": "Telwijze van overtredingen",
    # case-file fields
    "waargenomen_persoon": "Persoon", "observations": "Waarnemingen", "observed_at": "Moment van de waarneming",
    "place_description": "Plaats (omschrijving)", "transfer_observed": "Overdracht gezien",
    "contacts_observed": "Aantal contacten", "description": "Wat is gezien",
    "substance_description": "Middel (omschrijving)",
    "items_found": "Aangetroffen", "cash_found_eur": "Contant geld (euro)", "observer": "Waargenomen door",
    "repetition_indicators": "Aanwijzingen voor herhaling", "income_situation": "Inkomenssituatie",
    "gezaghebbenden": "Ouders of voogd met gezag", "relatie": "Relatie", "land": "Land",
    "scope_description": "Gebied van de last (als smaller dan de APV)",
    "bekendmaking_buitenland": "Bekendmaking in het buitenland",
    # periods an invorderingsbeschikking names, counted from the breach
    "betaaltermijn_tot": "Betaaltermijn van de verbeurde dwangsom (Awb 5:33)",
    "verjaring_op": "Verjaring van de verbeurde dwangsom (Awb 5:35), tenzij de invorderingsbeschikking "
                    "is bekendgemaakt",
    # the keys of the APV norm table (confirmed by the beheerder key by key)
    "artikel": "Artikel van de APV", "tekst": "Tekst van de norm",
    "verwerven": "De norm noemt verwerven (dekt de koper)",
    "voertuig": "De norm noemt in of op een voertuig", "gelijkend": "De norm noemt daarop gelijkende waar",
    "gebied": "Gebied waar de norm geldt", "cvdr": "Vindplaats (CVDR-nummer)",
}
