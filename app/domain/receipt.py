"""The stored receipt of an assessment, by reference: what differs per case, and what it points at.

A full Assessment repeats, for every case, what only depends on the rules version (each rule's legal basis,
explanation and conclusion, for the 60-80 rules of a version) and on the parameter set in force (each value
with its status, reference and description). Stored that way a receipt was about 120 kB of JSON. So a
receipt (format 2) keeps only the case: its facts, the rules that fired with their bindings (the facts and
parameter values each used), the dates and the engine, and names the two shared parts by their SHA-256:
the rules version (`rules_sha256`, the fingerprint over the rule files) and the parameter set
(`parameters_sha256`, over its canonical JSON). `join` rebuilds exactly the Assessment the engine returned.

Receipts stored before issue 12 are full copies (format 1, `Assessment.to_dict`) and are read as they are.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from datetime import date
from typing import Any

from app.domain.assessment import Assessment, ParameterValue, TraceEntry, parameter_dict, parameter_from_dict
from app.domain.serialize import jsonable

FORMAT = 2
FORMAT_KEY = "receipt_format"


class ReceiptMismatch(ValueError):
    """A receipt and the part it references do not belong together (wrong power, fingerprint or rule)."""


def by_reference(data: Mapping[str, Any]) -> bool:
    """True for a receipt that references its rules and parameters; False for a full copy (format 1)."""
    return data.get(FORMAT_KEY) == FORMAT


def digest(data: Any) -> str:
    """SHA-256 of the canonical JSON (sorted keys, no spaces): the same bytes on every database."""
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def parameters_part(assessment: Assessment) -> dict[str, Any]:
    """Every parameter in force, with value, date, status, reference and source: shared by many receipts."""
    return {str(name): parameter_dict(p) for name, p in assessment.parameters.items()}


def case_part(assessment: Assessment, parameters_sha256: str) -> dict[str, Any]:
    """What only this case has: the stored receipt (format 2)."""
    a = assessment
    return {
        FORMAT_KEY: FORMAT, "power": a.power, "peildatum": a.peildatum.isoformat(),
        "beslisdatum": a.beslisdatum.isoformat() if a.beslisdatum else None, "ruleset": a.ruleset,
        "rules_sha256": a.rules_sha256, "parameters_sha256": parameters_sha256, "engine": a.engine,
        "bevoegdheid": a.bevoegdheid, "facts": jsonable(a.facts),
        # Bindings: what each fired rule read, so the receipt explains itself without the rules part.
        "fired": [{"rule": e.rule, "facts": jsonable(e.facts),
                   "parameters": {n: jsonable(p.value) for n, p in e.parameters.items()}} for e in a.fired],
    }


def join(case: Mapping[str, Any], rules: Mapping[str, Any], parameters: Mapping[str, ParameterValue]) -> Assessment:
    """The full Assessment from a format-2 receipt, its rules part (`rules_part` in rulebook/trace.py) and
    its parameter set (already read with `read_parameters`): entries in rule-file order, as the engine made.

    Raises:
        ReceiptMismatch: the rules part is of another power or version, or lacks a rule that fired.
    """
    if (rules["power"], rules["rules_sha256"]) != (case["power"], case["rules_sha256"]):
        raise ReceiptMismatch(f"receipt {case['ruleset']} {case['rules_sha256'][:12]} references "
                              f"{rules['ruleset']} {rules['rules_sha256'][:12]}")
    bindings = {b["rule"]: b for b in case["fired"]}
    fired, not_fired = [], []
    for rule in rules["rules"]:
        binding = bindings.pop(rule["rule"], None)
        if binding is None:
            used = {n: parameters[n] for n in rule["parameters"] if n in parameters}
            not_fired.append(_entry(rule, {}, used))
        else:
            fired.append(_entry(rule, dict(binding["facts"]), {n: parameters[n] for n in binding["parameters"]}))
    if bindings:
        raise ReceiptMismatch(f"receipt {case['ruleset']}: fired rules not in the rules part: {sorted(bindings)}")
    return Assessment(
        power=case["power"], peildatum=date.fromisoformat(case["peildatum"]), ruleset=case["ruleset"],
        rules_sha256=case["rules_sha256"], engine=case["engine"], facts=dict(case["facts"]),
        parameters=dict(parameters), fired=tuple(fired), not_fired=tuple(not_fired),
        beslisdatum=date.fromisoformat(case["beslisdatum"]) if case.get("beslisdatum") else None,
    )


def read_parameters(data: Mapping[str, Any]) -> dict[str, ParameterValue]:
    """A stored parameter set as ParameterValues."""
    return {name: parameter_from_dict(value) for name, value in data.items()}


def same_result(stored: Mapping[str, Any], fresh: Assessment, parameters_sha256: str) -> bool:
    """Whether a stored receipt (either format) says exactly what a fresh evaluation says (whose parameter
    set has the given digest)."""
    if by_reference(stored):
        return stored == case_part(fresh, parameters_sha256)
    return stored == fresh.to_dict()


def _entry(rule: Mapping[str, Any], facts: dict[str, Any], params: dict[str, ParameterValue]) -> TraceEntry:
    return TraceEntry(rule=rule["rule"], kind=rule["kind"], value=rule["value"], legal_basis=rule["legal_basis"],
                      explanation=rule["explanation"], facts=facts, parameters=params,
                      conclusion=rule["conclusion"])
