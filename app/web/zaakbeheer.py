"""Jurist: correct a betrokkene (with the change history on the case page), close and reopen a zaak."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, current_app, render_template, request
from flask_login import current_user
from marshmallow import ValidationError

from app import clock
from app.db import get_session
from app.domain import errors as e
from app.domain.addressees import COUNTRIES
from app.domain.assessment import NIET_BEVOEGD
from app.domain.closure import REASONS, judgements_to_ask
from app.models import Betrokkene, Zaak
from app.schemas.zaakbeheer import AfsluitenSchema, BetrokkeneSchema, HeropenenSchema
from app.services import betrokkenen, zaak_closure
from app.web import confirmation
from app.web.access import get_visible_zaak
from app.web.auth import role_required
from app.web.errors import form_errors, status_for
from app.web.forms import fields_of
from app.web.labels import moment_kort

bp = Blueprint("zaakbeheer", __name__)
FAILURES = (ValidationError, e.InvalidInput, e.InvalidTransition, e.ConcurrentEdit, e.FactsRejected)
BETROKKENE_LABELS = {"naam": "Naam", "geboortedatum": "Geboortedatum", "straat": "Straat",
                     "huisnummer": "Huisnummer", "postcode": "Postcode", "woonplaats": "Plaats", "land": "Land"}
CLOSE_LABELS = {"afsluitreden": "Reden van afsluiten", "toelichting": "Motivering"}
REOPEN_LABELS = {"reden": "Reden van heropenen"}


@bp.get("/zaken/<int:zaak_id>/betrokkenen/<int:betrokkene_id>")
@role_required("jurist")
def edit_betrokkene(zaak_id: int, betrokkene_id: int) -> Any:
    zaak, person = _person(zaak_id, betrokkene_id)
    return _form(zaak, person, {}, {})


@bp.post("/zaken/<int:zaak_id>/betrokkenen/<int:betrokkene_id>")
@role_required("jurist")
def save_betrokkene(zaak_id: int, betrokkene_id: int) -> Any:
    zaak, person = _person(zaak_id, betrokkene_id)
    values = fields_of(request.form)
    try:
        data = BetrokkeneSchema().load(values)
        changed = betrokkenen.edit_betrokkene(get_session(), _rt(), zaak, person, data, data.pop("version"),
                                              current_user, clock.today())
    except FAILURES as exc:
        get_session().rollback()
        return _form(zaak, person, form_errors(exc), values), status_for(exc, form=True)
    return confirmation.back_to_case(zaak_id, "De gegevens van de betrokkene zijn gecorrigeerd." if changed
                                     else "Er is niets gewijzigd.", "correcties")


@bp.get("/zaken/<int:zaak_id>/afsluiten")
@role_required("jurist")
def closure(zaak_id: int) -> Any:
    zaak = get_visible_zaak(get_session(), current_user, zaak_id)
    return _closure_page(zaak, {}, {})


@bp.post("/zaken/<int:zaak_id>/afsluiten")
@role_required("jurist")
def close(zaak_id: int) -> Any:
    return _zaak_action(zaak_id, AfsluitenSchema(), lambda z, d: zaak_closure.close_zaak(
        get_session(), _rt(), z, d, d["version"], current_user, clock.today()), "De zaak is afgesloten.")


@bp.post("/zaken/<int:zaak_id>/heropenen")
@role_required("jurist")
def reopen(zaak_id: int) -> Any:
    return _zaak_action(zaak_id, HeropenenSchema(), lambda z, d: zaak_closure.reopen_zaak(
        get_session(), z, d["reden"], d["version"], current_user), "De zaak is heropend.")


def _zaak_action(zaak_id: int, schema: Any, action: Any, done: str) -> Any:
    zaak = get_visible_zaak(get_session(), current_user, zaak_id)
    values = fields_of(request.form)
    try:
        action(zaak, schema.load(values))
    except FAILURES as exc:
        get_session().rollback()
        return _closure_page(zaak, form_errors(exc), values), status_for(exc, form=True)
    return confirmation.back_to_case(zaak_id, done, "afsluiten")


def _form(zaak: Zaak, person: Betrokkene, errors: dict[str, list[str]], values: dict[str, Any]) -> str:
    return render_template("cases/betrokkene.html", zaak=zaak, person=person, errors=errors, values=values,
                           labels=BETROKKENE_LABELS, power=zaak.zaaktype)


def _person(zaak_id: int, betrokkene_id: int) -> tuple[Zaak, Betrokkene]:
    zaak = get_visible_zaak(get_session(), current_user, zaak_id)
    person = next((b for b in zaak.betrokkenen if b.id == betrokkene_id), None)
    if person is None:  # a betrokkene of another zaak is not found
        abort(404)
    return zaak, person


def _closure_page(zaak: Zaak, errors: dict[str, list[str]], values: dict[str, Any]) -> str:
    return render_template("cases/closure.html", zaak=zaak, errors=errors, values=values, reasons=list(REASONS.items()),
                           labels=REOPEN_LABELS if zaak.fase == "afgesloten" else CLOSE_LABELS, power=zaak.zaaktype)


def _rt() -> Any:
    return current_app.extensions["bevoegd"]


@bp.app_template_global()
def competence_questions(power: str) -> list[str]:
    """The judgements still asked when the mayor is not competent (the advice lists no others then)."""
    return [s.code for s in judgements_to_ask(NIET_BEVOEGD, _rt().procedure(power).judgements)]


@bp.app_template_global()
def betrokkene_correcties(zaak: Zaak) -> list[list[str]]:
    """The case page's change history of betrokkenen: when, who, whom, which field, old and new value.
    Only shown on the case page, which only people authorised for the zaak can open."""
    names = {str(b.id): b.naam for b in zaak.betrokkenen}
    rows = []
    for entry in betrokkenen.corrections(get_session(), zaak):
        old, new = entry.wijzigingen.get("oud") or {}, entry.wijzigingen.get("nieuw") or {}
        for field, value in new.items():
            rows.append([moment_kort(entry.aanmaakdatum), entry.gebruikers_weergave,
                         names.get(entry.resource_id, ""), BETROKKENE_LABELS.get(field, field),
                         _shown(field, old.get(field)), _shown(field, value)])
    return rows


def _shown(field: str, value: Any) -> str:
    if value in (None, ""):
        return "(leeg)"
    if field == "land":
        return COUNTRIES.get(value, str(value))  # "België", never the code
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        return f"{value[8:]}-{value[5:7]}-{value[:4]}"  # an ISO date as the jurist writes it
    return str(value)
