"""Bibob case file, what ends or turns the procedure: the application withdrawn (art. 7a lid 8), a refusal to
supply data (art. 4), a breach of Bibob conditions (art. 3 lid 7) and a verdaging of the decision period
(Awb 4:14)."""

from __future__ import annotations

from typing import Any

from marshmallow import ValidationError, validate, validates_schema

from app import clock
from app.schemas.base import StrictSchema
from app.schemas.fields import Boolean, Date, Integer, choice, text

REFUSAL_CONTEXTS = ("intrekkingsonderzoek_7a_lid3", "lbb_12_lid3")


def _past(data: dict[str, Any], *names: str) -> None:
    errors = {n: ["Deze datum ligt in de toekomst."] for n in names if data.get(n) and data[n] > clock.today()}
    if errors:
        raise ValidationError(errors)


class ApplicationWithdrawnSchema(StrictSchema):
    """The applicant withdrew the application; if that seems to be because of the screening, the body reports it
    to the LBB (art. 7a lid 8) and records when."""

    withdrawn_on = Date(required=True)
    suspected_because_of_bibob = Boolean(required=True)
    reported_to_lbb_on = Date(load_default=None, allow_none=True)

    @validates_schema
    def _in_order(self, data: dict[str, Any], **_: Any) -> None:
        _past(data, "withdrawn_on", "reported_to_lbb_on")
        reported = data.get("reported_to_lbb_on")
        if reported and reported < data["withdrawn_on"]:
            raise ValidationError({"reported_to_lbb_on": ["De melding ligt voor de intrekking van de aanvraag."]})
        if reported and not data["suspected_because_of_bibob"]:
            raise ValidationError({"reported_to_lbb_on": ["Een melding (art. 7a lid 8) volgt alleen bij een "
                                                          "vermoeden dat de intrekking met de toets samenhangt."]})


class RefusedToSupplySchema(StrictSchema):
    """The betrokkene refused to supply data: the Bibob form in a withdrawal investigation (art. 7a lid 3) or the
    LBB's request for more data (art. 12 lid 3); by art. 4 that gives ernstig gevaar."""

    context = choice(REFUSAL_CONTEXTS, required=True)


class PermitBreachSchema(StrictSchema):
    """A breach of the Bibob conditions of the permit (art. 3 lid 7): the withdrawal route, heard again."""

    date = Date(required=True)
    description = text(3000, required=True)

    @validates_schema
    def _in_the_past(self, data: dict[str, Any], **_: Any) -> None:
        _past(data, "date")


class Extension414Schema(StrictSchema):
    """The verdaging of the decision period (Awb 4:14 lid 3), notified to the applicant before the term ends."""

    weeks = Integer(required=True, validate=validate.Range(min=1, max=52, error="Vul een aantal weken in."))
    notified_on = Date(required=True)

    @validates_schema
    def _in_the_past(self, data: dict[str, Any], **_: Any) -> None:
        _past(data, "notified_on")
