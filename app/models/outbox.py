"""The outbox: side effects (PDF conversion, ZGW publication) recorded in the same transaction as the change
that causes them, and run by the job queue only after that transaction committed.

A row is claimed by one worker at a time (an atomic status change with a lease); a worker killed mid-run
leaves its lease to expire, after which the sweep hands the row out again. Handlers are idempotent, so a
row that runs twice does its work once.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Base
from app.models.types import UtcDateTime, checked_enum, utcnow

OUTBOX_STATUSSEN = ("wachtend", "bezig", "klaar", "mislukt")


class OutboxJob(Base):
    """One side effect to run after commit: its kind, an idempotency key and the ids it works on."""

    __tablename__ = "outbox"
    __table_args__ = (
        CheckConstraint("pogingen >= 0", name="pogingen_not_negative"),
        CheckConstraint("status <> 'bezig' OR lease_tot IS NOT NULL", name="running_has_lease"),
        CheckConstraint("(status = 'klaar') = (klaar_at IS NOT NULL)", name="klaar_has_moment"),
        Index("ix_outbox_status_volgende", "status", "volgende_poging_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    soort: Mapped[str] = mapped_column(String(40))
    sleutel: Mapped[str] = mapped_column(String(200), unique=True)  # e.g. "convert_pdf:document:12"
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    zaak_id: Mapped[int | None] = mapped_column(ForeignKey("zaken.id"), index=True)
    status: Mapped[str] = mapped_column(checked_enum("outbox_status", *OUTBOX_STATUSSEN), default="wachtend")
    pogingen: Mapped[int] = mapped_column(default=0)
    laatste_fout: Mapped[str] = mapped_column(Text, default="")
    volgende_poging_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    lease_tot: Mapped[datetime | None] = mapped_column(UtcDateTime)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    klaar_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
