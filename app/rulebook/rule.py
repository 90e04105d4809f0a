"""One rule of a rules file: metadata for people, one engine condition, and what it references.

The metadata (legal basis, conclusion, explanation) is what jurists read in the trace; the engine only ever
sees a deep copy of `all`. The references recorded here let the trace show just the facts and parameters a
rule looked at.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from app.domain.errors import RulebookError
from app.rulebook.conditions import ConditionChecker
from app.rulebook.parameters import ParameterSeries
from app.rulebook.vocabulary import FactSpec
from app.rulebook.yamlio import NAME_RE, require_keys, require_mapping, require_str, require_str_list, where

RULE_KEYS = {"id", "legal_basis", "conclusion", "explanation", "all"}
OPTIONAL_RULE_KEYS = {"exception_to", "note"}
LEGAL_HOSTS = ("wetten.overheid.nl", "lokaleregelgeving.overheid.nl")
_G_DATE = re.compile(r"[?&]g=([^&#]*)")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Rule:
    """A parsed rule. `raw` is the pristine mapping from the file (never handed to the engine)."""

    id: str
    condition: list[Any]
    legal_basis: dict[str, str]
    conclusion: dict[str, Any]
    explanation: str
    exception_to: tuple[str, ...]
    note: str
    facts: tuple[str, ...]
    parameters: tuple[str, ...]  # condition parameters, then the conclusion's parameter
    condition_parameters: tuple[str, ...]
    defined_in: str
    raw: dict[str, Any]


@dataclass(frozen=True)
class RuleContext:
    """What a rule is checked against: the vocabulary, the parameters and the defining file's window."""

    shown: str
    facts: Mapping[str, FactSpec]
    params: Mapping[str, ParameterSeries]
    window: tuple[date, date | None]
    outcomes: frozenset[str] = frozenset()  # the power's outcomes, which a conclusion may be scoped to


def parse_rule(raw: Any, index: int, ctx: RuleContext) -> Rule:
    """Validate one rule mapping.

    Raises:
        RulebookError: naming file, rule and key.
    """
    data = require_mapping(raw, f"{ctx.shown}: rule {index + 1}")
    rule_id = data.get("id")
    if type(rule_id) is not str or not NAME_RE.match(rule_id):
        raise RulebookError(f"{ctx.shown}: rule {index + 1}: key 'id' must be a snake_case text")
    at = where(ctx.shown, rule_id)
    require_keys(data, at, RULE_KEYS, OPTIONAL_RULE_KEYS)
    checker = ConditionChecker(ctx.facts, ctx.params, at)
    facts, in_condition = checker.check(data["all"])
    conclusion = _conclusion(data["conclusion"], at, ctx)
    params = in_condition
    if "parameter" in conclusion and conclusion["parameter"] not in params:
        params = (*params, conclusion["parameter"])
    return Rule(
        id=rule_id,
        condition=data["all"],
        legal_basis=_legal_basis(data["legal_basis"], at, ctx.window),
        conclusion=conclusion,
        explanation=require_str(data["explanation"], f"{at}: key 'explanation'"),
        exception_to=_exception_to(data.get("exception_to"), at),
        note=require_str(data.get("note", ""), f"{at}: key 'note'", empty=True),
        facts=facts,
        parameters=params,
        condition_parameters=in_condition,
        defined_in=ctx.shown,
        raw=data,
    )


def _conclusion(raw: Any, at: str, ctx: RuleContext) -> dict[str, Any]:
    """finding and value; optionally the parameter a policy cell names and the outcomes it is scoped to
    (a competence rule about an extension says nothing about the imposition)."""
    where_, params = f"{at}: key 'conclusion'", ctx.params
    data = require_mapping(raw, where_)
    require_keys(data, where_, {"finding", "value"}, {"parameter", "outcomes"})
    require_str(data["finding"], f"{where_}.finding")
    require_str(data["value"], f"{where_}.value")
    if "outcomes" in data:
        scoped = require_str_list(data["outcomes"], f"{where_}.outcomes")
        unknown = [o for o in scoped if o not in ctx.outcomes]
        if unknown or not scoped:
            raise RulebookError(f"{where_}.outcomes: {unknown[0] if unknown else '[]'!r} is not an outcome of "
                                "this power")
        data = {**data, "outcomes": list(scoped)}
    if "parameter" in data:
        name = require_str(data["parameter"], f"{where_}.parameter")
        name = name[2:] if name.startswith("p_") and name[2:] in params else name
        if name not in params:
            raise RulebookError(f"{where_}.parameter: {name!r} is not a file in parameters/")
        data = {**data, "parameter": name}
    return data


def _exception_to(raw: Any, at: str) -> tuple[str, ...]:
    if raw is None:
        return ()
    items = raw if isinstance(raw, list) else [raw]
    for item in items:
        require_str(item, f"{at}: key 'exception_to'")
    return tuple(items)


def _legal_basis(raw: Any, at: str, window: tuple[date, date | None]) -> dict[str, str]:
    where_ = f"{at}: key 'legal_basis'"
    data = require_mapping(raw, where_)
    require_keys(data, where_, {"title", "href"}, set())
    require_str(data["title"], f"{where_}.title")
    check_href(require_str(data["href"], f"{where_}.href"), f"{where_}.href", window)
    return data


def check_href(href: str, at: str, window: tuple[date, date | None]) -> date:
    """An https link to wetten.overheid.nl or lokaleregelgeving.overheid.nl whose g= date is in the window.

    Raises:
        RulebookError: naming the key and the problem.
    """
    parts = urlsplit(href)
    if parts.scheme != "https" or parts.netloc not in LEGAL_HOSTS:
        raise RulebookError(f"{at}: must be an https link to {' or '.join(LEGAL_HOSTS)}, got {href!r}")
    found = _G_DATE.findall(href)
    if len(found) != 1 or not _ISO_DATE.match(found[0]):
        raise RulebookError(f"{at}: needs exactly one g=YYYY-MM-DD (the version of the law), got {href!r}")
    try:
        version = date.fromisoformat(found[0])
    except ValueError as exc:
        raise RulebookError(f"{at}: g={found[0]} is not a date") from exc
    first, last = window
    if version < first or (last is not None and version > last):
        span = f"{first.isoformat()} .. {last.isoformat() if last else 'open'}"
        raise RulebookError(f"{at}: g={found[0]} lies outside the file's validity window {span}")
    return version
