"""Judgement use cases: a person records judgements (one, or all of a step at once) and the zienswijze, with reasons.

Rules propose, people decide: these are the only writers of `Oordeel` rows. A replaced judgement is
superseded (kept, with an audit row), never edited. Which judgements new facts reopen is the power's
procedure data (`reopened_by` in index.yaml). While the kabinet reviews letters, nothing changes.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from app.audit import Actor, record_change
from app.domain.errors import InvalidInput
from app.domain.hearing import HEARD, ZIENSWIJZE, ZIENSWIJZE_EVENT, ZIENSWIJZE_OUTCOMES, check_exception, with_party
from app.domain.judgements import THIRD_PERSON, addresses_someone, validate_outcome
from app.models import Beslissing, Oordeel, User, Zaak
from app.models.types import utcnow
from app.runtime import Runtime
from app.services.queries import (
    active_judgements,
    approved_beslissingen,
    check_version,
    lapsed_judgements,
    last_announcing,
    refuse_while_in_review,
    touch,
)


def record_judgement(session: Session, rt: Runtime, zaak: Zaak, data: dict[str, Any], actor: User) -> Oordeel:
    """Record (or replace) one judgement of the power's index. Raises InvalidInput, ConcurrentEdit,
    InvalidTransition."""
    _guard(session, zaak, data["version"])
    validate_outcome(rt.procedure(zaak.zaaktype).judgement(data["code"]), data["outcome"], data["reasoning"])
    row = _replace(session, zaak, actor, code=data["code"], outcome=data["outcome"], reasoning=data["reasoning"])
    zaak.fase = "evenredigheid"
    session.commit()
    return row


def record_for_run(session: Session, rt: Runtime, zaak: Zaak, answers: Mapping[str, Mapping[str, str]],
                   actor: User) -> int:
    """The same answers for one zaak of a bulk run, where this zaak has none yet (flushes; the run's use case
    commits once). Returns how many were recorded. Raises InvalidInput, InvalidTransition."""
    active = active_judgements(session, zaak)
    todo = {code: a for code, a in answers.items() if code not in active}
    _validate(rt, zaak, todo)
    refuse_while_in_review(session, zaak)
    for code, answer in todo.items():
        _replace(session, zaak, actor, code=code, outcome=answer["outcome"], reasoning=answer["reasoning"])
    if todo:
        touch(zaak)
        zaak.fase = "evenredigheid"
    return len(todo)


NOTHING = "Vul bij ten minste één afweging een uitkomst en een motivering in."


def record_judgements(session: Session, rt: Runtime, zaak: Zaak, answers: Mapping[str, Mapping[str, str]],
                      version: int, actor: User) -> list[Oordeel]:
    """Record every changed answer ({code: {outcome, reasoning}}) atomically. Raises InvalidInput with one
    message per field ("<code>.outcome", "<code>.reasoning"), ConcurrentEdit, InvalidTransition."""
    _guard(session, zaak, version)
    active = active_judgements(session, zaak)
    changed = _changed(active, lapsed_judgements(session, zaak), answers)
    _validate(rt, zaak, changed)
    if not changed:
        session.rollback()
        raise InvalidInput(_nothing_errors(rt, zaak, answers, active))
    rows = [_replace(session, zaak, actor, code=code, outcome=a["outcome"], reasoning=a["reasoning"])
            for code, a in changed.items()]
    zaak.fase = "evenredigheid"
    session.commit()
    return rows


OPEN_FIELD = "Kies een uitkomst en vul een motivering in (of bevestig de eerdere), en sla dan op."


def _nothing_errors(rt: Runtime, zaak: Zaak, answers: Mapping[str, Mapping[str, str]],
                    active: Mapping[str, Oordeel]) -> dict[str, str]:
    """Nothing to save: name each open judgement's outcome field of this form, so the person sees where."""
    procedure = rt.procedure(zaak.zaaktype)
    open_codes = [c for c in answers if c not in active and procedure.judgement(c) is not None]
    return {"_schema": NOTHING, **{f"{code}.outcome": OPEN_FIELD for code in open_codes}}


def _changed(active: Mapping[str, Oordeel], lapsed: Mapping[str, Oordeel],
             answers: Mapping[str, Mapping[str, str]]) -> dict[str, dict[str, str]]:
    """The answers a person filled in that differ from what is recorded."""
    found = {}
    for code, answer in answers.items():
        outcome, reasoning = answer.get("outcome", ""), answer.get("reasoning", "")
        earlier = lapsed.get(code)
        if not outcome and (not reasoning.strip() or (earlier and earlier.reasoning.strip() == reasoning.strip())):
            continue  # left open (a reopened judgement shows its earlier reasons until someone weighs it again)
        row = active.get(code)
        if row is not None and row.outcome == outcome and row.reasoning.strip() == reasoning.strip():
            continue  # shown as saved and sent back unchanged
        found[code] = {"outcome": outcome, "reasoning": reasoning}
    return found


