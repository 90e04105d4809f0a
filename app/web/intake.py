"""Handhaving: choose a power, submit a report (or a decision taken on the spot), follow its status."""

from __future__ import annotations

import uuid
from typing import Any

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, session, url_for
from flask_login import current_user
from marshmallow import ValidationError
from marshmallow.fields import List, Nested

from app import clock
from app.db import get_session
from app.domain import errors as e
from app.domain.serialize import jsonable
from app.schemas.lists import ZaakFilterSchema
from app.schemas.melding import MeldingSchema
from app.services.case_lists import list_zaken
from app.services.cases import decided_on_the_spot, letters_to_serve
from app.services.intake import replayed, reportable, submission_key, submit_melding
from app.services.joining import joined
from app.web.access import visible_zaken
from app.web.auth import role_required
from app.web.errors import form_errors, status_for
from app.web.forms import flatten_errors, nest, number
from app.web.lists import render_list, zaak_choices

bp = Blueprint("intake", __name__)
FORM_ERRORS = (ValidationError, e.InvalidInput, e.JudgementMissing, e.MandateMissing, e.RulesNotInForce,
               e.ParameterNotInForce)
PENDING = "intake_forms"  # session key: the submission id of each power's open intake form


@bp.get("/meldingen")
@role_required("handhaving")
def my_meldingen() -> Any:
    def fetch(filters: dict[str, Any]) -> tuple[Any, Any]:
        page = list_zaken(get_session(), visible_zaken(current_user), filters, current_user, request.remote_addr or "")
        return page, letters_to_serve(get_session(), page.rows, current_user)

    return render_list("intake/list.html", ZaakFilterSchema(exclude=("behandelaar",)), fetch,
                       **zaak_choices(current_user, behandelaar=False))


@bp.get("/meldingen/nieuw")
@role_required("handhaving")
def choose_power() -> Any:
    powers = _reportable()
    if len(powers) == 1:
        return redirect(url_for("intake.new_melding", code=powers[0]))
    return render_template("intake/choose.html", powers=powers, rt=_rt())


@bp.get("/meldingen/nieuw/<code>")
@role_required("handhaving")
def new_melding(code: str) -> str:
    return _form(_spec(code), {"submission_id": form_submission_id(code), "zaaktype": code}, {})


def form_submission_id(code: str) -> str:
    """One submission id per power's form in the session: a reload, or Back after sending (the page is not
    cached, so Back loads it again), shows the same id, so sending it again is recognised by that id as the
    same report instead of a new case. A form sent again for another document gets a fresh id on arrival."""
    pending = dict(session.get(PENDING, {}))
    if code not in pending:
        pending[code] = uuid.uuid4().hex
        session[PENDING] = pending
    return str(pending[code])


def _sent(code: str, submission_id: str) -> None:
    """The form was sent and stored under this id: the form keeps it, so Back and resend is recognised."""
    session[PENDING] = {**session.get(PENDING, {}), code: submission_id}


def same_document(melding: Any, data: dict[str, Any]) -> bool:
    """Whether a form sent again under a used id reports the same source document (a resend after Back), not
    a new report typed into the form that was already sent."""
    same = (melding.bron_soort == data.get("bron_soort")
            and melding.bron_kenmerk.strip().lower() == str(data.get("bron_kenmerk") or "").strip().lower())
    # One police report may name several people, each a case of his own (PowerSpec.subject): the form sent
    # again for the next person of the same report is a new report, not a resend.
    subject = _rt().power(melding.zaak.zaaktype).subject
    return same and (subject is None or subject(melding.gegevens) == subject(jsonable(data.get("gegevens") or {})))


@bp.post("/meldingen")
@role_required("handhaving")
def create_melding() -> Any:
    spec = _spec(request.form.get("zaaktype", ""))
    raw = nest(request.form, spec.form.list_fields, spec.melding_schema)
    try:
        data = MeldingSchema().load(without_blank_rows(raw, spec.form.rows))
        if not data.get("submission_id"):
            raise ValidationError({"_schema": ["Het formulier is onvolledig; laad de pagina opnieuw."]})
        if (earlier := replayed(get_session(), current_user, data["submission_id"])) is not None:
            if same_document(earlier.melding, data):
                return _already_received(spec.code, earlier)
            data = {**data, "submission_id": uuid.uuid4().hex}  # a new report in the form already sent
        zaak = submit_melding(get_session(), _rt(), data, current_user, clock.today())
    except e.DuplicateMelding as exc:  # information with a link to the case, not a field to correct
        get_session().rollback()
        return _form(spec, raw, {}, exc.identificatie), status_for(exc, form=True)
    except FORM_ERRORS as exc:
        get_session().rollback()
        return _form(spec, raw, field_errors(exc, spec)), status_for(exc, form=True)
    _sent(spec.code, data["submission_id"])
    flash(_received(zaak, data["submission_id"]), "ok")
    return redirect(url_for("intake.my_meldingen"))


