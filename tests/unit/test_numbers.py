"""Numbers the Dutch way: read what is unambiguous, ask about the rest, print so it reads back the same."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.numbers import NumberProblem, format_number, parse_number


@pytest.mark.parametrize(("typed", "whole", "expected"), [
    ("35.000", False, Decimal(35000)), ("35.000", True, Decimal(35000)), ("2,5", False, Decimal("2.5")),
    ("1.500,25", False, Decimal("1500.25")), ("1,500", False, Decimal("1.5")), (" 12 ", True, Decimal(12)),
    ("1.234.567", True, Decimal(1234567)), ("0,55", False, Decimal("0.55")),
])
def test_dutch_notation_is_read_the_dutch_way(typed, whole, expected):
    assert parse_number(typed, whole=whole) == expected


@pytest.mark.parametrize(("typed", "whole", "readings"), [
    ("1,500", True, ("1.500", "1,5")), ("1,500.25", False, ("1.500,25", "1,50025")),
])
def test_two_readings_get_a_question_naming_both(typed, whole, readings):
    with pytest.raises(NumberProblem) as problem:
        parse_number(typed, whole=whole)
    assert problem.value.message.startswith(f"Wat bedoelt u met '{typed}'")
    assert all(f" {r}" in problem.value.message for r in readings)


@pytest.mark.parametrize(("typed", "meant"), [("1.5", "1,5"), ("0.55", "0,55"), ("12.25", "12,25")])
def test_a_point_that_cannot_group_thousands_is_asked_about_as_a_decimal_point(typed, meant):
    """Browser trial: "1.5" was answered with "1,5 of 15?", a reading nobody meant."""
    with pytest.raises(NumberProblem) as problem:
        parse_number(typed)
    assert problem.value.message == f"Bedoelt u {meant}? Schrijf decimalen met een komma."


@pytest.mark.parametrize("typed", ["1.5", "1,500", "veel", "2,5", "1.2.3"])
def test_a_whole_number_field_never_suggests_a_decimal(typed):
    """Browser trial: the error on "Aantal minderjarigen" suggested writing "2,5"."""
    with pytest.raises(NumberProblem) as problem:
        parse_number(typed, whole=True)
    assert "2,5" not in problem.value.message, problem.value.message


@pytest.mark.parametrize("typed", ["1,5e3", "1e3", "1E3", "inf", "-inf", "nan", "NaN", "Infinity", "veel", "1 000",
                                   "0x10", "½", "١٢"])
def test_exponents_words_and_specials_are_refused(typed):
    with pytest.raises(NumberProblem):
        parse_number(typed)


def test_a_decimal_in_a_whole_number_field_is_refused():
    with pytest.raises(NumberProblem, match="heel getal"):
        parse_number("2,5", whole=True)


def test_screens_print_thousands_with_a_point_and_decimals_with_a_comma():
    assert (format_number(1500), format_number(2.5), format_number(1234567.891)) == ("1.500", "2,5", "1.234.567,891")


@given(st.decimals(min_value=-10**9, max_value=10**9, places=6, allow_nan=False, allow_infinity=False))
def test_a_printed_number_reads_back_the_same(value):
    assert parse_number(format_number(value)) == value


@given(st.integers(min_value=-10**12, max_value=10**12))
def test_a_printed_whole_number_reads_back_the_same_in_a_whole_number_field(value):
    assert parse_number(format_number(value), whole=True) == value


@given(st.floats(min_value=0, max_value=1_000_000, allow_nan=False, allow_infinity=False))
def test_a_stored_quantity_printed_into_a_form_reads_back_the_same(value):
    assert float(parse_number(format_number(value))) == value