def _validate(rt: Runtime, zaak: Zaak, changed: Mapping[str, Mapping[str, str]]) -> None:
    """Check every answer first and report all errors at once, each on its own field."""
    procedure, errors = rt.procedure(zaak.zaaktype), {}
    for code, answer in changed.items():
        try:
            validate_outcome(procedure.judgement(code), answer["outcome"], answer["reasoning"])
        except InvalidInput as exc:
            errors.update({f"{code}.{k if k != 'code' else 'outcome'}": v for k, v in exc.errors.items()})
    if errors:
        raise InvalidInput(errors)


def record_zienswijze(session: Session, rt: Runtime, zaak: Zaak, data: dict[str, Any], actor: User,
                      today: date) -> Oordeel:
    """Record one interested party's zienswijze with the response to it, that none came within the term, or
    an allowed, reasoned Awb 4:11 exception. Every zienswijze reopens the judgements the power's procedure
    names for it (index.yaml `reopened_by`), so none is carried over silently."""
    _guard(session, zaak, data["version"])
    procedure = rt.procedure(zaak.zaaktype)
    voornemen = last_announcing(session, procedure, zaak)
    _refuse_after_besluit(session, procedure, voornemen)
    current = active_judgements(session, zaak).get(ZIENSWIJZE)
    check_exception(data["outcome"], procedure.hearing_exceptions())
    _check_zienswijze(data, voornemen, today)
    details, reasoning = _hearing_record(zaak, data, voornemen, current, actor, today)
    row = _replace(session, zaak, actor, code=ZIENSWIJZE, outcome=data["outcome"], reasoning=reasoning,
                   details=details)
    if data["outcome"] == "ontvangen":
        reopen(session, zaak, actor, procedure.reopened_by(ZIENSWIJZE_EVENT), reason="zienswijze ontvangen")
    zaak.fase = "evenredigheid"
    session.commit()
    return row


AFTER_BESLUIT = ("Het besluit dat op dit voornemen volgde is al vastgesteld; een zienswijze op het voornemen kan "
                 "het niet meer veranderen. Een reactie op het besluit is een bezwaar: leg dat vast bij Bezwaar "
                 "en beroep.")


def _refuse_after_besluit(session: Session, procedure: Any, voornemen: Beslissing | None) -> None:
    """Once the besluit the voornemen announced is approved, a zienswijze would reopen judgements behind a
    decision already taken."""
    if voornemen is None:
        return
    announced = procedure.outcome(voornemen.soort).announces
    if any(b.soort == announced and b.id > voornemen.id and b.intrekking_soort is None
           for b in approved_beslissingen(session, voornemen.zaak)):
        raise InvalidInput({"outcome": AFTER_BESLUIT})


def _hearing_record(zaak: Zaak, data: dict[str, Any], voornemen: Beslissing | None, current: Oordeel | None,
                    actor: User, today: date) -> tuple[dict[str, Any], str]:
    """The details and summary text of the hearing row after this submission."""
    if data["outcome"] != "ontvangen":
        _check_none_received(current, voornemen, data["outcome"])
        return {"voornemen_id": voornemen.id if voornemen and data["outcome"] in HEARD else None}, data["reactie"]
    assert voornemen is not None  # noqa: S101 - _check_zienswijze refused a zienswijze without one
    entry = _party_entry(zaak, data, voornemen, actor, today)
    details = with_party(current.details if current else None, entry, voornemen.id)
    return details, " ".join(f"{e['naam']}: {e['reactie']}" for e in details["zienswijzen"])


def _party_entry(zaak: Zaak, data: dict[str, Any], voornemen: Beslissing, actor: User,
                 today: date) -> dict[str, Any]:
    """One party's zienswijze as stored: who, when, how, the summary and the response in the besluit."""
    errors: dict[str, str] = {}
    party = next((b for b in zaak.betrokkenen if b.id == data.get("betrokkene_id")), None)
    if party is None:
        errors["betrokkene_id"] = "Kies van wie de zienswijze komt."
    received = data.get("ontvangen_op")
    if received is None or received > today or received < voornemen.verzenddatum:
        errors["ontvangen_op"] = ("Vul de datum van ontvangst in: niet voor de verzending van het voornemen "
                                  "en niet in de toekomst.")
    if not data.get("wijze"):
        errors["wijze"] = "Kies of de zienswijze schriftelijk of mondeling is gegeven."
    if not data.get("samenvatting", "").strip():
        errors["samenvatting"] = "Vat de zienswijze samen; die samenvatting komt in het besluit."
    if errors:
        raise InvalidInput(errors)
    assert party is not None and received is not None  # noqa: S101 - checked above
    return {"betrokkene_id": party.id, "naam": party.naam, "rol": party.roltype, "wijze": data["wijze"],
            "ontvangen_op": received.isoformat(), "samenvatting": data["samenvatting"], "reactie": data["reactie"],
            "recorded_by": actor.display_name}


