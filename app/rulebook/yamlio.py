"""Reading the rules folder: the strict YAML reader (app/strict_yaml.py) plus the helpers that phrase
load errors, so every error names the file (and where possible the line, rule and key) and a jurist can
fix it without reading Python.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

from app.domain.errors import RulebookError
from app.strict_yaml import StrictYamlError, load

NAME_RE = re.compile(r"^[a-z][a-z0-9_]*$")


def load_yaml(path: Path, shown: str) -> Any:
    """Parse one YAML file strictly; `shown` is the path used in messages.

    Raises:
        RulebookError: unreadable file, YAML syntax error or duplicate key.
    """
    try:
        return load(path)
    except StrictYamlError as exc:
        raise RulebookError(f"{shown}: {exc}") from exc


def one_of(value: Any, allowed: tuple[str, ...], at: str) -> str:
    """A text that is one of `allowed`."""
    if type(value) is not str or value not in allowed:
        raise RulebookError(f"{at}: {value!r} is not one of {', '.join(allowed)}")
    return value


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
