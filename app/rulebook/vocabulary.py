"""A power's index.yaml: the facts vocabulary and the judgements people record.

The vocabulary is the contract between facts_from_case and the rules: every fact a rule may read, with
its type. Enum values are strings only (YAML 1.1 would turn an unquoted yes into a boolean), and fact
names never collide with the engine's own keys (sid, id) or with parameters (p_...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.domain.errors import RulebookError
from app.rulebook.yamlio import (
    is_number,
    load_yaml,
    require_keys,
    require_mapping,
    require_str,
    require_str_list,
)

NAME_RE = re.compile(r"^[a-z][a-z0-9_]*$")
FACT_TYPES = ("bool", "number", "enum")
PEILDATUM = ("pleegdatum", "besluitdatum")
REVIEW = ("vooraf", "achteraf")
# durable_rules stops at 255 properties (error 302); sid and id are added by the engine itself.
MAX_FACT_PROPERTIES = 250
_INDEX_KEYS = {"power", "title", "besluit", "peildatum", "review", "facts", "judgements"}
_FACT_KEYS = {"min", "max", "values", "description"}
_JUDGEMENT_KEYS = {"toelichting", "required_for", "bevoegd_bij"}


@dataclass(frozen=True)
class FactSpec:
    """One fact of the vocabulary: bool, number (optional bounds) or enum (string values)."""

    name: str
    type: str
    minimum: float | int | None = None
    maximum: float | int | None = None
    values: tuple[str, ...] = ()
    description: str = ""


@dataclass(frozen=True)
class JudgementSpec:
    """A judgement a person records (never the system): code, step, question, guidance."""

    code: str
    stap: str
    vraag: str
    toelichting: str = ""
    required_for: tuple[str, ...] = ()
    # For a competence judgement: the outcome that establishes the ground (e.g. niet_aannemelijk).
    bevoegd_bij: str | None = None


@dataclass(frozen=True)
class PowerIndex:
    """index.yaml of one power. Keys beyond the known ones are kept in `extra` for other modules."""

    power: str
    title: str
    besluit: bool
    peildatum: str
    review: str
    facts: dict[str, FactSpec]
    judgements: tuple[JudgementSpec, ...]
    extra: dict[str, Any] = field(default_factory=dict)


def load_index(path: Path, shown: str, power: str) -> PowerIndex:
    """Parse and validate index.yaml.

    Raises:
        RulebookError: naming the file and key.
    """
    data = require_mapping(load_yaml(path, shown), shown)
    require_keys(data, shown, _INDEX_KEYS, set(data) - _INDEX_KEYS)
    if data["power"] != power:
        raise RulebookError(f"{shown}: key 'power' is {data['power']!r}, the folder is {power!r}")
    if type(data["besluit"]) is not bool:
        raise RulebookError(f"{shown}: key 'besluit' must be true or false")
    _one_of(data["peildatum"], PEILDATUM, f"{shown}: key 'peildatum'")
    _one_of(data["review"], REVIEW, f"{shown}: key 'review'")
    return PowerIndex(
        power=power,
        title=require_str(data["title"], f"{shown}: key 'title'"),
        besluit=data["besluit"],
        peildatum=data["peildatum"],
        review=data["review"],
        facts=_facts(data["facts"], shown),
        judgements=_judgements(data["judgements"], shown),
        extra={k: v for k, v in data.items() if k not in _INDEX_KEYS},
    )


def _one_of(value: Any, allowed: tuple[str, ...], at: str) -> None:
    if value not in allowed or type(value) is not str:
        raise RulebookError(f"{at}: {value!r} is not one of {', '.join(allowed)}")


def _facts(raw: Any, shown: str) -> dict[str, FactSpec]:
    facts = require_mapping(raw, f"{shown}: key 'facts'")
    if not facts:
        raise RulebookError(f"{shown}: key 'facts' is empty")
    if len(facts) > MAX_FACT_PROPERTIES:
        raise RulebookError(f"{shown}: more than {MAX_FACT_PROPERTIES} facts (the engine limit is 255)")
    return {name: _fact(name, spec, f"{shown}: fact {name!r}") for name, spec in facts.items()}


def _fact(name: Any, raw: Any, at: str) -> FactSpec:
    if type(name) is not str or not NAME_RE.match(name) or name.startswith("p_") or name in ("sid", "id"):
        raise RulebookError(f"{at}: fact names are snake_case, not 'sid'/'id', and never start with p_")
    spec = require_mapping(raw, at)
    require_keys(spec, at, {"type"}, _FACT_KEYS)
    kind = spec["type"]
    if kind not in FACT_TYPES:
        raise RulebookError(f"{at}: key 'type' must be one of {', '.join(FACT_TYPES)}, got {kind!r}")
    if kind == "enum":
        return _enum_fact(name, spec, at)
    if kind == "number":
        return _number_fact(name, spec, at)
    _no_keys(spec, at, ("min", "max", "values"), "a bool fact")
    return FactSpec(name, "bool", description=spec.get("description", ""))


def _enum_fact(name: str, spec: dict[str, Any], at: str) -> FactSpec:
    _no_keys(spec, at, ("min", "max"), "an enum fact")
    if "values" not in spec:
        raise RulebookError(f"{at}: key 'values' is missing")
    values = require_str_list(spec["values"], f"{at}: key 'values'")
    if not values or len(set(values)) != len(values):
        raise RulebookError(f"{at}: key 'values' must be a non-empty list without repeats")
    return FactSpec(name, "enum", values=values, description=spec.get("description", ""))


def _number_fact(name: str, spec: dict[str, Any], at: str) -> FactSpec:
    _no_keys(spec, at, ("values",), "a number fact")
    low, high = spec.get("min"), spec.get("max")
    for key, bound in (("min", low), ("max", high)):
        if bound is not None and not is_number(bound):
            raise RulebookError(f"{at}: key {key!r} must be a number, got {bound!r}")
    if low is not None and high is not None and low > high:
        raise RulebookError(f"{at}: key 'min' is larger than 'max'")
    return FactSpec(name, "number", minimum=low, maximum=high, description=spec.get("description", ""))


def _no_keys(spec: dict[str, Any], at: str, keys: tuple[str, ...], what: str) -> None:
    for key in keys:
        if key in spec:
            raise RulebookError(f"{at}: key {key!r} is not allowed for {what}")


def _judgements(raw: Any, shown: str) -> tuple[JudgementSpec, ...]:
    if not isinstance(raw, list):
        raise RulebookError(f"{shown}: key 'judgements' must be a list of {{code, stap, vraag, ...}}")
    specs = tuple(_judgement(item, f"{shown}: judgement {i + 1}") for i, item in enumerate(raw))
    codes = [j.code for j in specs]
    if len(set(codes)) != len(codes):
        raise RulebookError(f"{shown}: key 'judgements' repeats a code")
    return specs


def _judgement(raw: Any, at: str) -> JudgementSpec:
    item = require_mapping(raw, at)
    require_keys(item, at, {"code", "stap", "vraag"}, _JUDGEMENT_KEYS)
    code = require_str(item["code"], f"{at}: key 'code'")
    if not NAME_RE.match(code):
        raise RulebookError(f"{at}: key 'code' must be snake_case, got {code!r}")
    return JudgementSpec(
        code=code,
        stap=require_str(item["stap"], f"{at}: key 'stap'"),
        vraag=require_str(item["vraag"], f"{at}: key 'vraag'"),
        toelichting=require_str(item.get("toelichting", ""), f"{at}: key 'toelichting'", empty=True),
        required_for=require_str_list(item.get("required_for", []), f"{at}: key 'required_for'"),
        bevoegd_bij=_optional_str(item, "bevoegd_bij", at),
    )


def _optional_str(item: dict[str, Any], key: str, at: str) -> str | None:
    return require_str(item[key], f"{at}: key {key!r}") if key in item else None
