"""The ouderbrief melding: an incident report about a minor, the persons with parental authority, and what
else is known about the child (never the names of other children, victims or witnesses).

The envelope's address is the place of the incident. The moment of the incident gives the melding's date
(pleegdatum). Earlier letters about the child come from the history, never from the form.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from marshmallow import ValidationError, pre_load, validate, validates_schema

from app import clock
from app.schemas.base import YES_NO_UNKNOWN, AdresSchema, StrictSchema
from app.schemas.fields import BirthDate, Boolean, Date, List, Moment, Nested, choice, text
from app.schemas.melding import MeldingEnvelope

INCIDENT_TYPES = ("overlast", "vernieling", "intimidatie", "vuurwerk", "wildplassen", "geluid", "drugs", "overig")
SOURCES = ("politie", "handhaving")
RELATIONS = ("ouder", "voogd")
INTERVENTIONS = ("halt", "netwerkoverleg_jeugd", "jongerenwerk", "leerplicht", "zorgmelding", "overig")
_CLOCK_SKEW = timedelta(minutes=5)


class ChildSchema(StrictSchema):
    naam = text(200, required=True)
    geboortedatum = BirthDate(required=True)
    adres = Nested(AdresSchema, required=True)


class GezaghebbendeSchema(StrictSchema):
    """A parent or guardian WITH parental authority, at their own address (a parent without it gets nothing)."""

    naam = text(200, required=True)
    relatie = choice(RELATIONS, required=True)
    adres = Nested(AdresSchema, required=True)


class InterventionSchema(StrictSchema):
    soort = choice(INTERVENTIONS, required=True)
    datum = Date(load_default=None, allow_none=True)


class OuderbriefCaseFileSchema(StrictSchema):
    """The case file of a letter to the parents (docs/contracts.md)."""

    incident_at = Moment(required=True)
    incident_time_unknown = Boolean(load_default=False)  # a follow-up knows the day, not the time
    incident_place = text(300, required=True)  # a description of the place; no names
    incident_type = choice(INCIDENT_TYPES, required=True)
    incident_source = choice(SOURCES, required=True)
    gia_signal = choice(YES_NO_UNKNOWN, load_default="unknown")
    child = Nested(ChildSchema, required=True)
    gezaghebbenden = List(Nested(GezaghebbendeSchema), load_default=list, validate=validate.Length(
        max=4, error="Noem hoogstens vier personen met gezag."))
    group_code = text(60, load_default="")  # a known youth group; for coordination only, never printed
    other_interventions = List(Nested(InterventionSchema), load_default=list, validate=validate.Length(
        max=10, error="Noem hoogstens tien andere interventies."))

    @validates_schema
    def _dates_in_order(self, data: dict[str, Any], **_: Any) -> None:
        at: datetime = data["incident_at"]
        errors: dict[str, Any] = {}
        if at > datetime.now(at.tzinfo) + _CLOCK_SKEW:
            errors["incident_at"] = ["Het incident ligt in de toekomst."]
        if data["child"]["geboortedatum"] > at.date():
            errors["child"] = {"geboortedatum": ["De geboortedatum ligt na het incident."]}
        if errors:
            raise ValidationError(errors)


class OuderbriefMeldingSchema(MeldingEnvelope):
    """An incident report that identifies a minor (police or handhaving); the address is where it happened."""

    gegevens = Nested(OuderbriefCaseFileSchema, required=True)

    @pre_load
    def _date_of_incident(self, data: dict[str, Any], **_: Any) -> dict[str, Any]:
        """The melding's date is the day of the incident; the form does not ask for it twice."""
        try:
            day = Moment().deserialize((data.get("gegevens") or {}).get("incident_at")).date().isoformat()
        except ValidationError:
            day = clock.today().isoformat()  # the moment's own field reports the problem
        if not data.get("pleegdatum"):
            data = {**data, "pleegdatum": day}
        if not data.get("bron_datum"):
            data = {**data, "bron_datum": day}
        return data


# What the jurist may correct: the kind and source of the incident (a follow-up guesses them), the place
# as the letter names it, the safety signal and the group code.
EDITABLE_FACTS = ("incident_type", "incident_source", "incident_place", "gia_signal", "group_code")
