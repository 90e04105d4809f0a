"""Parameters: which date selects a value (applies_at), and confirmed values laid over the YAML defaults."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app.config import ROOT
from app.domain.assessment import Assessment
from app.domain.errors import RulebookError
from app.rulebook import Rulebook
from app.rulebook.overlay import Confirmation, overlaid
from app.rulebook.parameters import load_parameters

BOOK = Rulebook.load(ROOT / "rules")
MONTHS = "sluiting_woning_harddrugs_eerste_maanden"
SOURCE = {"titel": "Beleidsregels inzake de toepassing van artikel 13b Opiumwet", "artikel": "artikel 4",
          "publicatie": "Gemeenteblad 2010, C nr. 46", "href": "https://lokaleregelgeving.overheid.nl/CVDR110009"}
FINDING, BEFORE, AFTER, NEW_POLICY = date(2026, 3, 1), date(2026, 5, 31), date(2026, 6, 15), date(2026, 6, 1)


def confirmation(name: str, value: object, valid_from: date, key: str = "1") -> Confirmation:
    return Confirmation(name=name, value=value, valid_from=valid_from, source=SOURCE, key=key)


OVERLAY = {MONTHS: (confirmation(MONTHS, 6, NEW_POLICY),),
           "drempel_harddrugs_g": (confirmation("drempel_harddrugs_g", 5.0, NEW_POLICY, "2"),)}


def test_policy_parameters_follow_the_decision_date_and_the_rest_the_finding_date() -> None:
    series = BOOK.parameter_series("damocles")
    policy = [n for n in series if n.startswith("sluiting_")] + [
        "max_sluiting_maanden", "recidive_termijn_jaren", "begunstigingstermijn_dagen", "zienswijze_termijn_dagen"]
    assert {series[n].applies_at for n in policy} == {"beslisdatum"}
    assert {series[n].applies_at for n in series if n.startswith("drempel_")} == {"peildatum"}
    assert {s.applies_at for s in BOOK.parameter_series("huisverbod").values()} == {"peildatum"}


def test_a_confirmation_is_a_new_dated_value_from_its_date() -> None:
    before = BOOK.parameters_for("damocles", FINDING, beslisdatum=BEFORE, overlay=OVERLAY)[MONTHS]
    after = BOOK.parameters_for("damocles", FINDING, beslisdatum=AFTER, overlay=OVERLAY)[MONTHS]
    assert (before.value, before.to_confirm, before.source) == (3, True, None)
    assert (after.value, after.to_confirm, after.valid_from) == (6, False, NEW_POLICY)
    assert after.citation == "Beleidsregels inzake de toepassing van artikel 13b Opiumwet, artikel 4"
    assert after.reference["href"] == SOURCE["href"]
    assert BOOK.parameters_for("damocles", FINDING, beslisdatum=AFTER)[MONTHS].value == 3  # the YAML stays default


def test_a_threshold_is_taken_on_the_finding_date_whatever_the_decision_date() -> None:
    params = BOOK.parameters_for("damocles", FINDING, beslisdatum=AFTER, overlay=OVERLAY)
    assert params["drempel_harddrugs_g"].value == 0.5 and params.fact_entries["p_drempel_harddrugs_g"] == 0.5
    later_finding = BOOK.parameters_for("damocles", AFTER, beslisdatum=AFTER, overlay=OVERLAY)
    assert later_finding["drempel_harddrugs_g"].value == 5.0


def test_the_resolved_sets_are_cached_apart_per_confirmation() -> None:
    plain = BOOK.parameters_for("damocles", FINDING, beslisdatum=AFTER)
    confirmed = BOOK.parameters_for("damocles", FINDING, beslisdatum=AFTER, overlay=OVERLAY)
    again = BOOK.parameters_for("damocles", FINDING, beslisdatum=AFTER, overlay=OVERLAY)
    corrected = {MONTHS: (confirmation(MONTHS, 6, NEW_POLICY), confirmation(MONTHS, 4, NEW_POLICY, "9"))}
    assert confirmed is again and confirmed is not plain
    assert BOOK.parameters_for("damocles", FINDING, beslisdatum=AFTER, overlay=corrected)[MONTHS].value == 4


def test_the_assessment_keeps_both_dates_and_the_confirmed_source() -> None:
    from app.config import Config
    from app.runtime import build_runtime

    rt = build_runtime(Config())
    case = next(c for c in BOOK.cases("damocles") if c.facts and "beleid_woning_harddrugs_eerste" in c.expect.fired)
    result = rt.engine.evaluate("damocles", case.facts, case.date, beslisdatum=AFTER, overlay=OVERLAY)
    assert (result.peildatum, result.beslisdatum, result.policy_date) == (case.date, AFTER, AFTER)
    assert rt.power("damocles").proposal(result)["duur"] == 6
    assert MONTHS not in result.unconfirmed((MONTHS,))
    back = Assessment.from_dict(result.to_dict())
    assert back == result and back.parameters[MONTHS].source == SOURCE


def test_the_loader_refuses_an_unknown_applies_at(tmp_path: Path) -> None:
    (tmp_path / "termijn_dagen.yaml").write_text(
        "description: x\nunit: dagen\napplies_at: morgen\nlast_reviewed: 2026-01-01\nvalues:\n"
        "  2020-01-01: {value: 1, status: statute, reference: {title: t, href: 'https://example.org'}}\n")
    with pytest.raises(RulebookError, match="applies_at"):
        load_parameters(tmp_path, "rules/x/parameters", "x")


def test_a_yaml_value_after_the_confirmation_still_applies_from_its_own_date(tmp_path: Path) -> None:
    (tmp_path / "termijn_dagen.yaml").write_text(
        "description: x\nunit: dagen\nlast_reviewed: 2026-01-01\nvalues:\n"
        "  2020-01-01: {value: 14, status: design default, reference: {title: t, href: 'https://example.org'}}\n"
        "  2027-01-01: {value: 10, status: statute, reference: {title: t, href: 'https://example.org'}}\n")
    series = overlaid(load_parameters(tmp_path, "rules/x/parameters", "x"),
                      {"termijn_dagen": (confirmation("termijn_dagen", 7, date(2025, 1, 1)),)})["termijn_dagen"]
    assert [series.value_at(d).value for d in (date(2024, 12, 31), date(2025, 1, 1), date(2027, 1, 1))] == [14, 7, 10]


def test_a_text_parameter_lists_its_values_and_a_confirmation_must_be_one_of_them(tmp_path: Path) -> None:
    """Code review: a typo confirmed in `recidive_telt_per` would break every evaluation (the table is
    append-only); a text parameter now names its allowed values and the loader and the form hold to them."""
    from app.domain.errors import InvalidInput
    from app.rulebook.overlay import read_value

    body = ("description: x\nunit: ''\n{choices}last_reviewed: 2026-01-01\nvalues:\n"
            "  2020-01-01: {{value: adres, status: design default — to confirm with the municipality, "
            "reference: {{title: t, href: 'https://example.org'}}}}\n")
    (tmp_path / "telt_per.yaml").write_text(body.format(choices=""))
    with pytest.raises(InvalidInput):  # without a list of values no confirmation through the form
        read_value(load_parameters(tmp_path, "rules/x/parameters", "x")["telt_per"], "adres")
    (tmp_path / "telt_per.yaml").write_text(body.format(choices="choices: [adres, persoon]\n"))
    series = load_parameters(tmp_path, "rules/x/parameters", "x")["telt_per"]
    assert read_value(series, "persoon") == "persoon"
    with pytest.raises(InvalidInput) as typo:
        read_value(series, "persoonn")
    assert "adres, persoon" in typo.value.errors["waarde"]


def test_every_text_parameter_of_the_rules_lists_its_values() -> None:
    for folder in sorted((ROOT / "rules").glob("*/parameters")):
        for name, series in load_parameters(folder, str(folder), folder.parent.name).items():
            if any(type(v.value) is str for v in series.values()):
                assert series.choices, f"{folder.parent.name}/{name}"
