"""Kabinet: the review queue, the review page with previews of the stored letters, approve or return."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
from markupsafe import Markup
from marshmallow import ValidationError

from app import clock
from app.db import get_session
from app.domain import errors as e
from app.letters.preview import to_html
from app.models import Beslissing
from app.schemas.casework import ApproveSchema, NacontroleSchema, ReturnSchema
from app.schemas.lists import ReviewFilterSchema
from app.services import bulk, case_lists, cases, review
from app.services.queries import active_judgements
from app.services.receipts import assessment_of
from app.web.access import get_visible_zaak, visible_zaken
from app.web.auth import recently_authenticated, role_required
from app.web.errors import form_errors, status_for
from app.web.forms import fields_of
from app.web.lists import render_list, zaak_choices

bp = Blueprint("review", __name__)


@bp.get("/vaststelling")
@role_required("kabinet")
def queue() -> Any:
    return render_list("review/queue.html", ReviewFilterSchema(), lambda filters: (*case_lists.review_queue(
        get_session(), visible_zaken(current_user), filters, current_user, request.remote_addr or ""),
        bulk.runs_awaiting(get_session(), current_user)), **zaak_choices(current_user))


@bp.get("/vaststelling/<int:beslissing_id>")
@role_required("kabinet")
def show(beslissing_id: int) -> str:
    return _page(beslissing_id)


@bp.post("/vaststelling/<int:beslissing_id>/vaststellen")
@role_required("kabinet")
def approve(beslissing_id: int) -> Any:
    if not recently_authenticated():
        flash("Log opnieuw in om vast te stellen; uw laatste inlog is langer dan een kwartier geleden.", "warning")
        return redirect(url_for("auth.login", reauth=1, next=url_for("review.show", beslissing_id=beslissing_id)))
    beslissing = _beslissing(beslissing_id)
    try:
        data = ApproveSchema().load({"version": request.form.get("version"), "sha256": request.form.getlist("sha256")})
        review.approve(get_session(), _rt(), beslissing, data["sha256"], data["version"], current_user, clock.today())
    except (e.FourEyesViolation, e.MandateMissing) as exc:
        review.record_denial(get_session(), _beslissing(beslissing_id), current_user, exc.message)
        return _page(beslissing_id, errors={"_schema": [exc.message]}), 403
    except (ValidationError, e.InvalidInput, e.StaleDocument, e.ConcurrentEdit, e.InvalidTransition) as exc:
        return _failed(beslissing_id, exc)
    flash("De beslissing is vastgesteld. De brieven kunnen worden gedownload.", "ok")
    return redirect(url_for("review.show", beslissing_id=beslissing_id))


@bp.post("/vaststelling/<int:beslissing_id>/terugsturen")
@role_required("kabinet")
def return_for_changes(beslissing_id: int) -> Any:
    beslissing = _beslissing(beslissing_id)
    try:
        data = ReturnSchema().load(fields_of(request.form))
        review.return_for_changes(get_session(), _rt(), beslissing, data["opmerking"], data["version"], current_user)
    except (ValidationError, e.InvalidInput, e.ConcurrentEdit, e.InvalidTransition) as exc:
        return _failed(beslissing_id, exc)
    flash("De beslissing is teruggestuurd naar de jurist.", "ok")
    return redirect(url_for("review.queue"))


@bp.post("/vaststelling/<int:beslissing_id>/nacontrole")
@role_required("kabinet")
def review_afterwards(beslissing_id: int) -> Any:
    beslissing = _beslissing(beslissing_id)
    try:
        data = NacontroleSchema().load(fields_of(request.form))
        review.record_nacontrole(get_session(), beslissing, data["opmerking"], data["version"], current_user)
    except e.FourEyesViolation as exc:
        review.record_denial(get_session(), _beslissing(beslissing_id), current_user, exc.message)
        return _page(beslissing_id, errors={"_schema": [exc.message]}), 403
    except (ValidationError, e.ConcurrentEdit, e.InvalidTransition) as exc:
        return _failed(beslissing_id, exc)
    flash("De nacontrole is vastgelegd.", "ok")
    return redirect(url_for("review.queue"))


def _failed(beslissing_id: int, exc: Exception) -> tuple[str, int]:
    get_session().rollback()
    return _page(beslissing_id, errors=form_errors(exc)), status_for(exc, form=True)


def _beslissing(beslissing_id: int) -> Beslissing:
    db = get_session()
    beslissing = db.get(Beslissing, beslissing_id)
    zaak_id = beslissing.zaak_id if beslissing else -1
    get_visible_zaak(db, current_user, zaak_id)  # 404 + denied row when not visible
    return beslissing


def _page(beslissing_id: int, errors: dict[str, list[str]] | None = None) -> str:
    db = get_session()
    beslissing = _beslissing(beslissing_id)
    documents = review.current_documents(db, beslissing)
    previews = [(d, Markup(to_html(d.inhoud))) for d in documents]  # noqa: S704 - to_html sanitises with nh3
    assessment = assessment_of(beslissing.beoordeling)
    judgements = active_judgements(db, beslissing.zaak)
    cases.log_preview(db, beslissing, current_user, request.remote_addr or "")
    rt = _rt()
    procedure = rt.procedure(beslissing.zaak.zaaktype)
    return render_template("review/show.html", beslissing=beslissing, previews=previews, assessment=assessment,
                           judgements=judgements, errors=errors or {}, power=beslissing.zaak.zaaktype,
                           competence=cases.competence_after(procedure, assessment, judgements),
                           proposal=rt.power(beslissing.zaak.zaaktype).proposal(assessment))


def _rt() -> Any:
    return current_app.extensions["bevoegd"]
