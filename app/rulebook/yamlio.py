"""Strict YAML reading for the rules folder, plus the helpers that phrase load errors.

PyYAML's `safe_load` silently keeps the last of two equal keys, which would drop a rule, a fact or a
parameter value without a trace. The loader here refuses duplicate keys and YAML merge keys, and every
error names the file (and where possible the line, rule and key) so a jurist can fix it without Python.
"""

from __future__ import annotations

import math
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import ConstructorError

from app.domain.errors import RulebookError

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_MERGE_TAG = "tag:yaml.org,2002:merge"


class StrictLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """SafeLoader that rejects duplicate mapping keys and `<<` merge keys."""

    def construct_mapping(self, node: yaml.Node, deep: bool = False) -> dict[Any, Any]:
        if isinstance(node, yaml.MappingNode):
            _reject_duplicates(self, node)
        return super().construct_mapping(node, deep=deep)


def _reject_duplicates(loader: StrictLoader, node: yaml.MappingNode) -> None:
    seen: dict[Any, int] = {}
    for key_node, _value in node.value:
        if key_node.tag == _MERGE_TAG:
            raise ConstructorError(None, None, "merge keys (<<) are not allowed", key_node.start_mark)
        key = loader.construct_object(key_node, deep=True)
        marker = _hashable(key)
        if marker in seen:
            problem = f"duplicate key {key!r} (first at line {seen[marker]})"
            raise ConstructorError(None, None, problem, key_node.start_mark)
        seen[marker] = key_node.start_mark.line + 1


def _hashable(key: Any) -> Any:
    # Keep True and 1 apart: YAML 1.1 turns `yes` into True, which must not collide with a key 1.
    try:
        return (type(key).__name__, key) if isinstance(key, bool) else key
    except TypeError:  # pragma: no cover - unhashable keys are rejected by PyYAML itself
        return repr(key)


def load_yaml(path: Path, shown: str) -> Any:
    """Parse one YAML file strictly; `shown` is the path used in messages.

    Raises:
        RulebookError: unreadable file, YAML syntax error or duplicate key.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RulebookError(f"{shown}: cannot read file ({exc})") from exc
    try:
        return yaml.load(text, Loader=StrictLoader)  # noqa: S506 - StrictLoader is a SafeLoader
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = f" line {mark.line + 1}:" if mark else ""
        raise RulebookError(f"{shown}:{line} {exc.problem or exc.context}") from exc
    except yaml.YAMLError as exc:
        raise RulebookError(f"{shown}: {exc}") from exc


def where(shown: str, rule: str | None = None, key: str | None = None) -> str:
    """'file: rule r: key k' prefix for messages."""
    parts = [shown]
    if rule:
        parts.append(f"rule {rule}")
    if key:
        parts.append(f"key {key!r}")
    return ": ".join(parts)


def require_mapping(value: Any, at: str) -> dict[Any, Any]:
    if not isinstance(value, dict):
        raise RulebookError(f"{at}: expected a mapping, got {_kind(value)}")
    return value


def require_keys(mapping: dict[Any, Any], at: str, required: set[str], optional: set[str]) -> None:
    """Every required key present, nothing outside required | optional."""
    unknown = [k for k in mapping if k not in required and k not in optional]
    if unknown:
        allowed = ", ".join(sorted(required | optional))
        raise RulebookError(f"{at}: key {unknown[0]!r} is not allowed (allowed: {allowed})")
    missing = sorted(required - set(mapping))
    if missing:
        raise RulebookError(f"{at}: key {missing[0]!r} is missing")


def require_str(value: Any, at: str, *, empty: bool = False) -> str:
    if type(value) is not str or (not empty and not value.strip()):
        raise RulebookError(f"{at}: expected a non-empty text, got {_kind(value)}")
    return value


def require_date(value: Any, at: str) -> date:
    if type(value) is not date:
        hint = "a date and time" if isinstance(value, datetime) else _kind(value)
        raise RulebookError(f"{at}: expected an unquoted date YYYY-MM-DD, got {hint}")
    return value


def require_str_list(value: Any, at: str) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise RulebookError(f"{at}: expected a list, got {_kind(value)}")
    for item in value:
        require_str(item, at)
    return tuple(value)


def is_number(value: Any) -> bool:
    """int or float, never bool, and finite."""
    kind = type(value)
    return kind is int or (kind is float and math.isfinite(value))


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return f"the boolean {value} (YAML 1.1 reads unquoted yes/no/on/off as booleans: quote it)"
    if value is None:
        return "nothing (null)"
    return f"{type(value).__name__} {value!r}"
