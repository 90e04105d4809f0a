"""The outbox: side effects recorded with the change, handed to the queue only after commit, claimed by one
worker at a time, retried with back-off, failed for good after the last attempt, and retried by a person."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from app import jobs as jobs_module
from app.domain.errors import InvalidTransition
from app.jobs import get_jobs
from app.models import OutboxJob
from app.models.types import utcnow
from app.services import outbox
from app.services.review import current_documents
from tests.jobs.jobs_support import approved_warning, jobs_of, run_all


@pytest.fixture
def rt(app):
    return app.extensions["bevoegd"]


def _job(db, sleutel: str = "test:1") -> OutboxJob:
    job = outbox.add(db, "test", sleutel, {"n": 1}, None)
    db.commit()
    return job


def _handlers(monkeypatch, handler) -> list[dict]:
    calls: list[dict] = []

    def record(session, rt, payload):
        calls.append(payload)
        handler(session, rt, payload)

    monkeypatch.setattr(jobs_module, "handlers", lambda: {"test": record})
    return calls


def test_approval_records_the_pdf_job_of_its_letters_in_its_own_transaction(db, rt, users, today):
    beslissing = approved_warning(db, rt, users, today)
    rows = jobs_of(db, beslissing.zaak_id)
    documents = current_documents(db, beslissing)
    assert len(documents) >= 1
    assert len(rows) == 1 and rows[0].sleutel.startswith("convert_pdf:documents:")  # one batch of letters
    assert rows[0].payload == {"document_ids": [d.id for d in documents]}
    assert {(r.soort, r.status, r.pogingen) for r in rows} == {("convert_pdf", "wachtend", 0)}


def test_a_second_request_for_the_same_work_is_the_same_row(db):
    first = _job(db)
    assert outbox.add(db, "test", "test:1", {"n": 2}, None).id == first.id
    assert len(db.scalars(select(OutboxJob)).all()) == 1


def test_the_queue_hears_of_a_row_only_after_commit_and_never_after_rollback(app):
    jobs = get_jobs(app)
    maker = app.extensions["db_sessionmaker"]
    with maker() as session:
        outbox.add(session, "test", "test:rolled-back", {}, None)
        assert len(jobs.huey) == 0  # not before the commit
        session.rollback()
    assert len(jobs.huey) == 0
    with maker() as session:
        outbox.add(session, "test", "test:committed", {}, None)
        session.commit()
    assert len(jobs.huey) == 1


def test_a_job_runs_once_and_a_second_hand_out_is_skipped(app, db, monkeypatch):
    calls = _handlers(monkeypatch, lambda s, r, p: None)
    job = _job(db)
    jobs = get_jobs(app)
    jobs.enqueue(job.id)
    jobs.enqueue(job.id)
    assert jobs.run_queued() == ["klaar", "overgeslagen"]
    assert calls == [{"n": 1}]
    db.expire_all()
    assert db.get(OutboxJob, job.id).status == "klaar" and db.get(OutboxJob, job.id).klaar_at is not None


def test_a_failure_is_retried_with_back_off_then_fails_for_good_and_a_person_can_retry(app, db, users, monkeypatch):
    def broken(session, rt, payload):
        raise RuntimeError("zaaksysteem onbereikbaar")

    _handlers(monkeypatch, broken)
    job = _job(db)
    jobs = get_jobs(app)
    for attempt, expected in ((1, 30), (2, 60)):
        jobs.enqueue(job.id)
        before = utcnow()
        assert jobs.run_queued() == ["wachtend"]
        db.expire_all()
        row = db.get(OutboxJob, job.id)
        assert (row.status, row.pogingen, row.laatste_fout) == ("wachtend", attempt, "zaaksysteem onbereikbaar")
        wait = (row.volgende_poging_at - before).total_seconds()
        assert expected - 1 <= wait <= expected + 5
        assert jobs.huey.scheduled_count() == attempt  # the retry waits in the schedule
        row.volgende_poging_at = utcnow() - timedelta(seconds=1)  # time passes
        db.commit()
    jobs.enqueue(job.id)
    assert jobs.run_queued() == ["mislukt"]
    db.expire_all()
    row = db.get(OutboxJob, job.id)
    assert (row.status, row.pogingen) == ("mislukt", 3)
    assert outbox.due(db, utcnow() + timedelta(days=1)) == []  # a failed job is not handed out by itself
    outbox.retry(db, row, users["jurist"], "ZAAK-1")
    assert (row.status, row.pogingen) == ("wachtend", 0)
    with pytest.raises(InvalidTransition):
        outbox.retry(db, row, users["jurist"], "ZAAK-1")


def test_two_workers_cannot_claim_the_same_job_and_a_dead_workers_claim_expires(db):
    job = _job(db)
    policy = outbox.RetryPolicy(lease_seconds=60)
    now = utcnow()
    assert outbox.claim(db, job.id, policy, now) is not None
    assert outbox.claim(db, job.id, policy, now) is None
    assert outbox.due(db, now) == []
    later = now + timedelta(seconds=61)
    assert outbox.due(db, later) == [job.id]  # the worker died: the sweep hands it out again
    assert outbox.claim(db, job.id, policy, later).pogingen == 2


def test_a_rolled_back_handler_leaves_none_of_its_rows(app, db, monkeypatch, users):
    from app.audit import SYSTEM, record_change

    def half(session, rt, payload):
        record_change(session, SYSTEM, actie="pdf", hoofd_object="X", resource="test", resource_id=1, weergave="x")
        raise RuntimeError("stopped halfway")

    _handlers(monkeypatch, half)
    job = _job(db)
    get_jobs(app).enqueue(job.id)
    from app.models import AuditEntry

    before = len(db.scalars(select(AuditEntry)).all())
    get_jobs(app).run_queued()
    db.expire_all()
    assert len(db.scalars(select(AuditEntry)).all()) == before


def test_the_sweep_hands_out_what_is_due(app, db, monkeypatch):
    calls = _handlers(monkeypatch, lambda s, r, p: None)
    _job(db, "test:a")
    _job(db, "test:b")
    assert run_all(app) == ["klaar", "klaar"]
    assert len(calls) == 2


def test_an_unreachable_queue_does_not_undo_or_break_the_change(app, monkeypatch):
    jobs = get_jobs(app)

    def down(job_id, delay=None):
        raise ConnectionError("redis down")

    monkeypatch.setattr(jobs, "enqueue", down)
    with app.extensions["db_sessionmaker"]() as session:
        job = outbox.add(session, "test", "test:queue-down", {}, None)
        session.commit()  # no exception: the change stands
        assert session.get(OutboxJob, job.id).status == "wachtend"
        assert outbox.due(session, utcnow()) == [job.id]  # the sweep will hand it out
