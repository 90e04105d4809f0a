"""Bibob: the next step the rules see, and a policy proposal only where the step is one the law or the policy
fixes (read out of an assessment, pure).

After a screening the choice between refusal, conditions and grant follows from a person's judgements on the
degree of danger and proportionality (mate_van_gevaar, evenredig_3_lid_5): the proposal then has no measure, so
following those judgements is never an Awb 4:84 deviation. A measure is proposed only for an incomplete
application after the herstel period (buiten behandeling, Awb 4:5), the art. 32 notice once advice is asked, and a
grant where nothing at all points to danger.

Every voornemen and besluit prints the permit's own legal basis and the Maastricht Bibob policy: the proposal rests
on both (steunt_op), so drafting refuses them until a beheerder confirmed them (app/domain/confirmation.py).
"""

from __future__ import annotations

from typing import Any

from app.domain.assessment import NIET_BEVOEGD, Assessment
from app.powers.bibob.facts import BODY_PER_PERMIT, IN_SCOPE, PERMIT_BASIS, POLICY, STANDARD_CONDITIONS

# The steps, in the order the procedure takes them (labels.py words them).
STEPS = ("afsluiten", "niet_bevoegd", "herstel_vragen", "herstel_afwachten", "buiten_behandeling",
         "mededeling_sturen", "advies_afwachten", "eigen_onderzoek_aanvullen", "verlenen", "geen_grond_intrekking",
         "gevaar_beoordelen")
# The measure a step proposes (index.yaml outcome measures); other steps propose none.
PROPOSED = {"buiten_behandeling": "buiten_behandeling", "mededeling_sturen": "mededeling", "verlenen": "verlening"}
NO_GROUND = "geen_grond_voor_gevaar"  # the rule that finds nothing usable about danger


def proposal(assessment: Assessment) -> dict[str, Any]:
    """{maatregel, duur, eenheid, parameter, stap, steunt_op}: `stap` is one of STEPS; `maatregel` is set only for
    the steps in PROPOSED."""
    step = next_step(assessment)
    rests_on = [IN_SCOPE, BODY_PER_PERMIT, PERMIT_BASIS, POLICY]
    if assessment.facts.get("conditions_present") is True:
        rests_on.append(STANDARD_CONDITIONS)
    return {"maatregel": PROPOSED.get(step), "duur": None, "eenheid": None, "parameter": None, "stap": step,
            "steunt_op": tuple(n for n in rests_on if n in assessment.parameters)}


def next_step(assessment: Assessment) -> str:
    """Where the case stands, from the facts and the rules that fired."""
    facts = assessment.facts
    if facts.get("application_withdrawn") is True:
        return "afsluiten"
    if assessment.bevoegdheid == NIET_BEVOEGD:
        return "niet_bevoegd"
    return _form_step(facts) or _advice_step(facts) or _danger_step(assessment)


def _form_step(facts: dict[str, Any]) -> str | None:
    """Awb 4:5: an application with an incomplete Bibob form waits for herstel, then is not processed."""
    if facts.get("screening_route") != "aanvraag" or facts.get("bibob_form_complete") is True:
        return None
    if facts.get("herstel_requested") is not True:
        return "herstel_vragen"
    return "buiten_behandeling" if facts.get("hersteltermijn_expired") is True else "herstel_afwachten"


def _advice_step(facts: dict[str, Any]) -> str | None:
    if facts.get("lbb_requested") is not True:
        return None
    if facts.get("lbb_notice_sent") is not True:
        return "mededeling_sturen"
    if facts.get("lbb_declined") is True:
        return "eigen_onderzoek_aanvullen"
    return None if facts.get("lbb_received") is True else "advies_afwachten"


def _danger_step(assessment: Assessment) -> str:
    if any(entry.rule == NO_GROUND for entry in assessment.fired):
        return "verlenen" if assessment.facts.get("screening_route") == "aanvraag" else "geen_grond_intrekking"
    return "gevaar_beoordelen"
