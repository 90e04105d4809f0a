"""An approved warning with its letter, and a way to run the queue of the app under test."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from app.domain.drafting import DraftRequest
from app.jobs import get_jobs
from app.models import Beslissing, OutboxJob
from app.services import review
from app.services.intake import submit_melding
from app.services.review import current_documents
from tests.factories import melding
from tests.flows import judge_what_is_missing, submit


def approved_warning(db, rt, users, today: date) -> Beslissing:
    """A Damocles warning drafted, offered and approved: its letter is definitief and a PDF is asked for."""
    zaak = submit_melding(db, rt, melding(), users["handhaving"], today)
    beslissing = judge_what_is_missing(db, rt, zaak, DraftRequest("waarschuwing", today), users["jurist"], today,
                                       {"bijzondere_omstandigheden": "ja"})
    submit(db, rt, beslissing, users["kabinet"], users["jurist"], today)
    hashes = [d.sha256 for d in current_documents(db, beslissing)]
    return review.approve(db, rt, beslissing, hashes, beslissing.version_id, users["kabinet"], today)


def jobs_of(db, zaak_id: int) -> list[OutboxJob]:
    db.rollback()  # a fresh read: SQLite shows the snapshot of an open read transaction
    return list(db.scalars(select(OutboxJob).where(OutboxJob.zaak_id == zaak_id).order_by(OutboxJob.id)))


def run_all(app) -> list[str]:
    """Hand out what is due (the test's own session commits bypass the app's hook) and run it here."""
    jobs = get_jobs(app)
    jobs.sweep()
    return jobs.run_queued()
