"""Parameter confirmations: a beheerder confirms a policy value with the municipality's official source.

Each row is a new dated value of one parameter of one power, laid over the YAML default from `geldig_vanaf`
(app/rulebook/overlay.py). Rows are never edited: a correction is a newer row (the newest of one date wins).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, CheckConstraint, Date, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.db import Base
from app.models.types import UtcDateTime, utcnow
from app.models.user import User


class ParameterBevestiging(Base):
    """One confirmed value: which power and parameter, the value, from when, and the official source."""

    __tablename__ = "parameterbevestigingen"
    __table_args__ = (
        CheckConstraint("bron_href LIKE 'https://%'", name="bron_https"),
        CheckConstraint("length(trim(bron_titel)) > 0 AND length(trim(bron_artikel)) > 0 AND "
                        "length(trim(bron_publicatie)) > 0", name="bron_volledig"),
        Index("ix_parameterbevestigingen_bevoegdheid", "bevoegdheid", "parameter"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    bevoegdheid: Mapped[str] = mapped_column(String(40))  # the power code (or "algemeen")
    parameter: Mapped[str] = mapped_column(String(80))  # the parameter file's name
    waarde: Mapped[Any] = mapped_column(JSON)
    geldig_vanaf: Mapped[date] = mapped_column(Date)
    bron_titel: Mapped[str] = mapped_column(String(300))
    bron_artikel: Mapped[str] = mapped_column(String(100))
    bron_publicatie: Mapped[str] = mapped_column(String(200))
    bron_href: Mapped[str] = mapped_column(String(500))
    bevestigd_door_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    bevestigd_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)

    bevestigd_door: Mapped[User] = relationship()
