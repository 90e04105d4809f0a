"""Jurist: case list, case page (facts, advice, judgements, drafts) and the drafting forms, for every power."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
from marshmallow import Schema, ValidationError

from app import clock
from app.db import get_session
from app.domain import errors as e
from app.domain.drafting import DraftRequest
from app.models import User
from app.schemas.casework import (
    DraftSchema,
    NieuweRechthebbendeSchema,
    OordeelSchema,
    RetourSchema,
    SubmitSchema,
    VerzendingSchema,
    ZienswijzeSchema,
    facts_schema,
)
from app.schemas.history import EerdereMaatregelSchema, IntrekkingSchema
from app.schemas.lists import ZaakFilterSchema
from app.services import assessment, case_lists, cases, drafting, intake, judging, toegang
from app.services import beslistermijn as beslistermijn_service
from app.services.queries import beslissing_of
from app.web import confirmation, factform, people_form
from app.web import dispatch as dispatch_web
from app.web import history as history_web
from app.web import taken as taken_web
from app.web import toegang as toegang_web
from app.web import workspace as workspace_web
from app.web.access import get_visible_zaak, visible_zaken
from app.web.auth import role_required
from app.web.errors import form_errors, status_for
from app.web.factform import fact_fields, form_value, rows_of
from app.web.forms import fields_of, nest, part
from app.web.lists import render_list, zaak_choices

bp = Blueprint("cases", __name__)
FORM_ERRORS = (ValidationError, e.InvalidInput, e.JudgementMissing, e.ConcurrentEdit, e.InvalidTransition,
               e.MandateMissing)


@bp.get("/zaken")
@role_required("jurist")
def index() -> Any:
    return render_list("cases/index.html", ZaakFilterSchema(), lambda filters: case_lists.list_zaken(
        get_session(), visible_zaken(current_user), filters, current_user, request.remote_addr or ""),
        **zaak_choices(current_user))


@bp.get("/zaken/<int:zaak_id>")
@role_required("jurist")
def show(zaak_id: int) -> str:
    return _page(zaak_id)


@bp.post("/zaken/<int:zaak_id>/feiten")
@role_required("jurist")
def update_facts(zaak_id: int) -> Any:
    return _handle(zaak_id, "feiten", None, _update_facts, "De feiten zijn bijgewerkt en opnieuw beoordeeld.")


@bp.post("/zaken/<int:zaak_id>/rechthebbende")
@role_required("jurist")
def add_rechthebbende(zaak_id: int) -> Any:
    return _handle(zaak_id, "rechthebbende", NieuweRechthebbendeSchema(), _add_rechthebbende,
                   "De rechthebbende is toegevoegd.")


@bp.post("/zaken/<int:zaak_id>/personen/<field>")
@role_required("jurist")
def add_person(zaak_id: int, field: str) -> Any:
    """Add a person to a case-file list of people (a parent with authority found by a manual look-up)."""
    spec = _rt().power(get_visible_zaak(get_session(), current_user, zaak_id).zaaktype)
    if field not in spec.people_fields:
        abort(404)
    return _handle(zaak_id, people_form.PREFIX + field, people_form.person_schema(spec.case_file_schema, field),
                   lambda z, d: assessment.add_listed_person(get_session(), _rt(), z, field, d,
                                                            d.pop("version"), current_user, clock.today()),
                   "De persoon is toegevoegd en de zaak is opnieuw beoordeeld.")


@bp.post("/zaken/<int:zaak_id>/oordelen")
@role_required("jurist")
def record_judgement(zaak_id: int) -> Any:
    return _handle(zaak_id, "oordeel", OordeelSchema(), lambda z, d: judging.record_judgement(
        get_session(), _rt(), z, d, current_user), "De afweging is vastgelegd.")


@bp.post("/zaken/<int:zaak_id>/zienswijze")
@role_required("jurist")
def record_zienswijze(zaak_id: int) -> Any:
    return _handle(zaak_id, "zienswijze", ZienswijzeSchema(), lambda z, d: judging.record_zienswijze(
        get_session(), _rt(), z, d, current_user, clock.today()), "De zienswijze is vastgelegd.")


@bp.post("/zaken/<int:zaak_id>/beslissingen")
@role_required("jurist")
def draft(zaak_id: int) -> Any:
    return _handle(zaak_id, "concept", DraftSchema(), _draft, "Het concept is opgesteld.")


@bp.post("/zaken/<int:zaak_id>/beslissingen/<int:beslissing_id>/aanbieden")
@role_required("jurist")
def submit(zaak_id: int, beslissing_id: int) -> Any:
    return _handle(zaak_id, "aanbieden", SubmitSchema(), lambda z, d: _submit(z, beslissing_id, d),
                   "De brieven zijn gemaakt en ter vaststelling aangeboden.")


@bp.post("/zaken/<int:zaak_id>/eerdere-maatregelen")
@role_required("jurist")
def record_earlier_measure(zaak_id: int) -> Any:
    return _handle(zaak_id, history_web.FORM, EerdereMaatregelSchema(), history_web.record,
                   "De eerdere maatregel is vastgelegd en de zaak is opnieuw beoordeeld.")


@bp.post("/zaken/<int:zaak_id>/beslissingen/<int:beslissing_id>/herroeping")
@role_required("jurist")
def revoke_beslissing(zaak_id: int, beslissing_id: int) -> Any:
    return _handle(zaak_id, f"{history_web.REVOKE}b{beslissing_id}", IntrekkingSchema(),
                   lambda z, d: history_web.revoke_beslissing(z, beslissing_id, d),
                   "Vastgelegd dat de beslissing is ingetrokken of vernietigd; zij telt niet meer mee.")


@bp.post("/zaken/<int:zaak_id>/eerdere-maatregelen/<int:maatregel_id>/herroeping")
@role_required("jurist")
def revoke_earlier_measure(zaak_id: int, maatregel_id: int) -> Any:
    return _handle(zaak_id, f"{history_web.REVOKE}m{maatregel_id}", IntrekkingSchema(),
                   lambda z, d: history_web.revoke_earlier_measure(z, maatregel_id, d),
                   "Vastgelegd dat de eerdere maatregel is ingetrokken of vernietigd; zij telt niet meer mee.")


@bp.post("/zaken/<int:zaak_id>/beslissingen/<int:beslissing_id>/verzending")
@role_required("jurist")
def record_dispatch(zaak_id: int, beslissing_id: int) -> Any:
    return _handle(zaak_id, f"{dispatch_web.FORM}b{beslissing_id}", VerzendingSchema(),
                   lambda z, d: dispatch_web.record(z, beslissing_id, d), "De verzending is vastgelegd.")


@bp.post("/zaken/<int:zaak_id>/beslissingen/<int:beslissing_id>/retour")
@role_required("jurist")
def record_return(zaak_id: int, beslissing_id: int) -> Any:
    return _handle(zaak_id, f"{dispatch_web.RETURN_FORM}b{beslissing_id}", RetourSchema(),
                   lambda z, d: dispatch_web.record_return(z, beslissing_id, d),
                   "De retour is vastgelegd. Verzend de brief opnieuw en leg die verzending vast.")


IN_PLACE = ("feiten", "zienswijze")  # forms whose section shows the confirmation (cases/_confirmation.html)


def _handle(zaak_id: int, form: str, schema: Schema | None, action: Any, done: str) -> Any:
    """Parse with the form's schema, run one use case, and redirect; on errors show the page with them."""
    zaak = get_visible_zaak(get_session(), current_user, zaak_id)
    values: dict[str, Any] = {}
    try:
        values = _form_values(form)  # a crafted field name is refused here (InvalidInput), shown on the page
        action(zaak, (schema or _facts_schema(zaak)).load(values))
    except FORM_ERRORS as exc:
        get_session().rollback()  # nothing of a failed use case may be committed by the page's access row
        errors = _prefixed(form, values, form_errors(exc))
        return _page(zaak_id, form=form, errors=errors, values=values), status_for(exc, form=True)
    if form in IN_PLACE or dispatch_web.is_nested(form) or form.startswith(people_form.PREFIX):
        return confirmation.back_to_case(zaak_id, done, form)  # the section shows it and takes focus
    flash(done, "ok")
    return redirect(url_for("cases.show", zaak_id=zaak_id, _anchor=form))


