"""The Bibob case file (gegevens) and its melding: an application for a permit (or a granted permit under
investigation) with the screening, the advice of the Landelijk Bureau Bibob, third parties and conditions.

Field names are what the letter kit reads. The parts live in schema_*.py; this module
joins them and checks what spans parts. The facts form loads single fields without these checks, so facts.py
refuses the contradictions it cannot count with (FactsRejected).
"""

from __future__ import annotations

from typing import Any

from marshmallow import ValidationError, pre_load, validate, validates_schema

from app import clock
from app.powers.bibob.schema_application import (
    REGIME_START,
    ApplicationSchema,
    BetrokkeneSchema,
    ExistingPermitSchema,
    RelatedPersonSchema,
)
from app.powers.bibob.schema_form import (
    SCREENING_TRIGGERS,
    BibobFormSchema,
    DangerCriteriaSchema,
    Fact3aSchema,
    OwnResearchSchema,
    empty_criteria,
    empty_form,
)
from app.powers.bibob.schema_lbb import LbbSchema, ReusedAdviceSchema, empty_lbb
from app.powers.bibob.schema_parties import ConditionSchema, ThirdPartySchema
from app.powers.bibob.schema_withdrawal import (
    ApplicationWithdrawnSchema,
    Extension414Schema,
    PermitBreachSchema,
    RefusedToSupplySchema,
)
from app.schemas.base import StrictSchema
from app.schemas.fields import Date, List, Nested, choice
from app.schemas.melding import MeldingEnvelope

SOURCE_KIND = "aanvraag"
WITHDRAWAL_INVESTIGATION = "intrekkingsonderzoek_7a_lid3"


def _rows(schema: type[StrictSchema], most: int, what: str) -> List:
    return List(Nested(schema), load_default=list, validate=validate.Length(
        max=most, error=f"Noem hoogstens {most} {what}."))


class BibobCaseFileSchema(StrictSchema):
    """The case file of a Bibob zaak (rules/bibob/index.yaml; contract of issue 10)."""

    application = Nested(ApplicationSchema, required=True)
    existing_permit = Nested(ExistingPermitSchema, load_default=None, allow_none=True)
    betrokkene = Nested(BetrokkeneSchema, required=True)
    related_persons = _rows(RelatedPersonSchema, 30, "betrokken personen")
    screening_trigger = choice(SCREENING_TRIGGERS, load_default=None, allow_none=True)
    bibob_form = Nested(BibobFormSchema, load_default=empty_form)
    hersteltermijn_until = Date(load_default=None, allow_none=True)
    own_research = _rows(OwnResearchSchema, 50, "bevindingen")
    facts_3a = _rows(Fact3aSchema, 50, "feiten")
    danger_criteria = Nested(DangerCriteriaSchema, load_default=empty_criteria)
    lbb = Nested(LbbSchema, load_default=empty_lbb)
    reused_advice = Nested(ReusedAdviceSchema, load_default=None, allow_none=True)
    third_parties = _rows(ThirdPartySchema, 20, "derden")
    refused_to_supply_data = Nested(RefusedToSupplySchema, load_default=None, allow_none=True)
    application_withdrawn = Nested(ApplicationWithdrawnSchema, load_default=None, allow_none=True)
    permit_breach = Nested(PermitBreachSchema, load_default=None, allow_none=True)
    withdrawal_effective_on = Date(load_default=None, allow_none=True)  # a withdrawal takes effect on this day
    conditions = _rows(ConditionSchema, 20, "voorschriften")
    extension_4_14 = Nested(Extension414Schema, load_default=None, allow_none=True)

    @validates_schema(skip_on_field_errors=True)
    def _parts_agree(self, data: dict[str, Any], **_: Any) -> None:
        errors = {**_route_errors(data), **_date_errors(data)}
        if errors:
            raise ValidationError(errors)


