"""Audit sealing under failure and concurrency: nothing is lost when a process is killed between append and
seal or in the middle of a batch, two sealers never fork the chain, and the rows chained before migration 0023
keep verifying (and a downgrade leaves a chain the old code verifies)."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import threading

import pytest
from alembic import command
from alembic.config import Config as AlembicConfig
from sqlalchemy import select, text

from app.audit import GENESIS, seal, seal_all, verify_chain
from app.audit_chain import check_chain
from app.config import ROOT
from app.db import make_engine, session_scope
from app.domain.serialize import jsonable
from app.models import AccessEntry, ChainHead
from app.models.types import utcnow
from tests.integration.audit_support import append_reads, by_chain_position

APPEND_THEN_DIE = """
import os, signal, sys
from app.audit import SYSTEM, record_access
from app.db import make_engine, session_scope
from tests.integration.audit_support import append_reads
with session_scope(make_engine(sys.argv[1])) as session:
    append_reads(session, 5, "voor de kill")
    record_access(session, SYSTEM, action="view", object_type="zaak", object_id=0, case_id="Z-1",
                  reason="nooit gecommit")
    os.kill(os.getpid(), signal.SIGKILL)
"""
SEAL_THEN_DIE = """
import os, signal, sys
from app.audit import seal
from app.db import make_engine, session_scope
with session_scope(make_engine(sys.argv[1])) as session:
    print(seal(session, "access"), flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
"""


def _die_in_a_child(script: str, database_url: str) -> str:
    done = subprocess.run([sys.executable, "-c", script, database_url], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == -9, done.stderr[-2000:]  # SIGKILL: no cleanup, no commit, no rollback
    return done.stdout


def test_rows_committed_before_a_kill_are_all_sealed_later(db, database_url):
    _die_in_a_child(APPEND_THEN_DIE, database_url)
    db.rollback()
    reasons = list(db.scalars(select(AccessEntry.reason).order_by(AccessEntry.id)))
    assert reasons == [f"voor de kill {n}" for n in range(5)]  # committed: kept; the open transaction: gone
    assert check_chain(db, "access").pending == 5
    assert seal_all(db)["access"] == 5
    check = check_chain(db, "access")
    assert check.broken is None and (check.sealed, check.pending) == (5, 0)


def test_a_sealer_killed_mid_batch_leaves_its_rows_pending_not_half_chained(db, database_url):
    append_reads(db, 2)
    seal_all(db)
    head = db.get(ChainHead, "access").hash
    append_reads(db, 3)
    assert _die_in_a_child(SEAL_THEN_DIE, database_url).strip() == "3"  # it had chained them, uncommitted
    db.rollback()
    db.expire_all()
    pending = list(db.scalars(select(AccessEntry).where(AccessEntry.chain_pos.is_(None))))
    assert len(pending) == 3 and all(r.prev_hash is None and r.hash is None for r in pending)
    assert db.get(ChainHead, "access").hash == head
    assert verify_chain(db, "access") is None
    assert seal_all(db)["access"] == 3
    assert [r.chain_pos for r in by_chain_position(db)] == [1, 2, 3, 4, 5]
    assert verify_chain(db, "access") is None


def test_a_second_sealer_waits_for_the_first_and_continues_its_chain(db, database_url):
    if database_url.startswith("sqlite"):
        pytest.skip("SQLite's write transaction serialises sealers by itself")
    append_reads(db, 4)
    engine = make_engine(database_url)
    result: dict[str, int] = {}
    with session_scope(engine) as first, session_scope(engine) as second:
        assert seal(first, "access") == 4  # holds the head row until it commits
        append_reads(db, 3)

        def seal_second() -> None:
            result["sealed"] = seal(second, "access")
            second.commit()

        thread = threading.Thread(target=seal_second)
        thread.start()
        thread.join(1.5)
        assert thread.is_alive()  # waiting on the head lock
        first.commit()
        thread.join(30)
        assert not thread.is_alive()
    engine.dispose()
    assert result == {"sealed": 3}
    rows = by_chain_position(db)
    assert [r.chain_pos for r in rows] == list(range(1, 8)) and len({r.prev_hash for r in rows}) == 7
    assert verify_chain(db, "access") is None


def test_concurrent_writers_and_sealers_never_fork_the_chain(db, database_url):
    engine = make_engine(database_url)
    errors: list[BaseException] = []

    def work() -> None:
        try:
            with session_scope(engine) as session:
                for _ in range(5):
                    append_reads(session, 3)
                    seal_all(session, limit=4)
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    engine.dispose()
    assert errors == []
    seal_all(db)
    rows = by_chain_position(db)
    assert [r.chain_pos for r in rows] == list(range(1, 61)) and len({r.prev_hash for r in rows}) == 60
    assert verify_chain(db, "access") is None


def _alembic(database_url: str) -> AlembicConfig:
    cfg = AlembicConfig(toml_file=str(ROOT / "pyproject.toml"))
    cfg.attributes["url"] = database_url
    return cfg


def _old_hash(previous: str, row: dict) -> str:
    """The chain hash as the code before issue 12 computed it (every column but id and the hashes)."""
    body = {k: v for k, v in row.items() if k not in ("id", "prev_hash", "hash", "chain_pos", "content_sha256")}
    canonical = json.dumps(jsonable(body), sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256((previous + canonical).encode()).hexdigest()


def _old_verify(database_url: str) -> bool:
    """The old verification: rows in id order, each linked to the one before, ending at the head."""
    engine = make_engine(database_url)
    with engine.connect() as conn:
        table = AccessEntry.__table__
        columns = [c for c in table.c if c.name not in ("chain_pos", "content_sha256")]
        previous, ok = GENESIS, True
        for row in conn.execute(select(*columns).order_by(table.c.id)).mappings():
            ok = ok and row["prev_hash"] == previous and row["hash"] == _old_hash(previous, dict(row))
            previous = row["hash"]
        ok = ok and conn.execute(text("SELECT hash FROM chain_heads WHERE name = 'access'")).scalar() == previous
    engine.dispose()
    return ok


def test_rows_chained_by_the_old_code_verify_unchanged_after_the_migration(db, database_url):
    db.close()
    command.downgrade(_alembic(database_url), "0022")
    engine = make_engine(database_url)
    previous = GENESIS
    with engine.begin() as conn:
        for n in range(3):
            row = {"ts_utc": utcnow(), "actor_id": "system", "actor_display": "Bevoegd (systeem)", "role": "system",
                   "action": "view", "object_type": "zaak", "object_id": str(n), "case_id": "Z-1", "result": "ok",
                   "origin": "", "reason": f"oud {n}"}
            previous, row["prev_hash"] = _old_hash(previous, row), previous
            conn.execute(AccessEntry.__table__.insert().values(**row, hash=previous))
        conn.execute(text("UPDATE chain_heads SET hash = :h WHERE name = 'access'"), {"h": previous})
    engine.dispose()
    assert _old_verify(database_url)
    command.upgrade(_alembic(database_url), "head")
    rows = by_chain_position(db)
    assert [(r.chain_pos, r.reason, r.content_sha256) for r in rows] == [(n + 1, f"oud {n}", None) for n in range(3)]
    append_reads(db, 2)
    assert seal_all(db)["access"] == 2
    assert verify_chain(db, "access") is None and check_chain(db, "access").sealed == 5


def test_a_downgrade_leaves_a_chain_the_old_code_verifies(db, database_url):
    append_reads(db, 3)
    seal_all(db)
    append_reads(db, 2)  # pending: the downgrade chains them
    db.close()
    command.downgrade(_alembic(database_url), "0022")
    assert _old_verify(database_url)
    command.upgrade(_alembic(database_url), "head")
    check = check_chain(db, "access")
    assert check.broken is None and (check.sealed, check.pending) == (5, 0)
