"""Local accounts: argon2id password check, the login throttle's verdict and server-side sessions."""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit import Actor, record_change
from app.config import Config
from app.domain.errors import DomainError
from app.models import LoginSession, User
from app.models.types import utcnow
from app.services import login_throttle

_hasher = PasswordHasher()
# An unknown user name is checked against this hash of a thrown-away random password, made with the same
# parameters as every stored hash: the argon2 work, and so the time taken, is the same whether the name exists.
# (Issue 13 measured 40 ms for an unknown name against 165 ms for a known one; bench/login_timing.py.)
_DUMMY_HASH = "$argon2id$v=19$m=65536,t=3,p=4$9su8nnAOUnz4P20kUX9x/g$Eo4Rhj+/PzuL0rgP/jhaSn5zUsOOPVhSqnh5BOe7pf8"


class LoginFailed(DomainError):
    message = "De combinatie van gebruikersnaam en wachtwoord is onjuist."

    def __init__(self, wait: int = 0) -> None:
        super().__init__(self.message + (f" {_wait_words(wait)}" if wait else ""))
        self.wait = wait


class TooManyAttempts(DomainError):
    """The throttle's back-off runs: the same answer whether or not the user name exists."""

    def __init__(self, wait: int) -> None:
        super().__init__(f"Te veel mislukte inlogpogingen. {_wait_words(wait)}")
        self.wait = wait


def _wait_words(seconds: int) -> str:
    return f"Wacht {seconds} {'seconde' if seconds == 1 else 'seconden'} en probeer het dan opnieuw."


def hash_password(password: str) -> str:
    """argon2id with the library's defaults (99 ms per hash measured)."""
    return _hasher.hash(password)


def login(session: Session, config: Config, username: str, password: str, source: str,  # noqa: PLR0913
          known_device: bool = False) -> LoginSession:
    """Check the throttle and the password; start a server-side session. Raises LoginFailed, TooManyAttempts.

    `source` is the client's address (behind trusted proxies: werkzeug's ProxyFix, app/__init__.py). On a
    `known_device` (a browser this name logged in from before, web/auth.py) only the name's own counter at this
    address can make it wait: guessing from many addresses, or from colleagues behind the same address, then
    cannot keep the person out (OWASP's device cookies). Every failure still counts on every counter."""
    now, keys = utcnow(), login_throttle.keys_for(username, source)
    wait = login_throttle.wait_seconds(session, keys[:1] if known_device else keys, now)
    if wait:
        raise TooManyAttempts(wait)
    user = session.scalars(select(User).where(User.username == username)).first()
    if not _password_ok(user, password):
        wait = login_throttle.record_failure(session, config, keys, now)
        session.commit()
        raise LoginFailed(wait)
    assert user is not None  # noqa: S101 - _password_ok is False without a user (narrows the type)
    login_throttle.forget(session, keys[0])
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    row = LoginSession(id=secrets.token_urlsafe(32), user_id=user.id, auth_at=utcnow())
    session.add(row)
    record_change(session, Actor.of(user), actie="login", hoofd_object=f"user:{user.id}", resource="user",
                  resource_id=user.id, weergave=user.display_name)
    session.commit()
    return row


def _password_ok(user: User | None, password: str) -> bool:
    """Exactly one argon2 verification on every path: an unknown name, an account without a password hash (single
    sign-on only), an inactive account, a wrong or a right password."""
    real = user is not None and user.password_hash.startswith("$argon2")
    matches = _verify_hash(user.password_hash if real else _DUMMY_HASH, password)  # type: ignore[union-attr]
    return real and matches and user.active  # type: ignore[union-attr]


def logout(session: Session, session_id: str) -> None:
    """Revoke the server-side session, so the old cookie no longer works."""
    row = session.get(LoginSession, session_id)
    if row is not None and row.revoked_at is None:
        row.revoked_at = utcnow()
        record_change(session, Actor.of(row.user), actie="logout", hoofd_object=f"user:{row.user_id}",
                      resource="user", resource_id=row.user_id, weergave=row.user.display_name)
        session.commit()


def live_session(session: Session, config: Config, session_id: str) -> LoginSession | None:
    """The session row if it is neither revoked nor past its idle or absolute limit; touches last_seen."""
    row = session.get(LoginSession, session_id)
    now = utcnow()
    if row is None or row.revoked_at is not None or not row.user.active:
        return None
    if now - row.last_seen_at > timedelta(minutes=config.idle_minutes):
        return None
    if now - row.created_at > timedelta(hours=config.absolute_hours):
        return None
    if now - row.last_seen_at > timedelta(seconds=60):  # avoid a write on every request
        row.last_seen_at = now
        session.commit()
    return row


def recently_authenticated(row: LoginSession, config: Config, now: datetime | None = None) -> bool:
    """True when the password was entered within the re-authentication window (approval needs it)."""
    return (now or utcnow()) - row.auth_at <= timedelta(minutes=config.reauth_minutes)


def verify(user: User, password: str) -> bool:
    """Does the password match the user's stored hash?"""
    return _verify_hash(user.password_hash, password)


def _verify_hash(stored: str, password: str) -> bool:
    try:
        return _hasher.verify(stored, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False
