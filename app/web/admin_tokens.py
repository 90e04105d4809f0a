"""Beheerder: API tokens of machine clients (make one, see it once, revoke it)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
from marshmallow import ValidationError

from app.db import get_session
from app.domain import errors as e
from app.models import ApiToken
from app.schemas.beheer import ApiTokenSchema
from app.services import api_tokens, user_admin
from app.web.admin_users import ROLE_LABELS
from app.web.auth import role_required
from app.web.errors import form_errors
from app.web.forms import fields_of

bp = Blueprint("tokens", __name__)

SCOPE_LABELS = {"meldingen:schrijven": "Meldingen insturen (handhaving)",
                "evaluaties": "Evaluaties opvragen (jurist of kabinet)"}
# The form's fields in order, with the label the error summary links to.
LABELS = {"naam": "Naam van het systeem", "role": "Rol", "team": "Team", "zaaktypes": "Bevoegdheden (zaaktypes)",
          "scopes": "Toegang"}


@bp.get("/beheer/api-tokens")
@role_required("beheerder")
def overzicht() -> str:
    return render_template("beheer/api_tokens.html", tokens=api_tokens.tokens(get_session()), roles=ROLE_LABELS,
                           scopes=SCOPE_LABELS)


@bp.get("/beheer/api-tokens/nieuw")
@role_required("beheerder")
def nieuw() -> str:
    return _form({"team": current_user.team}, {})


@bp.post("/beheer/api-tokens/nieuw")
@role_required("beheerder")
def maak() -> Any:
    values: dict[str, Any] = {k: v for k, v in fields_of(request.form).items() if v.strip()}  # blank: not given
    values["zaaktypes"], values["scopes"] = request.form.getlist("zaaktypes"), request.form.getlist("scopes")
    try:
        made = api_tokens.create(get_session(), _rt(), ApiTokenSchema().load(values), current_user)
    except (ValidationError, e.InvalidInput) as exc:
        get_session().rollback()
        return _form(values, form_errors(exc)), 400
    # Rendered, never flashed: a flash message would carry the token in the session cookie.
    return render_template("beheer/api_token_getoond.html", row=made.row, token=made.token, scopes=SCOPE_LABELS)


@bp.post("/beheer/api-tokens/<int:token_id>/intrekken")
@role_required("beheerder")
def intrekken(token_id: int) -> Any:
    row = get_session().get(ApiToken, token_id)
    if row is None:
        abort(404)
    try:
        api_tokens.revoke(get_session(), row, current_user)
    except e.InvalidInput:
        get_session().rollback()
        flash("Dit token was al ingetrokken.", "info")
        return redirect(url_for("tokens.overzicht"))
    flash(f"Het token van {row.naam} is ingetrokken. Het systeem kan er vanaf nu niets meer mee.", "ok")
    return redirect(url_for("tokens.overzicht"))


def _form(values: dict[str, Any], errors: dict[str, list[str]]) -> str:
    rt = _rt()
    roles = [(code, ROLE_LABELS[code]) for code in api_tokens.TOKEN_ROLES]
    return render_template("beheer/api_token.html", values=values, errors=errors, labels=LABELS, roles=roles,
                           powers=[(c, rt.book.index(c).title) for c in rt.book.powers],
                           scopes=list(SCOPE_LABELS.items()),
                           teams=[t[0] for t in user_admin.teams(get_session())])


def _rt() -> Any:
    return current_app.extensions["bevoegd"]
