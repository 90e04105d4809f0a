"""The melding of the fictional power `proef`: a drug find with amounts per kind, residents and an owner."""

from __future__ import annotations

from marshmallow import validate

from app.schemas.base import YES_NO_UNKNOWN, RechthebbendeSchema, StrictSchema
from app.schemas.fields import Boolean, Decimal, List, Nested, choice, text
from app.schemas.melding import MeldingEnvelope
from tests.powers.proef.aanvraag import AanvraagSchema, OnderzoekSchema

_GRAMS = validate.Range(min=0, max=100_000, error="Vul een hoeveelheid in tussen 0 en 100.000.")


class BewonerSchema(StrictSchema):
    naam = text(200, required=True)


class ProefCaseFileSchema(StrictSchema):
    premises_type = choice(("woning", "lokaal", "erf", "voertuig"), required=True)
    medical_practice = Boolean(load_default=False)
    hard_drugs_g = Decimal(load_default=0, validate=_GRAMS)
    lijst_ia_g = Decimal(load_default=0, validate=_GRAMS)
    soft_drugs_g = Decimal(load_default=0, validate=_GRAMS)
    dealing_observed = choice(YES_NO_UNKNOWN, load_default="unknown")
    # A record with records and lists in it, and a list of records: the facts form's groups and lines.
    aanvraag = Nested(AanvraagSchema, load_default=None, allow_none=True)
    onderzoek = List(Nested(OnderzoekSchema), load_default=list)


class ProefMeldingSchema(MeldingEnvelope):
    bewoners = List(Nested(BewonerSchema), load_default=list, validate=validate.Length(
        min=1, max=5, error="Vul ten minste één bewoner in."))
    rechthebbende = Nested(RechthebbendeSchema, load_default=None, allow_none=True)
    gegevens = Nested(ProefCaseFileSchema, required=True)


EDITABLE_FACTS = ("dealing_observed", "medical_practice", "aanvraag", "onderzoek")
