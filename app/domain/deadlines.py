"""Deadlines: Awb periods under the Algemene termijnenwet (Atw), and measures that run on the clock.

Pure: the calendar of decreed days (Atw art. 3 lid 3) arrives as already-parsed parameter data from
`rules/algemeen/parameters/gelijkgestelde_dagen.yaml`; this module reads no files.

`holidays.NL()` is not the Atw calendar: it lists 5 May only in lustrum years and knows nothing of the
days decreed equal to a feestdag. `atw_feestdagen()` adds both. A year for which the decree data says
neither a list of days nor "geen" is not covered, and every calculation that touches it raises
`ParameterNotInForce` instead of guessing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from types import MappingProxyType
from zoneinfo import ZoneInfo

import holidays
from holidays.constants import PUBLIC

from app.domain.errors import ParameterNotInForce, RulebookError

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
GEEN = "geen"
BEVRIJDINGSDAG = "Bevrijdingsdag"
GELIJKGESTELDE_DAG = "gelijkgestelde dag (art. 3 lid 3 Atw)"
ART_2_REDEN = "art. 2 Atw: minstens twee werkdagen in de termijn"

# holidays.NL starts in 1966, the first full year after the Atw entered into force (1 April 1965).
_FIRST_YEAR = 1966
# 5 May was added to Atw art. 3 lid 1 in 1982 (per the holidays package's notes; date not verified here).
_BEVRIJDINGSDAG_FROM = 1982
# Atw art. 4 lid 1 onder a: not for periods of more than 90 days or more than twelve weeks (= 84 days).
_ATW_MAX_DAYS = 90
_WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")


@dataclass(frozen=True)
class Termijn:
    """A period to act within: first day, nominal last day, last day after the Atw, and why it moved."""

    start_date: date
    nominal_end_date: date
    end_date: date
    shifted_reason: str | None
    termijnenwet: bool

    @property
    def verlengd(self) -> bool:
        """True when the Atw moved the last day."""
        return self.end_date != self.nominal_end_date


@dataclass(frozen=True, eq=False)
class Calendar:
    """The Atw calendar for the years the decree data covers (year -> decreed days, empty for "geen")."""

    gelijkgestelde: Mapping[int, frozenset[date]]

    def __post_init__(self) -> None:
        # Read-only copy: a calendar is shared between requests and must not change under them.
        object.__setattr__(self, "gelijkgestelde", MappingProxyType(dict(self.gelijkgestelde)))

    def covers(self, year: int) -> bool:
        """True when the data has a decree entry or an explicit "geen" for `year`."""
        return year in self.gelijkgestelde

    def feestdag_naam(self, d: date) -> str | None:
        """Dutch name of the feestdag on `d`, or None on an ordinary day.

        Raises:
            ParameterNotInForce: the decree data does not cover `d.year`.
        """
        return _feestdag_namen(d.year, _gelijkgesteld(d.year, self.gelijkgestelde)).get(d)

    def is_werkdag(self, d: date) -> bool:
        """True unless `d` is a Saturday, a Sunday or an algemeen erkende feestdag (Atw art. 1)."""
        return d.weekday() < 5 and self.feestdag_naam(d) is None

    def dag_naam(self, d: date) -> str:
        """Name of a day for a shift reason: its feestdag name, else its weekday."""
        return self.feestdag_naam(d) or _WEEKDAYS[d.weekday()]


def atw_feestdagen(year: int, gelijkgestelde: Mapping[int, frozenset[date]]) -> frozenset[date]:
    """Algemeen erkende feestdagen under Atw art. 3 in `year`, including the days decreed equal to them.

    Raises:
        ParameterNotInForce: `gelijkgestelde` has no entry (not even "geen") for `year`.
    """
    return frozenset(_feestdag_namen(year, _gelijkgesteld(year, gelijkgestelde)))


def volgende_werkdag(d: date, calendar: Calendar) -> date:
    """The first day after `d` that is no Saturday, Sunday or feestdag."""
    day = d + timedelta(days=1)
    while not calendar.is_werkdag(day):
        day += timedelta(days=1)
    return day


def einde_termijn(
    start_event: date, *, weeks: int = 0, days: int = 0, termijnenwet: bool = True, calendar: Calendar
) -> Termijn:
    """Last day of a period of `weeks` and `days` that starts the day after `start_event`.

    Six weeks after a Tuesday ends on the Tuesday six weeks later (Awb 6:8). With `termijnenwet`, a last
    day on a Saturday, Sunday or feestdag moves to the next working day (Atw art. 1) and a period of at
    least three days is extended until it holds two working days (Atw art. 2). Periods counted backwards
    (Atw art. 1 lid 2) are out of scope.

    Raises:
        ValueError: the length is not positive, or the Atw is asked for a period art. 4 excludes.
        ParameterNotInForce: the decree data does not cover a year the calculation touches.
    """
    length = _lengte(weeks, days, termijnenwet)
    start = start_event + timedelta(days=1)
    nominal = start_event + timedelta(days=length)
    if not termijnenwet:
        return Termijn(start, nominal, nominal, None, termijnenwet=False)
    end = nominal if calendar.is_werkdag(nominal) else volgende_werkdag(nominal, calendar)
    end, art_2 = _art_2(start, end, length, calendar)
    return Termijn(start, nominal, end, _reden(nominal, end, art_2, calendar), termijnenwet=True)


def klokdagen(start: datetime, end: datetime) -> float:
    """Days between two moments as the Dutch wall clock counts them (27 March 20:00 to 6 April 20:00 is 10, summer
    time or not): whole days as an int, otherwise to four decimals. A presence ban or huisverbod is measured so."""
    span = end.astimezone(AMSTERDAM).replace(tzinfo=None) - start.astimezone(AMSTERDAM).replace(tzinfo=None)
    minutes, per_day = int(span.total_seconds() // 60), 24 * 60
    return minutes // per_day if minutes % per_day == 0 else round(minutes / per_day, 4)


def einde_op_klok(start: datetime, days: int) -> datetime:
    """End of a huisverbod or presence ban: `days` days after imposition, to the hour, Amsterdam time.

    Wth art. 13 excludes the Atw, so the end never moves off a weekend or feestdag. The period runs on
    the wall clock (Rb. Middelburg, ECLI:NL:RBMID:2011:BP2167): 27 March 20:00 + 10 days ends 6 April
    20:00 even though summer time started in between.

    Raises:
        ValueError: `start` is naive, or `days` is not positive.
    """
    if start.tzinfo is None or start.utcoffset() is None:
        raise ValueError("the start must be timezone-aware")
    if days < 1:
        raise ValueError("days must be positive")
    wall = start.astimezone(AMSTERDAM).replace(tzinfo=None) + timedelta(days=days)
    return first_reached(wall)


def parse_gelijkgestelde_dagen(value: Mapping[object, object]) -> dict[int, frozenset[date]]:
    """Validate the parsed `gelijkgestelde_dagen` value: year -> list of ISO dates, or "geen".

    Raises:
        RulebookError: a year, date or marker is malformed, or a date lies outside its year.
    """
    if not isinstance(value, Mapping):
        raise RulebookError("gelijkgestelde_dagen: value must map years to dates or 'geen'")
    parsed: dict[int, frozenset[date]] = {}
    for raw_year, raw_days in value.items():
        year = _parse_year(raw_year)
        parsed[year] = _parse_days(year, raw_days)
    return parsed


def calendar_from_parameter(value: Mapping[object, object]) -> Calendar:
    """Build the Atw calendar from the `gelijkgestelde_dagen` parameter value.

    Raises:
        RulebookError: see `parse_gelijkgestelde_dagen`.
    """
    return Calendar(parse_gelijkgestelde_dagen(value))


@lru_cache(maxsize=512)
def _feestdag_namen(year: int, extra: frozenset[date]) -> Mapping[date, str]:
    """Date -> Dutch name of every Atw feestdag in `year` (cached: holidays.NL is slow per call)."""
    if year < _FIRST_YEAR:
        raise ValueError(f"no Atw calendar before {_FIRST_YEAR}")
    # language is explicit: without it, holidays picks the language from LANG/LC_* and names turn English.
    names = dict(holidays.NL(years=year, categories=(PUBLIC,), language="nl"))
    if year >= _BEVRIJDINGSDAG_FROM:
        # Atw art. 3 lid 1 names "de vijfde mei" every year; holidays.NL only lists it every fifth year.
        names.setdefault(date(year, 5, 5), BEVRIJDINGSDAG)
    for day in extra:
        names.setdefault(day, GELIJKGESTELDE_DAG)
    return MappingProxyType(names)


def _gelijkgesteld(year: int, gelijkgestelde: Mapping[int, frozenset[date]]) -> frozenset[date]:
    """The decreed days of `year`; a missing year is a gap in the law data, never "none decreed"."""
    try:
        return frozenset(gelijkgestelde[year])
    except KeyError:
        raise ParameterNotInForce(
            f"De regels dekken deze datum niet: voor {year} is niet vastgelegd welke dagen bij koninklijk "
            "besluit met een feestdag zijn gelijkgesteld (art. 3 lid 3 Algemene termijnenwet).",
            parameter="gelijkgestelde_dagen",
            year=year,
        ) from None


def _lengte(weeks: int, days: int, termijnenwet: bool) -> int:
    """Length of the period in days, checked against Atw art. 4."""
    length = weeks * 7 + days
    if weeks < 0 or days < 0 or length < 1:
        raise ValueError("a period must be at least one day")
    if termijnenwet and length > _ATW_MAX_DAYS:
        # Art. 4 lid 1 onder a. Refusing beats silently not shifting: the flag in the data is wrong.
        raise ValueError(f"Atw art. 4: the Atw does not apply to a period of {length} days")
    return length


def _art_2(start: date, end: date, length: int, calendar: Calendar) -> tuple[date, bool]:
    """Atw art. 2: extend a period of at least three days until it holds two working days."""
    if length < 3:
        return end, False
    extended = False
    while _werkdagen(start, end, calendar) < 2:
        end = volgende_werkdag(end, calendar)
        extended = True
    return end, extended


def _werkdagen(start: date, end: date, calendar: Calendar) -> int:
    """Working days in [start, end], counting no further than two (all art. 2 needs)."""
    count, day = 0, start
    while day <= end and count < 2:
        count += calendar.is_werkdag(day)
        day += timedelta(days=1)
    return count


def _reden(nominal: date, end: date, art_2: bool, calendar: Calendar) -> str | None:
    """Dutch reason for a shift: the non-working days passed over, and art. 2 when it applied."""
    if end == nominal:
        return None
    passed = [nominal + timedelta(days=i) for i in range((end - nominal).days)]
    names = [calendar.dag_naam(d) for d in passed if not calendar.is_werkdag(d)]
    parts = [", ".join(names)] if names else []
    if art_2:
        parts.append(ART_2_REDEN)
    return "; ".join(parts)


def first_reached(wall: datetime) -> datetime:
    """The first instant at which the Amsterdam wall clock shows the naive time `wall`, as an aware datetime.

    In October one hour occurs twice: a measure that restricts a person ends at its first occurrence. In
    March one hour does not exist: the clock jumps from 02:00 to 03:00, so an end at 02:30 is reached at
    the jump itself (03:00 summer time), not an hour before it at 01:30, which would cut the period short.
    """
    readings = sorted(wall.replace(tzinfo=AMSTERDAM, fold=fold).astimezone(UTC) for fold in (0, 1))
    first = readings[0].astimezone(AMSTERDAM)
    if first.replace(tzinfo=None) == wall:
        return first
    moment = readings[0]  # before the jump: walk to the minute at which the clock passes `wall`
    while moment.astimezone(AMSTERDAM).replace(tzinfo=None) < wall:
        moment += timedelta(minutes=1)
    return moment.astimezone(AMSTERDAM)


def _parse_year(raw: object) -> int:
    """A year key: an int, or a string of digits (YAML keys may be quoted)."""
    if isinstance(raw, bool) or not isinstance(raw, int | str) or not str(raw).isdigit():
        raise RulebookError(f"gelijkgestelde_dagen: {raw!r} is not a year")
    return int(raw)


def _parse_days(year: int, raw: object) -> frozenset[date]:
    """The decreed days of one year: "geen", or a non-empty list of dates within that year."""
    if raw == GEEN:
        return frozenset()
    if not isinstance(raw, list) or not raw:
        raise RulebookError(f"gelijkgestelde_dagen {year}: expected a list of dates or '{GEEN}'")
    days = frozenset(_parse_date(year, item) for item in raw)
    if any(d.year != year for d in days):
        raise RulebookError(f"gelijkgestelde_dagen {year}: a date lies outside {year}")
    return days


def _parse_date(year: int, raw: object) -> date:
    """One ISO date; PyYAML already turns unquoted ISO dates into `date`, quoted ones stay strings."""
    if isinstance(raw, date) and not isinstance(raw, datetime):
        return raw
    # fullmatch first: fromisoformat also takes "20250505" and week dates, which no jurist means here.
    if isinstance(raw, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
        try:
            return date.fromisoformat(raw)
        except ValueError:
            pass
    raise RulebookError(f"gelijkgestelde_dagen {year}: {raw!r} is not an ISO date")
