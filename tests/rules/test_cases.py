"""Every jurist-written case of every power, through the real wrapper, gives exactly what it expects.

Also checks what the cases cover: a positive and a negative case per power, and a case on the first day of
every rules version and of every parameter value the rules use (the days where mistakes hide).
"""

from __future__ import annotations

from datetime import date

import pytest
from rules_support import FIXTURE_RULES, RULES, case_facts

from app.domain.assessment import BEVOEGD, JUDGEMENT_REQUIRED, NIET_BEVOEGD
from app.domain.errors import RulebookError
from app.rulebook import Rulebook
from app.rules_engine import RulesEngine

ROOTS = {"rules": RULES, "fixtures": FIXTURE_RULES}
ENGINE_FIXTURE = {"rules": "real_engine", "fixtures": "fixture_engine"}


def _load(label: str) -> Rulebook | RulebookError:
    try:
        return Rulebook.load(ROOTS[label])
    except RulebookError as exc:
        return exc


# Loaded once at collection so each case becomes its own test; a load error becomes one failing test.
BOOKS = {label: _load(label) for label in ROOTS}


def _case_params() -> list[object]:
    params: list[object] = []
    for label, book in BOOKS.items():
        if isinstance(book, RulebookError):
            params.append(pytest.param(label, "", 0, id=f"{label}-does-not-load"))
            continue
        for power in book.powers:
            params += [pytest.param(label, power, i, id=f"{label}/{power}/{i + 1}")
                       for i in range(len(book.cases(power)))]
    return params


def _power_params() -> list[object]:
    return [pytest.param(label, power, id=f"{label}/{power}")
            for label, book in BOOKS.items() if isinstance(book, Rulebook) for power in book.powers]


def _engine(request: pytest.FixtureRequest, label: str) -> RulesEngine:
    book = BOOKS[label]
    if isinstance(book, RulebookError):
        pytest.fail(f"{ROOTS[label]} does not load: {book}")
    return request.getfixturevalue(ENGINE_FIXTURE[label])


@pytest.mark.parametrize(("label", "power", "number"), _case_params())
def test_case_gives_expected_rules_when_evaluated(
    request: pytest.FixtureRequest, label: str, power: str, number: int
) -> None:
    engine = _engine(request, label)
    case = engine.book.cases(power)[number]
    facts = case_facts(engine.book, power, case)
    assessment = engine.evaluate(power, facts, case.date)
    assert {k: facts[k] for k in case.expect.facts} == case.expect.facts, f"{case.name}: derived facts"
    fired = [entry.rule for entry in assessment.fired]
    not_fired = {entry.rule for entry in assessment.not_fired}
    assert sorted(fired) == sorted(case.expect.fired), f"{case.name} ({case.date})"
    assert set(case.expect.not_fired) <= not_fired, f"{case.name} ({case.date})"
    assert len(set(fired) | not_fired) == len(engine.book.version_for(power, case.date).rules)


@pytest.mark.parametrize(("label", "power"), _power_params())
def test_power_has_positive_and_negative_case_when_cases_load(
    request: pytest.FixtureRequest, label: str, power: str
) -> None:
    engine = _engine(request, label)
    outcomes = {engine.evaluate(power, case_facts(engine.book, power, c), c.date).bevoegdheid
                for c in engine.book.cases(power)}
    # Where competence rests on a person's judgement (the danger of a huisverbod), the positive case is the
    # rules asking for it: they never conclude bevoegd on their own.
    assert outcomes & {BEVOEGD, JUDGEMENT_REQUIRED}, f"{power}: no case where the mayor may be bevoegd"
    assert NIET_BEVOEGD in outcomes, f"{power}: no case where the mayor is niet bevoegd"


@pytest.mark.parametrize(("label", "power"), _power_params())
def test_case_exists_when_rules_or_parameter_values_start(label: str, power: str) -> None:
    book = BOOKS[label]
    assert isinstance(book, Rulebook)
    dated = {case.date for case in book.cases(power)}
    missing = {day: why for day, why in required_case_dates(book, power).items() if day not in dated}
    assert not missing, "cases.yaml needs a case on: " + "; ".join(
        f"{day} ({why})" for day, why in sorted(missing.items())
    )


def required_case_dates(book: Rulebook, power: str) -> dict[date, str]:
    """First day of every rules version, and of every parameter value a version's rules use."""
    needed: dict[date, str] = {}
    series = book.parameter_series(power)
    for version in book.versions(power):
        needed.setdefault(version.valid_from, f"first day of {version.ruleset}")
        used = dict.fromkeys(name for rule in version.rules for name in rule.parameters)
        for name in used:
            for start, end, value in series[name].periods():
                first = max(start, version.valid_from)
                overlaps = end is None or end >= version.valid_from
                if overlaps and (version.valid_until is None or first <= version.valid_until):
                    needed.setdefault(first, f"{name} = {value.value!r} under {version.ruleset}")
    return needed


def test_the_tests_a_cases_file_points_to_exist():
    """A cases.yaml header names the tests that cover the pitfalls no case can show; those must exist."""
    import re

    tests, checked = RULES.parent / "tests", 0
    for path in RULES.glob("*/cases.yaml"):
        comments = "\n".join(line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("#"))
        for file, names in re.findall(r"([a-z_/]+/test_\w+\.py)(?:[\s#]*\(([^)]*)\))?", comments):
            target = tests / file.removeprefix("tests/")
            assert target.is_file(), f"{path.parent.name}/cases.yaml names {file}, which does not exist"
            defined = target.read_text(encoding="utf-8")
            for name in re.findall(r"[a-z][a-z0-9_]+", names):
                assert f"def test_{name}" in defined, f"{path.parent.name}/cases.yaml: no test_{name}… in {file}"
                checked += 1
    assert checked >= 15  # the damocles header alone names more; a broken pattern must not pass silently
