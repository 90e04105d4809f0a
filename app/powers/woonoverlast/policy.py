"""Woonoverlast: the policy proposal read out of an assessment (rules/woonoverlast/, the `beleid` findings).

The ladder (to confirm with the municipality): a warning until `waarschuwingen_voor_last` dated warnings were
given, then a gedragsaanwijzing under a last onder dwangsom with the amount, maximum and looptijd of the dated
parameters. A presence ban (151d lid 3) and its extension follow the case file; a breach of a running order leads
to collection. A person always decides: the proposal never chooses, and the sanctievorm judgement may choose
bestuursdwang instead.
"""

from __future__ import annotations

from typing import Any

from app.domain.assessment import NIET_BEVOEGD, Assessment
from app.powers.woonoverlast.facts import APV_NORM, COUNTING

WARNING, ORDER = "waarschuwing", "last_onder_dwangsom"
BAN, EXTENSION, COLLECT = "aanwezigheidsverbod", "verlenging", "invordering"
LOOPTIJD, AMOUNT, MAXIMUM = "looptijd_maanden", "dwangsom_bedrag_eur", "dwangsom_maximum_eur"
BAN_DAYS, BAN_MAX = "aanwezigheidsverbod_dagen", "aanwezigheidsverbod_max_dagen"
STEP = "waarschuwingen_voor_last"
# Every parameter a proposal rests on: a besluit waits until the municipality confirmed them.
ALWAYS = (APV_NORM, "minimum_incidenten", "waarnemingsperiode_maanden")
_NOTHING = {"maatregel": "geen_actie", "duur": None, "eenheid": None, "parameter": None, "steunt_op": ()}


def proposal(assessment: Assessment) -> dict[str, Any]:
    """{maatregel, duur, eenheid, parameter, steunt_op} and for a last onder dwangsom dwangsom_bedrag_eur and
    dwangsom_maximum_eur; `geen_actie` when the burgemeester is not competent or nothing applies."""
    facts = assessment.facts
    if facts.get("running_dwangsom_order") is True and facts.get("breach_present") is True:
        # A breach of a running order: collect what it forfeited (Awb 5:37), never a second order (Awb 5:6).
        return {**_NOTHING, "maatregel": COLLECT, "steunt_op": _known(assessment, COUNTING)}
    if assessment.bevoegdheid == NIET_BEVOEGD or facts.get("running_order") is True:
        return dict(_NOTHING)
    ban = _ban(assessment)
    if ban is not None:
        return ban
    policy = {e.value for e in assessment.findings("beleid")}
    if WARNING in policy:
        return {"maatregel": WARNING, "duur": None, "eenheid": None, "parameter": None,
                "steunt_op": _known(assessment, STEP, *ALWAYS)}
    return _order(assessment) if ORDER in policy else dict(_NOTHING)


def _ban(assessment: Assessment) -> dict[str, Any] | None:
    """The extension of a running ban when a new end is on file, else the ban when its start is on file."""
    facts = assessment.facts
    # An extension on file is what is asked; whether it is still possible (the ban runs, four weeks at most) the
    # rules say with their reasons, so it is never mistaken for a departure from the order policy (Awb 4:84).
    if facts.get("ban_extension_requested") is True and facts.get("ban_requested") is True:
        return {"maatregel": EXTENSION, "duur": None, "eenheid": "days", "parameter": BAN_MAX,
                "steunt_op": _known(assessment, *ALWAYS)}
    if facts.get("ban_requested") is True and facts.get("ban_extension_requested") is not True:
        return {"maatregel": BAN, "duur": _int(assessment, BAN_DAYS), "eenheid": "days", "parameter": BAN_DAYS,
                "steunt_op": _known(assessment, *ALWAYS)}
    return None


def _order(assessment: Assessment) -> dict[str, Any]:
    params = assessment.parameters
    return {"maatregel": ORDER, "duur": _int(assessment, LOOPTIJD), "eenheid": "months", "parameter": LOOPTIJD,
            "steunt_op": _known(assessment, AMOUNT, MAXIMUM, "begunstigingstermijn_dagen", STEP, COUNTING, *ALWAYS),
            AMOUNT: euro(params[AMOUNT].value), MAXIMUM: euro(params[MAXIMUM].value)}


def _known(assessment: Assessment, *names: str) -> tuple[str, ...]:
    return tuple(n for n in dict.fromkeys(names) if n in assessment.parameters)


def _int(assessment: Assessment, name: str) -> int | None:
    found = assessment.parameters.get(name)
    return int(found.value) if found is not None else None


def euro(value: float) -> int | float:
    """Whole euros as an int, otherwise rounded to cents."""
    rounded = round(float(value), 2)
    return int(rounded) if rounded == int(rounded) else rounded
