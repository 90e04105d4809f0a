"""Woonoverlast: the policy proposal read from a real assessment of the rules (warning, order, ban, extension,
collection, nothing when not competent)."""

from __future__ import annotations

from datetime import date

import pytest

from app.config import ROOT
from app.powers.woonoverlast.policy import proposal
from app.rulebook import Rulebook
from app.rules_engine import RulesEngine

BOOK = Rulebook.load(ROOT / "rules")
DAY = date(2026, 2, 20)


@pytest.fixture(scope="module")
def engine() -> RulesEngine:
    return RulesEngine(BOOK)


def _proposal(engine, **changes):
    case = next(c for c in BOOK.cases("woonoverlast") if c.facts is not None)
    return proposal(engine.evaluate("woonoverlast", {**case.facts, **changes}, DAY))


def test_after_a_warning_the_policy_proposes_an_order_with_amounts_and_looptijd(engine):
    found = _proposal(engine)
    assert found["maatregel"] == "last_onder_dwangsom" and found["eenheid"] == "months" and found["duur"] == 12
    assert found["dwangsom_bedrag_eur"] == 500 and found["dwangsom_maximum_eur"] == 5000
    assert {"dwangsom_bedrag_eur", "dwangsom_maximum_eur", "apv_norm_woonoverlast"} <= set(found["steunt_op"])
    assert found["parameter"] == "looptijd_maanden"


def test_without_an_earlier_warning_the_policy_proposes_a_warning(engine):
    found = _proposal(engine, earlier_warnings_count=0)
    assert found["maatregel"] == "waarschuwing" and "waarschuwingen_voor_last" in found["steunt_op"]


def test_nothing_when_not_competent(engine):
    assert _proposal(engine, omwonenden_affected=False)["maatregel"] == "geen_actie"


def test_a_breach_of_a_running_order_proposes_collection_and_a_running_order_alone_nothing(engine):
    found = _proposal(engine, running_order=True, running_dwangsom_order=True, breach_present=True, breaches_count=1,
                      incidents_counted_count=1)
    assert found["maatregel"] == "invordering" and found["steunt_op"] == ("telwijze_overtredingen",)
    assert _proposal(engine, running_order=True)["maatregel"] == "geen_actie"


def test_a_ban_and_its_extension_follow_the_case_file(engine):
    ban = _proposal(engine, ban_requested=True, ban_running=True)
    assert (ban["maatregel"], ban["duur"], ban["eenheid"]) == ("aanwezigheidsverbod", 10, "days")
    extension = _proposal(engine, ban_requested=True, ban_running=True, ban_extension_requested=True,
                          ban_extension_total_days=20)
    assert extension["maatregel"] == "verlenging" and extension["parameter"] == "aanwezigheidsverbod_max_dagen"
    # Asked after the ban ended (or before it started): still the extension is what is asked, and the rules
    # refuse it with that reason rather than the drafting calling it a departure from policy.
    ended = _proposal(engine, ban_requested=True, ban_extension_requested=True, ban_extension_after_end=True)
    assert ended["maatregel"] == "verlenging"
    case = next(c for c in BOOK.cases("woonoverlast") if c.facts is not None)
    refused = engine.evaluate("woonoverlast", {**case.facts, "ban_requested": True, "ban_extension_requested": True,
                                               "ban_extension_after_end": True}, DAY)
    assert refused.bevoegdheid_for("verlenging_aanwezigheidsverbod") == "niet_bevoegd"


def test_missing_subsidiarity_records_refuse_the_order_but_not_the_warning(engine):
    facts = {"softer_means_recorded": False, "landlord_means_recorded": False, "earlier_warnings_count": 0}
    case = next(c for c in BOOK.cases("woonoverlast") if c.facts is not None)
    assessment = engine.evaluate("woonoverlast", {**case.facts, **facts}, DAY)
    assert assessment.bevoegdheid_for("waarschuwing") == "judgement_required"
    assert assessment.bevoegdheid_for("last_onder_dwangsom") == "niet_bevoegd"
    assert assessment.bevoegdheid_for("aanwezigheidsverbod") == "niet_bevoegd"
    assert proposal(assessment)["maatregel"] == "waarschuwing"
