"""Review use cases for the kabinet: approve (four-eyes, mandate, bound to the bytes seen) or return."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from app.audit import Actor, record_change
from app.domain.drafting import still_possible
from app.domain.errors import FourEyesViolation, InvalidInput, InvalidTransition, MandateMissing, StaleDocument
from app.domain.objection_decision import mandate_outcome
from app.domain.procedure import Outcome, Procedure
from app.domain.wording import in_sentence
from app.domain.workflow import fase_after, next_status
from app.models import Beslissing, Document, Reeks, Reviewronde, User
from app.models.types import utcnow
from app.runtime import Runtime
from app.services import letter_pdf, notifications, objection_decision
from app.services.judging import reopen
from app.services.queries import check_version, earlier_measures, require_mandaat
from app.services.receipts import assessment_of


def current_documents(session: Session, beslissing: Beslissing) -> list[Document]:
    """The letters of the latest rendering of this beslissing."""
    versie = session.scalar(select(Document.versie).where(Document.beslissing_id == beslissing.id)
                            .order_by(Document.versie.desc()).limit(1))
    return list(session.scalars(select(Document).where(
        Document.beslissing_id == beslissing.id, Document.versie == versie).order_by(Document.id)))


def approve(session: Session, rt: Runtime, beslissing: Beslissing, shown_hashes: Iterable[str], version: int,
            actor: User, today: date) -> Beslissing:
    """Vaststellen. Raises FourEyesViolation, MandateMissing, StaleDocument, ConcurrentEdit, InvalidTransition,
    InvalidInput (the date passed, or the measure an extension or withdrawal needs has ended)."""
    check_version(beslissing, version)
    run = session.get(Reeks, beslissing.zaak.reeks_id) if beslissing.zaak.reeks_id else None
    if run is not None and run.status == "ter_vaststelling":
        raise InvalidTransition("Deze brief hoort bij een reeks die ter vaststelling ligt; stel de reeks als geheel "
                                "vast (of haal de brief daar uit de reeks).")
    approve_in_session(session, rt, beslissing, shown_hashes, actor, today)
    session.commit()
    return beslissing


def approve_in_session(session: Session, rt: Runtime, beslissing: Beslissing, shown_hashes: Iterable[str],  # noqa: PLR0913
                       actor: User, today: date, in_run: bool = False) -> list[Document]:
    """The approval's checks and effects, flushed in the caller's transaction; returns the approved letters.
    `in_run`: part of a bulk run, which tells its drafter once and asks for the PDFs of all its letters in
    batches, instead of once per letter."""
    next_status(beslissing.status, "approve")
    procedure = rt.procedure(beslissing.zaak.zaaktype)
    outcome = procedure.outcome(beslissing.soort)
    _check_approver(beslissing, procedure, outcome, actor, today)
    documents = current_documents(session, beslissing)
    if sorted(shown_hashes) != sorted(d.sha256 for d in documents):
        raise StaleDocument()
    if beslissing.verzenddatum < today:
        raise InvalidInput({"verzenddatum": "De verzenddatum in de brief is verstreken; stuur de beslissing "
                            "terug voor een nieuwe datum."})
    now = utcnow()
    still_possible(procedure, outcome, earlier_measures(session, beslissing.zaak), now)
    _check_takes_effect(beslissing, outcome, now)
    if outcome.ends and beslissing.ingang_at is None:
        beslissing.ingang_at = now  # a withdrawal without a chosen moment takes effect when it is decided
    _set_approved(beslissing, documents, actor, today, outcome)
    if not in_run:
        letter_pdf.request_pdfs(session, documents)
    if outcome.reconsiders:
        objection_decision.take_effect(session, beslissing, actor, today)
    reopen(session, beslissing.zaak, actor, tuple(j.code for j in procedure.judgements
                                                  if j.per_decision and outcome.code in j.required_for),
           reason=f"gebruikt voor {in_sentence(outcome.label)}")
    session.add(Reviewronde(beslissing_id=beslissing.id, reviewer_id=actor.id, resultaat="goedgekeurd",
                            document_hashes=[d.sha256 for d in documents]))
    record_change(session, Actor.of(actor), actie="approve", hoofd_object=beslissing.zaak.identificatie,
                  resource="beslissing", resource_id=beslissing.id, weergave=beslissing.soort,
                  oud={"status": "ter_vaststelling"}, nieuw={"status": beslissing.status,
                                                             "documenten": [d.sha256 for d in documents]})
    if not in_run:
        notifications.on_reviewed(session, rt, beslissing, "vastgesteld")
    return documents


def _check_approver(beslissing: Beslissing, procedure: Procedure, outcome: Outcome, actor: User,
                    today: date) -> None:
    """Four eyes, and only the named signatory with a mandate for this outcome, valid today, in a capacity the
    outcome allows (the body itself where the rules reserve it)."""
    if actor.id == beslissing.drafter_id:
        raise FourEyesViolation()
    if actor.id != beslissing.ondertekenaar_id:
        raise MandateMissing("Alleen de aangewezen ondertekenaar met mandaat kan deze beslissing vaststellen.")
    require_mandaat(actor, beslissing.zaak.zaaktype, mandate_outcome(procedure, outcome, beslissing.maatregel),
                    today, assessment_of(beslissing.beoordeling), body=beslissing.zaak.orgaan)


def _check_takes_effect(beslissing: Beslissing, outcome: Outcome, now: datetime) -> None:
    """The letters name the moment the decision takes effect; approving after it would make them untrue."""
    if outcome.takes_effect_at and beslissing.ingang_at is not None and beslissing.ingang_at <= now:
        raise InvalidInput({"ingang_at": "Het moment waarop de beslissing ingaat, is voorbij. Stuur haar terug "
                            "voor een later moment."})


def return_for_changes(session: Session, rt: Runtime, beslissing: Beslissing, comment: str, version: int,
                       actor: User) -> Beslissing:
    """Terugsturen with a comment: back to concept for the jurist. Raises InvalidInput, InvalidTransition."""
    check_version(beslissing, version)
    return_in_session(session, rt, beslissing, comment, actor)
    session.commit()
    return beslissing


def return_in_session(session: Session, rt: Runtime, beslissing: Beslissing, comment: str, actor: User,
                      notify: bool = True) -> None:
    """Back to concept with the comment, flushed in the caller's transaction (one beslissing, or from a run)."""
    if not comment.strip():
        raise InvalidInput({"opmerking": "Schrijf op wat er moet veranderen."})
    beslissing.status = next_status(beslissing.status, "return")
    beslissing.ondertekenaar_id = None
    documents = current_documents(session, beslissing)
    session.add(Reviewronde(beslissing_id=beslissing.id, reviewer_id=actor.id, resultaat="teruggestuurd",
                            opmerking=comment, document_hashes=[d.sha256 for d in documents]))
    beslissing.zaak.fase = fase_after(rt.procedure(beslissing.zaak.zaaktype).outcome(beslissing.soort), "return")
    record_change(session, Actor.of(actor), actie="return", hoofd_object=beslissing.zaak.identificatie,
                  resource="beslissing", resource_id=beslissing.id, weergave=beslissing.soort,
                  oud={"status": "ter_vaststelling"}, nieuw={"status": "concept"}, toelichting=comment)
    if notify:
        notifications.on_reviewed(session, rt, beslissing, "teruggestuurd")


