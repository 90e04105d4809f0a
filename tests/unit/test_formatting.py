"""Dutch dates, moments, money and periods in letters (letters.md §6)."""

from __future__ import annotations

import ast
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.letters.formatting import bedrag, datum, datum_met_dag, getal_in_woorden, periode, tijdstip

AMS = ZoneInfo("Europe/Amsterdam")
LETTERS = Path(__file__).resolve().parents[2] / "app" / "letters"


# --- dates and moments -----------------------------------------------------------------------------------


def test_datum_is_day_month_in_words_and_year():
    assert datum(date(2025, 6, 3)) == "3 juni 2025"
    assert datum(date(2026, 12, 31)) == "31 december 2026"


def test_datum_met_dag_adds_the_weekday_in_lower_case():
    assert datum_met_dag(date(2025, 6, 3)) == "dinsdag 3 juni 2025"
    assert datum_met_dag(date(2026, 5, 6)) == "woensdag 6 mei 2026"


def test_a_moment_is_dated_on_the_amsterdam_calendar():
    late_utc = datetime(2025, 12, 31, 23, 30, tzinfo=UTC)
    assert datum(late_utc) == "1 januari 2026"
    assert datum_met_dag(late_utc) == "donderdag 1 januari 2026"


@pytest.mark.parametrize(
    ("moment", "text"),
    [
        (datetime(2026, 4, 6, 20, 0, tzinfo=AMS), "20.00 uur"),
        (datetime(2026, 4, 6, 18, 0, tzinfo=UTC), "20.00 uur"),
        (datetime(2026, 1, 6, 18, 0, tzinfo=UTC), "19.00 uur"),
        (datetime(2026, 1, 6, 8, 5, tzinfo=AMS), "08.05 uur"),
    ],
)
def test_tijdstip_is_amsterdam_time_in_the_dutch_style(moment, text):
    assert tijdstip(moment) == text


def test_naive_moments_are_refused():
    with pytest.raises(ValueError, match="aware"):
        tijdstip(datetime(2026, 4, 6, 20, 0))
    with pytest.raises(ValueError, match="aware"):
        datum(datetime(2026, 4, 6, 20, 0))


# --- money ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (1250, "€ 1.250,00"),
        (Decimal("1250.5"), "€ 1.250,50"),
        (1250.5, "€ 1.250,50"),
        (Decimal("0.05"), "€ 0,05"),
        (1_000_000, "€ 1.000.000,00"),
        (0, "€ 0,00"),
    ],
)
def test_bedrag_is_dutch_currency_with_an_ordinary_space(amount, text):
    assert bedrag(amount) == text


def test_bedrag_contains_no_no_break_space():
    assert "\u00a0" not in bedrag(1250)
    assert "\u202f" not in bedrag(1250)


@pytest.mark.parametrize(
    "amount", [-1, Decimal("0.005"), 0.1 + 0.2, float("nan"), float("inf"), Decimal("NaN")]
)
def test_bedrag_refuses_amounts_a_letter_must_not_state(amount):
    with pytest.raises(ValueError):
        bedrag(amount)


@pytest.mark.parametrize("amount", [True, "1250", None])
def test_bedrag_refuses_non_numbers(amount):
    with pytest.raises(TypeError):
        bedrag(amount)


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 10**9))
def test_bedrag_keeps_every_digit_of_whole_cents(cents):
    text = bedrag(Decimal(cents) / 100)
    assert text.startswith("€ ")
    assert int(text[2:].replace(".", "").replace(",", "")) == cents


# --- periods in words -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "unit", "text"),
    [
        (6, "weeks", "zes weken"),
        (10, "days", "tien dagen"),
        (3, "months", "drie maanden"),
        (1, "months", "één maand"),
        (1, "week", "één week"),
        (4, "weken", "vier weken"),
        (24, "hours", "vierentwintig uur"),
        (5, "years", "vijf jaar"),
        (1, "years", "één jaar"),
        (12, "weeks", "twaalf weken"),
        (42, "dagen", "tweeënveertig dagen"),
    ],
)
def test_periode_writes_the_number_and_unit_in_dutch(n, unit, text):
    assert periode(n, unit) == text


def test_periode_refuses_an_unknown_unit():
    with pytest.raises(ValueError, match="unit"):
        periode(6, "fortnights")


@pytest.mark.parametrize(
    ("n", "word"),
    [
        (1, "één"), (2, "twee"), (7, "zeven"), (11, "elf"), (13, "dertien"), (19, "negentien"),
        (20, "twintig"), (21, "eenentwintig"), (22, "tweeëntwintig"), (23, "drieëntwintig"),
        (28, "achtentwintig"), (33, "drieëndertig"), (40, "veertig"), (52, "tweeënvijftig"),
        (60, "zestig"), (81, "eenentachtig"), (99, "negenennegentig"), (100, "honderd"),
    ],
)  # fmt: skip
def test_getal_in_woorden(n, word):
    assert getal_in_woorden(n) == word


@pytest.mark.parametrize("n", [0, -3, 101, True, 6.0])
def test_getal_in_woorden_refuses_numbers_outside_the_table(n):
    with pytest.raises(ValueError):
        getal_in_woorden(n)


def test_every_number_word_from_1_to_100_is_distinct_and_only_letters():
    words = [getal_in_woorden(n) for n in range(1, 101)]
    assert len(set(words)) == 100
    assert all(word.isalpha() and word.islower() for word in words)


# --- structure: the format_timedelta trap -------------------------------------------------------------------


def _uses_format_timedelta(source: str) -> bool:
    """True when the code imports or references Babel's format_timedelta (docstrings do not count)."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import | ast.ImportFrom):
            if any(alias.name.split(".")[-1] in ("format_timedelta", "*") for alias in node.names):
                return True
        elif isinstance(node, ast.Attribute) and node.attr == "format_timedelta":
            return True
        elif isinstance(node, ast.Name) and node.id == "format_timedelta":
            return True
    return False


@pytest.mark.parametrize(
    "source",
    [
        "from babel.dates import format_timedelta",
        "from babel.dates import format_timedelta as ftd",
        "from babel.dates import *",
        "import babel.dates\nbabel.dates.format_timedelta(x)",
    ],
)
def test_the_structure_check_catches_every_way_in(source):
    assert _uses_format_timedelta(source)


def test_no_module_under_app_letters_imports_format_timedelta():
    modules = sorted(LETTERS.rglob("*.py"))
    assert LETTERS / "formatting.py" in modules
    offenders = [p.name for p in modules if _uses_format_timedelta(p.read_text(encoding="utf-8"))]
    assert offenders == []