def _route_errors(data: dict[str, Any]) -> dict[str, Any]:
    """What only fits an application, and what only fits a granted permit."""
    errors: dict[str, Any] = {}
    granted = data.get("existing_permit") is not None
    refused = data.get("refused_to_supply_data") or {}
    if refused.get("context") == WITHDRAWAL_INVESTIGATION and not granted:
        errors["refused_to_supply_data"] = {"context": ["Artikel 7a lid 3 gaat over een onderzoek naar intrekking: "
                                                        "vul eerst de verleende vergunning in."]}
    if data.get("permit_breach") and not granted:
        errors["permit_breach"] = {"date": ["Een overtreding van voorschriften kan alleen bij een verleende "
                                            "vergunning."]}
    if data.get("withdrawal_effective_on") and not granted:
        errors["withdrawal_effective_on"] = ["Een ingangsdatum van de intrekking past alleen bij een verleende "
                                             "vergunning."]
    if data.get("application_withdrawn") and granted:
        errors["application_withdrawn"] = {"withdrawn_on": ["De vergunning is al verleend; er is geen aanvraag "
                                                            "meer om in te trekken."]}
    if not granted and data["application"]["received_on"] < REGIME_START:
        errors["application"] = {"received_on": ["De regels dekken aanvragen vanaf 1 augustus 2020 (Wet uitbreiding "
                                                  "Bibob-instrumentarium)."]}
    return errors


def _date_errors(data: dict[str, Any]) -> dict[str, Any]:
    """Dates that must follow the application: herstel, the advice request, the withdrawal."""
    errors: dict[str, Any] = {}
    received = data["application"]["received_on"]
    until, asked = data.get("hersteltermijn_until"), (data.get("bibob_form") or {}).get("herstel_requested_on")
    if until and not asked:
        errors["hersteltermijn_until"] = ["Vul eerst in wanneer de aanvrager is gevraagd aan te vullen."]
    elif until and until < asked:
        errors["hersteltermijn_until"] = ["De hersteltermijn eindigt voor het verzoek om aan te vullen."]
    if asked and asked < received:
        errors["bibob_form"] = {"herstel_requested_on": ["Dit ligt voor de ontvangst van de aanvraag."]}
    requested = (data.get("lbb") or {}).get("requested_on")
    if requested and data.get("existing_permit") is None and requested < received:
        errors["lbb"] = {"requested_on": ["De adviesaanvraag ligt voor de ontvangst van de aanvraag."]}
    withdrawn = data.get("application_withdrawn") or {}
    if withdrawn and withdrawn["withdrawn_on"] < received:
        errors["application_withdrawn"] = {"withdrawn_on": ["Dit ligt voor de ontvangst van de aanvraag."]}
    return errors


class BibobMeldingSchema(MeldingEnvelope):
    """An application (or a granted permit) to screen; `adres` is the establishment. The source is the
    application itself: its kenmerk and the day it was received, unless the client names them."""

    gegevens = Nested(BibobCaseFileSchema, required=True)

    @pre_load
    def _from_the_application(self, data: Any, **_: Any) -> Any:
        """The establishment's address is the zaak's address; the source fields come from the application."""
        if not isinstance(data, dict):
            return data
        gegevens = data.get("gegevens") if isinstance(data.get("gegevens"), dict) else None
        application = (gegevens or {}).get("application")
        application = application if isinstance(application, dict) else {}
        if gegevens is not None and application and not application.get("address") and isinstance(
                data.get("adres"), dict):
            gegevens = {**gegevens, "application": {**application, "address": data["adres"]}}
        found = {**data, **_envelope(data, application, gegevens or {})}
        return {**found, "gegevens": gegevens} if gegevens is not None else found


def _envelope(data: dict[str, Any], application: dict[str, Any], gegevens: dict[str, Any]) -> dict[str, Any]:
    """The source fields the form does not ask twice: the application's kenmerk and date of receipt; for a granted
    permit under investigation the date the investigation was opened (default today). Without a kenmerk the
    application itself is refused (its own field says so), so the placeholder is never stored."""
    today = clock.today().isoformat()
    received = str(application.get("received_on") or "") or today
    day = (data.get("bron_datum") or today) if gegevens.get("existing_permit") else received
    return {"bron_soort": data.get("bron_soort") or SOURCE_KIND,
            "bron_kenmerk": data.get("bron_kenmerk") or application.get("kenmerk") or "-",
            "bron_datum": data.get("bron_datum") or day, "pleegdatum": data.get("pleegdatum") or day}


# What the jurist records on the case page as the screening goes on (the application itself is fixed at intake).
EDITABLE_FACTS = (
    "screening_trigger", "bibob_form", "hersteltermijn_until", "related_persons", "own_research", "facts_3a",
    "danger_criteria", "lbb",
    "reused_advice", "third_parties", "refused_to_supply_data", "application_withdrawn", "permit_breach",
    "withdrawal_effective_on", "conditions", "extension_4_14",
)
# The third parties the jurist adds become betrokkenen (role derde), so they get their own letter.
PEOPLE_FIELDS = ("third_parties",)
# A besluit with conditions must carry the conditions it was heard on (art. 33).
MEASURE_FIELDS = ("conditions",)
