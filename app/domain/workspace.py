"""The case page's summary as pure logic: where the case stands, the next step in words, the deadlines that run,
and which forms are frozen. Input is plain data (built by app/web/workspace.py); output is Dutch text for people.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from app.domain.deadlines import AMSTERDAM
from app.domain.hearing import ZIENSWIJZE
from app.domain.wording import term_of, with_article

BEVOEGD, NIET_BEVOEGD = "bevoegd", "niet_bevoegd"
DECIDED = ("vastgesteld", "verzonden")
# The stored end dates of a beslissing and what a person calls them.
DEADLINE_NAMES = (
    ("zienswijze_tot", "Zienswijzetermijn"),
    ("begunstigingstermijn_tot", "Begunstigingstermijn"),
    ("uiterlijke_reactiedatum", "Termijn voor bezwaar of beroep"),
)
UNIT_WORDS = {"months": ("maand", "maanden"), "weeks": ("week", "weken"), "days": ("dag", "dagen"),
              "hours": ("uur", "uur")}
REVIEW_FREEZE = ("Er ligt een beslissing ter vaststelling bij het kabinet. Feiten en afwegingen zijn bevroren "
                 "zolang het kabinet de brieven beoordeelt. Trek het aanbod in of laat het kabinet het concept "
                 "terugsturen; daarna kunt u ze weer wijzigen.")
CLOSED_FREEZE = "Deze zaak is afgesloten. Heropen de zaak (onder Afgesloten) om haar weer te wijzigen."
DECIDED_FREEZE = ("Het besluit is vastgesteld. Feiten, afwegingen en zienswijzen liggen daarmee vast; een nieuwe "
                  "maatregel begint met een nieuwe melding.")
HEARING_CLOSED = ("Het besluit na het voornemen is vastgesteld; een zienswijze op dat voornemen kan het niet meer "
                  "veranderen.")


@dataclass(frozen=True)
class Decision:
    """One beslissing of the zaak, as the summary needs it."""

    label: str  # the outcome's label, e.g. "Sluiting (last onder bestuursdwang)"
    status: str  # concept | ter_vaststelling | vastgesteld | verzonden
    final: bool  # a besluit that is not a voornemen
    announces: bool  # a voornemen: a zienswijze may follow
    revoked: bool = False
    duur: int | None = None
    eenheid: str | None = None
    approved_on: date | None = None
    sent_on: date | None = None
    zienswijze_tot: date | None = None
    begunstigingstermijn_tot: date | None = None
    uiterlijke_reactiedatum: date | None = None
    vervaldatum: date | None = None
    einde_at: datetime | None = None
    measure: str = ""  # what the measure is called, e.g. "sluiting"
    breach_terms: tuple[tuple[str, date], ...] = ()  # periods from the breach: (label, last day)


@dataclass(frozen=True)
class CaseState:
    """The zaak's state as far as the summary is concerned; decisions newest first."""

    assessed: bool
    competence: str | None
    open_judgements: tuple[str, ...]  # questions of the judgements still to record
    open_steps: frozenset[str]  # the steps (stap) those judgements belong to
    recorded: frozenset[str]  # codes of the active judgements
    decisions: tuple[Decision, ...]
    further_outcomes: bool  # does the procedure know a decision after a final one (an extension, a withdrawal)?
    today: date
    closed: bool = False  # fase afgesloten: read-only until reopened
    # Each bezwaar without an approved decision: the objector and the 7:10 term (bezwaren.beslistermijn_einde).
    objections: tuple[tuple[str, date], ...] = ()
    # The steps with open judgements, in the procedure's order: (anchor code, name a person reads).
    open_step_names: tuple[tuple[str, str], ...] = ()
    stale_concept: bool = False  # the open concept rests on facts or judgements that changed since drafting
    body: str = "de burgemeester"  # the zaak's competent body in words (procedure.body_words of Zaak.orgaan)
    decision_due: date | None = None  # an application not yet decided: the last day of its decision period


@dataclass(frozen=True)
class Deadline:
    label: str
    ends: date | datetime
    passed: bool


def _day(d: date | datetime) -> str:
    """A day, or a moment on the Amsterdam wall clock in the screens' one format (04-12-2026 23.40 uur)."""
    if isinstance(d, datetime):
        return d.astimezone(AMSTERDAM).strftime("%d-%m-%Y %H.%M uur")
    return d.strftime("%d-%m-%Y")


def duration_text(duur: int | None, eenheid: str | None) -> str:
    """ "6 maanden", "1 maand"; empty without a duration."""
    if not duur or not eenheid:
        return ""
    one, many = UNIT_WORDS.get(eenheid, (eenheid, eenheid))
    return f"{duur} {one if duur == 1 else many}"


