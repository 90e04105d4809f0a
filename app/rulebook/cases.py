"""cases.yaml: jurist-written cases, each a Dutch sentence, a date, the input, and expectations.

The input is either flat `facts` merged over `defaults`, checked at load time against the same vocabulary
as production facts (a YAML `yes` where an enum expects the text "yes" is an error here too), or a
`case_file` as the power stores it (merged over `case_file_defaults`, one level deep; with optional
`history`: earlier measures at the address), which the
power's own facts_from_case turns into the flat fact when the case runs; then `expect.facts` may name
derived facts to check (e.g. a period counted on the wall clock across a daylight-saving change).
Expectations must name rules that exist in the version in force on the case's date, so a renamed rule
cannot silently empty a test.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
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
    facts: dict[str, Any] = field(default_factory=dict)  # derived facts a case_file case must produce

    def __getitem__(self, key: str) -> tuple[str, ...]:
        # cases.yaml spells it as a mapping ({fired: [...], not_fired: [...]}); callers may read it so.
        if key not in ("fired", "not_fired"):
            raise KeyError(key)
        return getattr(self, key)

    def get(self, key: str, default: Any = None) -> Any:
        return self[key] if key in ("fired", "not_fired") else default


# An earlier last onder dwangsom also carries its looptijd, conduct, terms and what it forfeited (services/history).
HISTORY_KEYS = {"kenmerk", "letter_date", "sent", "revoked", "same_address", "same_person", "bron",
                "ingangsdatum", "vervaldatum", "object", "dwangsom", "verbeurd"}


@dataclass(frozen=True)
class Case:
    name: str
    date: date
    facts: dict[str, Any] | None  # None for a case_file case: the power derives the facts
    expect: Expectation
    source: str
    case_file: dict[str, Any] | None = None
    history: tuple[dict[str, Any], ...] = ()


def load_cases(
    path: Path, shown: str, checker: FactChecker, version_for: Callable[[date], RuleVersion]
) -> tuple[Case, ...]:
    """Parse cases.yaml; facts are `defaults` merged with each case's own facts.

    Raises:
        RulebookError: naming the file, the case and the key.
    """
    data = require_mapping(load_yaml(path, shown), shown)
    require_keys(data, shown, {"defaults", "cases"}, {"note", "case_file_defaults"})
    defaults = require_mapping(data["defaults"], f"{shown}: key 'defaults'")
    case_file_defaults = require_mapping(data.get("case_file_defaults", {}), f"{shown}: key 'case_file_defaults'")
    if not isinstance(data["cases"], list) or not data["cases"]:
        raise RulebookError(f"{shown}: key 'cases' must be a non-empty list")
    tools = (checker, version_for, case_file_defaults)
    cases = tuple(_case(raw, i, shown, defaults, tools) for i, raw in enumerate(data["cases"]))
    names = [case.name for case in cases]
    for name in names:
        if names.count(name) > 1:
            raise RulebookError(f"{shown}: case {name!r}: the name is used twice")
    return cases


def _case(raw: Any, index: int, shown: str, defaults: dict[str, Any], tools: tuple[Any, Any]) -> Case:
    checker, version_for, case_file_defaults = tools
    data = require_mapping(raw, f"{shown}: case {index + 1}")
    name = require_str(data.get("name"), f"{shown}: case {index + 1}: key 'name'")
    at = f"{shown}: case {name!r}"
    require_keys(data, at, {"name", "date", "expect", "source"}, {"note", "facts", "case_file", "history"})
    on = require_date(data["date"], f"{at}: key 'date'")
    if ("facts" in data) == ("case_file" in data):
        raise RulebookError(f"{at}: give either 'facts' or 'case_file'")
    facts = None if "case_file" in data else _facts(data, defaults, checker, at)
    try:
        version = version_for(on)
    except RulesNotInForce as exc:
        raise RulebookError(f"{at}: key 'date': no rules version covers {on}") from exc
    return Case(
        name=name,
        date=on,
        facts=facts,
        expect=_expectation(data["expect"], f"{at}: key 'expect'", version, checker),
        source=require_str(data["source"], f"{at}: key 'source'"),
        case_file={**case_file_defaults, **require_mapping(data["case_file"], f"{at}: key 'case_file'")}
        if "case_file" in data else None,
        history=_history(data.get("history", []), f"{at}: key 'history'"),
    )


def _facts(data: dict[str, Any], defaults: dict[str, Any], checker: FactChecker, at: str) -> dict[str, Any]:
    facts = {**defaults, **require_mapping(data["facts"], f"{at}: key 'facts'")}
    errors = checker.errors(facts)
    if errors:
        field_, problem = next(iter(errors.items()))
        raise RulebookError(f"{at}: fact {field_!r}: {problem} ({len(errors)} problem(s) in total)")
    return facts


def _history(raw: Any, at: str) -> tuple[dict[str, Any], ...]:
    if not isinstance(raw, list):
        raise RulebookError(f"{at}: expected a list of {{date, kind, kenmerk}}")
    items = [require_mapping(item, at) for item in raw]
    for item in items:  # the history item of app/domain/history.py; `date` is the earlier offence
        require_keys(item, at, {"date", "kind"}, HISTORY_KEYS)
        require_date(item["date"], f"{at}.date")
        if item.get("letter_date") is not None:
            require_date(item["letter_date"], f"{at}.letter_date")
    return tuple(items)


def _expectation(raw: Any, at: str, version: RuleVersion, checker: FactChecker) -> Expectation:
    data = require_mapping(raw, at)
    require_keys(data, at, {"fired"}, {"not_fired", "facts"})
    derived = require_mapping(data.get("facts", {}), f"{at}.facts")
    unknown = [name for name in derived if name not in checker.names]
    if unknown:
        raise RulebookError(f"{at}.facts: {unknown[0]!r} is not in the vocabulary")
    fired = require_str_list(data["fired"], f"{at}.fired")
    not_fired = require_str_list(data.get("not_fired", []), f"{at}.not_fired")
    for rule_id in (*fired, *not_fired):
        if rule_id not in version.position:
            raise RulebookError(f"{at}: rule {rule_id} is not in {version.source} ({version.ruleset})")
    both = set(fired) & set(not_fired)
    if both:
        raise RulebookError(f"{at}: rule {sorted(both)[0]} is listed as fired and as not_fired")
    return Expectation(fired=fired, not_fired=not_fired, facts=dict(derived))
