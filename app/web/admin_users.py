"""Beheerder: the landing page, users (create, change, deactivate), the teams users and zaken belong to, and the
login blocks of the throttle (see and lift)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
from marshmallow import ValidationError

from app.db import get_session
from app.domain import errors as e
from app.models import User
from app.models.types import utcnow
from app.models.user import AANGEVRAAGD, VERTROUWELIJKHEID
from app.schemas.beheer import GebruikerSchema, NieuweGebruikerSchema
from app.services import login_throttle, mandate_grants, user_admin
from app.web.auth import role_required
from app.web.errors import form_errors
from app.web.forms import fields_of

bp = Blueprint("beheerder", __name__)

ROLE_LABELS = {"handhaving": "Handhaving", "jurist": "Jurist", "kabinet": "Kabinet", "beheerder": "Beheerder",
               "auditor": "Auditor"}
VERTROUWELIJKHEID_LABELS = {
    "openbaar": "Openbaar", "beperkt_openbaar": "Beperkt openbaar", "intern": "Intern",
    "zaakvertrouwelijk": "Zaakvertrouwelijk", "vertrouwelijk": "Vertrouwelijk", "confidentieel": "Confidentieel",
    "geheim": "Geheim", "zeer_geheim": "Zeer geheim",
}
# The form's fields in order, with the label the error summary links to.
LABELS = {"username": "Gebruikersnaam", "password": "Eerste wachtwoord", "display_name": "Naam", "role": "Rol",
          "team": "Team", "zaaktypes": "Bevoegdheden (zaaktypes)",
          "max_vertrouwelijkheid": "Hoogste vertrouwelijkheid", "phone": "Telefoonnummer",
          "email": "E-mailadres voor berichten"}


@bp.get("/beheer")
@role_required("beheerder")
def start() -> str:
    pending = len(mandate_grants.mandates(get_session(), AANGEVRAAGD))
    return render_template("beheer/start.html", pending=pending)


@bp.get("/beheer/gebruikers")
@role_required("beheerder")
def gebruikers() -> str:
    return render_template("beheer/gebruikers.html", users=user_admin.users(get_session()), roles=ROLE_LABELS)


@bp.get("/beheer/gebruikers/nieuw")
@role_required("beheerder")
def nieuwe_gebruiker() -> str:
    return _form(None, {"team": current_user.team, "max_vertrouwelijkheid": "vertrouwelijk"}, {})


@bp.post("/beheer/gebruikers/nieuw")
@role_required("beheerder")
def maak_gebruiker() -> Any:
    values = _values()
    try:
        user = user_admin.create_user(get_session(), _rt(), NieuweGebruikerSchema().load(values), current_user)
    except (ValidationError, e.InvalidInput) as exc:
        get_session().rollback()
        return _form(None, values, form_errors(exc)), 400
    flash(f"Het account van {user.display_name} is aangemaakt. Geef het eerste wachtwoord veilig door.", "ok")
    return redirect(url_for("beheerder.gebruikers"))


@bp.get("/beheer/gebruikers/<int:user_id>")
@role_required("beheerder")
def gebruiker(user_id: int) -> str:
    user = _user(user_id)
    return _form(user, user_admin.snapshot(user), {})


@bp.post("/beheer/gebruikers/<int:user_id>")
@role_required("beheerder")
def wijzig_gebruiker(user_id: int) -> Any:
    user, values = _user(user_id), _values()
    try:
        user_admin.update_user(get_session(), _rt(), user, GebruikerSchema().load(values), current_user)
    except (ValidationError, e.InvalidInput) as exc:
        get_session().rollback()
        return _form(_user(user_id), values, form_errors(exc)), 400
    flash(f"De gegevens van {user.display_name} zijn opgeslagen.", "ok")
    return redirect(url_for("beheerder.gebruikers"))


@bp.post("/beheer/gebruikers/<int:user_id>/actief")
@role_required("beheerder")
def zet_actief(user_id: int) -> Any:
    user, active = _user(user_id), request.form.get("actief") == "true"
    try:
        user_admin.set_active(get_session(), user, active, current_user)
    except e.InvalidInput as exc:
        get_session().rollback()
        return _form(_user(user_id), user_admin.snapshot(_user(user_id)), form_errors(exc)), 400
    flash(f"Het account van {user.display_name} is {'geactiveerd' if active else 'gedeactiveerd'}.", "ok")
    return redirect(url_for("beheerder.gebruikers"))


@bp.get("/beheer/inlogblokkades")
@role_required("beheerder")
def inlogblokkades() -> str:
    now = utcnow()
    items = [SimpleNamespace(row=row, active=row.blocked_until > now,
                             text=login_throttle.describe(login_throttle.Key(row.scope, row.username, row.source)))
             for row in login_throttle.blocks(get_session(), _rt().config, now)]
    return render_template("beheer/inlogblokkades.html", items=items)


@bp.post("/beheer/inlogblokkades/<int:throttle_id>/opheffen")
@role_required("beheerder")
def hef_blokkade_op(throttle_id: int) -> Any:
    try:
        row = login_throttle.unblock(get_session(), throttle_id, current_user)
    except login_throttle.NotBlocked as exc:
        get_session().rollback()
        flash(exc.message, "info")
        return redirect(url_for("beheerder.inlogblokkades"))
    text = login_throttle.describe(login_throttle.Key(row.scope, row.username, row.source))
    flash(f"De blokkade voor {text} is opgeheven.", "ok")
    return redirect(url_for("beheerder.inlogblokkades"))


@bp.get("/beheer/teams")
@role_required("beheerder")
def teams() -> str:
    return render_template("beheer/teams.html", teams=user_admin.teams(get_session()))


def _values() -> dict[str, Any]:
    values: dict[str, Any] = {k: v for k, v in fields_of(request.form).items() if v.strip()}  # blank: not given
    values["zaaktypes"] = request.form.getlist("zaaktypes")
    return values


def _form(user: User | None, values: dict[str, Any], errors: dict[str, list[str]]) -> str:
    rt = _rt()
    return render_template("beheer/gebruiker.html", user=user, values=values, errors=errors, labels=LABELS,
                           roles=list(ROLE_LABELS.items()),
                           powers=[(c, rt.book.index(c).title) for c in rt.book.powers],
                           levels=[(v, VERTROUWELIJKHEID_LABELS[v]) for v in VERTROUWELIJKHEID],
                           teams=[t[0] for t in user_admin.teams(get_session())])


def _user(user_id: int) -> User:
    user = get_session().get(User, user_id)
    if user is None:
        abort(404)
    return user


def _rt() -> Any:
    return current_app.extensions["bevoegd"]
