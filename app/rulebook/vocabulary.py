"""A power's index.yaml: the facts vocabulary, the judgements people record, and the strict fact check.

The engine coerces silently ("100" >= 5 is false, 1 matches true, None matches nothing), so every fact is
checked against the vocabulary before it gets near the engine. The check is compiled once per power into
one small test per fact, because it runs on every assessment.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.domain.errors import FactsRejected, RulebookError
from app.rulebook.yamlio import (
    is_number,
    load_yaml,
    require_keys,
    require_mapping,
    require_str,
    require_str_list,
)

NAME_RE = re.compile(r"^[a-z][a-z0-9_]*$")
FACT_TYPES = ("bool", "number", "enum")
PEILDATUM = ("pleegdatum", "besluitdatum")
REVIEW = ("vooraf", "achteraf")
# The engine parses integers with atol and floats as doubles; beyond 2**53 neither is exact.
NUMBER_LIMIT = float(2**53)
# The engine's JSON parser rejects an exponent without a fraction ("2e-05", "1e+16": error 204), and
# Python writes every float below 1e-4 in exponent form. So 0 < |x| < 1e-4 cannot reach the engine.
SMALLEST_NUMBER = 1e-4
# durable_rules stops at 255 properties (error 302); sid and id are added by the engine itself.
MAX_FACT_PROPERTIES = 250
_INDEX_KEYS = {"power", "title", "besluit", "peildatum", "review", "facts", "judgements"}
_FACT_KEYS = {"min", "max", "values", "description"}
_JUDGEMENT_KEYS = {"toelichting", "required_for", "bevoegd_bij"}
_MISSING = object()


@dataclass(frozen=True)
class FactSpec:
    """One fact of the vocabulary: bool, number (optional bounds) or enum (string values)."""

    name: str
    type: str
    minimum: float | int | None = None
    maximum: float | int | None = None
    values: tuple[str, ...] = ()
    description: str = ""


@dataclass(frozen=True)
class JudgementSpec:
    """A judgement a person records (never the system): code, step, question, guidance."""

    code: str
    stap: str
    vraag: str
    toelichting: str = ""
    required_for: tuple[str, ...] = ()
    # For a competence judgement: the outcome that establishes the ground (e.g. niet_aannemelijk).
    bevoegd_bij: str | None = None


@dataclass(frozen=True)
class PowerIndex:
    """index.yaml of one power. Keys beyond the known ones are kept in `extra` for other modules."""

    power: str
    title: str
    besluit: bool
    peildatum: str
    review: str
    facts: dict[str, FactSpec]
    judgements: tuple[JudgementSpec, ...]
    extra: dict[str, Any] = field(default_factory=dict)


def load_index(path: Path, shown: str, power: str) -> PowerIndex:
    """Parse and validate index.yaml.

    Raises:
        RulebookError: naming the file and key.
    """
    data = require_mapping(load_yaml(path, shown), shown)
    require_keys(data, shown, _INDEX_KEYS, set(data) - _INDEX_KEYS)
    if data["power"] != power:
        raise RulebookError(f"{shown}: key 'power' is {data['power']!r}, the folder is {power!r}")
    if type(data["besluit"]) is not bool:
        raise RulebookError(f"{shown}: key 'besluit' must be true or false")
    _one_of(data["peildatum"], PEILDATUM, f"{shown}: key 'peildatum'")
    _one_of(data["review"], REVIEW, f"{shown}: key 'review'")
    return PowerIndex(
        power=power,
        title=require_str(data["title"], f"{shown}: key 'title'"),
        besluit=data["besluit"],
        peildatum=data["peildatum"],
        review=data["review"],
        facts=_facts(data["facts"], shown),
        judgements=_judgements(data["judgements"], shown),
        extra={k: v for k, v in data.items() if k not in _INDEX_KEYS},
    )


def _one_of(value: Any, allowed: tuple[str, ...], at: str) -> None:
    if value not in allowed or type(value) is not str:
        raise RulebookError(f"{at}: {value!r} is not one of {', '.join(allowed)}")


def _facts(raw: Any, shown: str) -> dict[str, FactSpec]:
    facts = require_mapping(raw, f"{shown}: key 'facts'")
    if not facts:
        raise RulebookError(f"{shown}: key 'facts' is empty")
    if len(facts) > MAX_FACT_PROPERTIES:
        raise RulebookError(f"{shown}: more than {MAX_FACT_PROPERTIES} facts (the engine limit is 255)")
    return {name: _fact(name, spec, f"{shown}: fact {name!r}") for name, spec in facts.items()}


def _fact(name: Any, raw: Any, at: str) -> FactSpec:
    if type(name) is not str or not NAME_RE.match(name) or name.startswith("p_") or name in ("sid", "id"):
        raise RulebookError(f"{at}: fact names are snake_case, not 'sid'/'id', and never start with p_")
    spec = require_mapping(raw, at)
    require_keys(spec, at, {"type"}, _FACT_KEYS)
    kind = spec["type"]
    if kind not in FACT_TYPES:
        raise RulebookError(f"{at}: key 'type' must be one of {', '.join(FACT_TYPES)}, got {kind!r}")
    if kind == "enum":
        return _enum_fact(name, spec, at)
    if kind == "number":
        return _number_fact(name, spec, at)
    _no_keys(spec, at, ("min", "max", "values"), "a bool fact")
    return FactSpec(name, "bool", description=spec.get("description", ""))


def _enum_fact(name: str, spec: dict[str, Any], at: str) -> FactSpec:
    _no_keys(spec, at, ("min", "max"), "an enum fact")
    if "values" not in spec:
        raise RulebookError(f"{at}: key 'values' is missing")
    values = require_str_list(spec["values"], f"{at}: key 'values'")
    if not values or len(set(values)) != len(values):
        raise RulebookError(f"{at}: key 'values' must be a non-empty list without repeats")
    return FactSpec(name, "enum", values=values, description=spec.get("description", ""))


def _number_fact(name: str, spec: dict[str, Any], at: str) -> FactSpec:
    _no_keys(spec, at, ("values",), "a number fact")
    low, high = spec.get("min"), spec.get("max")
    for key, bound in (("min", low), ("max", high)):
        if bound is not None and not is_number(bound):
            raise RulebookError(f"{at}: key {key!r} must be a number, got {bound!r}")
    if low is not None and high is not None and low > high:
        raise RulebookError(f"{at}: key 'min' is larger than 'max'")
    return FactSpec(name, "number", minimum=low, maximum=high, description=spec.get("description", ""))


def _no_keys(spec: dict[str, Any], at: str, keys: tuple[str, ...], what: str) -> None:
    for key in keys:
        if key in spec:
            raise RulebookError(f"{at}: key {key!r} is not allowed for {what}")


def _judgements(raw: Any, shown: str) -> tuple[JudgementSpec, ...]:
    if not isinstance(raw, list):
        raise RulebookError(f"{shown}: key 'judgements' must be a list of {{code, stap, vraag, ...}}")
    specs = tuple(_judgement(item, f"{shown}: judgement {i + 1}") for i, item in enumerate(raw))
    codes = [j.code for j in specs]
    if len(set(codes)) != len(codes):
        raise RulebookError(f"{shown}: key 'judgements' repeats a code")
    return specs


def _judgement(raw: Any, at: str) -> JudgementSpec:
    item = require_mapping(raw, at)
    require_keys(item, at, {"code", "stap", "vraag"}, _JUDGEMENT_KEYS)
    code = require_str(item["code"], f"{at}: key 'code'")
    if not NAME_RE.match(code):
        raise RulebookError(f"{at}: key 'code' must be snake_case, got {code!r}")
    return JudgementSpec(
        code=code,
        stap=require_str(item["stap"], f"{at}: key 'stap'"),
        vraag=require_str(item["vraag"], f"{at}: key 'vraag'"),
        toelichting=require_str(item.get("toelichting", ""), f"{at}: key 'toelichting'", empty=True),
        required_for=require_str_list(item.get("required_for", []), f"{at}: key 'required_for'"),
        bevoegd_bij=require_str(item["bevoegd_bij"], f"{at}: key 'bevoegd_bij'") if "bevoegd_bij" in item else None,
    )


# ---------------------------------------------------------------------------------------- the fact check

Test = Callable[[Any], str | None]


class FactChecker:
    """The compiled strict check of one power's vocabulary."""

    def __init__(self, facts: Mapping[str, FactSpec]) -> None:
        self._tests: tuple[tuple[str, Test], ...] = tuple((n, compile_test(s)) for n, s in facts.items())
        self._names = frozenset(facts)

    def errors(self, facts: Mapping[str, Any]) -> dict[str, str]:
        """{field: Dutch message} for every bad, missing or unknown field; empty when the fact is fine."""
        get = facts.get
        errors = {name: msg for name, test in self._tests if (msg := test(get(name, _MISSING)))}
        if len(facts) != len(self._tests) or errors:
            for name in facts:
                if name not in self._names:
                    errors[str(name)] = "Dit feit staat niet in de woordenlijst van deze bevoegdheid."
        return errors

    def check(self, facts: Mapping[str, Any], entries: Mapping[str, Any]) -> dict[str, Any]:
        """A new flat fact: the checked facts plus the parameter entries (p_<name>).

        Raises:
            FactsRejected: listing every bad field.
        """
        if not isinstance(facts, Mapping):
            raise FactsRejected({"*": "De feiten moeten een verzameling naam-waarde zijn."})
        errors = self.errors(facts)
        if errors:
            raise FactsRejected(errors)
        fact = dict(facts)
        fact.update(entries)
        return fact


