"""The woonoverlast melding: reports of nuisance from one dwelling (the envelope's `adres`), the chronology of
incidents, the softer means tried, who is addressed (the user or the landlord) and, later, the instructions
and the presence ban. The latest incident of the first report gives the melding's date (pleegdatum).

Neighbours are never named: an incident records the KIND of reporter and their number only (pitfall 13).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from marshmallow import ValidationError, pre_load, validate, validates_schema

from app import clock
from app.schemas.base import YES_NO_UNKNOWN, AdresSchema, StrictSchema
from app.schemas.fields import BirthDate, Boolean, CleanString, Date, Integer, List, Moment, Nested, choice, text
from app.schemas.melding import MeldingEnvelope, dated_by_moments

ADDRESSEE_ROLES = ("gebruiker", "verhuurder")
INCIDENT_KINDS = ("geluid", "intimidatie", "bedreiging", "vervuiling", "bezoekers", "dieren", "stank", "drugs",
                  "overig")
ORIGINS = ("in_woning", "vanuit_woning", "onmiddellijke_nabijheid", "elders")
SOURCES = ("melddesk", "politie", "boa", "corporatie", "zorgpartner", "omwonende")
REPORTERS = ("omwonende", "politie", "boa", "corporatie", "zorgpartner", "anoniem")
SOFTER_MEANS = ("gesprek", "waarschuwing", "buurtbemiddeling", "mediation", "hulpverlening", "verhuurder_maatregel",
                "huurrechtelijke_maatregel", "overige_handhaving")
MEANS_OUTCOMES = ("geslaagd", "mislukt", "geweigerd", "niet_geschikt", "niet_geprobeerd")
# A means not tried, or not suitable, needs the reason why (151d lid 2: subsidiarity is a condition of competence).
NEEDS_REASON = ("niet_geschikt", "niet_geprobeerd")
MAX_INSTRUCTIONS = 6
_CLOCK_SKEW = timedelta(minutes=5)  # a phone's clock may run a little ahead of the server's
# The case-file field that says what the measure is about: an order to the user and one to the landlord differ.
MEASURE_FIELDS = ("addressee_role",)


class GebruikerSchema(StrictSchema):
    """The user of the dwelling; he lives at the zaak's address. His date of birth identifies him (earlier
    measures) and decides whether a presence ban is possible (adults only); the rules need it in every case."""

    naam = text(200, required=True)
    geboortedatum = BirthDate(required=True)


class VerhuurderSchema(AdresSchema):
    """The landlord or housing corporation that gives the dwelling in use, at its own address (also abroad). An
    organisation is recognised by its name in earlier measures; a landlord who is a person by name and date of
    birth (optional: without it his earlier orders cannot be matched)."""

    naam = text(200, required=True)
    organisatie = Boolean(load_default=False)
    geboortedatum = BirthDate(load_default=None, allow_none=True)


class IncidentSchema(StrictSchema):
    """One dated incident of the chronology; the reporter is a kind, never a name."""

    at = Moment(required=True)
    kind = choice(INCIDENT_KINDS, required=True)
    origin = choice(ORIGINS, required=True)
    distance_m = Integer(load_default=None, allow_none=True, validate=validate.Range(
        min=0, max=100_000, error="Vul een afstand van 0 meter of meer in."))
    source = choice(SOURCES, required=True)
    source_kenmerk = text(100, load_default="")
    reporter = choice(REPORTERS, required=True)
    established = Boolean(load_default=False)
    description = text(2000, load_default="")
    instruction = text(10, load_default=None, allow_none=True)

    @validates_schema
    def _not_in_the_future(self, data: dict[str, Any], **_: Any) -> None:
        at: datetime = data["at"]
        if at > datetime.now(at.tzinfo) + _CLOCK_SKEW:
            raise ValidationError({"at": ["Dit incident ligt in de toekomst."]})

    @pre_load
    def _empty_instruction_is_none(self, data: Any, **_: Any) -> Any:
        """A form sends an empty field for "no instruction breached"."""
        if isinstance(data, dict) and data.get("instruction") == "":
            return {**data, "instruction": None}
        return data


class SofterMeansSchema(StrictSchema):
    """A softer means tried or considered (151d lid 2), with its outcome and, if not tried, why not."""

    kind = choice(SOFTER_MEANS, required=True)
    date = Date(load_default=None, allow_none=True)
    outcome = choice(MEANS_OUTCOMES, required=True)
    reason = text(2000, load_default="")

    @validates_schema
    def _reason_when_not_tried(self, data: dict[str, Any], **_: Any) -> None:
        if data["outcome"] in NEEDS_REASON and not data["reason"]:
            raise ValidationError({"reason": ["Geef aan waarom dit middel niet geschikt was of niet is geprobeerd."]})


class InstructionSchema(StrictSchema):
    """A behaviour instruction of the order, with the code a breach report names."""

    code = CleanString(required=True, validate=validate.Regexp(
        r"^[A-Z][0-9]{1,2}$", error="Gebruik een code als A1: een hoofdletter en een of twee cijfers."))
    text = text(1000, required=True)


def _unique_codes(rows: list[dict[str, Any]]) -> None:
    codes = [row["code"] for row in rows]
    if len(codes) != len(set(codes)):
        raise ValidationError("Geef elke aanwijzing een eigen code.")


class WoonoverlastCaseFileSchema(StrictSchema):
    """The case file of a woonoverlast melding (rules/woonoverlast/index.yaml; CONTRACT of issue 9)."""

    erf = Boolean(load_default=False)
    addressee_role = choice(ADDRESSEE_ROLES, required=True)
    gebruiker = Nested(GebruikerSchema, required=True)
    verhuurder = Nested(VerhuurderSchema, load_default=None, allow_none=True)
    verhuurder_kan_beinvloeden_toelichting = text(2000, load_default="")
    minors_in_household = choice(YES_NO_UNKNOWN, load_default="unknown")
    household_description = text(1000, load_default="")
    affected_omwonenden = Integer(required=True, validate=validate.Range(
        min=0, max=10_000, error="Vul een aantal van 0 of meer in."))
    incidents = List(Nested(IncidentSchema), required=True, validate=validate.Length(
        min=1, max=100, error="Vul ten minste één incident in (hoogstens honderd per melding)."))
    softer_means = List(Nested(SofterMeansSchema), load_default=list, validate=validate.Length(
        max=20, error="Noem hoogstens twintig andere middelen."))
    vulnerability = text(2000, load_default="")
    care_organisation = text(200, load_default="")
    care_since = Date(load_default=None, allow_none=True)
    instructions = List(Nested(InstructionSchema), load_default=list, validate=[validate.Length(
        max=MAX_INSTRUCTIONS, error=f"Noem hoogstens {MAX_INSTRUCTIONS} aanwijzingen."), _unique_codes])
    # Awb 5:21, 5:24 lid 1 and 5:25 lid 2: what the mayor has done himself when an instruction is not complied with.
    bestuursdwang_uitvoering = text(2000, load_default="")
    ban_start_at = Moment(load_default=None, allow_none=True)
    ban_area = text(1000, load_default="")
    ban_extension_end_at = Moment(load_default=None, allow_none=True)
    appeal_against_order_pending = Boolean(load_default=False)

    @validates_schema
    def _addressee_known(self, data: dict[str, Any], **_: Any) -> None:
        errors: dict[str, Any] = {}
        if data["addressee_role"] == "verhuurder" and not data.get("verhuurder"):
            errors["verhuurder"] = {"naam": ["Vul de verhuurder in: de last is aan hem gericht."]}
        born = data["gebruiker"]["geboortedatum"]
        if born > clock.today():
            errors["gebruiker"] = {"geboortedatum": ["De geboortedatum ligt in de toekomst."]}
        elif any(i["at"].date() < born for i in data["incidents"]):
            errors["gebruiker"] = {"geboortedatum": ["De geboortedatum ligt na een incident."]}
        if data.get("ban_start_at") and data.get("ban_extension_end_at") and \
                data["ban_extension_end_at"] <= data["ban_start_at"]:
            errors["ban_extension_end_at"] = ["Het nieuwe einde ligt voor het begin van het verbod."]
        if errors:
            raise ValidationError(errors)


class WoonoverlastMeldingSchema(MeldingEnvelope):
    """Reports of nuisance from one dwelling (Melddesk, police, BOA, corporation); `adres` is the dwelling."""

    gegevens = Nested(WoonoverlastCaseFileSchema, required=True)

    @pre_load
    def _date_of_latest_incident(self, data: dict[str, Any], **_: Any) -> dict[str, Any]:
        """The melding's date is the day of the latest incident; the form does not ask for it twice."""
        return dated_by_moments(data, "incidents", "at", max)


# What the jurist completes or corrects on the case page (the addressee is chosen at intake, not here).
EDITABLE_FACTS = (
    "incidents", "softer_means", "vulnerability", "care_organisation", "care_since", "instructions", "ban_start_at",
    "ban_area", "ban_extension_end_at", "affected_omwonenden", "minors_in_household", "household_description",
    "verhuurder_kan_beinvloeden_toelichting", "appeal_against_order_pending", "erf", "bestuursdwang_uitvoering",
)
