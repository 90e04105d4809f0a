"""The yearly figures of how often each power was used, as the municipal safety plan reports them (pure).

The database groups and counts (services/figures.py); this module names the categories of the safety plan's
table, buckets dates into quarters, folds a power's outcomes into those categories through its procedure data
(index.yaml `cijfers` per outcome, `cijfers_instroom` for what comes in), computes medians and percentiles from
a histogram of whole days, and lays out the rows the page and the exports share.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime

from app.domain.numbers import format_number
from app.domain.procedure import Procedure
from app.domain.worklists import KIND_LABELS, Deadline, expiring_within, overview

# The categories of the safety plan's table, in the order of the figures the mayor's office reports, with the
# words the page and the exports show. What comes in (a report, an application to screen) is counted per melding;
# every other category counts approved decisions whose outcome names it in its index.yaml.
CATEGORIES: dict[str, str] = {
    "meldingen": "Meldingen binnengekomen",
    "waarschuwingen": "Waarschuwingen",
    "sluitingen": "Sluitingen",
    "lasten": "Lasten onder dwangsom of bestuursdwang",
    "invorderingen": "Invorderingen van verbeurde dwangsommen",
    "aanvragen": "Aanvragen gescreend",
    "verdiepende_onderzoeken": "Verdiepende onderzoeken (advies Landelijk Bureau Bibob gevraagd)",
    "weigeringen": "Weigeringen",
    "niet_behandeld": "Aanvragen niet behandeld",
    "intrekkingen": "Intrekkingen",
    "verleningen_met_voorwaarden": "Verleningen met voorwaarden",
    "verleningen": "Verleningen zonder voorwaarden",
    "huisverboden": "Huisverboden",
    "aanwezigheidsverboden": "Aanwezigheidsverboden",
    "verlengingen": "Verlengingen",
    "brieven_ouders": "Brieven aan ouders",
}
INTAKE_CATEGORIES = ("meldingen", "aanvragen")
OUTCOME_CATEGORIES = tuple(code for code in CATEGORIES if code not in INTAKE_CATEGORIES)
QUARTERS = (1, 2, 3, 4)
QUARTER_LABELS = ("Kwartaal 1", "Kwartaal 2", "Kwartaal 3", "Kwartaal 4")
# The two turnaround times: from the report to the decision, and from the decision to its first sending.
TURNAROUNDS = {"melding_beslissing": "Van melding tot beslissing",
               "beslissing_verzending": "Van beslissing tot verzending"}
# What is counted, as the page and the spreadsheet explain it.
COUNTING_RULES = (
    "Een melding telt mee in het kwartaal waarin zij binnenkwam. Bij een bevoegdheid die met een aanvraag begint, "
    "telt elke aanvraag als een screening.",
    "Een beslissing telt mee in het kwartaal van haar beslisdatum, als zij is vastgesteld of verzonden en niet later "
    "is ingetrokken of vernietigd. Voornemens en andere voorbereidende stappen tellen niet mee.",
    "Doorlooptijden zijn kalenderdagen: van de registratie van de zaak tot de beslisdatum, en van de beslisdatum tot "
    "de eerste dag waarop een brief van de beslissing is verzonden. De mediaan is de middelste waarde; binnen het "
    "90e percentiel valt 9 van de 10 beslissingen.",
    "Zaken met een toegangslijst tellen mee, maar worden nergens afzonderlijk getoond.",
)
ALL_POWERS = "Alle bevoegdheden"  # the rows summed over the powers shown (power "")
EXPORT_HEADERS = ("Jaar", "Bevoegdheid", "Cijfer", "Eenheid", *QUARTER_LABELS, "Heel jaar")


def quarter_of(day: date) -> int:
    """The quarter (1-4) a day falls in."""
    return (day.month - 1) // 3 + 1


def quarter_starts(year: int) -> tuple[date, ...]:
    """The first day of each quarter and of the next year: five bounds, each quarter [start, next start)."""
    return (*(date(year, month, 1) for month in (1, 4, 7, 10)), date(year + 1, 1, 1))


def outcome_categories(procedure: Procedure) -> dict[str, str]:
    """The figure category of each outcome that counts (index.yaml `cijfers`); voornemens and notices without one
    are preparation and do not count."""
    return {code: o.cijfers for code, o in procedure.outcomes.items() if o.cijfers}


def power_categories(intake: str, procedure: Procedure) -> tuple[str, ...]:
    """The categories a power's table shows: what comes in, then its outcomes' in the order its index.yaml lists
    them (a huisverbod before its extension), each once."""
    return tuple(dict.fromkeys((intake, *outcome_categories(procedure).values())))


@dataclass(frozen=True)
class CountRow:
    """One line of the table: how often a power did one thing, per quarter."""

    power: str
    category: str
    quarters: tuple[int, int, int, int]

    @property
    def total(self) -> int:
        return sum(self.quarters)


def count_rows(found: Iterable[tuple[str, str, int, int]], shown: Mapping[str, tuple[str, ...]]) -> list[CountRow]:
    """The rows for `shown` (power -> its categories, in page order) from (power, category, quarter, count); a
    category without any count is a row of zeros, so the table says 0 rather than leaving it out."""
    cells: dict[tuple[str, str], list[int]] = {}
    for power, category, quarter, count in found:
        cells.setdefault((power, category), [0, 0, 0, 0])[quarter - 1] += count
    return [CountRow(power, category, tuple(cells.get((power, category), (0, 0, 0, 0))))  # type: ignore[arg-type]
            for power, categories in shown.items() for category in categories]


def fold_outcomes(found: Iterable[tuple[str, str, int, int]],
                  categories: Mapping[str, Mapping[str, str]]) -> list[tuple[str, str, int, int]]:
    """(power, outcome, quarter, count) as (power, category, quarter, count); outcomes without a category drop."""
    return [(power, categories[power][soort], quarter, count) for power, soort, quarter, count in found
            if soort in categories.get(power, {})]


def totals_by_category(rows: Iterable[CountRow]) -> list[CountRow]:
    """The rows summed over the powers, one per category in the safety plan's order (power "")."""
    summed: dict[str, list[int]] = {}
    for row in rows:
        cells = summed.setdefault(row.category, [0, 0, 0, 0])
        for i, count in enumerate(row.quarters):
            cells[i] += count
    return [CountRow("", code, tuple(summed[code])) for code in CATEGORIES if code in summed]  # type: ignore[arg-type]


