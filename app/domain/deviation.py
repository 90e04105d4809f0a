"""Departing from policy (Awb 4:84), pure: what the policy route is, whether a choice departs from it, and in
which direction a departure may go.

The route is the policy proposal's measure, or the measure a person's answer to a `decides_measure`
judgement chose (a first offence in a dwelling: warn, or close in a serious case). Art. 4:84 lets the body
depart from its policy only where following it would hit someone disproportionately: towards a lighter
measure or a shorter one, never a heavier. "Special circumstances" recorded for a decision that follows the
policy contradict it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.domain.errors import InvalidInput
from app.domain.procedure import Outcome

if TYPE_CHECKING:
    from app.domain.drafting import DraftState

AWB_4_84 = "bijzondere_omstandigheden"  # the judgement that special circumstances justify deviating


def deviates(state: DraftState, duur: int | None, outcome: Outcome) -> bool:
    """A choice other than the policy route is a 4:84 deviation. No deviation where the policy has no
    measure; a duration other than the proposal's is one, where the proposal's measure is followed."""
    maatregel = state.proposal.get("maatregel")
    if maatregel not in {o.measure for o in state.procedure.outcomes.values()}:
        return False
    route = chosen(state) or maatregel
    if outcome.measure != route:
        return True
    chooses = outcome.duration is not None and outcome.duration.maximum is not None
    return bool(route == maatregel and chooses and duur != state.proposal.get("duur"))


def chosen(state: DraftState) -> str | None:
    """The measure a recorded answer to a `decides_measure` judgement the rules asked for chose, if any. The
    answer steers only while the policy proposes one of the measures it chooses between (dwangsom or
    bestuursdwang does not turn a proposed presence ban into a deviation)."""
    asked, proposed = set(state.assessment.judgements_required), state.proposal.get("maatregel")
    for spec in (j for j in state.procedure.judgements if j.decides_measure and j.code in asked
                 and proposed in {o.chooses for o in j.outcomes}):
        answer = spec.outcome(state.recorded[spec.code].outcome) if spec.code in state.recorded else None
        if answer is not None and answer.chooses:
            return answer.chooses
    return None


def check_deviation(state: DraftState, duur: int | None, outcome: Outcome, deviation: bool) -> None:
    """A departure needs special circumstances and goes towards a lighter measure; special circumstances on
    record need a departure.

    Raises:
        InvalidInput: a departure without special circumstances, a heavier one, or circumstances without one.
    """
    special = state.recorded.get(AWB_4_84)
    if deviation and (special is None or special.outcome != "ja"):
        raise InvalidInput({AWB_4_84: f"Het beleid stelt nu voor: {_route_label(state)}. Afwijken van het beleid "
                            "kan alleen als u bijzondere omstandigheden vastlegt (Awb 4:84)."})
    if deviation and _heavier(state, duur, outcome):
        raise InvalidInput({"soort": "Dit is zwaarder dan het beleid voorstelt. Artikel 4:84 Awb staat alleen "
                            "afwijken toe als het beleid iemand te zwaar treft: kies het voorstel of iets lichters."})
    if not deviation and special is not None and special.outcome == "ja" and (outcome.besluit or outcome.announces):
        raise InvalidInput({AWB_4_84: "U legde bijzondere omstandigheden vast, maar deze beslissing volgt het "
                            "beleid. Kies een lichtere maatregel of leg vast dat er geen bijzondere "
                            "omstandigheden zijn."})


def _route_label(state: DraftState) -> str:
    """The outcome the policy route leads to, in words: a refusal then says what policy proposes instead (a
    Bibob voornemen while the art. 32 notice is still due)."""
    route = chosen(state) or state.proposal.get("maatregel")
    return next((o.label for o in state.procedure.outcomes.values() if o.measure == route), str(route))


def _heavier(state: DraftState, duur: int | None, outcome: Outcome) -> bool:
    route = chosen(state) or state.proposal.get("maatregel") or ""
    if outcome.measure != route:
        return state.procedure.heavier(outcome.measure, route)
    proposed = state.proposal.get("duur")
    return route == state.proposal.get("maatregel") and proposed is not None and (duur or 0) > proposed
