"""Kabinet: the history of decisions it approved, returned or checked afterwards, and the read-only case file
of a zaak whose decision was offered to it (never another team's, never a zaak not offered)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, current_app, render_template, request
from flask_login import current_user
from markupsafe import Markup
from marshmallow import ValidationError

from app.db import get_session
from app.letters.preview import to_html
from app.schemas.beheer import PeriodeSchema
from app.services import kabinet
from app.services.cases import record_denied
from app.web.access import visible_zaken
from app.web.auth import role_required
from app.web.forms import flatten_errors

bp = Blueprint("kabinet", __name__)
FILTER_LABELS = {"van": "Van", "tot": "Tot en met", "pagina": "Pagina"}


@bp.get("/vaststelling/geschiedenis")
@role_required("kabinet")
def geschiedenis() -> Any:
    raw = query_args()
    try:
        filters = PeriodeSchema().load(raw)
    except ValidationError as exc:
        return render_template("kabinet/geschiedenis.html", page=None, values=raw,
                               errors=flatten_errors(exc.messages), labels=FILTER_LABELS), 400
    page = kabinet.history(get_session(), visible_zaken(current_user), filters, current_user,
                           request.remote_addr or "")
    return render_template("kabinet/geschiedenis.html", page=page, values=raw, errors={}, labels=FILTER_LABELS)


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


def query_args() -> dict[str, str]:
    """The query string without empty fields (an empty filter means: no filter)."""
    return {k: v for k, v in request.args.items() if v.strip()}
