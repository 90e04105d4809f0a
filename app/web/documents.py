"""Downloads of stored letter bytes: server-chosen name, no-store, access-log row."""

from __future__ import annotations

import io
from typing import Any

from flask import Blueprint, abort, request, send_file
from flask_login import current_user

from app.db import get_session
from app.models import Document
from app.services.cases import download_document, record_denied
from app.web.access import get_visible_zaak
from app.web.auth import role_required

bp = Blueprint("documents", __name__)


@bp.get("/documenten/<int:document_id>/download")
@role_required("jurist", "kabinet", "handhaving")
def download(document_id: int) -> Any:
    db = get_session()
    document = db.get(Document, document_id)
    get_visible_zaak(db, current_user, document.zaak_id if document else -1)
    if document.status != "definitief":
        abort(404)  # only approved letters leave the system
    if current_user.role == "handhaving" and document.beslissing.approver_id != current_user.id:
        # an officer gets only the letters of a decision he took on the spot himself, to serve them
        record_denied(db, current_user, object_type="document", object_id=document.id,
                      case_id=document.zaak_id, origin=request.remote_addr or "")
        abort(404)
    download_document(db, document, current_user, request.remote_addr or "")
    response = send_file(io.BytesIO(document.inhoud), mimetype=document.formaat, as_attachment=True,
                         download_name=document.bestandsnaam, max_age=0)
    response.headers["Cache-Control"] = "no-store"
    return response
