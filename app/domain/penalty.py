"""Drafting a last onder dwangsom and an invorderingsbeschikking from the procedure data (pure).

An outcome with `penalty` carries the amount per violation and the maximum a person chose, prefilled from
the policy proposal: lower is a departure from policy (Awb 4:84), higher is refused. An outcome that
`collects` a penalty finds the running order the breaches of this zaak fall under and forfeits up to its
maximum (app/domain/forfeiture.py); the periods that run from the breach (payment, limitation) are counted
per forfeiture.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from app.domain.errors import InvalidInput
from app.domain.forfeiture import as_record, check_terms, collect, money, running
from app.domain.measures import period_end
from app.domain.procedure import Outcome, Period

if TYPE_CHECKING:
    from app.domain.drafting import DraftRequest, DraftState

FROM_BREACH = "overtreding"


def penalty_terms(state: DraftState, request: DraftRequest, outcome: Outcome) -> tuple[dict[str, str] | None, bool]:
    """The `dwangsom` of the maatregel and whether it departs (lower) from the policy's amounts.

    Raises:
        InvalidInput: policy proposes no amount, or the chosen amounts break Awb 5:32b or exceed policy.
    """
    if outcome.penalty is None:
        return None, False
    proposed = [state.proposal.get(key) for key in (outcome.penalty.amount, outcome.penalty.maximum)]
    if any(value is None for value in proposed):
        raise InvalidInput({"soort": "Het beleid stelt voor deze persoon geen dwangsom voor; een last onder "
                            "dwangsom kan hier niet."})
    policy_bedrag, policy_maximum = (money(v) for v in proposed)
    bedrag = money(request.bedrag) if request.bedrag is not None else policy_bedrag
    maximum = money(request.maximum) if request.maximum is not None else policy_maximum
    check_terms(bedrag, maximum, policy_bedrag, policy_maximum)
    return {"bedrag": str(bedrag), "maximum": str(maximum)}, (bedrag, maximum) != (policy_bedrag, policy_maximum)


def heavier_than_announced(announced: Mapping[str, Any] | None, maatregel: Mapping[str, Any]) -> dict[str, str]:
    """A besluit may not impose a higher amount or maximum than the voornemen it was heard on (Awb 4:8)."""
    before, now = (announced or {}).get("dwangsom"), maatregel.get("dwangsom")
    if not before or not now:
        return {}
    return {key: f"Hoger dan in het voornemen ({before[key]}). Kies ten hoogste dat bedrag, of stel een nieuw "
                 "voornemen op." for key in ("bedrag", "maximum") if Decimal(now[key]) > Decimal(before[key])}


def collection(state: DraftState, outcome: Outcome) -> tuple[dict[str, Any] | None, dict[str, date]]:
    """The `invordering` of the maatregel and the earliest end of each period that runs from the breach.

    Raises:
        InvalidInput: no breach is reported, no running order covers it, or its maximum was reached.
    """
    if outcome.collects is None:
        return None, {}
    if not state.breaches:
        raise InvalidInput({"soort": "De melding noemt geen constatering die een overtreding van een lopende last "
                            "kan zijn."})
    order = running(state.orders, state.breaches)
    if order is None:
        raise InvalidInput({"soort": "Er liep op de dag van de constatering geen last onder dwangsom tegen deze "
                            "persoon voor deze gedraging (bekendgemaakt, niet ingetrokken). Zonder lopende last "
                            "is er niets verbeurd."})
    found = collect(order, state.breaches)
    periods = [p for p in outcome.periods if p.runs_from == FROM_BREACH]
    ends = {f.datum: {p.name: _end(state, p, f.datum) for p in periods} for f in found.verbeurten}
    earliest = {p.name: min(e[p.name] for e in ends.values()) for p in periods}
    return as_record(found, ends), earliest


def _end(state: DraftState, period: Period, breach: date) -> date:
    return period_end(period, int(state.params[period.parameter].value), breach, state.calendar)


def breach_terms(outcome: Outcome | None, termijnen: Mapping[str, Any] | None,
                 labels: Mapping[str, str]) -> tuple[tuple[str, date], ...]:
    """The stored periods of a beslissing that run from the breach, with the power's words for them, for the
    deadline overviews (the earliest forfeiture's end; the letter lists each one)."""
    if outcome is None:
        return ()
    stored = termijnen or {}
    return tuple((labels.get(p.name, p.name), date.fromisoformat(str(stored[p.name])))
                 for p in outcome.periods if p.runs_from == FROM_BREACH and stored.get(p.name))
