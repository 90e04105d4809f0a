"""Dispatch use case: record when and how each letter of an approved beslissing went out, with each recipient's
last day to object or appeal, and mark the beslissing sent ("verzonden") once every letter has gone out.

A record is never changed: a correction is a new record that supersedes the current one, with a reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit import Actor, record_change
from app.domain.dispatch import all_sent, check_sending_date, current_records, remedy_deadline
from app.domain.errors import InvalidInput, InvalidTransition
from app.domain.workflow import next_status
from app.models import Beslissing, Document, User, Verzending
from app.models.types import utcnow
from app.runtime import Runtime
from app.services.assessment import REMEDY_WEEKS
from app.services.queries import APPROVED, check_version
from app.services.review import current_documents, touch_beslissing

SENDING_GRACE = "algemeen.verzendmarge_dagen"  # days a letter with dated terms may go out after its date


@dataclass(frozen=True)
class DispatchRequest:
    """What the jurist or kabinet records for one letter."""

    document_id: int
    verzonden_op: date
    methode: str
    bewijs: str = ""
    reden: str = ""  # required when the letter already has a record: the correction's reason


def record_dispatch(session: Session, rt: Runtime, beslissing: Beslissing, request: DispatchRequest, version: int,
                    actor: User, today: date) -> Verzending:
    """Record the sending of one letter. Raises InvalidInput, InvalidTransition, ConcurrentEdit."""
    check_version(beslissing, version)
    if beslissing.status not in APPROVED:
        raise InvalidTransition("Leg de verzending vast nadat de beslissing is vastgesteld.")
    documents = current_documents(session, beslissing)
    document = next((d for d in documents if d.id == request.document_id), None)
    if document is None:
        raise InvalidInput({"document_id": "Kies een brief van deze beslissing."})
    outcome = rt.procedure(beslissing.zaak.zaaktype).outcome(beslissing.soort)
    grace = rt.book.parameter("algemeen", SENDING_GRACE, beslissing.verzenddatum).value
    check_sending_date(request.verzonden_op, beslissing.datum or today, today, beslissing.verzenddatum,
                       dated_terms=any(p.unit != "hours" for p in outcome.periods), grace_days=grace)
    previous = dispatch_records(session, beslissing).get(document.id)
    if previous is not None and not request.reden.strip():
        raise InvalidInput({"reden": "Deze brief is al als verzonden vastgelegd. Schrijf op waarom u de "
                                     "verzending corrigeert."})
    row = _record(rt, beslissing, document, request, previous, actor)
    session.add(row)
    session.flush()
    _mark_sent(session, beslissing, documents)
    record_change(session, Actor.of(actor), actie="dispatch", hoofd_object=beslissing.zaak.identificatie,
                  resource="verzending", resource_id=row.id, weergave=f"{beslissing.soort}: {document.ontvanger_rol}",
                  oud=_snapshot(previous), nieuw=_snapshot(row), toelichting=row.reden)
    session.commit()
    return row


def dispatch_records(session: Session, beslissing: Beslissing) -> dict[int, Verzending]:
    """The current record per letter (document id) of a beslissing."""
    rows = session.scalars(select(Verzending).where(Verzending.beslissing_id == beslissing.id))
    return current_records(rows)


def _record(rt: Runtime, beslissing: Beslissing, document: Document, request: DispatchRequest,
            previous: Verzending | None, actor: User) -> Verzending:
    outcome = rt.procedure(beslissing.zaak.zaaktype).outcome(beslissing.soort)
    weeks = rt.book.parameter("algemeen", REMEDY_WEEKS, request.verzonden_op).value
    deadline = remedy_deadline(outcome, document.ontvanger_rol, request.verzonden_op, weeks,
                               rt.calendar(request.verzonden_op))
    return Verzending(
        zaak_id=beslissing.zaak_id, beslissing_id=beslissing.id, document_id=document.id,
        ontvanger_rol=document.ontvanger_rol, verzonden_op=request.verzonden_op, methode=request.methode,
        bewijs=request.bewijs.strip(), uiterlijke_reactiedatum=deadline,
        vervangt_id=previous.id if previous else None, reden=request.reden.strip(), recorded_by_id=actor.id,
    )


def _mark_sent(session: Session, beslissing: Beslissing, documents: list[Document]) -> None:
    """Every letter out: the beslissing is sent; a zaak waiting for dispatch moves on to aftercare."""
    sent = all_sent((d.id for d in documents), dispatch_records(session, beslissing))
    if beslissing.status == "vastgesteld" and sent:
        beslissing.status = next_status(beslissing.status, "send")
        beslissing.verzonden_at = utcnow()
        if beslissing.zaak.fase == "verzending":
            beslissing.zaak.fase = "nazorg"
    else:
        touch_beslissing(beslissing)  # a concurrent form on the same beslissing gets a 409


def _snapshot(row: Verzending | None) -> dict[str, object] | None:
    if row is None:
        return None
    return {"document": row.document_id, "verzonden_op": row.verzonden_op, "methode": row.methode,
            "bewijs": row.bewijs, "uiterlijke_reactiedatum": row.uiterlijke_reactiedatum}
