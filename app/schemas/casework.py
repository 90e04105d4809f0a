"""Schemas of the casework use cases: facts, judgements, zienswijze, drafts, review, nacontrole, evaluation."""

from __future__ import annotations

from typing import Any

from marshmallow import ValidationError, fields, validate, validates_schema

from app.domain.dispatch import METHOD_LABELS, RETURN_LABELS
from app.domain.hearing import ZIENSWIJZE_OUTCOMES
from app.schemas.base import RechthebbendeSchema, StrictSchema
from app.schemas.fields import CleanString, Date, Decimal, Integer, List, choice, text


class NieuweRechthebbendeSchema(RechthebbendeSchema):
    version = Integer(required=True)


def facts_schema(case_file_schema: type[StrictSchema], editable: tuple[str, ...]) -> type[StrictSchema]:
    """The facts form of a power: its editable case-file fields without defaults, plus the version.

    Only the facts a form sends are changed; the version detects concurrent edits.
    """
    declared = case_file_schema._declared_fields
    fields_ = {name: _without_default(declared[name]) for name in editable}
    return StrictSchema.from_dict({"version": Integer(required=True), **fields_}, name="FeitenSchema")


def _without_default(field: fields.Field) -> fields.Field:
    kwargs: dict[str, Any] = {"validate": field.validate, "allow_none": field.allow_none}
    if isinstance(field, fields.List):
        return type(field)(field.inner, **kwargs)
    if isinstance(field, fields.Nested):  # a record: sent and stored whole, checked by its own schema
        return type(field)(field.nested, many=field.many, **kwargs)
    return type(field)(**kwargs)


class OordeelSchema(StrictSchema):
    version = Integer(required=True)  # of the zaak: a colleague's judgement in between is not overwritten
    code = text(60, required=True)
    outcome = text(60, required=True)
    reasoning = text(10000, required=True)


class ZienswijzeSchema(StrictSchema):
    version = Integer(required=True)
    outcome = choice(ZIENSWIJZE_OUTCOMES, required=True)
    # Received: from whom (a betrokkene of the zaak), when and how; every party's zienswijze is answered.
    betrokkene_id = Integer(load_default=None, allow_none=True)
    ontvangen_op = Date(load_default=None, allow_none=True)
    wijze = choice(("schriftelijk", "mondeling"), load_default=None, allow_none=True)
    samenvatting = text(10000, load_default="")
    reactie = text(10000, required=True)


class DraftSchema(StrictSchema):
    """The outcome is checked against the power's procedure data by the drafting use case."""

    version = Integer(required=True)
    soort = text(60, required=True)
    verzenddatum = Date(required=True)
    duur = Integer(load_default=None, allow_none=True)
    ingangsdatum = Date(load_default=None, allow_none=True)
    # A last onder dwangsom: the amount per violation and the maximum (empty: the policy's proposal).
    bedrag = Decimal(load_default=None, allow_none=True, validate=validate.Range(min=0, max=10_000_000,
                                                                              error="Vul een bedrag in euro in."))
    maximum = Decimal(load_default=None, allow_none=True, validate=validate.Range(min=0, max=100_000_000,
                                                                                error="Vul een bedrag in euro in."))


class SubmitSchema(StrictSchema):
    version = Integer(required=True)
    ondertekenaar_id = Integer(required=True)


class ApproveSchema(StrictSchema):
    version = Integer(required=True)
    sha256 = List(CleanString(), required=True)


class ReturnSchema(StrictSchema):
    version = Integer(required=True)
    opmerking = text(5000, required=True)


class NacontroleSchema(StrictSchema):
    """Review afterwards: the kabinet records that it checked a decision taken on the spot, with remarks."""

    version = Integer(required=True)
    opmerking = text(5000, load_default="")


class VerzendingSchema(StrictSchema):
    """The dispatch of one letter: when and how it went out; a correction of an earlier record needs a reason."""

    version = Integer(required=True)
    document_id = Integer(required=True)
    verzonden_op = Date(required=True)
    methode = choice(tuple(METHOD_LABELS), required=True)
    bewijs = text(200, load_default="")
    reden = text(2000, load_default="")
    elektronisch_bereikbaar = text(200, load_default="")  # Awb 2:14 lid 1; the service requires it for e-mail


class RetourSchema(StrictSchema):
    """A sent letter that came back: when, why, and an optional note."""

    version = Integer(required=True)
    document_id = Integer(required=True)
    ontvangen_op = Date(required=True)
    reden = choice(tuple(RETURN_LABELS), required=True)
    bekendgemaakt = choice(("ja", "nee"), required=True)
    toelichting = text(2000, required=True)


class EvaluatieSchema(StrictSchema):
    """Stateless evaluation: a power and a date, with either one flat fact (the power's vocabulary) or the
    power's case file as handhaving submits it (optionally with earlier measures at the same address)."""

    # power_code, power_facts: the OpenAPI document lists the registered powers and their vocabularies here.
    power = text(40, required=True, metadata={"power_code": True, "description": "De bevoegdheid (zaaktype)."})
    date = Date(required=True, metadata={"description": "De peildatum: de wet en de regels van die dag."})
    verzenddatum = Date(load_default=None, allow_none=True)  # for the indicative deadlines; default today
    # Values stay raw: the rulebook checks each flat fact strictly against the vocabulary (no coercion),
    # and a case file is loaded with the power's own schema.
    facts = fields.Dict(keys=fields.String(), load_default=None,
                        error_messages={"invalid": "Geef de feiten als object."},
                        metadata={"power_facts": True, "description": (
                            "Eén plat feit in de woordenlijst van de bevoegdheid (Feiten_<bevoegdheid>): elk feit "
                            "precies één keer, van zijn type. Geef facts of case_file, niet allebei.")})
    case_file = fields.Dict(keys=fields.String(), load_default=None,
                            error_messages={"invalid": "Geef het dossier als object."},
                            metadata={"description": (
                                "Het dossier zoals handhaving het meldt: de melding van de bevoegdheid "
                                "(Melding_<bevoegdheid>) zonder zaaktype.")})
    history = List(fields.Dict(keys=fields.String()), load_default=list)

    @validates_schema
    def _one_input(self, data: dict[str, Any], **_: Any) -> None:
        if (data.get("facts") is None) == (data.get("case_file") is None):
            raise ValidationError({"facts": ["Geef de feiten (facts) of het dossier (case_file), niet allebei."]})


class WithdrawSchema(StrictSchema):
    """The jurist takes an offered draft back from the kabinet (reason optional, kept in the audit trail)."""

    version = Integer(required=True)
    reden = text(2000)