def decision_line(d: Decision) -> str:
    """What happened to one beslissing, in one sentence: "Besloten: sluiting voor 6 maanden, vastgesteld op ..."."""
    what = d.label + (f" voor {duration_text(d.duur, d.eenheid)}" if duration_text(d.duur, d.eenheid) else "")
    if d.revoked:
        return f"Ingetrokken of vernietigd: {what}."
    if d.status == "concept":
        return f"Concept opgesteld: {what}."
    if d.status == "ter_vaststelling":
        return f"Ter vaststelling aangeboden: {what}."
    word = "Besloten" if d.final else "Vastgesteld"
    approved = f", vastgesteld op {_day(d.approved_on)}" if d.approved_on else ""
    sent = f", verzonden op {_day(d.sent_on)}" if d.status == "verzonden" and d.sent_on else ""
    return f"{word}: {what}{approved}{sent}."


def outcome_lines(state: CaseState) -> list[str]:
    """The banner's lines after the advice: the judgements recorded and every beslissing, oldest first."""
    lines = []
    if state.recorded:
        count = len(state.recorded)
        lines.append(f"{count} {'afweging' if count == 1 else 'afwegingen'} vastgelegd"
                     + (f", {len(state.open_judgements)} nog open." if state.open_judgements else "."))
    lines.extend(decision_line(d) for d in reversed(state.decisions))
    return lines


def deadlines(state: CaseState) -> list[Deadline]:
    """The terms of the approved beslissingen that still count, soonest first."""
    found: list[Deadline] = []
    for i, d in enumerate(state.decisions):
        if d.status not in DECIDED or d.revoked:
            continue
        heard = _announced_decided(state.decisions, i)
        for name, text in DEADLINE_NAMES:
            end = getattr(d, name)
            if end is not None and (name != "zienswijze_tot" or (d.announces and not heard)):
                found.append(Deadline(text, end, end < state.today))
        found += [Deadline(text, end, end < state.today) for text, end in d.breach_terms]
        if d.final and (d.einde_at or d.vervaldatum):
            # "tot en met": a date measure's vervaldatum is the first day it no longer applies (measures.in_force).
            end_of = d.einde_at or (d.vervaldatum - timedelta(days=1) if d.vervaldatum else None)
            assert end_of is not None  # noqa: S101 - one of them is set
            found.append(Deadline(f"Einde {d.measure or 'maatregel'}", end_of, _passed(end_of, state.today)))
    found += [Deadline(f"Beslistermijn bezwaar van {who} (Awb 7:10)", end, end < state.today)
              for who, end in state.objections]
    return sorted(found, key=lambda x: _day_of(x.ends))


def _day_of(d: date | datetime) -> date:
    return d.date() if isinstance(d, datetime) else d


def _passed(end: date | datetime, today: date) -> bool:
    return _day_of(end) < today


def status_text(state: CaseState) -> str:
    """Phase and outcome in one line."""
    if state.closed:
        return "Afgesloten."
    if not state.assessed:
        return "Nog niet beoordeeld."
    latest = state.decisions[0] if state.decisions else None
    if latest is not None:
        return " ".join([decision_line(latest), *(f"Bezwaar van {who} in behandeling; beslissen uiterlijk {_day(end)}."
                                                  for who, end in state.objections)])
    if state.competence in (BEVOEGD, NIET_BEVOEGD):
        verdict = "bevoegd; nog geen beslissing opgesteld." if state.competence == BEVOEGD else "niet bevoegd."
        return f"Beoordeeld: {state.body} is {verdict}"
    return "Beoordeeld: de bevoegdheid hangt af van een afweging."


def next_step(state: CaseState) -> str:
    """The next thing a person does in this case, in words."""
    before = _before_assessment(state)
    if before:
        return before
    latest = state.decisions[0] if state.decisions else None
    if latest is not None and latest.status != "verzonden" and not latest.revoked:
        return _open_decision_step(latest, state.stale_concept)
    if state.open_judgements:
        return _open_judgements_step(state)
    if state.competence == NIET_BEVOEGD:
        return (f"Geen beslissing mogelijk: {state.body} is niet bevoegd. Sluit de zaak af, of corrigeer de "
                "feiten als die niet kloppen.")
    if latest is None:
        return "Stel de beslissing op."
    return _after_sending(state, latest)


def _before_assessment(state: CaseState) -> str:
    if state.closed:
        return "Geen: de zaak is afgesloten. Heropen haar als er toch iets moet gebeuren."
    if not state.assessed:
        return "Laat de regels de zaak beoordelen door de feiten op te slaan."
    return ""


def _open_judgements_step(state: CaseState) -> str:
    """Short: how many, and in which steps (the page links to the first one)."""
    count = len(state.open_judgements)
    steps = ", ".join(f"stap {name}" for _, name in state.open_step_names)
    return f"Leg {count} {'afweging' if count == 1 else 'afwegingen'} vast" + (f" ({steps})." if steps else ".")


