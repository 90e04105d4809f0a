"""The login throttle counts every failure when workers fail at the same moment (one upsert per counter), and a
block only moves later: a slower worker never shortens the back-off a faster one set."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import select

from app.db import session_scope
from app.models import LoginThrottle
from app.models.types import utcnow
from app.services import login_throttle

WORKERS, EACH = 8, 5


def test_concurrent_failures_are_all_counted(app, db):
    engine, config = app.extensions["db_engine"], app.extensions["bevoegd"].config
    now = utcnow()

    def fail(i: int) -> list[int]:
        delays = []
        for _ in range(EACH):
            with session_scope(engine) as session:
                delays.append(login_throttle.record_failure(
                    session, config, login_throttle.keys_for("burgemeester", "198.51.100.66"), now))
                session.commit()
        return delays

    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        delays = sorted(d for run in pool.map(fail, range(WORKERS)) for d in run)
    db.rollback()
    counts = {r.scope: r.failures for r in db.scalars(select(LoginThrottle))}
    assert counts == {"account_bron": WORKERS * EACH, "bron": WORKERS * EACH, "account": WORKERS * EACH}
    # Every failure got its own count, so every delay of the doubling series was handed out exactly once.
    assert delays[-1] == config.login_backoff_max_seconds
    assert len([d for d in delays if d == 0]) == config.login_max_failures - 1
    blocked_until = db.scalar(select(LoginThrottle.blocked_until).where(LoginThrottle.scope == "account_bron"))
    assert round((blocked_until - now).total_seconds()) == config.login_backoff_max_seconds
