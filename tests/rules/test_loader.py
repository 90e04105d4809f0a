"""The loader accepts the documented subset and rejects everything else, naming file, rule and key.

Each failure test copies the fixture folder, breaks one thing, and checks the message points at it.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from rules_support import FIXTURE_RULES

from app.domain.errors import (
    FactsRejected,
    ParameterNotInForce,
    RulebookError,
    RulesNotInForce,
    UnknownPower,
)
from app.rulebook import Rulebook, fingerprint

V1 = "proef/rules-2019-01-01.yaml"
V2 = "proef/rules-2025-07-01.yaml"
INDEX = "proef/index.yaml"
CASES = "proef/cases.yaml"
HARD = "bevoegd_handelshoeveelheid_harddrugs"
HARD_LINE = "            - $gt: {hard_drugs_g: {$m: p_eigen_gebruik_harddrugs_g}}"
HARD_CONDITION = HARD_LINE + "\n  - id: bevoegd_handelshoeveelheid_softdrugs"


def _copy(tmp_path: Path) -> Path:
    root = tmp_path / "rules"
    shutil.copytree(FIXTURE_RULES, root)
    return root


def _broken(tmp_path: Path, file: str, old: str, new: str) -> Path:
    root = _copy(tmp_path)
    path = root / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture changed: {old!r} not in {file}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return root


def _load_error(root: Path) -> str:
    with pytest.raises(RulebookError) as caught:
        Rulebook.load(root)
    return str(caught.value)


def _hard_condition(new_line: str) -> tuple[str, str, str]:
    return V1, HARD_CONDITION, HARD_CONDITION.replace(HARD_LINE, new_line)


# ------------------------------------------------------------------------------------------- accepted


def test_loads_versions_when_files_are_well_formed(fixture_book: Rulebook) -> None:
    first, second = fixture_book.versions("proef")
    assert fixture_book.powers == ("proef",)
    assert (first.ruleset, second.ruleset) == ("proef__20190101", "proef__20250701_r2")
    assert first.valid_until == date(2025, 6, 30)
    assert "handel_waargenomen" not in second.position
    assert second.rule("oordeel_eerste_overtreding_woning")
    assert second.rule(HARD).defined_in.endswith("rules-2025-07-01.yaml")
    assert second.rule("uitzondering_praktijk_lid_2") is first.rule("uitzondering_praktijk_lid_2")
    assert [r.id for r in second.rules][:3] == [r.id for r in first.rules][:3]


def test_records_references_when_rule_loads(fixture_book: Rulebook) -> None:
    rule = fixture_book.versions("proef")[0].rule("beleid_sluiting_herhaling")
    assert rule.facts == ("offence",)
    assert rule.condition_parameters == ("sluiting_vanaf",)
    assert rule.parameters == ("sluiting_vanaf", "sanctie_herhaling")


def test_fingerprint_covers_inherited_rules_when_base_file_changes(
    tmp_path: Path, fixture_book: Rulebook
) -> None:
    root = _broken(tmp_path, V1, "De woning is een praktijkruimte", "Het pand is een praktijkruimte")
    changed = Rulebook.load(root).versions("proef")[1]
    original = fixture_book.versions("proef")[1]
    assert original.sha256 == fingerprint(original.rules)
    assert changed.sha256 != original.sha256


def test_reads_index_when_vocabulary_is_valid(fixture_book: Rulebook) -> None:
    index = fixture_book.index("proef")
    assert index.facts["dealing_observed"].values == ("yes", "no", "unknown")
    assert index.facts["lijst_ia_g"].maximum == 100000
    assert [j.code for j in index.judgements] == ["geschiktheid", "ernstig_geval_eerste_overtreding"]
    assert index.judgements[0].required_for == ("voornemen_sluiting", "sluiting")


def test_merges_defaults_when_cases_load(fixture_book: Rulebook) -> None:
    case = fixture_book.cases("proef")[0]
    assert case.facts["hard_drugs_g"] == 2.0
    assert case.facts["offence"] == "eerste"
    assert case.expect.not_fired == ("uitzondering_praktijk_lid_2", "geen_drugs_gevonden")


# ------------------------------------------------------------------------------------ versions, dates


def test_raises_rules_not_in_force_when_date_is_outside_every_version(fixture_book: Rulebook) -> None:
    with pytest.raises(RulesNotInForce):
        fixture_book.version_for("proef", date(2018, 12, 31))
    with pytest.raises(RulesNotInForce):
        fixture_book.version_for("proef", date(2031, 1, 1))
    assert fixture_book.version_for("proef", date(2030, 12, 31)).ruleset == "proef__20250701_r2"


def test_uses_new_file_when_date_is_boundary_day(fixture_book: Rulebook) -> None:
    assert fixture_book.version_for("proef", date(2025, 6, 30)).ruleset == "proef__20190101"
    assert fixture_book.version_for("proef", date(2025, 7, 1)).ruleset == "proef__20250701_r2"


def test_raises_unknown_power_when_power_has_no_folder(fixture_book: Rulebook) -> None:
    with pytest.raises(UnknownPower):
        fixture_book.version_for("straathandel", date(2026, 1, 1))


def test_fails_when_versions_overlap(tmp_path: Path) -> None:
    message = _load_error(_broken(tmp_path, V1, "valid_until: null", "valid_until: 2025-07-01"))
    assert "rules-2019-01-01.yaml" in message and "overlaps" in message


def test_fails_when_versions_leave_a_gap(tmp_path: Path) -> None:
    message = _load_error(_broken(tmp_path, V1, "valid_until: null", "valid_until: 2025-05-31"))
    assert "rules-2019-01-01.yaml" in message and "gap" in message


def test_fails_when_valid_from_differs_from_file_name(tmp_path: Path) -> None:
    message = _load_error(_broken(tmp_path, V2, "valid_from: 2025-07-01", "valid_from: 2025-07-02"))
    assert "rules-2025-07-01.yaml" in message and "valid_from" in message


def test_fails_when_file_name_is_not_a_version(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    (root / V2).rename(root / "proef/rules-2025-7-1.yaml")
    assert "rules-2025-7-1.yaml" in _load_error(root)


def test_fails_when_removed_rule_is_not_in_base(tmp_path: Path) -> None:
    message = _load_error(_broken(tmp_path, V2, "removed: [handel_waargenomen]", "removed: [bestaat_niet]"))
    assert "rules-2025-07-01.yaml" in message and "bestaat_niet" in message


def test_fails_when_base_is_not_an_earlier_file(tmp_path: Path) -> None:
    message = _load_error(_broken(tmp_path, V2, "base: 2019-01-01", "base: 2019-01-02"))
    assert "rules-2025-07-01.yaml" in message and "'base'" in message


# -------------------------------------------------------------------------------------------- rules


def test_fails_when_rule_has_unknown_key(tmp_path: Path) -> None:
    message = _load_error(_broken(tmp_path, V1, f"  - id: {HARD}\n", f"  - id: {HARD}\n    pri: 1\n"))
    assert "rules-2019-01-01.yaml" in message and HARD in message and "'pri'" in message


def test_fails_when_all_holds_two_patterns(tmp_path: Path) -> None:
    old = "      - m: {medical_practice: true}\n"
    message = _load_error(_broken(tmp_path, V1, old, old + "      - m: {offence: eerste}\n"))
    assert "uitzondering_praktijk_lid_2" in message and "exactly one pattern" in message


def test_fails_when_condition_has_numeric_literal(tmp_path: Path) -> None:
    message = _load_error(_broken(tmp_path, *_hard_condition("            - $gt: {hard_drugs_g: 2}")))
    assert "rules-2019-01-01.yaml" in message and HARD in message and "numeric literal" in message


def test_fails_when_m_target_is_unknown(tmp_path: Path) -> None:
    line = "            - $gt: {hard_drugs_g: {$m: p_bestaat_niet}}"
    message = _load_error(_broken(tmp_path, *_hard_condition(line)))
    assert HARD in message and "p_bestaat_niet" in message


def test_fails_when_m_target_is_a_fact(tmp_path: Path) -> None:
    line = "            - $gt: {hard_drugs_g: {$m: soft_drugs_g}}"
    assert "must be p_<name>" in _load_error(_broken(tmp_path, *_hard_condition(line)))


def test_fails_when_condition_names_unknown_fact(tmp_path: Path) -> None:
    line = "            - $gt: {harddrugs_g: {$m: p_eigen_gebruik_harddrugs_g}}"
    message = _load_error(_broken(tmp_path, *_hard_condition(line)))
    assert HARD in message and "'harddrugs_g'" in message and "vocabulary" in message


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("            - $s: {hard_drugs_g: {$m: p_eigen_gebruik_harddrugs_g}}", "state conditions"),
        ("            - $mt: {premises_type: 'wo.*'}", "regular expressions"),
        ("            - $add: {hard_drugs_g: {$m: p_eigen_gebruik_harddrugs_g}}", "arithmetic"),
        ("            - $in: {premises_type: [woning]}", "not allowed"),
        ("            - {premises_type: woning, offence: eerste}", "exactly one key"),
        ("            - $gt: {premises_type: {$m: p_sluiting_vanaf}}", "compares numbers"),
        ("            - $ex: {hard_drugs_g: true}", "takes the value 1"),
        ("            - premises_type: kasteel", "not a value of premises_type"),
        ("            - premises_type: null", "cannot be compared"),
        ("            - offence: {$m: p_eigen_gebruik_harddrugs_g}", "does not fit"),
        ("            - $gt: {hard_drugs_g: {$m: p_sanctie_herhaling}}", "does not fit"),
    ],
)
def test_fails_when_condition_leaves_the_subset(tmp_path: Path, line: str, expected: str) -> None:
    message = _load_error(_broken(tmp_path, *_hard_condition(line)))
    assert "rules-2019-01-01.yaml" in message and HARD in message and expected in message


@pytest.mark.parametrize("key", ["any", "count", "cap", "dist", "run"])
def test_fails_when_rule_uses_engine_key_outside_subset(tmp_path: Path, key: str) -> None:
    message = _load_error(_broken(tmp_path, V1, f"  - id: {HARD}\n", f"  - id: {HARD}\n    {key}: 1\n"))
    assert HARD in message and f"'{key}'" in message


def test_fails_when_enum_value_is_an_unquoted_yaml_boolean_in_rule(tmp_path: Path) -> None:
    message = _load_error(_broken(tmp_path, V1, '- dealing_observed: "yes"', "- dealing_observed: yes"))
    assert "handel_waargenomen" in message and "quote it" in message


def test_fails_when_rule_ids_repeat(tmp_path: Path) -> None:
    root = _broken(tmp_path, V1, "  - id: handel_waargenomen", "  - id: uitzondering_praktijk_lid_2")
    message = _load_error(root)
    assert "rules-2019-01-01.yaml" in message and "uitzondering_praktijk_lid_2" in message


def test_fails_when_exception_to_names_no_rule(tmp_path: Path) -> None:
    old = "exception_to: [bevoegd_handelshoeveelheid_harddrugs, "
    message = _load_error(_broken(tmp_path, V1, old, "exception_to: [bestaat_niet, "))
    assert "uitzondering_praktijk_lid_2" in message and "bestaat_niet" in message


def test_fails_when_conclusion_parameter_is_unknown(tmp_path: Path) -> None:
    message = _load_error(_broken(tmp_path, V1, "parameter: sanctie_herhaling", "parameter: sanctie"))
    assert "beleid_sluiting_herhaling" in message and "'conclusion'" in message


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("&z=2019-01-01&g=2019-01-01", "&z=2019-01-01&g=2018-12-31", "outside the file's validity window"),
        ("&z=2019-01-01&g=2019-01-01", "&z=2019-01-01", "g=YYYY-MM-DD"),
        ("&z=2019-01-01&g=2019-01-01", "&g=2019-02-30", "not a date"),
        ("https://wetten.overheid.nl/jci1.3", "http://wetten.overheid.nl/jci1.3", "https link"),
        ("https://wetten.overheid.nl/jci1.3", "https://wetten.example.nl/jci1.3", "https link"),
    ],
)
def test_fails_when_legal_basis_link_is_wrong(tmp_path: Path, old: str, new: str, expected: str) -> None:
    message = _load_error(_broken(tmp_path, V1, old, new))
    assert "rules-2019-01-01.yaml" in message and HARD in message and expected in message


def test_fails_when_g_date_lies_after_the_implicit_end_of_the_file(tmp_path: Path) -> None:
    message = _load_error(_broken(tmp_path, V1, "&artikel=13b&lid=2&g=2019-01-01", "&g=2025-07-01"))
    assert "uitzondering_praktijk_lid_2" in message and "2025-06-30" in message


# ------------------------------------------------------------------------------------ yaml, vocabulary


def test_fails_when_yaml_key_repeats(tmp_path: Path) -> None:
    old = "    explanation: Er is meer softdrugs gevonden dan voor eigen gebruik.\n"
    message = _load_error(_broken(tmp_path, V1, old, old + old))
    assert "rules-2019-01-01.yaml" in message and "duplicate key 'explanation'" in message


def test_fails_when_parameter_date_repeats(tmp_path: Path) -> None:
    file = "proef/parameters/eigen_gebruik_softdrugs_g.yaml"
    old = "  2019-01-01: {value: 5, "
    message = _load_error(_broken(tmp_path, file, old, old.replace("5", "6") + "status: x}\n" + old))
    assert "eigen_gebruik_softdrugs_g.yaml" in message and "duplicate key" in message


def test_fails_when_vocabulary_enum_value_is_unquoted_yes(tmp_path: Path) -> None:
    root = _broken(tmp_path, INDEX, 'values: ["yes", "no", unknown]', "values: [yes, no, unknown]")
    message = _load_error(root)
    assert "index.yaml" in message and "dealing_observed" in message and "quote it" in message


def test_fails_when_fact_type_is_unknown(tmp_path: Path) -> None:
    root = _broken(tmp_path, INDEX, "medical_practice: {type: bool}", "medical_practice: {type: boolean}")
    message = _load_error(root)
    assert "index.yaml" in message and "medical_practice" in message


@pytest.mark.parametrize("name", ["p_gram", "sid", "Hard_drugs"])
def test_fails_when_fact_name_is_reserved_or_not_snake_case(tmp_path: Path, name: str) -> None:
    message = _load_error(_broken(tmp_path, INDEX, "  medical_practice:", f"  {name}:"))
    assert "index.yaml" in message and name in message


def test_fails_when_index_names_another_power(tmp_path: Path) -> None:
    assert "the folder is 'proef'" in _load_error(_broken(tmp_path, INDEX, "power: proef", "power: damocles"))


# ----------------------------------------------------------------------------------------- parameters


def test_raises_parameter_not_in_force_when_value_is_null(fixture_book: Rulebook) -> None:
    assert fixture_book.parameter("proef", "oude_regeling", date(2022, 12, 31)).value == 10
    with pytest.raises(ParameterNotInForce):
        fixture_book.parameter("proef", "oude_regeling", date(2023, 1, 1))
    assert "oude_regeling" not in fixture_book.parameters_for("proef", date(2023, 1, 1))


def test_raises_parameter_not_in_force_when_rules_use_an_ended_parameter(tmp_path: Path) -> None:
    file = "proef/parameters/eigen_gebruik_softdrugs_g.yaml"
    old = "  2019-01-01: {value: 5, status: national practice, "
    root = _copy(tmp_path)
    path = root / file
    path.write_text(path.read_text(encoding="utf-8") + "  2026-01-01: {value: null}\n", encoding="utf-8")
    assert old in path.read_text(encoding="utf-8")
    book = Rulebook.load(root)
    assert book.parameters_for("proef", date(2025, 12, 31))["eigen_gebruik_softdrugs_g"].value == 5
    with pytest.raises(ParameterNotInForce):
        book.parameters_for("proef", date(2026, 1, 1))


def test_shares_resolved_parameters_when_dates_have_same_values(fixture_book: Rulebook) -> None:
    first = fixture_book.parameters_for("proef", date(2026, 3, 1))
    assert fixture_book.parameters_for("proef", date(2026, 3, 1)) is first
    assert fixture_book.parameters_for("proef", date(2027, 5, 6)) is first
    assert first["sanctie_herhaling"].value == {"maatregel": "sluiting", "maanden": 6}
    assert "p_sanctie_herhaling" not in first.fact_entries
    assert first.fact_entries["p_eigen_gebruik_harddrugs_g"] == 1


def test_reads_general_parameters_when_power_is_algemeen(fixture_book: Rulebook) -> None:
    assert fixture_book.parameter("algemeen", "bezwaartermijn_weken", date(2026, 1, 1)).value == 6
    days = fixture_book.parameter("algemeen", "gelijkgestelde_dagen", date(2026, 1, 1))
    assert days.value == [date(2026, 12, 24)]
    assert "algemeen" not in fixture_book.powers


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("value: 5, status", "value: .nan, status", "finite number"),
        ("{value: 5, status: national practice, ", "{value: 5, ", "'status' is missing"),
        ('href: "https://www.om.nl', 'href: "http://www.om.nl', "https link"),
        ("  2019-01-01: {value: 5", '  "2019-01-01": {value: 5', "unquoted date"),
        ("  2019-01-01: {value: 5", "  2019-01-01: {value: null}\n  2019-02-01: {value: 5", "first value"),
        ("  2019-01-01: {value: 5", "  2019-01-01: {value: '5'", "does not fit"),
    ],
)
def test_fails_when_parameter_file_is_wrong(tmp_path: Path, old: str, new: str, expected: str) -> None:
    message = _load_error(_broken(tmp_path, "proef/parameters/eigen_gebruik_softdrugs_g.yaml", old, new))
    assert "eigen_gebruik_softdrugs_g" in message and expected in message


def test_fails_when_general_folder_holds_rules(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    shutil.copy(root / V1, root / "algemeen/rules-2019-01-01.yaml")
    assert "parameters only" in _load_error(root)


# ---------------------------------------------------------------------------------------------- cases


def test_fails_when_case_enum_value_is_unquoted_yes(tmp_path: Path) -> None:
    message = _load_error(_broken(tmp_path, CASES, 'dealing_observed: "yes"', "dealing_observed: yes"))
    assert "cases.yaml" in message and "dealing_observed" in message


def test_fails_when_case_expects_unknown_rule(tmp_path: Path) -> None:
    old = "fired: [bevoegd_handelshoeveelheid_softdrugs]"
    message = _load_error(_broken(tmp_path, CASES, old, "fired: [bevoegd_softdrugs]"))
    assert "cases.yaml" in message and "Precies vijf gram" in message and "bevoegd_softdrugs" in message


def test_fails_when_case_date_has_no_rules(tmp_path: Path) -> None:
    message = _load_error(_broken(tmp_path, CASES, "date: 2026-03-01", "date: 2018-03-01"))
    assert "cases.yaml" in message and "no rules version" in message


def test_fails_when_case_fact_is_not_in_vocabulary(tmp_path: Path) -> None:
    message = _load_error(_broken(tmp_path, CASES, "facts: {hard_drugs_g: 2.0}", "facts: {harddrugs_g: 2.0}"))
    assert "cases.yaml" in message and "harddrugs_g" in message


# --------------------------------------------------------------------------------------------- facts


def test_lists_every_bad_field_when_facts_are_rejected(fixture_book: Rulebook) -> None:
    facts = {**fixture_book.cases("proef")[0].facts, "hard_drugs_g": "2", "offence": "Eerste", "extra": 1}
    del facts["medical_practice"]
    params = fixture_book.parameters_for("proef", date(2026, 3, 1))
    with pytest.raises(FactsRejected) as caught:
        fixture_book.checked_fact("proef", facts, params)
    assert set(caught.value.errors) == {"hard_drugs_g", "offence", "extra", "medical_practice"}
    assert caught.value.errors["medical_practice"] == "Dit feit ontbreekt."
    assert "eerste, tweede, derde_of_later" in caught.value.errors["offence"]


def test_adds_condition_parameters_when_fact_is_checked(fixture_book: Rulebook) -> None:
    case = fixture_book.cases("proef")[0]
    params = fixture_book.parameters_for("proef", case.date)
    fact = fixture_book.checked_fact("proef", case.facts, dict(params))
    assert fact["p_eigen_gebruik_harddrugs_g"] == 0.5
    assert fact["p_sluiting_vanaf"] == "tweede"
    assert fact["hard_drugs_g"] == 2.0
    assert fact is not case.facts and "sid" not in case.facts
