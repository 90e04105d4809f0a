"""Jurist: the access list of a restricted zaak (section "Toegang" on the case page), and the page a jurist of
the team sees while that list is still empty (only the assignment of a behandelaar)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user

from app.db import get_session
from app.domain import errors as e
from app.models import User, Zaak, ZaakToegang
from app.services import toegang
from app.web import confirmation
from app.web.access import get_visible_zaak
from app.web.auth import role_required

bp = Blueprint("toegang", __name__)
ANCHOR = "toegang"
ROLE_NAMES = {"jurist": "Jurist", "kabinet": "Kabinet"}  # the roles a list holds (services/toegang.TEAM_ROLES)


@dataclass(frozen=True)
class AccessList:
    """What the section shows: the people on the list and whom a member can add."""

    members: list[ZaakToegang]
    candidates: list[User]
    roles: dict[str, str]


@bp.post("/zaken/<int:zaak_id>/toegang")
@role_required("jurist")
def grant(zaak_id: int) -> Any:
    zaak = get_visible_zaak(get_session(), current_user, zaak_id)
    return _act(zaak, lambda user_id, version: toegang.grant(get_session(), zaak, user_id, current_user, version),
                "{name} staat nu op de toegangslijst.")


@bp.post("/zaken/<int:zaak_id>/toegang/<int:user_id>/intrekken")
@role_required("jurist")
def revoke(zaak_id: int, user_id: int) -> Any:
    zaak = get_visible_zaak(get_session(), current_user, zaak_id)
    return _act(zaak, lambda _, version: toegang.revoke(get_session(), zaak, user_id, current_user, version),
                "{name} staat niet meer op de toegangslijst.", user_id)


def _act(zaak: Zaak, action: Any, done: str, user_id: int | None = None) -> Any:
    """Run grant or revoke; a refusal is shown in Dutch at the top of the case page, as for the assignment."""
    db = get_session()
    try:
        chosen = user_id if user_id is not None else int(request.form.get("user_id", ""))
        version = int(request.form.get("version", ""))
    except ValueError:
        chosen, version = 0, zaak.version_id
    name = _name(db, chosen)
    try:
        action(chosen, version)
    except (e.InvalidInput, e.ConcurrentEdit) as exc:
        db.rollback()
        text = exc.errors.get("user_id") if isinstance(exc, e.InvalidInput) else exc.message
        flash(f"Toegang: {text}", "error")
        return redirect(url_for("cases.show", zaak_id=zaak.id, _anchor=ANCHOR))
    return confirmation.back_to_case(zaak.id, done.format(name=name), ANCHOR)


def _name(db: Any, user_id: int) -> str:
    user = db.get(User, user_id) if 0 < user_id < 2**63 else None
    return user.display_name if user is not None else ""


def assign_only_page(zaak: Zaak) -> str:
    """The page of a restricted zaak whose list is empty: no case content, only who handles it (logged)."""
    db = get_session()
    toegang.log_assign_only_view(db, zaak, current_user, request.remote_addr or "")
    index = current_app.extensions["bevoegd"].book.index(zaak.zaaktype)
    return render_template("cases/toegang_wacht.html", zaak=zaak, index=index)


@bp.app_template_global()
def toegang_lijst(zaak: Zaak) -> AccessList:
    """The access list section's data (only for a restricted zaak, on the page of someone on the list)."""
    db = get_session()
    return AccessList(toegang.members(db, zaak), toegang.candidates(db, zaak), ROLE_NAMES)
