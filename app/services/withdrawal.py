"""A jurist takes an offered draft back from the kabinet's queue before it is approved.

The beslissing returns to concept; the letters of that offer stay stored (append-only) but can no longer be
approved: approval needs the status ter_vaststelling and the hashes of the newest rendering, and offering
again renders a new version. The version column makes a withdrawal and an approval of the same offer
exclude each other: whichever commits second gets ConcurrentEdit. The signatory's review message is marked
read and a withdrawal notice takes its place, in the same transaction.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.audit import Actor, record_change
from app.domain.errors import InvalidTransition
from app.domain.workflow import fase_after, next_status
from app.models import Beslissing, User
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
