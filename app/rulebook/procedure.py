"""The procedure part of index.yaml: a power's outcomes and the answers to its judgements.

Every outcome says whether it is a besluit, how the person is heard, its duration and periods (and whether
the Algemene termijnenwet applies to each), the review mode, the competent body, who may decide it in
mandate, the legal remedy and who must receive it. Every judgement says which answers it allows, what an
answer blocks and which new facts reopen it. References between them are checked here; references to
parameters are checked by the Rulebook once every parameter file is loaded.
"""

from __future__ import annotations

from typing import Any

from app.domain.errors import RulebookError
from app.domain.figures import OUTCOME_CATEGORIES
from app.domain.hearing import AWB_4_11
from app.domain.procedure import (
    BODIES,
    CAPACITIES,
    DEFAULT_JUDGEMENT_OUTCOMES,
    GEEN,
    HEARINGS,
    PER_ZAAK,
    REMEDIES,
    REVIEWS,
    RUNS_FROM,
    UNITS,
    VOORNEMEN,
    Duration,
    JudgementOutcome,
    JudgementSpec,
    Outcome,
    Penalty,
    Period,
)
from app.rulebook.yamlio import NAME_RE, one_of, require_keys, require_mapping, require_str, require_str_list

_OUTCOME_KEYS = {"label", "besluit", "measure", "hearing", "remedy"}
_OPTIONAL_OUTCOME_KEYS = {"review", "body", "mandate", "announces", "extends", "ends", "on_the_spot",
                          "one_in_force", "escalation", "duration", "periods", "recipients", "required_recipients",
                          "notified", "takes_effect_at", "hearing_exceptions", "note", "penalty", "collects",
                          "guardians", "cijfers"}
_DURATION_KEYS = {"maximum", "fixed", "maximum_total", "clock", "starts_after", "starts_at", "ends_at"}
_PERIOD_UNITS = ("days", "weeks", "years", "hours")  # hours run from the measure's start moment
_JUDGEMENT_KEYS = {"toelichting", "required_for", "bevoegd_bij", "outcomes", "reopened_by", "decides_measure",
                   "per_decision"}


def parse_outcomes(raw: Any, shown: str, body: str, roles: tuple[str, ...]) -> dict[str, Outcome]:
    """The `outcomes` mapping, checked for internal references.

    Raises:
        RulebookError: naming the file, the outcome and the key.
    """
    data = require_mapping(raw, f"{shown}: key 'outcomes'")
    if not data:
        raise RulebookError(f"{shown}: key 'outcomes' is empty")
    outcomes = {code: _outcome(code, item, f"{shown}: outcome {code!r}", body) for code, item in data.items()}
    for outcome in outcomes.values():
        _check_references(outcome, outcomes, roles, f"{shown}: outcome {outcome.code!r}")
    return outcomes


def _outcome(code: Any, raw: Any, at: str, body: str) -> Outcome:
    if type(code) is not str or not NAME_RE.match(code):
        raise RulebookError(f"{at}: outcome codes are snake_case")
    item = require_mapping(raw, at)
    require_keys(item, at, _OUTCOME_KEYS, _OPTIONAL_OUTCOME_KEYS)
    besluit = _bool(item, "besluit", at, required=True)
    remedy = one_of(item["remedy"], REMEDIES, f"{at}: key 'remedy'")
    if besluit == (remedy == "geen"):
        raise RulebookError(f"{at}: a besluit names its legal remedy (bezwaar or beroep); anything else has 'geen'")
    return Outcome(
        code=code, label=require_str(item["label"], f"{at}: key 'label'"), besluit=besluit,
        measure=_name(item["measure"], f"{at}: key 'measure'"),
        hearing=one_of(item["hearing"], HEARINGS, f"{at}: key 'hearing'"),
        review=one_of(item.get("review", "vooraf"), REVIEWS, f"{at}: key 'review'"),
        body=one_of(item.get("body", body), (*BODIES, PER_ZAAK), f"{at}: key 'body'"), remedy=remedy,
        mandate=tuple(one_of(c, CAPACITIES, f"{at}: key 'mandate'") for c in _names(item, "mandate", at)),
        announces=_optional_name(item, "announces", at), extends=_optional_name(item, "extends", at),
        ends=_optional_name(item, "ends", at), takes_effect_at=_optional_name(item, "takes_effect_at", at),
        on_the_spot=_bool(item, "on_the_spot", at),
        one_in_force=_bool(item, "one_in_force", at), escalation=_bool(item, "escalation", at),
        duration=_duration(item["duration"], f"{at}: key 'duration'") if "duration" in item else None,
        periods=_periods(item.get("periods", {}), f"{at}: key 'periods'"),
        recipients=_names(item, "recipients", at), required_recipients=_names(item, "required_recipients", at),
        notified=_names(item, "notified", at),
        hearing_exceptions=_exceptions(item, at), penalty=_penalty(item, at),
        collects=_optional_name(item, "collects", at), guardians=_optional_name(item, "guardians", at),
        cijfers=_figure_category(item, at),
    )