def record_nacontrole(session: Session, beslissing: Beslissing, comment: str, version: int, actor: User) -> Reviewronde:
    """Review afterwards of a decision taken on the spot: a kabinet member other than the one who decided
    records that it was checked, with any remarks (the mayor may then extend or withdraw it).

    Raises FourEyesViolation, InvalidTransition, ConcurrentEdit.
    """
    check_version(beslissing, version)
    if beslissing.review_mode != "achteraf" or beslissing.status not in ("vastgesteld", "verzonden"):
        raise InvalidTransition("Alleen een beslissing die ter plaatse is genomen, wordt achteraf gecontroleerd.")
    if beslissing.nagecontroleerd_at is not None:
        raise InvalidTransition("Deze beslissing is al nagecontroleerd.")
    if actor.id in (beslissing.drafter_id, beslissing.approver_id):
        raise FourEyesViolation("U heeft deze beslissing zelf genomen; een ander moet haar nacontroleren.")
    documents = current_documents(session, beslissing)
    row = Reviewronde(beslissing_id=beslissing.id, reviewer_id=actor.id, resultaat="nagecontroleerd",
                      opmerking=comment, document_hashes=[d.sha256 for d in documents])
    session.add(row)
    beslissing.nagecontroleerd_at = utcnow()
    touch_beslissing(beslissing)
    record_change(session, Actor.of(actor), actie="review_afterwards", hoofd_object=beslissing.zaak.identificatie,
                  resource="beslissing", resource_id=beslissing.id, weergave=beslissing.soort,
                  nieuw={"resultaat": "nagecontroleerd", "documenten": [d.sha256 for d in documents]},
                  toelichting=comment)
    session.commit()
    return row


def record_denial(session: Session, beslissing: Beslissing, actor: User, reason: str) -> None:
    """A refused approval is itself an audit event, committed on its own."""
    session.rollback()
    record_change(session, Actor.of(actor), actie="denied", hoofd_object=beslissing.zaak.identificatie,
                  resource="beslissing", resource_id=beslissing.id, weergave=beslissing.soort, toelichting=reason)
    session.commit()


def touch_beslissing(beslissing: Beslissing) -> None:
    """Bump the version so a concurrent nacontrole of the same beslissing fails."""
    flag_modified(beslissing, "status")


def _set_approved(beslissing: Beslissing, documents: list[Document], actor: User, today: date,
                  outcome: Outcome) -> None:
    beslissing.status = "vastgesteld"
    beslissing.datum = today
    beslissing.approver_id = actor.id
    beslissing.approved_at = utcnow()
    for document in documents:
        document.status = "definitief"
    beslissing.zaak.fase = fase_after(outcome, "approve")

