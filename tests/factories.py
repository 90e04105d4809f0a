"""Builders for test input: fictional meldingen in the shape the schemas produce."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Any

from app.schemas.melding import MeldingSchema


def melding_form(**overrides: Any) -> dict[str, Any]:
    """Raw (API-shaped) melding input: a dealing quantity of hard drugs in a rented woning."""
    found = overrides.pop("pleegdatum", date.today() - timedelta(days=7))
    gegevens = {"premises_type": "woning", "attributes_found": ["weegschaal"],
                "substances": [{"name": "MDMA", "opiumwet_list": "lijst_i", "quantity": 2.3, "unit": "g"},
                               {"name": "cocaïne", "opiumwet_list": "lijst_i", "quantity": 0.55, "unit": "g"}]}
    gegevens.update(overrides.pop("gegevens", {}))
    data = {
        "submission_id": uuid.uuid4().hex, "zaaktype": "damocles", "bron_soort": "bestuurlijke_rapportage",
        "bron_kenmerk": "BR-TEST-1",
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