def _figure_category(item: dict[str, Any], at: str) -> str | None:
    """The category of the yearly figures the outcome counts in; a voornemen announces a decision that is
    counted itself, so counting the voornemen too would count one measure twice."""
    if "cijfers" not in item:
        return None
    if item.get("announces") is not None:
        raise RulebookError(f"{at}: key 'cijfers': a voornemen is not counted, the decision it announces is")
    return one_of(item["cijfers"], OUTCOME_CATEGORIES, f"{at}: key 'cijfers'")


def _penalty(item: dict[str, Any], at: str) -> Penalty | None:
    if "penalty" not in item:
        return None
    where = f"{at}: key 'penalty'"
    spec = require_mapping(item["penalty"], where)
    require_keys(spec, where, {"amount", "maximum"}, set())
    return Penalty(_name(spec["amount"], f"{where}.amount"), _name(spec["maximum"], f"{where}.maximum"))


def _exceptions(item: dict[str, Any], at: str) -> tuple[str, ...]:
    """The Awb 4:11 grounds allowed instead of a hearing: all of them unless the outcome narrows the list."""
    if "hearing_exceptions" not in item:
        return AWB_4_11
    return tuple(one_of(g, AWB_4_11, f"{at}: key 'hearing_exceptions'") for g in _names(item, "hearing_exceptions", at))


def _duration(raw: Any, at: str) -> Duration:
    item = require_mapping(raw, at)
    require_keys(item, at, {"unit"}, _DURATION_KEYS)
    duration = Duration(
        unit=one_of(item["unit"], UNITS, f"{at}.unit"), maximum=_optional_name(item, "maximum", at),
        fixed=_optional_name(item, "fixed", at), maximum_total=_optional_name(item, "maximum_total", at),
        clock=_bool(item, "clock", at), starts_after=_optional_name(item, "starts_after", at),
        starts_at=_optional_name(item, "starts_at", at), ends_at=_optional_name(item, "ends_at", at),
    )
    if duration.clock and duration.unit not in ("days", "hours"):
        raise RulebookError(f"{at}: a clock duration is counted in days or hours")
    if not (duration.maximum or duration.fixed or duration.maximum_total):
        raise RulebookError(f"{at}: name a 'maximum', a 'fixed' length or a 'maximum_total' (parameters)")
    return duration


def _periods(raw: Any, at: str) -> tuple[Period, ...]:
    periods = []
    for name, spec in require_mapping(raw, at).items():
        where = f"{at}.{name}"
        item = require_mapping(spec, where)
        require_keys(item, where, {"parameter", "unit", "termijnenwet"}, {"runs_from"})
        period = Period(name=_name(name, where), parameter=require_str(item["parameter"], f"{where}.parameter"),
                        unit=one_of(item["unit"], _PERIOD_UNITS, f"{where}.unit"),
                        termijnenwet=_bool(item, "termijnenwet", where, required=True),
                        runs_from=one_of(item.get("runs_from", "verzending"), RUNS_FROM, f"{where}.runs_from"))
        if period.unit == "years" and period.termijnenwet:
            raise RulebookError(f"{where}: a period in years never shifts (Algemene termijnenwet art. 4 lid 1 a)")
        periods.append(period)
    return tuple(periods)


