"""Fictional demo applications under Bibob screening (names, KvK numbers and addresses are invented): a horeca
exploitation permit waiting for the LBB's advice, a gaming hall where the advice found a lesser degree of danger
through a financier (conditions, a third party heard), and an environmental permit of the college whose Bibob form
stayed incomplete after the herstel period."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any


def _d(today: date, days_ago: int) -> str:
    return (today - timedelta(days=days_ago)).isoformat()


def _adres(straat: str, huisnummer: str) -> dict[str, str]:
    return {"straat": straat, "huisnummer": huisnummer, "postcode": "6200 ZZ", "woonplaats": "Maastricht"}


def _melding(key: str, place: dict[str, str], gegevens: dict[str, Any]) -> dict[str, Any]:
    return {"zaaktype": "bibob", "submission_id": f"demo-bb-{key}", "bron_soort": "aanvraag", "adres": place,
            "gegevens": gegevens}


def _horeca(today: date) -> dict[str, Any]:
    place = _adres("Verzinselstraat", "12")
    return _melding("0001-horeca", place, {
        "application": {"permit_type": "exploitatievergunning_horeca", "received_on": _d(today, 40),
                        "competent_body": "burgemeester", "statutory_term_weeks": 8, "kenmerk": "EXP-DEMO-2026-101",
                        "business_name": "Eetcafé De Verzonnen Hoek (demo)", "address": place},
        "betrokkene": {"kind": "rechtspersoon", "name": "De Verzonnen Hoek B.V. (demo)", "kvk": "99000011"},
        "related_persons": [{"role": "leidinggevende", "name": "P. Fantasie (demo)"}],
        "screening_trigger": "standaard",
        "bibob_form": {"received": True, "complete": True, "missing": []},
        "own_research": [{"source": "open_bronnen", "date": _d(today, 30),
                          "finding": "Berichten over een eerdere zaak van de leidinggevende onder een andere naam."}],
        "lbb": {"requested_on": _d(today, 20), "betrokkene_informed_on": _d(today, 18), "data_requests": [],
                "extension": None, "received_on": None, "conclusion": None, "advice_date": None, "declined": False},
    })


def _gaming_hall(today: date) -> dict[str, Any]:
    place = _adres("Denkbeeldplein", "3")
    return _melding("0002-speelhal", place, {
        "application": {"permit_type": "speelautomatenhal", "received_on": _d(today, 95),
                        "competent_body": "burgemeester", "statutory_term_weeks": 8, "kenmerk": "SPH-DEMO-2026-7",
                        "business_name": "Speelhal Luchtkasteel (demo)", "address": place},
        "betrokkene": {"kind": "natuurlijk_persoon", "name": "J. Verzinsel (demo)",
                       "address": {"straat": "Bedachtlaan", "huisnummer": "8", "postcode": "6200 ZZ",
                                   "woonplaats": "Maastricht", "land": "NL"}},
        "related_persons": [{"role": "vermogensverschaffer", "name": "K. Bedenksel (demo)"}],
        "screening_trigger": "standaard",
        "bibob_form": {"received": True, "complete": True, "missing": []},
        "facts_3a": [{"kind": "transactie", "date": _d(today, 900), "offence": "Witwassen van een klein bedrag",
                      "person": "K. Bedenksel (demo)"},
                     {"kind": "vrijspraak", "date": _d(today, 1500), "offence": "Heling", "person": ""}],
        "lbb": {"requested_on": _d(today, 80), "betrokkene_informed_on": _d(today, 79), "data_requests": [],
                "extension": None, "received_on": _d(today, 30), "conclusion": "mindere_mate",
                "advice_date": _d(today, 32), "declined": False},
        "third_parties": [{"name": "K. Bedenksel (demo)", "straat": "Verzonnenweg", "huisnummer": "21",
                           "postcode": "3700", "woonplaats": "Tongeren", "land": "BE",
                           "part_of_advice": "Het advies noemt een transactie voor witwassen en een lening van "
                                             "K. Bedenksel aan de aanvrager zonder vastgelegde herkomst.",
                           "use_reason": "De lening financiert de speelhal (art. 3 lid 4, vermogensverschaffer)."}],
        "conditions": [{"code": "geen_contante_financiering", "text": ""},
                       {"code": "melding_wijziging_zeggenschap", "text": ""}],
    })


def _storage(today: date) -> dict[str, Any]:
    place = _adres("Fictiefkade", "40")
    return _melding("0003-opslag", place, {
        "application": {"permit_type": "omgevingsvergunning", "received_on": _d(today, 60),
                        "competent_body": "college", "statutory_term_weeks": 8, "kenmerk": "OV-DEMO-2026-55",
                        "business_name": "Opslag Denkbeeld (demo)", "address": place},
        "betrokkene": {"kind": "rechtspersoon", "name": "Opslag Denkbeeld B.V. (demo)", "kvk": "99000022"},
        "screening_trigger": "indicatie",
        "bibob_form": {"received": True, "complete": False, "herstel_requested_on": _d(today, 30),
                       "missing": ["Herkomst van het eigen vermogen", "Gegevens van de vermogensverschaffers"]},
        "hersteltermijn_until": _d(today, 16),
    })


def demo_meldingen(today: date) -> list[dict[str, Any]]:
    """Three fictional applications, as the permit desk submits them."""
    return [_horeca(today), _gaming_hall(today), _storage(today)]
