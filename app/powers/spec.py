"""The contract every power package fills in: one `SPEC` with the pure functions and data the shells use.

A power is `app/powers/<code>/` (this SPEC), `rules/<code>/` (law as data, including its procedure),
`letter_templates/<code>/` and its manifest lines. The core reads nothing else about a power.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.domain.assessment import Assessment, ParameterValue
from app.domain.beslistermijn import TermijnAanvraag
from app.domain.history import Counted

if TYPE_CHECKING:
    from marshmallow import Schema

    from app.letters.kit import LetterKit

CaseFile = Mapping[str, Any]
FactsFromCase = Callable[[CaseFile, list[dict[str, Any]], Mapping[str, ParameterValue], date], dict]
Proposal = Callable[[Assessment], dict[str, Any]]
ExplainHistory = Callable[[CaseFile, list[dict[str, Any]], Mapping[str, ParameterValue]], list[Counted]]
Betrokkenen = Callable[[Mapping[str, Any], Mapping[str, ParameterValue]], list[dict[str, Any]]]
Breaches = Callable[[CaseFile, Mapping[str, ParameterValue]], tuple[date, ...]]
FollowUp = Callable[[Mapping[str, Any]], list[dict[str, Any]]]
Subject = Callable[[Mapping[str, Any]], str]
Panel = Callable[[CaseFile, Mapping[str, ParameterValue]], Mapping[str, Any]]
Joins = Callable[[CaseFile, CaseFile], dict[str, Any]]
DecisionPeriod = Callable[[CaseFile, Mapping[str, ParameterValue], date], TermijnAanvraag | None]


@dataclass(frozen=True)
class Task:
    """A follow-up step the case still needs, shown on the case page (e.g. the written order is not served)."""

    code: str
    text: str
    due: datetime | None = None
    overdue: bool = False


Tasks = Callable[[CaseFile, Mapping[str, ParameterValue], datetime], list[Task]]


@dataclass(frozen=True)
class PowerForm:
    """How the power's case file appears in the forms: Jinja partials under the power's `templates/`."""

    intake: str  # the case-file part of the intake form, e.g. "powers/damocles/intake.html"
    facts: str  # the facts section of the case page
    list_fields: tuple[str, ...] = ()  # multi-valued form fields (checkbox groups), dotted names
    rows: Mapping[str, int] = field(default_factory=dict)  # repeated rows the intake offers, per list field
    # A picture of the case file shown open at the top of the case page (e.g. a chronology as a timeline); it
    # reads `panel`, what `PowerSpec.panel` made of the case file.
    panel: str | None = None


@dataclass(frozen=True)
class BulkSpec:
    """A power whose letters can go out for many cases of one incident at once (a youth group): a bulk run.

    The jurist enters the shared part of the incident in `form` (a Jinja partial with the macros `fields` and
    `error_labels`, field names as in the power's melding) and uploads a member list with `columns` (required)
    and `optional_columns`; `member` turns one row into the rest of that member's melding (merged over the
    shared part and validated by the power's melding schema). `flags` names, in Dutch, why one case needs a
    person's own look: the kabinet reads every flagged letter and group judgements skip it.
    """

    outcomes: tuple[str, ...]  # what a run may draft: the rules' proposal when it is one of these
    form: str
    columns: tuple[str, ...]
    member: Callable[[Mapping[str, str]], dict[str, Any]]
    flags: Callable[[CaseFile], list[str]]
    # The melding's field paths a row fills -> the column they come from, so a row's error names its column.
    column_labels: Mapping[str, str]
    optional_columns: tuple[str, ...] = ()
    # What a column may hold, in words, where the schema's message alone would not say (a date's notation, a
    # list of allowed words): shown on the upload page and after a row's error in that column.
    column_hints: Mapping[str, str] = field(default_factory=dict)
    # Judgements that are never recorded for a group, only in each case (e.g. whether to refer to a binding
    # instrument after earlier letters: a weighing of that child's own history).
    individual_judgements: tuple[str, ...] = ()
    # A fictional group for `make run`: the shared incident (as the form sends it) and the member rows.
    demo: Callable[[date], tuple[dict[str, Any], list[dict[str, str]]]] | None = None


@dataclass(frozen=True)
class PowerSpec:
    """One power: how its report becomes a flat fact, what policy proposes, its forms, labels and letters."""

    code: str
    facts_from_case: FactsFromCase
    proposal: Proposal
    melding_schema: type[Schema]  # a subclass of schemas.melding.MeldingEnvelope
    case_file_schema: type[Schema]  # the `gegevens` of its melding
    editable_facts: tuple[str, ...]  # case-file fields a jurist may correct or complete
    form: PowerForm
    labels: Mapping[str, str]  # Dutch words for the power's own codes and case-file fields
    omschrijving: Callable[[Mapping[str, Any]], str]  # a short description for the case list
    case_file: Callable[[Mapping[str, Any]], dict[str, Any]]  # the stored case file of a loaded melding
    betrokkenen: Betrokkenen  # people and organisations in the case, with their roles
    letters: LetterKit
    templates: Path  # the folder of the Jinja partials
    demo: Callable[[date], list[dict[str, Any]]] = lambda _today: []  # fictional meldingen for `make run`
    tasks: Tasks | None = None  # open follow-up steps, if the power has any
    # Repeat offences (app/domain/history.py): the roles whose persons an earlier measure is counted against,
    # and the power's verdict on each earlier measure (counted or not, and why) for the case page.
    offender_roles: tuple[str, ...] = ()
    explain_history: ExplainHistory | None = None
    # Case-file fields that say what the measure is (e.g. the object closed): copied into the drafted
    # maatregel, and a besluit must not differ in them from the voornemen it was heard on.
    measure_fields: tuple[str, ...] = ()
    # The days this report shows conduct that may breach a running last onder dwangsom, one per established
    # violation as the power's policy counts them (a day twice: two violations on one day), with the power's
    # parameters on the peildatum: what an outcome that `collects` forfeits on.
    breaches: Breaches | None = None
    # Meldingen this power starts as a follow-up of another power's zaak (e.g. a letter to the parents of a
    # minor in it): given the source zaak as plain data, the meldingen in this power's melding shape.
    follow_up: FollowUp | None = None
    # Case-file fields that list people (e.g. the persons with parental authority): when the jurist adds one
    # through the facts form, `betrokkenen` is called again with {"adres", "gegevens"} and the new people
    # become betrokkenen (never removed there).
    people_fields: tuple[str, ...] = ()
    # Who a melding is about, from its case file (JSON types), where one source document may start one case per
    # subject (a police report of a deal: the seller and the buyer); None: one case per document.
    subject: Subject | None = None
    # The roles of the persons whose own conduct the case is about, where that is narrower than the roles
    # repeat offences are counted against (a Damocles closure counts per resident, but only the overtreder
    # dealt): what another power's follow-up may say a person did. Empty: the offender roles.
    conduct_roles: tuple[str, ...] = ()
    # The data of the power's `form.panel`, from the case file and the parameters on the peildatum (pure).
    panel: Panel | None = None
    # A power whose case is built from reports over time (incidents at one dwelling): a later report about the
    # address of an open zaak of this power that holds no approved besluit yet joins that zaak. Given the stored
    # case file and the new report's case file, the merged case file (pure); the report is kept as its own
    # melding. None: every report starts a zaak of its own.
    joins: Joins | None = None
    # The competent body of this case ("burgemeester" or "college"), from its case file, for a power whose index.yaml
    # says `orgaan: per_zaak` because the law gives the decision to the body that decides the underlying matter
    # (Bibob: the body that grants the permit applied for). It settles Zaak.orgaan (services/bodies.py): who
    # signs, whose mandate counts and to whom the bezwaar goes. None: the index's fixed `orgaan`.
    orgaan: Callable[[CaseFile], str] | None = None
    # A power that decides on applications: the decision period of the one in this case file (received, statutory
    # term, suspensions with their caps, verdaging), from the case file, the parameters on the peildatum and today;
    # None while the case file names no application. Shown on the case page, in /termijnen and stored on drafts.
    decision_period: DecisionPeriod | None = None
    # A power whose outcome can be drafted, reviewed and approved for a whole group at once (see BulkSpec).
    bulk: BulkSpec | None = None
