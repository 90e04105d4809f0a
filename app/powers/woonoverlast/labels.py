"""Dutch words for the woonoverlast case file, facts, parameters and codes (the power's own label namespace)."""

from __future__ import annotations

LABELS: dict[str, str] = {
    # who is addressed (the roles `gebruiker` and `verhuurder` take their words from index.yaml)
    "addressee_role": "Aangeschrevene",
    # kinds of incident
    "geluid": "Geluidsoverlast", "intimidatie": "Intimidatie", "bedreiging": "Bedreiging",
    "vervuiling": "Vervuiling of afval", "bezoekers": "Overlast van bezoekers", "dieren": "Overlast van dieren",
    "stank": "Stank", "drugs": "Drugsoverlast", "overig": "Andere overlast",
    # where it came from
    "in_woning": "In de woning of op het erf", "vanuit_woning": "Vanuit de woning of het erf",
    "onmiddellijke_nabijheid": "In de onmiddellijke nabijheid", "elders": "Elders (niet bij de woning)",
    # sources and reporters (a kind, never a name)
    "melddesk": "Melddesk van de gemeente", "politie": "Politie", "boa": "Boa (handhaver)",
    "corporatie": "Woningcorporatie", "zorgpartner": "Zorgpartner", "omwonende": "Omwonende",
    "anoniem": "Anoniem",
    # softer means and their outcome (151d lid 2)
    "gesprek": "Gesprek", "waarschuwing": "Waarschuwing", "buurtbemiddeling": "Buurtbemiddeling",
    "mediation": "Mediation", "hulpverlening": "Hulpverlening of zorg",
    "verhuurder_maatregel": "Maatregel van de verhuurder",
    "huurrechtelijke_maatregel": "Huurrechtelijke maatregel (bijvoorbeeld ontbinding van de huur)",
    "overige_handhaving": "Andere handhaving",
    "geslaagd": "Geslaagd", "mislukt": "Mislukt", "geweigerd": "Geweigerd door betrokkene",
    "niet_geschikt": "Niet geschikt", "niet_geprobeerd": "Niet geprobeerd",
    # measures and their words
    "verlenging": "Verlenging van het aanwezigheidsverbod",
    "invordering": "Invordering van de dwangsom", "geen_actie": "Geen actie",
    "per_dag": "Per dag (meer constateringen op één dag zijn één overtreding)",
    "per_constatering": "Per constatering",
    # case-file fields
    "erf": "Het erf hoort bij de woning", "gebruiker.naam": "Naam van de gebruiker",
    "gebruiker.geboortedatum": "Geboortedatum van de gebruiker",
    "verhuurder_kan_beinvloeden_toelichting": "Wat de verhuurder kan doen (juridische middelen)",
    "minors_in_household": "Minderjarigen in het huishouden",
    "household_description": "Huishouden (wie er verder woont)",
    "affected_omwonenden": "Aantal getroffen omwonenden",
    "incidents": "Incidenten", "at": "Datum en tijd", "kind": "Soort", "origin": "Herkomst",
    "distance_m": "Afstand tot de woning (meter)", "source": "Bron", "source_kenmerk": "Kenmerk van de bron",
    "reporter": "Soort melder", "established": "Vastgesteld door politie of boa", "description": "Wat er gebeurde",
    "instruction": "Overtreden aanwijzing",
    "softer_means": "Andere middelen (subsidiariteit)", "date": "Datum", "outcome": "Uitkomst", "reason": "Reden",
    "vulnerability": "Kwetsbaarheid (psychische problemen, verslaving)", "care_organisation": "Zorgorganisatie",
    "care_since": "Zorg betrokken sinds", "instructions": "Aanwijzingen in de last", "code": "Code",
    "text": "Tekst", "ban_start_at": "Begin van het aanwezigheidsverbod",
    "ban_area": "Gebied rond de woning (aanwezigheidsverbod)",
    "ban_extension_end_at": "Nieuw einde bij verlenging",
    "appeal_against_order_pending": "Bezwaar of beroep tegen de last loopt",
    # periods named by the deadline overviews
    "zienswijze_tot": "Termijn voor een zienswijze", "begunstigingstermijn_tot": "Begunstigingstermijn",
    "betaaltermijn_tot": "Betaaltermijn van de verbeurde dwangsom (Awb 5:33)",
    "verjaring_op": "Verjaring van de verbeurde dwangsom (Awb 5:35), tenzij de invorderingsbeschikking "
                    "is bekendgemaakt",
    # parameters
    "apv_norm_woonoverlast": "APV-norm tegen woonoverlast (artikel en tekst)",
    "aanwezigheidsverbod_dagen": "Duur van het aanwezigheidsverbod",
    "aanwezigheidsverbod_max_dagen": "Langste duur van het aanwezigheidsverbod met verlenging",
    "meerderjarig_vanaf_jaren": "Leeftijd van meerderjarigheid",
    "voorlopige_voorziening_zitting_dagen": "Zitting over een voorlopige voorziening binnen",
    "onmiddellijke_nabijheid_m": "Onmiddellijke nabijheid (meter)",
    "minimum_incidenten": "Minimumaantal incidenten", "waarnemingsperiode_maanden": "Waarnemingsperiode",
    "dwangsom_bedrag_eur": "Dwangsom per overtreding", "dwangsom_maximum_eur": "Maximum van de dwangsom",
    "begunstigingstermijn_dagen": "Begunstigingstermijn", "looptijd_maanden": "Looptijd van de last",
    "zienswijze_termijn_dagen": "Termijn voor een zienswijze", "betaaltermijn_weken": "Betaaltermijn na verbeurte",
    "verjaring_jaren": "Verjaring van de invordering", "telwijze_overtredingen": "Telwijze van overtredingen",
    "aanwijzingen": "Beproefde aanwijzingen", "vage_aanwijzingen": "Woorden die een aanwijzing te vaag maken",
    "aanwijzing_min_woorden": "Minimumaantal woorden van een aanwijzing",
    "eerdere_maatregelen_termijn_jaren": "Termijn waarin een eerdere maatregel meetelt",
    # the keys of the APV norm table
    "artikel": "Artikel van de APV", "tekst": "Tekst van de norm", "cvdr": "Vindplaats (CVDR-nummer)",
    "omvat_verhuurder": "De norm richt zich ook tot de verhuurder",
}
