"""Judgement use cases: a person records each judgement and the zienswijze, with reasons.

Rules propose, people decide: these are the only writers of `Oordeel` rows. A replaced judgement is
superseded (kept, with an audit row), never edited. While the kabinet reviews letters, nothing changes.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from app.audit import Actor, record_change
from app.domain.errors import InvalidInput
from app.domain.judgements import validate_outcome
from app.models import Beslissing, Oordeel, User, Zaak
from app.models.types import utcnow
from app.runtime import Runtime
from app.services.queries import active_judgements, check_version, last_beslissing, refuse_while_in_review, touch

# A zienswijze with new facts reopens these steps (damocles-13b.md §8 pitfall 17).
REOPENED_BY_NEW_FACTS = ("geschiktheid", "noodzakelijkheid", "evenwichtigheid", "duur", "tijdsverloop",
                         "bijzondere_omstandigheden")
ZIENSWIJZE_OUTCOMES = ("ontvangen", "niet_ontvangen", "spoed_4_11_a", "eerder_gehoord_4_11_b", "verrassing_4_11_c")
HEARD = ("ontvangen", "niet_ontvangen")


def record_judgement(session: Session, rt: Runtime, zaak: Zaak, data: dict[str, Any], actor: User) -> Oordeel:
    """Record (or replace) one judgement of the power's index. Raises InvalidInput, ConcurrentEdit,
    InvalidTransition."""
    _guard(session, zaak, data["version"])
    known = {spec.code for spec in rt.book.index(zaak.zaaktype).judgements}
    if data["code"] not in known:
        raise InvalidInput({"code": "Deze afweging bestaat niet voor deze bevoegdheid."})
    validate_outcome(data["code"], data["outcome"], data["reasoning"])
    row = _replace(session, zaak, actor, code=data["code"], outcome=data["outcome"], reasoning=data["reasoning"])
    zaak.fase = "evenredigheid"
    session.commit()
    return row


def record_zienswijze(session: Session, zaak: Zaak, data: dict[str, Any], actor: User, today: date) -> Oordeel:
    """Record the zienswijze, that none came within the term, or a reasoned Awb 4:11 exception; new facts
    reopen the weighing."""
    _guard(session, zaak, data["version"])
    voornemen = last_beslissing(session, zaak, "voornemen_sluiting", ("vastgesteld", "verzonden"))
    _check_zienswijze(data, voornemen, today)
    details = {"samenvatting": data.get("samenvatting", ""), "nieuwe_feiten": bool(data.get("nieuwe_feiten")),
               "voornemen_id": voornemen.id if voornemen and data["outcome"] in HEARD else None}
    row = _replace(session, zaak, actor, code="zienswijze", outcome=data["outcome"], reasoning=data["reactie"],
                   details=details)
    if details["nieuwe_feiten"]:
        _supersede(session, zaak, actor, REOPENED_BY_NEW_FACTS, reason="nieuwe feiten in de zienswijze")
    zaak.fase = "evenredigheid"
    session.commit()
    return row


def _guard(session: Session, zaak: Zaak, version: int) -> None:
    refuse_while_in_review(session, zaak)
    check_version(zaak, version)
    touch(zaak)


def _check_zienswijze(data: dict[str, Any], voornemen: Beslissing | None, today: date) -> None:
    if data["outcome"] not in ZIENSWIJZE_OUTCOMES:
        raise InvalidInput({"outcome": "Kies wat er met de zienswijze is gebeurd."})
    if not data.get("reactie", "").strip():
        raise InvalidInput({"reactie": "Beschrijf de reactie op de zienswijze; die komt in het besluit."})
    if data["outcome"] in HEARD and voornemen is None:
        raise InvalidInput({"outcome": "Er is nog geen vastgesteld voornemen waarop een zienswijze kan volgen."})
    term_end = voornemen.zienswijze_tot if voornemen else None
    if data["outcome"] == "niet_ontvangen" and term_end and today <= term_end:
        raise InvalidInput({"outcome": "De zienswijzetermijn loopt nog tot en met "
                            f"{term_end.strftime('%d-%m-%Y')}."})


def _replace(session: Session, zaak: Zaak, actor: User, **fields: Any) -> Oordeel:
    _supersede(session, zaak, actor, (fields["code"],), reason="vervangen")
    row = Oordeel(zaak_id=zaak.id, recorded_by_id=actor.id, recorded_at=utcnow(), **fields)
    session.add(row)
    session.flush()
    record_change(session, Actor.of(actor), actie="judge", hoofd_object=zaak.identificatie, resource="oordeel",
                  resource_id=row.id, weergave=fields["code"],
                  nieuw={"code": fields["code"], "outcome": fields["outcome"], "reasoning": fields["reasoning"]})
    return row


def _supersede(session: Session, zaak: Zaak, actor: User, codes: tuple[str, ...], reason: str) -> None:
    now = utcnow()
    for row in active_judgements(session, zaak).values():
        if row.code in codes:
            row.superseded_at = now
            record_change(session, Actor.of(actor), actie="update", hoofd_object=zaak.identificatie,
                          resource="oordeel", resource_id=row.id, weergave=f"{row.code} vervalt ({reason})",
                          oud={"outcome": row.outcome, "reasoning": row.reasoning}, nieuw={"superseded_at": now})
    session.flush()
