"""Straathandel: the flat fact from the case file (age derived, running orders from the core's history items,
the APV norm in force), the breaches hook, and the policy proposal by role and age."""

from __future__ import annotations

from datetime import date

import pytest

from app.config import ROOT
from app.domain.errors import FactsRejected, ParameterNotInForce
from app.powers.straathandel import SPEC
from app.powers.straathandel.facts import breaches, facts_from_case
from app.powers.straathandel.policy import proposal
from app.rulebook import Rulebook
from app.rules_engine import RulesEngine

BOOK = Rulebook.load(ROOT / "rules")
SEEN = date(2026, 3, 10)


@pytest.fixture(scope="module")
def engine() -> RulesEngine:
    return RulesEngine(BOOK)


def _case(**changes):
    seen = {"observed_at": "2026-03-10T21:15:00+01:00", "place_description": "Plein", "location_type": "weg",
            "transfer_observed": True, "substance_class": "lijst_i", "report_on_oath": True}
    case = {"dealing_role": "verkoper", "identity_established": "yes", "observations": [seen],
            "waargenomen_persoon": {"naam": "T. Test", "geboortedatum": "2000-03-11", "land": "NL"},
            "repetition_indicators": [{"kind": "aanwezig_op_hotspot"}]}
    return {**case, **changes}


def _facts(case=None, history=(), on=SEEN, today=SEEN):
    return facts_from_case(case or _case(), list(history), BOOK.parameters_for("straathandel", on), today)


def _order(role="verkoper", start="2025-11-02", end="2026-11-02", verbeurd="0.00", maximum="10000.00"):
    """A history item as app/services/history.py passes it for an order (app/services/forfeiture.order_terms)."""
    return {"kind": "last_onder_dwangsom", "date": date(2025, 10, 20), "letter_date": date(2025, 11, 1), "sent": True,
            "revoked": None, "same_person": True, "kenmerk": "BEV-2025-000001",
            "ingangsdatum": date.fromisoformat(start),
            "vervaldatum": date.fromisoformat(end), "object": {"dealing_role": role},
            "dwangsom": {"bedrag": "2500.00", "maximum": maximum}, "verbeurd": verbeurd}


def test_the_age_is_derived_from_the_date_of_birth_on_the_observation_day():
    assert _facts()["age_at_observation_years"] == 25  # the birthday is the day after
    older = _case(waargenomen_persoon={"naam": "T. Test", "geboortedatum": "2000-03-10"})
    assert _facts(older)["age_at_observation_years"] == 26


def test_a_birth_after_the_observation_is_refused():
    with pytest.raises(FactsRejected):
        _facts(_case(waargenomen_persoon={"naam": "T. Test", "geboortedatum": "2026-03-11"}))


def test_a_running_order_of_the_same_role_blocks_and_one_of_the_other_role_does_not():
    assert _facts(history=[_order()])["running_order_same_role"] is True
    other = _facts(history=[_order(role="koper")])
    assert other["running_order_same_role"] is False and other["exhausted_order_same_role"] is False


def test_the_order_runs_up_to_the_day_before_its_vervaldatum():
    assert _facts(history=[_order(end="2026-03-11")])["running_order_same_role"] is True
    ended = _facts(history=[_order(end="2026-03-10")])
    assert ended["running_order_same_role"] is False and ended["exhausted_order_same_role"] is True


def test_an_order_whose_maximum_was_forfeited_is_exhausted_not_running():
    spent = _facts(history=[_order(verbeurd="10000.00")])
    assert spent["running_order_same_role"] is False and spent["exhausted_order_same_role"] is True


def test_another_person_or_an_unsent_order_does_not_count():
    assert _facts(history=[{**_order(), "same_person": False}])["running_order_same_role"] is False
    assert _facts(history=[{**_order(), "sent": False}])["running_order_same_role"] is False


def test_the_apv_norm_in_force_decides_what_is_covered():
    facts = _facts()
    assert facts["apv_norm_present"] and facts["apv_covers_acquiring"] and facts["apv_covers_vehicle"]


