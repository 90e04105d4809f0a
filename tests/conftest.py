"""Shared fixtures: a migrated database (SQLite file by default, PostgreSQL with TEST_DATABASE_URL),
a fresh app per test, demo-like users per role, and login_as(role).

Tests commit for real, like the app does: each test starts from a clean copy of the migrated SQLite file,
or from TRUNCATEd PostgreSQL tables (TRUNCATE does not fire the append-only row triggers).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config as AlembicConfig
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import text
from sqlalchemy.orm import Session

from app import clock

os.environ.setdefault("MALLOC_TOP_PAD_", "67108864")
os.environ.setdefault("MALLOC_TRIM_THRESHOLD_", "268435456")

from app import create_app  # noqa: E402
from app.audit import GENESIS  # noqa: E402
from app.config import ROOT, database_url_for_tests  # noqa: E402
from app.db import Base, make_engine, session_scope  # noqa: E402
from app.domain.procedure import bodies  # noqa: E402
from app.models import Mandaat, User  # noqa: E402
from app.powers import registry  # noqa: E402
from app.services.accounts import hash_password  # noqa: E402

PASSWORD = "test-wachtwoord-2026"
ROLES = ("handhaving", "jurist", "kabinet", "beheerder", "auditor")


def migrate(url: str) -> None:
    """Build the schema the way production does: alembic upgrade head."""
    cfg = AlembicConfig(toml_file=str(ROOT / "pyproject.toml"))
    cfg.attributes["url"] = url
    command.upgrade(cfg, "head")


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The migrated database: a template SQLite file, or the PostgreSQL test database."""
    url = database_url_for_tests()
    if url:
        engine = make_engine(url)
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
        engine.dispose()
        migrate(url)
        return url
    path = tmp_path_factory.mktemp("db") / "template.sqlite"
    migrate(f"sqlite:///{path}")
    return str(path)


@pytest.fixture
def database_url(template_db: str, tmp_path: Path) -> str:
    """A clean database for one test."""
    if template_db.startswith("postgresql"):
        engine = make_engine(template_db)
        tables = ", ".join(t.name for t in Base.metadata.sorted_tables if t.name != "chain_heads")
        with engine.begin() as conn:
            conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
            conn.execute(text(f"UPDATE chain_heads SET hash = '{GENESIS}', keyed_from = 1"))  # as migrated empty
        engine.dispose()
        return template_db
    target = tmp_path / "test.sqlite"
    shutil.copyfile(template_db, target)
    return f"sqlite:///{target}"


@pytest.fixture
def app(database_url: str) -> Iterator[Flask]:
    application = create_app({"database_url": database_url, "testing": True,
                              "strict_templates": True, "csrf_enabled": False})
    yield application
    application.extensions["db_engine"].dispose()


@pytest.fixture
def csrf_app(database_url: str) -> Iterator[Flask]:
    """An app with CSRF protection on, as in production."""
    application = create_app({"database_url": database_url, "testing": True,
                              "strict_templates": True, "csrf_enabled": True})
    yield application
    application.extensions["db_engine"].dispose()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def db(app: Flask, database_url: str) -> Iterator[Session]:
    """A session outside any request, for arranging and asserting (deferred BEGIN: it never holds the
    SQLite write lock while the app handles a request)."""
    engine = make_engine(database_url, immediate=False)
    with session_scope(engine) as session:
        yield session
    engine.dispose()


@pytest.fixture(scope="session")
def password_hash() -> str:
    return hash_password(PASSWORD)  # argon2 costs ~0.1 s: hash once per run


# Extra users: a second jurist and kabinet member (four-eyes), the mayor himself (decides what cannot be
# mandated) and a hulpofficier van justitie (imposes a huisverbod in mandate).
# Every test mandate covers every outcome of its power from MANDATE_FROM, without an end; the capacity still
# limits what it allows (an HOvJ never extends a huisverbod).
MANDATE_FROM = date(2020, 1, 1)
FUNCTIES = {"gemandateerde": "hoofd Kabinet en Veiligheid", "orgaan": "", "hulpofficier_van_justitie":
            "hulpofficier van justitie"}
EXTRA_USERS = (("jurist2", "jurist", None), ("kabinet2", "kabinet", "gemandateerde"),
               ("burgemeester", "kabinet", "orgaan"), ("hovj", "handhaving", "hulpofficier_van_justitie"))


@pytest.fixture
def users(app: Flask, db: Session, password_hash: str) -> dict[str, User]:
    """One user per role plus EXTRA_USERS, authorised for every registered power, attached to `db`."""
    made, powers, rt = {}, list(registry()), app.extensions["bevoegd"]
    people = [(r, r, "gemandateerde" if r == "kabinet" else None) for r in ROLES] + list(EXTRA_USERS)
    for username, role, capacity in people:
        user = User(username=username, display_name=f"{username.title()} (test)", role=role, team="oov",
                    password_hash=password_hash, zaaktypes=powers, phone="14 043")
        for code in powers if capacity else ():
            for body in bodies(rt.book.index(code).orgaan):  # a power settled per zaak: a mandate of each body
                user.mandaten.append(Mandaat(besluittype=code, hoedanigheid=capacity, mandaatbesluit="Mandaat (test)",
                                             uitkomsten=list(rt.procedure(code).outcomes), valid_from=MANDATE_FROM,
                                             functie=FUNCTIES[capacity], orgaan=body))
        db.add(user)
        made[username] = user
    db.commit()
    return made


@pytest.fixture(autouse=True)
def _policy_confirmed(request: pytest.FixtureRequest) -> None:
    """Database tests run as if the municipality had confirmed every policy default (same value, same date):
    a besluit or voornemen needs confirmed values (issue 6). Mark a test `unconfirmed_policy` to start without."""
    if "users" not in request.fixturenames or request.node.get_closest_marker("unconfirmed_policy"):
        return
    from tests.policy import confirm_defaults

    users = request.getfixturevalue("users")
    confirm_defaults(request.getfixturevalue("db"), request.getfixturevalue("app"), users["beheerder"])


@pytest.fixture
def login_as(client: FlaskClient, users: dict[str, User]) -> Callable[[str], User]:
    """Log the test client in as the user with this username (role names are usernames)."""

    def login(username: str) -> User:
        client.post("/logout")
        response = client.post("/login", data={"username": username, "password": PASSWORD})
        assert response.status_code == 302, response.get_data(as_text=True)[:500]
        return users[username]

    return login


@pytest.fixture
def today() -> date:
    return clock.today()
