"""A real worker (`flask jobs worker`, as `make run` starts it) on the SQLite queue file and on Redis: killed
with SIGKILL in the middle of a conversion, it loses nothing, and the next worker does each letter once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.models import AuditEntry, DocumentPdf, OutboxJob
from app.services.review import current_documents
from tests.jobs.jobs_support import approved_warning

ROOT = Path(__file__).resolve().parents[2]
LEASE = 3


@pytest.fixture
def rt(app):
    return app.extensions["bevoegd"]


def _worker(database_url: str, queue: dict[str, str], soffice: str, tmp_path: Path) -> subprocess.Popen:
    env = {**os.environ, "FLASK_APP": "app", "BEVOEGD_DATABASE_URL": database_url, "BEVOEGD_SOFFICE": soffice,
           "BEVOEGD_JOB_LEASE_SECONDS": str(LEASE), **queue}
    with (tmp_path / "worker.log").open("ab") as log:  # the child keeps its own copy of the descriptor
        return subprocess.Popen([str(Path(sys.executable).parent / "flask"), "jobs", "worker"], cwd=ROOT, env=env,
                                stdout=log, stderr=subprocess.STDOUT, start_new_session=True)


def _wait_for(db, condition, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        db.rollback()  # end the read transaction: SQLite shows a snapshot until then
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError("the worker did not get there in time")


def _statuses(db) -> list[str]:
    return list(db.scalars(select(OutboxJob.status).order_by(OutboxJob.id)))


def _queues(tmp_path: Path) -> dict[str, dict[str, str]]:
    return {"huey-sqlite": {"BEVOEGD_JOBS": "huey-sqlite", "BEVOEGD_JOBS_FILE": str(tmp_path / "jobs.sqlite")},
            "huey-redis": {"BEVOEGD_JOBS": "huey-redis", "BEVOEGD_REDIS_URL": "redis://127.0.0.1:6379/7"}}


@pytest.mark.parametrize("backend", ["huey-sqlite", "huey-redis"])
def test_a_worker_killed_mid_conversion_loses_nothing_and_does_nothing_twice(backend, database_url, db, rt, users,
                                                                            today, tmp_path):
    if backend == "huey-redis":
        import redis

        redis.Redis.from_url("redis://127.0.0.1:6379/7").flushdb()
    queue = _queues(tmp_path)[backend]
    beslissing = approved_warning(db, rt, users, today)
    letters = len(current_documents(db, beslissing))
    hang = tmp_path / "slow-soffice"
    hang.write_text("#!/bin/sh\nexec sleep 120\n")
    hang.chmod(0o755)
    first = _worker(database_url, queue, str(hang), tmp_path)
    try:
        _wait_for(db, lambda: "bezig" in _statuses(db), 30)
    finally:
        os.killpg(first.pid, signal.SIGKILL)  # mid-run: the claim is held, nothing is stored
        first.wait()
    assert db.scalar(select(func.count()).select_from(DocumentPdf)) == 0
    time.sleep(LEASE + 0.5)  # the dead worker's claim runs out
    second = _worker(database_url, queue, "soffice", tmp_path)
    try:
        _wait_for(db, lambda: set(_statuses(db)) == {"klaar"}, 90)
    finally:
        os.killpg(second.pid, signal.SIGTERM)
        second.wait(timeout=30)
    assert db.scalar(select(func.count()).select_from(DocumentPdf)) == letters
    made = db.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.actie == "pdf"))
    assert made == letters  # each letter converted once
    assert max(db.scalars(select(OutboxJob.pogingen))) == 2  # the killed attempt counted, then one more
