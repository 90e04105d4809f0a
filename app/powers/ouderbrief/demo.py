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


GROUP_STREETS = ("Verzinselstraat", "Bedachtlaan", "Fantasieweg", "Droomhof")


def demo_group(today: date) -> tuple[dict[str, Any], list[dict[str, str]]]:
    """A fictional youth group of twelve after a fireworks incident, as the police would list it: one child
    with an unknown safety signal and one guardian (both flagged), the others with one parent each."""
    day = today - timedelta(days=4)
    shared = {"zaaktype": "ouderbrief", "omschrijving": "Vuurwerk bij het Verzinselplein (demo)",
              "bron_soort": "proces_verbaal", "bron_kenmerk": "PV-DEMO-GROEP-0001", "bron_datum": day.isoformat(),
              "adres": {"straat": "Verzinselplein", "huisnummer": "1", "postcode": "6200 ZZ",
                        "woonplaats": "Maastricht"},
              "gegevens": {"incident_at": f"{day.isoformat()}T22:10", "incident_place": "Op het plein bij de fontein",
                           "incident_type": "vuurwerk", "incident_source": "politie", "group_code": "DEMO-GROEP"}}
    rows = []
    for i in range(12):
        home = {"straat": GROUP_STREETS[i % 4], "huisnummer": str(20 + i), "postcode": "6200 ZZ",
                "woonplaats": "Maastricht"}
        rows.append({"kind_naam": f"{chr(65 + i)}. Groepskind (demo)",
                     "kind_geboortedatum": date(day.year - 14 - i % 3, 1 + i % 12, 10).strftime("%d-%m-%Y"),
                     **{f"kind_{k}": v for k, v in home.items()},
                     "gezag1_naam": f"{chr(65 + i)}. Groepsouder (demo)",
                     "gezag1_relatie": "voogd" if i == 7 else "ouder",
                     **{f"gezag1_{k}": v for k, v in home.items()},
                     "gia_signaal": "onbekend" if i == 4 else "nee"})
    return shared, rows
