"""Damocles: closure of drug premises under art. 13b Opiumwet (rules/damocles/, letter_templates/damocles/)."""

from pathlib import Path

from app.powers.damocles import case
from app.powers.damocles.demo import demo_meldingen
from app.powers.damocles.facts import explain_history, facts_from_case
from app.powers.damocles.labels import LABELS
from app.powers.damocles.letters import DamoclesLetters
from app.powers.damocles.policy import proposal
from app.powers.damocles.schema import EDITABLE_FACTS, MEASURE_FIELDS, DamoclesCaseFileSchema, DamoclesMeldingSchema
from app.powers.spec import PowerForm, PowerSpec

SPEC = PowerSpec(
    code="damocles",
    facts_from_case=facts_from_case,
    proposal=proposal,
    melding_schema=DamoclesMeldingSchema,
    case_file_schema=DamoclesCaseFileSchema,
    editable_facts=EDITABLE_FACTS,
    form=PowerForm(
        intake="powers/damocles/intake.html", facts="powers/damocles/facts.html",
        list_fields=("gegevens.dealing_evidence", "gegevens.attributes_found"),
        rows={"gegevens.substances": 4, "gegevens.objects_13b_1b": 2, "bewoners": 3},
    ),
    labels=LABELS,
    omschrijving=case.omschrijving,
    case_file=case.case_file,
    betrokkenen=case.betrokkenen,
    letters=DamoclesLetters(),
    templates=Path(__file__).parent / "templates",
    demo=demo_meldingen,
    offender_roles=("bewoner", "overtreder"),  # a new tenant does not inherit a warning (recidive_telt_per)
    conduct_roles=("overtreder",),  # a resident (a child in the dwelling) is not said to have done anything
    explain_history=explain_history,
    measure_fields=MEASURE_FIELDS,
)
