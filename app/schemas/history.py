"""Schemas for earlier measures entered by hand and for recording that a measure was revoked or annulled."""

from __future__ import annotations

from typing import Any

from marshmallow import ValidationError, validates_schema

from app.domain.history import REVOCATIONS
from app.schemas.base import HUISNUMMER, POSTCODE, StrictSchema
from app.schemas.fields import BirthDate, Boolean, CleanString, Date, Integer, choice, text


class EerdereMaatregelSchema(StrictSchema):
    """An earlier warning or closure from before go-live or another source (one form on the case page)."""

    version = Integer(required=True)  # of the zaak it is entered from
    soort = text(60, required=True)  # one of the power's escalation outcomes (checked by the use case)
    pleegdatum = Date(required=True)
    verzonden = Boolean(required=True)
    verzenddatum = Date(load_default=None, allow_none=True)
    straat = text(200, required=True)
    huisnummer = CleanString(required=True, validate=HUISNUMMER)
    postcode = CleanString(required=True, validate=POSTCODE)
    woonplaats = text(100, required=True)
    persoon_naam = text(200, load_default="")
    persoon_geboortedatum = BirthDate(load_default=None, allow_none=True)
    kenmerk = text(100, required=True)
    bron = text(200, required=True)
    toelichting = text(2000, load_default="")

    @validates_schema(skip_on_field_errors=False)  # every problem in one go
    def _dates(self, data: dict[str, Any], **_: Any) -> None:
        sent, letter = data.get("verzonden"), data.get("verzenddatum")
        if sent and letter is None:
            raise ValidationError("Vul de datum van verzending in als de brief is verzonden.", "verzenddatum")
        if letter is not None and data.get("pleegdatum") and letter < data["pleegdatum"]:
            raise ValidationError("De brief kan niet vóór de overtreding zijn verzonden.", "verzenddatum")
        if data.get("persoon_geboortedatum") and not data.get("persoon_naam"):
            raise ValidationError("Vul ook de naam in bij een geboortedatum.", "persoon_naam")


class IntrekkingSchema(StrictSchema):
    """A measure was revoked (ingetrokken) or annulled in bezwaar or beroep: from then on it does not count."""

    version = Integer(required=True)  # of the beslissing or earlier measure
    soort = choice(REVOCATIONS, required=True)
    datum = Date(required=True)
    reden = text(2000, required=True)
