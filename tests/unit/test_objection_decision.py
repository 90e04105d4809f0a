"""The decision on a bezwaar as pure logic: the core outcome a power with an objection stage gets, the mandate it
is signed under, the checked draft, and its 7:10 term in the summary and the team's deadlines."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain import workspace as w
from app.domain.errors import InvalidInput
from app.domain.objection_decision import CODE, Bezwaarstand, draft, mandate_outcome, with_objection_decision
from app.domain.procedure import Outcome, Procedure
from app.domain.worklists import BESLISTERMIJN, DecisionFacts, ObjectionFacts, decision_deadlines, objection_deadlines

SLUITING = Outcome(code="sluiting", label="Sluiting", besluit=True, measure="sluiting", hearing="voornemen",
                   review="vooraf", body="burgemeester", remedy="bezwaar", mandate=("gemandateerde",))
HUISVERBOD = Outcome(code="huisverbod", label="Huisverbod", besluit=True, measure="huisverbod", hearing="achteraf",
                     review="achteraf", body="burgemeester", remedy="beroep")
STAND = Bezwaarstand(bezwaar_id=1, bestreden="sluiting", tijdig=True, verschoonbaar=None,
                     gronden=("Geen handel.", "Te zwaar."), advies=False)
DATA = {"uitkomst": "ongegrond", "motivering": "Blijft nodig.", "reacties": ["Wel handel.", "Niet te zwaar."]}


def test_a_power_with_an_objection_stage_gets_the_decision_on_a_bezwaar_and_one_without_does_not():
    outcomes = with_objection_decision({"sluiting": SLUITING})
    decision = outcomes[CODE]
    assert decision.reconsiders and decision.besluit and decision.remedy == "beroep"
    assert decision.mandate == ("gemandateerde",) and decision.body == "burgemeester"
    assert CODE not in with_objection_decision({"huisverbod": HUISVERBOD})


def test_the_mandate_is_checked_against_the_contested_outcome():
    procedure = Procedure(with_objection_decision({"sluiting": SLUITING}))
    decision = procedure.outcome(CODE)
    assert mandate_outcome(procedure, decision, {"bestreden": "sluiting"}) is SLUITING
    assert mandate_outcome(procedure, SLUITING, {}) is SLUITING


def test_the_draft_answers_every_ground_and_says_what_changes_and_whether_the_advice_is_followed():
    assert [g["reactie"] for g in draft(STAND, DATA)["gronden"]] == ["Wel handel.", "Niet te zwaar."]
    with pytest.raises(InvalidInput) as missing:
        draft(STAND, {**DATA, "reacties": ["Wel handel."]})
    assert "gronden" in missing.value.errors
    with pytest.raises(InvalidInput) as partly:
        draft(STAND, {**DATA, "uitkomst": "deels_gegrond"})
    assert "nieuw_besluit" in partly.value.errors
    with pytest.raises(InvalidInput) as advice:
        draft(Bezwaarstand(**{**STAND.__dict__, "advies": True}), DATA)
    assert "advies_gevolgd" in advice.value.errors
    with pytest.raises(InvalidInput) as reasons:
        draft(STAND, {**DATA, "motivering": "  "})
    assert "motivering" in reasons.value.errors


def test_with_a_committee_its_advice_comes_before_the_decision():
    waiting = Bezwaarstand(**{**STAND.__dict__, "commissie": True})
    with pytest.raises(InvalidInput) as early:
        draft(waiting, DATA)
    assert "nog niet geadviseerd" in early.value.errors["advies_gevolgd"]
    late = Bezwaarstand(**{**STAND.__dict__, "commissie": True, "tijdig": False, "verschoonbaar": False})
    assert draft(late, {**DATA, "uitkomst": "niet_ontvankelijk"})["uitkomst"] == "niet_ontvankelijk"  # 7:3
    advised = Bezwaarstand(**{**STAND.__dict__, "commissie": True, "advies": True})
    assert draft(advised, {**DATA, "advies_gevolgd": True})["advies_gevolgd"] is True


def test_the_7_10_term_runs_in_the_summary_and_the_team_overview():
    state = w.CaseState(assessed=True, competence="bevoegd", open_judgements=(), open_steps=frozenset(),
                        recorded=frozenset(), decisions=(), further_outcomes=False, today=date(2026, 12, 6),
                        objections=(("A. Buurman", date(2026, 12, 1)),))
    found = w.deadlines(state)
    assert [(d.label, d.passed) for d in found] == [("Beslistermijn bezwaar van A. Buurman (Awb 7:10)", True)]
    overview = objection_deadlines([ObjectionFacts(3, 10, "A. Buurman", date(2027, 1, 20))])
    assert [(d.kind, d.day, d.zaak_id) for d in overview] == [(BESLISTERMIJN, date(2027, 1, 20), 10)]


def test_a_decision_open_to_beroep_shows_a_beroep_term_not_a_bezwaar_term():
    facts = DecisionFacts(id=5, zaak_id=10, soort=CODE, label="Beslissing op bezwaar", announces=None, ends=None,
                          revoked=False, remedy_dates=(date(2027, 2, 1),), remedy="beroep")
    assert [d.what for d in decision_deadlines([facts])] == ["Beroepstermijn van de beslissing op bezwaar"]
