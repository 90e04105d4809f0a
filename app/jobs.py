"""The job queue: the only module that knows huey (rq or Celery could replace it here alone).

Use cases record side effects in the outbox (app/services/outbox.py); after their commit this module hands the
new rows to huey, and a worker (`flask jobs worker`, started by `make run`) runs them. The queue carries only
outbox ids: the database stays the truth, so a lost queue message costs a delay, never the work. A periodic
sweep hands out again what is due, including rows whose worker died mid-run; a periodic task seals the new
audit and access log rows into their hash chains, another anchors their heads outside the database.

Backends: "huey-sqlite" (its own file, the embedded default), "huey-redis" (BEVOEGD_REDIS_URL) and
"memory" (tests: tasks wait in the process until the test runs them with `run_queued`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from flask import Flask
from huey import MemoryHuey, RedisHuey, SqliteHuey, crontab
from huey.api import Huey
from sqlalchemy import event
from sqlalchemy.orm import Session, sessionmaker

from app import audit_anchor, audit_chain, logs_setup
from app.config import Config
from app.models.types import utcnow
from app.runtime import Runtime
from app.services import letter_pdf, outbox

Handler = Callable[[Session, Runtime, dict[str, Any]], None]
log = logging.getLogger(__name__)


def handlers() -> dict[str, Handler]:
    """Outbox kind -> the use case that performs it (each idempotent)."""
    from app.services import bulk, bulk_review, zgw

    return {letter_pdf.CONVERT: letter_pdf.convert_pdf, letter_pdf.PUBLISH: zgw.publish_zgw,
            bulk.RENDER: bulk_review.render_bulk}


def make_huey(config: Config) -> Huey:
    """The huey instance the configuration asks for."""
    if config.jobs == "huey-sqlite":
        config.jobs_file.parent.mkdir(parents=True, exist_ok=True)
        return SqliteHuey("bevoegd", filename=str(config.jobs_file))
    if config.jobs == "huey-redis":
        return RedisHuey("bevoegd", url=config.redis_url)
    if config.jobs == "memory":
        return MemoryHuey("bevoegd")
    raise RuntimeError(f"Onbekende BEVOEGD_JOBS: {config.jobs!r} (huey-sqlite, huey-redis of memory).")


class Jobs:
    """The app's queue: the huey instance, its tasks and the hook that enqueues after commit."""

    def __init__(self, app: Flask, config: Config) -> None:
        self.app = app
        self.policy = outbox.RetryPolicy(config.job_max_attempts, config.job_backoff_seconds,
                                         config.job_lease_seconds)
        self.huey = make_huey(config)
        self.run_task = self.huey.task(name="run_outbox_job")(self._run)
        self.sweep_task = self.huey.periodic_task(crontab(minute="*"), name="sweep_outbox")(self.sweep)
        self.seal_task = self.huey.periodic_task(crontab(minute="*"), name="seal_audit")(self.seal_audit)
        # Anchoring bounds how many sealed rows could be cut off unseen; every ten minutes keeps the anchor
        # file small enough to read at each verification (two short lines per run at most).
        self.anchor_dir = config.audit_anchor_dir
        self.anchor_task = self.huey.periodic_task(crontab(minute="*/10"), name="anchor_audit")(self.anchor_audit)

    def enqueue(self, job_id: int, delay: timedelta | None = None) -> None:
        """Hand one outbox row to the queue (now or after a delay); harmless when it is handed out twice."""
        if delay is None:
            self.run_task(job_id)
        else:
            self.run_task.schedule(args=(job_id,), delay=delay.total_seconds())

    @logs_setup.logged_job  # its lines carry the job id, its kind and a run id
    def _run(self, job_id: int) -> str:
        """Claim, run and settle one outbox row; returns what happened (klaar, wachtend, mislukt, overgeslagen)."""
        with self.app.app_context():
            session: Session = self.app.extensions["db_sessionmaker"]()
            try:
                return self._settle(session, job_id)
            finally:
                session.close()

    def _settle(self, session: Session, job_id: int) -> str:
        job = outbox.claim(session, job_id, self.policy, utcnow())
        if job is None:
            return "overgeslagen"
        logs_setup.bind_job_kind(job.soort)
        try:
            handlers()[job.soort](session, self.app.extensions["bevoegd"], dict(job.payload))
        except Exception as exc:  # noqa: BLE001 - the shell: any failure of a job is recorded and retried
            log.warning("job %s (%s) failed: %s", job_id, job.soort, exc)
            delay = outbox.fail(session, job_id, describe(exc), self.policy, utcnow())
            if delay is not None:
                self.enqueue(job_id, delay)
            return "wachtend" if delay is not None else "mislukt"
        outbox.complete(session, job, utcnow())
        return "klaar"

    def sweep(self) -> int:
        """Hand out every due row again (rows a crash or a lost message left behind); returns how many."""
        with self.app.app_context():
            session: Session = self.app.extensions["db_sessionmaker"]()
            try:
                ids = outbox.due(session, utcnow())
            finally:
                session.close()
        for job_id in ids:
            self.enqueue(job_id)
        return len(ids)

    def seal_audit(self) -> dict[str, int]:
        """Seal the log rows appended since the last run into their hash chains (app/audit_chain.py); a worker
        killed mid-batch leaves its batch pending, and the next run seals it."""
        with self.app.app_context():
            session: Session = self.app.extensions["db_sessionmaker"]()
            try:
                return audit_chain.seal_all(session)
            finally:
                session.close()

    def anchor_audit(self) -> dict[str, str]:
        """Export the signed heads of both chains to the anchor directory (app/audit_anchor.py); a chain that
        no longer holds is logged as an error and not anchored. Returns per chain what happened."""
        if self.anchor_dir is None:
            return {}
        with self.app.app_context():
            session: Session = self.app.extensions["db_sessionmaker"]()
            try:
                report = audit_anchor.anchor(session, self.anchor_dir)
            finally:
                session.close()
        for line in report.forged:
            log.error("audit anchor file: line %s is not signed with the audit key", line)
        for name, check in report.checks.items():
            if check.problem:
                log.error("audit chain %s does not match its anchor: %s", name, check.problem)
        return {name: check.problem or ("verankerd" if check.written else "ongewijzigd")
                for name, check in report.checks.items()}

    def run_worker(self, workers: int = 1) -> None:
        """Consume the queue in this process until stopped; runs the periodic sweep and sealing too."""
        self.huey.create_consumer(workers=workers, worker_type="thread", periodic=True).run()

    def run_queued(self) -> list[Any]:
        """Tests and the CLI: run every task waiting in the queue now, in this process; returns their results."""
        results = []
        while (task := self.huey.dequeue()) is not None:
            result = self.huey.execute(task)  # a retry due later goes to huey's schedule and returns None
            if result is not None:
                results.append(result)
        return results