def _already_received(code: str, zaak: Any) -> Any:
    flash(f"Deze melding was al ontvangen als zaak {zaak.identificatie}; er is geen tweede zaak gemaakt.", "info")
    return redirect(url_for("intake.my_meldingen", _anchor=f"zaak-{zaak.identificatie}"))


def _received(zaak: Any, submission_id: str) -> str:
    if joined(zaak, submission_key(current_user, submission_id)):
        return (f"De melding is toegevoegd aan zaak {zaak.identificatie}, die voor dit adres al in voorbereiding "
                "was.")
    decided = decided_on_the_spot(get_session(), zaak)
    if not decided:
        return f"De melding is ontvangen als zaak {zaak.identificatie}."
    label = _rt().procedure(zaak.zaaktype).outcome(decided[0].soort).label
    return (f"{label} is vastgelegd in zaak {zaak.identificatie}. De brieven staan hieronder klaar om uit te "
            "reiken.")


def without_blank_rows(raw: dict[str, Any], rows: dict[str, int]) -> dict[str, Any]:
    """Drop the empty table rows and empty optional blocks that a fixed-size form always sends."""
    cleaned = {**raw, "adres": raw.get("adres", {})}  # per-field errors when all blank
    for dotted in rows:
        parent, key = _parent(cleaned, dotted)
        if parent is not None:
            parent[key] = [row for row in parent.get(key, []) if isinstance(row, dict) and any(row.values())]
    for key, value in list(cleaned.items()):
        if key not in ("adres", "gegevens") and isinstance(value, dict) and not any(value.values()):
            cleaned.pop(key)
    return cleaned


def _parent(data: dict[str, Any], dotted: str) -> tuple[dict[str, Any] | None, str]:
    *path, key = dotted.split(".")
    for part in path:
        data[part] = dict(data.get(part) or {})
        data = data[part]
    return data, key


def field_errors(exc: Exception, spec: Any) -> dict[str, list[str]]:
    """Point every message at a field the person can correct: an empty block or row at its first field, a
    judgement at its answer in the form; what belongs to no field goes to the top of the summary."""
    if isinstance(exc, e.RulesNotInForce | e.ParameterNotInForce):
        return {"pleegdatum": [exc.message]}
    flat = flatten_errors(exc.messages) if isinstance(exc, ValidationError) else form_errors(exc)
    placed: dict[str, list[str]] = {}
    for key, messages in flat.items():
        target = _field_for(spec.melding_schema, key) or _field_for(spec.melding_schema, f"oordelen.{key}")
        placed.setdefault(target or "_schema", []).extend(messages)
    return placed


def _field_for(schema: Any, dotted: str) -> str | None:
    """The dotted name of the form field for an error key, or None when the form has no such field."""
    return _resolve(schema._declared_fields, dotted.split("."), [])


def _resolve(fields: Any, path: list[str], done: list[str]) -> str | None:
    field = fields.get(path[0]) if path else None
    if field is None:
        return None
    done, rest = [*done, path[0]], path[1:]
    if isinstance(field, List):
        if not isinstance(field.inner, Nested):
            return ".".join(done)  # a checkbox group is one field, whichever choice the message is about
        row, rest = (rest[0], rest[1:]) if rest and number(rest[0]) is not None else ("0", rest)
        done, field = [*done, row], field.inner  # a message about the whole list points at its first row
    if isinstance(field, Nested):
        return _resolve(field.schema.fields, rest, done) if rest else ".".join([*done, _first_leaf(field)])
    return None if rest else ".".join(done)


def _first_leaf(nested: Any) -> str:
    """The first input of a block, where a message about the whole (empty) block should point."""
    name, field = next(iter(nested.schema.fields.items()))
    if isinstance(field, List) and isinstance(field.inner, Nested):
        return f"{name}.0.{_first_leaf(field.inner)}"
    return f"{name}.{_first_leaf(field)}" if isinstance(field, Nested) else name


def _reportable() -> list[str]:
    return reportable(_rt(), current_user, clock.today())


def _spec(code: str) -> Any:
    if code not in _reportable():
        abort(404)
    return _rt().power(code)


def _form(spec: Any, values: dict[str, Any], errors: dict[str, list[str]], duplicate: str | None = None) -> str:
    return render_template("intake/new.html", spec=spec, values=values, errors=errors, rows=spec.form.rows,
                           today=clock.today(), duplicate=duplicate)


def _rt() -> Any:
    return current_app.extensions["bevoegd"]
