"""Fictional demo reports of housing nuisance: noise and intimidation from a rented flat over several weeks (the
user addressed, the housing corporation gets a copy), and a barking dog and rubbish in the garden of a house whose
landlord lives across the border (the landlord addressed)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any


def _at(day: date, clock: str) -> str:
    return f"{day.isoformat()}T{clock}"


def _flat(today: date) -> dict[str, Any]:
    start = today - timedelta(days=40)
    incidents = [
        {"at": _at(start, "23:40"), "kind": "geluid", "origin": "in_woning", "source": "melddesk",
         "source_kenmerk": "MD-DEMO-101", "reporter": "omwonende", "description": "Harde muziek tot na 03.00 uur."},
        {"at": _at(start + timedelta(days=9), "01:15"), "kind": "geluid", "origin": "in_woning", "source": "politie",
         "source_kenmerk": "PL-DEMO-2201", "reporter": "politie", "established": True,
         "description": "Agenten hoorden de muziek op straat; bewoner zette die pas na twee verzoeken zachter."},
        {"at": _at(start + timedelta(days=17), "18:30"), "kind": "intimidatie", "origin": "onmiddellijke_nabijheid",
         "distance_m": 20, "source": "corporatie", "source_kenmerk": "WV-DEMO-77", "reporter": "corporatie",
         "description": "Schold een buurman uit in het portiek en sloeg tegen diens deur."},
        {"at": _at(start + timedelta(days=26), "22:05"), "kind": "bezoekers", "origin": "vanuit_woning",
         "source": "boa", "source_kenmerk": "BOA-DEMO-31", "reporter": "boa", "established": True,
         "description": "Vijf bezoekers schreeuwend in het portiek; afval en blikjes achtergelaten."},
        {"at": _at(start + timedelta(days=33), "00:50"), "kind": "bedreiging", "origin": "onmiddellijke_nabijheid",
         "distance_m": 15, "source": "politie", "source_kenmerk": "PL-DEMO-2260", "reporter": "omwonende",
         "description": "Dreigde een omwonende 'iets aan te doen' als die weer zou klagen."},
    ]
    means = [
        {"kind": "gesprek", "date": (start + timedelta(days=5)).isoformat(), "outcome": "mislukt",
         "reason": "Gesprek met wijkagent en corporatie; afspraken niet nagekomen."},
        {"kind": "buurtbemiddeling", "date": (start + timedelta(days=12)).isoformat(), "outcome": "geweigerd",
         "reason": "Bewoner wilde niet meedoen."},
        {"kind": "huurrechtelijke_maatregel", "outcome": "niet_geprobeerd",
         "reason": "Een procedure bij de kantonrechter duurt maanden; de dreiging vraagt nu om ingrijpen."},
    ]
    return {"zaaktype": "woonoverlast", "submission_id": "demo-wo-0001-flat", "bron_soort": "bestuurlijke_rapportage",
            "bron_kenmerk": "BR-DEMO-WO-0001", "bron_datum": (start + timedelta(days=34)).isoformat(),
            "adres": {"straat": "Verzinselhof", "huisnummer": "14b", "postcode": "6200 ZZ", "woonplaats": "Maastricht"},
            "gegevens": {
                "addressee_role": "gebruiker", "erf": False, "affected_omwonenden": 4, "minors_in_household": "no",
                "gebruiker": {"naam": "W. Bedenksel (demo)", "geboortedatum": "1988-03-12"},
                "verhuurder": {"naam": "Woonstichting Fictief (demo)", "organisatie": True, "straat": "Postbus",
                               "huisnummer": "99",
                               "postcode": "6200 ZZ", "woonplaats": "Maastricht", "land": "NL"},
                "household_description": "Woont alleen; krijgt vaak bezoek.", "incidents": incidents,
                "softer_means": means, "vulnerability": "Vermoeden van alcoholverslaving.",
                "care_organisation": "Zorgpartner Denkbeeld (demo)"}}


def _house(today: date) -> dict[str, Any]:
    start = today - timedelta(days=30)
    incidents = [
        {"at": _at(start + timedelta(days=d), clock), "kind": kind, "origin": origin, "source": source,
         "reporter": reporter, "established": source == "boa", "description": text}
        for d, clock, kind, origin, source, reporter, text in (
            (0, "06:10", "dieren", "in_woning", "melddesk", "omwonende", "Hond blaft urenlang in de tuin."),
            (8, "14:00", "vervuiling", "in_woning", "boa", "boa", "Vuilniszakken en etensresten in de voortuin."),
            (15, "05:45", "dieren", "in_woning", "melddesk", "anoniem", "Hond blaft de hele nacht."),
            (22, "11:20", "stank", "vanuit_woning", "boa", "boa", "Sterke stank van afval tot op de stoep."))]
    return {"zaaktype": "woonoverlast", "submission_id": "demo-wo-0002-huis", "bron_soort": "boa_rapport",
            "bron_kenmerk": "BOA-DEMO-WO-0002", "bron_datum": (start + timedelta(days=23)).isoformat(),
            "adres": {"straat": "Fantasiestraat", "huisnummer": "3", "postcode": "6200 ZZ", "woonplaats": "Maastricht"},
            "gegevens": {
                "addressee_role": "verhuurder", "erf": True, "affected_omwonenden": 2, "minors_in_household": "unknown",
                "gebruiker": {"naam": "H. Verzonnen (demo)", "geboortedatum": "1975-08-30"},
                "verhuurder": {"naam": "L. Bedacht (demo)", "geboortedatum": "1961-04-17", "straat": "Denkbeeldlaan",
                               "huisnummer": "7",
                               "postcode": "3700", "woonplaats": "Tongeren", "land": "BE"},
                "verhuurder_kan_beinvloeden_toelichting": "Het huurcontract verbiedt huisdieren zonder toestemming "
                                                          "en verplicht de huurder de tuin schoon te houden.",
                "incidents": incidents,
                "softer_means": [{"kind": "waarschuwing", "date": (start + timedelta(days=10)).isoformat(),
                                  "outcome": "mislukt", "reason": "Brief van de boa aan de bewoner; geen reactie."},
                                 {"kind": "verhuurder_maatregel", "outcome": "niet_geprobeerd",
                                  "reason": "De verhuurder is nog niet op de overlast aangesproken."}]}}


def demo_meldingen(today: date) -> list[dict[str, Any]]:
    """Two fictional reports, as the municipality's handhaving submits them."""
    return [_flat(today), _house(today)]
