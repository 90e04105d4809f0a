"""Pure drafting: from an assessment, the recorded judgements and the jurist's choice to a draft outcome.

It decides nothing discretionary. It checks the choice against the power's procedure data (competence, judgements,
hearing, recipients, Awb 5:6, duration and maximum, what must be in force), flags a deviation from policy (Awb
4:84), and computes the dates and moments the letters print.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from app.domain.assessment import BEVOEGD, JUDGEMENT_REQUIRED, NIET_BEVOEGD, Assessment, ParameterValue
from app.domain.deadlines import AMSTERDAM, Calendar, einde_op_klok, einde_termijn
from app.domain.deviation import AWB_4_84, check_deviation, deviates
from app.domain.errors import InvalidInput, JudgementMissing
from app.domain.forfeiture import Order
from app.domain.hearing import answering, check_as_announced, current_voornemen, hearing_judgements
from app.domain.judgements import Recorded, check_recorded, competence, open_competence_judgements, required_for
from app.domain.measures import (
    Measure,
    Schedule,
    calendar_window,
    hours_after,
    in_force,
    moment,
    period_end,
    window,
)
from app.domain.penalty import collection, heavier_than_announced, penalty_terms
from app.domain.procedure import VOORNEMEN, Outcome, Procedure, body_words
from app.domain.wording import in_sentence


@dataclass(frozen=True)
class DraftRequest:
    """What the jurist chose: the outcome, the date the letters carry, and for some outcomes a duration."""

    soort: str
    verzenddatum: date
    duur: int | None = None  # in the outcome's duration unit, where a person chooses it
    ingangsdatum: date | None = None  # a later start than the day after the begunstigingstermijn
    bedrag: Decimal | None = None  # a dwangsom per violation, where the outcome imposes one (else: policy's)
    maximum: Decimal | None = None  # the dwangsom's maximum (Awb 5:32b lid 2)


@dataclass(frozen=True)
class DraftState:
    """Everything the pure function needs to know about the case."""

    assessment: Assessment
    proposal: Mapping[str, Any]
    procedure: Procedure
    recorded: Mapping[str, Recorded]
    params: Mapping[str, ParameterValue]  # the power's parameters on the peildatum
    remedy_weeks: int  # Awb 6:7, as it stands on the verzenddatum
    calendar: Calendar
    today: date
    now: datetime
    earlier: tuple[Measure, ...] = ()  # approved beslissingen of this zaak
    zienswijze_voor: int | None = None  # the voornemen the recorded zienswijze answered
    roles: frozenset[str] = frozenset()  # roles of the betrokkenen on record
    role_labels: Mapping[str, str] = field(default_factory=dict)
    labels: Mapping[str, str] = field(default_factory=dict)  # the power's Dutch words (parameter labels)
    case_file: Mapping[str, Any] = field(default_factory=dict)
    measure_fields: tuple[str, ...] = ()  # case-file fields that say what the measure is (PowerSpec)
    orders: tuple[Order, ...] = ()  # running dwangsom orders against the same person and conduct (history)
    breaches: tuple[date, ...] = ()  # the days this zaak's report shows conduct that may breach such an order


@dataclass(frozen=True)
class DraftOutcome:
    """The drafted outcome: what, whether it deviates from policy, and the dates the letters print."""

    soort: str
    besluit: bool
    maatregel: dict[str, Any]
    afwijking_beleid: bool
    required_judgements: tuple[str, ...]
    schedule: Schedule
    review_mode: str
    missing_facts: tuple[str, ...] = ()  # measure fields still empty, when the caller reports them with others


MISSING_MEASURE = "Vul dit eerst in bij de feiten: het bepaalt wat de maatregel treft."


def draft_outcome(state: DraftState, request: DraftRequest, defer_missing_facts: bool = False) -> DraftOutcome:
    """Check the request against the case and return the outcome. Raises JudgementMissing, InvalidInput.
    With `defer_missing_facts`, empty measure fields are returned (to be listed with every other missing fact)
    instead of raised."""
    outcome = state.procedure.outcome(request.soort)
    _check_competence(state, outcome)
    _check_basics(state, request, outcome)
    duur = _duur(state, request, outcome)
    maatregel = {"duur": duur, "eenheid": outcome.duration.unit if outcome.duration else None,
                 "voorstel": dict(state.proposal), "object": {f: state.case_file.get(f) for f in state.measure_fields}}
    dwangsom, lower = penalty_terms(state, request, outcome)
    invordering, from_breach = collection(state, outcome)
    maatregel.update({k: v for k, v in (("dwangsom", dwangsom), ("invordering", invordering)) if v is not None})
    if outcome.hearing == VOORNEMEN:
        heard = current_voornemen(state.procedure, state.earlier, outcome.code)
        check_as_announced(heard.maatregel if heard else None, maatregel)
        if errors := heavier_than_announced(heard.maatregel if heard else None, maatregel):
            raise InvalidInput(errors)
    deviation = deviates(state, request.duur, outcome) or lower
    required = _required(state, outcome, deviation)
    check_recorded(required, state.recorded, outcome, state.procedure.judgements)
    check_deviation(state, request.duur, outcome, deviation)
    missing = [f for f in state.measure_fields if outcome.duration and not state.case_file.get(f)]
    if missing and not defer_missing_facts:
        raise InvalidInput(dict.fromkeys(missing, MISSING_MEASURE))
    found = schedule(state, request, outcome)
    found.termijnen.update(from_breach)
    return DraftOutcome(outcome.code, outcome.besluit, maatregel, deviation, tuple(required), found,
                        outcome.review, tuple(missing))


def still_possible(procedure: Procedure, outcome: Outcome, earlier: tuple[Measure, ...], now: datetime) -> None:
    """An extension or withdrawal is decided while the measure still runs (re-checked at approval).

    Raises InvalidInput: the measure it extends or ends has ended or was never imposed."""
    target = outcome.extends or outcome.ends
    if target is None:
        return
    found = window(procedure, earlier, target)
    if found is None or not found.in_force(now):
        label = in_sentence(procedure.outcomes[target].label)
        raise InvalidInput({"soort": f"Het {label} loopt niet (meer). Na afloop valt er niets te verlengen of in "
                            "te trekken; een nieuwe maatregel vraagt nieuwe feiten."})


def _check_competence(state: DraftState, outcome: Outcome) -> None:
    """The rules found a ground, or a person's judgement established one (e.g. personal use not plausible)."""
    a, specs = state.assessment, state.procedure.judgements
    cumulative = state.procedure.cumulative_competence
    result = competence(a.bevoegdheid_for(outcome.code), specs, a.judgements_required, state.recorded, cumulative,
                        outcome.code)
    if result == JUDGEMENT_REQUIRED:
        open_codes = open_competence_judgements(specs, a.judgements_required, state.recorded,
                                                outcome.code if cumulative else None)
        raise JudgementMissing(open_codes, "Leg eerst de afweging over de bevoegdheid vast.")
    if result != BEVOEGD:
        raise InvalidInput({"bevoegdheid": " ".join([f"{body_words(outcome.body, capital=True)} is volgens de regels "
                                                     "en de vastgelegde afwegingen niet bevoegd; er kan geen "
                                                     "beslissing worden opgesteld.", *_refusing(a, outcome)])})


