"""Auditor: the audit trail and the access log, filtered per case, person and period, paged, with the result
of the hash-chain verification; read-only, and the auditor's own searches are logged."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, current_app, request
from flask_login import current_user

from app.db import get_session
from app.schemas.lists import LogFilterSchema
from app.services import audit_view
from app.web.auth import role_required
from app.web.lists import render_list

bp = Blueprint("auditor", __name__)
LOGS = [("audit", "Audittrail (wijzigingen)"), ("toegang", "Toegangslog (inzage)")]
RESULTS = {"ok": "Toegestaan", "denied": "Geweigerd", "error": "Fout"}
ACTIONS = {"view": "Bekeken", "search": "Gezocht", "download": "Gedownload", "preview": "Brief bekeken",
           "export": "Geëxporteerd"}


@bp.get("/audit")
@role_required("auditor")
def logboek() -> Any:
    db = get_session()
    verification = audit_view.verify(db, current_app.extensions["bevoegd_config"].audit_anchor_dir)
    return render_list("audit/logboek.html", LogFilterSchema(), lambda filters: audit_view.search(
        db, filters, current_user, request.remote_addr or ""), verification=verification, logs=LOGS,
        log=request.args.get("log") or "audit", results=RESULTS, actions=ACTIONS)
