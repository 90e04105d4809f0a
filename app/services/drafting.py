"""Drafting use cases: draft a beslissing from the current assessment and judgements, submit it for review,
or (for an outcome decided on the spot) decide it at once and leave the review for afterwards.

The draft checks run again at submission, so letters are only made from a state that still passes them;
while a beslissing is under review its facts and judgements are frozen (services/judging.py).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from app.audit import Actor, record_change
from app.domain.confirmation import require_confirmed_policy
from app.domain.drafting import MISSING_MEASURE, DraftOutcome, DraftRequest, DraftState, draft_outcome
from app.domain.errors import InvalidInput, MandateMissing
from app.domain.judgements import Recorded
from app.domain.serialize import jsonable
from app.domain.workflow import fase_after, next_status
from app.models import Beoordeling, Beslissing, User, Zaak
from app.models.types import utcnow
from app.runtime import Runtime
from app.services import letter_pdf, notifications, toegang
from app.services.assessment import REMEDY_WEEKS, current_assessment
from app.services.beslistermijn import draft_terms
from app.services.documents import render_documents
from app.services.forfeiture import breach_days, order_kinds, running_orders
from app.services.history import history_items
from app.services.letter_facts import check_letter_facts, missing_letter_facts
from app.services.queries import (
    active_judgements,
    check_version,
    earlier_measures,
    open_beslissing,
    refuse_while_in_review,
    require_mandaat,
    touch,
)
from app.services.receipts import assessment_of


def draft_beslissing(session: Session, rt: Runtime, zaak: Zaak, request: DraftRequest, version: int, actor: User,
                     today: date) -> Beslissing:
    """Check the choice against rules and judgements and store it as the concept. Raises JudgementMissing,
    InvalidInput, InvalidTransition, ConcurrentEdit."""
    refuse_while_in_review(session, zaak)
    check_version(zaak, version)
    row = _draft(session, rt, zaak, request, actor, today, every_fact=True)
    session.commit()
    return row


def _draft(session: Session, rt: Runtime, zaak: Zaak, request: DraftRequest, actor: User, today: date,  # noqa: PLR0913 - the drafting use case's inputs
           every_fact: bool = False) -> Beslissing:
    """With `every_fact`, a concept is refused (InvalidInput) while any fact its letters need is missing, all
    listed at once (the jurist's drafting; an officer's on-the-spot decision is checked by its letters)."""
    beoordeling = current_assessment(session, rt, zaak, Actor.of(actor), today, request.verzenddatum)
    outcome = _checked_outcome(draft_state(session, rt, zaak, beoordeling, request, today), request, every_fact)
    row = open_beslissing(session, zaak) or Beslissing(zaak_id=zaak.id, status="concept")
    old = {"soort": row.soort, "maatregel": row.maatregel, "verzenddatum": row.verzenddatum} if row.id else None
    if row.id is not None:
        next_status(row.status, "redraft")
    _apply(row, outcome, request, beoordeling.id, actor)
    # An application's decision period, counted on the letter's date: what its letters state as the last day.
    row.termijnen = {**(row.termijnen or {}), **draft_terms(rt, zaak, request.verzenddatum)}
    session.add(row)
    session.flush()
    if every_fact:
        missing = {**missing_letter_facts(session, rt, row), **dict.fromkeys(outcome.missing_facts, MISSING_MEASURE)}
        if missing:
            raise InvalidInput(missing)
    zaak.fase = fase_after(rt.procedure(zaak.zaaktype).outcome(request.soort), "draft")
    touch(zaak)
    record_change(session, Actor.of(actor), actie="draft", hoofd_object=zaak.identificatie, resource="beslissing",
                  resource_id=row.id, weergave=request.soort, oud=old,
                  nieuw={"soort": request.soort, "maatregel": row.maatregel, "verzenddatum": request.verzenddatum})
    return row


def submit_for_review(session: Session, rt: Runtime, beslissing: Beslissing, ondertekenaar: User,
                      version: int, actor: User, today: date) -> Beslissing:
    """Check the draft again, name the signatory, render and store every letter, and offer it for approval.
    Raises InvalidInput, MandateMissing, JudgementMissing, ConcurrentEdit, InvalidTransition."""
    check_version(beslissing, version)
    check_offer(session, rt, beslissing, ondertekenaar, actor, today)
    _offer(session, rt, beslissing, ondertekenaar, actor, today)
    notifications.on_submitted(session, rt, beslissing, ondertekenaar)
    session.commit()
    return beslissing


def draft_and_offer(session: Session, rt: Runtime, zaak: Zaak, request: DraftRequest,  # noqa: PLR0913
                    ondertekenaar: User, actor: User, today: date) -> Beslissing:
    """A bulk run's member: drafted and offered, flushed in the run's transaction. The draft was just made on
    the current assessment, so it is not checked against it a second time; the run tells its signatory once."""
    refuse_while_in_review(session, zaak)
    row = _draft(session, rt, zaak, request, actor, today, every_fact=True)
    next_status(row.status, "submit")
    _check_signatory(rt, row, ondertekenaar, today)
    toegang.require_signer_on_list(session, zaak, ondertekenaar)
    check_letter_facts(session, rt, row)
    _offer(session, rt, row, ondertekenaar, actor, today)
    return row


def _offer(session: Session, rt: Runtime, beslissing: Beslissing, ondertekenaar: User, actor: User,
           today: date) -> None:
    """Name the signatory, render and store every letter, and move the beslissing to review (flushes)."""
    beslissing.ondertekenaar_id = ondertekenaar.id
    beslissing.status = next_status(beslissing.status, "submit")
    documents = render_documents(session, rt, beslissing, ondertekenaar, today)
    beslissing.zaak.fase = fase_after(_outcome(rt, beslissing), "submit")
    record_change(session, Actor.of(actor), actie="submit", hoofd_object=beslissing.zaak.identificatie,
                  resource="beslissing", resource_id=beslissing.id, weergave=beslissing.soort,
                  nieuw={"status": beslissing.status, "documenten": [d.sha256 for d in documents]})


def check_offer(session: Session, rt: Runtime, beslissing: Beslissing, ondertekenaar: User, actor: User,
                today: date) -> None:
    """The checks before letters are made (offering, and the jurist's preview of the same letters): a concept,
    a signatory who may sign it, and a draft that still rests on the current facts and judgements."""
    next_status(beslissing.status, "submit")
    _check_signatory(rt, beslissing, ondertekenaar, today)
    toegang.require_signer_on_list(session, beslissing.zaak, ondertekenaar)
    _recheck(session, rt, beslissing, actor, today)
    check_letter_facts(session, rt, beslissing)


def decide_on_the_spot(session: Session, rt: Runtime, zaak: Zaak, officer: User, today: date) -> Beslissing:
    """The officer in mandate decides the power's on-the-spot outcome now: drafted, signed and its letters made
    in the caller's transaction (flushes); the kabinet checks it afterwards (review achteraf).

    Raises:
        MandateMissing: the officer holds no mandate in a capacity this outcome allows.
        InvalidInput, JudgementMissing: the rules or the judgements do not allow the decision.
    """
    outcome = rt.procedure(zaak.zaaktype).on_the_spot()
    assert outcome is not None  # noqa: S101 - only called for a power that decides on the spot
    require_mandaat(officer, zaak.zaaktype, outcome, today, None, body=zaak.orgaan)
    row = _draft(session, rt, zaak, DraftRequest(outcome.code, today), officer, today)
    require_mandaat(officer, zaak.zaaktype, outcome, today, assessment_of(row.beoordeling),
                    body=zaak.orgaan)
    row.ondertekenaar_id, row.datum, row.approver_id, row.approved_at = officer.id, today, officer.id, utcnow()
    row.status = next_status(row.status, "decide")  # the officer's signature is the decision
    letter_pdf.request_pdfs(session, render_documents(session, rt, row, officer, today, status="definitief"))
    zaak.fase = fase_after(outcome, "approve")
    record_change(session, Actor.of(officer), actie="decide", hoofd_object=zaak.identificatie,
                  resource="beslissing", resource_id=row.id, weergave=row.soort, nieuw={"status": row.status})
    return row


def _check_signatory(rt: Runtime, beslissing: Beslissing, ondertekenaar: User, today: date) -> None:
    """Someone else than the drafter, of the kabinet in the zaak's team, with a mandate for this outcome that
    holds today (the first day it can be decided) and honours a reservation to the body itself."""
    if ondertekenaar.id == beslissing.drafter_id:
        raise InvalidInput({"ondertekenaar_id": "Kies een ondertekenaar die de beslissing niet zelf heeft opgesteld."})
    zaak, outcome = beslissing.zaak, _outcome(rt, beslissing)
    if ondertekenaar.role != "kabinet" or not ondertekenaar.active or ondertekenaar.team != zaak.team:
        raise MandateMissing("Kies een ondertekenaar van het kabinet met mandaat voor dit type besluit.")
    require_mandaat(ondertekenaar, zaak.zaaktype, outcome, today,
                    assessment_of(beslissing.beoordeling), who=ondertekenaar.display_name,
                    body=zaak.orgaan)


def _recheck(session: Session, rt: Runtime, beslissing: Beslissing, actor: User, today: date) -> None:
    """Judgements, facts or the date may have changed since drafting: the letters must rest on what holds now."""
    zaak = beslissing.zaak
    beoordeling = current_assessment(session, rt, zaak, Actor.of(actor), today, beslissing.verzenddatum)
    terms = (beslissing.maatregel or {}).get("dwangsom") or {}
    request = DraftRequest(beslissing.soort, beslissing.verzenddatum, beslissing.maatregel.get("duur"),
                           beslissing.ingangsdatum if beslissing.ingangsdatum else None,
                           bedrag=terms.get("bedrag"), maximum=terms.get("maximum"))
    outcome = _checked_outcome(draft_state(session, rt, zaak, beoordeling, request, today), request)
    if beoordeling.id != beslissing.beoordeling_id or _changed(beslissing, outcome):
        raise InvalidInput({"_schema": "De feiten, afwegingen of termijnen zijn gewijzigd sinds het concept. "
                            "Stel het concept opnieuw op."})


def _changed(beslissing: Beslissing, outcome: DraftOutcome) -> bool:
    s = outcome.schedule
    return (outcome.afwijking_beleid != beslissing.afwijking_beleid
            or s.termijnen.get("zienswijze_tot") != beslissing.zienswijze_tot
            or s.uiterlijke_reactiedatum != beslissing.uiterlijke_reactiedatum
            or s.einde_at != beslissing.einde_at
            or any(outcome.maatregel.get(k) != (beslissing.maatregel or {}).get(k)
                   for k in ("object", "dwangsom", "invordering")))


def draft_state(session: Session, rt: Runtime, zaak: Zaak, beoordeling: Beoordeling, request: DraftRequest,
                today: date, now: datetime | None = None) -> DraftState:
    """What the pure drafting function needs to know about the zaak."""
    assessment = assessment_of(beoordeling)
    rows = active_judgements(session, zaak)
    recorded = {code: Recorded(code, o.outcome, o.reasoning, o.recorded_by.display_name) for code, o in rows.items()}
    index = rt.book.index(zaak.zaaktype)
    zienswijze = rows.get("zienswijze")
    kinds = order_kinds(index.procedure, request.soort)
    orders = running_orders(rt, zaak, history_items(session, rt, zaak), kinds) if kinds else ()
    return DraftState(
        assessment=assessment, proposal=rt.power(zaak.zaaktype).proposal(assessment), procedure=index.procedure,
        recorded=recorded, params=assessment.parameters,  # peildatum and beslisdatum values, as in the receipt
        remedy_weeks=rt.book.parameter("algemeen", REMEDY_WEEKS, request.verzenddatum).value,
        calendar=rt.calendar(request.verzenddatum), today=today, now=now or utcnow(),
        earlier=earlier_measures(session, zaak),
        zienswijze_voor=zienswijze.details.get("voornemen_id") if zienswijze else None,
        roles=frozenset(b.roltype for b in zaak.betrokkenen), role_labels=index.roles,
        case_file=zaak.melding.gegevens, measure_fields=rt.power(zaak.zaaktype).measure_fields,
        labels=rt.power(zaak.zaaktype).labels, orders=orders, breaches=breach_days(rt, zaak, assessment.parameters),
    )


def _checked_outcome(state: DraftState, request: DraftRequest, defer_missing_facts: bool = False) -> DraftOutcome:
    """A besluit or a voornemen may not rest on a default the municipality has not confirmed (InvalidInput,
    before the judgements are checked); then the pure drafting."""
    outcome = state.procedure.outcome(request.soort)
    if outcome.reconsiders:
        raise InvalidInput({"soort": "Een beslissing op bezwaar stelt u op bij het bezwaar."})
    require_confirmed_policy(state.procedure, outcome, state.assessment, state.proposal, state.labels)
    return draft_outcome(state, request, defer_missing_facts)


def _outcome(rt: Runtime, beslissing: Beslissing) -> Any:
    return rt.procedure(beslissing.zaak.zaaktype).outcome(beslissing.soort)


def _apply(row: Beslissing, outcome: DraftOutcome, request: DraftRequest, beoordeling_id: int, actor: User) -> None:
    s = outcome.schedule
    row.soort, row.besluit, row.beoordeling_id = outcome.soort, outcome.besluit, beoordeling_id
    row.maatregel, row.afwijking_beleid = outcome.maatregel, outcome.afwijking_beleid
    row.review_mode = outcome.review_mode
    row.verzenddatum, row.drafter_id = request.verzenddatum, actor.id
    row.zienswijze_tot = s.termijnen.get("zienswijze_tot")
    row.begunstigingstermijn_tot = s.termijnen.get("begunstigingstermijn_tot")
    row.ingangsdatum, row.vervaldatum = s.ingangsdatum, s.vervaldatum
    row.ingang_at, row.einde_at = s.ingang_at, s.einde_at
    row.uiterlijke_reactiedatum = s.uiterlijke_reactiedatum
    row.termijnen = jsonable(s.termijnen)
    row.ondertekenaar_id = None
