"""Failed logins counted per (account, source), per source and per account, with the back-off each earned
(migration 0025). The counters live in the database so that every gunicorn worker sees the same count."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Base
from app.models.types import UtcDateTime, checked_enum, utcnow

# account_bron: one user name from one client address (the attacker's own counter, blocks only him);
# bron: every failure from one address, whatever the name (an empty name counts only here);
# account: one user name from every address, at a much higher threshold and a short cap.
ACCOUNT_BRON, BRON, ACCOUNT = "account_bron", "bron", "account"
THROTTLE_SCOPES = (ACCOUNT_BRON, BRON, ACCOUNT)


class LoginThrottle(Base):
    """One counter: its key (scope, user name as typed, client address), its failures and its block.

    A user name that does not exist gets a counter like one that does, so the throttle reveals nothing.
    """

    __tablename__ = "login_throttles"
    __table_args__ = (
        UniqueConstraint("scope", "username", "source", name="uq_login_throttles_sleutel"),
        CheckConstraint("failures >= 0", name="failures_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    scope: Mapped[str] = mapped_column(checked_enum("throttle_scope", *THROTTLE_SCOPES))
    username: Mapped[str] = mapped_column(String(80), default="")  # "" in a per-source counter
    source: Mapped[str] = mapped_column(String(64), default="")  # "" in a per-account counter
    failures: Mapped[int] = mapped_column(default=0)
    last_failure_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    blocked_until: Mapped[datetime | None] = mapped_column(UtcDateTime, index=True)
