"""Shared read helpers for the use cases (no commits, no side effects)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

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
