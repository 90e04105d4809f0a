"""A jurist takes an offered draft back from the kabinet's queue before it is approved.

The beslissing returns to concept; the letters of that offer stay stored (append-only) but can no longer be
approved: approval needs the status ter_vaststelling and the hashes of the newest rendering, and offering
again renders a new version. The version column makes a withdrawal and an approval of the same offer
exclude each other: whichever commits second gets ConcurrentEdit. The signatory's review message is marked
read and a withdrawal notice takes its place, in the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit import Actor, record_change
from app.domain.errors import InvalidTransition
from app.domain.workflow import fase_after, next_status
from app.models import AuditEntry, Beslissing, User, Zaak
from app.runtime import Runtime
from app.services import notifications
from app.services.queries import check_version
from app.services.review import current_documents

NOT_OFFERED = "Deze beslissing ligt niet (meer) ter vaststelling bij het kabinet; er is niets terug te trekken."


def withdraw_offer(session: Session, rt: Runtime, beslissing: Beslissing, version: int, actor: User,
                   reason: str = "") -> Beslissing:
    """Terugtrekken: back to concept, out of the queue, audited. Raises ConcurrentEdit, InvalidTransition."""
    check_version(beslissing, version)
    if actor.role != "jurist" or actor.team != beslissing.zaak.team:
        raise InvalidTransition("Alleen een jurist van het team van de zaak kan een aanbod terugtrekken.")
    if beslissing.status != "ter_vaststelling":
        raise InvalidTransition(NOT_OFFERED)
    documents = current_documents(session, beslissing)
    ondertekenaar = beslissing.ondertekenaar_id
    signatory = session.get(User, ondertekenaar) if ondertekenaar is not None else None
    beslissing.status = next_status(beslissing.status, "withdraw")
    beslissing.ondertekenaar_id = None
    beslissing.zaak.fase = fase_after(rt.procedure(beslissing.zaak.zaaktype).outcome(beslissing.soort), "withdraw")
    record_change(session, Actor.of(actor), actie="withdraw", hoofd_object=beslissing.zaak.identificatie,
                  resource="beslissing", resource_id=beslissing.id, weergave=beslissing.soort,
                  oud={"status": "ter_vaststelling", "ondertekenaar_id": ondertekenaar,
                       "documenten": [d.sha256 for d in documents]},
                  nieuw={"status": beslissing.status}, toelichting=reason)
    notifications.on_withdrawn(session, rt, beslissing, signatory)
    session.commit()
    return beslissing


@dataclass(frozen=True)
class Withdrawn:
    """One withdrawn offer as its audit row recorded it: who, when, why, and the letters it took back."""

    beslissing_id: int
    door: str
    op: datetime
    reden: str
    documenten: frozenset[str]  # SHA-256 of the letters of that offer


def withdrawals_of(session: Session, zaak: Zaak) -> dict[int, list[Withdrawn]]:
    """Every withdrawal in the zaak per beslissing, oldest first, read from the audit trail (the one record of
    it: the beslissing itself just returns to concept)."""
    rows = session.scalars(select(AuditEntry).where(
        AuditEntry.hoofd_object == zaak.identificatie, AuditEntry.actie == "withdraw",
        AuditEntry.resource == "beslissing").order_by(AuditEntry.id))
    found: dict[int, list[Withdrawn]] = {}
    for row in rows:
        old = (row.wijzigingen or {}).get("oud") or {}  # redacted after destruction: no letters to mark
        item = Withdrawn(int(row.resource_id), row.gebruikers_weergave, row.aanmaakdatum, row.toelichting,
                         frozenset(old.get("documenten") or ()))
        found.setdefault(item.beslissing_id, []).append(item)
    return found
