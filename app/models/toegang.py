"""The access list of a zaak whose power keeps it to the people working on it (index.yaml `toegang: lijst`).

On top of the role, team, zaaktype and confidentiality check of web/access.py, a zaak with
`toegang_beperkt` is visible only to the users on its list. A row is granted by someone already on the list
(or by the assignment of a behandelaar) and deleted when revoked; both are audited.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.db import Base
from app.models.types import UtcDateTime, utcnow
from app.models.user import User


class ZaakToegang(Base):
    """One user on one zaak's access list."""

    __tablename__ = "zaak_toegang"
    __table_args__ = (UniqueConstraint("zaak_id", "user_id", name="uq_zaak_toegang_zaak_user"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    zaak_id: Mapped[int] = mapped_column(ForeignKey("zaken.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    verleend_door_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    verleend_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)

    user: Mapped[User] = relationship(foreign_keys=[user_id])
    verleend_door: Mapped[User] = relationship(foreign_keys=[verleend_door_id])