def _refusing(a: Assessment, outcome: Outcome) -> list[str]:
    """Why: the explanations of the rules that exclude competence for this outcome (e.g. a minor)."""
    return [e.explanation.strip() for e in a.fired if e.value == NIET_BEVOEGD and e.explanation.strip()
            and (not e.conclusion.get("outcomes") or outcome.code in e.conclusion["outcomes"])]


def _check_basics(state: DraftState, request: DraftRequest, outcome: Outcome) -> None:
    errors: dict[str, str] = {}
    voornemen = current_voornemen(state.procedure, state.earlier, outcome.code)
    term = voornemen.zienswijze_tot if voornemen else None
    if outcome.hearing == VOORNEMEN and term and request.verzenddatum <= term:
        errors["verzenddatum"] = (f"De zienswijzetermijn loopt tot en met {term.strftime('%d-%m-%Y')}; iedere "
                                  "belanghebbende mag tot dan reageren. Kies een latere verzenddatum.")
    if request.verzenddatum < state.today:
        errors["verzenddatum"] = "De verzenddatum ligt in het verleden."
    errors.update(_recipient_errors(state, outcome))
    errors.update(_in_force_errors(state, outcome))
    if errors:
        raise InvalidInput(errors)
    still_possible(state.procedure, outcome, state.earlier, state.now)


def _recipient_errors(state: DraftState, outcome: Outcome) -> dict[str, str]:
    return {role: (f"Leg eerst de {in_sentence(state.role_labels.get(role, role))} vast: deze beslissing moet ook aan "
                   "deze betrokkene worden bekendgemaakt (bij een last: Awb 5:24 lid 3).")
            for role in outcome.required_recipients if role not in state.roles}


def _in_force_errors(state: DraftState, outcome: Outcome) -> dict[str, str]:
    if outcome.one_in_force and any(m.soort == outcome.code and in_force(m, state.today, state.now)
                                    for m in state.earlier):
        return {"soort": f"Er is al een {in_sentence(outcome.label)} van kracht; een tweede herstelsanctie voor "
                         "dezelfde overtreding kan niet (Awb 5:6)."}
    # An order against the same person for the same conduct, from another zaak, still running and not
    # exhausted: a new report is a possible breach of it (an invorderingsbeschikking), not a new order.
    running = [o for o in state.orders if outcome.penalty and outcome.one_in_force and o.vervaldatum > state.today
               and o.eerder_verbeurd < o.maximum]
    if running:
        o = running[0]
        return {"soort": f"Last {o.kenmerk} loopt nog tot {o.vervaldatum:%d-%m-%Y} tegen dezelfde persoon voor "
                         "dezelfde gedraging; een tweede last kan niet (Awb 5:6). Een nieuwe overtreding leidt tot "
                         "invordering van de verbeurde dwangsom."}
    return {}