def per_quarter(rows: Iterable[CountRow], categories: Iterable[str]) -> tuple[int, int, int, int]:
    """The rows of these categories added up per quarter (e.g. everything that came in)."""
    wanted, summed = set(categories), [0, 0, 0, 0]
    for row in rows:
        if row.category in wanted:
            summed = [a + b for a, b in zip(summed, row.quarters, strict=True)]
    return tuple(summed)  # type: ignore[return-value]


def quantile(histogram: Mapping[int, int], q: float) -> float | None:
    """The q-quantile of whole days given as {days: how often}, interpolated between the two nearest ranks (as
    PostgreSQL's percentile_cont and statistics.median do); None without any value."""
    n = sum(histogram.values())
    if n == 0:
        return None
    position = q * (n - 1)
    low, high = _value_at(histogram, math.floor(position)), _value_at(histogram, math.ceil(position))
    return low + (high - low) * (position - math.floor(position))


def _value_at(histogram: Mapping[int, int], rank: int) -> int:
    """The value at a 0-based rank in the sorted values the histogram stands for."""
    seen = 0
    for value in sorted(histogram):
        seen += histogram[value]
        if rank < seen:
            return value
    raise ValueError(f"rank {rank} outside the histogram")


@dataclass(frozen=True)
class Spread:
    """A turnaround time over a set of decisions: median and 90th percentile in days, and how many were measured."""

    median: float | None
    p90: float | None
    count: int

    @classmethod
    def of(cls, histogram: Mapping[int, int]) -> Spread:
        return cls(quantile(histogram, 0.5), quantile(histogram, 0.9), sum(histogram.values()))


