"""Dispatch use cases: record when and how each letter of an approved beslissing went out, with each recipient's
last day to object or appeal, and mark the beslissing sent ("verzonden") once every letter has gone out; record
that a letter came back (retour), after which it waits for a new sending.

A record is never changed: a correction is a new record that supersedes the current one, with a reason; a
returned letter's new sending is such a correction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit import Actor, record_change
from app.domain.dispatch import (
    RETURN_LABELS,
    BesluitDates,
    all_sent,
    besluit_dates,
    check_return_date,
    check_sending_date,
    current_records,
    remedy_deadline,
)
from app.domain.errors import InvalidInput, InvalidTransition
from app.domain.workflow import next_status
from app.models import Beslissing, Document, Retour, User, Verzending
from app.models.types import utcnow
from app.models.verzending import ELEKTRONISCH
from app.runtime import Runtime
from app.services import letter_pdf
from app.services.assessment import REMEDY_WEEKS
from app.services.queries import APPROVED, check_version
from app.services.review import current_documents, touch_beslissing

PROOF_REQUIRED = ("aangetekend", "uitreiking")
SENDING_GRACE = "algemeen.verzendmarge_dagen"  # days a letter with dated terms may go out after its date


@dataclass(frozen=True)
class DispatchRequest:
    """What the jurist or kabinet records for one letter."""

    document_id: int
    verzonden_op: date
    methode: str
    bewijs: str = ""
    reden: str = ""  # required when the letter already has a record: the correction's reason
    # e-mail and Berichtenbox only: how the addressee made known he can be reached that way (Awb 2:14 lid 1)
    elektronisch_bereikbaar: str = ""


@dataclass(frozen=True)
class ReturnRequest:
    """What the jurist records when a sent letter came back."""

    document_id: int
    ontvangen_op: date
    reden: str  # a key of RETURN_LABELS
    bekendgemaakt: str = ""  # "ja": the earlier sending still made the besluit known; "nee": it did not
    toelichting: str = ""  # the reasons for that judgement


def record_dispatch(session: Session, rt: Runtime, beslissing: Beslissing, request: DispatchRequest, version: int,
                    actor: User, today: date) -> Verzending:
    """Record the sending of one letter. Raises InvalidInput, InvalidTransition, ConcurrentEdit."""
    check_version(beslissing, version)
    row = dispatch_in_session(session, rt, beslissing, request, actor, today)
    session.commit()
    return row


def dispatch_in_session(session: Session, rt: Runtime, beslissing: Beslissing, request: DispatchRequest,  # noqa: PLR0913
                        actor: User, today: date) -> Verzending:
    """The recording's checks and rows, flushed in the caller's transaction (one letter, or a whole run)."""
    if beslissing.status not in APPROVED:
        raise InvalidTransition("Leg de verzending vast nadat de beslissing is vastgesteld.")
    documents = current_documents(session, beslissing)
    document = next((d for d in documents if d.id == request.document_id), None)
    if document is None:
        raise InvalidInput({"document_id": "Kies een brief van deze beslissing."})
    previous = dispatch_records(session, beslissing).get(document.id)
    returned = previous is not None and previous.id in returns_of(session, beslissing)
    errors = _request_errors(rt, beslissing, request, previous, returned, today)
    if errors:
        raise InvalidInput(errors)
    row = _record(rt, beslissing, document, request, previous, actor)
    session.add(row)
    session.flush()
    _mark_sent(session, beslissing, documents)
    letter_pdf.publish_when_ready(session, rt, beslissing)
    record_change(session, Actor.of(actor), actie="dispatch", hoofd_object=beslissing.zaak.identificatie,
                  resource="verzending", resource_id=row.id, weergave=f"{beslissing.soort}: {document.ontvanger_rol}",
                  oud=_snapshot(previous), nieuw=_snapshot(row), toelichting=row.reden)
    return row


def record_return(session: Session, beslissing: Beslissing, request: ReturnRequest, version: int, actor: User,
                  today: date) -> Retour:
    """Record that the current sending of one letter came back; the letter then waits for a new sending.
    Raises InvalidInput, InvalidTransition, ConcurrentEdit."""
    check_version(beslissing, version)
    if beslissing.status not in APPROVED:
        raise InvalidTransition("Een retour legt u vast bij een vastgestelde en verzonden beslissing.")
    record = dispatch_records(session, beslissing).get(request.document_id)
    if record is None:
        raise InvalidInput({"document_id": "Van deze brief is geen verzending vastgelegd. Kies een verzonden brief."})
    if record.id in all_returns(session, beslissing):
        raise InvalidInput({"document_id": "Van deze verzending is al vastgelegd dat de brief terugkwam. Leg eerst "
                                           "de nieuwe verzending vast."})
    _check_return(request, record.verzonden_op, today)
    row = Retour(verzending_id=record.id, zaak_id=beslissing.zaak_id, ontvangen_op=request.ontvangen_op,
                 reden=request.reden, bekendgemaakt=request.bekendgemaakt == "ja",
                 toelichting=request.toelichting.strip(), recorded_by_id=actor.id)
    session.add(row)
    session.flush()
    touch_beslissing(beslissing)  # a form showing the letter as sent now gets a 409
    record_change(session, Actor.of(actor), actie="return_mail", hoofd_object=beslissing.zaak.identificatie,
                  resource="verzending", resource_id=record.id, weergave=f"{beslissing.soort}: {record.ontvanger_rol}",
                  nieuw={"ontvangen_op": row.ontvangen_op, "reden": row.reden, "bekendgemaakt": row.bekendgemaakt},
                  toelichting=row.toelichting)
    session.commit()
    return row


def dispatch_records(session: Session, beslissing: Beslissing) -> dict[int, Verzending]:
    """The current record per letter (document id) of a beslissing."""
    rows = session.scalars(select(Verzending).where(Verzending.beslissing_id == beslissing.id))
    return current_records(rows)


def all_returns(session: Session, beslissing: Beslissing) -> dict[int, Retour]:
    """Every return of a beslissing's letters, by the id of the dispatch record that came back."""
    rows = session.scalars(select(Retour).join(Verzending, Verzending.id == Retour.verzending_id)
                           .where(Verzending.beslissing_id == beslissing.id))
    return {r.verzending_id: r for r in rows}


