"""Competence judgements as alternative grounds (any) or cumulative conditions (all, Gemeentewet 151d)."""

from __future__ import annotations

from app.domain.assessment import BEVOEGD, JUDGEMENT_REQUIRED, NIET_BEVOEGD
from app.domain.judgements import Recorded, competence, open_competence_judgements
from app.domain.procedure import JudgementOutcome, JudgementSpec

ORDER, WARNING = "last", "waarschuwing"


def _spec(code: str, required_for: tuple[str, ...]) -> JudgementSpec:
    outcomes = (JudgementOutcome("ja", "Ja"), JudgementOutcome("nee", "Nee", blocks=required_for))
    return JudgementSpec(code=code, stap="bevoegdheid", vraag=code, toelichting="", required_for=required_for,
                         outcomes=outcomes, bevoegd_bij="ja")


SPECS = (_spec("ernstig", (WARNING, ORDER)), _spec("herhaaldelijk", (WARNING, ORDER)), _spec("subsidiair", (ORDER,)))
FIRED = ("ernstig", "herhaaldelijk", "subsidiair")


def _said(**answers: str) -> dict[str, Recorded]:
    return {code: Recorded(code, outcome, "Gewogen.", "Jurist") for code, outcome in answers.items()}


def test_alternative_grounds_hold_when_one_is_established():
    assert competence(JUDGEMENT_REQUIRED, SPECS, FIRED, _said(ernstig="ja")) == BEVOEGD


def test_cumulative_conditions_hold_only_when_all_are_established():
    assert competence(JUDGEMENT_REQUIRED, SPECS, FIRED, _said(ernstig="ja"), True) == JUDGEMENT_REQUIRED
    every = _said(ernstig="ja", herhaaldelijk="ja", subsidiair="ja")
    assert competence(JUDGEMENT_REQUIRED, SPECS, FIRED, every, True) == BEVOEGD
    refused = _said(ernstig="ja", herhaaldelijk="nee")
    assert competence(JUDGEMENT_REQUIRED, SPECS, FIRED, refused, True) == NIET_BEVOEGD


def test_for_one_outcome_only_the_conditions_it_needs_count():
    both = _said(ernstig="ja", herhaaldelijk="ja", subsidiair="nee")
    assert competence(JUDGEMENT_REQUIRED, SPECS, FIRED, both, True, WARNING) == BEVOEGD
    assert competence(JUDGEMENT_REQUIRED, SPECS, FIRED, both, True, ORDER) == NIET_BEVOEGD
    assert open_competence_judgements(SPECS, FIRED, _said(ernstig="ja"), WARNING) == ["herhaaldelijk"]


def test_an_outcome_that_needs_none_of_the_conditions_does_not_wait_for_them():
    """The extension of a ban already imposed on the conditions: they are not asked again."""
    assert competence(JUDGEMENT_REQUIRED, SPECS, FIRED, {}, True, "verlenging") == BEVOEGD
    assert competence(JUDGEMENT_REQUIRED, SPECS, (), {}, True, "verlenging") == NIET_BEVOEGD  # nothing triggered
