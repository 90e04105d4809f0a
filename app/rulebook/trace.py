"""From fired rule ids to the Assessment jurists read: engine-neutral, and cheap on the hot path.

Every entry comes from the pristine parsed rule (never from what the engine was given) and carries only
the facts and parameters that rule references, so the trace is short and explains itself. Everything that
does not depend on the facts (legal basis, parameters, the entries of rules that did not fire) is built
once per (rules version, parameter set) and shared: entries are frozen, and the budget for the Python
around the engine is a few microseconds per assessment.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from app.domain.assessment import Assessment, ParameterValue, TraceEntry
from app.domain.serialize import jsonable
from app.rulebook.rule import Rule
from app.rulebook.versions import RuleVersion

_CACHE_LIMIT = 1024
_NOT_FIRED_LIMIT = 4096


class _Static:
    """Per (version, parameters): one fact-free entry per rule, and not_fired tuples per fired set."""

    __slots__ = ("entries", "not_fired", "params", "version")

    def __init__(self, version: RuleVersion, params: Mapping[str, ParameterValue]) -> None:
        self.version = version
        self.params = params  # kept so its id() cannot be reused while the cache entry lives
        self.entries = tuple(_entry(rule, {}, params) for rule in version.rules)
        self.not_fired: dict[frozenset[int], tuple[TraceEntry, ...]] = {}

    def remaining(self, fired: frozenset[int]) -> tuple[TraceEntry, ...]:
        found = self.not_fired.get(fired)
        if found is None:
            if len(self.not_fired) >= _NOT_FIRED_LIMIT:
                self.not_fired.clear()
            found = tuple(e for i, e in enumerate(self.entries) if i not in fired)
            self.not_fired[fired] = found
        return found


_statics: dict[tuple[str, str, int], _Static] = {}
_statics_lock = threading.Lock()


def build_assessment(  # noqa: PLR0913 - the six parts of one assessment, nothing to bundle
    version: RuleVersion,
    facts: Mapping[str, Any],
    params: Mapping[str, ParameterValue],
    fired: Iterable[str],
    on: date,
    *,
    engine: str,
    beslisdatum: date | None = None,
) -> Assessment:
    """The frozen Assessment for one evaluation; fired and not-fired entries in rule-file order.

    `facts` are the checked vocabulary facts (without p_ entries). Entries and their inner dicts are
    shared between assessments: read-only by contract, like the frozen dataclasses holding them.
    """
    static = _static(version, params)
    indexes = frozenset(version.position[rule_id] for rule_id in fired)
    fired_entries = tuple(_fired(version.rules[i], static.entries[i], facts) for i in sorted(indexes))
    return Assessment(
        power=version.power,
        peildatum=on,
        ruleset=version.ruleset,
        rules_sha256=version.sha256,
        engine=engine,
        facts=dict(facts),
        parameters=dict(params),
        fired=fired_entries,
        not_fired=static.remaining(indexes),
        beslisdatum=beslisdatum if beslisdatum != on else None,
    )


def _static(version: RuleVersion, params: Mapping[str, ParameterValue]) -> _Static:
    key = (version.ruleset, version.sha256, id(params))
    found = _statics.get(key)
    if found is None or found.params is not params or found.version is not version:
        found = _Static(version, params)
        with _statics_lock:
            if len(_statics) >= _CACHE_LIMIT:
                _statics.clear()
            _statics[key] = found
    return found


def _fired(rule: Rule, static: TraceEntry, facts: Mapping[str, Any]) -> TraceEntry:
    # The static entry with this evaluation's facts. Filling __dict__ directly skips the frozen
    # dataclass __init__ (one object.__setattr__ per field): a third of the cost, on the hot path.
    entry = object.__new__(TraceEntry)
    fields = entry.__dict__
    fields.update(static.__dict__)
    fields["facts"] = {key: facts[key] for key in rule.facts}
    return entry


def _entry(rule: Rule, facts: dict[str, Any], params: Mapping[str, ParameterValue]) -> TraceEntry:
    return TraceEntry(
        rule=rule.id,
        kind=rule.conclusion["finding"],
        value=rule.conclusion["value"],
        legal_basis=dict(rule.legal_basis),
        explanation=rule.explanation,
        facts=facts,
        parameters={name: params[name] for name in rule.parameters if name in params},
        conclusion=dict(rule.conclusion),
    )


def rules_part(version: RuleVersion) -> dict[str, Any]:
    """What a receipt references instead of copying (app/domain/receipt.py): per rule, in file order, the
    metadata its trace entry shows and the facts and parameters it reads, plus the rules as written, so the
    stored part alone can be fingerprinted again (`versions.fingerprint`) and the case re-run."""
    return {
        "power": version.power, "ruleset": version.ruleset, "rules_sha256": version.sha256,
        "rules": [{"rule": rule.id, "kind": rule.conclusion["finding"], "value": rule.conclusion["value"],
                   "legal_basis": jsonable(rule.legal_basis), "explanation": rule.explanation,
                   "conclusion": jsonable(rule.conclusion), "facts": list(rule.facts),
                   "parameters": list(rule.parameters)} for rule in version.rules],
        "raw": jsonable([rule.raw for rule in version.rules]),
    }
