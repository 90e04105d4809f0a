"""Public and role-neutral pages: home redirect, accessibility statement, health."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, redirect, render_template, url_for
from flask_login import current_user, login_required
from sqlalchemy import text

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