def _check_references(outcome: Outcome, outcomes: dict[str, Outcome], roles: tuple[str, ...], at: str) -> None:
    for key in ("announces", "extends", "ends", "collects"):
        target = getattr(outcome, key)
        if target is not None and target not in outcomes:
            raise RulebookError(f"{at}: key {key!r}: no outcome {target!r}")
    if outcome.hearing == VOORNEMEN and not any(o.announces == outcome.code for o in outcomes.values()):
        raise RulebookError(f"{at}: hearing 'voornemen' needs an outcome that announces {outcome.code!r}")
    if outcome.besluit and outcome.hearing == GEEN:
        raise RulebookError(f"{at}: a besluit is never taken without hearing (choose voornemen, horen or achteraf)")
    unknown = [r for r in (*outcome.recipients, *outcome.required_recipients, *outcome.notified) if r not in roles]
    if unknown:
        raise RulebookError(f"{at}: role {unknown[0]!r} is not under 'roles'")
    if not set(outcome.required_recipients) | set(outcome.notified) <= set(outcome.recipients):
        raise RulebookError(f"{at}: every required or notified role must also be under 'recipients'")
    _check_dwangsom(outcome, outcomes, at)
    clock_start = outcome.duration is not None and outcome.duration.clock
    if any(p.unit == "hours" and (p.termijnenwet or not clock_start) for p in outcome.periods):
        raise RulebookError(f"{at}: a period in hours runs from a clock measure's start, without the Atw")
    starts_after = outcome.duration.starts_after if outcome.duration else None
    if starts_after and starts_after not in {p.name for p in outcome.periods}:
        raise RulebookError(f"{at}: duration.starts_after names no period of this outcome")


def _check_dwangsom(outcome: Outcome, outcomes: dict[str, Outcome], at: str) -> None:
    if outcome.collects and outcomes[outcome.collects].penalty is None:
        raise RulebookError(f"{at}: key 'collects': {outcome.collects!r} imposes no dwangsom (key 'penalty')")
    if any(p.runs_from == "overtreding" for p in outcome.periods) and not outcome.collects:
        raise RulebookError(f"{at}: only an outcome that collects a dwangsom has periods from the breach")
    if outcome.guardians and outcome.guardians not in outcome.recipients:
        raise RulebookError(f"{at}: key 'guardians': {outcome.guardians!r} must also be under 'recipients'")


def parse_judgements(raw: Any, shown: str, outcomes: dict[str, Outcome]) -> tuple[JudgementSpec, ...]:
    """The `judgements` list; `required_for` and `blocks` must name outcomes of this power.

    Raises:
        RulebookError: naming the file, the judgement and the key.
    """
    if not isinstance(raw, list):
        raise RulebookError(f"{shown}: key 'judgements' must be a list of {{code, stap, vraag, ...}}")
    specs = tuple(_judgement(item, f"{shown}: judgement {i + 1}", outcomes) for i, item in enumerate(raw))
    codes = [j.code for j in specs]
    if len(set(codes)) != len(codes):
        raise RulebookError(f"{shown}: key 'judgements' repeats a code")
    return specs