def _check_none_received(current: Oordeel | None, voornemen: Beslissing | None, outcome: str) -> None:
    """Neither "geen zienswijze ontvangen" nor an Awb 4:11 ground can overwrite the zienswijzen already recorded
    on this voornemen (the besluit must answer them)."""
    if outcome == "ontvangen" or current is None or voornemen is None:
        return
    if current.details.get("voornemen_id") == voornemen.id and current.details.get("zienswijzen"):
        raise InvalidInput({"outcome": "Er zijn al zienswijzen op dit voornemen vastgelegd."})


def reopen(session: Session, zaak: Zaak, actor: User, codes: tuple[str, ...], reason: str) -> None:
    """Supersede the active judgements with these codes (flushes): a person must weigh them again."""
    now = utcnow()
    for row in active_judgements(session, zaak).values():
        if row.code in codes:
            row.superseded_at = now
            record_change(session, Actor.of(actor), actie="update", hoofd_object=zaak.identificatie,
                          resource="oordeel", resource_id=row.id, weergave=f"{row.code} vervalt ({reason})",
                          oud={"outcome": row.outcome, "reasoning": row.reasoning}, nieuw={"superseded_at": now})
    session.flush()


def _guard(session: Session, zaak: Zaak, version: int) -> None:
    refuse_while_in_review(session, zaak)
    check_version(zaak, version)
    touch(zaak)


def _check_zienswijze(data: dict[str, Any], voornemen: Beslissing | None, today: date) -> None:
    if data["outcome"] not in ZIENSWIJZE_OUTCOMES:
        raise InvalidInput({"outcome": "Kies wat er met de zienswijze is gebeurd."})
    if not data.get("reactie", "").strip():
        raise InvalidInput({"reactie": "Beschrijf de reactie op de zienswijze; die komt in het besluit."})
    spoken_to = {k: THIRD_PERSON for k in ("samenvatting", "reactie") if addresses_someone(data.get(k) or "")}
    if spoken_to:
        raise InvalidInput(spoken_to)
    if data["outcome"] in HEARD and voornemen is None:
        raise InvalidInput({"outcome": "Er is nog geen vastgesteld voornemen waarop een zienswijze kan volgen."})
    term_end = voornemen.zienswijze_tot if voornemen else None
    if data["outcome"] == "niet_ontvangen" and term_end and today <= term_end:
        raise InvalidInput({"outcome": "De zienswijzetermijn loopt nog tot en met "
                            f"{term_end.strftime('%d-%m-%Y')}."})


def _replace(session: Session, zaak: Zaak, actor: User, **fields: Any) -> Oordeel:
    reopen(session, zaak, actor, (fields["code"],), reason="vervangen")
    row = Oordeel(zaak_id=zaak.id, recorded_by_id=actor.id, recorded_at=utcnow(), **fields)
    session.add(row)
    session.flush()
    record_change(session, Actor.of(actor), actie="judge", hoofd_object=zaak.identificatie, resource="oordeel",
                  resource_id=row.id, weergave=fields["code"],
                  nieuw={"code": fields["code"], "outcome": fields["outcome"], "reasoning": fields["reasoning"]})
    return row


def record_on_the_spot(session: Session, zaak: Zaak, judgements: dict[str, dict[str, str]], actor: User,
                       rt: Runtime) -> None:
    """The judgements the officer in mandate made when deciding on the spot (flushes; the caller commits)."""
    procedure = rt.procedure(zaak.zaaktype)
    for code, answer in ((c, a) for c, a in judgements.items() if a):  # an optional judgement left open
        try:
            validate_outcome(procedure.judgement(code), answer.get("outcome", ""), answer.get("reasoning", ""))
        except InvalidInput as exc:  # point at the field of the intake form
            raise InvalidInput({f"oordelen.{code}.{k}": v for k, v in exc.errors.items()}) from exc
        _replace(session, zaak, actor, code=code, outcome=answer["outcome"], reasoning=answer["reasoning"])
