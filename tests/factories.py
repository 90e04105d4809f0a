"""Builders for test input: fictional meldingen in the shape the schemas produce."""

from __future__ import annotations

import uuid
from datetime import datetime, time, timedelta
from typing import Any

from app import clock
from app.domain.deadlines import AMSTERDAM
from app.schemas.melding import MeldingSchema


def melding_form(**overrides: Any) -> dict[str, Any]:
    """Raw (API-shaped) melding input: a dealing quantity of hard drugs in a rented woning."""
    found = overrides.pop("pleegdatum", clock.today() - timedelta(days=7))
    gegevens = {"premises_type": "woning", "sluitobject": "woning", "sluiting_aanvang": "10.00",
                "attributes_found": ["weegschaal"],
                "substances": [{"name": "MDMA", "opiumwet_list": "lijst_i", "quantity": 2.3, "unit": "g"},
                               {"name": "cocaïne", "opiumwet_list": "lijst_i", "quantity": 0.55, "unit": "g"}]}
    gegevens.update(overrides.pop("gegevens", {}))
    submission = uuid.uuid4().hex
    data = {  # every report its own document: the same document twice is refused as a duplicate
        "submission_id": submission, "zaaktype": "damocles", "bron_soort": "bestuurlijke_rapportage",
        "bron_kenmerk": f"BR-TEST-{submission[:8]}",
        "bron_datum": (found + timedelta(days=1)).isoformat(), "pleegdatum": found.isoformat(),
        "adres": {"straat": "Teststraat", "huisnummer": "1", "postcode": "6200 ZZ", "woonplaats": "Maastricht"},
        "bewoners": [{"naam": "T. Testbewoner", "roltype": "bewoner"}],
        "rechthebbende": {"naam": "Woonstichting Test", "soort": "woningcorporatie", "straat": "Postbus",
                          "huisnummer": "9", "postcode": "6200 ZZ", "woonplaats": "Maastricht"},
        "gegevens": gegevens,
    }
    data.update(overrides)
    return data


def melding(**overrides: Any) -> dict[str, Any]:
    """Loaded melding data, as the intake service receives it."""
    return MeldingSchema().load(melding_form(**overrides))


def huisverbod_form(imposed_at: datetime | None = None, **gegevens: Any) -> dict[str, Any]:
    """Raw huisverbod input: imposed last night at 23:40 by a hulpofficier, with the judgements on the spot."""
    imposed = imposed_at or datetime.combine(clock.today() - timedelta(days=1), time(23, 40), AMSTERDAM)
    case = {
        "imposed_at": imposed.isoformat(), "residence_status": "woont",
        "area_description": "De woning, de galerij en het trappenhuis van de flat",
        "person": {"naam": "E. Testman", "geboortedatum": "1985-06-14"},
        "rihg": {"completed_at": (imposed - timedelta(minutes=20)).isoformat(),
                 "outcome": "ernstig_en_onmiddellijk_gevaar",
                 "factors": [{"category": "incident", "text": "Partner met een mes bedreigd."}]},
        "household": [{"naam": "F. Testvrouw", "relatie": "partner", "geboortedatum": "1987-02-03"},
                      {"naam": "G. Testkind", "relatie": "kind", "geboortedatum": "2016-09-21"}],
        "oral_first": True, **gegevens,
    }
    submission = uuid.uuid4().hex
    return {
        "submission_id": submission, "zaaktype": "huisverbod", "bron_soort": "proces_verbaal",
        "bron_kenmerk": f"PV-TEST-{submission[:8]}", "gegevens": case,
        "adres": {"straat": "Testlaan", "huisnummer": "3", "postcode": "6200 ZZ", "woonplaats": "Maastricht"},
        "oordelen": {"gevaar": {"outcome": "ja", "reasoning": "Ernstig en onmiddellijk gevaar & <dreiging>."},
                     "horen_mogelijk": {"outcome": "gehoord", "reasoning": "Beiden ter plaatse gehoord."}},
    }


def huisverbod(imposed_at: datetime | None = None, **gegevens: Any) -> dict[str, Any]:
    """Loaded huisverbod data, as the intake service receives it."""
    return MeldingSchema().load(huisverbod_form(imposed_at, **gegevens))
