"""Drafting use cases: draft a beslissing from the current assessment and judgements, submit it for review.

The draft checks run again at submission, so letters are only made from a state that still passes them;
while a beslissing is under review its facts and judgements are frozen (services/judging.py).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from app.audit import Actor, record_change
from app.domain.assessment import Assessment
from app.domain.drafting import ZIENSWIJZE_DONE, DraftOutcome, DraftRequest, DraftState, draft_outcome
from app.domain.errors import InvalidInput, MandateMissing
from app.domain.judgements import Recorded
from app.domain.workflow import fase_after, next_status
from app.models import Beoordeling, Beslissing, User, Zaak
from app.powers import power
from app.runtime import Runtime
from app.services.assessment import current_assessment
from app.services.cases import signatories
from app.services.documents import render_documents
from app.services.queries import (
    active_judgements,
    check_version,
    last_beslissing,
    mandaat_for,
    open_beslissing,
    refuse_while_in_review,
    touch,
)


def draft_beslissing(session: Session, rt: Runtime, zaak: Zaak, request: DraftRequest, version: int, actor: User,
                     today: date) -> Beslissing:
    """Check the choice against rules and judgements and store it as the concept. Raises JudgementMissing,
    InvalidInput, InvalidTransition, ConcurrentEdit."""
    refuse_while_in_review(session, zaak)
    check_version(zaak, version)
    beoordeling = current_assessment(session, rt, zaak, Actor.of(actor), today)
    outcome = draft_outcome(_draft_state(session, rt, zaak, beoordeling, request, today), request)
    row = open_beslissing(session, zaak) or Beslissing(zaak_id=zaak.id, status="concept")
    old = {"soort": row.soort, "maatregel": row.maatregel, "verzenddatum": row.verzenddatum} if row.id else None
    if row.id is not None:
        next_status(row.status, "redraft")
    _apply(row, outcome, request, beoordeling.id, actor)
    session.add(row)
    session.flush()
    zaak.fase = fase_after(request.soort, "draft")
    touch(zaak)
    record_change(session, Actor.of(actor), actie="draft", hoofd_object=zaak.identificatie, resource="beslissing",
                  resource_id=row.id, weergave=request.soort, oud=old,
                  nieuw={"soort": request.soort, "maatregel": row.maatregel, "verzenddatum": request.verzenddatum})
    session.commit()
    return row


def submit_for_review(session: Session, rt: Runtime, beslissing: Beslissing, ondertekenaar: User,
                      version: int, actor: User, today: date) -> Beslissing:
    """Check the draft again, name the signatory, render and store every letter, and offer it for approval.
    Raises InvalidInput, MandateMissing, JudgementMissing, ConcurrentEdit, InvalidTransition."""
    check_version(beslissing, version)
    next_status(beslissing.status, "submit")
    _check_signatory(session, beslissing, ondertekenaar)
    _recheck(session, rt, beslissing, actor, today)
    beslissing.ondertekenaar_id = ondertekenaar.id
    beslissing.status = next_status(beslissing.status, "submit")
    documents = render_documents(session, rt, beslissing, ondertekenaar)
    beslissing.zaak.fase = fase_after(beslissing.soort, "submit")
    record_change(session, Actor.of(actor), actie="submit", hoofd_object=beslissing.zaak.identificatie,
                  resource="beslissing", resource_id=beslissing.id, weergave=beslissing.soort,
                  nieuw={"status": beslissing.status, "documenten": [d.sha256 for d in documents]})
    session.commit()
    return beslissing


def _check_signatory(session: Session, beslissing: Beslissing, ondertekenaar: User) -> None:
    if ondertekenaar.id == beslissing.drafter_id:
        raise InvalidInput({"ondertekenaar_id": "Kies een ondertekenaar die de beslissing niet zelf heeft opgesteld."})
    allowed = {u.id for u in signatories(session, beslissing.zaak.zaaktype) if u.team == beslissing.zaak.team}
    if ondertekenaar.id not in allowed or mandaat_for(ondertekenaar, beslissing.zaak.zaaktype) is None:
        raise MandateMissing("Kies een ondertekenaar van het kabinet met mandaat voor dit type besluit.")


def _recheck(session: Session, rt: Runtime, beslissing: Beslissing, actor: User, today: date) -> None:
    """Judgements, facts or the date may have changed since drafting: the letters must rest on what holds now."""
    zaak = beslissing.zaak
    beoordeling = current_assessment(session, rt, zaak, Actor.of(actor), today)
    request = DraftRequest(beslissing.soort, beslissing.verzenddatum, beslissing.maatregel.get("maanden"),
                           beslissing.ingangsdatum if beslissing.soort == "sluiting" else None)
    outcome = draft_outcome(_draft_state(session, rt, zaak, beoordeling, request, today), request)
    if beoordeling.id != beslissing.beoordeling_id or _changed(beslissing, outcome):
        raise InvalidInput({"_schema": "De feiten, afwegingen of termijnen zijn gewijzigd sinds het concept. "
                            "Stel het concept opnieuw op."})


def _changed(beslissing: Beslissing, outcome: DraftOutcome) -> bool:
    dates = outcome.dates
    return (outcome.afwijking_beleid != beslissing.afwijking_beleid
            or dates["zienswijze_tot"] != beslissing.zienswijze_tot
            or dates["uiterlijke_reactiedatum"] != beslissing.uiterlijke_reactiedatum)


def _draft_state(session: Session, rt: Runtime, zaak: Zaak, beoordeling: Beoordeling, request: DraftRequest,
                 today: date) -> DraftState:
    assessment = Assessment.from_dict(beoordeling.assessment)
    rows = active_judgements(session, zaak)
    recorded = {code: Recorded(code, o.outcome, o.reasoning, o.recorded_by.display_name) for code, o in rows.items()}
    voornemen = _current_voornemen(session, zaak)
    return DraftState(
        assessment=assessment, proposal=power(zaak.zaaktype).proposal(assessment),
        judgement_specs=tuple(_spec_dict(j) for j in rt.book.index(zaak.zaaktype).judgements), recorded=recorded,
        params=rt.book.parameters_for(zaak.zaaktype, assessment.peildatum),
        bezwaartermijn_weken=rt.book.parameter("algemeen", "bezwaartermijn_weken", request.verzenddatum).value,
        calendar=rt.calendar(request.verzenddatum), today=today, voornemen_vastgesteld=voornemen is not None,
        zienswijze_tot=voornemen.zienswijze_tot if voornemen else None,
        zienswijze=_answering(recorded.get("zienswijze"), rows.get("zienswijze"), voornemen),
        has_rechthebbende=any(b.roltype == "rechthebbende" for b in zaak.betrokkenen),
        sluiting_in_force=_sluiting_in_force(session, zaak, today),
    )


def _current_voornemen(session: Session, zaak: Zaak) -> Beslissing | None:
    """The approved voornemen that belongs to the next closure: newer than the last approved closure."""
    voornemen = last_beslissing(session, zaak, "voornemen_sluiting", ("vastgesteld", "verzonden"))
    sluiting = last_beslissing(session, zaak, "sluiting", ("vastgesteld", "verzonden"))
    return voornemen if voornemen and (sluiting is None or voornemen.id > sluiting.id) else None


def _answering(recorded: Recorded | None, row: Any, voornemen: Beslissing | None) -> Recorded | None:
    """A zienswijze counts only for the voornemen it answered (a new closure needs a new hearing)."""
    if recorded is None or recorded.outcome not in ZIENSWIJZE_DONE:
        return recorded
    return recorded if voornemen is not None and row.details.get("voornemen_id") == voornemen.id else None


def _sluiting_in_force(session: Session, zaak: Zaak, today: date) -> bool:
    sluiting = last_beslissing(session, zaak, "sluiting", ("vastgesteld", "verzonden"))
    return sluiting is not None and sluiting.vervaldatum is not None and sluiting.vervaldatum > today


def _spec_dict(spec: Any) -> dict[str, Any]:
    return {"code": spec.code, "required_for": tuple(spec.required_for), "bevoegd_bij": spec.bevoegd_bij}


def _apply(row: Beslissing, outcome: DraftOutcome, request: DraftRequest, beoordeling_id: int, actor: User) -> None:
    row.soort, row.besluit, row.beoordeling_id = outcome.soort, outcome.besluit, beoordeling_id
    row.maatregel, row.afwijking_beleid = outcome.maatregel, outcome.afwijking_beleid
    row.verzenddatum, row.drafter_id = request.verzenddatum, actor.id
    row.zienswijze_tot = outcome.dates["zienswijze_tot"]
    row.begunstigingstermijn_tot = outcome.dates["begunstigingstermijn_tot"]
    row.ingangsdatum, row.vervaldatum = outcome.dates["ingangsdatum"], outcome.dates["vervaldatum"]
    row.uiterlijke_reactiedatum = outcome.dates["uiterlijke_reactiedatum"]
    row.ondertekenaar_id = None
