"""Brief aan de ouders met gezag over een minderjarige (ouderbrief): rules/ouderbrief/,
letter_templates/ouderbrief/. An information letter, not a besluit (ouderbrief.md §1)."""

from pathlib import Path

from app.powers.ouderbrief import case
from app.powers.ouderbrief.bulk import BULK
from app.powers.ouderbrief.demo import demo_meldingen
from app.powers.ouderbrief.facts import explain_history, facts_from_case
from app.powers.ouderbrief.follow_up import follow_up
from app.powers.ouderbrief.labels import LABELS
from app.powers.ouderbrief.letters import OuderbriefLetters
from app.powers.ouderbrief.schema import EDITABLE_FACTS, OuderbriefCaseFileSchema, OuderbriefMeldingSchema
from app.powers.spec import PowerForm, PowerSpec

SPEC = PowerSpec(
    code="ouderbrief",
    facts_from_case=facts_from_case,
    proposal=case.proposal,
    melding_schema=OuderbriefMeldingSchema,
    case_file_schema=OuderbriefCaseFileSchema,
    editable_facts=EDITABLE_FACTS,
    form=PowerForm(intake="powers/ouderbrief/intake.html", facts="powers/ouderbrief/facts.html",
                   rows={"gegevens.gezaghebbenden": 2, "gegevens.other_interventions": 2}),
    labels=LABELS,
    omschrijving=case.omschrijving,
    case_file=case.case_file,
    betrokkenen=case.betrokkenen,
    letters=OuderbriefLetters(),
    templates=Path(__file__).parent / "templates",
    demo=demo_meldingen,
    tasks=case.tasks,
    offender_roles=(case.CHILD,),  # earlier letters count per child: name and date of birth
    explain_history=explain_history,
    follow_up=follow_up,  # a letter to the parents of each minor in another power's zaak
    people_fields=("gezaghebbenden",),  # a person with authority found by a manual look-up becomes a betrokkene
    subject=case.subject,  # one police report of a group incident: one case per child
    bulk=BULK,  # a youth group: one run of letters, reviewed on a sample and approved as a whole
)
