"""A bulk run (reeks): many zaken of one power from one incident, drafted together, reviewed by the kabinet
on a sample and approved as a whole (a youth group gives one letter per parent with authority).

Each zaak keeps its own assessment, judgements, beslissing and letters (its own history); the reeks only
groups them, fixes the sample the kabinet reads when it is offered, and records the approval of the whole.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.db import Base
from app.models.types import UtcDateTime, checked_enum, utcnow
from app.models.user import User

REEKS_STATUSSEN = ("ingelezen", "opstellen", "ter_vaststelling", "vastgesteld")


class Reeks(Base):
    """One bulk run of one power and outcome in one team."""

    __tablename__ = "reeksen"
    __table_args__ = (
        CheckConstraint("(status = 'vastgesteld') = (approver_id IS NOT NULL AND approved_at IS NOT NULL)",
                        name="approver_iff_approved"),
        CheckConstraint("approver_id IS NULL OR approver_id <> created_by_id", name="four_eyes"),
        CheckConstraint("status IN ('ingelezen', 'opstellen') OR ondertekenaar_id IS NOT NULL",
                        name="ondertekenaar_named"),
        CheckConstraint("length(trim(omschrijving)) > 0", name="omschrijving_required"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    zaaktype: Mapped[str] = mapped_column(String(40))
    soort: Mapped[str] = mapped_column(String(60))  # the outcome every zaak of the run is drafted for
    team: Mapped[str] = mapped_column(String(80))
    omschrijving: Mapped[str] = mapped_column(String(300))
    status: Mapped[str] = mapped_column(checked_enum("reeks_status", *REEKS_STATUSSEN), default="ingelezen")
    ondertekenaar_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    # The beslissingen the kabinet must read, fixed when the run is offered: the first, a random sample and
    # every flagged one; with the seed that drew it, so the draw can be shown to be random.
    steekproef: Mapped[list[int]] = mapped_column(JSON, default=list)
    steekproef_seed: Mapped[str] = mapped_column(String(64), default="")
    # Zaken the drafting job could not draft (zaak id -> the Dutch reason), for the jurist to handle one by one.
    problemen: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    aangeboden_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    approver_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    approved_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    version_id: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version_id}

    created_by: Mapped[User] = relationship(foreign_keys=[created_by_id])
    ondertekenaar: Mapped[User | None] = relationship(foreign_keys=[ondertekenaar_id])
    approver: Mapped[User | None] = relationship(foreign_keys=[approver_id])
