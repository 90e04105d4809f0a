"""Legal remedies against a sent besluit: a bezwaar (objection, Awb 6:4 and chapter 7) and, where the law gives
no objection stage, a beroep or a verzoek om voorlopige voorziening at the court (Awb 7:1, 8:81).

The database guards the steps: a posted bezwaar has its postmark, a 6:11 judgement has its reasoning, not
hearing needs a reason (Awb 7:3), a decision has its date, reasoning and a signatory other than the one who
prepared it and is taken through the beslissing that carries it (`besluit_id`), and a court ruling has its
date.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, CheckConstraint, Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.db import Base
from app.domain.bezwaar import BEROEP_SOORTEN, BESLISSINGEN, NIET_HOREN_KEUZES, TEKSTEN, UITSPRAKEN, WIJZEN
from app.models.beslissing import Beslissing
from app.models.types import UtcDateTime, checked_enum, utcnow
from app.models.user import User


def _filled(column: str) -> str:
    return f"length(trim({column})) > 0"


class Bezwaar(Base):
    """One bezwaar against one besluit, from its receipt to the decision on it."""

    __tablename__ = "bezwaren"
    __table_args__ = (
        CheckConstraint("wijze <> 'post' OR gepost_op IS NOT NULL", name="post_has_postmark"),
        CheckConstraint(f"verschoonbaar IS NULL OR {_filled('verschoonbaar_reden')}", name="verschoonbaar_reasoned"),
        CheckConstraint(f"niet_horen_reden IS NULL OR (hoorzitting_op IS NULL AND {_filled('niet_horen_reden')})",
                        name="horen_or_reason"),
        CheckConstraint(f"hoorzitting_op IS NULL OR {_filled('gehoord')}", name="hoorzitting_names_who"),
        CheckConstraint(f"advies_op IS NULL OR {_filled('advies_samenvatting')}", name="advies_has_summary"),
        CheckConstraint(f"uitstel_tot IS NULL OR {_filled('uitstel_reden')}", name="uitstel_reasoned"),
        CheckConstraint("(uitkomst IS NULL) = (beslist_op IS NULL) AND (uitkomst IS NULL) = (ondertekenaar_id IS NULL)"
                        f" AND (uitkomst IS NULL OR {_filled('motivering')})", name="beslissing_volledig"),
        CheckConstraint("ondertekenaar_id IS NULL OR ondertekenaar_id <> beslist_door_id", name="four_eyes"),
        CheckConstraint("termijn_einde >= bekendgemaakt_op", name="termijn_after_bekendmaking"),
        # The decision is taken only by approving its beslissing (review by the kabinet, Awb 7:11).
        CheckConstraint("uitkomst IS NULL OR besluit_id IS NOT NULL", name="beslist_via_besluit"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    zaak_id: Mapped[int] = mapped_column(ForeignKey("zaken.id"), index=True)
    beslissing_id: Mapped[int] = mapped_column(ForeignKey("beslissingen.id"), index=True)
    indiener_naam: Mapped[str] = mapped_column(String(200))
    indiener_adres: Mapped[str] = mapped_column(Text)
    betrokkene_id: Mapped[int | None] = mapped_column(ForeignKey("betrokkenen.id"))  # None: another party
    ontvangen_op: Mapped[date] = mapped_column(Date)
    wijze: Mapped[str] = mapped_column(checked_enum("bezwaar_wijze", *WIJZEN))
    gepost_op: Mapped[date | None] = mapped_column(Date)
    bekendgemaakt_op: Mapped[date] = mapped_column(Date)  # the dispatch the objection period runs from
    termijn_einde: Mapped[date] = mapped_column(Date)
    tijdigheid: Mapped[str] = mapped_column(checked_enum("tijdigheid", *TEKSTEN))
    verschoonbaar: Mapped[bool | None] = mapped_column()  # Awb 6:11, a person's judgement on a late bezwaar
    verschoonbaar_reden: Mapped[str | None] = mapped_column(Text)
    gronden: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)  # [{grond, reactie}]
    commissie: Mapped[bool] = mapped_column()  # advice of a bezwaarcommissie (Awb 7:13): twelve weeks
    hoorzitting_op: Mapped[date | None] = mapped_column(Date)
    gehoord: Mapped[str] = mapped_column(Text, default="")
    niet_horen_reden: Mapped[str | None] = mapped_column(Text)
    niet_horen_grond: Mapped[str | None] = mapped_column(checked_enum("niet_horen_grond", *NIET_HOREN_KEUZES))
    bijgestaan_door: Mapped[str] = mapped_column(String(200), default="")  # who assisted at the hearing
    advies_op: Mapped[date | None] = mapped_column(Date)
    advies_samenvatting: Mapped[str] = mapped_column(Text, default="")
    advies_uitkomst: Mapped[str | None] = mapped_column(checked_enum("advies_uitkomst", *BESLISSINGEN))
    verdaagd_op: Mapped[date | None] = mapped_column(Date)  # the written notice of postponement (7:10 lid 3)
    uitstel_tot: Mapped[date | None] = mapped_column(Date)  # further delay agreed with the objector (lid 4)
    uitstel_reden: Mapped[str | None] = mapped_column(Text)
    beslistermijn_einde: Mapped[date] = mapped_column(Date)
    uitkomst: Mapped[str | None] = mapped_column(checked_enum("bezwaar_uitkomst", *BESLISSINGEN))
    motivering: Mapped[str] = mapped_column(Text, default="")
    beslist_op: Mapped[date | None] = mapped_column(Date)
    beslist_door_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    ondertekenaar_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    # The beslissing that carries the decision on this bezwaar through review, letters and dispatch.
    besluit_id: Mapped[int | None] = mapped_column(ForeignKey("beslissingen.id"), unique=True)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    version_id: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version_id}

    beslissing: Mapped[Beslissing] = relationship(foreign_keys=[beslissing_id])
    besluit: Mapped[Beslissing | None] = relationship(foreign_keys=[besluit_id])
    ondertekenaar: Mapped[User | None] = relationship(foreign_keys=[ondertekenaar_id])


class Beroep(Base):
    """A beroep or a verzoek om voorlopige voorziening at the court against a besluit without an objection
    stage (a huisverbod: Awb 7:1 lid 1 onder g), with the court's ruling and its effect."""

    __tablename__ = "beroepen"
    __table_args__ = (
        CheckConstraint("(uitspraak IS NULL) = (uitspraak_op IS NULL)", name="uitspraak_volledig"),
        CheckConstraint("uitspraak_op IS NULL OR uitspraak_op >= ingediend_op", name="uitspraak_after_indiening"),
        CheckConstraint(f"{_filled('rechtbank')} AND {_filled('indiener_naam')}", name="rechtbank_en_indiener"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    zaak_id: Mapped[int] = mapped_column(ForeignKey("zaken.id"), index=True)
    beslissing_id: Mapped[int] = mapped_column(ForeignKey("beslissingen.id"), index=True)
    soort: Mapped[str] = mapped_column(checked_enum("beroep_soort", *BEROEP_SOORTEN))
    rechtbank: Mapped[str] = mapped_column(String(200))
    indiener_naam: Mapped[str] = mapped_column(String(200))
    ingediend_op: Mapped[date] = mapped_column(Date)
    zaaknummer: Mapped[str] = mapped_column(String(60), default="")
    zitting_op: Mapped[date | None] = mapped_column(Date)
    uitspraak: Mapped[str | None] = mapped_column(checked_enum("uitspraak", *UITSPRAKEN))
    uitspraak_op: Mapped[date | None] = mapped_column(Date)
    toelichting: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    version_id: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version_id}

    beslissing: Mapped[Beslissing] = relationship()
