"""Every role: change one's own password; an account with a password a beheerder chose must do so first."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from app.db import get_session
from app.domain import errors as e
from app.services import passwords
from app.web.errors import form_errors

bp = Blueprint("wachtwoord", __name__)
LABELS = {"huidig": "Huidig wachtwoord", "nieuw": "Nieuw wachtwoord", "herhaling": "Herhaal het nieuwe wachtwoord"}
# What an account that must change its password may still reach (the rest redirects to the form).
OPEN = ("wachtwoord.wijzigen", "wachtwoord.opslaan", "auth.logout", "auth.login", "auth.login_post", "static",
        "pages.toegankelijkheid", "pages.health", "pages.live", "pages.ready")


@bp.before_app_request
def must_change_first() -> Any:
    # The endpoint first: the health checks must not load the user (a database query) for a cookie they ignore.
    if (request.endpoint not in OPEN and request.endpoint is not None and current_user.is_authenticated
            and current_user.wachtwoord_wijzigen):
        if request.path.startswith("/api/"):
            return {"errors": {"_schema": ["Kies eerst een eigen wachtwoord."]}}, 403
        return redirect(url_for("wachtwoord.wijzigen"))
    return None


@bp.get("/wachtwoord")
@login_required
def wijzigen() -> str:
    return render_template("auth/wachtwoord.html", errors={}, labels=LABELS)


@bp.post("/wachtwoord")
@login_required
def opslaan() -> Any:
    form = request.form
    try:
        passwords.change_password(get_session(), current_user, form.get("huidig", ""), form.get("nieuw", ""),
                                  form.get("herhaling", ""))
    except e.InvalidInput as exc:
        get_session().rollback()
        return render_template("auth/wachtwoord.html", errors=form_errors(exc), labels=LABELS), 400
    flash("Uw wachtwoord is gewijzigd.", "ok")
    return redirect(url_for("pages.home"))
