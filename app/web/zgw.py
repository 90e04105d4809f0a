"""The zaak in the municipality's zaaksysteem: what was published (case page) and the ZGW-shaped export."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from flask import Blueprint, Flask, current_app, request
from flask.wrappers import Response
from flask_login import current_user
from sqlalchemy import select

from app.db import get_session
from app.models import Beslissing, Document, Zaak
from app.services import zgw
from app.web.access import get_visible_zaak
from app.web.auth import role_required

bp = Blueprint("zgw", __name__)
KINDS = {"zaak": "Zaak", "besluit": "Besluit", "informatieobject": "Document"}
LINKS = ("zaakinformatieobject", "besluitinformatieobject")


@dataclass(frozen=True)
class Published:
    """One object in the zaaksysteem as the case page lists it."""

    label: str
    url: str
    at: datetime


@dataclass(frozen=True)
class PublicationView:
    configured: bool
    objects: list[Published]
    links: int  # the links of documents to the zaak and the besluit, counted rather than listed


@bp.get("/zaken/<int:zaak_id>/zgw-export")
@role_required("jurist")
def export(zaak_id: int) -> Response:
    """The zaak with its besluiten and documents as one ZGW-shaped JSON file (access-logged)."""
    db = get_session()
    zaak = get_visible_zaak(db, current_user, zaak_id)
    bundle = zgw.export_bundle(db, current_app.extensions["bevoegd"], zaak, current_user, request.remote_addr or "")
    response = current_app.response_class(json.dumps(bundle, ensure_ascii=False, indent=2),
                                          mimetype="application/json")
    response.headers["Content-Disposition"] = f'attachment; filename="{zaak.identificatie}-zaaksysteem.json"'
    response.headers["Cache-Control"] = "no-store"
    return response


def view(zaak: Zaak) -> PublicationView:
    """What of this zaak was published, with the words for each object (documents by their title)."""
    db = get_session()
    rows = zgw.published(db, zaak)
    titles = _titles(zaak)
    objects = [Published(_label(r.sleutel, titles), r.url, r.created_at) for r in rows
               if r.sleutel.split(":", 1)[0] in KINDS]
    return PublicationView(zgw.zgw_configured(current_app.extensions["bevoegd"].config), objects,
                           sum(r.sleutel.split(":", 1)[0] in LINKS for r in rows))


def _titles(zaak: Zaak) -> dict[str, str]:
    session = get_session()
    docs = session.execute(select(Document.id, Document.titel, Document.ontvanger_rol)
                           .where(Document.zaak_id == zaak.id))
    besluiten = session.execute(select(Beslissing.id, Beslissing.soort).where(Beslissing.zaak_id == zaak.id))
    rt = current_app.extensions["bevoegd"]
    procedure = rt.procedure(zaak.zaaktype)
    return {**{f"informatieobject:{i}": f"{t} — {zgw.role_words(rt, zaak.zaaktype, r)}" for i, t, r in docs},
            **{f"besluit:{i}": procedure.outcome(s).label for i, s in besluiten}}


def _label(sleutel: str, titles: dict[str, str]) -> str:
    kind = KINDS[sleutel.split(":", 1)[0]]
    title = titles.get(sleutel)
    return f"{kind}: {title}" if title else kind


def register(app: Flask) -> None:
    """The case page reads the publication state through this global (cases/_zgw.html)."""
    app.jinja_env.globals["zgw_publicatie"] = view