def test_no_apv_norm_on_the_date_fails_loudly():
    params = dict(BOOK.parameters_for("straathandel", SEEN))
    params.pop("apv_norm_straathandel")
    with pytest.raises(ParameterNotInForce):
        facts_from_case(_case(), [], params, SEEN)


def test_a_norm_without_verwerven_does_not_cover_the_buyer():
    params = dict(BOOK.parameters_for("straathandel", SEEN))
    norm = params["apv_norm_straathandel"]
    params["apv_norm_straathandel"] = type(norm)(**{**norm.__dict__, "value": {**norm.value, "verwerven": False}})
    assert facts_from_case(_case(), [], params, SEEN)["apv_covers_acquiring"] is False


def test_breaches_count_per_day_by_default_and_per_observation_when_policy_says_so():
    two = [{"observed_at": f"2026-03-10T{h}:00:00+01:00", "transfer_observed": True} for h in ("14", "21")]
    case = _case(observations=two + [{"observed_at": "2026-03-12T10:00:00+01:00", "contacts_observed": 0}])
    params = dict(BOOK.parameters_for("straathandel", SEEN))
    assert breaches(case, params) == (SEEN,)
    per = params["telwijze_overtredingen"]
    params["telwijze_overtredingen"] = type(per)(**{**per.__dict__, "value": "per_constatering"})
    assert breaches(case, params) == (SEEN, SEEN)
    assert SPEC.breaches is breaches


def test_a_dwelling_is_not_this_power(engine):
    case = _case(observations=[{**_case()["observations"][0], "location_type": "woning"}])
    result = engine.evaluate("straathandel", _facts(case), SEEN)
    assert result.bevoegdheid == "niet_bevoegd"
    assert [e.value for e in result.findings("verwijzing")] == ["damocles"]


@pytest.mark.parametrize(("role", "born", "amounts"), [
    ("verkoper", "2000-03-11", (2500, 10000)),
    ("koper", "2000-03-11", (2500, 10000)),
    ("koper", "2011-01-01", (1250, 5000)),   # fifteen: the minor factor (154b lid 7 by analogy)
    ("verkoper", "2009-01-01", (2500, 10000)),  # seventeen: a minor, not halved
])
def test_the_proposal_by_role_and_age(engine, role, born, amounts):
    case = _case(dealing_role=role, waargenomen_persoon={"naam": "T. Test", "geboortedatum": born})
    found = proposal(engine.evaluate("straathandel", _facts(case), SEEN))
    assert (found["dwangsom_bedrag_eur"], found["dwangsom_maximum_eur"]) == amounts
    assert found["maatregel"] == "last_onder_dwangsom" and found["duur"] == 12 and found["eenheid"] == "months"
    assert "apv_norm_straathandel" in found["steunt_op"]


def test_no_order_proposed_under_twelve_and_collection_while_an_order_runs(engine):
    child = _case(waargenomen_persoon={"naam": "T. Test", "geboortedatum": "2015-01-01"})
    result = engine.evaluate("straathandel", _facts(child), SEEN)
    assert proposal(result)["maatregel"] == "geen_actie"
    assert result.bevoegdheid_for("last_onder_dwangsom") == "niet_bevoegd"
    assert [e.value for e in result.findings("verwijzing")] == ["gemeentewet_172b"]
    running = engine.evaluate("straathandel", _facts(history=[_order()]), SEEN)
    assert proposal(running)["maatregel"] == "invordering"  # collect what the running order forfeited
    assert running.bevoegdheid_for("last_onder_dwangsom") == "niet_bevoegd"
    assert running.bevoegdheid_for("invorderingsbeschikking") == "bevoegd"


def test_the_case_list_description_names_no_one():
    from app.powers.straathandel.case import omschrijving

    data = {"gegevens": {**_case(), "observations": [{"observed_at": "2026-03-10T21:15:00+01:00"}]}}
    text = omschrijving(data)
    assert "T. Test" not in text and "verkoper" in text and "10-03-2026" in text
