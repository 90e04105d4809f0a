"""Dutch words for the huisverbod case file: its fields and codes (the power's own label namespace)."""

from __future__ import annotations

LABELS: dict[str, str] = {
    # case-file fields
    "imposed_at": "Moment van opleggen", "person": "Uithuisgeplaatste", "residence_status": "Woonsituatie",
    "brp_registered_at_dwelling": "Ingeschreven op dit adres (BRP)", "area_description": "Verboden gebied",
    "rihg": "Risicotaxatie (RiHG)", "kindermishandeling": "Kindermishandeling (of ernstig vermoeden)",
    "veilig_thuis_consulted_at": "Veilig Thuis geraadpleegd op", "household": "Achterblijvers",
    "oral_first": "Eerst mondeling opgelegd", "written_served_at": "Schriftelijke beschikking uitgereikt op",
    "whereabouts_unknown": "Verblijfplaats onbekend", "nederlegging_at": "Nedergelegd ter gemeentesecretarie op",
    "keys_collected": "Sleutels ingenomen", "order_end_at": "Einde volgens het bevel",
    "reachability_given_at": "Bereikbaarheid opgegeven op", "reachability_details": "Bereikbaar via",
    "household_informed": "Achterblijvers geïnformeerd", "veilig_thuis_informed_at": "Veilig Thuis geïnformeerd op",
    "mayor_informed_at": "Burgemeester geïnformeerd op", "help_accepted": "Hulp aanvaard",
    "help_confirmation": "Bevestiging van de hulpverlening", "new_facts_reported": "Nieuwe feiten gemeld",
    "new_facts": "Nieuwe feiten", "extension_new_end_at": "Verlengen tot",
    "extension_decided_by": "Verlenging: wie beslist", "extension_decided_at": "Verlenging: moment van beslissen",
    "withdrawal_decided_by": "Intrekking: wie beslist", "withdrawal_reason": "Intrekking: reden",
    "withdrawal_effective_at": "Intrekking gaat in op",
    "postal_address": "Postadres van de uithuisgeplaatste tijdens het huisverbod (niet de woning)",
    # flat facts, as the trace shows them
    "age_at_imposition_years": "Leeftijd bij oplegging (jaren)", "rihg_completed": "RiHG afgerond",
    "rihg_outcome": "Uitkomst RiHG", "rihg_factors_present": "Factoren uit de RiHG vastgelegd",
    "rihg_factor_outside_annex": "Factor buiten de bijlage", "veilig_thuis_consulted_before":
        "Veilig Thuis vooraf geraadpleegd", "imposer_capacity": "Opgelegd door",
    "mandate_reference_present": "Mandaatbesluit vastgelegd",
    "earlier_order_at_address": "Eerder huisverbod op dit adres",
    "order_duration_days": "Duur volgens het bevel (dagen)",
    "written_order_served": "Schriftelijke beschikking uitgereikt",
    "nederlegging_recorded": "Nederlegging vastgelegd", "veilig_thuis_informed": "Veilig Thuis geïnformeerd",
    "mayor_informed": "Burgemeester geïnformeerd", "reachability_given": "Bereikbaarheid opgegeven",
    "extension_requested": "Verlenging voorbereid", "extension_decider": "Verlenging: wie beslist",
    "extension_before_end": "Verlenging vóór het einde",
    "extension_total_days": "Totale duur met verlenging (dagen)",
    "withdrawal_requested": "Intrekking voorbereid", "withdrawal_decider": "Intrekking: wie beslist",
    # codes
    "woont": "Woont in de woning", "verblijft_niet_incidenteel": "Verblijft er anders dan incidenteel",
    "incidenteel": "Verblijft er incidenteel (bezoeker)", "nee": "Nee",
    "ernstig_en_onmiddellijk_gevaar": "Ernstig en onmiddellijk gevaar", "ernstig_vermoeden": "Ernstig vermoeden",
    "onvoldoende": "Onvoldoende gevaar",
    "persoon": "Persoon", "incident": "Verloop van het incident", "leefomstandigheden": "Leefomstandigheden",
    "politiegegevens": "Politiegegevens", "anders": "Anders (niet uit de bijlage)",
    "orgaan": "De burgemeester", "plaatsvervanger": "De plaatsvervangend burgemeester",
    "hulpofficier_van_justitie": "Hulpofficier van justitie (mandaat)", "gemandateerde": "Andere gemandateerde",
    "geen": "Niemand vastgelegd",
    "inhoud": "Alleen over de inhoud", "inhoud_en_gevolgen": "Over de inhoud en de gevolgen",
    "jeugdbescherming": "Jeugdbescherming of een andere route voor minderjarigen",
    "feitelijk_woonachtig": "Woont er feitelijk", "risicotaxatie_onvoldoende": "RiHG wijst op onvoldoende gevaar",
    "beschikking_uitreiken": "Schriftelijke beschikking uitreiken", "nederlegging": "Nederlegging vastleggen",
    "achterblijvers_informeren": "Achterblijvers informeren", "veilig_thuis_informeren": "Veilig Thuis informeren",
    "burgemeester_informeren": "Burgemeester informeren", "bereikbaarheid": "Bereikbaarheid opgeven",
    "huisverbod": "Tijdelijk huisverbod", "verlenging": "Verlenging", "intrekking": "Intrekking",
}

# The parameters of the Wet tijdelijk huisverbod, as screens name them (rules/huisverbod/parameters).
PARAMETER_LABELS: dict[str, str] = {
    "bereikbaarheid_uren": "Uren waarbinnen de uithuisgeplaatste zijn bereikbaarheid opgeeft",
    "bewaartermijn_jaren": "Bewaartermijn van de stukken",
    "duur_dagen": "Duur van het tijdelijk huisverbod",
    "max_totaal_dagen": "Langste duur met verlenging",
    "minimumleeftijd_jaren": "Minimumleeftijd van de uithuisgeplaatste",
    "veilig_thuis_adres": "Naam en postadres van Veilig Thuis",
}
LABELS.update(PARAMETER_LABELS)
