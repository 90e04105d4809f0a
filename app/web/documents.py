"""Downloads of stored letter bytes: server-chosen name, no-store, access-log row. A letter comes as PDF once its
PDF/A rendition exists (what is sent) and as the approved .docx on request (`?formaat=docx`); the jurist also
downloads a beslissing's print batch for the post room as one PDF."""

from __future__ import annotations

import io
from typing import Any

from flask import Blueprint, abort, flash, redirect, request, send_file, url_for
from flask_login import current_user

from app.db import get_session
from app.models import Document
from app.services.cases import PDF_TYPE, download_document, record_denied
from app.services.documents import ascii_slug
from app.services.print_batch import download_print_batch
from app.services.queries import beslissing_of
from app.web.access import get_visible_zaak
from app.web.auth import role_required

bp = Blueprint("documents", __name__)
FORMATS = ("", "pdf", "docx")  # "": the PDF once made, else the .docx


@bp.get("/documenten/<int:document_id>/download")
@role_required("jurist", "kabinet", "handhaving")
def download(document_id: int) -> Any:
    db = get_session()
    document = db.get(Document, document_id)
    get_visible_zaak(db, current_user, document.zaak_id if document else -1)
    if document.status != "definitief":  # only approved letters leave the system; the attempt is logged
        record_denied(db, current_user, object_type="document", object_id=document.id, action="download",
                      case_id=document.beslissing.zaak.identificatie, origin=request.remote_addr or "",
                      reason=f"brief niet vastgesteld (status {document.status})")
        abort(404)
    if request.args.get("formaat", "") not in FORMATS:
        abort(404)
    if current_user.role == "handhaving" and document.beslissing.approver_id != current_user.id:
        # an officer gets only the letters of a decision he took on the spot himself, to serve them
        record_denied(db, current_user, object_type="document", object_id=document.id,
                      case_id=document.zaak_id, origin=request.remote_addr or "")
        abort(404)
    letter = download_document(db, document, current_user, request.remote_addr or "", request.args.get("formaat", ""))
    if letter is None:
        abort(404)  # the PDF was asked for and is not made yet; the case page says "PDF wordt gemaakt"
    return _attachment(letter.inhoud, letter.mimetype, letter.bestandsnaam)


@bp.get("/zaken/<int:zaak_id>/beslissingen/<int:beslissing_id>/afdrukset")
@role_required("jurist")
def print_batch(zaak_id: int, beslissing_id: int) -> Any:
    db = get_session()
    zaak = get_visible_zaak(db, current_user, zaak_id)
    beslissing = beslissing_of(db, zaak, beslissing_id)
    if beslissing is None:
        abort(404)
    merged = download_print_batch(db, beslissing, current_user, request.remote_addr or "")
    if merged is None:
        flash("Er is geen brief om af te drukken: alle brieven zijn verzonden, of hun PDF wordt nog gemaakt.", "info")
        return redirect(url_for("cases.show", zaak_id=zaak_id, _anchor=f"afdrukset-b{beslissing_id}"))
    name = "-".join(ascii_slug(p) for p in (zaak.identificatie, beslissing.soort, "afdrukset")) + ".pdf"
    return _attachment(merged, PDF_TYPE, name)


def _attachment(data: bytes, mimetype: str, name: str) -> Any:
    response = send_file(io.BytesIO(data), mimetype=mimetype, as_attachment=True, download_name=name, max_age=0)
    response.headers["Cache-Control"] = "no-store"
    return response
