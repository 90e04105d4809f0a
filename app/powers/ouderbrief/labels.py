"""Dutch words for the ouderbrief case file, its facts and codes (the power's own label namespace)."""

from __future__ import annotations

INCIDENT_TYPE_LABELS: dict[str, str] = {
    "overlast": "Overlast", "vernieling": "Vernieling", "intimidatie": "Intimidatie", "vuurwerk": "Vuurwerk",
    "wildplassen": "Wildplassen", "geluid": "Geluidsoverlast", "drugs": "Overlast rond drugs", "overig": "Overig",
}

LABELS: dict[str, str] = {
    # case-file fields
    "incident_at": "Moment van het incident", "incident_time_unknown": "Tijdstip onbekend",
    "incident_place": "Plaats van het incident (omschrijving)", "incident_type": "Soort gedrag",
    "incident_source": "Bron van de informatie", "gia_signal": "Signalen van huiselijk geweld (GIA)",
    "child": "Kind", "gezaghebbenden": "Ouders of voogd met gezag", "group_code": "Groepscode (nooit in de brief)",
    "other_interventions": "Andere interventies",
    # flat facts, as the trace shows them
    "age_at_incident_years": "Leeftijd op de dag van het incident (jaren)",
    "earlier_letter_in_interval": "Eerdere brief over dit kind binnen de herhaaltermijn",
    "prior_letters_count": "Eerdere brieven over dit kind binnen de herhaaltermijn",
    "months_since_last_letter": "Maanden sinds de vorige brief",
    "days_since_last_letter": "Dagen sinds de vorige brief",
    "authority_known": "Iemand met gezag bekend", "guardian_has_authority": "Een voogd heeft het gezag",
    "child_abroad": "Kind woont in het buitenland", "group_incident": "Groepsincident",
    "other_interventions_present": "Andere interventies vastgelegd",
    # codes
    **INCIDENT_TYPE_LABELS,
    "politie": "Politie", "handhaving": "Handhaving (toezichthouders van de gemeente)",
    "ouder": "Ouder", "voogd": "Voogd",
    "halt": "Halt", "netwerkoverleg_jeugd": "Netwerkoverleg jeugd", "jongerenwerk": "Jongerenwerk",
    "leerplicht": "Leerplicht", "zorgmelding": "Zorgmelding",
    "minderjarige": "Minderjarige (het kind)", "gezaghebbende": "Ouder of voogd met gezag",
    "ouderbrief": "Brief aan de ouders", "ouderbrief_herhaald": "Herhaalde brief aan de ouders",
    "geen_brief": "Geen brief",
    # findings
    "voogdij": "De voogd krijgt de brief", "gemw_172b": "Informatie over Gemeentewet art. 172b (onder de twaalf)",
    "geen_bestuurlijke_boete": "Geen bestuurlijke boete onder de twaalf",
    "halve_bestuurlijke_boete": "Een boete zou de helft zijn (twaalf tot zestien)",
    "groepsincident": "Groepsincident: geen andere kinderen in de brief",
    "afstemming_interventies": "Afstemmen met andere interventies",
    "signaal_huiselijk_geweld": "Signalen van huiselijk geweld",
    "binnen_monitoring": "Nieuw incident in de periode van extra toezicht",
    "gezag_opzoeken": "Opzoeken wie het gezag heeft", "handmatige_afhandeling": "Met de hand afhandelen",
}

# The parameters of this power, as screens name them (rules/ouderbrief/parameters).
PARAMETER_LABELS: dict[str, str] = {
    "meerderjarigheid_jaren": "Leeftijd van meerderjarigheid",
    "leeftijd_172b_jaren": "Leeftijd waaronder Gemeentewet art. 172b kan gelden",
    "boete_minimumleeftijd_jaren": "Minimumleeftijd voor een bestuurlijke boete",
    "boete_halvering_onder_jaren": "Leeftijd waaronder een bestuurlijke boete de helft is",
    "monitoringperiode_maanden": "Periode van extra toezicht na een brief",
    "herhaaltermijn_maanden": "Termijn waarbinnen een eerdere brief meetelt",
    "vervolg_na_brieven_aantal": "Eerdere brieven waarna een vervolgstap wordt gewogen",
    "brief_bewaartermijn_jaren": "Bewaartermijn van de brieven aan ouders",
    "oov_contact": "Contact van het team Openbare Orde en Veiligheid",
    "team": "Team", "telefoon": "Telefoonnummer",
}
LABELS.update(PARAMETER_LABELS)
