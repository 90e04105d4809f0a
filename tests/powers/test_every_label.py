"""Every code a person can meet has Dutch words: each power's facts (and their values), parameters,
outcomes, judgement answers and case-file fields, so no screen falls back to printing the code."""

from __future__ import annotations

import pytest

from app.powers import registry
from app.web.labels import Labels

POWERS = sorted(registry())


@pytest.fixture(scope="module")
def words(app_runtime):
    return Labels(app_runtime)


@pytest.fixture(scope="module")
def app_runtime():
    from app.config import Config
    from app.runtime import build_runtime

    return build_runtime(Config())


def _unlabelled(words: Labels, power: str, codes) -> list[str]:
    return sorted(code for code in set(codes) if words(code, power) == code)


@pytest.mark.parametrize("power", POWERS)
def test_every_fact_and_its_values_have_a_dutch_label(power, words, app_runtime):
    facts = app_runtime.book.index(power).facts
    values = [v for spec in facts.values() for v in spec.values]
    assert _unlabelled(words, power, [*facts, *values]) == []


@pytest.mark.parametrize("power", POWERS)
def test_every_parameter_and_class_value_has_a_dutch_label(power, words, app_runtime):
    series = app_runtime.book.parameter_series(power)
    classes = [str(v.value) for s in series.values() if s.unit == "klasse" for v in s.values()]
    assert _unlabelled(words, power, [*series, *classes]) == []


@pytest.mark.parametrize("power", POWERS)
def test_every_outcome_and_judgement_answer_has_a_dutch_label(power, app_runtime):
    procedure = app_runtime.procedure(power)
    unlabelled = [o.code for o in procedure.outcomes.values() if not o.label or o.label == o.code]
    unlabelled += [f"{j.code}: {a.code}" for j in procedure.judgements for a in j.outcomes
                   if not a.label or a.label == a.code]
    unlabelled += [j.code for j in procedure.judgements if not j.vraag]
    assert unlabelled == []


@pytest.mark.parametrize("power", POWERS)
def test_every_editable_case_file_field_has_a_dutch_label(power, words, app_runtime):
    spec = app_runtime.power(power)
    assert _unlabelled(words, power, spec.editable_facts) == []


@pytest.mark.parametrize("power", POWERS)
def test_every_period_the_deadline_overviews_name_and_every_table_key_have_a_dutch_label(power, words, app_runtime):
    """Periods that run from a breach are named by their own label in the deadline overviews; a table
    parameter (the APV norm) is confirmed key by key under the keys' labels; a measure is named in words."""
    procedure = app_runtime.procedure(power)
    periods = [p.name for o in procedure.outcomes.values() for p in o.periods if p.runs_from != "verzending"]
    series = app_runtime.book.parameter_series(power)
    keys = [k for s in series.values() for v in s.values() if isinstance(v.value, dict) for k in v.value]
    measures = [o.measure for o in procedure.outcomes.values() if o.besluit and o.duration]
    assert _unlabelled(words, power, [*periods, *keys, *measures]) == []
