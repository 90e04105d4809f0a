"""Public and role-neutral pages: home redirect, accessibility statement, health."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, redirect, render_template, url_for
from flask_login import current_user, login_required
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from app.db import get_session

bp = Blueprint("pages", __name__)

HOME_BY_ROLE = {"handhaving": "intake.my_meldingen", "jurist": "worklists.index", "kabinet": "review.queue",
                "beheerder": "beheerder.start", "auditor": "auditor.logboek"}


@bp.get("/")
@login_required
def home() -> Any:
    endpoint = HOME_BY_ROLE.get(current_user.role)
    if endpoint is None:
        return render_template("pages/geen_taken.html")
    return redirect(url_for(endpoint))


@bp.get("/toegankelijkheid")
def toegankelijkheid() -> str:
    return render_template("pages/toegankelijkheid.html")


@bp.get("/gezondheid")
def health() -> Any:
    get_session().execute(text("SELECT 1"))
    return {"status": "ok"}


@bp.get("/health/live")
def live() -> Any:
    """The process answers (a load balancer restarts it when not); touches nothing else."""
    return {"status": "ok"}


@bp.get("/health/ready")
def ready() -> Any:
    """Ready for traffic only while the database answers; otherwise 503 with Retry-After, so a load balancer
    takes this instance out of rotation instead of sending users to error pages."""
    try:
        get_session().execute(text("SELECT 1"))
    except OperationalError:
        get_session().rollback()
        return {"status": "database onbereikbaar"}, 503, {"Retry-After": "5", "Cache-Control": "no-store"}
    return {"status": "ok"}, 200, {"Cache-Control": "no-store"}
