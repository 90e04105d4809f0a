"""The beslissing workflow: concept -> ter_vaststelling -> vastgesteld -> verzonden; returning goes to concept."""

from __future__ import annotations

from app.domain.errors import InvalidTransition
from app.domain.procedure import VOORNEMEN, Outcome, Procedure

TRANSITIONS: dict[tuple[str, str], str] = {
    ("concept", "redraft"): "concept",
    ("concept", "submit"): "ter_vaststelling",
    ("concept", "decide"): "vastgesteld",  # decided on the spot by the officer in mandate; reviewed afterwards
    ("ter_vaststelling", "approve"): "vastgesteld",
    ("ter_vaststelling", "return"): "concept",
    ("ter_vaststelling", "withdraw"): "concept",  # the jurist takes his offer back before it is approved
    ("vastgesteld", "send"): "verzonden",
}

_STATUS_WORDS = {
    "concept": "nog een concept",
    "ter_vaststelling": "al ter vaststelling aangeboden",
    "vastgesteld": "al vastgesteld",
    "verzonden": "al verzonden",
}


def next_status(status: str, action: str) -> str:
    """The status after `action`; raises InvalidTransition with a Dutch message when not allowed."""
    try:
        return TRANSITIONS[(status, action)]
    except KeyError:
        raise InvalidTransition(f"Deze beslissing is {_STATUS_WORDS.get(status, status)}.") from None


def fase_after(outcome: Outcome, action: str) -> str:
    """The zaak fase after a step on one of its beslissingen (domain README §3), from the outcome's procedure:
    a voornemen waits for the zienswijze, a decision goes out for dispatch, a warning stays with the policy.
    The decision on a bezwaar belongs to the aftercare: only its approval sends the zaak back to dispatch."""
    if outcome.reconsiders:
        return "verzending" if action == "approve" else "nazorg"
    if action == "submit":
        return "review"
    if action in ("return", "withdraw"):
        return "evenredigheid"
    if outcome.announces:
        return "voornemen"
    if action == "draft":
        return "besluit" if outcome.besluit else "beleid"
    return "verzending"  # approved (or decided on the spot): the letters go out


STEPS = ("melding", "feiten", "bevoegdheid", "beleid", "evenredigheid", "voornemen", "besluit", "review",
         "verzending", "nazorg")


def steps(procedure: Procedure) -> tuple[str, ...]:
    """The fasen a zaak of this power goes through: a power without policy judgements has no policy step,
    one without a voornemen no voornemen step (a huisverbod goes from the imposition to review)."""
    stappen = {j.stap for j in procedure.judgements}
    skip = {s for s in ("beleid", "evenredigheid") if s not in stappen}
    if not any(o.hearing == VOORNEMEN for o in procedure.outcomes.values()):
        skip.add("voornemen")
    return tuple(s for s in STEPS if s not in skip)
