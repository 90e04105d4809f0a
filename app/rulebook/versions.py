"""Versions of a power's rules: one rules-<valid_from>.yaml per version, contiguous, never overlapping.

A later file may name an earlier one as `base:` and then only adds, replaces (by id) or `removed:` rules,
so a change of one article does not copy thirty rules. The fingerprint is taken over the resolved rule
list, so it says exactly which rules a stored assessment ran.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from app.domain.errors import RulebookError, RulesNotInForce
from app.rulebook.rule import Rule, RuleContext, parse_rule
from app.rulebook.yamlio import (
    load_yaml,
    require_date,
    require_keys,
    require_mapping,
    require_str_list,
)

FILE_RE = re.compile(r"^rules-(\d{4}-\d{2}-\d{2})\.yaml$")
_FILE_KEYS = {"power", "valid_from", "rules"}
_OPTIONAL_FILE_KEYS = {"valid_until", "revision", "base", "removed", "note"}


@dataclass(frozen=True)
class RuleVersion:
    """One resolved version of a power's rules and the engine ruleset it becomes."""

    power: str
    valid_from: date
    valid_until: date | None  # the last day in force: explicit, or the day before the next version
    revision: int
    base: date | None
    ruleset: str
    rules: tuple[Rule, ...]
    sha256: str
    source: str
    position: dict[str, int] = field(default_factory=dict, compare=False)

    def rule(self, rule_id: str) -> Rule:
        return self.rules[self.position[rule_id]]


@dataclass
class _File:
    shown: str
    valid_from: date
    valid_until: date | None
    revision: int
    base: date | None
    removed: tuple[str, ...]
    rules: list[Any]
    ends: date | None = None


def load_versions(folder: Path, shown: str, power: str, ctx: RuleContext) -> tuple[RuleVersion, ...]:
    """Every rules file of one power, resolved and checked; oldest first.

    Raises:
        RulebookError: naming file, rule and key.
    """
    files = [_read(path, f"{shown}/{path.name}", power) for path in sorted(folder.glob("rules-*.yaml"))]
    if not files:
        raise RulebookError(f"{shown}: no rules-<YYYY-MM-DD>.yaml file")
    files.sort(key=lambda f: f.valid_from)
    _check_windows(files)
    resolved: dict[date, list[Rule]] = {}
    versions = []
    for file in files:
        own = _own_rules(file, ctx)
        resolved[file.valid_from] = _resolve(file, own, resolved)
        versions.append(_version(power, file, resolved[file.valid_from]))
    return tuple(versions)


def _read(path: Path, shown: str, power: str) -> _File:
    match = FILE_RE.match(path.name)
    if not match:
        raise RulebookError(f"{shown}: rules files are named rules-YYYY-MM-DD.yaml")
    data = require_mapping(load_yaml(path, shown), shown)
    require_keys(data, shown, _FILE_KEYS, _OPTIONAL_FILE_KEYS)
    if data["power"] != power:
        raise RulebookError(f"{shown}: key 'power' is {data['power']!r}, the folder is {power!r}")
    valid_from = require_date(data["valid_from"], f"{shown}: key 'valid_from'")
    if valid_from.isoformat() != match.group(1):
        raise RulebookError(f"{shown}: key 'valid_from' {valid_from} differs from the file name")
    until = data.get("valid_until")
    revision = data.get("revision", 1)
    if type(revision) is not int or revision < 1:
        raise RulebookError(f"{shown}: key 'revision' must be a whole number >= 1")
    if not isinstance(data["rules"], list):
        raise RulebookError(f"{shown}: key 'rules' must be a list")
    return _File(
        shown=shown,
        valid_from=valid_from,
        valid_until=None if until is None else require_date(until, f"{shown}: key 'valid_until'"),
        revision=revision,
        base=None if data.get("base") is None else require_date(data["base"], f"{shown}: key 'base'"),
        removed=require_str_list(data.get("removed", []), f"{shown}: key 'removed'"),
        rules=data["rules"],
    )


