"""The case page's background tasks (PDFs, publication): what is waiting, running or failed, and a retry."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask import Blueprint, abort, flash, redirect, url_for
from flask_login import current_user
from sqlalchemy.orm import Session

from app.db import get_session
from app.domain.errors import InvalidTransition
from app.models import OutboxJob, Zaak
from app.services import outbox
from app.web.access import get_visible_zaak
from app.web.auth import role_required

bp = Blueprint("taken", __name__)
STATUS_LABELS = {"wachtend": "Wacht", "bezig": "Bezig", "mislukt": "Mislukt"}


@dataclass(frozen=True)
class TasksView:
    """The zaak's tasks that are not done, with Dutch labels."""

    jobs: list[OutboxJob]
    kinds: dict[str, str]
    statuses: dict[str, str]

    @property
    def failed(self) -> list[OutboxJob]:
        return [j for j in self.jobs if j.status == "mislukt"]


def view(session: Session, zaak: Zaak) -> TasksView:
    return TasksView(outbox.for_zaak(session, zaak.id), outbox.KIND_LABELS, STATUS_LABELS)


@bp.post("/zaken/<int:zaak_id>/taken/<int:job_id>/opnieuw")
@role_required("jurist")
def retry(zaak_id: int, job_id: int) -> Any:
    """Try a failed task again, e.g. once the zaaksysteem is reachable again."""
    db = get_session()
    zaak = get_visible_zaak(db, current_user, zaak_id)
    job = db.get(OutboxJob, job_id)
    if job is None or job.zaak_id != zaak.id:
        abort(404)
    try:
        outbox.retry(db, job, current_user, zaak.identificatie)
    except InvalidTransition as exc:
        db.rollback()
        flash(exc.message, "error")
    else:
        flash(f"De taak \u2018{outbox.KIND_LABELS.get(job.soort, 'taak')}\u2019 wordt opnieuw geprobeerd.", "ok")
    return redirect(url_for("cases.show", zaak_id=zaak.id, _anchor="achtergrondtaken"))
