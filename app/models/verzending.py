"""Dispatch records: when and how each letter of an approved beslissing was sent to its recipient.

Awb 3:41: a besluit is made known by sending or handing it to the addressee, and the objection or appeal
period starts the day after (Awb 6:8). One row per letter (document) and recipient: the date, the method
and any proof, with the last day to object or appeal computed from it. A row is never changed: a
correction is a new row that names the one it supersedes, with a reason (a trigger refuses updates, and
deletes except during statutory destruction of the zaak).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.db import Base
from app.domain.dispatch import METHOD_LABELS
from app.models.document import Document
from app.models.types import UtcDateTime, checked_enum, utcnow
from app.models.user import User

# post: ordinary mail; aangetekend: registered mail; uitreiking: handed over in person (e.g. by the police);
# digitaal: e-mail; berichtenbox: the Berichtenbox of MijnOverheid. The last two only where the addressee made
# known that he is reachable that way (Awb 2:14 lid 1), which the record states.
METHODEN = tuple(METHOD_LABELS)
ELEKTRONISCH = ("digitaal", "berichtenbox")
RETOUR_REDENEN = ("onbestelbaar", "niet_afgehaald", "geweigerd")


class Verzending(Base):
    """One recorded dispatch of one letter; superseded by a correction, never edited."""

    __tablename__ = "verzendingen"
    __table_args__ = (
        CheckConstraint("vervangt_id IS NULL OR length(trim(reden)) > 0", name="correction_needs_reason"),
        CheckConstraint("uiterlijke_reactiedatum IS NULL OR uiterlijke_reactiedatum > verzonden_op",
                        name="reactiedatum_after_verzending"),
        CheckConstraint("methode NOT IN ('digitaal', 'berichtenbox') OR length(trim(elektronisch_bereikbaar)) > 0",
                        name="electronic_needs_consent"),
        # one first record per letter; every later one supersedes exactly one earlier record, once
        Index("uq_verzendingen_eerste", "document_id", unique=True,
              sqlite_where=text("vervangt_id IS NULL"), postgresql_where=text("vervangt_id IS NULL")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    zaak_id: Mapped[int] = mapped_column(ForeignKey("zaken.id"), index=True)
    beslissing_id: Mapped[int] = mapped_column(ForeignKey("beslissingen.id"), index=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documenten.id"), index=True)
    ontvanger_rol: Mapped[str] = mapped_column(String(40))
    verzonden_op: Mapped[date] = mapped_column(Date)
    methode: Mapped[str] = mapped_column(checked_enum("methode", *METHODEN))
    bewijs: Mapped[str] = mapped_column(String(200), default="")  # e.g. a track-and-trace or receipt number
    # How the addressee made known he can be reached electronically (Awb 2:14 lid 1); only for e-mail/Berichtenbox.
    elektronisch_bereikbaar: Mapped[str] = mapped_column(String(200), default="")
    # The last day to object or appeal for this recipient (Awb 6:7, 6:8, Atw); None without a legal remedy.
    uiterlijke_reactiedatum: Mapped[date | None] = mapped_column(Date)
    vervangt_id: Mapped[int | None] = mapped_column(ForeignKey("verzendingen.id"), unique=True)
    reden: Mapped[str] = mapped_column(Text, default="")
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)

    document: Mapped[Document] = relationship()
    recorded_by: Mapped[User] = relationship()


class Retour(Base):
    """A letter that came back (onbestelbaar, a registered letter not collected, refused), with the jurist's
    reasoned judgement whether the sending still made the besluit known (Awb 3:41: a letter offered at the right
    address and not collected or refused is at the addressee's risk; an undeliverable one calls for inquiry).
    Only a sending that did not make it known waits for a new one. Append-only like its record."""

    __tablename__ = "verzending_retouren"
    __table_args__ = (CheckConstraint("length(trim(toelichting)) > 0", name="judgement_reasoned"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    verzending_id: Mapped[int] = mapped_column(ForeignKey("verzendingen.id"), unique=True)
    zaak_id: Mapped[int] = mapped_column(ForeignKey("zaken.id"), index=True)
    ontvangen_op: Mapped[date] = mapped_column(Date)
    reden: Mapped[str] = mapped_column(checked_enum("retour_reden", *RETOUR_REDENEN))
    bekendgemaakt: Mapped[bool] = mapped_column()  # the earlier sending still made the besluit known
    toelichting: Mapped[str] = mapped_column(Text)  # the reasons for that judgement
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)

    verzending: Mapped[Verzending] = relationship()
