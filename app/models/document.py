"""Generated letters: immutable bytes with their SHA-256 (ZGW EnkelvoudigInformatieObject fields)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.db import Base
from app.models.types import UtcDateTime, checked_enum, utcnow

DOCUMENT_STATUSSEN = ("in_bewerking", "ter_vaststelling", "definitief", "gearchiveerd")


class Document(Base):
    """One rendered letter for one recipient; a trigger rejects changes to its bytes and hash."""

    __tablename__ = "documenten"

    id: Mapped[int] = mapped_column(primary_key=True)
    beslissing_id: Mapped[int] = mapped_column(ForeignKey("beslissingen.id"), index=True)
    zaak_id: Mapped[int] = mapped_column(ForeignKey("zaken.id"), index=True)
    versie: Mapped[int] = mapped_column()
    ontvanger_rol: Mapped[str] = mapped_column(String(40))
    ontvanger_naam: Mapped[str] = mapped_column(String(200))
    template: Mapped[str] = mapped_column(String(200))
    template_sha256: Mapped[str] = mapped_column(String(64))
    titel: Mapped[str] = mapped_column(String(300))
    bestandsnaam: Mapped[str] = mapped_column(String(200))
    formaat: Mapped[str] = mapped_column(
        String(100), default="application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    taal: Mapped[str] = mapped_column(String(3), default="dut")
    vertrouwelijkheidaanduiding: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(checked_enum("document_status", *DOCUMENT_STATUSSEN))
    inhoud: Mapped[bytes] = mapped_column(LargeBinary)
    sha256: Mapped[str] = mapped_column(String(64))
    context: Mapped[dict[str, Any]] = mapped_column(JSON)
    library_versions: Mapped[dict[str, str]] = mapped_column(JSON)
    creatiedatum: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)

    beslissing = relationship("Beslissing")


class DocumentPdf(Base):
    """The PDF/A-2 rendition of one approved letter, made by the conversion job from the approved bytes; immutable.

    It is what is sent and downloaded by default; `bron_sha256` ties it to the .docx the kabinet approved.
    """

    __tablename__ = "document_pdfs"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documenten.id"), unique=True)
    zaak_id: Mapped[int] = mapped_column(ForeignKey("zaken.id"), index=True)
    inhoud: Mapped[bytes] = mapped_column(LargeBinary)
    sha256: Mapped[str] = mapped_column(String(64))
    bron_sha256: Mapped[str] = mapped_column(String(64))
    omzetter: Mapped[str] = mapped_column(String(100))  # the converter and its version, e.g. "LibreOffice 7.4.7.2"
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)

    document: Mapped[Document] = relationship()
