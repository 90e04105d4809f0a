"""When a measure starts and ends, which terms run, and what is in force: pure date and moment arithmetic.

Two kinds of duration, both read from the outcome's procedure data:
- calendar durations (months, weeks, days) on dates: a closure starts the day after its
  begunstigingstermijn and ends the same day so many months later;
- clock durations on moments (Europe/Amsterdam wall clock, to the minute, never shifted by the
  Algemene termijnenwet): a huisverbod runs from the imposition to the same clock time ten days later, an
  extension runs on from the current end to a chosen end within a maximum total after the first start.
Periods to act within (zienswijze, begunstigingstermijn) run from the verzenddatum, in days or weeks, with
or without the Atw; periods in hours run from the measure's start moment.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from dateutil.relativedelta import relativedelta

from app.domain.assessment import ParameterValue
from app.domain.deadlines import AMSTERDAM, Calendar, einde_termijn
from app.domain.errors import InvalidInput
from app.domain.procedure import Outcome, Period, Procedure


@dataclass(frozen=True)
class Measure:
    """An approved beslissing of the same zaak, as later drafting needs to know it."""

    id: int
    soort: str
    ingangsdatum: date | None = None
    vervaldatum: date | None = None
    ingang_at: datetime | None = None
    einde_at: datetime | None = None
    zienswijze_tot: date | None = None
    maatregel: Mapping[str, Any] = field(default_factory=dict)  # what it imposed: duration, object


@dataclass(frozen=True)
class Window:
    """A clock measure as it stands now: its first start and its current end (after extensions, withdrawal)."""

    first_start: datetime
    end: datetime
    last: Measure  # the beslissing that set the current end

    def in_force(self, now: datetime) -> bool:
        return now < self.end


@dataclass(frozen=True)
class Schedule:
    """The dates and moments one drafted outcome prints and stores."""

    termijnen: dict[str, date | datetime] = field(default_factory=dict)
    ingangsdatum: date | None = None
    vervaldatum: date | None = None
    ingang_at: datetime | None = None
    einde_at: datetime | None = None
    uiterlijke_reactiedatum: date | None = None


def window(procedure: Procedure, earlier: Iterable[Measure], code: str) -> Window | None:
    """The measure of outcome `code` as its later extensions and withdrawal left it (None: never imposed)."""
    found: Window | None = None
    for m in sorted(earlier, key=lambda item: item.id):
        outcome = procedure.outcomes.get(m.soort)
        if m.soort == code and m.ingang_at and m.einde_at:
            found = Window(m.ingang_at, m.einde_at, m)
        elif found and outcome and outcome.extends == code and m.einde_at:
            found = Window(found.first_start, m.einde_at, m)
        elif found and outcome and outcome.ends == code and m.ingang_at:
            found = Window(found.first_start, min(found.end, m.ingang_at), m)
    return found


def in_force(measure: Measure, today: date, now: datetime) -> bool:
    """A date measure is in force until its vervaldatum (also before it starts); a clock one until its end."""
    if measure.einde_at is not None:
        return now < measure.einde_at
    return measure.vervaldatum is not None and measure.vervaldatum > today


def period_end(period: Period, length: int, verzenddatum: date, calendar: Calendar) -> date:
    """Last day of a period that starts the day after the verzenddatum (Awb 6:8 style counting), or after the
    breach for a period that `runs_from` it. A period in years ends on the same calendar day and never shifts
    (Atw art. 4: the limitation of a forfeited dwangsom ends a year after the day of forfeiture, Awb 5:35)."""
    if period.unit == "years":
        return verzenddatum + relativedelta(years=length)
    unit = {"days": {"days": length}, "weeks": {"weeks": length}}[period.unit]
    return einde_termijn(verzenddatum, termijnenwet=period.termijnenwet, calendar=calendar, **unit).end_date


def calendar_window(outcome: Outcome, duur: int, begin_after: date | None, chosen: date | None,
                    verzenddatum: date | None = None) -> tuple[date, date]:
    """Start and end date of a calendar measure: the chosen start, or the day after `begin_after`; a measure
    that waits for no period (a preventive last onder dwangsom, Awb 5:32a lid 2) starts the day after the
    verzenddatum, when it is made known (Awb 3:40).

    Raises:
        InvalidInput: the chosen start falls within the period the measure must wait for.
    """
    after = begin_after or (verzenddatum if outcome.duration and not outcome.duration.starts_after else None)
    start = chosen or (after + timedelta(days=1) if after else None)
    if start is None:
        raise InvalidInput({"ingangsdatum": "Vul de ingangsdatum in."})
    if begin_after is not None and start <= begin_after:
        raise InvalidInput({"ingangsdatum": "De maatregel kan pas ingaan na afloop van de begunstigingstermijn, "
                            "zodat er tijd is om een voorlopige voorziening te vragen."})
    unit = outcome.duration.unit if outcome.duration else "months"
    return start, start + relativedelta(**{unit: duur})


def parse_moment(value: Any) -> datetime | None:
    """An aware moment on the Amsterdam clock from ISO text or a datetime; None when absent.

    Raises:
        ValueError: unreadable, or without a time zone.
    """
    if value in (None, ""):
        return None
    found = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    if found.tzinfo is None:
        raise ValueError("a moment needs a time zone")
    return found.astimezone(AMSTERDAM)


def moment(case_file: Mapping[str, Any], key: str) -> datetime:
    """A moment the case file must hold.

    Raises:
        InvalidInput: the case file lacks it, or it is unreadable or without a time zone.
    """
    try:
        found = parse_moment(case_file.get(key))
    except ValueError:
        raise InvalidInput({key: "Dit moment is onleesbaar of heeft geen tijdzone."}) from None
    if found is None:
        raise InvalidInput({key: "Dit moment ontbreekt in het dossier."})
    return found


def hours_after(start: datetime, hours: int) -> datetime:
    """Elapsed hours: 24 hours after 20:00 on the day before the clocks change is 21:00 or 19:00."""
    # Aware arithmetic in one ZoneInfo adds wall-clock time; elapsed time is counted in UTC.
    return (start.astimezone(UTC) + timedelta(hours=hours)).astimezone(AMSTERDAM)


def indicative_deadlines(procedure: Procedure, params: Mapping[str, ParameterValue], remedy_weeks: int,
                         calendar: Calendar, verzenddatum: date) -> dict[str, date]:
    """The terms that would run if letters were sent on `verzenddatum` (what-if answers and the case page)."""
    found = {p.name: period_end(p, params[p.parameter].value, verzenddatum, calendar)
             for o in procedure.outcomes.values() for p in o.periods
             if p.unit != "hours" and p.runs_from == "verzending"}
    if any(o.besluit for o in procedure.outcomes.values()):
        found["uiterlijke_reactiedatum"] = einde_termijn(verzenddatum, weeks=remedy_weeks, calendar=calendar).end_date
    return found
