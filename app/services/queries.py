"""Shared read helpers for the use cases (no commits, no side effects)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from app.domain.errors import ConcurrentEdit, InvalidTransition
from app.models import Beslissing, Mandaat, Oordeel, User, Zaak


def active_judgements(session: Session, zaak: Zaak) -> dict[str, Oordeel]:
    """The current (not superseded) judgement per code."""
    rows = session.scalars(select(Oordeel).where(Oordeel.zaak_id == zaak.id, Oordeel.superseded_at.is_(None)))
    return {row.code: row for row in rows}


def last_beslissing(session: Session, zaak: Zaak, soort: str, statuses: tuple[str, ...]) -> Beslissing | None:
    """The newest beslissing of a soort in one of the statuses."""
    return session.scalars(select(Beslissing).where(
        Beslissing.zaak_id == zaak.id, Beslissing.soort == soort, Beslissing.status.in_(statuses),
    ).order_by(Beslissing.id.desc())).first()


def mandaat_for(user: User, besluittype: str) -> Mandaat | None:
    """The user's mandate to sign this besluittype, if any."""
    return next((m for m in user.mandaten if m.besluittype == besluittype), None)


def check_version(row: object, version: int) -> None:
    """Optimistic locking for forms: the version the person saw must still be the stored one."""
    if row.version_id != version:
        raise ConcurrentEdit()


def open_beslissing(session: Session, zaak: Zaak) -> Beslissing | None:
    """The beslissing still being drafted or reviewed, if any (there is at most one)."""
    return session.scalars(select(Beslissing).where(
        Beslissing.zaak_id == zaak.id, Beslissing.status.in_(("concept", "ter_vaststelling")))).first()


def refuse_while_in_review(session: Session, zaak: Zaak) -> None:
    """Facts and judgements are frozen while the kabinet reviews letters built from them."""
    row = open_beslissing(session, zaak)
    if row is not None and row.status == "ter_vaststelling":
        raise InvalidTransition("Er ligt een beslissing ter vaststelling bij het kabinet. Laat die eerst "
                                "terugsturen voordat u feiten of afwegingen wijzigt.")


def touch(zaak: Zaak) -> None:
    """Bump the zaak's version even when no column changes, so a concurrent form on the same zaak fails."""
    flag_modified(zaak, "fase")
