"""A fictional demo report: a fifteen-year-old caused nuisance with fireworks last week."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any


def demo_meldingen(today: date) -> list[dict[str, Any]]:
    """One police report about a minor, with two parents with joint authority at two addresses."""
    day = today - timedelta(days=7)
    born = date(day.year - 15, 3, 14).isoformat()
    return [{
        "submission_id": "demo-ob-0001", "zaaktype": "ouderbrief", "bron_soort": "proces_verbaal",
        "bron_kenmerk": "PV-DEMO-OB-0001", "bron_datum": day.isoformat(),
        "adres": {"straat": "Verzinselplein", "huisnummer": "1", "postcode": "6200 ZZ", "woonplaats": "Maastricht"},
        "gegevens": {
            "incident_at": f"{day.isoformat()}T21:40", "incident_place": "Bij de speeltuin op het plein",
            "incident_type": "vuurwerk", "incident_source": "politie", "gia_signal": "no",
            "child": {"naam": "D. Demokind (demo)", "geboortedatum": born,
                      "adres": {"straat": "Verzinselstraat", "huisnummer": "7", "postcode": "6200 ZZ",
                                "woonplaats": "Maastricht"}},
            "gezaghebbenden": [
                {"naam": "M. Demomoeder (demo)", "relatie": "ouder",
                 "adres": {"straat": "Verzinselstraat", "huisnummer": "7", "postcode": "6200 ZZ",
                           "woonplaats": "Maastricht"}},
                {"naam": "V. Demovader (demo)", "relatie": "ouder",
                 "adres": {"straat": "Bedachtlaan", "huisnummer": "12", "postcode": "6200 ZZ",
                           "woonplaats": "Maastricht"}},
            ],
            "group_code": "", "other_interventions": [],
        },
    }]
