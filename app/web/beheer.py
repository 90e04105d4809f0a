"""Beheerder: the parameters of every power, and the confirmation of a policy value with its official source."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user

from app import clock
from app.db import get_session
from app.domain import errors as e
from app.services import parameters
from app.web.auth import role_required
from app.web.errors import form_errors
from app.web.forms import fields_of

bp = Blueprint("beheer", __name__)

# The form's fields in order, with the label the error summary links to.
LABELS = {"waarde": "Waarde", "geldig_vanaf": "Geldig vanaf", "titel": "Officiële titel", "artikel": "Artikel",
          "publicatie": "Publicatie", "href": "Link naar de publicatie"}


@bp.get("/beheer/parameters")
@role_required("beheerder")
def overzicht() -> str:
    rt, today = _rt(), clock.today()
    powers = [(code, rt.book.index(code).title, parameters.overview(get_session(), rt, code, today))
              for code in rt.book.powers]
    return render_template("beheer/parameters.html", powers=powers, today=today)


@bp.get("/beheer/parameters/<power>/<name>")
@role_required("beheerder")
def bevestigen(power: str, name: str) -> str:
    return _form(power, name, {}, {})


@bp.post("/beheer/parameters/<power>/<name>")
@role_required("beheerder")
def bevestig(power: str, name: str) -> Any:
    values = {k: v for k, v in fields_of(request.form).items()
              if k in parameters.FIELDS or k.startswith("waarde.")}
    _row(power, name)  # 404 for an unknown power or parameter
    try:
        row = parameters.confirm(get_session(), _rt(), power, name, values, current_user)
    except e.InvalidInput as exc:
        get_session().rollback()
        return _form(power, name, values, form_errors(exc)), 400
    shown = current_app.jinja_env.globals["label"](name, power)
    flash(f"De waarde van '{shown}' is bevestigd vanaf {row.geldig_vanaf.strftime('%d-%m-%Y')}. "
          "Nieuwe beoordelingen en concepten gebruiken haar.", "ok")
    return redirect(url_for("beheer.overzicht") + f"#p-{power}-{name}")


def _form(power: str, name: str, values: dict[str, str], errors: dict[str, list[str]]) -> str:
    row = _row(power, name)
    if not row.confirmable:
        abort(404)
    return render_template("beheer/bevestigen.html", row=row, power_title=_rt().book.index(power).title,
                           values=values, errors=errors, labels=LABELS)


def _row(power: str, name: str) -> parameters.ParameterRow:
    rt = _rt()
    if power not in rt.book.powers:
        abort(404)
    found = [r for r in parameters.overview(get_session(), rt, power, clock.today()) if r.series.name == name]
    if not found:
        abort(404)
    return found[0]


def _rt() -> Any:
    return current_app.extensions["bevoegd"]
