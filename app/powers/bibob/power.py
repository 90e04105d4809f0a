"""Bibob: refusal, withdrawal or conditions after an integrity screening of a permit (Wet Bibob art. 3;
rules/bibob/, letter_templates/bibob/). The body that decides the permit decides (orgaan per zaak), access is
limited to the people on the zaak's list (art. 28), and the decision period of the application is suspended while
the Landelijk Bureau Bibob advises (art. 31)."""

from pathlib import Path

from app.powers.bibob import case, tasks, term
from app.powers.bibob.demo import demo_meldingen
from app.powers.bibob.facts import facts_from_case
from app.powers.bibob.labels import LABELS
from app.powers.bibob.letters import BibobLetters
from app.powers.bibob.policy import proposal
from app.powers.bibob.schema import (
    EDITABLE_FACTS,
    MEASURE_FIELDS,
    PEOPLE_FIELDS,
    BibobCaseFileSchema,
    BibobMeldingSchema,
)
from app.powers.spec import PowerForm, PowerSpec

SPEC = PowerSpec(
    code="bibob",
    facts_from_case=facts_from_case,
    proposal=proposal,
    melding_schema=BibobMeldingSchema,
    case_file_schema=BibobCaseFileSchema,
    editable_facts=EDITABLE_FACTS,
    form=PowerForm(intake="powers/bibob/intake.html", facts="powers/bibob/facts.html",
                   rows={"gegevens.related_persons": 3, "gegevens.own_research": 2, "gegevens.facts_3a": 2}),
    labels=LABELS,
    omschrijving=case.omschrijving,
    case_file=case.case_file,
    betrokkenen=case.betrokkenen,
    letters=BibobLetters(),
    templates=Path(__file__).parent / "templates",
    demo=demo_meldingen,
    tasks=tasks.tasks,
    measure_fields=MEASURE_FIELDS,
    people_fields=PEOPLE_FIELDS,
    orgaan=case.orgaan,  # the body that decides the permit: application.competent_body
    decision_period=term.decision_period,
)