@dataclass(frozen=True)
class TurnaroundRow:
    """One turnaround time of one power ("" for all powers together): per quarter and over the year."""

    power: str
    measure: str
    quarters: tuple[Spread, Spread, Spread, Spread]
    year: Spread


def turnaround_rows(found: Iterable[tuple[str, str, int, int, int]], powers: Iterable[str]) -> list[TurnaroundRow]:
    """From (measure, power, quarter, days, count) histogram cells: a row per power and measure, then one per
    measure over all powers (the power "")."""
    cells: dict[tuple[str, str, int], dict[int, int]] = {}
    for measure, power, quarter, days, count in found:
        for key in ((measure, power, quarter), (measure, "", quarter)):
            histogram = cells.setdefault(key, {})
            histogram[days] = histogram.get(days, 0) + count
    return [_row(cells, power, measure) for power in (*powers, "") for measure in TURNAROUNDS]


def _row(cells: dict[tuple[str, str, int], dict[int, int]], power: str, measure: str) -> TurnaroundRow:
    quarters = [cells.get((measure, power, q), {}) for q in QUARTERS]
    year: dict[int, int] = {}
    for histogram in quarters:
        for days, count in histogram.items():
            year[days] = year.get(days, 0) + count
    return TurnaroundRow(power, measure, tuple(Spread.of(h) for h in quarters), Spread.of(year))  # type: ignore[arg-type]


@dataclass(frozen=True)
class DeadlineCount:
    """How many deadlines of one kind have passed (and still show in the overview) or pass within the signal days."""

    kind: str
    label: str
    expired: int
    soon: int


def deadline_counts(deadlines: Iterable[Deadline], now: datetime, days: int) -> list[DeadlineCount]:
    """Per kind of deadline, in the overview's order of kinds: the expired ones the deadline overview still shows,
    and the running ones whose last day falls within `days` days (what the daily notice warns about)."""
    rows = list(deadlines)
    expired = [d.kind for d, passed in overview(rows, now) if passed]
    soon = [d.kind for d in expiring_within(rows, now, days)]
    return [DeadlineCount(kind, label, expired.count(kind), soon.count(kind)) for kind, label in KIND_LABELS.items()
            if kind in expired or kind in soon]


def days_text(days: float | None) -> str:
    """A number of days as the page writes it: "1 dag", "2,5 dagen"; a dash without a value."""
    if days is None:
        return "–"
    rounded = round(days, 1)
    shown = format_number(int(rounded) if rounded == int(rounded) else rounded)
    return f"{shown} dag" if rounded == 1 else f"{shown} dagen"


def export_rows(year: int, counts: Iterable[CountRow], turnarounds: Iterable[TurnaroundRow],
                power_title: Mapping[str, str]) -> list[list[object]]:
    """The figures as the CSV and XLSX exports list them under EXPORT_HEADERS: counts, then turnaround times in
    days (median, 90th percentile, how many measured); an empty cell where nothing was measured."""
    rows: list[list[object]] = [[year, power_title.get(r.power, ALL_POWERS), CATEGORIES[r.category], "aantal",
                                 *r.quarters, r.total] for r in counts]
    for t in turnarounds:
        name = power_title.get(t.power, ALL_POWERS)
        for what, unit, pick in (("mediaan", "dagen", _median), ("90e percentiel", "dagen", _p90),
                                 ("aantal gemeten", "aantal", _count)):
            rows.append([year, name, f"{TURNAROUNDS[t.measure]}, {what}", unit, *map(pick, t.quarters), pick(t.year)])
    return rows


def _median(spread: Spread) -> float | None:
    return None if spread.median is None else round(spread.median, 1)


def _p90(spread: Spread) -> float | None:
    return None if spread.p90 is None else round(spread.p90, 1)


def _count(spread: Spread) -> int:
    return spread.count
