"""Read use case: the yearly figures of the powers' use, counted by the database (domain/figures.py lays them out).

Each figure is one GROUP BY over one year's date range, so the database does the counting and returns a few
dozen rows whatever the number of zaken: meldingen by the moment they came in, approved decisions that were not
revoked or annulled by their decision date, and the turnaround times as histograms of whole days (the median
and 90th percentile are read from those). Nothing is stored or counted ahead. Zaken with an access list are
counted like any other but never listed: only numbers leave this module. The deadlines about to pass are the
ones the deadline overview computes (services/worklists.py), counted per kind.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import ColumnElement, Integer, Select, and_, case, exists, false, func, or_, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.functions import FunctionElement

from app.audit import Actor, record_access
from app.domain.deadlines import AMSTERDAM
from app.domain.figures import (
    CountRow,
    DeadlineCount,
    TurnaroundRow,
    count_rows,
    deadline_counts,
    fold_outcomes,
    outcome_categories,
    power_categories,
    quarter_starts,
    totals_by_category,
    turnaround_rows,
)
from app.models import Beslissing, Melding, User, Verzending, Zaak
from app.runtime import Runtime
from app.services.queries import APPROVED
from app.services.worklists import running_deadlines

Cell = tuple[Any, ...]


@dataclass(frozen=True)
class FigureRequest:
    """Which figures: the year, the powers counted (those the person is authorised for, or the one chosen), the
    zaken whose deadlines he may see, the moment of asking, and the export format if any ("" for the page)."""

    year: int
    powers: tuple[str, ...]
    visible: Select[Any]
    now: datetime
    export: str = ""


@dataclass(frozen=True)
class Figures:
    """What the page and the exports show."""

    year: int
    powers: tuple[str, ...]
    counts: list[CountRow]
    totals: list[CountRow]
    turnarounds: list[TurnaroundRow]
    deadlines: list[DeadlineCount]
    signal_days: int


class DaysBetween(FunctionElement):
    """Whole days from the first DATE to the second: PostgreSQL subtracts dates, SQLite compares Julian days."""

    type = Integer()
    inherit_cache = True
    name = "days_between"


@compiles(DaysBetween)
def _days_subtracted(element: DaysBetween, compiler: Any, **kw: Any) -> str:
    start, end = (compiler.process(c, **kw) for c in element.clauses)
    return f"({end} - {start})"


@compiles(DaysBetween, "sqlite")
def _days_julian(element: DaysBetween, compiler: Any, **kw: Any) -> str:
    start, end = (compiler.process(c, **kw) for c in element.clauses)
    return f"CAST(julianday({end}) - julianday({start}) AS INTEGER)"


def yearly_figures(session: Session, rt: Runtime, request: FigureRequest, actor: User, origin: str) -> Figures:
    """The counts per power, category and quarter, the turnaround times and the deadlines about to pass; the read
    is logged (a search for the page, an export for a download) and committed."""
    categories = {p: outcome_categories(rt.procedure(p)) for p in request.powers}
    shown = {p: power_categories(rt.book.index(p).cijfers_instroom, rt.procedure(p)) for p in request.powers}
    found = _intake(session, rt, request) + fold_outcomes(_decisions(session, request, categories), categories)
    counts = count_rows(found, shown)
    histograms = _report_to_decision(session, request, categories) + _decision_to_sending(session, request, categories)
    deadlines = [] if request.export else _deadlines(session, rt, request)
    record_access(session, Actor.of(actor), action="export" if request.export else "search", object_type="cijfers",
                  object_id=request.year, case_id="-", origin=origin,
                  reason=f"bevoegdheden={','.join(request.powers)}" + (f" {request.export}" if request.export else ""))
    session.commit()
    return Figures(request.year, request.powers, counts, totals_by_category(counts),
                   turnaround_rows(histograms, request.powers), deadlines, rt.config.termijn_signaal_dagen)


def _intake(session: Session, rt: Runtime, request: FigureRequest) -> list[Cell]:
    """Meldingen per power and quarter, by the moment each came in on the Amsterdam calendar."""
    bounds = tuple(datetime.combine(d, time(0), AMSTERDAM) for d in quarter_starts(request.year))
    rows = select(Zaak.zaaktype.label("power"), _quarter(Melding.created_at, bounds).label("quarter")).join(
        Zaak, Melding.zaak_id == Zaak.id).where(
        Melding.created_at >= bounds[0], Melding.created_at < bounds[-1], Zaak.zaaktype.in_(request.powers)).subquery()
    grouped = select(rows.c.power, rows.c.quarter, func.count()).group_by(rows.c.power, rows.c.quarter)
    return [(power, rt.book.index(power).cijfers_instroom, quarter, n)
            for power, quarter, n in session.execute(grouped)]


def _decisions(session: Session, request: FigureRequest, categories: dict[str, dict[str, str]]) -> list[Cell]:
    """Counted decisions per power, outcome and quarter of their decision date."""
    bounds = quarter_starts(request.year)
    rows = _counted(select(Zaak.zaaktype.label("power"), Beslissing.soort.label("soort"),
                           _quarter(Beslissing.datum, bounds).label("quarter")), request, categories).subquery()
    grouped = select(rows.c.power, rows.c.soort, rows.c.quarter, func.count()).group_by(
        rows.c.power, rows.c.soort, rows.c.quarter)
    return [tuple(row) for row in session.execute(grouped)]


def _report_to_decision(session: Session, request: FigureRequest,
                        categories: dict[str, dict[str, str]]) -> list[Cell]:
    """Days from the zaak's registration (its first melding came in) to each counted decision, as a histogram."""
    days = DaysBetween(Zaak.registratiedatum, Beslissing.datum)
    return _histogram(session, "melding_beslissing", request, categories, days)


