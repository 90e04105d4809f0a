"""Policy that is not confirmed never reads as policy (pure).

A besluit, and a voornemen that announces one (it states the mayor's provisional view), may not rest on a
parameter value that the municipality has not confirmed with its official source: statute and case law
need no confirmation; every other value is a default until a beheerder confirms it. A warning or another
outcome that is not a besluit may still be drafted; its letters leave unconfirmed policy out
(app/letters/paragraphs.py).
"""

from __future__ import annotations

from app.domain.assessment import Assessment
from app.domain.errors import InvalidInput
from app.domain.procedure import Outcome

FIELD = "soort"  # the draft form's field for the outcome: the message appears there and in the API errors


def needs_confirmed_policy(outcome: Outcome) -> bool:
    """A besluit, or a voornemen that announces one."""
    return outcome.besluit or outcome.announces is not None


def require_confirmed_policy(outcome: Outcome, assessment: Assessment, proposal_parameter: str | None) -> None:
    """Refuse drafting `outcome` while a value used by a fired rule or by the proposal is still to confirm.

    Raises:
        InvalidInput: {"soort": Dutch message naming the parameters}.
    """
    if not needs_confirmed_policy(outcome):
        return
    names = assessment.unconfirmed((proposal_parameter,))
    if names:
        raise InvalidInput({FIELD: (
            f"Een {outcome.label.lower()} kan nog niet worden opgesteld: het steunt op waarden die de gemeente "
            f"nog niet heeft bevestigd ({', '.join(names)}). Het zijn standaardwaarden, geen vastgesteld beleid. "
            "Vraag een beheerder om ze te bevestigen met de officiële bron (Beheer, Parameters); stel "
            "daarna het concept opnieuw op.")},
            "Het concept steunt op beleid dat nog niet is bevestigd.")
