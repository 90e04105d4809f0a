"""Deadlines: Atw golden cases and vectors (awb-procedure.md §6.4, ecosystem.md §3), properties, data."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import holidays
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from app import clock
from app.domain.deadlines import (
    ART_2_REDEN,
    Calendar,
    Termijn,
    atw_feestdagen,
    calendar_from_parameter,
    einde_op_klok,
    einde_termijn,
    parse_gelijkgestelde_dagen,
    volgende_werkdag,
)
from app.domain.errors import ParameterNotInForce

AMS = ZoneInfo("Europe/Amsterdam")
PARAMETERS = Path(__file__).resolve().parents[2] / "rules" / "algemeen" / "parameters"
NONE_DECREED = {year: frozenset() for year in range(1990, 2101)}
# The statute alone: no decreed days. The §6.4 vectors are written against this calendar.
STATUTE = Calendar(NONE_DECREED)
FRIDAY_AFTER_ASCENSION_2026 = Calendar({**NONE_DECREED, 2026: frozenset({date(2026, 5, 15)})})


def _latest_value(name: str) -> dict:
    """The newest dated value of an algemeen parameter file, read directly."""
    data = yaml.safe_load((PARAMETERS / f"{name}.yaml").read_text(encoding="utf-8"))
    return data["values"][max(data["values"])]


REPO_DECREES = parse_gelijkgestelde_dagen(_latest_value("gelijkgestelde_dagen")["value"])
# Statute everywhere, plus the repository's decreed days where it has them.
REPO = Calendar({**NONE_DECREED, **REPO_DECREES})


# --- the feestdagen -------------------------------------------------------------------------------


@pytest.mark.parametrize("year", [2024, 2025, 2026, 2027])
def test_5_may_is_a_feestdag_every_year_not_only_in_lustrum_years(year):
    assert date(year, 5, 5) in atw_feestdagen(year, NONE_DECREED)


def test_holidays_nl_alone_is_not_the_atw_calendar():
    # The trap the calendar exists for: holidays.NL lists 5 May only every fifth year.
    assert date(2026, 5, 5) not in holidays.NL(years=2026)


def test_koningsdag_moves_to_saturday_26_april_when_27_april_is_a_sunday():
    days = atw_feestdagen(2025, NONE_DECREED)
    assert date(2025, 4, 26) in days
    assert date(2025, 4, 27) not in days


@pytest.mark.parametrize(
    ("day", "name"),
    [
        (date(2025, 1, 1), "Nieuwjaarsdag"),
        (date(2025, 4, 18), "Goede vrijdag"),
        (date(2025, 4, 21), "Tweede paasdag"),
        (date(2026, 4, 27), "Koningsdag"),
        (date(2026, 5, 5), "Bevrijdingsdag"),
        (date(2026, 5, 14), "Hemelvaartsdag"),
        (date(2025, 6, 9), "Tweede pinksterdag"),
        (date(2025, 12, 25), "Eerste kerstdag"),
        (date(2025, 12, 26), "Tweede kerstdag"),
    ],
)
def test_every_atw_art_3_day_is_named_in_dutch(day, name):
    assert STATUTE.feestdag_naam(day) == name


def test_decreed_days_join_the_feestdagen():
    assert date(2026, 5, 15) in atw_feestdagen(2026, FRIDAY_AFTER_ASCENSION_2026.gelijkgestelde)
    assert date(2026, 5, 15) not in atw_feestdagen(2026, NONE_DECREED)


def test_a_year_without_decree_data_is_not_guessed():
    with pytest.raises(ParameterNotInForce):
        atw_feestdagen(2031, {2030: frozenset()})
    with pytest.raises(ParameterNotInForce):  # a period ending in an uncovered year
        einde_termijn(date(2025, 11, 27), weeks=6, calendar=Calendar({2025: frozenset()}))


# --- Atw art. 1 and 2: the vectors ----------------------------------------------------------------

EASTER = "Goede vrijdag, zaterdag, Eerste paasdag, Tweede paasdag"
CHRISTMAS = "Eerste kerstdag, Tweede kerstdag, zaterdag, zondag"
VECTORS = [
    # awb-procedure.md §6.4
    (date(2025, 3, 3), date(2025, 4, 14), date(2025, 4, 14), None),
    (date(2025, 3, 7), date(2025, 4, 18), date(2025, 4, 22), EASTER),
    (date(2026, 3, 16), date(2026, 4, 27), date(2026, 4, 28), "Koningsdag"),
    (date(2025, 3, 24), date(2025, 5, 5), date(2025, 5, 6), "Bevrijdingsdag"),
    (date(2026, 4, 2), date(2026, 5, 14), date(2026, 5, 15), "Hemelvaartsdag"),
    (date(2025, 11, 13), date(2025, 12, 25), date(2025, 12, 29), CHRISTMAS),
    # ecosystem.md §3 golden cases
    (date(2026, 3, 24), date(2026, 5, 5), date(2026, 5, 6), "Bevrijdingsdag"),
    (date(2025, 11, 14), date(2025, 12, 26), date(2025, 12, 29), "Tweede kerstdag, zaterdag, zondag"),
]  # fmt: skip


@pytest.mark.parametrize(("event", "nominal", "end", "reason"), VECTORS)
def test_bezwaartermijn_of_six_weeks_under_the_statute(event, nominal, end, reason):
    termijn = einde_termijn(event, weeks=6, calendar=STATUTE)
    assert termijn == Termijn(event + timedelta(days=1), nominal, end, reason, termijnenwet=True)
    assert nominal.weekday() == event.weekday()


def test_a_decreed_friday_after_ascension_moves_the_end_to_monday():
    termijn = einde_termijn(date(2026, 4, 2), weeks=6, calendar=FRIDAY_AFTER_ASCENSION_2026)
    assert termijn.end_date == date(2026, 5, 18)
    assert termijn.shifted_reason == "Hemelvaartsdag, gelijkgestelde dag (art. 3 lid 3 Atw), zaterdag, zondag"


def test_with_the_repository_decree_data_ascension_2026_ends_on_monday_18_may():
    # Pins the data: the 2026-2028 decree equates 15 May 2026, so §6.4's "15 May" holds only without it.
    assert einde_termijn(date(2026, 4, 2), weeks=6, calendar=REPO).end_date == date(2026, 5, 18)


def test_art_2_extends_a_three_day_period_over_easter_to_the_second_working_day():
    termijn = einde_termijn(date(2025, 4, 17), days=3, calendar=STATUTE)
    assert (termijn.start_date, termijn.nominal_end_date) == (date(2025, 4, 18), date(2025, 4, 20))
    assert termijn.end_date == date(2025, 4, 23)
    assert termijn.shifted_reason == f"Eerste paasdag, Tweede paasdag; {ART_2_REDEN}"


def test_art_2_applies_even_when_the_nominal_last_day_is_a_working_day():
    # Saturday, Sunday, Monday: one working day, so the period runs to Tuesday.
    termijn = einde_termijn(date(2025, 3, 7), days=3, calendar=STATUTE)
    assert (termijn.nominal_end_date, termijn.end_date) == (date(2025, 3, 10), date(2025, 3, 11))
    assert termijn.shifted_reason == ART_2_REDEN


def test_art_2_does_not_apply_to_a_period_of_two_days():
    termijn = einde_termijn(date(2025, 3, 7), days=2, calendar=STATUTE)
    assert termijn.end_date == date(2025, 3, 10)


def test_without_termijnenwet_a_sunday_end_stays():
    termijn = einde_termijn(date(2026, 3, 22), weeks=6, termijnenwet=False, calendar=STATUTE)
    assert termijn.end_date == termijn.nominal_end_date == date(2026, 5, 3)
    assert termijn.shifted_reason is None
    assert not termijn.termijnenwet
    assert not termijn.verlengd


def test_twelve_weeks_is_not_more_than_twelve_weeks():
    assert einde_termijn(date(2025, 1, 6), weeks=12, calendar=STATUTE).termijnenwet


@pytest.mark.parametrize(("weeks", "days"), [(13, 0), (0, 91), (12, 7)])
def test_art_4_excluded_periods_are_refused_rather_than_silently_not_shifted(weeks, days):
    with pytest.raises(ValueError, match="art. 4"):
        einde_termijn(date(2025, 1, 6), weeks=weeks, days=days, calendar=STATUTE)


@pytest.mark.parametrize(("weeks", "days"), [(0, 0), (-1, 7), (1, -1)])
def test_a_period_must_have_a_positive_length(weeks, days):
    with pytest.raises(ValueError, match="at least one day"):
        einde_termijn(date(2025, 1, 6), weeks=weeks, days=days, calendar=STATUTE)


@pytest.mark.parametrize(
    ("day", "calendar", "expected"),
    [
        (date(2026, 5, 13), STATUTE, date(2026, 5, 15)),
        (date(2026, 5, 13), FRIDAY_AFTER_ASCENSION_2026, date(2026, 5, 18)),
        (date(2025, 12, 24), STATUTE, date(2025, 12, 29)),
        (date(2025, 3, 3), STATUTE, date(2025, 3, 4)),
    ],
)
def test_volgende_werkdag_is_the_first_working_day_after_the_day(day, calendar, expected):
    assert volgende_werkdag(day, calendar) == expected


# --- huisverbod: to the hour, never shifted ----------------------------------------------------------


def test_huisverbod_runs_on_the_wall_clock_across_the_start_of_summer_time():
    end = einde_op_klok(datetime(2026, 3, 27, 20, 0, tzinfo=AMS), 10)
    assert end == datetime(2026, 4, 6, 20, 0, tzinfo=AMS)
    assert (end.hour, end.utcoffset()) == (20, timedelta(hours=2))


def test_huisverbod_is_not_shifted_past_easter_or_koningsdag():
    imposed = datetime(2025, 4, 18, 14, 0, tzinfo=AMS)
    assert einde_op_klok(imposed, 10) == datetime(2025, 4, 28, 14, 0, tzinfo=AMS)
    assert einde_op_klok(imposed, 28) == datetime(2025, 5, 16, 14, 0, tzinfo=AMS)


def test_huisverbod_ending_on_a_sunday_stays_on_the_sunday():
    end = einde_op_klok(datetime(2026, 11, 26, 9, 30, tzinfo=AMS), 10)
    assert (end.date(), end.weekday(), end.hour, end.minute) == (date(2026, 12, 6), 6, 9, 30)


def test_huisverbod_accepts_any_zone_and_answers_in_amsterdam_time():
    end = einde_op_klok(datetime(2026, 3, 27, 19, 0, tzinfo=UTC), 10)
    assert end.tzinfo == AMS
    assert (end.date(), end.hour) == (date(2026, 4, 6), 20)


def test_huisverbod_ending_in_the_repeated_october_hour_takes_the_first():
    end = einde_op_klok(datetime(2026, 10, 15, 2, 30, tzinfo=AMS), 10)
    assert end.astimezone(UTC) == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)


def test_huisverbod_ending_in_the_missing_march_hour_ends_when_the_clock_jumps_past_it():
    # 29 March 2026: the clock jumps from 02:00 to 03:00. An end at 02:30 is reached at the jump (01:00 UTC,
    # 03:00 summer time), not at 01:30 winter time, which would end the order an hour early.
    end = einde_op_klok(datetime(2026, 3, 19, 2, 30, tzinfo=AMS), 10)
    assert end.astimezone(UTC) == datetime(2026, 3, 29, 1, 0, tzinfo=UTC)
    assert (end.hour, end.minute, end.utcoffset()) == (3, 0, timedelta(hours=2))


def test_huisverbod_refuses_a_naive_moment_and_a_non_positive_length():
    with pytest.raises(ValueError, match="aware"):
        einde_op_klok(datetime(2026, 3, 27, 20, 0), 10)
    with pytest.raises(ValueError, match="positive"):
        einde_op_klok(datetime(2026, 3, 27, 20, 0, tzinfo=AMS), 0)


# --- properties --------------------------------------------------------------------------------------

starts = st.dates(min_value=date(1996, 1, 1), max_value=date(2099, 9, 30))
lengths = st.tuples(st.integers(0, 12), st.integers(0, 6)).filter(lambda wd: wd[0] * 7 + wd[1] >= 1)
FAST = settings(max_examples=300, deadline=None)


@FAST
@given(starts, lengths)
def test_an_atw_period_never_ends_before_the_naive_date_nor_more_than_nine_days_after(start, length):
    termijn = einde_termijn(start, weeks=length[0], days=length[1], calendar=REPO)
    assert termijn.nominal_end_date <= termijn.end_date <= termijn.nominal_end_date + timedelta(days=9)


@FAST
@given(starts, lengths)
def test_an_atw_period_never_ends_on_a_saturday_sunday_or_feestdag(start, length):
    end = einde_termijn(start, weeks=length[0], days=length[1], calendar=REPO).end_date
    assert end.weekday() < 5
    assert end not in atw_feestdagen(end.year, REPO.gelijkgestelde)


@FAST
@given(starts, st.integers(0, 40), lengths)
def test_the_end_is_monotone_in_the_start_date(start, gap, length):
    later = start + timedelta(days=gap)
    first = einde_termijn(start, weeks=length[0], days=length[1], calendar=REPO)
    second = einde_termijn(later, weeks=length[0], days=length[1], calendar=REPO)
    assert first.end_date <= second.end_date


@FAST
@given(starts, st.integers(0, 60), st.integers(0, 400))
def test_a_period_without_termijnenwet_never_shifts(start, weeks, days):
    if weeks * 7 + days >= 1:
        termijn = einde_termijn(start, weeks=weeks, days=days, termijnenwet=False, calendar=REPO)
        assert termijn.end_date == termijn.nominal_end_date == start + timedelta(days=weeks * 7 + days)
        assert termijn.shifted_reason is None


# --- the parameter data ---------------------------------------------------------------------------------


def _uncovered_coming_year(value: dict, today: date) -> int | None:
    """The coming year when the decree data has neither days nor "geen" for it, else None."""
    coming = today.year + 1
    return None if coming in parse_gelijkgestelde_dagen(value) else coming


def test_the_coming_year_has_a_decree_entry_or_an_explicit_geen():
    # Fails each year until someone checks the Staatscourant and adds the coming year to the file.
    value = _latest_value("gelijkgestelde_dagen")["value"]
    assert _uncovered_coming_year(value, clock.today()) is None, (
        "rules/algemeen/parameters/gelijkgestelde_dagen.yaml: add the coming year (decreed days or 'geen')"
    )


def test_the_coverage_check_notices_a_missing_year():
    assert _uncovered_coming_year({2026: "geen"}, date(2026, 6, 1)) == 2027
    assert _uncovered_coming_year({2027: "geen"}, date(2026, 6, 1)) is None


def test_the_decree_data_loads_and_covers_2024_to_2027():
    calendar = calendar_from_parameter(_latest_value("gelijkgestelde_dagen")["value"])
    assert all(calendar.covers(year) for year in range(2024, 2028))
    assert not calendar.covers(1999)
