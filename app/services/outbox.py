"""The outbox: side effects recorded with the change that causes them, run by the job queue after commit.

`add` is called inside a use case, before its one commit; the job queue (app/jobs.py) hears of the new row
only after that commit. A worker claims a row with one atomic UPDATE (so two workers never run it at the same
time), runs the handler, and marks it done in the same transaction as the handler's own rows, so a worker
killed at any moment leaves either nothing or everything. A failure is retried with exponential back-off
and, after the last attempt, shows as failed on the case page until someone retries it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, or_, select, update
from sqlalchemy.orm import Session

from app.audit import Actor, record_change
from app.domain.errors import InvalidTransition
from app.models import OutboxJob, User
from app.models.types import utcnow

READY_KEY = "outbox_ready"  # session.info: ids the job queue must hear of once this transaction commits
KIND_LABELS = {"convert_pdf": "PDF maken", "publish_zgw": "Publiceren in het zaaksysteem",
               "render_bulk": "Brieven van een reeks opstellen"}


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how soon a failed job is tried again, and how long a claim lasts."""

    max_attempts: int = 3
    backoff_seconds: int = 30
    lease_seconds: int = 300

    def delay(self, attempts: int) -> timedelta:
        """30 s, 60 s, 120 s, ...: the wait before the next attempt after `attempts` failures."""
        return timedelta(seconds=self.backoff_seconds * 2 ** max(attempts - 1, 0))


def add(session: Session, soort: str, sleutel: str, payload: dict[str, Any], zaak_id: int | None) -> OutboxJob:
    """Record a side effect once (the key makes a second request for the same work a no-op)."""
    existing = session.scalar(select(OutboxJob).where(OutboxJob.sleutel == sleutel))
    if existing is not None:
        return existing
    job = OutboxJob(soort=soort, sleutel=sleutel, payload=payload, zaak_id=zaak_id, status="wachtend", pogingen=0,
                    laatste_fout="", volgende_poging_at=utcnow())
    session.add(job)
    session.flush()
    _announce(session, job)
    return job


def _announce(session: Session, job: OutboxJob) -> None:
    session.info.setdefault(READY_KEY, []).append(job.id)


def claim(session: Session, job_id: int, policy: RetryPolicy, now: datetime) -> OutboxJob | None:
    """Take a due job (or one whose worker died) for this worker; None when it is not due or taken. Commits."""
    claimable = or_(and_(OutboxJob.status == "wachtend", OutboxJob.volgende_poging_at <= now),
                    and_(OutboxJob.status == "bezig", OutboxJob.lease_tot < now))
    result = session.execute(update(OutboxJob).where(OutboxJob.id == job_id, claimable).values(
        status="bezig", lease_tot=now + timedelta(seconds=policy.lease_seconds), pogingen=OutboxJob.pogingen + 1))
    session.commit()
    return session.get(OutboxJob, job_id, populate_existing=True) if result.rowcount == 1 else None


def complete(session: Session, job: OutboxJob, now: datetime) -> None:
    """Mark the job done together with what its handler added, in one commit."""
    job.status, job.klaar_at, job.lease_tot, job.laatste_fout = "klaar", now, None, ""
    session.commit()


def fail(session: Session, job_id: int, error: str, policy: RetryPolicy, now: datetime) -> timedelta | None:
    """Roll back the handler's work and schedule a retry; returns its delay, or None when the job failed for good."""
    session.rollback()
    job = session.get(OutboxJob, job_id)
    if job is None:  # its zaak was destroyed meanwhile
        return None
    job.laatste_fout, job.lease_tot = error[:2000], None
    if job.pogingen >= policy.max_attempts:
        job.status = "mislukt"
        delay = None
    else:
        delay = policy.delay(job.pogingen)
        job.status, job.volgende_poging_at = "wachtend", now + delay
    session.commit()
    return delay


def due(session: Session, now: datetime) -> list[int]:
    """Jobs to hand out: waiting and due, or claimed by a worker whose lease ran out (it died)."""
    return list(session.scalars(select(OutboxJob.id).where(or_(
        and_(OutboxJob.status == "wachtend", OutboxJob.volgende_poging_at <= now),
        and_(OutboxJob.status == "bezig", OutboxJob.lease_tot < now))).order_by(OutboxJob.id)))


def for_zaak(session: Session, zaak_id: int) -> list[OutboxJob]:
    """The zaak's jobs that are not done, for the case page (waiting, running or failed)."""
    return list(session.scalars(select(OutboxJob).where(OutboxJob.zaak_id == zaak_id, OutboxJob.status != "klaar")
                                .order_by(OutboxJob.id)))


def retry(session: Session, job: OutboxJob, actor: User, kenmerk: str) -> None:
    """A person asks to try a failed job again (after fixing its cause); it gets all its attempts back."""
    if job.status != "mislukt":
        raise InvalidTransition("Deze taak is niet mislukt en hoeft niet opnieuw te worden geprobeerd.")
    job.status, job.pogingen, job.volgende_poging_at = "wachtend", 0, utcnow()
    record_change(session, Actor.of(actor), actie="retry", hoofd_object=kenmerk, resource="outbox",
                  resource_id=job.id, weergave=KIND_LABELS.get(job.soort, job.soort), toelichting=job.laatste_fout)
    session.flush()
    _announce(session, job)
    session.commit()
