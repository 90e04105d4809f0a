"""Shared by the database benchmarks: a benchmark PostgreSQL database, dropped and created again, migrated the way
production is (alembic upgrade head) and seeded with the fictional demo users and meldingen (app/seed.py).

The databases `test` and `test_h*` belong to the test suites of people working on the same machine, so they are
refused, and so are PostgreSQL's own.
"""

from __future__ import annotations

import re
import sys
from datetime import date
from pathlib import Path

import psycopg

RESERVED = re.compile(r"^(test|test_h.*|postgres|template\d)$")


def database_name(url: str) -> str:
    name = url.rsplit("/", 1)[-1].split("?", maxsplit=1)[0]
    if RESERVED.match(name):
        raise SystemExit(f"refusing to use database {name!r}: it belongs to the test suites or to PostgreSQL")
    return name


def libpq(url: str) -> str:
    """The SQLAlchemy URL as a libpq connection string."""
    return url.replace("postgresql+psycopg://", "postgresql://")


def _admin(url: str) -> str:
    """The server's `postgres` database, where CREATE and DROP DATABASE run."""
    return libpq(url).rsplit("/", 1)[0] + "/postgres"


def recreate(url: str) -> None:
    """Drop and create the benchmark database (autocommit: CREATE DATABASE cannot run in a transaction)."""
    name = database_name(url)
    with psycopg.connect(_admin(url), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def drop(url: str) -> None:
    name = database_name(url)
    with psycopg.connect(_admin(url), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def prepare(url: str) -> None:
    """A fresh database at the migrations' head with the demo users and meldingen. The code is whichever `app`
    is first on sys.path (bench/bench_http.py --code puts an exported tree there)."""
    from alembic import command
    from alembic.config import Config as AlembicConfig

    from app import create_app
    from app.db import session_scope
    from app.seed import seed_demo

    recreate(url)
    cfg = AlembicConfig(toml_file=str(Path(sys.modules["app"].__file__).parents[1] / "pyproject.toml"))
    cfg.attributes["url"] = url
    command.upgrade(cfg, "head")
    app = create_app({"database_url": url, "jobs": "memory"})
    with app.app_context(), session_scope(app.extensions["db_engine"]) as db:
        seed_demo(db, app.extensions["bevoegd"], date.today())
    app.extensions["db_engine"].dispose()