def _facts_schema(zaak: Any) -> Schema:
    spec = _rt().power(zaak.zaaktype)
    return facts_schema(spec.case_file_schema, spec.editable_facts)()


def _add_rechthebbende(zaak: Any, data: dict[str, Any]) -> Any:
    version = data.pop("version")
    return intake.add_rechthebbende(get_session(), zaak, data, version, current_user)


def _draft(zaak: Any, data: dict[str, Any]) -> Any:
    version = data.pop("version")
    return drafting.draft_beslissing(get_session(), _rt(), zaak, DraftRequest(**data), version, current_user,
                                     clock.today())


def _form_values(form: str) -> dict[str, Any]:
    """Forms that repeat on the page prefix their field names (unique ids); strip the prefix here."""
    raw = fields_of(request.form)
    if history_web.is_nested(form) or dispatch_web.is_nested(form) or form.startswith(people_form.PREFIX):
        return {**_filled(part(nest(request.form), form)), "version": raw.get("version", "")}
    if form == "zienswijze":
        sent = {k: v for k, v in part(nest(request.form), "zienswijze").items() if v != ""}  # optional fields
        return {**sent, "version": raw.get("version", "")}
    if form == "oordeel":
        code = raw.get("code", "")
        return {"code": code, "outcome": raw.get(f"{code}.outcome", ""), "reasoning": raw.get(f"{code}.reasoning", ""),
                "version": raw.get("version", "")}
    if form == "feiten":  # dotted names are the rows of a list of records (factform.py); empty rows drop out
        return {**nest(request.form), "version": raw.get("version", "")}
    return {k: v for k, v in raw.items() if v != "" or k in ("version",)}