def next_step_anchor(state: CaseState) -> str | None:
    """The section of the page the next step is done in, when that is the first step with open judgements."""
    before = _before_assessment(state)
    latest = state.decisions[0] if state.decisions else None
    if before or (latest is not None and latest.status != "verzonden" and not latest.revoked):
        return None
    return f"stap-{state.open_step_names[0][0]}" if state.open_judgements and state.open_step_names else None


STALE_CONCEPT = "Stel het concept opnieuw op: de feiten zijn gewijzigd."


def _open_decision_step(d: Decision, stale: bool = False) -> str:
    if d.status == "concept" and stale:
        return STALE_CONCEPT
    if d.status == "concept":
        return f"Kies een ondertekenaar en bied {term_of('het concept', d.label)} ter vaststelling aan."
    if d.status == "ter_vaststelling":
        return f"Wachten op het kabinet: {with_article(d.label)} ligt ter vaststelling."
    return f"Verstuur {term_of('de brieven', d.label)} en leg de verzending per ontvanger vast."


def _after_voornemen(state: CaseState, latest: Decision) -> str:
    runs = latest.zienswijze_tot if latest.zienswijze_tot and state.today <= latest.zienswijze_tot else None
    if ZIENSWIJZE in state.recorded and runs:
        return (f"De zienswijzen zijn vastgelegd, maar de zienswijzetermijn loopt tot en met {_day(runs)}. Stel "
                f"het besluit op met een verzenddatum vanaf {_day(runs + timedelta(days=1))}, of wacht tot dan.")
    if ZIENSWIJZE in state.recorded:
        return "Stel het besluit op; de zienswijzen zijn vastgelegd."
    if runs:
        return f"Wacht de zienswijzetermijn af (tot en met {_day(runs)}); leg een zienswijze vast zodra die binnenkomt."
    return "Leg vast of er een zienswijze is ontvangen, en stel daarna het besluit op."


def _after_sending(state: CaseState, latest: Decision) -> str:
    if latest.announces:
        return _after_voornemen(state, latest)
    if not latest.final and state.decision_due:  # e.g. after the notice that advice was asked: still to decide
        return f"Stel het voornemen of besluit op de aanvraag op, uiterlijk {_day(state.decision_due)}."
    if not latest.final:
        return "Geen verdere stap nodig; een nieuwe overtreding begint met een nieuwe melding."
    if state.further_outcomes:
        return "Het besluit is verzonden. Bewaak de termijnen; verleng of trek in als dat nodig is."
    return "Het besluit is verzonden. Bewaak de termijnen hieronder."


def frozen_reason(state: CaseState) -> str | None:
    """Why facts and judgements cannot be changed now (the services refuse them too), or None."""
    if state.closed:
        return CLOSED_FREEZE
    if any(d.status == "ter_vaststelling" for d in state.decisions):
        return REVIEW_FREEZE
    if drafting_closed(state):
        return DECIDED_FREEZE
    return None


def edit_lock(state: CaseState) -> str | None:
    """Why betrokkenen and earlier measures cannot be changed now: under review or closed (after the besluit
    they still can, e.g. a new address for the decision on a bezwaar)."""
    reason = frozen_reason(state)
    return reason if reason in (CLOSED_FREEZE, REVIEW_FREEZE) else None


def hearing_closed(state: CaseState) -> bool:
    """The besluit after the newest approved voornemen is decided: no zienswijze can change it any more."""
    for d in state.decisions:  # newest first
        if d.revoked:
            continue
        if d.announces and d.status in DECIDED:
            return False
        if d.final and d.status in DECIDED:
            return True
    return False


def first_send_day(state: CaseState) -> date | None:
    """While the newest voornemen's zienswijzetermijn runs and its besluit is not taken: the first sending day."""
    found = next(((i, d) for i, d in enumerate(state.decisions) if d.announces and d.status in DECIDED
                  and not d.revoked), None)
    if found is None or found[1].zienswijze_tot is None or state.today > found[1].zienswijze_tot:
        return None
    index, voornemen = found
    return None if _announced_decided(state.decisions, index) else voornemen.zienswijze_tot + timedelta(days=1)


def _announced_decided(decisions: tuple[Decision, ...], index: int) -> bool:
    """Whether the besluit the voornemen at `index` announced is taken (a newer decided one, same measure)."""
    voornemen = decisions[index]
    return any(d.final and d.status in DECIDED and d.measure == voornemen.measure for d in decisions[:index])


def drafting_closed(state: CaseState) -> bool:
    """No further beslissing can be drafted: a final besluit is decided and the procedure has no follow-up."""
    return state.closed or not state.further_outcomes and any(
        d.final and d.status in DECIDED and not d.revoked for d in state.decisions)
