"""What was published to the ZGW backend: the URL each local object got, so a retry never creates it twice."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Base
from app.models.types import UtcDateTime, utcnow


class ZgwObject(Base):
    """One object created in the Zaken, Besluiten or Documenten API for a local zaak, besluit or document."""

    __tablename__ = "zgw_objecten"

    id: Mapped[int] = mapped_column(primary_key=True)
    zaak_id: Mapped[int] = mapped_column(ForeignKey("zaken.id"), index=True)
    # e.g. "zaak:5", "besluit:7", "informatieobject:12", "besluitinformatieobject:7:12"
    sleutel: Mapped[str] = mapped_column(String(200), unique=True)
    url: Mapped[str] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
