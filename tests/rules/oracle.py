"""A plain-Python reading of the rule subset: the reference the differential test holds durable_rules to.

Deliberately naive: it walks the same pristine condition the loader checked and compares with Python
operators. Facts are already checked against the vocabulary, so types always agree.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from app.rulebook import Rulebook, RuleVersion

_COMPARE: dict[str, Callable[[Any, Any], bool]] = {
    "$lt": operator.lt,
    "$lte": operator.le,
    "$gt": operator.gt,
    "$gte": operator.ge,
    "$neq": operator.ne,
}


def holds(condition: Mapping[str, Any], fact: Mapping[str, Any]) -> bool:
    """Whether one condition mapping (one key) holds for the flat fact."""
    ((key, value),) = condition.items()
    if key == "$and":
        return all(holds(item, fact) for item in value)
    if key == "$or":
        return any(holds(item, fact) for item in value)
    if key in ("$ex", "$nex"):
        ((name, _one),) = value.items()
        return (name in fact) == (key == "$ex")
    if key in _COMPARE:
        ((name, operand),) = value.items()
        return _COMPARE[key](fact[name], _operand(operand, fact))
    return fact[key] == _operand(value, fact)


def _operand(operand: Any, fact: Mapping[str, Any]) -> Any:
    return fact[operand["$m"]] if isinstance(operand, dict) else operand


def fired(version: RuleVersion, fact: Mapping[str, Any]) -> list[str]:
    """Ids of the rules whose single pattern `m` holds, in rule-file order."""
    return [rule.id for rule in version.rules if holds(rule.condition[0]["m"], fact)]


def evaluate(book: Rulebook, power: str, facts: Mapping[str, Any], on: date) -> list[str]:
    """Same inputs and checks as RulesEngine.evaluate, without the engine."""
    version = book.version_for(power, on)
    params = book.parameters_for(power, on)
    return fired(version, book.checked_fact(power, facts, params))
