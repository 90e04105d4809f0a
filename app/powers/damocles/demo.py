"""Fictional demo reports for Damocles: a dealing quantity of hard drugs, a first soft-drug find, a car."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any


def demo_meldingen(today: date) -> list[dict[str, Any]]:
    """Three fictional police reports, as handhaving submits them."""
    found = today - timedelta(days=10)
    base = {"zaaktype": "damocles", "bron_soort": "bestuurlijke_rapportage",
            "bron_datum": (found + timedelta(days=3)).isoformat(), "pleegdatum": found.isoformat()}
    return [
        {**base, "submission_id": "demo-0001-harddrugs", "bron_kenmerk": "BR-DEMO-0001",
         "adres": _adres("Voorbeeldstraat", "12"), "bewoners": [{"naam": "A. Testbewoner", "roltype": "bewoner"}],
         "rechthebbende": {"naam": "Woonstichting Voorbeeld", "soort": "woningcorporatie", **_adres("Postbus", "100")},
         "gegevens": {"premises_type": "woning", "substances": [
             {"name": "MDMA", "opiumwet_list": "lijst_i", "quantity": 2.3, "unit": "g"},
             {"name": "cocaïne", "opiumwet_list": "lijst_i", "quantity": 0.55, "unit": "g"}],
             "attributes_found": ["weegschaal", "verpakkingsmateriaal"], "landlord_kind": "woningcorporatie"}},
        {**base, "submission_id": "demo-0002-hennep", "bron_kenmerk": "BR-DEMO-0002",
         "adres": _adres("Fictieweg", "7"), "bewoners": [{"naam": "B. Proefpersoon", "roltype": "bewoner"}],
         "rechthebbende": {"naam": "C. Verhuurder (demo)", "soort": "verhuurder", **_adres("Verzonnenlaan", "3")},
         "gegevens": {"premises_type": "woning", "substances": [
             {"name": "hennepplanten", "opiumwet_list": "lijst_ii", "quantity": 6, "unit": "plants"}]}},
        {**base, "submission_id": "demo-0003-voertuig", "bron_kenmerk": "BR-DEMO-0003",
         "adres": _adres("Denkbeeldplein", "1"), "bewoners": [{"naam": "D. Onbekend", "roltype": "overtreder"}],
         "gegevens": {"premises_type": "voertuig", "substances": [
             {"name": "cocaïne", "opiumwet_list": "lijst_i", "quantity": 5, "unit": "g"}]}},
    ]


def _adres(straat: str, huisnummer: str) -> dict[str, str]:
    return {"straat": straat, "huisnummer": huisnummer, "postcode": "6200 ZZ", "woonplaats": "Maastricht"}
