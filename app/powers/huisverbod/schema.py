"""The huisverbod melding: the imposition as the officer records it, with the judgements made on the spot.

The moment of imposition gives the melding's date (pleegdatum). Every moment is Dutch wall-clock time to
the minute; a time that does not exist (the hour skipped when summer time starts) is refused.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from marshmallow import ValidationError, pre_load, validate, validates_schema

from app import clock
from app.schemas.base import YES_NO_UNKNOWN, StrictSchema
from app.schemas.fields import BirthDate, Boolean, List, Moment, Nested, choice, text
from app.schemas.melding import MeldingEnvelope

CATEGORIES = ("persoon", "incident", "leefomstandigheden", "politiegegevens", "anders")
RIHG_OUTCOMES = ("ernstig_en_onmiddellijk_gevaar", "ernstig_vermoeden", "onvoldoende")
RESIDENCE = ("woont", "verblijft_niet_incidenteel", "incidenteel", "nee")
DECIDERS = ("orgaan", "plaatsvervanger", "hulpofficier_van_justitie", "gemandateerde")
INFORMED = ("nee", "inhoud", "inhoud_en_gevolgen")
_CLOCK_SKEW = timedelta(minutes=5)  # a phone's clock may run a little ahead of the server's
# An officer records an imposition the same night or the next day; a moment days ago is almost always a
# typing error that would print a letter telling someone to leave "now" and report by a date long gone.
_RECORDED_WITHIN = timedelta(days=3)


class PersonSchema(StrictSchema):
    naam = text(200, required=True)
    geboortedatum = BirthDate(required=True)
    telefoon = text(40, load_default="")


class HouseholdMemberSchema(StrictSchema):
    naam = text(200, required=True)
    relatie = text(100, required=True)
    geboortedatum = BirthDate(load_default=None, allow_none=True)


class FactorSchema(StrictSchema):
    category = choice(CATEGORIES, required=True)
    text = text(1000, required=True)


class RihgSchema(StrictSchema):
    completed_at = Moment(load_default=None, allow_none=True)
    completed_by = text(200, load_default="")
    outcome = choice(RIHG_OUTCOMES, load_default=None, allow_none=True)
    factors = List(Nested(FactorSchema), load_default=list, validate=validate.Length(
        max=20, error="Noem hoogstens 20 factoren."))


class HuisverbodCaseFileSchema(StrictSchema):
    """The case file of a huisverbod (docs/contracts.md)."""

    imposed_at = Moment(required=True)
    person = Nested(PersonSchema, required=True)
    residence_status = choice(RESIDENCE, required=True)
    brp_registered_at_dwelling = choice(YES_NO_UNKNOWN, load_default="unknown")
    area_description = text(1000, required=True)  # art. 2 lid 4 onder a: the order names the place
    # Where the barred person's letters go during the order (art. 2 lid 6); never the dwelling itself.
    postal_address = text(300, load_default="")
    rihg = Nested(RihgSchema, required=True)
    kindermishandeling = Boolean(load_default=False)
    veilig_thuis_consulted_at = Moment(load_default=None, allow_none=True)
    household = List(Nested(HouseholdMemberSchema), load_default=list, validate=validate.Length(
        min=1, max=12, error="Noem ten minste één achterblijver (huisgenoot)."))
    oral_first = Boolean(load_default=False)
    written_served_at = Moment(load_default=None, allow_none=True)
    whereabouts_unknown = Boolean(load_default=False)
    nederlegging_at = Moment(load_default=None, allow_none=True)
    keys_collected = Boolean(load_default=False)
    order_end_at = Moment(load_default=None, allow_none=True)
    reachability_given_at = Moment(load_default=None, allow_none=True)
    reachability_details = text(500, load_default="")
    household_informed = choice(INFORMED, load_default="nee")
    veilig_thuis_informed_at = Moment(load_default=None, allow_none=True)
    mayor_informed_at = Moment(load_default=None, allow_none=True)
    help_accepted = Boolean(load_default=False)
    help_confirmation = text(1000, load_default="")
    new_facts_reported = Boolean(load_default=False)
    new_facts = text(2000, load_default="")
    extension_new_end_at = Moment(load_default=None, allow_none=True)
    extension_decided_by = choice(DECIDERS, load_default=None, allow_none=True)
    extension_decided_at = Moment(load_default=None, allow_none=True)
    withdrawal_decided_by = choice(DECIDERS, load_default=None, allow_none=True)
    withdrawal_reason = text(2000, load_default="")
    withdrawal_effective_at = Moment(load_default=None, allow_none=True)

    @validates_schema
    def _moments_in_order(self, data: dict[str, Any], **_: Any) -> None:
        imposed: datetime = data["imposed_at"]
        errors = {}
        now = datetime.now(imposed.tzinfo)
        if imposed > now + _CLOCK_SKEW:
            errors["imposed_at"] = ["Het moment van opleggen ligt in de toekomst."]
        elif imposed < now - _RECORDED_WITHIN:
            errors["imposed_at"] = ["Het moment van opleggen ligt meer dan drie dagen terug. Controleer de datum."]
        if data["person"]["geboortedatum"] > imposed.date():
            errors["person"] = {"geboortedatum": ["De geboortedatum ligt na de oplegging."]}
        for key in ("written_served_at", "reachability_given_at", "nederlegging_at"):
            if data.get(key) and data[key] < imposed:
                errors[key] = ["Dit moment ligt voor de oplegging."]
        if errors:
            raise ValidationError(errors)


class AnswerSchema(StrictSchema):
    outcome = text(60, required=True)
    reasoning = text(10000, required=True)


class OnTheSpotSchema(StrictSchema):
    """The judgements the officer makes when imposing (T4 danger, V1 hearing, and after an earlier order at the
    address whether new facts carry a new one, V5); they go in the order."""

    gevaar = Nested(AnswerSchema, required=True)
    horen_mogelijk = Nested(AnswerSchema, required=True)
    nieuw_huisverbod = Nested(AnswerSchema, load_default=None, allow_none=True)


class HuisverbodMeldingSchema(MeldingEnvelope):
    """A huisverbod imposed on the spot by a hulpofficier van justitie in mandate (or the mayor)."""

    gegevens = Nested(HuisverbodCaseFileSchema, required=True)
    oordelen = Nested(OnTheSpotSchema, required=True)

    @pre_load
    def _date_of_imposition(self, data: dict[str, Any], **_: Any) -> dict[str, Any]:
        """The melding's date is the day of the imposition; the form does not ask for it twice."""
        try:
            imposed = Moment().deserialize((data.get("gegevens") or {}).get("imposed_at")).date().isoformat()
        except ValidationError:
            # The moment's own field reports the problem; the dates derived from it must not report it again
            # under fields this form does not have. The load fails anyway, so nothing is stored.
            imposed = clock.today().isoformat()
        if not data.get("pleegdatum"):
            data = {**data, "pleegdatum": imposed}
        if not data.get("bron_datum"):
            data = {**data, "bron_datum": imposed}
        return data


# What the jurist completes after the imposition, or prepares for the mayor (extension, withdrawal).
EDITABLE_FACTS = (
    "area_description", "postal_address", "residence_status", "brp_registered_at_dwelling", "written_served_at",
    "whereabouts_unknown", "nederlegging_at", "keys_collected", "reachability_given_at", "reachability_details",
    "household_informed", "veilig_thuis_informed_at", "mayor_informed_at", "help_accepted", "help_confirmation",
    "new_facts_reported", "new_facts", "extension_new_end_at", "extension_decided_by", "extension_decided_at",
    "withdrawal_decided_by", "withdrawal_reason", "withdrawal_effective_at",
)
