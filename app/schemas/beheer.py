"""Schemas of the beheerder's pages: users and mandates (the lists' filters are in schemas/lists.py)."""

from __future__ import annotations

from typing import Any

from marshmallow import ValidationError, validate, validates_schema

from app.domain.codes import ROLES, VERTROUWELIJKHEID
from app.domain.procedure import BODIES, CAPACITIES
from app.schemas.base import StrictSchema
from app.schemas.fields import CleanString, Date, Integer, List, choice, text

USERNAME = validate.Regexp(r"^[a-z0-9][a-z0-9._-]{2,79}$",
                           error="Gebruik 3 tot 80 kleine letters, cijfers, punt, streepje of liggend streepje.")
TEAM = validate.Regexp(r"^[a-z0-9][a-z0-9_-]{1,79}$",
                       error="Gebruik 2 tot 80 kleine letters, cijfers, streepje of liggend streepje.")
MIN_PASSWORD = 12


class GebruikerSchema(StrictSchema):
    """What a beheerder may change of a user (the zaaktypes are checked against the registered powers)."""

    display_name = text(200, required=True)
    role = choice(ROLES, required=True)
    team = CleanString(required=True, validate=TEAM)
    zaaktypes = List(text(40), load_default=list)
    max_vertrouwelijkheid = choice(VERTROUWELIJKHEID, required=True)
    phone = text(40, load_default="")
    # Notifications are mailed here when SMTP is configured; empty: in-app only.
    email = CleanString(load_default="", validate=validate.Regexp(
        r"^$|^[^@\s]+@[^@\s]+\.[^@\s]+$", error="Vul een e-mailadres in als naam@gemeente.nl, of laat het leeg."))


class NieuweGebruikerSchema(GebruikerSchema):
    username = CleanString(required=True, validate=USERNAME)
    password = CleanString(required=True, validate=validate.Length(
        min=MIN_PASSWORD, max=200, error=f"Kies een wachtwoord van minstens {MIN_PASSWORD} tekens."))


class MandaatSchema(StrictSchema):
    """A grant; power, outcomes and capacity are checked against the power's procedure data by the use case."""

    user_id = Integer(required=True)
    besluittype = text(40, required=True)
    hoedanigheid = choice(CAPACITIES, required=True)
    # The body that gives the mandate; absent: the power's one body (a power settled per zaak needs a choice).
    orgaan = choice(BODIES, load_default=None)
    uitkomsten = List(text(60), load_default=list)
    valid_from = Date(required=True)
    valid_until = Date(load_default=None, allow_none=True)
    mandaatbesluit = text(200, load_default="")
    functie = text(200, load_default="")

    @validates_schema(skip_on_field_errors=False)
    def _dates(self, data: dict[str, Any], **_: Any) -> None:
        start, end = data.get("valid_from"), data.get("valid_until")
        if start and end and end < start:
            raise ValidationError("De einddatum ligt vóór de begindatum.", "valid_until")


class BeeindigenSchema(StrictSchema):
    laatste_dag = Date(required=True)


class AfwijzenSchema(StrictSchema):
    reden = text(2000, required=True)


class ApiTokenSchema(StrictSchema):
    """A machine client's token: the system's name, the role and team it acts in, its zaaktypes and scopes
    (services/api_tokens.py checks that each scope fits the role)."""

    naam = text(200, required=True)
    role = choice(("handhaving", "jurist", "kabinet"), required=True)
    team = CleanString(required=True, validate=TEAM)
    zaaktypes = List(text(40), load_default=list)
    scopes = List(choice(("meldingen:schrijven", "evaluaties")), required=True,
                  validate=validate.Length(min=1, error="Kies minstens één toegang."))
