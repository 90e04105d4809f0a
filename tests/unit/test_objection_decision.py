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
                     gronden=("Geen handel.", "Te zwaar."), advies=False, gehoord=True)
DATA = {"uitkomst": "ongegrond", "motivering": "Blijft nodig.", "reacties": ["Wel handel.", "Niet te zwaar."],
        "oordelen": [False, False]}


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
        draft(STAND, {**DATA, "uitkomst": "deels_gegrond", "herroepen_deel": "De duur."})
    assert "nieuw_besluit" in partly.value.errors
    with pytest.raises(InvalidInput) as which_part:
        draft(STAND, {**DATA, "uitkomst": "deels_gegrond", "nieuw_besluit": "Drie maanden."})
    assert "herroepen_deel" in which_part.value.errors
    with pytest.raises(InvalidInput) as verdict:
        draft(STAND, {**DATA, "oordelen": [False, None]})
    assert "slaagt" in verdict.value.errors["gronden"]
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
    late = Bezwaarstand(**{**STAND.__dict__, "commissie": True, "tijdig": False, "verschoonbaar": False,
                           "tijdigheid": "te_laat"})
    assert draft(late, {**DATA, "uitkomst": "niet_ontvankelijk"})["uitkomst"] == "niet_ontvankelijk"  # 7:3
    advised = Bezwaarstand(**{**STAND.__dict__, "commissie": True, "advies": True, "advies_uitkomst": "ongegrond"})
    assert draft(advised, {**DATA, "advies_gevolgd": True})["advies_gevolgd"] is True


def test_advice_followed_only_when_decided_as_advised_and_a_departure_gives_its_reason():
    advised = Bezwaarstand(**{**STAND.__dict__, "commissie": True, "advies": True, "advies_uitkomst": "gegrond"})
    with pytest.raises(InvalidInput) as claimed:
        draft(advised, {**DATA, "advies_gevolgd": True})  # advised gegrond, decided ongegrond
    assert "andere beslissing" in claimed.value.errors["advies_gevolgd"]
    with pytest.raises(InvalidInput) as silent:
        draft(advised, {**DATA, "advies_gevolgd": False})
    assert "afwijking_reden" in silent.value.errors
    departed = draft(advised, {**DATA, "advies_gevolgd": False, "afwijking_reden": "De handel is aangetoond."})
    assert departed["afwijking_reden"] == "De handel is aangetoond." and departed["advies_gevolgd"] is False


def test_no_decision_without_a_hearing_or_a_ground_of_7_3():
    unheard = Bezwaarstand(**{**STAND.__dict__, "gehoord": False})
    with pytest.raises(InvalidInput) as refused:
        draft(unheard, DATA)
    assert "7:3" in refused.value.errors["uitkomst"]
    assert draft(Bezwaarstand(**{**unheard.__dict__, "niet_horen_grond": "b"}), DATA)["uitkomst"] == "ongegrond"


def test_a_timely_bezwaar_declared_niet_ontvankelijk_records_its_ground_and_one_before_the_besluit_is_so():
    no = {**DATA, "uitkomst": "niet_ontvankelijk", "oordelen": None}
    with pytest.raises(InvalidInput) as refused:
        draft(STAND, no)
    assert "niet_ontvankelijk_grond" in refused.value.errors
    assert draft(STAND, {**no, "niet_ontvankelijk_grond": "verzuim"})["niet_ontvankelijk_grond"] == "verzuim"
    early = Bezwaarstand(**{**STAND.__dict__, "tijdig": False, "tijdigheid": "voor_besluit"})
    assert draft(early, no)["niet_ontvankelijk_grond"] is None  # its ground is Awb 6:10, from the timeliness
    with pytest.raises(InvalidInput):
        draft(early, DATA)


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
