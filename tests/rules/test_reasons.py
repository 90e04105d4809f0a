""""Not competent" explains itself: the assessment names the failed conditions with their facts and limits."""

from __future__ import annotations

from datetime import date

from app.domain.assessment import Assessment

ON = date(2026, 3, 1)


def _facts(rules_book, **overrides):
    case = rules_book.cases("damocles")[0]
    return {**case.facts, **overrides}


def test_quantities_under_the_user_thresholds_are_the_reason_with_their_values(rules_book, real_engine):
    result = real_engine.evaluate("damocles", _facts(rules_book, drugs_found=True, hard_drugs_g=0.4,
                                                     max_hard_substance_g=0.4, drug_class="harddrugs"), ON)
    assert result.bevoegdheid == "niet_bevoegd"
    (reason,) = result.niet_bevoegd_redenen
    assert reason.rule == "geen_grond_onder_grens_eigen_gebruik" and reason.facts["hard_drugs_g"] == 0.4
    assert reason.parameters["drempel_harddrugs_g"].value == 0.5


def test_a_ground_not_yet_in_force_is_the_reason(rules_book, real_engine):
    result = real_engine.evaluate("damocles", _facts(rules_book, lijst_ia_present=True, lijst_ia_g=3,
                                                     drug_class="lijst_ia"), date(2025, 6, 30))
    assert [e.rule for e in result.niet_bevoegd_redenen] == ["geen_grond_lijst_ia_nog_niet_in_werking"]


def test_premises_outside_13b_and_the_exception_are_reasons(rules_book, real_engine):
    vehicle = real_engine.evaluate("damocles", _facts(rules_book, premises_type="voertuig",
                                                      premises_class="buiten_13b"), ON)
    assert "geen_woning_of_lokaal" in [e.rule for e in vehicle.niet_bevoegd_redenen]
    practice = real_engine.evaluate("damocles", _facts(rules_book, medical_practice_use=True, drugs_found=True,
                                                       hard_drugs_g=9, max_hard_substance_g=9), ON)
    assert [e.rule for e in practice.niet_bevoegd_redenen] == ["uitzondering_praktijkruimte_lid_2"]


def test_without_an_explicit_reason_the_grounds_that_did_not_apply_are_listed(rules_book, real_engine):
    weapon_only = real_engine.evaluate("damocles", _facts(rules_book, weapon_found=True), ON)
    assert [e.rule for e in weapon_only.niet_bevoegd_redenen] == ["geen_grond_niets_gevonden"]
    base = real_engine.evaluate("damocles", _facts(rules_book), ON)
    stripped = Assessment(**{**base.__dict__, "fired": ()})
    assert stripped.niet_bevoegd_redenen and all(e.kind == "bevoegdheid" for e in stripped.niet_bevoegd_redenen)


def test_a_competent_assessment_has_no_reasons_and_the_receipt_round_trips(rules_book, real_engine):
    result = real_engine.evaluate("damocles", _facts(rules_book, dealing_evidence_present=True,
                                                     sale_established=True), ON)
    assert result.bevoegdheid == "bevoegd" and result.niet_bevoegd_redenen == ()
    small = real_engine.evaluate("damocles", _facts(rules_book, drugs_found=True, hard_drugs_g=0.4,
                                                    max_hard_substance_g=0.4), ON)
    data = small.to_dict()
    assert data["niet_bevoegd_redenen"][0]["parameters"] == {
        "drempel_harddrugs_g": 0.5, "drempel_harddrugs_eenheden": 1, "drempel_softdrugs_g": 5,
        "drempel_hennepplanten": 5}
    assert Assessment.from_dict(data) == small
