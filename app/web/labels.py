"""Dutch words for the codes shown in the UI (codes stay ASCII snake_case everywhere else)."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from babel.numbers import format_decimal

LABELS: dict[str, str] = {
    # premises and sources
    "woning": "Woning", "lokaal": "Lokaal (geen woning)", "erf_bij_woning": "Erf bij een woning",
    "erf_bij_lokaal": "Erf bij een lokaal", "voertuig": "Voertuig", "openbare_ruimte": "Openbare ruimte",
    "horeca": "Horeca", "coffeeshop": "Coffeeshop", "bedrijfspand": "Bedrijfspand", "loods": "Loods",
    "niet_bewoonde_woning": "Niet-bewoonde woning", "overig": "Overig",
    "bestuurlijke_rapportage": "Bestuurlijke rapportage (politie)", "proces_verbaal": "Proces-verbaal",
    "boa_rapport": "Rapport van een boa", "melding": "Melding",
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
    "minor_child": "Minderjarig kind", "third_party": "Iemand anders", "unknown": "Onbekend",
    "overtreder": "Overtreder", "huurder_onwetend": "Huurder die van niets wist",
    "eigenaar_bewoner": "Eigenaar-bewoner",
    "verhuurder_eigenaar": "Verhuurder of eigenaar", "particulier": "Particuliere verhuurder",
    "woningcorporatie": "Woningcorporatie", "eigenaar": "Eigenaar", "verhuurder": "Verhuurder",
    "yes": "Ja", "no": "Nee", "none": "Geen", "possible": "Mogelijk", "announced": "Aangekondigd",
    "bewoner": "Bewoner", "rechthebbende": "Rechthebbende (eigenaar of verhuurder)",
    # outcomes and workflow
    "bevoegd": "Bevoegd", "niet_bevoegd": "Niet bevoegd", "judgement_required": "Oordeel van een jurist nodig",
    "waarschuwing": "Waarschuwing", "voornemen_sluiting": "Voornemen tot sluiting",
    "sluiting": "Sluiting (last onder bestuursdwang)",
    "geen_actie": "Geen actie",
    "concept": "Concept", "ter_vaststelling": "Ter vaststelling", "vastgesteld": "Vastgesteld",
    "verzonden": "Verzonden",
    "goedgekeurd": "Goedgekeurd", "teruggestuurd": "Teruggestuurd",
    "ontvangen": "Zienswijze ontvangen", "niet_ontvangen": "Geen zienswijze ontvangen binnen de termijn",
    "spoed_4_11_a": "Niet gehoord wegens spoed (Awb 4:11 onder a)",
    "eerder_gehoord_4_11_b": "Eerder gehoord, geen nieuwe feiten (Awb 4:11 onder b)",
    "verrassing_4_11_c": "Niet vooraf ingelicht: doel vereist verrassing (Awb 4:11 onder c)",
    "bevoegdheid": "Bevoegdheid", "uitzondering": "Uitzondering", "verwijzing": "Ander instrument",
    "beleid": "Beleid", "evenredigheid": "Evenredigheid", "oordeel": "Afweging nodig",
}

FACT_LABELS: dict[str, str] = {
    "premises_type": "Soort pand", "lokaal_subtype": "Soort lokaal", "medical_practice_use": "Praktijkruimte (lid 2)",
    "person_who_dealt": "Wie handelde", "resident_role": "Rol van de bewoner",
    "minors_in_household": "Minderjarigen in het huishouden", "vulnerable_residents": "Kwetsbare bewoners",
    "pets_present": "Huisdieren", "landlord_kind": "Soort verhuurder",
    "lease_dissolution_risk": "Risico op ontbinding huurovereenkomst", "blacklist_risk": "Risico op zwarte lijst",
    "alternative_housing_available": "Vervangende woonruimte beschikbaar",
    "gezinsvoorziening_offered": "Gezinsvoorziening aangeboden", "bekendheid_drugsmilieu": "Bekend in het drugsmilieu",
    "complaints_count": "Aantal klachten over het pand", "sensitive_area": "Gevoelige omgeving (school, speelplaats)",
    "eigen_gebruik_explanation": "Beroep op eigen gebruik", "weapon_found": "Wapen aangetroffen",
}


STATUS_LABELS: dict[str, str] = {
    "statute": "wet",
    "case law": "jurisprudentie",
    "Maastricht policy — to confirm": "beleid Maastricht — nog te bevestigen",
    "default from another municipality — to be replaced by Maastricht policy":
        "standaardwaarde uit een andere gemeente — te vervangen door beleid van Maastricht",
    "national practice — to be replaced by Maastricht policy":
        "landelijke praktijk — te vervangen door beleid van Maastricht",
    "design default — to confirm with the municipality": "ontwerpkeuze — te bevestigen door de gemeente",
}


def status_label(status: str) -> str:
    """Dutch words for a parameter's status (the rule files keep the domain's English status codes)."""
    return STATUS_LABELS.get(status, status)


def label(code: object) -> str:
    """The Dutch label of a code, or the code itself."""
    if isinstance(code, bool):
        return "Ja" if code else "Nee"
    if isinstance(code, int | float):
        return format_decimal(code, locale="nl_NL")  # 27,5 — a Dutch reader expects a decimal comma
    return LABELS.get(str(code), FACT_LABELS.get(str(code), str(code)))


def options(*codes: str) -> list[tuple[str, str]]:
    """(value, label) pairs for select and radio macros."""
    return [(code, label(code)) for code in codes]


def wettekst_op(href: str, peildatum: date) -> str:
    """The wetten.overheid.nl link opened on the peildatum: the rule file's g= and z= dates are the
    consolidation the rule was written against; the reader needs the text as it stood on the peildatum."""
    day = peildatum.isoformat()
    return re.sub(r"([?&][gz]=)\d{4}-\d{2}-\d{2}", lambda m: m.group(1) + day, href)


def kort(d: date | None) -> str:
    """A date in the short Dutch form for screens (letters write dates out in words)."""
    return d.strftime("%d-%m-%Y") if d else ""


def beslissing_rows(b: Any) -> list[tuple[str, str]]:
    """The dates and policy flag of a beslissing, as the case page and the review page list them."""
    sluiting = f"{kort(b.ingangsdatum)} tot {kort(b.vervaldatum)}" if b.ingangsdatum else ""
    return [("Verzenddatum", kort(b.verzenddatum)), ("Zienswijze tot en met", kort(b.zienswijze_tot)),
            ("Begunstigingstermijn tot en met", kort(b.begunstigingstermijn_tot)), ("Sluiting", sluiting),
            ("Bezwaar tot en met", kort(b.uiterlijke_reactiedatum)),
            ("Afwijking van beleid", "Ja (Awb 4:84)" if b.afwijking_beleid else "Nee")]
