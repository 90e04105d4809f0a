"""Bibob case file, the advice part: the request to the Landelijk Bureau Bibob and its advice (art. 9, 15, 31,
32), and an earlier advice reused (art. 29). The dates must follow each other: the suspension of the decision
period (art. 31) is counted from them."""

from __future__ import annotations

from typing import Any

from marshmallow import ValidationError, validate, validates_schema

from app import clock
from app.schemas.base import StrictSchema
from app.schemas.fields import Boolean, Date, Integer, List, Nested, choice

CONCLUSIONS = ("geen_gevaar", "mindere_mate", "ernstig_gevaar_a", "ernstig_gevaar_b", "art_3_lid_6")
REUSED_CONCLUSIONS = CONCLUSIONS

# "from" is a Python keyword: the record is declared from a mapping so the stored key is the contract's own.
_DataRequestFields = StrictSchema.from_dict(
    {"from": Date(required=True), "to": Date(load_default=None, allow_none=True)}, name="_DataRequestFields")


class DataRequestSchema(_DataRequestFields):
    """A period in which the LBB waited for data it requested (art. 15: it suspends the advice period)."""

    @validates_schema
    def _in_order(self, data: dict[str, Any], **_: Any) -> None:
        if data.get("to") and data["to"] < data["from"]:
            raise ValidationError({"to": ["Het einde ligt voor het begin van het gegevensverzoek."]})


class ExtensionSchema(StrictSchema):
    """The one-off extension of the advice period the LBB notified (art. 15)."""

    weeks = Integer(required=True, validate=validate.Range(min=1, max=52, error="Vul een aantal weken in."))
    notified_on = Date(required=True)


class LbbSchema(StrictSchema):
    """The request for advice and the advice. `declined`: the LBB will not advise (art. 9 lid 5); `received_on` is
    then the day it said so. The decision period is suspended from `requested_on` to `received_on` (art. 31)."""

    requested_on = Date(load_default=None, allow_none=True)
    betrokkene_informed_on = Date(load_default=None, allow_none=True)
    data_requests = List(Nested(DataRequestSchema), load_default=list, validate=validate.Length(
        max=10, error="Noem hoogstens tien gegevensverzoeken."))
    extension = Nested(ExtensionSchema, load_default=None, allow_none=True)
    received_on = Date(load_default=None, allow_none=True)
    conclusion = choice(CONCLUSIONS, load_default=None, allow_none=True)
    advice_date = Date(load_default=None, allow_none=True)
    declined = Boolean(load_default=False)

    @validates_schema
    def _dates_in_order(self, data: dict[str, Any], **_: Any) -> None:
        asked, errors = data.get("requested_on"), {}
        later = ("betrokkene_informed_on", "received_on", "advice_date")
        for name in ("requested_on", *later):
            if data.get(name) and data[name] > clock.today():
                errors[name] = ["Deze datum ligt in de toekomst."]
        if asked is None and (data["declined"] or any(data.get(n) for n in later)):
            errors["requested_on"] = ["Vul eerst de datum van de adviesaanvraag in."]
        for name in later:
            if asked and data.get(name) and data[name] < asked:
                errors.setdefault(name, ["Deze datum ligt voor de adviesaanvraag."])
        if data.get("advice_date") and data.get("received_on") and data["advice_date"] > data["received_on"]:
            errors["advice_date"] = ["Het advies kan niet later gedateerd zijn dan de ontvangst."]
        errors.update(_advice_consistent(data))
        if errors:
            raise ValidationError(errors)


def _advice_consistent(data: dict[str, Any]) -> dict[str, list[str]]:
    """A conclusion comes with the day the advice arrived; a decline (art. 9 lid 5) with the day it was said."""
    if data["declined"] and data.get("conclusion"):
        return {"conclusion": ["Het LBB zag af van advies; er is dan geen conclusie."]}
    if data["declined"] and not data.get("received_on"):
        return {"received_on": ["Vul de datum in waarop het LBB liet weten af te zien van advies."]}
    if data.get("conclusion") and not data.get("received_on"):
        return {"received_on": ["Vul de datum van ontvangst van het advies in."]}
    if data.get("received_on") and not data["declined"] and not data.get("conclusion"):
        return {"conclusion": ["Vul de conclusie van het advies in."]}
    return {}


def empty_lbb() -> dict[str, Any]:
    """No advice requested yet."""
    return {"requested_on": None, "betrokkene_informed_on": None, "data_requests": [], "extension": None,
            "received_on": None, "conclusion": None, "advice_date": None, "declined": False}


class ReusedAdviceSchema(StrictSchema):
    """An earlier advice about the same persons, reused (art. 29); `still_current`: persons and facts unchanged."""

    date = Date(required=True)
    conclusion = choice(REUSED_CONCLUSIONS, required=True)
    still_current = Boolean(required=True)
