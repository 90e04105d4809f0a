"""Tijdelijk huisverbod (Wet tijdelijk huisverbod): rules/huisverbod/, letter_templates/huisverbod/."""

from pathlib import Path

from app.powers.huisverbod import case
from app.powers.huisverbod.demo import demo_meldingen
from app.powers.huisverbod.facts import facts_from_case
from app.powers.huisverbod.labels import LABELS
from app.powers.huisverbod.letters import HuisverbodLetters
from app.powers.huisverbod.policy import proposal
from app.powers.huisverbod.schema import EDITABLE_FACTS, HuisverbodCaseFileSchema, HuisverbodMeldingSchema
from app.powers.spec import PowerForm, PowerSpec

SPEC = PowerSpec(
    code="huisverbod",
    facts_from_case=facts_from_case,
    proposal=proposal,
    melding_schema=HuisverbodMeldingSchema,
    case_file_schema=HuisverbodCaseFileSchema,
    editable_facts=EDITABLE_FACTS,
    form=PowerForm(
        intake="powers/huisverbod/intake.html", facts="powers/huisverbod/facts.html",
        rows={"gegevens.rihg.factors": 4, "gegevens.household": 3},
    ),
    labels=LABELS,
    omschrijving=case.omschrijving,
    case_file=case.case_file,
    betrokkenen=case.betrokkenen,
    letters=HuisverbodLetters(),
    templates=Path(__file__).parent / "templates",
    demo=demo_meldingen,
    tasks=case.tasks,
)
