"""The filter of the figures page: a year and, optionally, one power (checked against the person's powers)."""

from __future__ import annotations

from typing import Any

from marshmallow import post_load, validate

from app.schemas.base import StrictSchema
from app.schemas.fields import CleanString, text

# A year as the list offers it; not a number typed the Dutch way (2.025 would read as a thousands separator).
YEAR = validate.Regexp(r"^(20[0-9]{2}|2100)?$", error="Kies een jaar uit de lijst, bijvoorbeeld 2025.")


class CijfersSchema(StrictSchema):
    """Unknown query parameters are refused; an empty field means: the current year, every power."""

    jaar = CleanString(load_default="", validate=YEAR)
    bevoegdheid = text(40, load_default="")

    @post_load
    def _year(self, data: dict[str, Any], **_: Any) -> dict[str, Any]:
        return {**data, "jaar": int(data["jaar"]) if data["jaar"] else None}
