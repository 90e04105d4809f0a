"""The link between a local user and a person at the municipality's identity provider (single sign-on)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.db import Base
from app.models.types import UtcDateTime, utcnow
from app.models.user import User


class OidcAccount(Base):
    """One (issuer, subject) pair: the provider's stable id of a person, never their name or e-mail address,
    which can change or be given to someone else. A user has at most one link."""

    __tablename__ = "oidc_accounts"
    __table_args__ = (UniqueConstraint("issuer", "subject", name="uq_oidc_accounts_issuer_subject"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), unique=True)
    issuer: Mapped[str] = mapped_column(String(300))
    subject: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    last_login_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)

    user: Mapped[User] = relationship()
