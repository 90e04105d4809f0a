"""API tokens of machine clients (a police system, another municipal system), migration 0026.

A token belongs to one system account (a `User` row nobody can log in to: its password is a random secret
thrown away at creation) whose role, team and zaaktypes are what the token may act as; the token's `scopes`
narrow that to some API operations. Only the SHA-256 of the token is stored: the token itself is random
(256 bits), so a plain hash is enough and a stolen database yields no usable token.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.db import Base
from app.models.types import UtcDateTime, utcnow
from app.models.user import User


class ApiToken(Base):
    """One bearer token: its system account, its scopes, who made it and who revoked it."""

    __tablename__ = "api_tokens"
    __table_args__ = (
        CheckConstraint("(ingetrokken_at IS NULL) = (ingetrokken_door_id IS NULL)", name="intrekking_compleet"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    naam: Mapped[str] = mapped_column(String(200))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)  # the system account it acts as
    scopes: Mapped[list[str]] = mapped_column(JSON, default=list)
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    # The first characters of the token, so a beheerder can tell which token a system holds without the token.
    prefix: Mapped[str] = mapped_column(String(16))
    aangemaakt_door_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    aangemaakt_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    ingetrokken_door_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    ingetrokken_at: Mapped[datetime | None] = mapped_column(UtcDateTime)

    user: Mapped[User] = relationship(foreign_keys=[user_id])
    aangemaakt_door: Mapped[User] = relationship(foreign_keys=[aangemaakt_door_id])
    ingetrokken_door: Mapped[User | None] = relationship(foreign_keys=[ingetrokken_door_id])

    @property
    def active(self) -> bool:
        return self.ingetrokken_at is None and self.user.active
