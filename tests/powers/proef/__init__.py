"""A fictional power for the tests, built from the fixture rulebook tests/rules/fixtures/rules/proef.

It lives outside app/ on purpose: tests/powers/test_every_power.py registers it next to the real powers,
with its rules, templates and manifest lines in a temporary copy of the folders, and runs the generic
flow over all of them. If a power needed an edit to the core, this one could not work.
"""

from pathlib import Path

from app.powers.spec import PowerForm, PowerSpec
from tests.powers.proef import aanvraag, case
from tests.powers.proef.letters import ProefLetters
from tests.powers.proef.schema import EDITABLE_FACTS, ProefCaseFileSchema, ProefMeldingSchema

HERE = Path(__file__).parent

SPEC = PowerSpec(
    code="proef",
    facts_from_case=case.facts_from_case,
    proposal=case.proposal,
    melding_schema=ProefMeldingSchema,
    case_file_schema=ProefCaseFileSchema,
    editable_facts=EDITABLE_FACTS,
    form=PowerForm(intake="powers/proef/intake.html", facts="powers/proef/facts.html", rows={"bewoners": 2}),
    labels=case.LABELS,
    omschrijving=case.omschrijving,
    case_file=case.case_file,
    betrokkenen=case.betrokkenen,
    letters=ProefLetters(),
    templates=HERE / "templates",
    decision_period=aanvraag.decision_period,
)
