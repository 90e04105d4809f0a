"""Kabinet: the history of decisions it approved, returned or checked afterwards, and the read-only case file
of a zaak whose decision was offered to it (never another team's, never a zaak not offered)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, current_app, render_template, request
from flask_login import current_user
from markupsafe import Markup

from app.db import get_session
from app.letters.preview import to_html
from app.schemas.lists import SearchSchema
from app.services import case_lists, kabinet
from app.services.cases import record_denied
from app.web.access import visible_zaken
from app.web.auth import role_required
from app.web.lists import render_list, zaak_choices

bp = Blueprint("kabinet", __name__)


@bp.get("/vaststelling/geschiedenis")
@role_required("kabinet")
def geschiedenis() -> Any:
    return render_list("kabinet/geschiedenis.html", SearchSchema(exclude=("behandelaar",)), lambda filters:
                       case_lists.history(get_session(), visible_zaken(current_user), filters, current_user,
                                          request.remote_addr or ""), **zaak_choices(current_user, behandelaar=False))


@bp.get("/vaststelling/dossier/<int:zaak_id>")
@role_required("kabinet")
def dossier(zaak_id: int) -> str:
    db, rt = get_session(), current_app.extensions["bevoegd"]
    zaak = kabinet.offered_zaak(db, visible_zaken(current_user), zaak_id)
    if zaak is None:  # not visible, or no decision offered: 404 without revealing which, and a denied row
        record_denied(db, current_user, object_type="dossier", object_id=zaak_id, case_id=zaak_id,
                      origin=request.remote_addr or "")
        abort(404)
    view = kabinet.dossier(db, rt, zaak, current_user, request.remote_addr or "")
    previews = {d.id: Markup(to_html(d.inhoud)) for _, docs in view.letters for d in docs}  # noqa: S704 - sanitised by nh3
    return render_template("cases/dossier.html", view=view, zaak=zaak, previews=previews, power=zaak.zaaktype,
                           spec=rt.power(zaak.zaaktype))

