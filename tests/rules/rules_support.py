"""Paths and small helpers shared by the rules tests (imported by name: tests/rules is on sys.path)."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from app.domain.errors import ParameterNotInForce, RulesNotInForce
from app.rulebook import FactSpec, Rulebook
from app.rulebook.factcheck import SMALLEST_NUMBER, engine_number

REPO = Path(__file__).resolve().parents[2]
RULES = REPO / "rules"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
FIXTURE_RULES = FIXTURES / "rules"


def case_facts(book: Rulebook, power: str, case: Any) -> dict[str, Any]:
    """A case's flat fact: its own facts, or what the registered power derives from its case file."""
    from app.powers import power as spec_of
    from app.services.evaluation import facts_of_case

    return dict(case.facts) if case.facts is not None else facts_of_case(book, spec_of(power), case)


def interesting_numbers(book: Rulebook, power: str) -> list[float]:
    """Numbers near every numeric parameter value the rules compare with: where off-by-one bugs live."""
    found = {0.0, 1.0}
    series = book.parameter_series(power)
    names = {n for v in book.versions(power) for r in v.rules for n in r.condition_parameters}
    for name in names:
        for value in series[name].values():
            if isinstance(value.value, int | float) and not isinstance(value.value, bool):
                found.update({value.value, value.value + 0.5, value.value - 0.5, value.value + 1e-9})
                found.update({value.value - 1e-9, value.value + SMALLEST_NUMBER})
    return sorted(n for n in found if engine_number(n))


def interesting_dates(book: Rulebook, power: str) -> list[date]:
    """First and last days of versions and parameter values, inside the rules' coverage."""
    days: set[date] = set()
    for version in book.versions(power):
        days.update({version.valid_from, version.valid_from + timedelta(days=1)})
        if version.valid_until:
            days.add(version.valid_until)
    for series in book.parameter_series(power).values():
        for start in series.starts:
            days.update({start, start - timedelta(days=1)})
    return sorted(day for day in days if _covered(book, power, day))


def _covered(book: Rulebook, power: str, day: date) -> bool:
    try:
        book.parameters_for(power, day)
    except (RulesNotInForce, ParameterNotInForce):
        return False
    return True


def random_value(spec: FactSpec, rng: random.Random, numbers: list[float]) -> Any:
    if spec.type == "bool":
        return rng.random() < 0.5
    if spec.type == "enum":
        return rng.choice(spec.values)
    low = spec.minimum if spec.minimum is not None else -1e6
    high = spec.maximum if spec.maximum is not None else 1e6
    pool = [n for n in numbers if low <= n <= high] or [low]
    pick = rng.random()
    if pick < 0.6:
        return rng.choice(pool)
    if pick < 0.8:
        return rng.randint(int(max(low, 0)), int(min(high, 50)))
    number = rng.uniform(max(low, 0), min(high, 100))
    return number if engine_number(number) else 0


def random_inputs(book: Rulebook, count: int, seed: int) -> list[tuple[str, dict[str, Any], date]]:
    """(power, facts, date) triples covering every power, mostly near thresholds."""
    rng = random.Random(seed)
    plans = [(p, book.index(p).facts, interesting_numbers(book, p), interesting_dates(book, p))
             for p in book.powers]
    inputs = []
    for i in range(count):
        power, facts, numbers, days = plans[i % len(plans)]
        values = {name: random_value(spec, rng, numbers) for name, spec in facts.items()}
        inputs.append((power, values, rng.choice(days)))
    return inputs
