"""Read-only facts about a zaak's state that the case page shows and the summary decides on: when a
beslissing's letters went out, and whether the open concept still rests on the current facts."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from app.models import Beslissing, Zaak
from app.services.assessment import latest
from app.services.dispatch import sending_dates
from app.services.queries import open_beslissing


def first_sent(session: Session, beslissing: Beslissing) -> date | None:
    """The earliest sending date in the current dispatch records of the beslissing's letters (not the day the
    dispatch was recorded), leaving out letters that came back, or None while none went out."""
    return sending_dates(session, beslissing).verzenddatum


def concept_is_stale(session: Session, zaak: Zaak) -> bool:
    """The open concept was drafted from an assessment the facts have since replaced (drafting and offering
    check this too; the page says so before anyone tries)."""
    concept = open_beslissing(session, zaak)
    if concept is None or concept.status != "concept":
        return False
    current = latest(session, zaak)
    return current is not None and current.id != concept.beoordeling_id
