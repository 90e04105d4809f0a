"""Drafting use cases: record judgements and the zienswijze, draft a beslissing, submit it for review."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit import Actor, record_change
from app.domain.assessment import Assessment
from app.domain.drafting import DraftRequest, DraftState, draft_outcome
from app.domain.errors import ConcurrentEdit, InvalidInput, MandateMissing
from app.domain.judgements import Recorded, validate_outcome
from app.domain.workflow import fase_after, next_status
from app.models import Beslissing, Oordeel, User, Zaak
from app.models.types import utcnow
from app.powers import power
from app.runtime import Runtime
from app.services.assessment import latest
from app.services.documents import render_documents
from app.services.queries import active_judgements, last_beslissing, mandaat_for

# A zienswijze with new facts reopens these steps (damocles-13b.md §8 pitfall 17).
REOPENED_BY_NEW_FACTS = ("geschiktheid", "noodzakelijkheid", "evenwichtigheid", "duur", "tijdsverloop",
                         "bijzondere_omstandigheden")
ZIENSWIJZE_OUTCOMES = ("ontvangen", "niet_ontvangen", "spoed_4_11_a", "eerder_gehoord_4_11_b", "verrassing_4_11_c")


def record_judgement(session: Session, zaak: Zaak, code: str, outcome: str, reasoning: str, actor: User) -> Oordeel:
    """Record (or replace) one judgement with its reasons. Raises InvalidInput."""
    validate_outcome(code, outcome, reasoning)
    row = _replace_oordeel(session, zaak, actor, code=code, outcome=outcome, reasoning=reasoning)
    zaak.fase = "evenredigheid"
    session.commit()
    return row


def record_zienswijze(session: Session, zaak: Zaak, data: dict[str, Any], actor: User, today: date) -> Oordeel:
    """Record the zienswijze (or that none came within the term); new facts reopen the weighing."""
    voornemen = last_beslissing(session, zaak, "voornemen_sluiting", ("vastgesteld", "verzonden"))
    _check_zienswijze(data, voornemen, today)
    details = {"samenvatting": data.get("samenvatting", ""), "nieuwe_feiten": bool(data.get("nieuwe_feiten"))}
    row = _replace_oordeel(session, zaak, actor, code="zienswijze", outcome=data["outcome"],
                           reasoning=data["reactie"], details=details)
    if details["nieuwe_feiten"]:
        _supersede(session, zaak, REOPENED_BY_NEW_FACTS)
    zaak.fase = "evenredigheid"
    session.commit()
    return row


def _check_zienswijze(data: dict[str, Any], voornemen: Beslissing | None, today: date) -> None:
    if data["outcome"] not in ZIENSWIJZE_OUTCOMES:
        raise InvalidInput({"outcome": "Kies wat er met de zienswijze is gebeurd."})
    if not data.get("reactie", "").strip():
        raise InvalidInput({"reactie": "Beschrijf de reactie op de zienswijze; die komt in het besluit."})
    if data["outcome"] in ("ontvangen", "niet_ontvangen") and voornemen is None:
        raise InvalidInput({"outcome": "Er is nog geen vastgesteld voornemen waarop een zienswijze kan volgen."})
    term_end = voornemen.zienswijze_tot if voornemen else None
    if data["outcome"] == "niet_ontvangen" and term_end and today <= term_end:
        raise InvalidInput({"outcome": "De zienswijzetermijn loopt nog tot en met "
                            f"{term_end.strftime('%d-%m-%Y')}."})


def draft_beslissing(session: Session, rt: Runtime, zaak: Zaak, request: DraftRequest, actor: User,
                     today: date) -> Beslissing:
    """Check the choice against rules and judgements and store it as a concept. Raises JudgementMissing,
    InvalidInput, InvalidTransition."""
    beoordeling = latest(session, zaak)
    state = _draft_state(session, rt, zaak, Assessment.from_dict(beoordeling.assessment), today)
    outcome = draft_outcome(state, request)
    row = _open_beslissing(session, zaak) or Beslissing(zaak_id=zaak.id, status="concept")
    if row.id is not None:
        next_status(row.status, "redraft")
    _apply(row, outcome, request, beoordeling.id, actor)
    session.add(row)
    session.flush()
    zaak.fase = fase_after(request.soort, "draft")
    record_change(session, Actor.of(actor), actie="draft", hoofd_object=zaak.identificatie, resource="beslissing",
                  resource_id=row.id, weergave=request.soort,
                  nieuw={"soort": request.soort, "maatregel": row.maatregel, "verzenddatum": request.verzenddatum})
    session.commit()
    return row


def submit_for_review(session: Session, rt: Runtime, beslissing: Beslissing, ondertekenaar: User,
                      version: int, actor: User) -> Beslissing:
    """Name the signatory, render and store every letter, and offer the beslissing for approval."""
    _check_version(beslissing, version)
    next_status(beslissing.status, "submit")
    if ondertekenaar.id == beslissing.drafter_id:
        raise InvalidInput({"ondertekenaar": "Kies een ondertekenaar die de beslissing niet zelf heeft opgesteld."})
    if mandaat_for(ondertekenaar, beslissing.zaak.zaaktype) is None:
        raise MandateMissing("De gekozen ondertekenaar heeft geen mandaat voor dit type besluit.")
    beslissing.ondertekenaar_id = ondertekenaar.id
    beslissing.status = next_status(beslissing.status, "submit")
    documents = render_documents(session, rt, beslissing, ondertekenaar)
    beslissing.zaak.fase = fase_after(beslissing.soort, "submit")
    record_change(session, Actor.of(actor), actie="submit", hoofd_object=beslissing.zaak.identificatie,
                  resource="beslissing", resource_id=beslissing.id, weergave=beslissing.soort,
                  nieuw={"status": beslissing.status, "documenten": [d.sha256 for d in documents]})
    session.commit()
    return beslissing


def _open_beslissing(session: Session, zaak: Zaak) -> Beslissing | None:
    return session.scalars(select(Beslissing).where(
        Beslissing.zaak_id == zaak.id, Beslissing.status.in_(("concept", "ter_vaststelling")))).first()


def _draft_state(session: Session, rt: Runtime, zaak: Zaak, assessment: Assessment, today: date) -> DraftState:
    recorded = {code: Recorded(code, o.outcome, o.reasoning, o.recorded_by.display_name)
                for code, o in active_judgements(session, zaak).items()}
    index = rt.book.index(zaak.zaaktype)
    return DraftState(
        assessment=assessment, proposal=power(zaak.zaaktype).proposal(assessment),
        judgement_specs=tuple(_spec_dict(j) for j in index.judgements), recorded=recorded,
        params=rt.book.parameters_for(zaak.zaaktype, assessment.peildatum),
        bezwaartermijn_weken=rt.book.parameter("algemeen", "bezwaartermijn_weken", today).value,
        calendar=rt.calendar(today), today=today,
        voornemen_vastgesteld=last_beslissing(session, zaak, "voornemen_sluiting", ("vastgesteld", "verzonden"))
        is not None,
        zienswijze=recorded.get("zienswijze"),
        has_rechthebbende=any(b.roltype == "rechthebbende" for b in zaak.betrokkenen),
    )


def _spec_dict(spec: Any) -> dict[str, Any]:
    return {"code": spec.code, "required_for": tuple(spec.required_for), "bevoegd_bij": spec.bevoegd_bij}


def _apply(row: Beslissing, outcome: Any, request: DraftRequest, beoordeling_id: int, actor: User) -> None:
    row.soort, row.besluit, row.beoordeling_id = outcome.soort, outcome.besluit, beoordeling_id
    row.maatregel, row.afwijking_beleid = outcome.maatregel, outcome.afwijking_beleid
    row.verzenddatum, row.drafter_id = request.verzenddatum, actor.id
    row.zienswijze_tot = outcome.dates["zienswijze_tot"]
    row.begunstigingstermijn_tot = outcome.dates["begunstigingstermijn_tot"]
    row.ingangsdatum, row.vervaldatum = outcome.dates["ingangsdatum"], outcome.dates["vervaldatum"]
    row.uiterlijke_reactiedatum = outcome.dates["uiterlijke_reactiedatum"]
    row.ondertekenaar_id = None


def _replace_oordeel(session: Session, zaak: Zaak, actor: User, **fields: Any) -> Oordeel:
    _supersede(session, zaak, (fields["code"],))
    row = Oordeel(zaak_id=zaak.id, recorded_by_id=actor.id, recorded_at=utcnow(), **fields)
    session.add(row)
    session.flush()
    record_change(session, Actor.of(actor), actie="judge", hoofd_object=zaak.identificatie, resource="oordeel",
                  resource_id=row.id, weergave=fields["code"],
                  nieuw={"code": fields["code"], "outcome": fields["outcome"], "reasoning": fields["reasoning"]})
    return row


def _supersede(session: Session, zaak: Zaak, codes: tuple[str, ...]) -> None:
    now = utcnow()
    for row in active_judgements(session, zaak).values():
        if row.code in codes:
            row.superseded_at = now
    session.flush()


def _check_version(beslissing: Beslissing, version: int) -> None:
    if beslissing.version_id != version:
        raise ConcurrentEdit()

