"""Migrations: one head, headers match the code, up/down/up round trip, and the models match the DDL."""

from __future__ import annotations

import re

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config as AlembicConfig
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from app.config import ROOT
from app.db import Base, make_engine
from app.models.types import include_for


def alembic_config(url: str) -> AlembicConfig:
    cfg = AlembicConfig(toml_file=str(ROOT / "pyproject.toml"))
    cfg.attributes["url"] = url
    return cfg


def test_there_is_exactly_one_head():
    script = ScriptDirectory.from_config(alembic_config("sqlite://"))
    assert len(script.get_heads()) == 1


def test_revises_header_equals_down_revision():
    script = ScriptDirectory.from_config(alembic_config("sqlite://"))
    for revision in script.walk_revisions():
        header = re.search(r"^Revises: ?(.*)$", revision.module.__doc__, re.M).group(1).strip()
        assert header == (revision.down_revision or ""), revision.revision


def test_models_match_the_migrated_schema(database_url):
    engine = make_engine(database_url)
    with engine.connect() as conn:
        opts = {"compare_type": True, "include_object": include_for(conn.dialect.name)}  # as migrations/env.py
        diff = compare_metadata(MigrationContext.configure(conn, opts=opts), Base.metadata)
    engine.dispose()
    assert diff == []


def test_downgrade_to_base_and_upgrade_again(database_url):
    cfg = alembic_config(database_url)
    command.downgrade(cfg, "base")
    engine = make_engine(database_url)
    with engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() is None
    command.upgrade(cfg, "head")
    with engine.connect() as conn:
        head = ScriptDirectory.from_config(cfg).get_current_head()
        assert MigrationContext.configure(conn).get_current_revision() == head
    engine.dispose()


def test_migrations_run_down_and_up_over_a_database_with_letters(database_url, db, app, users, today):
    """Code review: rebuilding `beslissingen` (SQLite batch mode) failed once documents pointed at it."""
    from sqlalchemy import func, select

    from app.domain.drafting import DraftRequest
    from app.models import Document
    from app.services.intake import submit_melding
    from tests.factories import melding
    from tests.flows import judge_what_is_missing, submit

    rt = app.extensions["bevoegd"]
    zaak = submit_melding(db, rt, melding(), users["handhaving"], today)
    warning = judge_what_is_missing(db, rt, zaak, DraftRequest("waarschuwing", today), users["jurist"], today,
                                    {"ernstig_geval_eerste_overtreding": "niet_ernstig"})
    submit(db, rt, warning, users["kabinet"], users["jurist"], today)
    letters = db.scalar(select(func.count()).select_from(Document))
    assert letters >= 1
    db.close()
    cfg = alembic_config(database_url)
    command.downgrade(cfg, "0007")
    command.upgrade(cfg, "head")
    engine = make_engine(database_url)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM documenten").scalar() == letters
    engine.dispose()
