"""Bibob case file, the application part: the permit applied for (or granted), the applicant and the people
around the business (Wet Bibob art. 3 lid 4, art. 7a). No BSN: letters never show it and no rule needs it."""

from __future__ import annotations

from datetime import date
from typing import Any

from marshmallow import ValidationError, validate, validates_schema

from app import clock
from app.schemas.base import AdresSchema, BinnenlandsAdresSchema, StrictSchema
from app.schemas.fields import Date, Integer, Nested, choice, text

PERMIT_TYPES = ("exploitatievergunning_horeca", "alcoholwet_vergunning", "speelautomatenhal", "seksinrichting",
                "omgevingsvergunning", "overig")
BODIES = ("burgemeester", "college")
BETROKKENE_KINDS = ("natuurlijk_persoon", "rechtspersoon")
RELATED_ROLES = ("leidinggevende", "zeggenschaphebbende", "vermogensverschaffer", "zakelijk_partner")
# The expanded Wet Bibob (art. 3 lid 6 and 7, 3a, 4, 7a) is in force from this day; the rules start here.
REGIME_START = date(2020, 8, 1)
KVK = validate.Regexp(r"^[0-9]{8}$", error="Vul een KvK-nummer van acht cijfers in.")


class ApplicationSchema(StrictSchema):
    """The application: the permit type decides the competent body and the permit's own legal basis
    (parameters bevoegd_orgaan_per_vergunning and grondslag_per_vergunning); `address` is the establishment."""

    permit_type = choice(PERMIT_TYPES, required=True)
    received_on = Date(required=True)
    competent_body = choice(BODIES, required=True)
    statutory_term_weeks = Integer(load_default=None, allow_none=True, validate=validate.Range(
        min=1, max=52, error="Vul een beslistermijn van 1 tot en met 52 weken in, of laat het leeg."))
    kenmerk = text(100, required=True)
    business_name = text(200, required=True)
    address = Nested(BinnenlandsAdresSchema, required=True)

    @validates_schema
    def _received_in_the_past(self, data: dict[str, Any], **_: Any) -> None:
        if data["received_on"] > clock.today():
            raise ValidationError({"received_on": ["De datum van ontvangst ligt in de toekomst."]})


class ExistingPermitSchema(StrictSchema):
    """A permit already granted: the zaak is about withdrawing it (art. 3 lid 1, 7a lid 3)."""

    kenmerk = text(100, required=True)
    granted_on = Date(required=True)

    @validates_schema
    def _granted_in_the_past(self, data: dict[str, Any], **_: Any) -> None:
        if data["granted_on"] > clock.today():
            raise ValidationError({"granted_on": ["De datum van verlening ligt in de toekomst."]})


class BetrokkeneSchema(StrictSchema):
    """The applicant or permit holder (the betrokkene of the Wet Bibob) and his postal address; without one, the
    letters go to the establishment."""

    kind = choice(BETROKKENE_KINDS, required=True)
    name = text(200, required=True)
    kvk = text(8, load_default="")
    address = Nested(AdresSchema, load_default=None, allow_none=True)

    @validates_schema
    def _kvk_of_a_company(self, data: dict[str, Any], **_: Any) -> None:
        kvk = data.get("kvk") or ""
        if kvk and not KVK.regex.match(kvk):
            raise ValidationError({"kvk": [KVK.error]})
        if data["kind"] == "rechtspersoon" and not kvk:
            raise ValidationError({"kvk": ["Vul het KvK-nummer van de rechtspersoon in."]})


class RelatedPersonSchema(StrictSchema):
    """A leidinggevende, zeggenschaphebbende, vermogensverschaffer or business partner (art. 3 lid 4)."""

    role = choice(RELATED_ROLES, required=True)
    name = text(200, required=True)
