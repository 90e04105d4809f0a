"""A power's procedure as plain data: its outcomes (decision options) and the judgements people record.

Read from `rules/<power>/index.yaml` by the rulebook and consumed by the pure drafting, judgement and
workflow functions, so that the Awb procedure of a power (is it a besluit, which hearing, which periods
and whether the Algemene termijnenwet applies, who may decide it in mandate, which legal remedy) is data
that a jurist can read, not Python that names one power.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from app.domain.errors import InvalidInput

# How the person concerned is heard before the decision (awb-procedure.md §2).
VOORNEMEN = "voornemen"  # a written voornemen, then the zienswijze or a reasoned Awb 4:11 exception
HORING = "horen"  # heard before deciding, recorded as a judgement (e.g. Wth art. 9 extension)
ACHTERAF = "achteraf"  # urgent: heard as far as possible on the spot; review and court come afterwards
GEEN = "geen"  # no hearing: not a besluit (a warning, a letter to parents)
HEARINGS = (VOORNEMEN, HORING, ACHTERAF, GEEN)

REVIEWS = ("vooraf", "achteraf")  # the kabinet approves before the decision, or checks it afterwards
REMEDIES = ("bezwaar", "beroep", "geen")  # bezwaar to the body; direct beroep to the rechtbank; none
BODIES = ("burgemeester", "college")
# index.yaml `orgaan: per_zaak`: which body decides is settled per zaak from its case file (PowerSpec.orgaan), e.g.
# the body that grants the permit applied for; the outcomes then carry this marker as their body.
PER_ZAAK = "per_zaak"
# A body in a sentence ("... is bevoegd"), and how a letter names it after "bij" or "van".
BODY_WORDS = {"burgemeester": "de burgemeester", "college": "het college van burgemeester en wethouders"}
# The capacity in which a signatory decides (Mandaat.hoedanigheid). The body itself and its lawful
# substitute may always decide; the others only where an outcome's `mandate` lists them.
ORGAAN, PLAATSVERVANGER = "orgaan", "plaatsvervanger"
CAPACITIES = (ORGAAN, PLAATSVERVANGER, "gemandateerde", "hulpofficier_van_justitie")
UNITS = ("months", "weeks", "days", "hours")
GENERAL_PREFIX = "algemeen."  # a parameter of rules/algemeen/parameters, e.g. algemeen.bezwaartermijn_weken


@dataclass(frozen=True)
class Period:
    """A term that runs from the verzenddatum: its end date is printed in the letters."""

    name: str  # e.g. zienswijze_tot, begunstigingstermijn_tot
    parameter: str  # the length; "algemeen.<name>" for a general parameter
    unit: str  # days | weeks
    termijnenwet: bool  # does the Algemene termijnenwet move its end off a weekend or feestdag?
    # What the period counts from: the verzenddatum, or the day of each breach of a running order (the payment
    # of a forfeited dwangsom, Awb 5:33, and its limitation, 5:35, run from the forfeiture, not the letter).
    runs_from: str = "verzending"


RUNS_FROM = ("verzending", "overtreding")


@dataclass(frozen=True)
class Penalty:
    """A last onder dwangsom (Awb 5:31d, 5:32b): the proposal's keys for the amount per violation and the
    maximum, which a person may lower (a departure from policy) but never raise."""

    amount: str  # a key of the power's proposal, e.g. dwangsom_bedrag_eur
    maximum: str  # a key of the power's proposal, e.g. dwangsom_maximum_eur


@dataclass(frozen=True)
class Duration:
    """How long the measure lasts, in `unit`; a clock duration runs on the wall clock, to the minute."""

    unit: str
    maximum: str | None = None  # parameter: the longest a person may choose
    fixed: str | None = None  # parameter: the length the law fixes (no choice)
    maximum_total: str | None = None  # parameter: with extensions, at most this long after the first start
    clock: bool = False  # to the clock time and never shifted (Wth art. 13); the measure has moments
    starts_after: str | None = None  # the period after whose end the measure starts (a begunstigingstermijn)
    starts_at: str | None = None  # the case-file moment at which the measure starts (e.g. imposed_at)
    ends_at: str | None = None  # the case-file moment a person chose as the new end (e.g. of an extension)

    @property
    def parameters(self) -> tuple[str, ...]:
        return tuple(p for p in (self.maximum, self.fixed, self.maximum_total) if p)


@dataclass(frozen=True)
class Outcome:
    """One decision option of a power and the procedure that goes with it."""

    code: str
    label: str
    besluit: bool
    measure: str  # the policy measure it carries out (the proposal's maatregel), e.g. sluiting
    hearing: str
    review: str
    body: str  # a body of BODIES, or PER_ZAAK: the zaak's settled body (body_of)
    remedy: str
    mandate: tuple[str, ...] = ()  # capacities, besides the body and its substitute, that may decide it
    announces: str | None = None  # a voornemen: the outcome whose zienswijze it opens
    extends: str | None = None  # an extension of the measure of that outcome
    ends: str | None = None  # a withdrawal of the measure of that outcome
    # The case-file moment a person chose for the decision to take effect (e.g. a withdrawal at 18.00), so the
    # letters can name it; without one, a withdrawal takes effect when it is approved.
    takes_effect_at: str | None = None
    on_the_spot: bool = False  # decided when it happens, by the reporting officer in mandate
    one_in_force: bool = False  # Awb 5:6: no second herstelsanctie while this one is in force
    escalation: bool = False  # counts as an earlier measure when the next case is assessed
    duration: Duration | None = None
    periods: tuple[Period, ...] = ()
    recipients: tuple[str, ...] = ()  # roles that get a letter, in this order
    required_recipients: tuple[str, ...] = ()  # roles that must be known before drafting
    # Roles told the content without being an addressee of the besluit (a notice, no legal remedy clause),
    # e.g. Veilig Thuis under Wth art. 2 lid 8.
    notified: tuple[str, ...] = ()
    # The Awb 4:11 grounds a person may record instead of hearing before this outcome (domain/hearing.py).
    # A closure announced in advance cannot claim surprise (4:11 c), so a power may narrow the list.
    hearing_exceptions: tuple[str, ...] = ()
    # The decision on a bezwaar (Awb 7:11): it reconsiders an earlier besluit of the same power, is drafted in
    # the bezwaar stage (not the drafting form) and signed under the mandate for the besluit it reconsiders.
    reconsiders: bool = False
    penalty: Penalty | None = None  # a last onder dwangsom: amount per violation and maximum
    # An invorderingsbeschikking (Awb 5:37): it collects what a running order of that outcome forfeited by the
    # breaches this zaak reports; the order is found among the earlier measures against the same person.
    collects: str | None = None
    # A minor offender is an addressee himself, and each betrokkene in this role (the persons with parental
    # authority) gets the same decision while he is a minor on the verzenddatum.
    guardians: str | None = None
    # The category of the yearly figures it counts in (index.yaml `cijfers`, domain/figures.py CATEGORIES), e.g.
    # a closure; None: preparation (a voornemen) that the safety plan's table does not count.
    cijfers: str | None = None

    @property
    def parameters(self) -> tuple[str, ...]:
        """Every parameter the outcome's procedure reads."""
        own = self.duration.parameters if self.duration else ()
        return (*own, *(p.parameter for p in self.periods))

    def may_decide(self, capacity: str) -> bool:
        """The body itself, its lawful substitute, and the capacities the outcome's mandate lists."""
        return capacity in (ORGAAN, PLAATSVERVANGER) or capacity in self.mandate


