"""The straathandel melding: the police report of street dealing (one or more observations of one person in one
role), the person with his own address (also abroad), the indications of repetition and, for a minor, the
persons with parental authority. The first observation gives the melding's date (pleegdatum)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from marshmallow import ValidationError, pre_load, validate, validates_schema

from app.schemas.base import YES_NO_UNKNOWN, AdresSchema, StrictSchema
from app.schemas.fields import BirthDate, Boolean, Decimal, Integer, List, Moment, Nested, choice, text
from app.schemas.melding import MeldingEnvelope, dated_by_moments

LOCATION_TYPES = ("openbare_plaats", "weg", "voertuig_op_weg", "woning", "lokaal", "overig")
ROLES = ("verkoper", "koper", "bemiddelaar", "behulpzaam")
SUBSTANCES = ("lijst_i", "lijst_ii", "gelijkende_waar", "unknown")
ITEMS = ("gebruikershoeveelheid", "handelsverpakkingen", "contant_geld", "meerdere_telefoons")
OBSERVERS = ("politie", "boa")
INDICATORS = ("eerdere_registratie", "aanwezig_op_hotspot", "eerdere_waarschuwing", "hoeveelheid_geld_of_verpakkingen")
RELATIONS = ("ouder", "voogd")
_CLOCK_SKEW = timedelta(minutes=5)
# The case-file field that says what the order is about: a seller's order and a buyer's order are separate.
MEASURE_FIELDS = ("dealing_role",)


class StraathandelPersonSchema(AdresSchema):
    """The person observed, at his own address (also in Belgium or Germany; app/schemas/base.py)."""

    naam = text(200, required=True)
    geboortedatum = BirthDate(required=True)


class StraathandelGezaghebbendeSchema(AdresSchema):
    """A person with parental authority, at his or her own address."""

    naam = text(200, required=True)
    relatie = choice(RELATIONS, required=True)


class StraathandelObservationSchema(StrictSchema):
    observed_at = Moment(required=True)
    place_description = text(500, required=True)
    location_type = choice(LOCATION_TYPES, required=True)
    transfer_observed = Boolean(load_default=False)
    contacts_observed = Integer(load_default=0, validate=validate.Range(
        min=0, max=100, error="Vul een aantal van 0 tot en met 100 in."))
    description = text(2000, load_default="")  # what the officer saw, in his words (the letters quote it)
    substance_class = choice(SUBSTANCES, load_default="unknown")
    substance_description = text(200, load_default="")
    items_found = List(choice(ITEMS), load_default=list)
    cash_found_eur = Decimal(load_default=None, allow_none=True, validate=validate.Range(
        min=0, max=10_000_000, error="Vul een bedrag van 0 of meer in."))
    observer = choice(OBSERVERS, load_default="politie")
    report_on_oath = Boolean(load_default=False)


class StraathandelIndicatorSchema(StrictSchema):
    kind = choice(INDICATORS, required=True)
    description = text(500, load_default="")


class StraathandelCaseFileSchema(StrictSchema):
    """The case file of a straathandel melding (docs/contracts.md)."""

    dealing_role = choice(ROLES, required=True)
    waargenomen_persoon = Nested(StraathandelPersonSchema, required=True)
    identity_established = choice(YES_NO_UNKNOWN, load_default="unknown")
    observations = List(Nested(StraathandelObservationSchema), required=True, validate=validate.Length(
        min=1, max=10, error="Vul ten minste één en hoogstens tien waarnemingen in."))
    repetition_indicators = List(Nested(StraathandelIndicatorSchema), load_default=list, validate=validate.Length(
        max=10, error="Noem hoogstens tien aanwijzingen."))
    income_situation = text(1000, load_default="")
    gezaghebbenden = List(Nested(StraathandelGezaghebbendeSchema), load_default=list, validate=validate.Length(
        max=4, error="Noem hoogstens vier gezaghebbenden."))
    scope_description = text(500, load_default="")  # an area narrower than the APV norm's, if policy sets one
    appeal_against_order_pending = Boolean(load_default=False)
    bekendmaking_buitenland = text(500, load_default="")

    @validates_schema
    def _consistent(self, data: dict[str, Any], **_: Any) -> None:
        errors: dict[int, Any] = {}
        born = data["waargenomen_persoon"]["geboortedatum"]
        now = datetime.now(tz=data["observations"][0]["observed_at"].tzinfo)
        for i, seen in enumerate(data["observations"]):
            if seen["observed_at"] > now + _CLOCK_SKEW:
                errors[i] = {"observed_at": ["Deze waarneming ligt in de toekomst."]}
            elif seen["observed_at"].date() < born:
                errors[i] = {"observed_at": ["Deze waarneming ligt voor de geboortedatum."]}
        if errors:
            raise ValidationError({"observations": errors})


class StraathandelMeldingSchema(MeldingEnvelope):
    """A police (or BOA) report of dealing on the street; `adres` is the place of the (first) observation."""

    gegevens = Nested(StraathandelCaseFileSchema, required=True)

    @pre_load
    def _date_of_observation(self, data: dict[str, Any], **_: Any) -> dict[str, Any]:
        """The melding's date is the day of the first observation; the form does not ask for it twice."""
        return dated_by_moments(data, "observations", "observed_at", min)


# What the jurist completes or corrects on the case page.
EDITABLE_FACTS = ("identity_established", "income_situation", "scope_description", "appeal_against_order_pending",
                  "bekendmaking_buitenland")
