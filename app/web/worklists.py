"""Work lists, the deadlines overview, assignment of a behandelaar, and the notifications page.

E-mail copies of the notifications a request created are sent after the response's use case committed
(after_app_request), outside its transaction; a failure is logged and left for `flask notificaties mail`.
"""

from __future__ import annotations

import logging
from contextlib import suppress
from typing import Any

from flask import Blueprint, abort, current_app, flash, g, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy.orm import Session

from app.db import get_session
from app.domain import errors as e
from app.models.types import utcnow
from app.schemas.lists import WorkListSchema
from app.services import assignment, mail, notifications, worklists
from app.web import confirmation
from app.web.access import get_visible_zaak, visible_zaken
from app.web.auth import role_required
from app.web.lists import render_list

bp = Blueprint("worklists", __name__)
log = logging.getLogger(__name__)
EVERY_ROLE = ("handhaving", "jurist", "kabinet", "beheerder", "auditor")


@bp.get("/werkvoorraad")
@role_required("jurist")
def index() -> Any:
    lijst = request.args.get("lijst", "mijn")
    return render_list("worklists/index.html", WorkListSchema(), lambda filters: worklists.work_list(
        get_session(), visible_zaken(current_user), current_user, filters, request.remote_addr or ""),
        lijst=lijst if lijst in worklists.LIJSTEN else "mijn", lijsten=worklists.LIJSTEN)


@bp.get("/termijnen")
@role_required("jurist")
def termijnen() -> str:
    rows = worklists.deadline_overview(get_session(), current_app.extensions["bevoegd"], visible_zaken(current_user),
                                       current_user, utcnow(), request.remote_addr or "")
    return render_template("worklists/termijnen.html", deadline_rows=rows)


@bp.post("/zaken/<int:zaak_id>/behandelaar")
@role_required("jurist")
def assign(zaak_id: int) -> Any:
    db = get_session()
    zaak = get_visible_zaak(db, current_user, zaak_id)
    try:
        behandelaar_id, version = int(request.form.get("behandelaar_id", "")), int(request.form.get("version", ""))
    except ValueError:
        behandelaar_id, version = 0, zaak.version_id
    try:
        assignment.assign(db, zaak, behandelaar_id, version, current_user)
    except (e.InvalidInput, e.ConcurrentEdit) as exc:
        db.rollback()
        text = exc.errors.get("behandelaar_id") if isinstance(exc, e.InvalidInput) else exc.message
        flash(f"Behandelaar: {text}", "error")
        return redirect(url_for("cases.show", zaak_id=zaak_id, _anchor="behandelaar"))
    return confirmation.back_to_case(zaak_id, f"De zaak wordt nu behandeld door {zaak.behandelaar.display_name}.",
                                     "behandelaar")


@bp.get("/berichten")
@role_required(*EVERY_ROLE)
def berichten() -> str:
    return render_template("worklists/berichten.html", rows=notifications.list_for(get_session(), current_user))


@bp.post("/berichten/<int:notificatie_id>/gelezen")
@role_required(*EVERY_ROLE)
def gelezen(notificatie_id: int) -> Any:
    if notificatie_id >= 2**63 or not notifications.mark_read(get_session(), current_user, notificatie_id):
        abort(404)
    return redirect(url_for("worklists.berichten"))


@bp.post("/berichten/alles-gelezen")
@role_required(*EVERY_ROLE)
def alles_gelezen() -> Any:
    notifications.mark_read(get_session(), current_user, None)
    flash("Alle berichten zijn als gelezen gemarkeerd.", "ok")
    return redirect(url_for("worklists.berichten"))


@bp.app_context_processor
def navigation() -> dict[str, Any]:
    """The unread count in the navigation (one query, only when a page asks for it) and the candidates for
    the assignment partial."""

    def unread() -> int:
        return notifications.unread_count(get_session(), current_user) if current_user.is_authenticated else 0

    return {"berichten_ongelezen": unread,
            "behandelaar_opties": lambda zaak: assignment.candidates(get_session(), zaak)}


@bp.after_app_request
def send_mail(response: Any) -> Any:
    """Mail the notifications this request's committed use case created (after the commit, never inside)."""
    session: Session | None = g.get("db_session")
    ids = session.info.pop(notifications.PENDING, None) if session is not None else None
    if not ids or response.status_code >= 400:  # a failed request committed nothing to send; never query then
        return response
    settings = mail.SmtpSettings.of(current_app.extensions["bevoegd_config"])
    try:
        session.rollback()  # a failed use case's rows are gone; only committed ones are found and sent
        mail.send_pending(session, settings, ids)
    except Exception:  # noqa: BLE001 - mail must never break the response of a use case that succeeded
        log.exception("sending notification e-mails failed; they stay queued for the retry")
        with suppress(Exception):  # the database may be what failed
            session.rollback()
    return response
