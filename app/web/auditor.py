"""Auditor: the audit trail and the access log, filtered per case, person and period, paged, with the result
of the hash-chain verification; read-only, and the auditor's own searches are logged."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, render_template, request
from flask_login import current_user
from marshmallow import ValidationError

from app.db import get_session
from app.schemas.beheer import LogFilterSchema
from app.services import audit_view
from app.web.auth import role_required
from app.web.forms import flatten_errors
from app.web.kabinet import query_args

bp = Blueprint("auditor", __name__)
FILTER_LABELS = {"log": "Logboek", "kenmerk": "Zaak (kenmerk)", "persoon": "Persoon", "van": "Van",
                 "tot": "Tot en met", "pagina": "Pagina"}
LOGS = [("audit", "Audittrail (wijzigingen)"), ("toegang", "Toegangslog (inzage)")]
RESULTS = {"ok": "Toegestaan", "denied": "Geweigerd", "error": "Fout"}
ACTIONS = {"view": "Bekeken", "search": "Gezocht", "download": "Gedownload", "preview": "Brief bekeken",
           "export": "Geëxporteerd"}


@bp.get("/audit")
@role_required("auditor")
def logboek() -> Any:
    raw = query_args()
    db = get_session()
    verification = audit_view.verify(db)
    try:
        filters = LogFilterSchema().load(raw)
    except ValidationError as exc:
        return _render(raw, None, verification, flatten_errors(exc.messages)), 400
    page = audit_view.search(db, filters, current_user, request.remote_addr or "")
    return _render(raw, page, verification, {}, filters["log"])


def _render(values: dict[str, str], page: Any, verification: Any, errors: dict[str, list[str]],
            log: str = "audit") -> str:
    return render_template("audit/logboek.html", values=values, page=page, verification=verification,
                           errors=errors, labels=FILTER_LABELS, logs=LOGS, log=log, results=RESULTS,
                           actions=ACTIONS)