def _filled(values: dict[str, Any]) -> dict[str, Any]:
    """A nested form's values without the fields left empty (an empty optional field takes its default)."""
    return {k: _filled(v) if isinstance(v, dict) else v for k, v in values.items() if v != ""}


def _update_facts(zaak: Any, data: dict[str, Any]) -> Any:
    version = data.pop("version")
    return assessment.update_facts(get_session(), _rt(), zaak, data, version, current_user, clock.today())


def _submit(zaak: Any, beslissing_id: int, data: dict[str, Any]) -> Any:
    db = get_session()
    beslissing = beslissing_of(db, zaak, beslissing_id)
    if beslissing is None:
        abort(404)
    ondertekenaar = db.get(User, data["ondertekenaar_id"]) if data["ondertekenaar_id"] < 2**63 else None
    if ondertekenaar is None:  # same answer as a user without a mandate: no user enumeration
        raise e.MandateMissing("Kies een ondertekenaar van het kabinet met mandaat voor dit type besluit.")
    return drafting.submit_for_review(db, _rt(), beslissing, ondertekenaar, data["version"], current_user,
                                      clock.today())


def _page(zaak_id: int, form: str | None = None, errors: dict[str, list[str]] | None = None,
          values: dict[str, Any] | None = None) -> str:
    db, rt = get_session(), _rt()
    zaak = get_visible_zaak(db, current_user, zaak_id)
    if toegang.assign_only(db, zaak, current_user):  # a restricted zaak nobody is on the list of yet
        return toegang_web.assign_only_page(zaak)
    view = cases.view_zaak(db, rt, zaak, current_user, request.remote_addr or "")
    spec = rt.power(zaak.zaaktype)
    return render_template("cases/show.html", view=view, zaak=zaak, form=form, errors=errors or {},
                           values=values or {}, today=clock.today(), saved=request.args.get(workspace_web.SAVED),
                           summary=workspace_web.summary(rt, zaak, view, clock.today()),
                           judgement_steps=workspace_web.judgement_steps, spec=spec, index=rt.book.index(zaak.zaaktype),
                           fact_fields=fact_fields(spec.case_file_schema, spec.editable_facts), form_value=form_value,
                           rows_of=rows_of, factform=factform,
                           beslistermijn=beslistermijn_service.view(rt, zaak, (b for b, _ in view.beslissingen),
                                                                    clock.today()),
                           history=history_web.view(db, rt, zaak), dispatch=dispatch_web.view(db, zaak),
                           taken=taken_web.view(db, zaak))


render_case_page = _page  # the workspace blueprint shows its form errors on the same page


def _prefixed(form: str, values: dict[str, Any], errors: dict[str, list[str]]) -> dict[str, list[str]]:
    """Error keys must match the field ids of the form that was sent."""
    prefix = {"zienswijze": "zienswijze.", "oordeel": f"{values.get('code', '')}."}.get(form)
    nested = history_web.is_nested(form) or dispatch_web.is_nested(form) or form.startswith(people_form.PREFIX)
    prefix = f"{form}." if nested else prefix
    if prefix is None:
        return errors
    return {k if k == "_schema" or k.startswith(prefix) else prefix + k: v for k, v in errors.items()}


def _rt() -> Any:
    return current_app.extensions["bevoegd"]
