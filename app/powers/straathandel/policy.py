"""Straathandel: the policy proposal read out of an assessment: amount per violation, maximum and looptijd by
role and by age at the observation (the minor factor), from the dated parameters."""

from __future__ import annotations

from typing import Any

from app.domain.assessment import NIET_BEVOEGD, Assessment
from app.powers.straathandel.facts import APV_NORM, COUNTING

MEASURE = "last_onder_dwangsom"
COLLECT = "invordering"  # the measure of the invorderingsbeschikking
LOOPTIJD = "looptijd_maanden"
HALVED = "halvering_minderjarige"  # the evenredigheid finding of a person under the halving age
# Every parameter the proposal or the letters rest on: a besluit waits until the municipality confirmed them.
ALWAYS = (COUNTING, APV_NORM)
_NOTHING = {"maatregel": "geen_actie", "duur": None, "eenheid": None, "parameter": None}


def group(role: str | None) -> str:
    """The policy group of a role: a buyer has his own amounts; a mediator or helper counts as a seller."""
    return "koper" if role == "koper" else "verkoper"


def proposal(assessment: Assessment) -> dict[str, Any]:
    """{maatregel, duur (months), eenheid, parameter, steunt_op, dwangsom_bedrag_eur, dwangsom_maximum_eur}, or
    `geen_actie` when the burgemeester is not competent or the policy proposes nothing (under the minimum age, a
    running order: then an invorderingsbeschikking may apply). A person always decides."""
    if assessment.facts.get("running_order_same_role") is True:
        # A report within a running order's looptijd: what applies is collecting what it forfeited (Awb 5:37).
        return {**_NOTHING, "maatregel": COLLECT, "steunt_op": (COUNTING,)}
    if assessment.bevoegdheid == NIET_BEVOEGD or not assessment.findings("beleid"):
        return dict(_NOTHING)
    params = assessment.parameters
    kind = group(assessment.facts.get("dealing_role"))
    names = [f"dwangsom_bedrag_{kind}_eur", f"dwangsom_maximum_{kind}_eur"]
    amount, maximum = (params[n].value for n in names)
    if any(e.value == HALVED for e in assessment.findings("evenredigheid")):
        names.append("minderjarige_factor")
        amount, maximum = (x * params["minderjarige_factor"].value for x in (amount, maximum))
    months = params[LOOPTIJD].value
    return {"maatregel": MEASURE, "duur": int(months), "eenheid": "months", "parameter": LOOPTIJD,
            "steunt_op": (*names, *(n for n in ALWAYS if n in params)),
            "dwangsom_bedrag_eur": euro(amount), "dwangsom_maximum_eur": euro(maximum)}


def euro(value: float) -> int | float:
    """Whole euros as an int, otherwise rounded to cents."""
    rounded = round(float(value), 2)
    return int(rounded) if rounded == int(rounded) else rounded
