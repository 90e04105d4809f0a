"""Assessment receipts, recorded judgements, the reviewed decision (beslissing) and its review rounds.

The database guards the workflow: statuses are CHECKed enums, an approved beslissing must carry its
approver and time (and nothing else may), the approver differs from the drafter, and dates are ordered.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, CheckConstraint, Date, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.db import Base
from app.models.history import REVOCATION_COMPLETE, revocation_kind
from app.models.regelset import Parameterset, Regelset
from app.models.types import UtcDateTime, checked_enum, utcnow
from app.models.user import User
from app.models.zaak import Zaak

NACONTROLE_OPEN = text("review_mode = 'achteraf' AND nagecontroleerd_at IS NULL")

STATUSSEN = ("concept", "ter_vaststelling", "vastgesteld", "verzonden")


class Beoordeling(Base):
    """An immutable assessment receipt. Since issue 12 (format 2) it holds the case's facts, the fired rules
    with their bindings, the ruleset and its SHA-256, and references the shared rules version and parameter
    set; receipts from before are full copies and have no references (app/domain/receipt.py)."""

    __tablename__ = "beoordelingen"

    id: Mapped[int] = mapped_column(primary_key=True)
    zaak_id: Mapped[int] = mapped_column(ForeignKey("zaken.id"), index=True)
    peildatum: Mapped[date] = mapped_column(Date)
    beoordeeld_op: Mapped[date] = mapped_column(Date)
    ruleset: Mapped[str] = mapped_column(String(80))
    rules_sha256: Mapped[str] = mapped_column(String(64))
    engine: Mapped[str] = mapped_column(String(80))
    bevoegdheid: Mapped[str] = mapped_column(String(40))
    assessment: Mapped[dict[str, Any]] = mapped_column(JSON)
    sha256: Mapped[str] = mapped_column(String(64))
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    regelset_id: Mapped[int | None] = mapped_column(ForeignKey("regelsets.id"))
    parameterset_id: Mapped[int | None] = mapped_column(ForeignKey("parametersets.id"))

    regelset: Mapped[Regelset | None] = relationship()
    parameterset: Mapped[Parameterset | None] = relationship()


class Oordeel(Base):
    """A judgement a person recorded (rules propose, people decide); superseded, never edited."""

    __tablename__ = "oordelen"
    __table_args__ = (
        CheckConstraint("length(trim(reasoning)) > 0", name="reasoning_required"),
        Index(
            "uq_oordelen_actief", "zaak_id", "code", unique=True,
            sqlite_where=text("superseded_at IS NULL"), postgresql_where=text("superseded_at IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    zaak_id: Mapped[int] = mapped_column(ForeignKey("zaken.id"), index=True)
    code: Mapped[str] = mapped_column(String(60))
    outcome: Mapped[str] = mapped_column(String(60))
    reasoning: Mapped[str] = mapped_column(Text)
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    superseded_at: Mapped[datetime | None] = mapped_column(UtcDateTime)

    recorded_by: Mapped[User] = relationship()


class Beslissing(Base):
    """One outcome of one zaak with its letters; carries the ZGW besluit dates when it is a besluit."""

    __tablename__ = "beslissingen"
    __table_args__ = (
        CheckConstraint(
            "review_mode = 'achteraf' OR approver_id IS NULL OR approver_id <> drafter_id", name="four_eyes"
        ),
        CheckConstraint(
            "(status IN ('vastgesteld', 'verzonden')) = (approver_id IS NOT NULL AND approved_at IS NOT NULL)",
            name="approver_iff_approved",
        ),
        CheckConstraint("status = 'concept' OR ondertekenaar_id IS NOT NULL", name="ondertekenaar_named"),
        CheckConstraint("besluit OR uiterlijke_reactiedatum IS NULL", name="reactiedatum_only_besluit"),
        CheckConstraint("uiterlijke_reactiedatum IS NULL OR uiterlijke_reactiedatum > verzenddatum",
                        name="reactiedatum_after_verzending"),
        CheckConstraint("ingangsdatum IS NULL OR ingangsdatum > verzenddatum", name="ingang_after_verzending"),
        CheckConstraint("vervaldatum IS NULL OR vervaldatum > ingangsdatum", name="verval_after_ingang"),
        CheckConstraint("status <> 'verzonden' OR verzonden_at IS NOT NULL", name="verzonden_has_moment"),
        CheckConstraint("einde_at IS NULL OR ingang_at IS NULL OR einde_at > ingang_at", name="einde_after_ingang"),
        CheckConstraint(REVOCATION_COMPLETE, name="intrekking_volledig"),
        CheckConstraint("intrekking_soort IS NULL OR status IN ('vastgesteld', 'verzonden')",
                        name="intrekking_na_vaststelling"),
        # The review queue (migration 0022): the status it filters on, in its keyset order.
        Index("ix_beslissingen_status_verzenddatum", "status", "verzenddatum", "id"),
        # The nacontrole list (migration 0029): only the decisions on the spot still to be checked, in keyset order.
        Index("ix_beslissingen_nacontrole_open", "verzenddatum", "id", sqlite_where=NACONTROLE_OPEN,
              postgresql_where=NACONTROLE_OPEN),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    zaak_id: Mapped[int] = mapped_column(ForeignKey("zaken.id"), index=True)
    beoordeling_id: Mapped[int] = mapped_column(ForeignKey("beoordelingen.id"))
    # An outcome of the power's index.yaml; checked against the procedure data, not by a CHECK list.
    soort: Mapped[str] = mapped_column(String(60))
    status: Mapped[str] = mapped_column(checked_enum("status", *STATUSSEN), default="concept")
    besluit: Mapped[bool] = mapped_column()
    review_mode: Mapped[str] = mapped_column(checked_enum("review_mode", "vooraf", "achteraf"), default="vooraf")
    maatregel: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    afwijking_beleid: Mapped[bool] = mapped_column(default=False)
    toelichting: Mapped[str] = mapped_column(Text, default="")
    datum: Mapped[date | None] = mapped_column(Date, index=True)  # the figures count decisions per year by it
    verzenddatum: Mapped[date] = mapped_column(Date)
    ingangsdatum: Mapped[date | None] = mapped_column(Date)
    vervaldatum: Mapped[date | None] = mapped_column(Date)
    uiterlijke_reactiedatum: Mapped[date | None] = mapped_column(Date)
    zienswijze_tot: Mapped[date | None] = mapped_column(Date)
    begunstigingstermijn_tot: Mapped[date | None] = mapped_column(Date)
    # Measures that run on the clock (a huisverbod): start and end to the minute, stored in UTC.
    ingang_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    einde_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    # Every period of the outcome by name (ISO dates or moments), as the letters print them.
    termijnen: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    drafter_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    ondertekenaar_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    approver_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    approved_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    verzonden_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    # When a decision taken on the spot was checked afterwards (its review round holds who and the remarks):
    # kept here so the open nacontrole list is an index range, not an anti-join over every decision checked.
    nagecontroleerd_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    # Revoked (ingetrokken) or annulled (in bezwaar or beroep) afterwards: it no longer counts as an earlier measure.
    intrekking_soort: Mapped[str | None] = mapped_column(revocation_kind())
    intrekking_datum: Mapped[date | None] = mapped_column(Date)
    intrekking_reden: Mapped[str | None] = mapped_column(Text)
    intrekking_door_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    version_id: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version_id}

    zaak: Mapped[Zaak] = relationship()
    beoordeling: Mapped[Beoordeling] = relationship()
    drafter: Mapped[User] = relationship(foreign_keys=[drafter_id])
    ondertekenaar: Mapped[User | None] = relationship(foreign_keys=[ondertekenaar_id])
    approver: Mapped[User | None] = relationship(foreign_keys=[approver_id])
    reviewrondes: Mapped[list[Reviewronde]] = relationship(back_populates="beslissing", order_by="Reviewronde.id")


class Reviewronde(Base):
    """One review by the kabinet: approved or returned, with the comment and the hashes of the letters seen."""

    __tablename__ = "reviewrondes"
    __table_args__ = (
        CheckConstraint("resultaat <> 'teruggestuurd' OR length(trim(opmerking)) > 0", name="return_needs_comment"),
        Index("ix_reviewrondes_created_at_id", "created_at", "id"),  # the kabinet's history, newest first
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    beslissing_id: Mapped[int] = mapped_column(ForeignKey("beslissingen.id"), index=True)
    reviewer_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    # nagecontroleerd: a decision taken on the spot, checked afterwards (review achteraf), remarks optional.
    resultaat: Mapped[str] = mapped_column(checked_enum("resultaat", "goedgekeurd", "teruggestuurd", "nagecontroleerd"))
    opmerking: Mapped[str] = mapped_column(Text, default="")
    document_hashes: Mapped[list[str]] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)

    beslissing: Mapped[Beslissing] = relationship(back_populates="reviewrondes")
    reviewer: Mapped[User] = relationship()
