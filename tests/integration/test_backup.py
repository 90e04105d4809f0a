"""Backups (docs/deployment.md, "Backups"): a `pg_dump --format=custom` of a database with zaken, letters and
audit rows restores with `pg_restore` into an empty database that holds the same rows, is at the Alembic head,
whose audit chains verify and whose letters have the same bytes. PostgreSQL only: SQLite is backed up as a file."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.config import Config as AlembicConfig
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, func, select, text
from sqlalchemy.engine import make_url

from app import clock, create_app
from app.audit import verify_chain
from app.config import ROOT, database_url_for_tests
from app.db import Base, make_engine, session_scope
from app.models import AuditEntry, Document, Zaak
from app.services.intake import submit_melding
from tests.factories import melding
from tests.jobs.jobs_support import approved_warning

pytestmark = pytest.mark.skipif(not (database_url_for_tests() or "").startswith("postgresql"),
                                reason="pg_dump and pg_restore back up PostgreSQL; SQLite is copied as a file")


def libpq(url: str) -> str:
    """The SQLAlchemy URL as pg_dump and pg_restore read it (no +psycopg driver suffix)."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def tool(name: str) -> str:
    path = shutil.which(name)
    assert path, f"{name} is not installed (Debian: postgresql-client)"
    return path


@pytest.fixture
def restore_url(database_url: str) -> Iterator[str]:
    """An empty database beside the test database, dropped afterwards (unique per process: lanes run in parallel)."""
    name = f"{make_url(database_url).database}_restore_{os.getpid()}"
    admin = create_engine(make_url(database_url).set(drivername="postgresql+psycopg", database="postgres"),
                          isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(database_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def row_counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {t.name: conn.scalar(select(func.count()).select_from(t)) for t in Base.metadata.sorted_tables}


def test_pg_dump_restores_into_an_empty_database_with_every_row_the_head_the_chains_and_the_letters(
        app, db, users, database_url, restore_url, tmp_path: Path):
    rt, today = app.extensions["bevoegd"], clock.today()
    for _ in range(3):
        submit_melding(db, rt, melding(), users["handhaving"], today)
    approved_warning(db, rt, users, today)  # a fourth zaak with its approved letter
    letters = {d.id: hashlib.sha256(d.inhoud).hexdigest() for d in db.scalars(select(Document))}
    db.commit()
    source = make_engine(database_url)
    before = row_counts(source)
    source.dispose()
    assert before["zaken"] == 4 and before["documenten"] == len(letters) >= 1 and before["audit_entries"] > 4

    dump = tmp_path / "bevoegd.dump"
    subprocess.run([tool("pg_dump"), "--format=custom", "--no-owner", f"--file={dump}", libpq(database_url)],
                   check=True, capture_output=True, timeout=120)
    subprocess.run([tool("pg_restore"), "--no-owner", "--exit-on-error", f"--dbname={libpq(restore_url)}", str(dump)],
                   check=True, capture_output=True, timeout=120)

    restored = make_engine(restore_url)
    try:
        assert row_counts(restored) == before
        script = ScriptDirectory.from_config(AlembicConfig(toml_file=str(ROOT / "pyproject.toml")))
        with restored.connect() as conn:
            assert set(MigrationContext.configure(conn).get_current_heads()) == set(script.get_heads())
        with session_scope(restored) as session:
            assert verify_chain(session, "audit") is None
            assert verify_chain(session, "access") is None
            assert session.scalar(select(func.count()).select_from(AuditEntry)) == before["audit_entries"]
            for document in session.scalars(select(Document)):
                assert hashlib.sha256(document.inhoud).hexdigest() == document.sha256 == letters[document.id]
            assert session.scalar(select(func.count()).select_from(Zaak)) == 4
    finally:
        restored.dispose()


def test_the_app_starts_on_a_restored_database_and_is_ready(app, db, users, database_url, restore_url, tmp_path):
    submit_melding(db, app.extensions["bevoegd"], melding(), users["handhaving"], clock.today())
    dump = tmp_path / "bevoegd.dump"
    subprocess.run([tool("pg_dump"), "-Fc", "--no-owner", f"--file={dump}", libpq(database_url)],
                   check=True, capture_output=True, timeout=120)
    subprocess.run([tool("pg_restore"), "--no-owner", "--exit-on-error", f"--dbname={libpq(restore_url)}", str(dump)],
                   check=True, capture_output=True, timeout=120)
    restored_app = create_app({"database_url": restore_url, "testing": True, "csrf_enabled": False})
    try:  # create_app refuses a database that is not at the head; readiness runs a query on it
        assert restored_app.test_client().get("/health/ready").status_code == 200
    finally:
        restored_app.extensions["db_engine"].dispose()
