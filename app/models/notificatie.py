"""In-app notifications (berichten) and their e-mail copy.

A row is created in the same transaction as the use case that causes it (offered for review, approved,
returned, a deadline close to expiry), so a rolled-back use case leaves no message. The e-mail is sent after
the commit; `mail_verzonden_at` stays empty until the SMTP server accepted it, so a failed send is retried
later (`flask notificaties mail`) and never lost. `sleutel` makes a deadline notice idempotent: one per
user and deadline.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.db import Base
from app.models.types import UtcDateTime, checked_enum, utcnow
from app.models.user import User
from app.models.zaak import Zaak

SOORTEN = ("ter_vaststelling", "vastgesteld", "teruggestuurd", "termijn", "toegewezen", "ingetrokken")


class Notificatie(Base):
    """One message for one user, with a link to where the work is."""

    __tablename__ = "notificaties"
    __table_args__ = (UniqueConstraint("user_id", "sleutel", name="uq_notificaties_user_sleutel"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    zaak_id: Mapped[int | None] = mapped_column(ForeignKey("zaken.id"), index=True)
    soort: Mapped[str] = mapped_column(checked_enum("notificatie_soort", *SOORTEN))
    tekst: Mapped[str] = mapped_column(String(300))
    link: Mapped[str] = mapped_column(String(300))
    sleutel: Mapped[str | None] = mapped_column(String(200))  # a deadline's identity: never noticed twice
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    gelezen_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    mail_verzonden_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    mail_pogingen: Mapped[int] = mapped_column(default=0)

    user: Mapped[User] = relationship()
    zaak: Mapped[Zaak | None] = relationship()
