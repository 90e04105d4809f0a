"""Straathandel: last onder dwangsom for buyer and seller of drugs on the street under the APV, and the
invorderingsbeschikking after a breach (rules/straathandel/, letter_templates/straathandel/)."""

from pathlib import Path

from app.powers.spec import PowerForm, PowerSpec
from app.powers.straathandel import case
from app.powers.straathandel.demo import demo_meldingen
from app.powers.straathandel.facts import breaches, facts_from_case
from app.powers.straathandel.labels import LABELS
from app.powers.straathandel.letters import StraathandelLetters
from app.powers.straathandel.policy import proposal
from app.powers.straathandel.schema import (
    EDITABLE_FACTS,
    MEASURE_FIELDS,
    StraathandelCaseFileSchema,
    StraathandelMeldingSchema,
)

SPEC = PowerSpec(
    code="straathandel",
    facts_from_case=facts_from_case,
    proposal=proposal,
    melding_schema=StraathandelMeldingSchema,
    case_file_schema=StraathandelCaseFileSchema,
    editable_facts=EDITABLE_FACTS,
    form=PowerForm(
        intake="powers/straathandel/intake.html", facts="powers/straathandel/facts.html",
        list_fields=("gegevens.observations.0.items_found", "gegevens.observations.1.items_found"),
        rows={"gegevens.observations": 2, "gegevens.repetition_indicators": 3, "gegevens.gezaghebbenden": 2},
    ),
    labels=LABELS,
    omschrijving=case.omschrijving,
    case_file=case.case_file,
    betrokkenen=case.betrokkenen,
    letters=StraathandelLetters(),
    templates=Path(__file__).parent / "templates",
    demo=demo_meldingen,
    offender_roles=("overtreder",),
    explain_history=case.explain_history,  # earlier orders against the same person, never per address
    measure_fields=MEASURE_FIELDS,
    breaches=breaches,
    subject=case.subject,
    people_fields=("gezaghebbenden",),  # a parent with authority found later becomes a betrokkene (and addressee)
)