def body_of(outcome: Outcome, orgaan: str) -> str:
    """The body that decides `outcome` in a zaak whose settled body is `orgaan` (Zaak.orgaan): the outcome's own
    body, or the zaak's where the power settles it per zaak."""
    return orgaan if outcome.body == PER_ZAAK else outcome.body


def decided_by(outcome: Outcome, orgaan: str | None) -> Outcome:
    """The outcome with its body settled for a zaak (mandates and signatures read `outcome.body`); without a body
    an outcome of a per-zaak power keeps the marker, which no mandate matches."""
    return outcome if orgaan is None or outcome.body != PER_ZAAK else replace(outcome, body=orgaan)


def bodies(orgaan: str) -> tuple[str, ...]:
    """The bodies that may decide a power's zaken, from its index.yaml `orgaan`."""
    return BODIES if orgaan == PER_ZAAK else (orgaan,)


def body_words(body: str, capital: bool = False) -> str:
    """ "de burgemeester", "het college van burgemeester en wethouders"; an unsettled body in general words."""
    words = BODY_WORDS.get(body, "het bestuursorgaan")
    return words[0].upper() + words[1:] if capital else words


@dataclass(frozen=True)
class JudgementOutcome:
    """One possible answer to a judgement; `blocks` lists the outcomes it makes impossible, and why."""

    code: str
    label: str
    blocks: tuple[str, ...] = ()
    reason: str = ""
    # For a `decides_measure` judgement: the measure this answer chooses (following it is no Awb 4:84 deviation).
    chooses: str | None = None