def describe(exc: BaseException) -> str:
    """The failure as the case page shows it: a Dutch message where the code gave one."""
    return getattr(exc, "message", None) or str(exc) or type(exc).__name__


def init_app(app: Flask, config: Config) -> Jobs:
    """Create the queue and enqueue new outbox rows after each commit of the app's sessions."""
    jobs = Jobs(app, config)
    app.extensions["bevoegd_jobs"] = jobs
    makers: sessionmaker[Session] = app.extensions["db_sessionmaker"]
    event.listen(makers, "after_commit", lambda session: _after_commit(jobs, session))
    event.listen(makers, "after_soft_rollback", lambda session, _tx: session.info.pop(outbox.READY_KEY, None))
    return jobs


def _after_commit(jobs: Jobs, session: Session) -> None:
    """Hand the committed rows to the queue. The change itself is committed already: a queue that cannot be
    reached (Redis down) must not turn it into an error page; the periodic sweep hands the rows out later."""
    for job_id in session.info.pop(outbox.READY_KEY, []):
        try:
            jobs.enqueue(job_id)
        except Exception:  # noqa: BLE001 - any queue failure; the row waits in the outbox for the sweep
            log.exception("job %s not handed to the queue; the sweep will", job_id)


def get_jobs(app: Flask) -> Jobs:
    """The app's queue."""
    return app.extensions["bevoegd_jobs"]
