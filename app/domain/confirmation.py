"""Policy that is not confirmed never reads as policy (pure).

A besluit, and a voornemen that announces one (it states the mayor's provisional view), may not rest on a
parameter value that the municipality has not confirmed with its official source: statute and case law
need no confirmation; every other value is a default until a beheerder confirms it. A warning or another
outcome that is not a besluit may still be drafted; its letters leave unconfirmed policy out
(app/letters/paragraphs.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from app.domain.assessment import BESLISDATUM, Assessment
from app.domain.errors import InvalidInput
from app.domain.procedure import Outcome, Procedure
from app.domain.wording import in_sentence

FIELD = "soort"  # the draft form's field for the outcome: the message appears there and in the API errors


def needs_confirmed_policy(outcome: Outcome) -> bool:
    """A besluit, or a voornemen that announces one."""
    return outcome.besluit or outcome.announces is not None


def require_confirmed_policy(procedure: Procedure, outcome: Outcome, assessment: Assessment,
                             proposal: Mapping[str, Any], labels: Mapping[str, str] | None = None) -> None:
    """Refuse drafting `outcome` while a value it rests on is still to confirm: one used by a rule that decides
    (competence, exception, policy), the proposal's parameters (`parameter`, `steunt_op`), the outcome's own
    duration and periods, and for a voornemen the terms of the besluit it announces (the begunstigingstermijn).

    `labels` are the power's Dutch words: the message names each parameter by its label, never its code.

    Raises:
        InvalidInput: {"soort": Dutch message naming the parameters and the date they must hold on}.
    """
    if not needs_confirmed_policy(outcome):
        return
    announced = procedure.outcome(outcome.announces).parameters if outcome.announces else ()
    rests_on = (proposal.get("parameter"), *proposal.get("steunt_op", ()), *announced, *outcome.parameters)
    names = assessment.unconfirmed(rests_on)
    if names:
        listed = "; ".join(_named(assessment, n, labels or {}) for n in names)
        raise InvalidInput({FIELD: (
            f"Een {in_sentence(outcome.label)} kan nog niet worden opgesteld: het steunt op waarden die de gemeente "
            f"nog niet heeft bevestigd: {listed}. Het zijn standaardwaarden, geen vastgesteld beleid. Vraag een "
            "beheerder om ze te bevestigen met de officiële bron (Beheer, Parameters), geldig op de genoemde "
            "datum; stel daarna het concept opnieuw op.")},
            "Het concept steunt op beleid dat nog niet is bevestigd.")


def _named(assessment: Assessment, name: str, labels: Mapping[str, str]) -> str:
    """"Grens voor eigen gebruik van harddrugs (lijst I), op 18-11-2026": the power's label, else the first
    sentence of the parameter's description; a person never reads the code."""
    value = assessment.parameters[name]
    what = labels.get(name) or (value.description.split(". ")[0].rstrip(".") if value.description else "")
    return f"{what or 'een waarde zonder naam'}, op {value_date(assessment, name).strftime('%d-%m-%Y')}"


def value_date(assessment: Assessment, name: str) -> date:
    """The date on which a parameter's value was taken: the decision date for policy, else the peildatum."""
    return assessment.policy_date if assessment.parameters[name].applies_at == BESLISDATUM else assessment.peildatum
