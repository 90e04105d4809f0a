"""Base schemas every power uses: strict (unknown fields refused), an address, a person, a rechthebbende."""

from __future__ import annotations

from typing import Any

from marshmallow import RAISE, Schema, post_load, validate

from app.domain.codes import RECHTHEBBENDE_SOORTEN
from app.schemas.fields import CleanString, choice, text

YES_NO_UNKNOWN = ("yes", "no", "unknown")
POSTCODE = validate.Regexp(r"^[1-9][0-9]{3} ?[A-Za-z]{2}$", error="Vul een postcode in als 1234 AB.")
HUISNUMMER = validate.Regexp(r"^[1-9][0-9]{0,4}( ?[A-Za-z0-9-]{1,6})?$",
                             error="Vul een huisnummer in, eventueel met toevoeging (12, 12a, 12-2).")


class StrictSchema(Schema):
    error_messages = {"unknown": "Onbekend veld.", "type": "Ongeldige invoer."}

    class Meta:
        unknown = RAISE


class AdresSchema(StrictSchema):
    straat = text(200, required=True)
    huisnummer = CleanString(required=True, validate=HUISNUMMER)
    postcode = CleanString(required=True, validate=POSTCODE)
    woonplaats = text(100, required=True)

    @post_load
    def _normalise_postcode(self, data: dict[str, Any], **_: Any) -> dict[str, Any]:
        """NEN 5825 writes a postcode as 1234 AB in every letter."""
        code = data["postcode"].replace(" ", "").upper()
        return {**data, "postcode": f"{code[:4]} {code[4:]}"}


class RechthebbendeSchema(AdresSchema):
    naam = text(200, required=True)
    soort = choice(tuple(s for s in RECHTHEBBENDE_SOORTEN if s != "niet_van_toepassing"), required=True)
