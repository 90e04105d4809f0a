"""The strict fact check, compiled once per power into one small test per fact.

The engine coerces silently ("100" >= 5 is false, 1 and "true" match true, None matches nothing), so
every fact is checked against the vocabulary before it gets near the engine. This runs on every
assessment, hence closures prepared at load time rather than a schema walk per call.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import Any

from app.domain.errors import FactsRejected
from app.rulebook.vocabulary import FactSpec
from app.rulebook.yamlio import is_number

# The engine parses integers with atol and floats as doubles; beyond 2**53 neither is exact.
NUMBER_LIMIT = float(2**53)
# The engine's JSON parser rejects an exponent without a fraction ("2e-05", "1e+16": error 204), and
# Python writes every float below 1e-4 in exponent form. So 0 < |x| < 1e-4 cannot reach the engine.
SMALLEST_NUMBER = 1e-4
_MISSING = object()

Test = Callable[[Any], str | None]


class FactChecker:
    """The compiled strict check of one power's vocabulary."""

    def __init__(self, facts: Mapping[str, FactSpec]) -> None:
        self._tests: tuple[tuple[str, Test], ...] = tuple((n, compile_test(s)) for n, s in facts.items())
        self._names = frozenset(facts)

    @property
    def names(self) -> frozenset[str]:
        """The fact names of the vocabulary."""
        return self._names

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