def _check_windows(files: list[_File]) -> None:
    """Contiguous, non-overlapping windows; sets each file's effective last day."""
    for file, nxt in zip(files, [*files[1:], None], strict=True):
        if file.valid_until is not None and file.valid_until < file.valid_from:
            raise RulebookError(f"{file.shown}: key 'valid_until' lies before 'valid_from'")
        file.ends = file.valid_until
        if nxt is None:
            continue
        day_before = nxt.valid_from - timedelta(days=1)
        if file.valid_until is not None and file.valid_until > day_before:
            raise RulebookError(f"{file.shown}: overlaps {nxt.shown} (valid_until {file.valid_until})")
        if file.valid_until is not None and file.valid_until < day_before:
            raise RulebookError(f"{file.shown}: gap until {nxt.shown} (valid_until {file.valid_until})")
        file.ends = day_before


def _own_rules(file: _File, ctx: RuleContext) -> list[Rule]:
    if not file.rules and file.base is None:
        raise RulebookError(f"{file.shown}: key 'rules' is empty")
    file_ctx = RuleContext(file.shown, ctx.facts, ctx.params, (file.valid_from, file.ends), ctx.outcomes)
    rules = [parse_rule(raw, i, file_ctx) for i, raw in enumerate(file.rules)]
    seen: set[str] = set()
    for rule in rules:
        if rule.id in seen:
            raise RulebookError(f"{file.shown}: rule {rule.id}: key 'id' is used twice")
        seen.add(rule.id)
    return rules


def _resolve(file: _File, own: list[Rule], earlier: Mapping[date, list[Rule]]) -> list[Rule]:
    """Base rules minus `removed`, replaced by id in place, new ones appended."""
    if file.base is None:
        if file.removed:
            raise RulebookError(f"{file.shown}: key 'removed' needs a 'base'")
        return _checked_exceptions(file, own)
    if file.base not in earlier:
        raise RulebookError(f"{file.shown}: key 'base' {file.base} is not the valid_from of an earlier file")
    rules = {rule.id: rule for rule in earlier[file.base]}
    for rule_id in file.removed:
        if rule_id not in rules:
            raise RulebookError(f"{file.shown}: key 'removed': rule {rule_id} is not in the base {file.base}")
        if any(rule.id == rule_id for rule in own):
            raise RulebookError(f"{file.shown}: rule {rule_id}: both removed and defined again")
        del rules[rule_id]
    rules.update((rule.id, rule) for rule in own)
    return _checked_exceptions(file, list(rules.values()))


def _checked_exceptions(file: _File, rules: list[Rule]) -> list[Rule]:
    ids = {rule.id for rule in rules}
    for rule in rules:
        for target in rule.exception_to:
            if target not in ids:
                raise RulebookError(f"{file.shown}: rule {rule.id}: key 'exception_to': no rule {target}")
    return rules


def _version(power: str, file: _File, rules: list[Rule]) -> RuleVersion:
    name = f"{power}__{file.valid_from.strftime('%Y%m%d')}"
    if file.revision > 1:
        name += f"_r{file.revision}"
    return RuleVersion(
        power=power,
        valid_from=file.valid_from,
        valid_until=file.ends,
        revision=file.revision,
        base=file.base,
        ruleset=name,
        rules=tuple(rules),
        sha256=fingerprint(rules),
        source=file.shown,
        position={rule.id: i for i, rule in enumerate(rules)},
    )


def fingerprint(rules: list[Rule] | tuple[Rule, ...]) -> str:
    """SHA-256 of the canonical JSON of the resolved rules as written (metadata included)."""
    text = json.dumps([rule.raw for rule in rules], sort_keys=True, ensure_ascii=False,
                      separators=(",", ":"), default=_iso)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _iso(value: Any) -> str:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"cannot fingerprint {type(value).__name__}")


def version_on(versions: tuple[RuleVersion, ...], starts: list[date], power: str, on: date) -> RuleVersion:
    """The version in force on `on`.

    Raises:
        RulesNotInForce: before the first version or after the last valid_until.
    """
    index = bisect.bisect_right(starts, on) - 1
    if index < 0 or (versions[index].valid_until is not None and on > versions[index].valid_until):
        raise RulesNotInForce(
            f"De regels voor {power} dekken {on.isoformat()} niet.", power=power, on=on
        )
    return versions[index]
