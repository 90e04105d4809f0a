"""The condition subset a rule may use, checked before the engine sees it.

Rules use a small, engine-neutral subset of durable_rules' JSON syntax: one pattern `m` over one flat fact,
combined with $and/$or, compared with equality, $lt/$lte/$gt/$gte/$neq, or tested with $ex/$nex. Numbers
never appear in conditions; they come from parameters through {$m: p_<name>}. Anything else either fails
in the engine with an opaque code (105, 202) or, worse, loads and silently never matches (two patterns are
a join of two facts), so the loader names the file, rule and key instead.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.domain.errors import RulebookError
from app.rulebook.factcheck import engine_number
from app.rulebook.parameters import ParameterSeries, is_scalar
from app.rulebook.vocabulary import FactSpec
from app.rulebook.yamlio import is_number

LOGICAL = ("$and", "$or")
ORDERING = ("$lt", "$lte", "$gt", "$gte")
COMPARISONS = (*ORDERING, "$neq")
EXISTENCE = ("$ex", "$nex")
_WHY_NOT = {
    "$s": "state conditions re-fire after every state write",
    "$mt": "regular expressions are not part of the subset",
    "$imt": "regular expressions are not part of the subset",
    "$add": "arithmetic belongs in facts_from_case",
    "$sub": "arithmetic belongs in facts_from_case",
    "$mul": "arithmetic belongs in facts_from_case",
    "$div": "arithmetic belongs in facts_from_case",
    "$all": "list conditions are not part of the subset",
    "$any": "list conditions are not part of the subset",
}


class ConditionChecker:
    """Validates one rule's `all` and records the fact keys and parameters it references."""

    def __init__(self, facts: Mapping[str, FactSpec], params: Mapping[str, ParameterSeries], at: str) -> None:
        self._facts = facts
        self._params = params
        self._at = at
        self.fact_refs: dict[str, None] = {}
        self.param_refs: dict[str, None] = {}

    def check(self, all_value: Any) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(fact keys, parameter names) referenced, in order of appearance.

        Raises:
            RulebookError: naming file, rule and key.
        """
        if not isinstance(all_value, list) or len(all_value) != 1:
            self._fail("all", "must hold exactly one pattern `m`; two patterns are a join of two facts")
        pattern = all_value[0]
        if not isinstance(pattern, dict) or list(pattern) != ["m"]:
            self._fail("all", "the one pattern must be named `m` (- m: {...})")
        self._expression(pattern["m"], "m")
        return tuple(self.fact_refs), tuple(self.param_refs)

    def _fail(self, key: str, problem: str) -> None:
        raise RulebookError(f"{self._at}: key {key!r}: {problem}")

    def _expression(self, node: Any, path: str) -> None:
        if not isinstance(node, dict) or len(node) != 1:
            self._fail(path, "each condition is a mapping with exactly one key; combine with $and/$or")
        ((key, value),) = node.items()
        if type(key) is not str:
            self._fail(path, f"{key!r} is not a fact name (quote it?)")
        if key in LOGICAL:
            self._logical(key, value, f"{path}.{key}")
        elif key in COMPARISONS or key in EXISTENCE:
            self._operator(key, value, f"{path}.{key}")
        elif key.startswith("$"):
            why = _WHY_NOT.get(key, "allowed: equality, $and $or $lt $lte $gt $gte $neq $ex $nex, {$m: p_..}")
            self._fail(key, f"operator not allowed ({why})")
        else:
            self._comparison("==", key, value)

    def _logical(self, op: str, value: Any, path: str) -> None:
        if not isinstance(value, list) or not value:
            self._fail(op, "expects a non-empty list of conditions")
        for i, item in enumerate(value):
            self._expression(item, f"{path}[{i}]")

    def _operator(self, op: str, value: Any, path: str) -> None:
        if not isinstance(value, dict) or len(value) != 1:
            self._fail(op, "expects a mapping with exactly one fact, e.g. {$gt: {fact: {$m: p_name}}}")
        ((fact, operand),) = value.items()
        if op in EXISTENCE:
            self._known_fact(fact)
            if type(operand) is not int or operand != 1:
                self._fail(fact, f"{op} takes the value 1 ({op}: {{{fact}: 1}})")
            return
        self._comparison(op, fact, operand)

    def _known_fact(self, fact: Any) -> FactSpec:
        spec = self._facts.get(fact) if type(fact) is str else None
        if spec is None:
            self._fail(str(fact), "not a fact in the vocabulary of index.yaml")
        return spec

    def _comparison(self, op: str, fact: Any, operand: Any) -> None:
        spec = self._known_fact(fact)
        self.fact_refs[fact] = None
        if op in ORDERING and spec.type != "number":
            self._fail(fact, f"{op} compares numbers, but {fact} is {spec.type}")
        if isinstance(operand, dict):
            self._reference(spec, operand)
        elif isinstance(operand, bool):
            if spec.type != "bool":
                hint = " (YAML 1.1 reads unquoted yes/no/on/off as booleans: quote it)"
                self._fail(fact, f"the boolean {operand} compared with a {spec.type} fact{hint}")
        elif type(operand) is str:
            if spec.type != "enum" or operand not in spec.values:
                allowed = ", ".join(spec.values) if spec.type == "enum" else f"none, {fact} is {spec.type}"
                self._fail(fact, f"{operand!r} is not a value of {fact} (values: {allowed})")
        elif is_number(operand) or type(operand) is float:
            self._fail(fact, f"numeric literal {operand!r}: put numbers in a parameter, use {{$m: p_<name>}}")
        else:
            self._fail(fact, f"{operand!r} cannot be compared (use true/false, an enum value or {{$m: ...}})")

    def _reference(self, spec: FactSpec, operand: dict[Any, Any]) -> None:
        if list(operand) != ["$m"] or type(operand["$m"]) is not str:
            self._fail(spec.name, "the right-hand side must be {$m: p_<parameter>}")
        target = operand["$m"]
        series = self._params.get(target[2:]) if target.startswith("p_") else None
        if series is None:
            self._fail(spec.name, f"$m target {target!r} must be p_<name> of a file in parameters/")
        for value in series.values():
            if not _fits(spec, value.value):
                self._fail(spec.name, f"parameter {series.name} has value {value.value!r} "
                           f"(from {value.valid_from}), which does not fit the {spec.type} fact")
        self.param_refs[series.name] = None


def _fits(spec: FactSpec, value: Any) -> bool:
    if not is_scalar(value):
        return False
    if spec.type == "number":
        return engine_number(value)
    if spec.type == "bool":
        return type(value) is bool
    return type(value) is str and value in spec.values
