"""Handhaving: submit a violation report and follow its status."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
from marshmallow import ValidationError

from app.db import get_session
from app.domain import errors as e
from app.services.cases import list_zaken
from app.services.intake import submit_melding
from app.web.access import visible_zaken
from app.web.auth import role_required
from app.web.forms import flatten_errors, nest
from app.web.schemas import MeldingSchema

bp = Blueprint("intake", __name__)
LIST_FIELDS = ("gegevens.dealing_evidence", "gegevens.attributes_found")
SUBSTANCE_ROWS = 4
OBJECT_ROWS = 2


@bp.get("/meldingen")
@role_required("handhaving")
def my_meldingen() -> str:
    zaken = list_zaken(get_session(), visible_zaken(current_user), current_user, request.remote_addr or "")
    return render_template("intake/list.html", zaken=zaken)


@bp.get("/meldingen/nieuw")
@role_required("handhaving")
def new_melding() -> str:
    return _form({"submission_id": uuid.uuid4().hex}, {})


@bp.post("/meldingen")
@role_required("handhaving")
def create_melding() -> Any:
    raw = nest(request.form, LIST_FIELDS)
    try:
        data = MeldingSchema().load(without_blank_rows(raw))
        if not data.get("submission_id"):
            raise ValidationError({"_schema": ["Het formulier is onvolledig; laad de pagina opnieuw."]})
        zaak = submit_melding(get_session(), current_app.extensions["bevoegd"], data, current_user, date.today())
    except ValidationError as exc:
        return _form(raw, field_errors(exc.messages)), 400
    except (e.RulesNotInForce, e.ParameterNotInForce) as exc:
        return _form(raw, {"pleegdatum": [exc.message]}), 422
    flash(f"De melding is ontvangen als zaak {zaak.identificatie}.", "ok")
    return redirect(url_for("intake.my_meldingen"))


def without_blank_rows(raw: dict[str, Any]) -> dict[str, Any]:
    """Drop the empty table rows and an empty owner block that a fixed-size form always sends."""
    gegevens = dict(raw.get("gegevens", {}))
    for key in ("substances", "objects_13b_1b"):
        rows = gegevens.get(key, [])
        gegevens[key] = [row for row in rows if isinstance(row, dict) and any(row.values())]
    cleaned = {**raw, "gegevens": gegevens, "adres": raw.get("adres", {})}  # per-field errors when all blank
    if not any((raw.get("rechthebbende") or {}).values()):
        cleaned.pop("rechthebbende", None)
    cleaned["bewoners"] = [p for p in raw.get("bewoners", []) if isinstance(p, dict) and any(p.values())]
    return cleaned


def field_errors(messages: dict[str, Any]) -> dict[str, list[str]]:
    """Point errors at the fields the person can correct (an empty block names its first field)."""
    flat = flatten_errors(messages)
    if "bewoners" in flat:
        flat["bewoners.0.naam"] = flat.pop("bewoners")
    return flat


def _form(values: dict[str, Any], errors: dict[str, list[str]]) -> str:
    return render_template("intake/new.html", values=values, errors=errors, substance_rows=SUBSTANCE_ROWS,
                           object_rows=OBJECT_ROWS)
