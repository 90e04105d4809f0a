"""The algemeen deadline parameters: the decree data parser and the files in rules/algemeen/parameters."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
import yaml

from app.domain.deadlines import calendar_from_parameter, parse_gelijkgestelde_dagen
from app.domain.errors import RulebookError
from app.rulebook.parameters import load_parameters

PARAMETERS = Path(__file__).resolve().parents[2] / "rules" / "algemeen" / "parameters"


def _latest_value(name: str) -> dict:
    """The newest dated value of an algemeen parameter file, read directly."""
    data = yaml.safe_load((PARAMETERS / f"{name}.yaml").read_text(encoding="utf-8"))
    return data["values"][max(data["values"])]


REPO_DECREES = parse_gelijkgestelde_dagen(_latest_value("gelijkgestelde_dagen")["value"])


@pytest.mark.parametrize("name", ["bezwaartermijn_weken", "gelijkgestelde_dagen"])
def test_parameter_files_have_the_loader_format(name):
    data = yaml.safe_load((PARAMETERS / f"{name}.yaml").read_text(encoding="utf-8"))
    assert set(data) == {"description", "unit", "last_reviewed", "values"}
    for valid_from, entry in data["values"].items():
        assert isinstance(valid_from, date)
        assert set(entry) == {"value", "status", "reference"}
        assert set(entry["reference"]) == {"title", "href"}
        assert entry["reference"]["href"].startswith("https://wetten.overheid.nl/")


def test_decree_years_are_quoted_because_the_loader_wants_text_keys():
    assert all(isinstance(year, str) for year in _latest_value("gelijkgestelde_dagen")["value"])


def test_the_rulebook_loader_reads_the_files_and_the_calendar_builds_from_its_value():
    series = load_parameters(PARAMETERS, "rules/algemeen/parameters", "algemeen")
    on = date(2026, 4, 2)
    assert series["bezwaartermijn_weken"].value_at(on).value == 6
    calendar = calendar_from_parameter(series["gelijkgestelde_dagen"].value_at(on).value)
    assert calendar.covers(2026)


def test_every_decreed_day_in_the_data_is_a_weekday():
    # A decree equates bridge days; a Saturday or Sunday in the list is a typing error.
    assert all(d.weekday() < 5 for days in REPO_DECREES.values() for d in days)


def test_the_bezwaartermijn_is_six_weeks_by_statute_since_1994():
    entry = _latest_value("bezwaartermijn_weken")
    assert (entry["value"], entry["status"]) == (6, "statute")
    assert "artikel=6:7" in entry["reference"]["href"]
    assert "&g=" in entry["reference"]["href"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ({2026: "geen"}, {2026: frozenset()}),
        ({"2026": ["2026-05-15"]}, {2026: frozenset({date(2026, 5, 15)})}),
        ({2026: [date(2026, 5, 15), "2026-01-02"]}, {2026: frozenset({date(2026, 5, 15), date(2026, 1, 2)})}),
    ],
)
def test_parse_accepts_geen_iso_strings_dates_and_quoted_years(value, expected):
    assert parse_gelijkgestelde_dagen(value) == expected


@pytest.mark.parametrize(
    "value",
    [
        {2026: []},
        {2026: "none"},
        {2026: ["2027-05-07"]},
        {2026: ["15-05-2026"]},
        {2026: ["20260515"]},
        {2026: [datetime(2026, 5, 15, 0, 0)]},
        {"twintig": "geen"},
        {True: "geen"},
        ["2026-05-15"],
    ],
)
def test_parse_rejects_malformed_decree_data(value):
    with pytest.raises(RulebookError):
        parse_gelijkgestelde_dagen(value)