def compile_test(spec: FactSpec) -> Test:
    """One closure per fact; returns None when the value is acceptable, else a Dutch message."""
    if spec.type == "bool":
        return _bool_test()
    if spec.type == "enum":
        return _enum_test(spec.values)
    return _number_test(spec)


def _bool_test() -> Test:
    def test(value: Any) -> str | None:
        if value is True or value is False:
            return None
        return _missing(value) or f"Moet true of false zijn, niet {_soort(value)}."

    return test


def _enum_test(values: tuple[str, ...]) -> Test:
    allowed = frozenset(values)
    message = "Moet precies een van deze waarden zijn: " + ", ".join(values) + "."

    def test(value: Any) -> str | None:
        if type(value) is str and value in allowed:
            return None
        return _missing(value) or message

    return test


def engine_number(value: Any) -> bool:
    """A finite int or float (never bool) that the engine reads back exactly as Python wrote it."""
    return is_number(value) and (value == 0 or SMALLEST_NUMBER <= abs(value) <= NUMBER_LIMIT)


def _number_test(spec: FactSpec) -> Test:
    low = -NUMBER_LIMIT if spec.minimum is None else max(spec.minimum, -NUMBER_LIMIT)
    high = NUMBER_LIMIT if spec.maximum is None else min(spec.maximum, NUMBER_LIMIT)

    def test(value: Any) -> str | None:
        kind = type(value)
        # NaN and infinity fail the range; tiny floats would reach the engine as "2e-05" (error 204).
        if (kind is int or kind is float) and low <= value <= high:
            if kind is int or value == 0 or value >= SMALLEST_NUMBER or value <= -SMALLEST_NUMBER:
                return None
        return _missing(value) or _number_problem(value, low, high)

    return test


def _number_problem(value: Any, low: float, high: float) -> str:
    if type(value) not in (int, float):
        return f"Moet een getal zijn, niet {_soort(value)}."
    if not math.isfinite(value):
        return "Moet een eindig getal zijn."
    if value < low:
        return f"Moet minstens {low:g} zijn."
    if value > high:
        return f"Mag hoogstens {high:g} zijn."
    return "Moet 0 zijn of minstens 0,0001 groot (rond kleinere hoeveelheden af)."


def _missing(value: Any) -> str | None:
    return "Dit feit ontbreekt." if value is _MISSING else None


_SOORTEN = (
    (bool, "een waar/onwaar-waarde"),
    (int | float, "een getal"),
    (str, "tekst"),
    (list | tuple | set, "een lijst"),
    (Mapping, "een verzameling"),
)


def _soort(value: Any) -> str:
    # Describe the type only: messages may be logged, and fact values can be personal data.
    if value is None:
        return "leeg (null)"
    for kind, word in _SOORTEN:
        if isinstance(value, kind):
            return word
    return "een " + type(value).__name__
