"""Database plumbing: declarative Base with a naming convention, engine factory and per-request session.

SQLite (the embedded default) gets the production pragmas and BEGIN IMMEDIATE for every transaction:
a deferred transaction cannot upgrade to a write lock and fails with SQLITE_BUSY without waiting
(security-reliability.md §8). PostgreSQL runs READ COMMITTED with version columns.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from flask import Flask, current_app, g
from sqlalchemy import Engine, MetaData, create_engine, event
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

SQLITE_PRAGMAS = ("journal_mode=WAL", "busy_timeout=5000", "foreign_keys=ON", "synchronous=FULL")


class Base(DeclarativeBase):
    """Declarative base; one metadata for every model so Alembic sees the whole schema."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def make_engine(url: str, *, immediate: bool = True) -> Engine:
    """Create an engine with the pragmas and transaction mode this project relies on.

    `immediate=False` is for test observers only: in WAL mode their deferred read transactions do not
    block the app's writers, while an IMMEDIATE one would hold the write lock until it ends.
    """
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 5})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin_immediate if immediate else _sqlite_begin_deferred)
        return engine
    return create_engine(url, pool_pre_ping=True, isolation_level="READ COMMITTED")


def _sqlite_pragmas(dbapi_conn, _record) -> None:  # noqa: ANN001 - DB-API connection
    dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
    for pragma in SQLITE_PRAGMAS:
        dbapi_conn.execute(f"PRAGMA {pragma}")


def _sqlite_begin_immediate(conn) -> None:  # noqa: ANN001 - SQLAlchemy Connection
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def _sqlite_begin_deferred(conn) -> None:  # noqa: ANN001 - SQLAlchemy Connection
    conn.exec_driver_sql("BEGIN")


def init_app(app: Flask, engine: Engine) -> None:
    """Attach a sessionmaker to the app and close the request's session at teardown."""
    app.extensions["db_engine"] = engine
    app.extensions["db_sessionmaker"] = sessionmaker(engine, expire_on_commit=False)
    app.teardown_appcontext(_close_session)


def get_session() -> Session:
    """The request's session; created on first use. Services commit; the teardown rolls back leftovers."""
    if "db_session" not in g:
        g.db_session = current_app.extensions["db_sessionmaker"]()
    return g.db_session


def _close_session(_exc: BaseException | None) -> None:
    session = g.pop("db_session", None)
    if session is not None:
        session.rollback()
        session.close()


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """A session outside a request (CLI, seed); the caller's service commits."""
    session = sessionmaker(engine, expire_on_commit=False)()
    try:
        yield session
    finally:
        session.rollback()
        session.close()


def check_schema_at_head(engine: Engine) -> None:
    """Refuse to start on a database that is not migrated to the Alembic head."""
    from alembic.config import Config as AlembicConfig
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    from app.config import ROOT

    script = ScriptDirectory.from_config(AlembicConfig(toml_file=str(ROOT / "pyproject.toml")))
    with engine.connect() as conn:
        current = set(MigrationContext.configure(conn).get_current_heads())
    if current != set(script.get_heads()):
        engine.dispose()  # the app will not start: close the pooled connection now, not at garbage collection
        raise RuntimeError(
            f"Database schema is at {sorted(current) or 'nothing'}, expected {script.get_heads()}: run 'make migrate'."
        )
