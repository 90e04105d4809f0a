"""Dated parameters: one YAML file per parameter under rules/<power>/parameters/.

Every statutory or policy number lives here, never in Python or in a rule condition. Each value has a start
date, a status (statute, case law, policy to confirm, ...) and a reference. A value of null ends the
parameter: asking for it on or after that date raises ParameterNotInForce, because the law is then not
encoded and evaluation must fail loudly rather than use a stale number.

`applies_at` (optional, default peildatum) says which date selects the value: the peildatum (the finding:
statutory competence conditions and what was found) or the beslisdatum (policy as it stands when the mayor
decides). Values a beheerder confirmed come from the database as plain data and are laid over the YAML
series by `with_confirmations` (app/rulebook/overlay.py); the YAML files stay the defaults.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from app.domain.assessment import APPLIES_AT, PEILDATUM, ParameterValue
from app.domain.errors import ParameterNotInForce, RulebookError
from app.rulebook.yamlio import (
    NAME_RE,
    is_number,
    load_yaml,
    require_date,
    require_keys,
    require_mapping,
    require_str,
)

_FILE_KEYS = {"description", "unit", "last_reviewed", "values"}
_ENTRY_KEYS = {"value", "status", "reference"}


@dataclass(frozen=True)
class ParameterSeries:
    """All dated values of one parameter, oldest first; `resolved[i]` is None where a value ends it."""

    power: str
    name: str
    description: str
    unit: str
    last_reviewed: date
    starts: tuple[date, ...]
    resolved: tuple[ParameterValue | None, ...]
    applies_at: str = PEILDATUM
    choices: tuple[str, ...] = ()  # a text parameter's allowed values: a confirmation must be one of them

    def value_at(self, on: date) -> ParameterValue:
        """The value in force on `on`.

        Raises:
            ParameterNotInForce: before the first value, or once a null value has ended the parameter.
        """
        index = bisect.bisect_right(self.starts, on) - 1
        found = self.resolved[index] if index >= 0 else None
        if found is None:
            raise ParameterNotInForce(
                f"De regels dekken deze datum niet: parameter {self.name} heeft geen waarde op "
                f"{on.isoformat()}.",
                power=self.power,
                parameter=self.name,
                on=on,
            )
        return found

    def values(self) -> tuple[ParameterValue, ...]:
        """Every non-null value, oldest first."""
        return tuple(v for v in self.resolved if v is not None)

    def periods(self) -> tuple[tuple[date, date | None, ParameterValue], ...]:
        """(first day, last day or None, value) for every non-null value."""
        ends = [*(start - timedelta(days=1) for start in self.starts[1:]), None]
        return tuple((s, e, v) for s, e, v in zip(self.starts, ends, self.resolved, strict=True) if v)

    def with_values(self, added: dict[date, ParameterValue]) -> ParameterSeries:
        """A copy with `added` laid over the series: each added value applies from its date until the next
        dated value (of either source); on the same date the added value wins."""
        merged = {**dict(zip(self.starts, self.resolved, strict=True)), **added}
        starts = tuple(sorted(merged))
        return replace(self, starts=starts, resolved=tuple(merged[s] for s in starts))


def is_scalar(value: Any) -> bool:
    """Values that may enter a fact as p_<name>: bool, finite number or text."""
    return type(value) in (bool, str) or is_number(value)


def load_parameters(folder: Path, shown: str, power: str) -> dict[str, ParameterSeries]:
    """Every parameters/<name>.yaml of one power, keyed by name (empty when the folder is absent).

    Raises:
        RulebookError: naming the file and key.
    """
    if not folder.is_dir():
        return {}
    series = {}
    for path in sorted(folder.iterdir()):
        where = f"{shown}/{path.name}"
        if path.suffix not in (".yaml", ".yml"):
            continue
        if path.suffix != ".yaml" or not NAME_RE.match(path.stem):
            raise RulebookError(f"{where}: parameter files are named <snake_case_name>.yaml")
        series[path.stem] = _series(load_yaml(path, where), where, power, path.stem)
    return series


def _series(raw: Any, where: str, power: str, name: str) -> ParameterSeries:
    data = require_mapping(raw, where)
    require_keys(data, where, _FILE_KEYS, {"note", "applies_at", "choices"})
    description = require_str(data["description"], f"{where}: key 'description'")
    unit = require_str(data["unit"], f"{where}: key 'unit'", empty=True)
    applies_at = data.get("applies_at", PEILDATUM)
    if applies_at not in APPLIES_AT:
        raise RulebookError(f"{where}: key 'applies_at' must be one of {', '.join(APPLIES_AT)}, got {applies_at!r}")
    values = require_mapping(data["values"], f"{where}: key 'values'")
    if not values:
        raise RulebookError(f"{where}: key 'values' is empty")
    starts = tuple(sorted(require_date(k, f"{where}: key 'values'") for k in values))
    resolved = tuple(
        _entry(values[start], f"{where}: value {start.isoformat()}", name, start, (unit, description, applies_at))
        for start in starts
    )
    if resolved[0] is None:
        raise RulebookError(f"{where}: the first value may not be null")
    choices = _choices(data, resolved, where)
    return ParameterSeries(
        power=power,
        name=name,
        description=description,
        unit=unit,
        last_reviewed=require_date(data["last_reviewed"], f"{where}: key 'last_reviewed'"),
        starts=starts,
        resolved=resolved,
        applies_at=applies_at,
        choices=choices,
    )


def _choices(data: dict[str, Any], resolved: tuple[ParameterValue | None, ...], where: str) -> tuple[str, ...]:
    """The values a text parameter may take (a typo confirmed by a beheerder would otherwise break every
    evaluation or silently switch a rule off); each dated value is one of them."""
    texts = [v.value for v in resolved if v is not None and type(v.value) is str]
    if not texts or "choices" not in data:
        return ()  # a text parameter without choices cannot be confirmed through the UI (overlay.read_value)
    choices = tuple(require_str(c, f"{where}: key 'choices'") for c in data["choices"])
    unknown = [t for t in texts if t not in choices]
    if unknown:
        raise RulebookError(f"{where}: values {unknown} are not among 'choices'")
    return choices


def _entry(raw: Any, at: str, name: str, start: date, texts: tuple[str, str, str]) -> ParameterValue | None:
    entry = require_mapping(raw, at)
    if entry.get("value", 0) is None:
        require_keys(entry, at, {"value"}, _ENTRY_KEYS | {"note"})
        return None
    require_keys(entry, at, _ENTRY_KEYS, {"note"})
    _check_value(entry["value"], f"{at}: key 'value'")
    return ParameterValue(
        name=name,
        value=entry["value"],
        valid_from=start,
        status=require_str(entry["status"], f"{at}: key 'status'"),
        reference=_reference(entry["reference"], f"{at}: key 'reference'"),
        unit=texts[0],
        description=texts[1],
        applies_at=texts[2],
    )


def _check_value(value: Any, at: str) -> None:
    """Scalars, or mappings/lists of them (a matrix cell, a list of dates); no NaN or infinity."""
    if isinstance(value, dict):
        for key, item in value.items():
            require_str(key, at)
            _check_value(item, at)
    elif isinstance(value, list):
        for item in value:
            _check_value(item, at)
    elif not (is_scalar(value) or type(value) is date):
        raise RulebookError(f"{at}: {value!r} is not a finite number, text, boolean or date")


def _reference(raw: Any, at: str) -> dict[str, str]:
    ref = require_mapping(raw, at)
    require_keys(ref, at, {"title", "href"}, set())
    require_str(ref["title"], f"{at}.title")
    href = require_str(ref["href"], f"{at}.href")
    if not href.startswith("https://"):
        raise RulebookError(f"{at}.href: must be an https link, got {href!r}")
    return dict(ref)
