"""The Rulebook: every power's vocabulary, rule versions, parameters and cases, loaded and checked once.

Engine-neutral on purpose: nothing here knows durable_rules, so the test oracle, the CLI and a future
engine read the same validated data. Lookups that run per assessment (version, parameters, fact check)
are precomputed or cached per (power, date).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from app.domain.assessment import BESLISDATUM, ParameterValue
from app.domain.errors import ParameterNotInForce, RulebookError, UnknownPower
from app.domain.procedure import GENERAL_PREFIX
from app.rulebook.cases import Case, load_cases
from app.rulebook.factcheck import FactChecker
from app.rulebook.overlay import Overlay, epoch_key, overlaid
from app.rulebook.parameters import ParameterSeries, is_scalar, load_parameters
from app.rulebook.rule import RuleContext
from app.rulebook.versions import FILE_RE, RuleVersion, load_versions, version_on
from app.rulebook.vocabulary import MAX_FACT_PROPERTIES, PowerIndex, load_index
from app.rulebook.yamlio import NAME_RE

GENERAL = "algemeen"
_POWER_FILES = ("index.yaml", "cases.yaml")
_CACHE_LIMIT = 50_000


class ResolvedParameters(dict[str, ParameterValue]):
    """Parameters in force on one date. Shared from a cache: treat as read-only.

    `fact_entries` holds the p_<name> values rule conditions need; `epoch` identifies the combination of
    values, so caches downstream can key on it.
    """

    fact_entries: dict[str, Any]
    epoch: tuple[tuple[str, date], ...]


@dataclass
class _Power:
    index: PowerIndex
    params: dict[str, ParameterSeries]
    versions: tuple[RuleVersion, ...] = ()
    starts: list[date] = field(default_factory=list)
    checker: FactChecker | None = None
    cases: tuple[Case, ...] = ()
    condition_params: tuple[str, ...] = ()
    required: dict[str, tuple[str, ...]] = field(default_factory=dict)


class Rulebook:
    """Validated contents of the rules/ folder."""

    def __init__(self, root: Path, powers: dict[str, _Power], general: dict[str, ParameterSeries]) -> None:
        self.root = root
        self._powers = powers
        self._general = general
        self._params_cache: dict[tuple[str, date, date | None], ResolvedParameters] = {}
        self._epochs: dict[tuple[str, tuple[tuple[Any, ...], ...]], ResolvedParameters] = {}

    @classmethod
    def load(cls, root: Path | str) -> Rulebook:
        """Load and validate every file under `root`.

        Raises:
            RulebookError: naming the file, and where relevant the rule and key.
        """
        root = Path(root)
        if not root.is_dir():
            raise RulebookError(f"{root}: rules folder not found")
        powers: dict[str, _Power] = {}
        general: dict[str, ParameterSeries] = {}
        for folder in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith((".", "_"))):
            shown = f"{root.name}/{folder.name}"
            if folder.name == GENERAL:
                general = _load_general(folder, shown)
            else:
                powers[folder.name] = _load_power(folder, shown)
        for code, entry in powers.items():
            _check_procedure_parameters(entry, general, f"{root.name}/{code}/index.yaml")
        return cls(root, powers, general)

    @property
    def powers(self) -> tuple[str, ...]:
        """Power codes that have a rules folder (not "algemeen")."""
        return tuple(self._powers)

    def index(self, power: str) -> PowerIndex:
        return self._power(power).index

    def versions(self, power: str) -> tuple[RuleVersion, ...]:
        """Every rules version of a power, oldest first."""
        return self._power(power).versions

    def version_for(self, power: str, on: date) -> RuleVersion:
        """The rules version in force on `on`.

        Raises:
            UnknownPower, RulesNotInForce.
        """
        entry = self._power(power)
        return version_on(entry.versions, entry.starts, power, on)

    def parameter_series(self, power: str) -> dict[str, ParameterSeries]:
        """All dated parameters of a power (or of "algemeen")."""
        return dict(self._general if power == GENERAL else self._power(power).params)

    def parameter(self, power: str, name: str, on: date) -> ParameterValue:
        """One parameter's value on `on`; power "algemeen" reads rules/algemeen/parameters.

        Raises:
            UnknownPower, KeyError (no such parameter file), ParameterNotInForce.
        """
        if name.startswith(GENERAL_PREFIX):
            power, name = GENERAL, name.removeprefix(GENERAL_PREFIX)
        series = self.parameter_series(power)
        if name not in series:
            raise KeyError(f"no parameter {name!r} for {power}")
        return series[name].value_at(on)

    def parameters_for(self, power: str, on: date, *, beslisdatum: date | None = None,
                       overlay: Overlay | None = None) -> ResolvedParameters:
        """Every parameter of the power in force: those with `applies_at: beslisdatum` on `beslisdatum`
        (default: `on`), the others on the peildatum `on`; confirmed values (`overlay`, plain data the service
        layer loads) laid over the defaults. Cached per (power, dates) when there is no overlay.

        Raises:
            UnknownPower, RulesNotInForce, ParameterNotInForce (a parameter the rules in force use).
        """
        if overlay:
            return self._resolve(power, on, beslisdatum, overlay)
        key = (power, on, beslisdatum if beslisdatum != on else None)
        try:
            return self._params_cache[key]
        except KeyError:
            pass
        resolved = self._resolve(power, on, beslisdatum, None)
        if len(self._params_cache) >= _CACHE_LIMIT:
            self._params_cache.clear()
        self._params_cache[key] = resolved
        return resolved

    def checked_fact(
        self, power: str, facts: Mapping[str, Any], params: Mapping[str, ParameterValue]
    ) -> dict[str, Any]:
        """The flat engine fact: the facts, strictly checked, plus p_<name> for the parameters rules use.

        Raises:
            UnknownPower, FactsRejected(errors={field: Dutch message}).
        """
        entry = self._power(power)
        entries = getattr(params, "fact_entries", None)
        if entries is None:
            entries = _fact_entries(params, entry.condition_params)
        return entry.checker.check(facts, entries)  # type: ignore[union-attr]

    def cases(self, power: str) -> list[Case]:
        """The power's cases.yaml, defaults merged into each case's facts."""
        return list(self._power(power).cases)

    def _power(self, power: str) -> _Power:
        try:
            return self._powers[power]
        except KeyError:
            raise UnknownPower(f"Bevoegdheid {power!r} is onbekend.", power=power) from None

    def _resolve(self, power: str, on: date, beslisdatum: date | None, overlay: Overlay | None) -> ResolvedParameters:
        decided = beslisdatum or on
        if power == GENERAL:
            return self._intern(power, _in_force(overlaid(self._general, overlay), on, decided), (), overlay)
        entry = self._power(power)
        version = version_on(entry.versions, entry.starts, power, on)
        series = overlaid(entry.params, overlay)
        for name in entry.required[version.ruleset]:
            _value_at(series[name], on, decided)  # raises ParameterNotInForce for a parameter the rules use
        return self._intern(power, _in_force(series, on, decided), entry.condition_params, overlay)

    def _intern(
        self, power: str, values: dict[str, ParameterValue], used: tuple[str, ...], overlay: Overlay | None
    ) -> ResolvedParameters:
        # Dates with the same combination of values share one object, so caches keyed on it stay small.
        epoch = tuple(epoch_key(value, overlay) for value in values.values())
        found = self._epochs.get((power, epoch))
        if found is None:
            found = ResolvedParameters(values)
            found.fact_entries = _fact_entries(values, used)
            found.epoch = epoch
            self._epochs[(power, epoch)] = found
        return found


def _value_at(series: ParameterSeries, on: date, decided: date) -> ParameterValue:
    """The value on the peildatum, or on the decision date for a parameter that applies at the decision."""
    return series.value_at(decided if series.applies_at == BESLISDATUM else on)


def _in_force(series: Mapping[str, ParameterSeries], on: date, decided: date) -> dict[str, ParameterValue]:
    values = {}
    for name, one in series.items():
        try:
            values[name] = _value_at(one, on, decided)
        except ParameterNotInForce:
            continue  # not used by the rules in force (checked before): simply absent on this date
    return values


def _fact_entries(params: Mapping[str, ParameterValue], used: tuple[str, ...]) -> dict[str, Any]:
    values = ((name, params[name].value) for name in used if name in params)
    return {f"p_{name}": value for name, value in values if is_scalar(value)}


def _load_general(folder: Path, shown: str) -> dict[str, ParameterSeries]:
    strays = [p.name for p in folder.iterdir() if p.name != "parameters" and p.suffix in (".yaml", ".yml")]
    if strays:
        raise RulebookError(f"{shown}/{strays[0]}: the general folder holds parameters only")
    return load_parameters(folder / "parameters", f"{shown}/parameters", GENERAL)


def _load_power(folder: Path, shown: str) -> _Power:
    power = folder.name
    if not NAME_RE.match(power):
        raise RulebookError(f"{shown}: power codes are snake_case")
    _check_file_names(folder, shown)
    for needed in _POWER_FILES:
        if not (folder / needed).is_file():
            raise RulebookError(f"{shown}/{needed}: missing")
    index = load_index(folder / "index.yaml", f"{shown}/index.yaml", power)
    entry = _Power(index=index, params=load_parameters(folder / "parameters", f"{shown}/parameters", power))
    context = RuleContext(shown, index.facts, entry.params, (date.min, None), frozenset(index.outcomes))
    entry.versions = load_versions(folder, shown, power, context)
    entry.starts = [v.valid_from for v in entry.versions]
    entry.required = {v.ruleset: _uses(v, conditions_only=False) for v in entry.versions}
    used = (name for v in entry.versions for name in _uses(v, conditions_only=True))
    entry.condition_params = tuple(dict.fromkeys(used))
    if len(index.facts) + len(entry.condition_params) > MAX_FACT_PROPERTIES:
        raise RulebookError(f"{shown}: facts plus parameters exceed {MAX_FACT_PROPERTIES} (engine limit 255)")
    entry.checker = FactChecker(index.facts)
    entry.cases = load_cases(
        folder / "cases.yaml", f"{shown}/cases.yaml", entry.checker,
        lambda on: version_on(entry.versions, entry.starts, power, on),
    )
    return entry


def _check_procedure_parameters(entry: _Power, general: dict[str, ParameterSeries], shown: str) -> None:
    """Every parameter an outcome's periods and duration, or the retention, name must exist."""
    index = entry.index
    named = [(f"outcome {o.code!r}", p) for o in index.outcomes.values() for p in o.parameters]
    if index.retention:
        named.append(("retention", index.retention))
    for where_, name in named:
        found = general if name.startswith(GENERAL_PREFIX) else entry.params
        if name.removeprefix(GENERAL_PREFIX) not in found:
            raise RulebookError(f"{shown}: {where_}: parameter {name!r} is not a file in parameters/")


def _uses(version: RuleVersion, *, conditions_only: bool) -> tuple[str, ...]:
    names = (n for r in version.rules for n in (r.condition_parameters if conditions_only else r.parameters))
    return tuple(dict.fromkeys(names))


def _check_file_names(folder: Path, shown: str) -> None:
    for path in folder.iterdir():
        if path.is_file() and path.suffix in (".yaml", ".yml"):
            if path.name not in _POWER_FILES and not FILE_RE.match(path.name):
                raise RulebookError(f"{shown}/{path.name}: unexpected file (index.yaml, cases.yaml, "
                                    "rules-YYYY-MM-DD.yaml and parameters/ only)")