DEFAULT_JUDGEMENT_OUTCOMES = (JudgementOutcome("ja", "Ja"), JudgementOutcome("nee", "Nee"))


@dataclass(frozen=True)
class JudgementSpec:
    """A judgement a person records (never the system): code, step, question, guidance, answers."""

    code: str
    stap: str
    vraag: str
    toelichting: str = ""
    required_for: tuple[str, ...] = ()
    bevoegd_bij: str | None = None  # a competence judgement: the answer that establishes the ground
    outcomes: tuple[JudgementOutcome, ...] = DEFAULT_JUDGEMENT_OUTCOMES
    # "nieuwe_feiten" (a zienswijze with new facts) and case-file fields whose change reopens it.
    reopened_by: tuple[str, ...] = ()
    # When the rules ask for it, the person's answer chooses the measure: following it is no 4:84 deviation.
    decides_measure: bool = False
    # Answered afresh for every decision that needs it (a hearing, the reasons for an extension): the answer
    # lapses once such a decision is approved, so the next one cannot reuse it.
    per_decision: bool = False

    def outcome(self, code: str) -> JudgementOutcome | None:
        return next((o for o in self.outcomes if o.code == code), None)


@dataclass(frozen=True)
class Procedure:
    """The outcomes and judgements of one power, by code."""

    outcomes: Mapping[str, Outcome] = field(default_factory=dict)
    judgements: tuple[JudgementSpec, ...] = ()
    measure_order: tuple[str, ...] = ()  # measures from lightest to heaviest (index.yaml `measure_order`)
    # Whether the triggered competence judgements are alternative grounds (`any`: one established ground
    # suffices, Opiumwet 13b lid 1 a or b) or cumulative conditions (`all`: Gemeentewet 151d, serious AND
    # repeated AND no other suitable means); index.yaml `competence_judgements`.
    competence_judgements: str = "any"

    @property
    def cumulative_competence(self) -> bool:
        """Whether every triggered competence judgement must hold (`competence_judgements: all`)."""
        return self.competence_judgements == "all"

    def heavier(self, measure: str, than: str) -> bool:
        """Whether `measure` is heavier than `than` in the power's order (unknown: not heavier)."""
        order = self.measure_order
        return measure in order and than in order and order.index(measure) > order.index(than)

    def outcome(self, code: str) -> Outcome:
        """The outcome with this code.

        Raises:
            InvalidInput: the power has no such outcome.
        """
        try:
            return self.outcomes[code]
        except KeyError:
            raise InvalidInput({"soort": "Deze beslissing bestaat niet voor deze bevoegdheid."}) from None

    def judgement(self, code: str) -> JudgementSpec | None:
        return next((j for j in self.judgements if j.code == code), None)

    def on_the_spot(self) -> Outcome | None:
        """The outcome the reporting officer decides when it happens, if the power has one."""
        return next((o for o in self.outcomes.values() if o.on_the_spot), None)

    def escalation_kinds(self) -> tuple[str, ...]:
        """Outcomes that count as an earlier measure for the next case."""
        return tuple(code for code, o in self.outcomes.items() if o.escalation)

    def hearing_exceptions(self) -> tuple[str, ...]:
        """The Awb 4:11 grounds any outcome heard by a voornemen allows, in a stable order."""
        found = {g for o in self.outcomes.values() if o.hearing == VOORNEMEN for g in o.hearing_exceptions}
        return tuple(sorted(found))

    def reopened_by(self, event: str) -> tuple[str, ...]:
        """Judgements that new facts of this kind (or a change of this case-file field) reopen."""
        return tuple(j.code for j in self.judgements if event in j.reopened_by)
