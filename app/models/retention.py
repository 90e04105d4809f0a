"""The record of a destroyed file: which zaak, on what ground and when; no personal data."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, String
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Base
from app.models.types import UtcDateTime


class Vernietiging(Base):
    """One destruction under a statutory retention period. While `uitgevoerd_at` is empty, the append-only
    guards let exactly this zaak's rows be deleted (and its audit snapshots be redacted); once it is set,
    nothing more can change."""

    __tablename__ = "vernietigingen"

    id: Mapped[int] = mapped_column(primary_key=True)
    zaak_id: Mapped[int] = mapped_column(index=True)  # no foreign key: the zaak itself is destroyed
    identificatie: Mapped[str] = mapped_column(String(40), unique=True)
    zaaktype: Mapped[str] = mapped_column(String(40))
    grondslag: Mapped[str] = mapped_column(String(200))
    bewaren_tot: Mapped[date] = mapped_column(Date)
    uitgevoerd_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    aantal_documenten: Mapped[int] = mapped_column(default=0)
