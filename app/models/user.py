"""Users, their server-side login sessions and signing mandates (the login throttle: models/login_throttle.py)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, CheckConstraint, Date, ForeignKey, String, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.db import Base
from app.domain.codes import ROLES, VERTROUWELIJKHEID
from app.domain.procedure import BODIES, CAPACITIES, ORGAAN, PLAATSVERVANGER
from app.models.types import UtcDateTime, checked_enum, utcnow

SIGNS_AS_BODY = f"('{ORGAAN}', '{PLAATSVERVANGER}')"  # the body itself or its substitute: no mandate decision
AANGEVRAAGD, ACTIEF, AFGEWEZEN = "aangevraagd", "actief", "afgewezen"
MANDAAT_STATUSSEN = (AANGEVRAAGD, ACTIEF, AFGEWEZEN)
# A mandate a beheerder granted holds only once a second beheerder approved it (the database refuses otherwise).
FOUR_EYES_GRANT = ("status <> 'actief' OR verleend_door_id IS NULL OR "
                   "(goedgekeurd_door_id IS NOT NULL AND goedgekeurd_door_id <> verleend_door_id)")


class User(Base):
    """A person with one role, authorised for some zaaktypes up to a confidentiality level."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(checked_enum("role", *ROLES))
    team: Mapped[str] = mapped_column(String(80), default="oov")
    zaaktypes: Mapped[list[str]] = mapped_column(JSON, default=list)
    max_vertrouwelijkheid: Mapped[str] = mapped_column(
        checked_enum("max_vertrouwelijkheid", *VERTROUWELIJKHEID), default="vertrouwelijk"
    )
    password_hash: Mapped[str] = mapped_column(String(200))
    phone: Mapped[str] = mapped_column(String(40), default="")
    email: Mapped[str] = mapped_column(String(200), default="")  # for notifications; empty: no e-mail
    active: Mapped[bool] = mapped_column(default=True)
    # Set when a beheerder chose the password (a new account): the user must choose their own before anything else.
    wachtwoord_wijzigen: Mapped[bool] = mapped_column(default=False, server_default=false())
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)

    mandaten: Mapped[list[Mandaat]] = relationship(back_populates="user", foreign_keys="Mandaat.user_id")

    # Flask-Login protocol; the session id, not the user id, goes into the cookie (see web/auth.py).
    @property
    def is_authenticated(self) -> bool:
        return True

    @property
    def is_active(self) -> bool:
        return self.active

    @property
    def is_anonymous(self) -> bool:
        return False

    def get_id(self) -> str:
        return str(self.id)


class LoginSession(Base):
    """A server-side session: revocable, with idle and absolute limits checked on every request."""

    __tablename__ = "login_sessions"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    auth_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(UtcDateTime)

    user: Mapped[User] = relationship()


class Mandaat(Base):
    """Who may decide which besluittype (power code) and which of its outcomes, in which capacity, from when
    until when, on which mandate decision, and under which function the signature names them.

    The capacity says whether the holder is the competent body itself (the burgemeester), its lawful
    substitute, an official with a mandate or a hulpofficier van justitie; each outcome's procedure data
    lists which capacities may decide it (Wth art. 3: an HOvJ imposes a huisverbod, never extends it).
    `uitkomsten` lists the outcome codes the mandate covers: an empty list covers nothing (never "all").
    A mandate in a capacity other than the body or its substitute rests on a mandate decision and names
    the holder's function, which the letter prints under "namens deze" (Awb 10:10).
    """

    __tablename__ = "mandaten"
    __table_args__ = (
        CheckConstraint(f"hoedanigheid IN {SIGNS_AS_BODY} OR length(trim(mandaatbesluit)) > 0",
                        name="mandaatbesluit_required"),
        CheckConstraint(f"hoedanigheid IN {SIGNS_AS_BODY} OR length(trim(functie)) > 0", name="functie_required"),
        CheckConstraint("valid_until IS NULL OR valid_until >= valid_from", name="valid_until_after_from"),
        CheckConstraint(FOUR_EYES_GRANT, name="mandaat_four_eyes"),
        CheckConstraint("(goedgekeurd_door_id IS NULL) = (goedgekeurd_at IS NULL)", name="mandaat_approval_complete"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    besluittype: Mapped[str] = mapped_column(String(40))
    hoedanigheid: Mapped[str] = mapped_column(checked_enum("hoedanigheid", *CAPACITIES), default="gemandateerde")
    uitkomsten: Mapped[list[str]] = mapped_column(JSON, default=list)  # outcome codes of the power's index.yaml
    valid_from: Mapped[date] = mapped_column(Date)
    valid_until: Mapped[date | None] = mapped_column(Date)  # the last day it holds; None: until revoked
    mandaatbesluit: Mapped[str] = mapped_column(String(200), default="")  # the mandate decision it rests on
    functie: Mapped[str] = mapped_column(String(200), default="")  # e.g. hoofd Kabinet en Veiligheid
    # The body that gave the mandate (migration 0020): a mandate of the burgemeester does not let its holder
    # sign for the college, nor the other way round (Awb 10:1).
    orgaan: Mapped[str] = mapped_column(checked_enum("mandaat_orgaan", *BODIES), default="burgemeester",
                                        server_default="burgemeester")
    # Four eyes on a grant: a beheerder grants (aangevraagd), another approves (actief). Rows without a
    # granter predate the beheer pages (seed, migrations) and hold as they are.
    status: Mapped[str] = mapped_column(checked_enum("mandaat_status", *MANDAAT_STATUSSEN), default=ACTIEF)
    verleend_door_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    goedgekeurd_door_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    goedgekeurd_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    user: Mapped[User] = relationship(back_populates="mandaten", foreign_keys=[user_id])
    verleend_door: Mapped[User | None] = relationship(foreign_keys=[verleend_door_id])
    goedgekeurd_door: Mapped[User | None] = relationship(foreign_keys=[goedgekeurd_door_id])
