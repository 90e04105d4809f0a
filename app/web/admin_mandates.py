"""Beheerder: mandates. One beheerder grants (pending, no power yet), a second approves; ending and refusing.
A granted mandate is never edited: a change is an end plus a new grant (services.mandate_grants)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
from marshmallow import ValidationError
from sqlalchemy import select

from app.db import get_session
from app.domain import errors as e
from app.domain.procedure import BODIES, CAPACITIES, bodies
from app.models import Mandaat, User
from app.models.user import AANGEVRAAGD
from app.schemas.beheer import AfwijzenSchema, BeeindigenSchema, MandaatSchema
from app.services import mandate_grants
from app.web.auth import role_required
from app.web.errors import form_errors
from app.web.forms import fields_of

bp = Blueprint("mandaten", __name__)

# Who gives a mandate (Mandaat.orgaan): the burgemeester, or the college for the zaken it decides.
BODY_LABELS = {"burgemeester": "De burgemeester", "college": "Het college van burgemeester en wethouders"}
CAPACITY_LABELS = {"orgaan": "Bestuursorgaan zelf (de burgemeester of het college)",
                   "plaatsvervanger": "Plaatsvervanger (locoburgemeester of plaatsvervanger)",
                   "gemandateerde": "Gemandateerde (in mandaat)",
                   "hulpofficier_van_justitie": "Hulpofficier van justitie"}
STATUS_LABELS = {"aangevraagd": "wacht op goedkeuring", "actief": "verleend", "afgewezen": "afgewezen"}
LABELS = {"user_id": "Medewerker", "besluittype": "Bevoegdheid", "uitkomsten": "Beslissingen die het mandaat dekt",
          "hoedanigheid": "Hoedanigheid", "orgaan": "Mandaat verleend door",
          "valid_from": "Geldig vanaf", "valid_until": "Geldig tot en met",
          "mandaatbesluit": "Mandaatbesluit", "functie": "Functie", "laatste_dag": "Laatste dag", "reden": "Reden"}


@bp.get("/beheer/mandaten")
@role_required("beheerder")
def overzicht() -> str:
    return _overview({})


@bp.get("/beheer/mandaten/nieuw")
@role_required("beheerder")
def nieuw() -> str:
    return _form({"besluittype": request.args.get("bevoegdheid", "")}, {})


@bp.post("/beheer/mandaten/nieuw")
@role_required("beheerder")
def verleen() -> Any:
    values: dict[str, Any] = {k: v for k, v in fields_of(request.form).items() if v.strip()}  # blank: not given
    values["uitkomsten"] = request.form.getlist("uitkomsten")
    try:
        mandate_grants.grant(get_session(), _rt(), MandaatSchema().load(values), current_user)
    except (ValidationError, e.InvalidInput) as exc:
        get_session().rollback()
        return _form(values, form_errors(exc)), 400
    flash("Het mandaat is vastgelegd. Het geldt pas als een tweede beheerder het heeft goedgekeurd.", "ok")
    return redirect(url_for("mandaten.overzicht"))


@bp.post("/beheer/mandaten/<int:mandaat_id>/goedkeuren")
@role_required("beheerder")
def goedkeuren(mandaat_id: int) -> Any:
    return _act(mandaat_id, lambda m, _: mandate_grants.approve(get_session(), m, current_user), None,
                "Het mandaat is goedgekeurd en geldt vanaf zijn begindatum.")


@bp.post("/beheer/mandaten/<int:mandaat_id>/afwijzen")
@role_required("beheerder")
def afwijzen(mandaat_id: int) -> Any:
    return _act(mandaat_id, lambda m, d: mandate_grants.refuse(get_session(), m, d["reden"], current_user),
                AfwijzenSchema, "Het mandaat is afgewezen; het geldt niet.")


@bp.post("/beheer/mandaten/<int:mandaat_id>/beeindigen")
@role_required("beheerder")
def beeindigen(mandaat_id: int) -> Any:
    return _act(mandaat_id, lambda m, d: mandate_grants.end(get_session(), m, d["laatste_dag"], current_user),
                BeeindigenSchema, "Het einde van het mandaat is vastgelegd.")


def _act(mandaat_id: int, use_case: Any, schema: Any, done: str) -> Any:
    mandaat = get_session().get(Mandaat, mandaat_id)
    if mandaat is None:
        abort(404)
    try:
        data = schema().load(fields_of(request.form)) if schema else {}
        use_case(mandaat, data)
    except (ValidationError, e.InvalidInput, e.InvalidTransition, e.FourEyesViolation) as exc:
        get_session().rollback()
        errors = {(f"{k}-{mandaat_id}" if k != "_schema" else k): v for k, v in form_errors(exc).items()}
        return _overview(errors), 403 if isinstance(exc, e.FourEyesViolation) else 400
    flash(done, "ok")
    return redirect(url_for("mandaten.overzicht"))


def _overview(errors: dict[str, list[str]]) -> str:
    mandates = mandate_grants.mandates(get_session())
    labels = {f"{k}-{m.id}": LABELS[k] for m in mandates for k in ("reden", "laatste_dag")}
    return render_template("beheer/mandaten.html", mandates=mandates,
                           pending=AANGEVRAAGD, capacities=CAPACITY_LABELS, statuses=STATUS_LABELS, errors=errors,
                           bodies=BODY_LABELS,
                           labels=labels)


def _form(values: dict[str, Any], errors: dict[str, list[str]]) -> str:
    rt = _rt()
    holders = get_session().scalars(select(User).where(User.active.is_(True), User.role.in_(
        mandate_grants.HOLDER_ROLES)).order_by(User.display_name))
    power = values.get("besluittype")
    outcomes = ([(o.code, o.label) for o in rt.book.index(power).outcomes.values()]
                if power in rt.book.powers else [])
    givers = bodies(rt.book.index(power).orgaan) if power in rt.book.powers else BODIES
    return render_template("beheer/mandaat.html", values=values, errors=errors, labels=LABELS,
                           holders=[(str(u.id), u.display_name) for u in holders], outcomes=outcomes,
                           powers=[(c, rt.book.index(c).title) for c in rt.book.powers],
                           capacities=[(c, CAPACITY_LABELS[c]) for c in CAPACITIES],
                           bodies=[(b, BODY_LABELS[b]) for b in givers])


def _rt() -> Any:
    return current_app.extensions["bevoegd"]
