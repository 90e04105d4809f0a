"""cases.yaml: jurist-written cases, each a Dutch sentence, a date, facts over defaults, and expectations.

Cases are checked at load time against the same vocabulary as production facts (a YAML `yes` where an
enum expects the text "yes" is an error here too) and their expectations must name rules that exist in the
version in force on the case's date, so a renamed rule cannot silently empty a test.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from app.domain.errors import RulebookError, RulesNotInForce
from app.rulebook.factcheck import FactChecker
from app.rulebook.versions import RuleVersion
from app.rulebook.yamlio import (
    load_yaml,
    require_date,
    require_keys,
    require_mapping,
    require_str,
    require_str_list,
)


@dataclass(frozen=True)
class Expectation:
    """`fired` must equal the fired set exactly; every `not_fired` id must not fire."""

    fired: tuple[str, ...]
    not_fired: tuple[str, ...]

    def __getitem__(self, key: str) -> tuple[str, ...]:
        # cases.yaml spells it as a mapping ({fired: [...], not_fired: [...]}); callers may read it so.
        if key not in ("fired", "not_fired"):
            raise KeyError(key)
        return getattr(self, key)

    def get(self, key: str, default: Any = None) -> Any:
        return self[key] if key in ("fired", "not_fired") else default


@dataclass(frozen=True)
class Case:
    name: str
    date: date
    facts: dict[str, Any]
    expect: Expectation
    source: str


def load_cases(
    path: Path, shown: str, checker: FactChecker, version_for: Callable[[date], RuleVersion]
) -> tuple[Case, ...]:
    """Parse cases.yaml; facts are `defaults` merged with each case's own facts.

    Raises:
        RulebookError: naming the file, the case and the key.
    """
    data = require_mapping(load_yaml(path, shown), shown)
    require_keys(data, shown, {"defaults", "cases"}, {"note"})
    defaults = require_mapping(data["defaults"], f"{shown}: key 'defaults'")
    if not isinstance(data["cases"], list) or not data["cases"]:
        raise RulebookError(f"{shown}: key 'cases' must be a non-empty list")
    tools = (checker, version_for)
    cases = tuple(_case(raw, i, shown, defaults, tools) for i, raw in enumerate(data["cases"]))
    names = [case.name for case in cases]
    for name in names:
        if names.count(name) > 1:
            raise RulebookError(f"{shown}: case {name!r}: the name is used twice")
    return cases


def _case(raw: Any, index: int, shown: str, defaults: dict[str, Any], tools: tuple[Any, Any]) -> Case:
    checker, version_for = tools
    data = require_mapping(raw, f"{shown}: case {index + 1}")
    name = require_str(data.get("name"), f"{shown}: case {index + 1}: key 'name'")
    at = f"{shown}: case {name!r}"
    require_keys(data, at, {"name", "date", "facts", "expect", "source"}, {"note"})
    on = require_date(data["date"], f"{at}: key 'date'")
    facts = {**defaults, **require_mapping(data["facts"], f"{at}: key 'facts'")}
    errors = checker.errors(facts)
    if errors:
        field, problem = next(iter(errors.items()))
        raise RulebookError(f"{at}: fact {field!r}: {problem} ({len(errors)} problem(s) in total)")
    try:
        version = version_for(on)
    except RulesNotInForce as exc:
        raise RulebookError(f"{at}: key 'date': no rules version covers {on}") from exc
    return Case(
        name=name,
        date=on,
        facts=facts,
        expect=_expectation(data["expect"], f"{at}: key 'expect'", version),
        source=require_str(data["source"], f"{at}: key 'source'"),
    )


def _expectation(raw: Any, at: str, version: RuleVersion) -> Expectation:
    data = require_mapping(raw, at)
    require_keys(data, at, {"fired"}, {"not_fired"})
    fired = require_str_list(data["fired"], f"{at}.fired")
    not_fired = require_str_list(data.get("not_fired", []), f"{at}.not_fired")
    for rule_id in (*fired, *not_fired):
        if rule_id not in version.position:
            raise RulebookError(f"{at}: rule {rule_id} is not in {version.source} ({version.ruleset})")
    both = set(fired) & set(not_fired)
    if both:
        raise RulebookError(f"{at}: rule {sorted(both)[0]} is listed as fired and as not_fired")
    return Expectation(fired=fired, not_fired=not_fired)
