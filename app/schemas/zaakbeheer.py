"""Schemas of correcting a betrokkene and of closing and reopening a zaak (Dutch messages)."""

from __future__ import annotations

from typing import Any

from marshmallow import pre_load

from app.domain.closure import AFSLUITREDENEN
from app.schemas.base import AdresSchema, StrictSchema
from app.schemas.fields import BirthDate, Integer, choice, text


class BetrokkeneSchema(AdresSchema):
    """The same checks as at intake: name, address (postcode 1234 AB, house number), date of birth."""

    version = Integer(required=True)
    naam = text(200, required=True)
    geboortedatum = BirthDate(load_default=None, allow_none=True)

    @pre_load
    def _empty_date_is_none(self, data: dict[str, Any], **_: Any) -> dict[str, Any]:
        """An emptied date field means "unknown"."""
        return {**data, "geboortedatum": data.get("geboortedatum") or None}


class AfsluitenSchema(StrictSchema):
    version = Integer(required=True)
    afsluitreden = choice(AFSLUITREDENEN, required=True)
    toelichting = text(5000, required=True)


class HeropenenSchema(StrictSchema):
    version = Integer(required=True)
    reden = text(5000, required=True)