def _decision_to_sending(session: Session, request: FigureRequest,
                         categories: dict[str, dict[str, str]]) -> list[Cell]:
    """Days from each counted decision to the first day one of its letters went out, from the dispatch records
    still in force (a correction supersedes the record it names); decisions not sent yet are not measured."""
    correction = aliased(Verzending)
    first_sent = select(func.min(Verzending.verzonden_op)).where(
        Verzending.beslissing_id == Beslissing.id,
        ~exists().where(correction.vervangt_id == Verzending.id)).correlate(Beslissing).scalar_subquery()
    return _histogram(session, "beslissing_verzending", request, categories, DaysBetween(Beslissing.datum, first_sent))


def _histogram(session: Session, measure: str, request: FigureRequest, categories: dict[str, dict[str, str]],
               days: ColumnElement[int]) -> list[Cell]:
    """(measure, power, quarter, days, how many) for the counted decisions of the year."""
    rows = _counted(select(Zaak.zaaktype.label("power"), _quarter(Beslissing.datum, quarter_starts(request.year))
                           .label("quarter"), days.label("days")), request, categories).subquery()
    grouped = select(rows.c.power, rows.c.quarter, rows.c.days, func.count()).group_by(
        rows.c.power, rows.c.quarter, rows.c.days)
    # A decision not sent yet has no days: its group is dropped here, not in SQL, where a filter on the days would
    # make PostgreSQL run the sending subquery twice and plan a loop over every zaak.
    return [(measure, *row) for row in session.execute(grouped) if row.days is not None]


def _counted(query: Select[Any], request: FigureRequest, categories: dict[str, dict[str, str]]) -> Select[Any]:
    """Decisions that count: approved (vastgesteld or verzonden), not revoked or annulled afterwards, decided in the
    year (the range on the decision date is what an index can serve), of an outcome with a figure category."""
    start, *_, end = quarter_starts(request.year)
    return query.select_from(Beslissing).join(Zaak, Beslissing.zaak_id == Zaak.id).where(
        Beslissing.datum >= start, Beslissing.datum < end, Beslissing.status.in_(APPROVED),
        Beslissing.intrekking_soort.is_(None), _outcomes(categories))


def _outcomes(categories: dict[str, dict[str, str]]) -> ColumnElement[bool]:
    """Per power, its counted outcomes (an outcome code means something only within its power)."""
    found = [and_(Zaak.zaaktype == power, Beslissing.soort.in_(tuple(codes)))
             for power, codes in categories.items() if codes]
    return or_(*found) if found else false()


def _quarter(column: Any, bounds: Sequence[date | datetime]) -> ColumnElement[int]:
    """The quarter of a date or moment, by comparing with the quarters' first days: the same SQL on SQLite and
    PostgreSQL, on the Amsterdam calendar for a moment stored in UTC (a month's number would be read in UTC)."""
    return case((column < bounds[1], 1), (column < bounds[2], 2), (column < bounds[3], 3), else_=4)


def _deadlines(session: Session, rt: Runtime, request: FigureRequest) -> list[DeadlineCount]:
    """The deadlines the overview shows for the zaken the person may see, counted per kind."""
    visible = request.visible.where(Zaak.zaaktype.in_(request.powers))
    _, deadlines = running_deadlines(session, rt, visible, request.now)
    return deadline_counts(deadlines, request.now, rt.config.termijn_signaal_dagen)
