"""A power's index.yaml: the facts vocabulary, the roles in its cases, and its procedure.

The vocabulary is the contract between facts_from_case and the rules: every fact a rule may read, with
its type. Enum values are strings only (YAML 1.1 would turn an unquoted yes into a boolean), and fact
names never collide with the engine's own keys (sid, id) or with parameters (p_...). The procedure
(outcomes and judgements) is parsed by rulebook/procedure.py.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.domain.codes import BRON_SOORTEN, MELDING_BRONNEN
from app.domain.errors import RulebookError
from app.domain.figures import INTAKE_CATEGORIES
from app.domain.objection_decision import with_objection_decision
from app.domain.procedure import BODIES, PER_ZAAK, JudgementSpec, Outcome, Procedure
from app.rulebook.procedure import parse_judgements, parse_outcomes
from app.rulebook.yamlio import (
    NAME_RE,
    is_number,
    load_yaml,
    one_of,
    require_keys,
    require_mapping,
    require_str,
    require_str_list,
)

FACT_TYPES = ("bool", "number", "enum")
PEILDATUM = ("pleegdatum", "besluitdatum")
# durable_rules stops at 255 properties (error 302); sid and id are added by the engine itself.
MAX_FACT_PROPERTIES = 250
_INDEX_KEYS = {"power", "title", "orgaan", "peildatum", "roles", "facts", "outcomes", "judgements"}
_OPTIONAL_INDEX_KEYS = {"processing_basis", "retention", "note", "measure_order", "competence_judgements",
                        "toegang", "vertrouwelijkheid", "bron_soorten", "cijfers_instroom"}
# Who sees a zaak of the power: everyone authorised for it (open), or only the people on its access list (lijst).
TOEGANG = ("open", "lijst")
_FACT_KEYS = {"min", "max", "values", "description"}

__all__ = ["FactSpec", "JudgementSpec", "PowerIndex", "load_index"]


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
class PowerIndex:
    """index.yaml of one power. Keys beyond the known ones are kept in `extra` for other modules."""

    power: str
    title: str
    orgaan: str
    peildatum: str
    roles: dict[str, str]
    facts: dict[str, FactSpec]
    procedure: Procedure
    retention: str | None = None  # parameter: years after the last decision when the file is destroyed
    toegang: str = "open"  # "lijst": a zaak is visible only to the people on its access list (services/toegang.py)
    vertrouwelijkheid: str = ""  # the secrecy notice the case page shows (e.g. Wet Bibob art. 28)
    # The kinds of source document the intake accepts for the power (index.yaml `bron_soorten`).
    bron_soorten: tuple[str, ...] = MELDING_BRONNEN
    # What an incoming zaak counts as in the yearly figures (index.yaml `cijfers_instroom`): a report, or an
    # application screened (domain/figures.py INTAKE_CATEGORIES).
    cijfers_instroom: str = INTAKE_CATEGORIES[0]
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def judgements(self) -> tuple[JudgementSpec, ...]:
        return self.procedure.judgements

    @property
    def outcomes(self) -> dict[str, Outcome]:
        return dict(self.procedure.outcomes)


def load_index(path: Path, shown: str, power: str) -> PowerIndex:
    """Parse and validate index.yaml.

    Raises:
        RulebookError: naming the file and key.
    """
    data = require_mapping(load_yaml(path, shown), shown)
    require_keys(data, shown, _INDEX_KEYS, _OPTIONAL_INDEX_KEYS)
    if data["power"] != power:
        raise RulebookError(f"{shown}: key 'power' is {data['power']!r}, the folder is {power!r}")
    orgaan = one_of(data["orgaan"], (*BODIES, PER_ZAAK), f"{shown}: key 'orgaan'")
    roles = _roles(data["roles"], f"{shown}: key 'roles'")
    outcomes = with_objection_decision(parse_outcomes(data["outcomes"], shown, orgaan, tuple(roles)))
    retention = data.get("retention")
    return PowerIndex(
        power=power,
        title=require_str(data["title"], f"{shown}: key 'title'"),
        orgaan=orgaan,
        peildatum=one_of(data["peildatum"], PEILDATUM, f"{shown}: key 'peildatum'"),
        roles=roles,
        facts=_facts(data["facts"], shown),
        procedure=Procedure(outcomes, parse_judgements(data["judgements"], shown, outcomes),
                            _measure_order(data.get("measure_order", []), outcomes, shown),
                            one_of(data.get("competence_judgements", "any"), ("any", "all"),
                                   f"{shown}: key 'competence_judgements'")),
        retention=None if retention is None else _retention(retention, f"{shown}: key 'retention'"),
        toegang=one_of(data.get("toegang", "open"), TOEGANG, f"{shown}: key 'toegang'"),
        vertrouwelijkheid=_secrecy(data.get("vertrouwelijkheid"), f"{shown}: key 'vertrouwelijkheid'"),
        bron_soorten=_sources(data.get("bron_soorten"), f"{shown}: key 'bron_soorten'"),
        cijfers_instroom=one_of(data.get("cijfers_instroom", INTAKE_CATEGORIES[0]), INTAKE_CATEGORIES,
                                f"{shown}: key 'cijfers_instroom'"),
        extra={k: v for k, v in data.items() if k not in _INDEX_KEYS},
    )


def _roles(raw: Any, at: str) -> dict[str, str]:
    roles = require_mapping(raw, at)
    if not roles:
        raise RulebookError(f"{at}: name at least one role")
    for code, text in roles.items():
        if type(code) is not str or not NAME_RE.match(code):
            raise RulebookError(f"{at}: role codes are snake_case, got {code!r}")
        require_str(text, f"{at}.{code}")
    return dict(roles)


def _secrecy(raw: Any, at: str) -> str:
    """The secrecy notice shown on the case page; absent means none."""
    return "" if raw is None else require_str(raw, at).strip()


def _sources(raw: Any, at: str) -> tuple[str, ...]:
    """The accepted kinds of source document; absent: the sources of a report (codes.MELDING_BRONNEN)."""
    if raw is None:
        return MELDING_BRONNEN
    found = tuple(one_of(kind, BRON_SOORTEN, at) for kind in require_str_list(raw, at))
    if not found or len(set(found)) != len(found):
        raise RulebookError(f"{at}: name at least one kind of source, each once")
    return found


def _retention(raw: Any, at: str) -> str:
    item = require_mapping(raw, at)
    require_keys(item, at, {"parameter"}, {"note"})
    return require_str(item["parameter"], f"{at}.parameter")


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


def _measure_order(raw: Any, outcomes: Mapping[str, Any], shown: str) -> tuple[str, ...]:
    """The power's measures from lightest to heaviest (Awb 4:84 departs from policy only towards a lighter one)."""
    order = tuple(require_str_list(raw, f"{shown}: key 'measure_order'"))
    unknown = set(order) - {o.measure for o in outcomes.values()}
    if unknown:
        raise RulebookError(f"{shown}: key 'measure_order' names no outcome's measure: {sorted(unknown)}")
    return order
