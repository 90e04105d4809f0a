"""The case (zaak), the people and organisations in it (betrokkenen) and the report it started from."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, CheckConstraint, Date, ForeignKey, Index, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.db import Base
from app.domain.addressees import COUNTRIES, HOME, postal_lines
from app.domain.closure import AFSLUITREDENEN
from app.domain.codes import BRON_SOORTEN, FASEN, RECHTHEBBENDE_SOORTEN
from app.domain.procedure import BODIES
from app.models.types import UtcDateTime, checked_enum, trigram_index, utcnow
from app.models.user import VERTROUWELIJKHEID, User

# An address is in the Netherlands, Belgium or Germany (migration 0019).
IN_COUNTRIES = "land IN ({})".format(", ".join(f"'{code}'" for code in COUNTRIES))
# A closed zaak has its reason, reasoning and end date; a reopened one has none of them.
CLOSED = ("(fase = 'afgesloten') = (afsluitreden IS NOT NULL AND einddatum IS NOT NULL "
          "AND afsluittoelichting IS NOT NULL AND length(trim(afsluittoelichting)) > 0)")


class Zaak(Base):
    """One case of one power; `zaaktype` is the power code, `identificatie` the kenmerk on every letter."""

    __tablename__ = "zaken"
    # The lists' indexes (migration 0022): the team and power every jurist's list filters on, the reporter's
    # own list in its order, the keyset order of the case list, and text search in the kenmerk and the street.
    __table_args__ = (CheckConstraint(CLOSED, name="afgesloten_met_reden"),
                      CheckConstraint("vervolg_op_id IS NULL OR vervolg_op_id <> id", name="niet_eigen_vervolg"),
                      Index("ix_zaken_team_zaaktype", "team", "zaaktype"),
                      Index("ix_zaken_created_by_registratie", "created_by_id", "registratiedatum", "id"),
                      Index("ix_zaken_registratiedatum_id", "registratiedatum", "id"),
                      trigram_index("ix_zaken_identificatie_trgm", "identificatie"),
                      trigram_index("ix_zaken_adres_straat_trgm", "adres_straat"))

    id: Mapped[int] = mapped_column(primary_key=True)
    identificatie: Mapped[str] = mapped_column(String(40), unique=True)
    bronorganisatie: Mapped[str] = mapped_column(String(9))
    # The power code; checked against the registered powers at start-up (app/powers), not by a CHECK list.
    zaaktype: Mapped[str] = mapped_column(String(40))
    fase: Mapped[str] = mapped_column(checked_enum("fase", *FASEN), default="feiten")
    omschrijving: Mapped[str] = mapped_column(String(300))
    vertrouwelijkheidaanduiding: Mapped[str] = mapped_column(
        checked_enum("vertrouwelijkheidaanduiding", *VERTROUWELIJKHEID), default="zaakvertrouwelijk"
    )
    team: Mapped[str] = mapped_column(String(80), default="oov")
    # The competent body that decides this zaak (index.yaml `orgaan`, or the power's choice per case, e.g. the
    # body that decides the permit applied for): it signs, and a bezwaar is made to it (migration 0020).
    orgaan: Mapped[str] = mapped_column(checked_enum("orgaan", *BODIES), default="burgemeester",
                                        server_default="burgemeester")
    # Only the people on the zaak's access list may see it (index.yaml `toegang: lijst`, e.g. Bibob secrecy);
    # see models/toegang.py and web/access.py.
    toegang_beperkt: Mapped[bool] = mapped_column(default=False, server_default=false())
    registratiedatum: Mapped[date] = mapped_column(Date)
    startdatum: Mapped[date] = mapped_column(Date)
    einddatum: Mapped[date | None] = mapped_column(Date)
    afsluitreden: Mapped[str | None] = mapped_column(checked_enum("afsluitreden", *AFSLUITREDENEN))
    afsluittoelichting: Mapped[str | None] = mapped_column(Text)
    adres_straat: Mapped[str] = mapped_column(String(200))
    adres_huisnummer: Mapped[str] = mapped_column(String(20))
    adres_postcode: Mapped[str] = mapped_column(String(7))
    adres_woonplaats: Mapped[str] = mapped_column(String(100))
    # Normalised premises address: history (earlier warnings, closures) is read per premises.
    adres_sleutel: Mapped[str] = mapped_column(String(120), index=True)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    # The jurist who handles the case (behandelaar); None: not assigned yet.
    behandelaar_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    # The zaak of another power this one follows up (e.g. a letter to the parents of a minor in it).
    vervolg_op_id: Mapped[int | None] = mapped_column(ForeignKey("zaken.id"), index=True)
    reeks_id: Mapped[int | None] = mapped_column(ForeignKey("reeksen.id"), index=True)  # part of a bulk run
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    version_id: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version_id}

    behandelaar: Mapped[User | None] = relationship(foreign_keys=[behandelaar_id])
    betrokkenen: Mapped[list[Betrokkene]] = relationship(back_populates="zaak", order_by="Betrokkene.id")
    meldingen: Mapped[list[Melding]] = relationship(back_populates="zaak", order_by="Melding.id")

    @property
    def adresregels(self) -> tuple[str, ...]:
        """The premises address in two letter lines (NEN 5825 style); the premises are in the Netherlands."""
        return postal_lines(self.adres_straat, self.adres_huisnummer, self.adres_postcode, self.adres_woonplaats)

    @property
    def adres(self) -> dict[str, str]:
        """The premises address as a melding's `adres` holds it (the powers' hooks read this shape)."""
        return {"straat": self.adres_straat, "huisnummer": self.adres_huisnummer, "postcode": self.adres_postcode,
                "woonplaats": self.adres_woonplaats}

    @property
    def melding(self) -> Melding:
        """The report this case started from."""
        return self.meldingen[0]


class Betrokkene(Base):
    """A person or organisation with a role in the case (ZGW Rol)."""

    __tablename__ = "betrokkenen"
    __table_args__ = (CheckConstraint(IN_COUNTRIES, name="land"), trigram_index("ix_betrokkenen_naam_trgm", "naam"))

    id: Mapped[int] = mapped_column(primary_key=True)
    zaak_id: Mapped[int] = mapped_column(ForeignKey("zaken.id"), index=True)
    # A role the power's index.yaml lists under `roles` (ZGW roltype per zaaktype).
    roltype: Mapped[str] = mapped_column(String(40))
    rechthebbende_soort: Mapped[str] = mapped_column(
        checked_enum("rechthebbende_soort", *RECHTHEBBENDE_SOORTEN), default="niet_van_toepassing"
    )
    naam: Mapped[str] = mapped_column(String(200))
    is_organisatie: Mapped[bool] = mapped_column(default=False)
    # Indexed (migration 0029): earlier measures against the same person are pre-selected by birth date.
    geboortedatum: Mapped[date | None] = mapped_column(Date, index=True)
    straat: Mapped[str] = mapped_column(String(200))
    huisnummer: Mapped[str] = mapped_column(String(20))
    postcode: Mapped[str] = mapped_column(String(7))
    woonplaats: Mapped[str] = mapped_column(String(100))
    # The country of the address (ISO 3166-1 alpha-2): the letter prints it in that country's postal format.
    land: Mapped[str] = mapped_column(String(2), default=HOME, server_default=HOME)
    # Which entry of the case file this betrokkene is (e.g. a third party named in a Bibob advice): a letter to
    # him is built from that entry only (migration 0020). None: the role says enough.
    ref: Mapped[str | None] = mapped_column(String(40))
    version_id: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version_id}

    zaak: Mapped[Zaak] = relationship(back_populates="betrokkenen")

    @property
    def adresregels(self) -> tuple[str, ...]:
        """Name and address lines for the letter's address block, in the postal format of the country."""
        return (self.naam, *postal_lines(self.straat, self.huisnummer, self.postcode, self.woonplaats, self.land))


