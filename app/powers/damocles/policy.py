"""Damocles: the policy proposal read back out of an assessment (the beleid rule that fired)."""

from __future__ import annotations

from typing import Any

from app.domain.assessment import NIET_BEVOEGD, Assessment


def proposal(assessment: Assessment) -> dict[str, Any]:
    """The policy proposal: {maatregel: waarschuwing | sluiting | geen_actie, duur (months), parameter,
    steunt_op: further parameters the proposal rests on}.

    The months come from the dated parameter the beleid rule names, as resolved in the assessment.
    `geen_actie` means the policy proposes nothing: not empowered, or no policy cell applies (a coffeeshop
    or a ground the policy does not cover; see the verwijzing findings). A person always decides.
    """
    beleid = assessment.findings("beleid")
    if assessment.bevoegdheid == NIET_BEVOEGD or not beleid:
        return {"maatregel": "geen_actie", "duur": None, "eenheid": None, "parameter": None}
    entry = beleid[0]
    name = entry.conclusion.get("parameter")
    # The matrix cell depends on the offence number, so the proposal rests on how repeats are counted too; a
    # closure also on whether it is reserved to the mayor in person.
    rests_on = tuple(n for n in RESTS_ON if n in assessment.parameters)
    if name is None:
        return {"maatregel": entry.value, "duur": None, "eenheid": None, "parameter": None, "steunt_op": rests_on}
    months = assessment.parameters[name].value
    if type(months) is str:  # a cell that names its measure (a warning), confirmable like a duration
        return {"maatregel": entry.value, "duur": None, "eenheid": None, "parameter": name, "steunt_op": rests_on}
    if type(months) is not int:
        raise ValueError(f"parameter {name} must hold whole months, got {months!r}")
    return {"maatregel": entry.value, "duur": months, "eenheid": "months", "parameter": name, "steunt_op": rests_on}


RESTS_ON = ("recidive_termijn_jaren", "recidive_telt_per", "sluiting_voorbehouden_bij")
