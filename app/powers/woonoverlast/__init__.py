"""Woonoverlast: the behaviour order (gedragsaanwijzing) under art. 151d Gemeentewet with a dwangsom or
bestuursdwang, the presence ban and its extension, and the invorderingsbeschikking after a breach
(rules/woonoverlast/, letter_templates/woonoverlast/). The case is built from reports over time: a later report
about the dwelling joins the open zaak, and the chronology is shown as a timeline on the case page."""

from pathlib import Path

from app.powers.spec import PowerForm, PowerSpec
from app.powers.woonoverlast import case, tasks, timeline
from app.powers.woonoverlast.demo import demo_meldingen
from app.powers.woonoverlast.facts import breaches, facts_from_case, joins
from app.powers.woonoverlast.labels import LABELS
from app.powers.woonoverlast.letters import WoonoverlastLetters
from app.powers.woonoverlast.policy import proposal
from app.powers.woonoverlast.schema import (
    EDITABLE_FACTS,
    MEASURE_FIELDS,
    WoonoverlastCaseFileSchema,
    WoonoverlastMeldingSchema,
)

SPEC = PowerSpec(
    code="woonoverlast",
    facts_from_case=facts_from_case,
    proposal=proposal,
    melding_schema=WoonoverlastMeldingSchema,
    case_file_schema=WoonoverlastCaseFileSchema,
    editable_facts=EDITABLE_FACTS,
    form=PowerForm(
        intake="powers/woonoverlast/intake.html", facts="powers/woonoverlast/facts.html",
        panel="powers/woonoverlast/panel.html",
        rows={"gegevens.incidents": 6, "gegevens.softer_means": 4, "gegevens.instructions": 6},
    ),
    labels=LABELS,
    omschrijving=case.omschrijving,
    case_file=case.case_file,
    betrokkenen=case.betrokkenen,
    letters=WoonoverlastLetters(),
    templates=Path(__file__).parent / "templates",
    demo=demo_meldingen,
    offender_roles=("overtreder",),
    explain_history=case.explain_history,  # earlier warnings, orders and bans at this dwelling against this person
    measure_fields=MEASURE_FIELDS,
    breaches=breaches,
    panel=timeline.panel,
    joins=joins,
    tasks=tasks.tasks,  # instructions to make concrete before an order can be drafted
)