class Melding(Base):
    """The violation report: source document, dates, reporter and the power's case file (JSON)."""

    __tablename__ = "meldingen"
    __table_args__ = (CheckConstraint("bron_datum >= pleegdatum", name="bron_na_pleegdatum"),
                      trigram_index("ix_meldingen_bron_kenmerk_trgm", "bron_kenmerk"))

    id: Mapped[int] = mapped_column(primary_key=True)
    zaak_id: Mapped[int] = mapped_column(ForeignKey("zaken.id"), index=True)
    submission_id: Mapped[str] = mapped_column(String(64), unique=True)
    bron_soort: Mapped[str] = mapped_column(checked_enum("bron_soort", *BRON_SOORTEN))
    bron_kenmerk: Mapped[str] = mapped_column(String(100))
    bron_datum: Mapped[date] = mapped_column(Date)
    pleegdatum: Mapped[date] = mapped_column(Date)
    toelichting: Mapped[str] = mapped_column(Text, default="")
    gegevens: Mapped[dict[str, Any]] = mapped_column(JSON)
    reporter_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow, index=True)  # figures per year
    version_id: Mapped[int] = mapped_column(default=1)

    __mapper_args__ = {"version_id_col": version_id}

    zaak: Mapped[Zaak] = relationship(back_populates="meldingen")