def returns_of(session: Session, beslissing: Beslissing) -> dict[int, Retour]:
    """The returns whose sending did not make the besluit known (the jurist's judgement): those letters wait for
    a new sending, which starts the recipient's period. A return judged still made known changes nothing."""
    return {k: r for k, r in all_returns(session, beslissing).items() if not r.bekendgemaakt}


def _check_return(request: ReturnRequest, sent: date, today: date) -> None:
    """Every refusal of the return form at once."""
    errors = {}
    if request.reden not in RETURN_LABELS:
        errors["reden"] = "Kies waarom de brief terugkwam."
    if request.bekendgemaakt not in ("ja", "nee"):
        errors["bekendgemaakt"] = "Beoordeel of de eerdere verzending het besluit toch bekend heeft gemaakt."
    if not request.toelichting.strip():
        errors["toelichting"] = ("Schrijf op waarom de eerdere verzending het besluit wel of niet bekend heeft "
                                 "gemaakt (bijvoorbeeld: adres gecontroleerd in de BRP).")
    try:
        check_return_date(request.ontvangen_op, sent, today)
    except InvalidInput as refused:
        errors.update(refused.errors)
    if errors:
        raise InvalidInput(errors)


def sending_dates(session: Session, beslissing: Beslissing) -> BesluitDates:
    """The besluit's verzenddatum and uiterlijke reactiedatum as its letters' recorded sending gives them."""
    return besluit_dates(dispatch_records(session, beslissing).values(), returns_of(session, beslissing))


def _request_errors(rt: Runtime, beslissing: Beslissing, request: DispatchRequest,
                    previous: Verzending | None, returned: bool, today: date) -> dict[str, str]:
    """Every refusal of the form at once: the date, the electronic channel and a correction's reason."""
    errors: dict[str, str] = {}
    outcome = rt.procedure(beslissing.zaak.zaaktype).outcome(beslissing.soort)
    grace = rt.book.parameter("algemeen", SENDING_GRACE, beslissing.verzenddatum).value
    try:
        # After a return judged not made known, the new sending is the bekendmaking: it is late by nature, so the
        # sending margin does not apply; the page asks the jurist to weigh the letter's own dated terms.
        check_sending_date(request.verzonden_op, beslissing.datum or today, today, beslissing.verzenddatum,
                           dated_terms=not returned and any(p.unit != "hours" for p in outcome.periods),
                           grace_days=grace)
    except InvalidInput as refused:
        errors.update(refused.errors)
    # Awb 2:14 lid 1: a besluit goes out electronically only to someone who made known he is reachable that way.
    if request.methode in ELEKTRONISCH and not request.elektronisch_bereikbaar.strip():
        errors["elektronisch_bereikbaar"] = ("Schrijf op hoe de ontvanger heeft laten weten dat hij per e-mail of "
                                             "via de Berichtenbox bereikbaar is. Zonder die melding mag de brief "
                                             "niet zo worden verstuurd (Awb 2:14 lid 1).")
    # Registered post and hand delivery are proven by their receipt (a track-and-trace code, the officer's report):
    # the verzendingsregel needs a proper record of the sending.
    if request.methode in PROOF_REQUIRED and not request.bewijs.strip():
        errors["bewijs"] = ("Noem het bewijs: de track-and-tracecode van de aangetekende brief of het proces-verbaal "
                            "of de ontvangstbevestiging van de uitreiking.")
    if previous is not None and not request.reden.strip():
        errors["reden"] = ("Deze brief kwam terug. Schrijf op hoe en waarom u hem opnieuw verzendt." if returned else
                           "Deze brief is al als verzonden vastgelegd. Schrijf op waarom u de verzending corrigeert.")
    return errors


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
        elektronisch_bereikbaar=request.elektronisch_bereikbaar.strip() if request.methode in ELEKTRONISCH else "",
        vervangt_id=previous.id if previous else None, reden=request.reden.strip(), recorded_by_id=actor.id,
    )


def _mark_sent(session: Session, beslissing: Beslissing, documents: list[Document]) -> None:
    """Every letter out: the beslissing is sent; a zaak waiting for dispatch moves on to aftercare."""
    sent = all_sent((d.id for d in documents), dispatch_records(session, beslissing), returns_of(session, beslissing))
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
            "bewijs": row.bewijs, "elektronisch_bereikbaar": row.elektronisch_bereikbaar,
            "uiterlijke_reactiedatum": row.uiterlijke_reactiedatum}
