"""durable_rules and a plain-Python reading of the same YAML fire exactly the same rules.

Facts are generated from each power's vocabulary, with numbers concentrated on and around the parameter
values the rules compare with. HYPOTHESIS_PROFILE=nightly runs 10,000 examples per property, dev 200;
the default is 1,000.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any

import oracle
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rules_support import FIXTURE_RULES, RULES, case_facts, interesting_dates, interesting_numbers

from app.domain.errors import DomainError, RulebookError
from app.rulebook import FactSpec, Rulebook
from app.rulebook.factcheck import NUMBER_LIMIT, engine_number
from app.rules_engine import RulesEngine

EXAMPLES = {"nightly": 10_000, "dev": 200}.get(os.environ.get("HYPOTHESIS_PROFILE", ""), 1_000)
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _number(spec: FactSpec, near: list[float]) -> st.SearchStrategy[Any]:
    low = max(spec.minimum if spec.minimum is not None else -1e6, -NUMBER_LIMIT)
    high = min(spec.maximum if spec.maximum is not None else 1e6, NUMBER_LIMIT)
    pool = [n for n in near if low <= n <= high] or [low]
    floats = st.floats(low, high, allow_nan=False, allow_infinity=False)
    return st.one_of(
        st.sampled_from(pool),
        st.integers(int(max(low, -1000)), int(min(high, 1000))),
        floats.map(lambda x: x if engine_number(x) else 0.0),
    )


def _value(spec: FactSpec, near: list[float]) -> st.SearchStrategy[Any]:
    if spec.type == "bool":
        return st.booleans()
    if spec.type == "enum":
        return st.sampled_from(spec.values)
    return _number(spec, near)


def _dates(book: Rulebook, power: str) -> st.SearchStrategy[date]:
    first = book.versions(power)[0].valid_from
    last = book.versions(power)[-1].valid_until or date(first.year + 30, 12, 31)
    return st.one_of(st.sampled_from(interesting_dates(book, power)), st.dates(first, last))


def _inputs(book: Rulebook | None) -> st.SearchStrategy[tuple[str, dict[str, Any], date]]:
    if book is None or not book.powers:
        return st.nothing()
    per_power = []
    for power in book.powers:
        near = interesting_numbers(book, power)
        facts = st.fixed_dictionaries({n: _value(s, near) for n, s in book.index(power).facts.items()})
        per_power.append(st.tuples(st.just(power), facts, _dates(book, power)))
    return st.one_of(per_power)


def _load(root: Path) -> Rulebook | None:
    try:
        return Rulebook.load(root)
    except RulebookError:
        return None  # test_cases reports the load error; here there is nothing to generate from


# Strategies are built at import from the same files the engines load (the session fixtures).
FIXTURE_INPUTS = _inputs(_load(FIXTURE_RULES))
REAL_BOOK = _load(RULES)
REAL_INPUTS = _inputs(REAL_BOOK)


def _same_outcome(engine: RulesEngine, power: str, facts: dict[str, Any], on: date) -> None:
    try:
        expected = oracle.evaluate(engine.book, power, facts, on)
    except DomainError as exc:  # a date where a parameter has ended: both must refuse alike
        with pytest.raises(type(exc)):
            engine.evaluate(power, facts, on)
        return
    assessment = engine.evaluate(power, facts, on)
    assert [entry.rule for entry in assessment.fired] == expected
    assert len(assessment.fired) + len(assessment.not_fired) == len(engine.book.version_for(power, on).rules)


@SETTINGS
@given(item=FIXTURE_INPUTS)
def test_engine_fires_what_oracle_fires_when_facts_come_from_fixture_vocabulary(
    fixture_engine: RulesEngine, item: tuple[str, dict[str, Any], date]
) -> None:
    _same_outcome(fixture_engine, *item)


def test_real_rulebook_loads_so_the_differential_test_has_inputs() -> None:
    assert REAL_BOOK is not None and REAL_BOOK.powers  # never skip: without inputs the comparison below is empty


@SETTINGS
@given(item=REAL_INPUTS)
def test_engine_fires_what_oracle_fires_when_facts_come_from_rules_vocabulary(
    real_engine: RulesEngine, item: tuple[str, dict[str, Any], date]
) -> None:
    _same_outcome(real_engine, *item)


@pytest.mark.parametrize("book_fixture", ["fixture_book", "rules_book"])
def test_oracle_fires_expected_rules_when_reading_every_case(
    request: pytest.FixtureRequest, book_fixture: str
) -> None:
    book: Rulebook = request.getfixturevalue(book_fixture)
    for power in book.powers:
        for case in book.cases(power):
            fired = oracle.evaluate(book, power, case_facts(book, power, case), case.date)
            assert sorted(fired) == sorted(case.expect.fired), case.name
