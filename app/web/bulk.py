"""Bulk runs (reeksen) in the browser: the jurist reads in a group incident and its member list, records the
judgements that hold for the group, and starts the drafting job; everyone on the run follows its progress;
the kabinet reads the sample, pulls letters out and approves the run as a whole."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    send_file,
    url_for,
)
from flask_login import current_user
from marshmallow import ValidationError
from sqlalchemy import select

from app import clock
from app.audit import Actor, record_access
from app.db import get_session
from app.domain import errors as e
from app.domain.bulk import template_csv
from app.domain.dispatch import METHOD_LABELS
from app.models import Reeks, User
from app.services import bulk, bulk_dispatch, bulk_review, outbox
from app.services.cases import signatories
from app.services.dispatch import DispatchRequest
from app.web.auth import role_required
from app.web.errors import form_errors, status_for
from app.web.forms import nest, number

bp = Blueprint("reeksen", __name__)
MAX_UPLOAD = 1_000_000  # bytes: a member list of a few hundred rows is far smaller
REFUSALS = (ValidationError, e.InvalidInput, e.InvalidTransition, e.ConcurrentEdit, e.MandateMissing,
            e.FourEyesViolation, e.StaleDocument, e.JudgementMissing, e.RulesNotInForce, e.ParameterNotInForce)
ROLES = ("jurist", "kabinet")


@bp.get("/reeksen")
@role_required(*ROLES)
def index() -> str:
    runs = get_session().scalars(select(Reeks).where(Reeks.team == current_user.team,
                                                     Reeks.zaaktype.in_(current_user.zaaktypes or ()))
                                 .order_by(Reeks.id.desc()).limit(200)).all()
    powers = [c for c, s in _rt().powers.items() if s.bulk is not None and c in (current_user.zaaktypes or ())]
    return render_template("bulk/index.html", runs=runs, powers=powers)


@bp.get("/reeksen/nieuw/<code>")
@role_required("jurist")
def new(code: str) -> str:
    return _form(code, {"zaaktype": code}, {})


@bp.get("/reeksen/nieuw/<code>/ledenlijst.csv")
@role_required("jurist")
def member_template(code: str) -> Any:
    spec = _bulk(code)
    body = template_csv((*spec.columns, *spec.optional_columns))
    return current_app.response_class(body, mimetype="text/csv", headers={
        "Content-Disposition": f'attachment; filename="ledenlijst-{code}.csv"', "Cache-Control": "no-store"})


@bp.post("/reeksen/nieuw/<code>")
@role_required("jurist")
def create(code: str) -> Any:
    _bulk(code)
    # The shared part is a melding of the power: a value where its schema has a group is refused here (400).
    raw = {**nest(request.form, schema=_rt().power(code).melding_schema), "zaaktype": code}
    upload = request.files.get("bestand")
    try:
        data = _upload(upload)
        reeks = bulk.import_run(get_session(), _rt(), raw, data, current_user, clock.today())
    except REFUSALS as exc:
        get_session().rollback()
        return _form(code, raw, form_errors(exc)), status_for(exc, form=True)
    flash(f"De reeks is ingelezen: {len(bulk.members(get_session(), _rt(), reeks))} zaken.", "ok")
    return redirect(url_for("reeksen.show", reeks_id=reeks.id))


def _upload(upload: Any) -> bytes:
    if upload is None or not upload.filename:
        raise e.InvalidInput({"bestand": "Kies het bestand met de lijst (CSV)."})
    data = upload.read(MAX_UPLOAD + 1)
    if len(data) > MAX_UPLOAD:
        raise e.InvalidInput({"bestand": "Het bestand is groter dan 1 MB; dat is geen ledenlijst."})
    return data


@bp.get("/reeksen/<int:reeks_id>")
@role_required(*ROLES)
def show(reeks_id: int) -> str:
    return _page(_visible(reeks_id))


@bp.get("/reeksen/<int:reeks_id>/voortgang")
@role_required(*ROLES)
def progress(reeks_id: int) -> Any:
    reeks = _visible(reeks_id)
    response = jsonify(bulk_review.progress(get_session(), _rt(), reeks))
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.post("/reeksen/<int:reeks_id>/afwegingen")
@role_required("jurist")
def judge(reeks_id: int) -> Any:
    reeks = _visible(reeks_id)
    raw = nest(request.form)
    answers = {k: v for k, v in raw.items() if isinstance(v, dict)}
    def record() -> None:
        count, children = bulk.record_group_judgements(get_session(), _rt(), reeks, answers, _version(raw),
                                                       current_user)
        flash(f"De afwegingen zijn vastgelegd: {count} bij {children} kinderen zonder aandachtspunt.", "ok")

    return _act(reeks, "afwegingen", record, None)


@bp.post("/reeksen/<int:reeks_id>/opstellen")
@role_required("jurist")
def draft(reeks_id: int) -> Any:
    reeks = _visible(reeks_id)
    raw = nest(request.form)

    def start() -> Any:
        choice = {"version": _version(raw), "ondertekenaar": _signer(raw.get("ondertekenaar_id")),
                  "verzenddatum": _date(raw.get("verzenddatum"))}
        return bulk.start_drafting(get_session(), _rt(), reeks, choice, current_user, clock.today())

    return _act(reeks, "opstellen", start, "De brieven worden opgesteld. Volg de voortgang hieronder.")


@bp.post("/reeksen/<int:reeks_id>/vaststellen")
@role_required("kabinet")
def approve(reeks_id: int) -> Any:
    reeks = _visible(reeks_id)
    decision = {"version": _version(request.form), "manifest": request.form.get("manifest", ""),
                "shown": request.form.getlist("shown"), "comment": request.form.get("comment", ""),
                "pulled": {n for v in request.form.getlist("pulled") if (n := number(v)) is not None}}
    return _act(reeks, "vaststellen", lambda: bulk_review.approve_run(
        get_session(), _rt(), reeks, decision, current_user, clock.today()),
        "De reeks is vastgesteld. Van elke brief wordt nu een PDF gemaakt.",
        values={"pulled": [str(i) for i in decision["pulled"]], "comment": decision["comment"]})


@bp.post("/reeksen/<int:reeks_id>/verzending")
@role_required("jurist")
def dispatch(reeks_id: int) -> Any:
    reeks = _visible(reeks_id)
    form = request.form

    def record() -> Any:
        request_ = DispatchRequest(document_id=0, verzonden_op=_date(form.get("verzonden_op"), "verzonden_op"),
                                   methode=form.get("methode", ""), bewijs=form.get("bewijs", "").strip())
        count = bulk_dispatch.record_run_dispatch(get_session(), _rt(), reeks, request_, _version(form),
                                                  current_user, clock.today())
        flash(f"De verzending van {count} brieven is vastgelegd.", "ok")

    return _act(reeks, "verzending", record, None)


@bp.get("/reeksen/<int:reeks_id>/afdrukset.pdf")
@role_required("jurist")
def print_batch(reeks_id: int) -> Any:
    """The post room's batch: the run's letters still to send, as one PDF."""
    reeks = _visible(reeks_id)
    merged = bulk_dispatch.run_print_batch(get_session(), reeks, current_user, request.remote_addr or "")
    if merged is None:
        flash("Er zijn nog geen PDF's klaar om af te drukken.", "info")
        return redirect(url_for("reeksen.show", reeks_id=reeks.id, _anchor="verzending-reeks"))
    response = send_file(io.BytesIO(merged), mimetype="application/pdf", as_attachment=True, max_age=0,
                         download_name=f"afdrukset-reeks-{reeks.id}.pdf")
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.post("/reeksen/<int:reeks_id>/opnieuw")
@role_required("jurist")
def retry(reeks_id: int) -> Any:
    """Start the failed drafting job again (it resumes where it stopped)."""
    reeks = _visible(reeks_id)
    job = bulk.drafting_job(get_session(), reeks)
    if job is None:
        abort(404)
    return _act(reeks, "opnieuw", lambda: outbox.retry(get_session(), job, current_user, f"reeks-{reeks.id}"),
                "Het opstellen van de brieven wordt opnieuw geprobeerd.")


def _act(reeks: Reeks, form: str, action: Any, done: str | None, values: dict[str, Any] | None = None) -> Any:
    """Run one use case; on a refusal show the page again with the errors and what the person chose."""
    try:
        action()
    except REFUSALS as exc:
        get_session().rollback()
        return _page(reeks, form, form_errors(exc), values), status_for(exc, form=True)
    if done:
        flash(done, "ok")
    return redirect(url_for("reeksen.show", reeks_id=reeks.id))


def _page(reeks: Reeks, form: str | None = None, errors: dict[str, list[str]] | None = None,
          values: dict[str, Any] | None = None) -> str:
    db, rt = get_session(), _rt()
    record_access(db, Actor.of(current_user), action="view", object_type="reeks", object_id=reeks.id,
                  case_id=f"reeks-{reeks.id}", origin=request.remote_addr or "")
    db.commit()
    members = bulk.members(db, rt, reeks)
    letters = bulk_review.letters_of(db, rt, reeks, found_members=members) if reeks.status != "ingelezen" else []
    return render_template(
        "bulk/show.html", reeks=reeks, members=members, letters=letters, form=form, errors=errors or {},
        values=values or {}, drafted=bulk_review.run_beslissingen(db, reeks),
        progress=bulk_review.progress(db, rt, reeks), judgements=_group_judgements(rt, reeks, members),
        manifest=bulk_review.manifest(x for x in letters if x.beslissing.status == "ter_vaststelling"),
        signers=_signers(rt, reeks) if reeks.status == "ingelezen" else [],
        previews=_previews(letters), today=clock.today(), spec=rt.power(reeks.zaaktype),
        methods=[(m, METHOD_LABELS[m]) for m in bulk_dispatch.RUN_METHODS],
        printing=bulk_dispatch.ready_to_print(db, reeks) if reeks.status == "vastgesteld" else ([], []),
        job=bulk.drafting_job(db, reeks))


def _signers(rt: Any, reeks: Reeks) -> list[User]:
    """Kabinet members of the run's team whose mandate allows its letter today."""
    outcome = rt.procedure(reeks.zaaktype).outcome(reeks.soort)
    body = rt.book.index(reeks.zaaktype).orgaan
    return signatories(get_session(), reeks.zaaktype, outcome, clock.today(),
                       body=None if body == "per_zaak" else body, team=reeks.team)


