"""Damocles facts builder and policy proposal: pure functions, no database and no rules engine.

Parameter values are built here on purpose, so that a change of Maastricht policy (another window,
another month count) changes the rules files and cases, not these tests of the counting logic.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from app.domain.assessment import Assessment, ParameterValue, TraceEntry
from app.domain.errors import FactsRejected
from app.powers.damocles import facts as damocles
from app.powers.damocles.facts import CASE_FILE_DEFAULTS, facts_from_case, offence
from app.powers.damocles.policy import proposal
from app.powers.damocles.schema import EDITABLE_FACTS
from app.rulebook import Rulebook

RULES = Path(__file__).resolve().parents[2] / "rules"
FINDING = date(2023, 3, 1)
TODAY = date(2023, 3, 15)


def _value(name: str, value: object) -> ParameterValue:
    return ParameterValue(name=name, value=value, valid_from=date(2007, 11, 1),
                          status="design default — to confirm with the municipality",
                          reference={"title": "test", "href": "https://example.org/"})


def _params(window_years: int = 3, unoccupied: str = "lokaal", counts_per: str = "adres") -> dict[str, ParameterValue]:
    return {
        "recidive_termijn_jaren": _value("recidive_termijn_jaren", window_years),
        "recidive_telt_per": _value("recidive_telt_per", counts_per),
        "niet_bewoonde_woning_als": _value("niet_bewoonde_woning_als", unoccupied),
    }


def _case(**overrides: object) -> dict[str, object]:
    return {"finding_date": FINDING, "premises_type": "woning", **overrides}


def _facts(history: list[dict] | None = None, params: dict | None = None, **overrides: object) -> dict:
    return facts_from_case(_case(**overrides), history or [], params or _params(), TODAY)


def _substance(name: str, lijst: str, quantity: object, unit: str = "g") -> dict[str, object]:
    return {"name": name, "opiumwet_list": lijst, "quantity": quantity, "unit": unit}


# ------------------------------------------------------------------------------------ quantities


def test_class_sum_and_largest_substance_are_both_shown_for_the_1698_vector():
    facts = _facts(substances=[_substance("MDMA", "lijst_i", "2.3"), _substance("cocaïne", "lijst_i", 0.55)])
    assert facts["hard_drugs_g"] == 2.85  # summed as decimals: no 2.8499999999999996
    assert facts["max_hard_substance_g"] == 2.3
    assert facts["drug_class"] == "harddrugs"
    assert facts["drugs_found"] is True


def test_rounds_quantities_to_milligrams_so_no_float_is_written_in_exponent_notation():
    # json writes 0.00001 as 1e-05, which durable_rules cannot parse (error 204): round to 3 decimals.
    facts = _facts(substances=[_substance("cocaïne", "lijst_i", 0.00001),
                               _substance("MDMA", "lijst_ia", "0.0005"), _substance("hasj", "lijst_ii", "2.0004")])
    numbers = {name: value for name, value in facts.items() if type(value) in (int, float)}
    assert all("e" not in json.dumps(value).lower() for value in numbers.values()), numbers
    assert (facts["hard_drugs_g"], facts["max_hard_substance_g"]) == (0, 0)
    assert facts["lijst_ia_g"] == 0.001  # half a milligram rounds up
    assert facts["soft_drugs_g"] == 2.0


def test_largest_substance_adds_bags_of_the_same_substance_when_names_differ_in_case():
    facts = _facts(substances=[
        _substance("Cocaïne", "lijst_i", Decimal("0.3")),
        _substance(" cocaïne ", "lijst_i", Decimal("0.3")),
        _substance("amfetamine", "lijst_i", Decimal("0.3")),
    ])
    assert facts["max_hard_substance_g"] == 0.6
    assert facts["hard_drugs_g"] == 0.9


def test_units_are_never_added_to_grams_when_pills_and_powder_are_found():
    pills, powder = _substance("XTC", "lijst_i", 2, "units"), _substance("cocaïne", "lijst_i", 0.4)
    facts = _facts(substances=[pills, powder])
    assert facts["hard_drugs_units"] == 2
    assert facts["hard_drugs_g"] == 0.4
    assert facts["max_hard_substance_g"] == 0.4


def test_cuttings_count_as_plants_when_registered_with_unit_plants():
    facts = _facts(substances=[
        _substance("hennepplant", "lijst_ii", 4, "plants"),
        _substance("stek", "lijst_ii", 3, "plants"),
    ])
    assert facts["cannabis_plants"] == 7
    assert type(facts["cannabis_plants"]) is int
    assert facts["soft_drugs_g"] == 0
    assert facts["drug_class"] == "softdrugs"


def test_soft_class_sum_and_largest_substance_when_hennep_and_hasjiesj_are_found():
    facts = _facts(substances=[_substance("hennep", "lijst_ii", 3), _substance("hasjiesj", "lijst_ii", 3)])
    assert (facts["soft_drugs_g"], facts["max_soft_substance_g"]) == (6, 3)


def test_hard_drugs_decide_the_class_when_soft_drugs_are_also_found():
    facts = _facts(substances=[_substance("hennep", "lijst_ii", 50), _substance("heroïne", "lijst_i", 0.1)])
    assert facts["drug_class"] == "harddrugs"


def test_art_3a_lid_5_follows_the_list_it_mirrors_and_forces_a_judgement_when_unknown():
    mirrored = {**_substance("aangewezen middel", "art_3a_lid_5", 1), "mirrors_list": "lijst_ii"}
    facts = _facts(substances=[mirrored])
    assert (facts["soft_drugs_g"], facts["hard_drugs_g"], facts["drug_class"]) == (1, 0, "softdrugs")
    assert facts["unthresholded_quantity"] is False
    unknown = _facts(substances=[_substance("aangewezen middel", "art_3a_lid_5", 1)])
    assert (unknown["hard_drugs_g"], unknown["unthresholded_quantity"], unknown["drugs_found"]) == (0, True, True)


def test_lijst_ia_is_kept_apart_when_only_a_new_psychoactive_substance_is_found():
    grams, blotters = _substance("3-MMC", "lijst_ia", 3), _substance("3-MMC", "lijst_ia", 2, "units")
    facts = _facts(substances=[grams, blotters])
    assert (facts["lijst_ia_g"], facts["lijst_ia_units"], facts["lijst_ia_present"]) == (3, 2, True)
    assert (facts["hard_drugs_g"], facts["drugs_found"], facts["drug_class"]) == (0, False, "lijst_ia")


def test_a_quantity_in_ml_forces_a_judgement_instead_of_being_ignored():
    facts = _facts(substances=[_substance("GHB", "lijst_i", 500, "ml")])
    assert facts["drugs_found"] is True
    assert (facts["hard_drugs_g"], facts["hard_drugs_units"]) == (0, 0)
    assert facts["unthresholded_quantity"] is True


@pytest.mark.parametrize(("lijst", "unit", "fact"), [
    ("lijst_i", "g", None), ("lijst_i", "units", None), ("lijst_ii", "g", None), ("lijst_ii", "plants", None),
    ("lijst_ii", "cuttings", None), ("lijst_ia", "g", None), ("lijst_ia", "units", None),
    ("lijst_i", "ml", "unthresholded_quantity"), ("lijst_i", "plants", "unthresholded_quantity"),
    ("lijst_i", "cartridges", "unthresholded_quantity"), ("lijst_ii", "units", "unthresholded_quantity"),
    ("lijst_ii", "ml", "unthresholded_quantity"), ("lijst_ia", "ml", "lijst_ia_unthresholded"),
    ("lijst_ia", "cuttings", "lijst_ia_unthresholded"),
])
def test_every_unit_has_a_threshold_fact_or_forces_a_judgement(lijst, unit, fact):
    facts = _facts(substances=[_substance("middel", lijst, 2000, unit)])
    flags = ("unthresholded_quantity", "lijst_ia_unthresholded", "lachgas_unthresholded")
    assert [f for f in flags if facts[f]] == ([fact] if fact else [])


def test_nitrous_oxide_is_its_own_class_and_never_softdrugs():
    cylinders = {**_substance("lachgas", "lijst_ii", 40, "cartridges"), "soort": "lachgas"}
    facts = _facts(substances=[cylinders])
    assert (facts["lachgas_units"], facts["lachgas_present"], facts["drug_class"]) == (40, True, "lachgas")
    assert (facts["soft_drugs_g"], facts["drugs_found"], facts["unthresholded_quantity"]) == (0, False, False)
    charger = {**_substance("lachgas", "lijst_ii", 8, "g"), "soort": "lachgas"}
    grams = _facts(substances=[charger])
    assert (grams["soft_drugs_g"], grams["lachgas_unthresholded"]) == (0, True)


def test_cuttings_count_as_plants_when_registered_as_cuttings():
    facts = _facts(substances=[_substance("hennepplant", "lijst_ii", 4, "plants"),
                               _substance("stek", "lijst_ii", 3, "cuttings")])
    assert facts["cannabis_plants"] == 7
    assert facts["unthresholded_quantity"] is False


def test_objects_alone_form_their_own_policy_class():
    facts = _facts(objects_13b_1b=[{"description": "kweektent", "basis": "art_11a"}])
    assert facts["drug_class"] == "voorbereiding"
    with_drugs = _facts(objects_13b_1b=[{"description": "kweektent", "basis": "art_11a"}],
                        substances=[_substance("hennep", "lijst_ii", 3)])
    assert with_drugs["drug_class"] == "softdrugs"


def test_nothing_found_gives_zeros_and_class_geen():
    facts = _facts()
    assert facts["drugs_found"] is False
    assert facts["drug_class"] == "geen"
    assert all(facts[k] == 0 for k in ("hard_drugs_g", "soft_drugs_g", "cannabis_plants", "lijst_ia_units"))


@pytest.mark.parametrize("quantity", [-1, "veel", None, float("nan")])
def test_a_bad_quantity_is_rejected(quantity):
    with pytest.raises(FactsRejected) as caught:
        _facts(substances=[_substance("cocaïne", "lijst_i", quantity)])
    assert "substances" in caught.value.errors


def test_an_unknown_unit_is_rejected_rather_than_ignored():
    with pytest.raises(FactsRejected):
        _facts(substances=[_substance("cocaïne", "lijst_i", 1, "kg")])


def test_an_unknown_opiumwet_list_is_rejected():
    with pytest.raises(FactsRejected):
        _facts(substances=[_substance("cocaïne", "lijst_iii", 1)])


# --------------------------------------------------------------------------- objects and evidence


def test_objects_are_reported_per_statutory_basis():
    facts = _facts(objects_13b_1b=[{"description": "kweektent", "basis": "art_11a"},
                                   {"description": "zoutzuur", "basis": "art_10c_lid1_sub3"}])
    assert facts["objects_art_11a_present"] is True
    assert facts["objects_art_10c_present"] is True
    assert facts["objects_art_10a_present"] is False


@pytest.mark.parametrize(("evidence", "established"), [
    (["politie_observatie"], True), (["verklaring_betrokkene"], True), (["loop"], False),
    (["mma_melding_bevestigd"], False), (["verklaring_derden"], False), (["loop", "verklaring_derden"], False),
    ([], False),
])
def test_only_an_observed_sale_or_an_admission_establishes_sale(evidence, established):
    facts = _facts(dealing_evidence=evidence)
    assert facts["sale_established"] is established
    assert facts["dealing_evidence_present"] is bool(evidence)


@pytest.mark.parametrize("premises_type", ["woonwagen", "woonboot"])
def test_a_lived_in_mobile_home_or_houseboat_is_a_dwelling(premises_type):
    assert _facts(premises_type=premises_type)["premises_class"] == "woning"


def test_financial_hardship_and_the_effect_on_children_are_facts_of_the_case_file():
    facts = _facts(financial_hardship_documented=True, closure_effect_on_children="serious")
    assert (facts["financial_hardship_documented"], facts["closure_effect_on_children"]) == ("yes", "serious")
    assert (_facts()["financial_hardship_documented"], _facts()["closure_effect_on_children"]) == (
        "unknown", "unknown")
    assert {"financial_hardship_documented", "closure_effect_on_children"} <= set(EDITABLE_FACTS)


def test_dealing_evidence_and_attributes_become_booleans():
    facts = _facts(dealing_evidence=["loop"], attributes_found=["weegschaal", "contant_geld"])
    assert facts["dealing_evidence_present"] is True
    assert facts["dealing_attributes_found"] is True
    assert _facts()["dealing_evidence_present"] is False


# ----------------------------------------------------------------------------------- premises


@pytest.mark.parametrize(("premises_type", "subtype", "expected"), [
    ("woning", None, "woning"),
    ("erf_bij_woning", None, "woning"),
    ("lokaal", "horeca", "lokaal"),
    ("erf_bij_lokaal", "bedrijfspand", "lokaal"),
    ("lokaal", "coffeeshop", "coffeeshop"),
    ("voertuig", None, "buiten_13b"),
    ("openbare_ruimte", None, "buiten_13b"),
])
def test_premises_class_follows_the_building(premises_type, subtype, expected):
    assert _facts(premises_type=premises_type, lokaal_subtype=subtype)["premises_class"] == expected


@pytest.mark.parametrize("choice", ["lokaal", "woning"])
def test_an_unoccupied_dwelling_follows_the_parameter(choice):
    facts = _facts(params=_params(unoccupied=choice), premises_type="lokaal",
                   lokaal_subtype="niet_bewoonde_woning")
    assert facts["premises_class"] == choice


def test_subtype_is_unknown_for_a_lokaal_and_geen_for_a_woning_when_not_given():
    assert _facts(premises_type="lokaal")["lokaal_subtype"] == "unknown"
    assert _facts()["lokaal_subtype"] == "geen"


# -------------------------------------------------------------------------------- offence number


def _prior(day: date, kind: str = "waarschuwing") -> dict[str, object]:
    return {"date": day, "kind": kind, "kenmerk": "Z-2020-001"}


def test_offence_is_eerste_without_history():
    assert _facts()["offence"] == "eerste"


def test_offence_is_tweede_when_a_warning_lies_inside_the_window():
    assert _facts(history=[_prior(date(2021, 3, 1))])["offence"] == "tweede"


def test_offence_is_tweede_when_the_warning_is_exactly_window_years_old():
    assert offence([_prior(date(2020, 3, 1))], FINDING, 3) == "tweede"


def test_offence_is_eerste_when_the_warning_lies_one_day_outside_the_window():
    assert offence([_prior(date(2020, 2, 29))], FINDING, 3) == "eerste"


def test_offence_is_derde_of_later_after_a_warning_and_a_closure():
    history = [_prior(date(2021, 1, 10)), _prior(date(2022, 2, 1), "sluiting")]
    assert offence(history, FINDING, 3) == "derde_of_later"
    assert offence([*history, _prior(date(2022, 9, 1))], FINDING, 3) == "derde_of_later"


def test_an_intervention_on_or_after_the_finding_date_does_not_count():
    assert offence([_prior(FINDING), _prior(date(2023, 3, 10))], FINDING, 3) == "eerste"


def test_other_kinds_of_history_do_not_count():
    assert offence([_prior(date(2022, 1, 1), "ouderbrief")], FINDING, 3) == "eerste"


def test_the_window_comes_from_the_parameter():
    history = [_prior(date(2019, 6, 1))]
    assert _facts(history=history, params=_params(window_years=3))["offence"] == "eerste"
    assert _facts(history=history, params=_params(window_years=5))["offence"] == "tweede"


def test_history_dates_may_be_iso_text():
    assert offence([{"date": "2022-05-05", "kind": "sluiting"}], FINDING, 3) == "tweede"


def test_a_leap_day_finding_starts_the_window_on_28_february():
    finding = date(2024, 2, 29)
    assert offence([_prior(date(2021, 2, 28))], finding, 3) == "tweede"
    assert offence([_prior(date(2021, 2, 27))], finding, 3) == "eerste"


# ------------------------------------------------------------------------------- days and unknowns


def test_finding_age_days_count_calendar_days_to_the_assessment_date():
    assert facts_from_case(_case(), [], _params(), date(2023, 10, 1))["finding_age_days"] == 214
    same_day = facts_from_case(_case(finding_date="2023-03-01"), [], _params(), FINDING)
    assert same_day["finding_age_days"] == 0


def test_a_finding_after_the_assessment_date_is_rejected():
    with pytest.raises(FactsRejected) as caught:
        facts_from_case(_case(), [], _params(), date(2023, 2, 28))
    assert "finding_date" in caught.value.errors


@pytest.mark.parametrize("missing", ["finding_date", "premises_type"])
def test_a_case_without_date_or_place_is_rejected(missing):
    with pytest.raises(FactsRejected) as caught:
        facts_from_case({**_case(), missing: None}, [], _params(), TODAY)
    assert missing in caught.value.errors


def test_unanswered_questions_are_explicitly_unknown():
    facts = _facts()
    for name in ("person_who_dealt", "resident_role", "minors_in_household", "vulnerable_residents",
                 "pets_present", "landlord_kind", "lease_dissolution_risk", "blacklist_risk",
                 "alternative_housing_available", "gezinsvoorziening_offered", "bekendheid_drugsmilieu",
                 "sensitive_area"):
        assert facts[name] == "unknown", name
    assert facts["complaints_count"] == 0


def test_booleans_from_a_form_become_yes_and_no():
    facts = _facts(minors_in_household=True, pets_present=False, sensitive_area="yes")
    answers = (facts["minors_in_household"], facts["pets_present"], facts["sensitive_area"])
    assert answers == ("yes", "no", "yes")


def test_a_negative_complaint_count_is_rejected():
    with pytest.raises(FactsRejected):
        _facts(complaints_count=-1)


def test_the_defaults_cannot_be_changed_by_a_caller():
    with pytest.raises(TypeError):
        CASE_FILE_DEFAULTS["premises_type"] = "woning"  # type: ignore[index]


def test_the_fact_passes_the_strict_vocabulary_check_of_the_rules():
    book = Rulebook.load(RULES)
    params = book.parameters_for(damocles.POWER, FINDING)
    case = _case(substances=[_substance("MDMA", "lijst_i", 2.3)], dealing_evidence=["loop"],
                 lokaal_subtype=None, complaints_count=2)
    facts = facts_from_case(case, [_prior(date(2022, 1, 1))], params, TODAY)
    assert set(facts) == set(book.index(damocles.POWER).facts)
    book.checked_fact(damocles.POWER, facts, params)  # raises FactsRejected on any mismatch


# --------------------------------------------------------------------------------------- proposal


def _entry(rule: str, kind: str, value: str, **conclusion: str) -> TraceEntry:
    return TraceEntry(rule=rule, kind=kind, value=value, legal_basis={}, explanation="",
                      conclusion={"finding": kind, "value": value, **conclusion})


def _assessment(*fired: TraceEntry, months: object = 3) -> Assessment:
    name = "sluiting_woning_harddrugs_eerste_maanden"
    return Assessment(power="damocles", peildatum=FINDING, ruleset="damocles__20190101", rules_sha256="0",
                      engine="test", facts={}, parameters={name: _value(name, months)},
                      fired=fired, not_fired=())


BEVOEGD = _entry("bevoegd_verkoop_vastgesteld", "bevoegdheid", "bevoegd")
SLUITING = _entry("beleid_woning_harddrugs_eerste", "beleid", "sluiting",
                  parameter="sluiting_woning_harddrugs_eerste_maanden")


def test_proposal_reads_the_months_from_the_named_parameter():
    assert proposal(_assessment(BEVOEGD, SLUITING)) == {
        "maatregel": "sluiting", "duur": 3, "eenheid": "months",
        "parameter": "sluiting_woning_harddrugs_eerste_maanden", "steunt_op": (),
    }


def test_proposal_is_a_warning_without_months():
    warning = _entry("beleid_woning_softdrugs_eerste", "beleid", "waarschuwing")
    assert proposal(_assessment(BEVOEGD, warning)) == {"maatregel": "waarschuwing", "duur": None, "eenheid": None,
                                                       "parameter": None, "steunt_op": ()}


def test_proposal_stands_while_a_judgement_on_competence_is_pending():
    pending = _entry("vermoeden_harddrugs_per_middel", "bevoegdheid", "judgement_required")
    assert proposal(_assessment(pending, SLUITING))["maatregel"] == "sluiting"


def test_proposal_is_geen_actie_when_no_competence_rule_fired():
    assert proposal(_assessment(SLUITING))["maatregel"] == "geen_actie"


def test_proposal_is_geen_actie_when_an_exception_applies():
    exception = _entry("uitzondering_praktijkruimte_lid_2", "uitzondering", "niet_bevoegd")
    assert proposal(_assessment(BEVOEGD, exception, SLUITING))["maatregel"] == "geen_actie"


def test_proposal_is_geen_actie_for_a_coffeeshop_without_a_policy_cell():
    coffeeshop = _entry("verwijzing_coffeeshopbeleid", "verwijzing", "coffeeshopbeleid")
    assert proposal(_assessment(BEVOEGD, coffeeshop)) == {"maatregel": "geen_actie", "duur": None, "eenheid": None,
                                                          "parameter": None}


def test_proposal_refuses_months_that_are_not_whole():
    with pytest.raises(ValueError, match="whole months"):
        proposal(_assessment(BEVOEGD, SLUITING, months=1.5))
