"""The receipt by reference (app/domain/receipt.py) rebuilds exactly what the engine returned, for every
jurist case of every power, and `Assessment.to_dict` writes exactly what the `dataclasses.asdict` version did.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from types import SimpleNamespace
from typing import Any

import pytest
from rules_support import case_facts

from app.domain.assessment import Assessment
from app.domain.receipt import (
    ReceiptMismatch,
    by_reference,
    case_part,
    digest,
    join,
    parameters_part,
    read_parameters,
    same_result,
)
from app.domain.serialize import jsonable
from app.rulebook.trace import rules_part
from app.rulebook.versions import fingerprint
from app.rules_engine import RulesEngine


def _as_before(a: Assessment) -> dict[str, Any]:
    """Assessment.to_dict as it was written before issue 12."""
    reasons = [{"rule": e.rule, "kind": e.kind, "explanation": e.explanation, "facts": e.facts,
                "parameters": {n: p.value for n, p in e.parameters.items()}} for e in a.niet_bevoegd_redenen]
    return jsonable({**asdict(a), "niet_bevoegd_redenen": reasons})


def _every_case(engine: RulesEngine) -> list[Assessment]:
    book = engine.book
    return [engine.evaluate(power, case_facts(book, power, case), case.date)
            for power in book.powers for case in book.cases(power)]


def _stored(engine: RulesEngine, a: Assessment) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """The three parts as a database returns them (JSON text read back)."""
    params = parameters_part(a)
    rules = rules_part(engine.book.version_for(a.power, a.peildatum))
    return tuple(json.loads(json.dumps(p)) for p in (case_part(a, digest(params)), rules, params))  # type: ignore[return-value]


def test_to_dict_equals_the_asdict_version_when_evaluating_every_case(real_engine: RulesEngine) -> None:
    assessments = _every_case(real_engine)
    assert len(assessments) > 100
    for a in assessments:
        assert a.to_dict() == _as_before(a), a.ruleset


def test_join_rebuilds_the_assessment_when_reading_a_receipt_of_every_case(real_engine: RulesEngine) -> None:
    reasons = 0
    for a in _every_case(real_engine):
        case, rules, params = _stored(real_engine, a)
        back = join(case, rules, read_parameters(params))
        assert back.to_dict() == a.to_dict(), a.ruleset
        assert back.bevoegdheid == a.bevoegdheid == case["bevoegdheid"]
        reasons += len(back.niet_bevoegd_redenen)
    assert reasons > 0  # the derived explanation of niet_bevoegd is rebuilt too


def test_receipt_keeps_only_the_case_and_names_its_parts_when_split(real_engine: RulesEngine) -> None:
    a = next(x for x in _every_case(real_engine) if x.power == "damocles" and len(x.fired) > 3)
    case, rules, params = _stored(real_engine, a)
    assert by_reference(case) and not by_reference(a.to_dict())
    assert "not_fired" not in case and "parameters" not in case
    assert case["parameters_sha256"] == digest(params) and case["rules_sha256"] == a.rules_sha256
    fired = case["fired"][0]
    entry = a.fired[0]
    assert fired == {"rule": entry.rule, "facts": entry.facts,
                     "parameters": {n: p.value for n, p in entry.parameters.items()}}
    assert len(json.dumps(case)) * 10 < len(json.dumps(a.to_dict()))


def test_rules_part_carries_the_rules_as_fingerprinted_when_stored(real_engine: RulesEngine) -> None:
    """The stored part alone proves which rules ran: its rules as written hash to the receipt's SHA-256."""
    versions = [v for power in real_engine.book.powers for v in real_engine.book.versions(power)]
    assert len(versions) > 6
    for version in versions:
        part = json.loads(json.dumps(rules_part(version)))
        assert fingerprint([SimpleNamespace(raw=raw) for raw in part["raw"]]) == version.sha256
        assert [r["rule"] for r in part["rules"]] == [r.id for r in version.rules]


def test_join_refuses_when_the_rules_part_is_of_another_version(real_engine: RulesEngine) -> None:
    a = _every_case(real_engine)[0]
    case, rules, params = _stored(real_engine, a)
    with pytest.raises(ReceiptMismatch):
        join(case, {**rules, "rules_sha256": "0" * 64}, read_parameters(params))
    with pytest.raises(ReceiptMismatch, match="fired rules not in the rules part"):
        join(case, {**rules, "rules": []}, read_parameters(params))


def test_same_result_reads_both_formats_when_comparing_with_a_fresh_evaluation(real_engine: RulesEngine) -> None:
    first, second = _every_case(real_engine)[:2]
    case, _rules, params = _stored(real_engine, first)
    sha, other = digest(params), digest(parameters_part(second))
    assert same_result(case, first, sha) and same_result(first.to_dict(), first, sha)
    assert not same_result(case, second, other) and not same_result(first.to_dict(), second, other)