def _required(state: DraftState, outcome: Outcome, deviation: bool) -> list[str]:
    a = state.assessment
    required = required_for(outcome.code, state.procedure.judgements, a.judgements_required,
                            a.triggerable_judgements)
    if deviation and AWB_4_84 not in required:
        required.append(AWB_4_84)
    if outcome.hearing == VOORNEMEN:
        voornemen = current_voornemen(state.procedure, state.earlier, outcome.code)
        zienswijze = answering(state.recorded.get("zienswijze"), voornemen.id if voornemen else None,
                               state.zienswijze_voor)
        required += hearing_judgements(zienswijze, voornemen is not None, dict(state.recorded))
    return required


def _duur(state: DraftState, request: DraftRequest, outcome: Outcome) -> int | None:
    duration = outcome.duration
    if duration is None:
        return None
    if duration.fixed:
        return int(state.params[duration.fixed].value)
    if duration.maximum is None:
        return None
    maximum = state.params[duration.maximum].value
    if not request.duur or request.duur < 1:
        raise InvalidInput({"duur": "Vul de duur van de maatregel in."})
    if request.duur > maximum:
        raise InvalidInput({"duur": f"De duur is langer dan het maximum van {maximum}."})
    return request.duur


def schedule(state: DraftState, request: DraftRequest, outcome: Outcome) -> Schedule:
    """The periods from the verzenddatum, the measure's start and end, and the remedy deadline.

    Raises:
        InvalidInput: a start or end that the procedure does not allow.
    """
    termijnen: dict[str, date | datetime] = {
        p.name: period_end(p, state.params[p.parameter].value, request.verzenddatum, state.calendar)
        for p in outcome.periods if p.unit != "hours" and p.runs_from == "verzending"}
    found = Schedule(termijnen=termijnen)
    duration = outcome.duration
    if duration is not None and duration.clock:
        found = _clock(state, outcome, found)
    elif duration is not None and outcome.besluit:
        begin_after = termijnen.get(duration.starts_after) if duration.starts_after else None
        start, end = calendar_window(outcome, _duur(state, request, outcome) or 0, begin_after,
                                     request.ingangsdatum, request.verzenddatum)
        found = Schedule(termijnen, ingangsdatum=start, vervaldatum=end)
    if outcome.besluit:
        weeks = einde_termijn(request.verzenddatum, weeks=state.remedy_weeks, calendar=state.calendar)
        found = Schedule(**{**found.__dict__, "uiterlijke_reactiedatum": weeks.end_date})
    if outcome.takes_effect_at:
        found = Schedule(**{**found.__dict__, "ingang_at": _takes_effect(state, outcome)})
    return found


def _takes_effect(state: DraftState, outcome: Outcome) -> datetime:
    """The chosen moment a decision takes effect: still to come, and within the measure it ends."""
    name = outcome.takes_effect_at or ""
    at = moment(state.case_file, name)  # raises when the moment was not filled in
    if at <= state.now:
        raise InvalidInput({name: "Dit moment is al voorbij."})
    target = window(state.procedure, state.earlier, outcome.ends) if outcome.ends else None
    if target is not None and at >= target.end:
        raise InvalidInput({name: "Op dit moment is de maatregel al afgelopen."})
    return at


def _clock(state: DraftState, outcome: Outcome, found: Schedule) -> Schedule:
    """Moments of a clock measure: a fixed length from the case file's start, or an extension's new end."""
    duration = outcome.duration
    assert duration is not None  # noqa: S101 - only called for a clock duration
    if outcome.ends:
        return found  # a withdrawal takes effect when it is decided, or at its chosen moment (schedule)
    if outcome.extends:
        start, end = _extension(state, outcome)
    else:
        start = moment(state.case_file, duration.starts_at or "")
        length = int(state.params[duration.fixed or ""].value)
        end = einde_op_klok(start, length) if duration.unit == "days" else hours_after(start, length)
    termijnen = dict(found.termijnen)
    for p in outcome.periods:
        if p.unit == "hours":
            termijnen[p.name] = hours_after(start, int(state.params[p.parameter].value))
    return Schedule(termijnen, ingang_at=start, einde_at=end)


def _extension(state: DraftState, outcome: Outcome) -> tuple[datetime, datetime]:
    duration = outcome.duration
    assert duration is not None and outcome.extends  # noqa: S101
    current = window(state.procedure, state.earlier, outcome.extends)
    assert current is not None  # noqa: S101 - still_possible ran first
    new_end = moment(state.case_file, duration.ends_at or "")
    if new_end <= current.end:
        raise InvalidInput({duration.ends_at or "einde": "Het nieuwe einde ligt niet na het huidige einde."})
    if duration.maximum_total:
        days = int(state.params[duration.maximum_total].value)
        latest = einde_op_klok(current.first_start, days)
        if new_end > latest:
            shown = latest.astimezone(AMSTERDAM)
            raise InvalidInput({duration.ends_at or "einde": "Het nieuwe einde ligt later dan "
                                f"{days} dagen na de eerste oplegging ({shown:%d-%m-%Y %H.%M} uur)."})
    return current.end, new_end