def _group_judgements(rt: Any, reeks: Reeks, members: list[bulk.Member]) -> list[Any]:
    """The judgements some member without an attention point still lacks (their questions, in order)."""
    procedure = rt.procedure(reeks.zaaktype)
    return [procedure.judgement(c) for c in bulk.group_judgements_open(get_session(), rt, reeks, members)]


def _previews(letters: list[Any]) -> dict[int, Any]:
    from markupsafe import Markup

    from app.letters.preview import to_html

    return {d.id: Markup(to_html(d.inhoud))  # noqa: S704 - to_html sanitises with nh3
            for x in letters if x.sampled and x.beslissing.status == "ter_vaststelling" for d in x.documents}


def _form(code: str, values: dict[str, Any], errors: dict[str, list[str]]) -> str:
    return render_template("bulk/new.html", spec=_rt().power(code), bulk=_bulk(code), values=values, errors=errors)


def _visible(reeks_id: int) -> Reeks:
    reeks = get_session().get(Reeks, reeks_id)
    if reeks is None or reeks.team != current_user.team or reeks.zaaktype not in (current_user.zaaktypes or ()):
        abort(404)
    return reeks


def _bulk(code: str) -> Any:
    if code not in _rt().powers or _rt().power(code).bulk is None or code not in (current_user.zaaktypes or ()):
        abort(404)
    return _rt().power(code).bulk


def _signer(value: Any) -> User:
    user = get_session().get(User, number(value)) if number(value) is not None else None
    if user is None:
        raise e.InvalidInput({"ondertekenaar_id": "Kies wie de brieven ondertekent."})
    return user


def _date(value: Any, field: str = "verzenddatum") -> date:
    try:
        return date.fromisoformat(str(value or ""))
    except ValueError as exc:
        raise e.InvalidInput({field: "Vul een geldige datum in."}) from exc


def _version(raw: Any) -> int:
    value = number(raw.get("version"))
    if value is None:
        raise e.InvalidInput({"_schema": "Het formulier is onvolledig; laad de pagina opnieuw."})
    return value


def _rt() -> Any:
    return current_app.extensions["bevoegd"]


