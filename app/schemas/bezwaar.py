"""Schemas for the life of a besluit after it is sent: a bezwaar and its steps, and direct beroep."""

from __future__ import annotations

from typing import Any

from marshmallow import ValidationError, post_load, validates_schema

from app.domain.bezwaar import (
    BEROEP_SOORTEN,
    BESLISSINGEN,
    NIET_HOREN_KEUZES,
    NIET_ONTVANKELIJK_GRONDEN,
    UITSPRAKEN,
    WIJZEN,
)
from app.schemas.base import StrictSchema
from app.schemas.fields import Boolean, Date, Integer, List, choice, text


class BezwaarSchema(StrictSchema):
    """A received bezwaar: from a betrokkene of the zaak, or another interested party by name and address."""

    version = Integer(required=True)  # of the zaak
    betrokkene_id = Integer(load_default=None, allow_none=True)
    indiener_naam = text(200, load_default="")
    indiener_adres = text(500, load_default="")
    ontvangen_op = Date(required=True)
    wijze = choice(tuple(WIJZEN), required=True)
    gepost_op = Date(load_default=None, allow_none=True)
    commissie = Boolean(load_default=False)
    gronden = text(8000, required=True)  # one ground per line

    @validates_schema(skip_on_field_errors=False)  # every problem in one go
    def _who(self, data: dict[str, Any], **_: Any) -> None:
        errors = {}
        if data.get("betrokkene_id") is None and not (data.get("indiener_naam") and data.get("indiener_adres")):
            errors["betrokkene_id"] = ["Kies een betrokkene, of vul de naam en het adres van de indiener in."]
        if data.get("wijze") == "post" and data.get("gepost_op") is None:
            errors["gepost_op"] = ["Vul de datum van de poststempel in."]
        if errors:
            raise ValidationError(errors)

    @post_load
    def _grounds(self, data: dict[str, Any], **_: Any) -> dict[str, Any]:
        data["gronden"] = [line.strip(" -•\t") for line in data["gronden"].splitlines() if line.strip(" -•\t")]
        return data


class VerschoonbaarSchema(StrictSchema):
    version = Integer(required=True)
    verschoonbaar = Boolean(required=True)
    reden = text(4000, required=True)


class HorenSchema(StrictSchema):
    version = Integer(required=True)
    hoorzitting_op = Date(load_default=None, allow_none=True)
    gehoord = text(2000, load_default="")
    bijgestaan_door = text(200, load_default="")
    niet_horen_grond = choice(tuple(NIET_HOREN_KEUZES), load_default=None, allow_none=True)
    niet_horen_reden = text(4000, load_default="")


class AdviesSchema(StrictSchema):
    version = Integer(required=True)
    advies_op = Date(required=True)
    samenvatting = text(8000, required=True)
    advies_uitkomst = choice(tuple(BESLISSINGEN), required=True)


class VerdagingSchema(StrictSchema):
    version = Integer(required=True)
    verdaagd_op = Date(required=True)


class UitstelSchema(StrictSchema):
    version = Integer(required=True)
    uitstel_tot = Date(required=True)
    reden = text(4000, required=True)


class BesluitOpBezwaarSchema(StrictSchema):
    version = Integer(required=True)
    uitkomst = choice(tuple(BESLISSINGEN), required=True)
    motivering = text(8000, required=True)
    verzenddatum = Date(required=True)  # the date of the letter; the decision is taken when it is approved
    ondertekenaar_id = Integer(required=True)
    reacties = List(text(4000, load_default=""), load_default=list)
    oordelen = List(Boolean(allow_none=True), load_default=None)
    nieuw_besluit = text(4000, load_default="")
    herroepen_deel = text(4000, load_default="")
    niet_ontvankelijk_grond = choice(tuple(NIET_ONTVANKELIJK_GRONDEN), load_default=None, allow_none=True)
    advies_gevolgd = Boolean(load_default=None, allow_none=True)
    afwijking_reden = text(4000, load_default="")


class BeroepSchema(StrictSchema):
    version = Integer(required=True)  # of the zaak
    soort = choice(BEROEP_SOORTEN, required=True)
    rechtbank = text(200, required=True)
    indiener_naam = text(200, required=True)
    ingediend_op = Date(required=True)
    zaaknummer = text(60, load_default="")
    zitting_op = Date(load_default=None, allow_none=True)


class UitspraakSchema(StrictSchema):
    version = Integer(required=True)
    uitspraak = choice(UITSPRAKEN, required=True)
    uitspraak_op = Date(required=True)
    zitting_op = Date(load_default=None, allow_none=True)
    toelichting = text(4000, load_default="")


STEPS = {"verschoonbaar": VerschoonbaarSchema, "horen": HorenSchema, "advies": AdviesSchema,
         "verdaging": VerdagingSchema, "uitstel": UitstelSchema}
