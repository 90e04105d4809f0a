"""Session limits (ASVS V7): a server-side session ends after 30 idle minutes and after 10 hours in all, and an
approval needs the password entered within the last 15 minutes."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from app.models import LoginSession
from app.models.types import utcnow
from app.services.accounts import live_session, recently_authenticated


def _only_session(db) -> LoginSession:
    db.rollback()
    return db.scalars(select(LoginSession)).one()


def _age(db, **moments: timedelta) -> None:
    row = _only_session(db)
    for column, ago in moments.items():
        setattr(row, column, utcnow() - ago)
    db.commit()


def test_an_idle_session_ends_after_thirty_minutes(app, client, login_as, db):
    login_as("jurist")
    assert client.get("/zaken").status_code == 200
    _age(db, last_seen_at=timedelta(minutes=31))
    response = client.get("/zaken")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_a_session_used_all_day_still_ends_after_ten_hours(app, client, login_as, db):
    login_as("jurist")
    _age(db, created_at=timedelta(hours=10, minutes=1), last_seen_at=timedelta(minutes=1))
    assert live_session(db, app.extensions["bevoegd_config"], _only_session(db).id) is None
    assert "/login" in client.get("/zaken").headers.get("Location", "")


def test_approval_needs_the_password_within_fifteen_minutes(app, login_as, db):
    login_as("kabinet")
    config = app.extensions["bevoegd_config"]
    row = _only_session(db)
    assert recently_authenticated(row, config)
    assert not recently_authenticated(row, config, now=row.auth_at + timedelta(minutes=16))