def _judgement(raw: Any, at: str, outcomes: dict[str, Outcome]) -> JudgementSpec:
    item = require_mapping(raw, at)
    require_keys(item, at, {"code", "stap", "vraag"}, _JUDGEMENT_KEYS)
    code = _name(item["code"], f"{at}: key 'code'")
    at = f"{at} ({code})"
    required_for = _names(item, "required_for", at)
    _known_outcomes(required_for, outcomes, f"{at}: key 'required_for'")
    answers = _answers(item["outcomes"], f"{at}: key 'outcomes'", outcomes) if "outcomes" in item \
        else DEFAULT_JUDGEMENT_OUTCOMES
    bevoegd_bij = _optional_name(item, "bevoegd_bij", at)
    if bevoegd_bij is not None and bevoegd_bij not in {a.code for a in answers}:
        raise RulebookError(f"{at}: key 'bevoegd_bij': {bevoegd_bij!r} is not one of its outcomes")
    return JudgementSpec(
        code=code, stap=require_str(item["stap"], f"{at}: key 'stap'"),
        vraag=require_str(item["vraag"], f"{at}: key 'vraag'"),
        toelichting=require_str(item.get("toelichting", ""), f"{at}: key 'toelichting'", empty=True),
        required_for=required_for, bevoegd_bij=bevoegd_bij, outcomes=answers,
        reopened_by=_field_names(item, "reopened_by", at), decides_measure=_bool(item, "decides_measure", at),
        per_decision=_bool(item, "per_decision", at),
    )


def _answers(raw: Any, at: str, outcomes: dict[str, Outcome]) -> tuple[JudgementOutcome, ...]:
    answers = []
    for code, spec in require_mapping(raw, at).items():
        where = f"{at}.{code}"
        if isinstance(spec, str):
            answers.append(JudgementOutcome(_name(code, where), require_str(spec, where)))
            continue
        answers.append(_answer(_name(code, where), require_mapping(spec, where), where, outcomes))
    if len(answers) < 2:
        raise RulebookError(f"{at}: a judgement has at least two possible outcomes")
    return tuple(answers)


def _answer(code: str, item: dict[str, Any], where: str, outcomes: dict[str, Outcome]) -> JudgementOutcome:
    """An answer with what it blocks (and why) and, for a `decides_measure` judgement, the measure it chooses."""
    require_keys(item, where, {"label"}, {"blocks", "reason", "chooses"})
    blocks = require_str_list(item.get("blocks", []), f"{where}.blocks")
    _known_outcomes(blocks, outcomes, f"{where}.blocks")
    if blocks and "reason" not in item:
        raise RulebookError(f"{where}: an answer that blocks outcomes says why (key 'reason')")
    chooses = item.get("chooses")
    if chooses is not None and chooses not in {o.measure for o in outcomes.values()}:
        raise RulebookError(f"{where}.chooses: {chooses!r} is not the measure of an outcome")
    return JudgementOutcome(code, require_str(item["label"], f"{where}.label"), blocks,
                            require_str(item.get("reason", ""), f"{where}.reason", empty=True), chooses)


def _known_outcomes(codes: tuple[str, ...], outcomes: dict[str, Outcome], at: str) -> None:
    unknown = [c for c in codes if c not in outcomes]
    if unknown:
        raise RulebookError(f"{at}: {unknown[0]!r} is not an outcome of this power")


def _names(item: dict[str, Any], key: str, at: str) -> tuple[str, ...]:
    return tuple(_name(v, f"{at}: key {key!r}") for v in require_str_list(item.get(key, []), f"{at}: key {key!r}"))


def _field_names(item: dict[str, Any], key: str, at: str) -> tuple[str, ...]:
    """Case-file fields or events, a record's part by its dotted name (lbb.received_on)."""
    where = f"{at}: key {key!r}"
    return tuple(".".join(_name(p, where) for p in v.split(".")) for v in require_str_list(item.get(key, []), where))


def _name(value: Any, at: str) -> str:
    text = require_str(value, at)
    if not NAME_RE.match(text):
        raise RulebookError(f"{at}: {text!r} must be snake_case")
    return text


def _optional_name(item: dict[str, Any], key: str, at: str) -> str | None:
    return _name(item[key], f"{at}: key {key!r}") if item.get(key) is not None else None


def _bool(item: dict[str, Any], key: str, at: str, *, required: bool = False) -> bool:
    if key not in item and not required:
        return False
    if type(item.get(key)) is not bool:
        raise RulebookError(f"{at}: key {key!r} must be true or false")
    return item[key]
