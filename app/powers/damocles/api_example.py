"""The example melding the OpenAPI document shows for POST /api/v1/meldingen (and, as a case file, for
POST /api/v1/evaluaties): a valid report the test app accepts (tests/web/test_openapi_schemathesis.py)."""

from __future__ import annotations

from typing import Any

MELDING: dict[str, Any] = {
    "submission_id": "voorbeeld-melding-0001", "zaaktype": "damocles", "bron_soort": "bestuurlijke_rapportage",
    "bron_kenmerk": "BR-2026-0001", "bron_datum": "2026-03-02", "pleegdatum": "2026-03-01",
    "adres": {"straat": "Voorbeeldstraat", "huisnummer": "1", "postcode": "6211 AA", "woonplaats": "Maastricht"},
    "bewoners": [{"naam": "A. Voorbeeld", "roltype": "bewoner"}],
    "gegevens": {"premises_type": "woning", "attributes_found": ["weegschaal"],
                 "substances": [{"name": "cocaïne", "opiumwet_list": "lijst_i", "quantity": 2.5, "unit": "g"}]},
}
