"""Earlier measures entered by hand (from before go-live or from another source) and the revocation columns
that any power's measure shares: an earlier measure that was revoked or annulled no longer counts."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Base
from app.domain.history import REVOCATIONS
from app.models.types import UtcDateTime, checked_enum, utcnow

# The same CHECK on beslissingen and eerdere_maatregelen: a revocation has its kind, date and reason together.
REVOCATION_COMPLETE = ("(intrekking_soort IS NULL) = (intrekking_datum IS NULL) AND "
                       "(intrekking_soort IS NULL) = (intrekking_reden IS NULL) AND "
                       "(intrekking_reden IS NULL OR length(trim(intrekking_reden)) > 0)")


def revocation_kind() -> object:
    """The column type of `intrekking_soort` (a checked enum, nullable)."""
    return checked_enum("intrekking_soort", *REVOCATIONS)


class EerdereMaatregel(Base):
    """An earlier warning or closure (an escalation outcome of a power) that the product did not make itself.
    It counts for repeat offences like a beslissing of the product; never edited, only revoked."""

    __tablename__ = "eerdere_maatregelen"
    __table_args__ = (
        CheckConstraint("verzenddatum IS NULL OR verzenddatum >= pleegdatum", name="verzending_na_pleegdatum"),
        CheckConstraint("NOT verzonden OR verzenddatum IS NOT NULL", name="verzonden_heeft_datum"),
        CheckConstraint("length(trim(kenmerk)) > 0 AND length(trim(bron)) > 0", name="kenmerk_en_bron"),
        CheckConstraint(REVOCATION_COMPLETE, name="intrekking_volledig"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    zaaktype: Mapped[str] = mapped_column(String(40))  # the power code, checked by the use case
    soort: Mapped[str] = mapped_column(String(60))  # one of the power's escalation outcomes
    pleegdatum: Mapped[date] = mapped_column(Date)  # the earlier offence: the repeat window runs from it
    verzenddatum: Mapped[date | None] = mapped_column(Date)
    verzonden: Mapped[bool] = mapped_column()
    adres_straat: Mapped[str] = mapped_column(String(200))
    adres_huisnummer: Mapped[str] = mapped_column(String(20))
    adres_postcode: Mapped[str] = mapped_column(String(7))
    adres_woonplaats: Mapped[str] = mapped_column(String(100))
    adres_sleutel: Mapped[str] = mapped_column(String(120), index=True)
    persoon_naam: Mapped[str] = mapped_column(String(200), default="")
    persoon_geboortedatum: Mapped[date | None] = mapped_column(Date)
    kenmerk: Mapped[str] = mapped_column(String(100))
    bron: Mapped[str] = mapped_column(String(200))  # where it was found: an archive, another system
    toelichting: Mapped[str] = mapped_column(Text, default="")
    ingevoerd_bij: Mapped[str] = mapped_column(String(40), default="")  # the zaak it was entered from
    intrekking_soort: Mapped[str | None] = mapped_column(revocation_kind())
    intrekking_datum: Mapped[date | None] = mapped_column(Date)
    intrekking_reden: Mapped[str | None] = mapped_column(Text)
    intrekking_door_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    version_id: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version_id}
