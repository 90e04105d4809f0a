"""The login throttle: failed logins earn a delay that doubles and is capped, never a lock.

Three counters per attempt (models/login_throttle.py). The (account, source) counter stops the address that
guesses one user's password without touching that user's logins from elsewhere; the per-source counter stops
an address that sprays names (an empty name counts only there); the per-account counter catches guessing from
many addresses, at a threshold no single address reaches before its own back-off and with a short cap, so it
can slow a person's login by at most a minute and never lock them out.

Counting is one INSERT ... ON CONFLICT DO UPDATE per counter, so concurrent failures in different gunicorn
workers are all counted; a block only ever moves later. Each block and each unblock is in the audit trail.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta
from typing import NamedTuple

from sqlalchemy import and_, case, delete, func, null, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from app.audit import SYSTEM, Actor, record_change
from app.config import Config
from app.domain.errors import DomainError
from app.models import LoginThrottle, User
from app.models.login_throttle import ACCOUNT, ACCOUNT_BRON, BRON

TABLE = LoginThrottle.__table__
HOOFD_OBJECT = "inloggen"  # audit rows of the throttle: the auditor filters on this word


class Key(NamedTuple):
    scope: str
    username: str
    source: str


class NotBlocked(DomainError):
    message = "Deze blokkade bestaat niet meer; misschien is hij al opgeheven."


def keys_for(username: str, source: str) -> list[Key]:
    """The counters one attempt touches, in a fixed order (so concurrent upserts never deadlock)."""
    name, source = username[:80], source[:64]
    if not name:  # nobody to protect or to blame: count the address only
        return [Key(BRON, "", source)]
    return [Key(ACCOUNT_BRON, name, source), Key(BRON, "", source), Key(ACCOUNT, name, "")]


def backoff(failures: int, threshold: int, base: int, cap: int) -> int:
    """Seconds to wait after `failures` failures: none below the threshold, then base, 2*base, ... up to cap."""
    if failures < threshold:
        return 0
    return min(cap, base * 2 ** min(failures - threshold, 32))


def wait_seconds(session: Session, keys: list[Key], now: datetime) -> int:
    """How long the longest running block of these counters still lasts, rounded up to whole seconds."""
    until = session.scalar(select(func.max(LoginThrottle.blocked_until))
                           .where(or_(*(_matches(k) for k in keys)), LoginThrottle.blocked_until > now))
    return max(1, math.ceil((until - now).total_seconds())) if until else 0


def record_failure(session: Session, config: Config, keys: list[Key], now: datetime) -> int:
    """Count one failure on each counter and start the back-off it earned; the longest delay (flushed)."""
    longest = 0
    for key in keys:
        throttle_id, failures = _count(session, key, now, now - timedelta(minutes=config.login_window_minutes))
        threshold, cap = _limits(config)[key.scope]
        delay = backoff(failures, threshold, config.login_backoff_seconds, cap)
        if delay and _block(session, throttle_id, now + timedelta(seconds=delay)):
            record_change(session, SYSTEM, actie="login_block", hoofd_object=HOOFD_OBJECT, resource="login_throttle",
                          resource_id=throttle_id, weergave=describe(key),
                          nieuw={"mislukte_pogingen": failures, "seconden": delay,
                                 "geblokkeerd_tot": now + timedelta(seconds=delay)})
        longest = max(longest, delay)
    return longest


def forget(session: Session, key: Key) -> None:
    """A correct password: this person's own counter from this address starts again (the others keep counting)."""
    session.execute(delete(LoginThrottle).where(_matches(key)))


def blocks(session: Session, config: Config, now: datetime) -> list[LoginThrottle]:
    """Counters blocked now or whose block ended recently (their next failure blocks again, for longer)."""
    since = now - timedelta(minutes=config.login_window_minutes)
    return list(session.scalars(select(LoginThrottle).where(LoginThrottle.blocked_until > since)
                                .order_by(LoginThrottle.blocked_until.desc(), LoginThrottle.id)))


def unblock(session: Session, throttle_id: int, actor: User) -> LoginThrottle:
    """Delete the counter (it starts again from zero) and record who lifted it (committed)."""
    row = session.get(LoginThrottle, throttle_id)
    if row is None:
        raise NotBlocked()
    record_change(session, Actor.of(actor), actie="login_unblock", hoofd_object=HOOFD_OBJECT,
                  resource="login_throttle", resource_id=row.id, weergave=describe(Key(row.scope, row.username,
                                                                                       row.source)),
                  oud={"mislukte_pogingen": row.failures, "geblokkeerd_tot": row.blocked_until})
    session.delete(row)
    session.commit()
    return row


def describe(key: Key) -> str:
    """The counter in words, for the audit trail and the beheerder's list."""
    if key.scope == BRON:
        return f"alle gebruikersnamen vanaf {key.source or 'onbekend adres'}"
    if key.scope == ACCOUNT:
        return f"gebruikersnaam '{key.username}' vanaf elk adres"
    return f"gebruikersnaam '{key.username}' vanaf {key.source or 'onbekend adres'}"


def _limits(config: Config) -> dict[str, tuple[int, int]]:
    return {ACCOUNT_BRON: (config.login_max_failures, config.login_backoff_max_seconds),
            BRON: (config.login_source_max_failures, config.login_backoff_max_seconds),
            ACCOUNT: (config.login_account_max_failures, config.login_account_backoff_max_seconds)}


def _count(session: Session, key: Key, now: datetime, forget_before: datetime) -> tuple[int, int]:
    """Add one failure atomically; a counter quiet since before forget_before (after its block) starts at 1."""
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    quiet = func.coalesce(TABLE.c.blocked_until, TABLE.c.last_failure_at) < forget_before
    statement = insert(TABLE).values(scope=key.scope, username=key.username, source=key.source, failures=1,
                                     last_failure_at=now)
    statement = statement.on_conflict_do_update(
        index_elements=[TABLE.c.scope, TABLE.c.username, TABLE.c.source],
        set_={"failures": case((quiet, 1), else_=TABLE.c.failures + 1),
              "blocked_until": case((quiet, null()), else_=TABLE.c.blocked_until), "last_failure_at": now},
    ).returning(TABLE.c.id, TABLE.c.failures)
    row = session.execute(statement).one()
    return row.id, row.failures


def _block(session: Session, throttle_id: int, until: datetime) -> bool:
    """Block until `until` unless a concurrent failure already blocked for longer; True when it did block."""
    moved = session.execute(update(TABLE).where(TABLE.c.id == throttle_id, or_(
        TABLE.c.blocked_until.is_(None), TABLE.c.blocked_until < until)).values(blocked_until=until))
    return bool(moved.rowcount)


def _matches(key: Key):  # noqa: ANN202 - a SQL condition
    return and_(LoginThrottle.scope == key.scope, LoginThrottle.username == key.username,
                LoginThrottle.source == key.source)
