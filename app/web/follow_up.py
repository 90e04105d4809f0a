"""Jurist: start a follow-up zaak of another power from a case (e.g. letters to the parents of a minor)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, current_app, flash, g, redirect, url_for
from flask_login import current_user

from app import clock
from app.db import get_session
from app.domain import errors as e
from app.models import Zaak
from app.services import follow_up
from app.web import confirmation
from app.web.access import get_visible_zaak
from app.web.auth import role_required

bp = Blueprint("vervolg", __name__)


@bp.post("/zaken/<int:zaak_id>/vervolg/<code>")
@role_required("jurist")
def start(zaak_id: int, code: str) -> Any:
    zaak = get_visible_zaak(get_session(), current_user, zaak_id)
    try:
        started = follow_up.start(get_session(), _rt(), zaak, code, current_user, clock.today())
    except e.InvalidInput as exc:
        get_session().rollback()
        flash(" ".join(str(m) for m in exc.errors.values()), "error")
        return redirect(url_for("cases.show", zaak_id=zaak_id, _anchor="vervolg"))
    if len(started) == 1:
        return redirect(url_for("cases.show", zaak_id=started[0].id))
    return confirmation.back_to_case(zaak_id, f"{len(started)} vervolgzaken gestart.", "vervolg")


@bp.app_template_global()
def vervolg(zaak: Zaak) -> dict[str, Any]:
    """The follow-up section of the case page: what may be started, what was, and what this zaak follows. Asked
    by the page's navigation and by the section itself: worked out once per request."""
    cached = g.setdefault("vervolg", {})
    if zaak.id not in cached:
        cached[zaak.id] = _follow_ups(zaak)
    return cached[zaak.id]


def _follow_ups(zaak: Zaak) -> dict[str, Any]:
    session = get_session()
    source = session.get(Zaak, zaak.vervolg_op_id) if zaak.vervolg_op_id else None
    offers = follow_up.offers(_rt(), zaak, current_user, clock.today()) if current_user.role == "jurist" else []
    return {"offers": offers, "followers": follow_up.followers(session, zaak), "source": source}


def _rt() -> Any:
    return current_app.extensions["bevoegd"]
