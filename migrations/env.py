"""Alembic environment: the target is app.db.Base's metadata; SQLite uses batch mode for ALTERs."""

from __future__ import annotations

from alembic import context

import app.models  # noqa: F401  (registers every table on the metadata)
from app.config import Config
from app.db import Base, make_engine
from app.models.types import include_for

config = context.config


def _url() -> str:
    # No alembic.ini: the URL comes from the caller (tests) or from the app's own configuration.
    return config.attributes.get("url") or Config.from_env().database_url


def run_migrations_offline() -> None:
    """Emit SQL without a connection."""
    url = _url()
    context.configure(url=url, target_metadata=Base.metadata, literal_binds=True,
                      render_as_batch=url.startswith("sqlite"))
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    """Migrate over a connection (the caller's, when pytest-alembic or the test fixtures pass one)."""
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = make_engine(_url())
    with engine.connect() as conn:
        _run(conn)
    engine.dispose()


def _run(connection) -> None:  # noqa: ANN001
    sqlite = connection.dialect.name == "sqlite"
    # include_object: the trigram indexes exist on PostgreSQL only (migration 0022), so `alembic check` on
    # SQLite does not ask for them.
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=sqlite,
                      compare_type=True, include_object=include_for(connection.dialect.name))
    if sqlite:
        # A batch change rebuilds a table (copy, drop, rename); with foreign keys on, dropping a table that
        # other rows point at fails. SQLite ignores this pragma inside a transaction, so it is set before.
        _sqlite_foreign_keys(connection, on=False)
    try:
        with context.begin_transaction():
            context.run_migrations()
    finally:
        if sqlite:
            _sqlite_foreign_keys(connection, on=True)


def _sqlite_foreign_keys(connection, *, on: bool) -> None:  # noqa: ANN001
    """Switch foreign-key enforcement; switching it back on first checks that the rebuilt tables hold."""
    if connection.in_transaction():
        connection.commit()
    raw = connection.connection.driver_connection  # outside SQLAlchemy's BEGIN (app/db.py begins IMMEDIATE)
    if on:
        broken = raw.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise RuntimeError(f"foreign keys broken by the migration: {broken[:5]}")
    raw.execute(f"PRAGMA foreign_keys={'ON' if on else 'OFF'}")


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
