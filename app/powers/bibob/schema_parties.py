"""Bibob case file, third parties and conditions. A third party named in the advice or the intended decision
gets his own letter with only his own part (art. 28 lid 3, 33): his postal address is part of his record, flat,
so the jurist can add him on the case page. A condition has a code from the parameter standaard_voorschriften
or `eigen` with its own text (art. 3 lid 7)."""

from __future__ import annotations

from typing import Any

from marshmallow import ValidationError, validate, validates_schema

from app.schemas.base import AdresSchema, StrictSchema
from app.schemas.fields import CleanString, text

OWN_CONDITION = "eigen"
# The codes the parameter standaard_voorschriften has ever given a text (tests/powers/test_bibob_schema.py keeps
# them in step), so the facts form offers a list to choose from. A code the parameter no longer has on the
# peildatum is caught by the rule voorschrift_onbekende_code.
STANDARD_CONDITIONS = ("melding_wijziging_zeggenschap", "geen_contante_financiering", "inzage_administratie",
                       "genoemde_persoon_niet_betrokken", "herkomst_vermogen_verklaring")


class ThirdPartySchema(AdresSchema):
    """A third party named in the advice: who, where he lives, his part of the advice and why it is used."""

    name = text(200, required=True)
    part_of_advice = text(5000, load_default="")
    use_reason = text(2000, load_default="")


class ConditionSchema(StrictSchema):
    """A condition: a standard one by its code (its text comes from the parameter), or `eigen` with a text."""

    code = CleanString(required=True, validate=validate.OneOf(
        (*STANDARD_CONDITIONS, OWN_CONDITION),
        error="Kies een standaardvoorschrift uit de lijst, of 'Eigen voorschrift'."))
    text = text(2000, load_default="")

    @validates_schema
    def _own_has_text(self, data: dict[str, Any], **_: Any) -> None:
        if data["code"] == OWN_CONDITION and not data["text"]:
            raise ValidationError({"text": ["Schrijf de tekst van het eigen voorschrift."]})
