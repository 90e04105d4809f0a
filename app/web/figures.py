"""The figures dashboard for the kabinet and the jurists: how often each power was used per quarter of a year (as
in the safety plan's table), the turnaround times and the deadlines about to pass, as tables with charts, and
the same figures as CSV and XLSX."""

from __future__ import annotations

import io
from typing import Any

from flask import Blueprint, current_app, render_template, request, send_file
from flask_login import current_user
from marshmallow import ValidationError

from app import clock
from app.db import get_session
from app.domain.figures import (
    CATEGORIES,
    COUNTING_RULES,
    INTAKE_CATEGORIES,
    OUTCOME_CATEGORIES,
    QUARTER_LABELS,
    TURNAROUNDS,
    days_text,
    export_rows,
    per_quarter,
)
from app.models.types import utcnow
from app.schemas.figures import YEAR, CijfersSchema
from app.services.figures import FigureRequest, Figures, yearly_figures
from app.web.access import visible_zaken
from app.web.auth import role_required
from app.web.errors import respond
from app.web.figures_chart import Chart, render
from app.web.figures_export import to_csv, to_xlsx
from app.web.forms import flatten_errors
from app.web.lists import query_args

bp = Blueprint("figures", __name__)
ROLES = ("jurist", "kabinet")
FILTER_LABELS = {"jaar": "Jaar", "bevoegdheid": "Bevoegdheid"}
YEARS_OFFERED = 10
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@bp.get("/cijfers")
@role_required(*ROLES)
def index() -> Any:
    raw = query_args()
    chosen, errors = _filters(raw)
    if chosen is None:
        return render_template("figures/index.html", figures=None, values=raw, errors=errors, **_page(raw)), 400
    figures = _figures(*chosen, export="")
    return render_template("figures/index.html", figures=figures, values=raw, errors={}, charts=_charts(figures),
                           **_page(raw))


@bp.get("/cijfers.csv")
@role_required(*ROLES)
def csv_export() -> Any:
    return _download("csv")


@bp.get("/cijfers.xlsx")
@role_required(*ROLES)
def xlsx_export() -> Any:
    return _download("xlsx")


def _download(kind: str) -> Any:
    chosen, errors = _filters(query_args())
    if chosen is None:
        return respond(400, "Controleer de keuze", "Kies een geldig jaar en een bevoegdheid uit de lijst.", errors)
    figures = _figures(*chosen, export=kind)
    rows = export_rows(figures.year, _with_totals(figures), figures.turnarounds, _titles(figures.powers))
    data, mimetype = (to_csv(rows), "text/csv") if kind == "csv" else (to_xlsx(rows, figures.year), XLSX)
    response = send_file(io.BytesIO(data), mimetype=mimetype, as_attachment=True,
                         download_name=f"cijfers-{figures.year}.{kind}", max_age=0)
    response.headers["Cache-Control"] = "no-store"
    return response


def _filters(raw: dict[str, str]) -> tuple[tuple[int, tuple[str, ...]] | None, dict[str, list[str]]]:
    """(year, powers counted), or None with the messages per field (all of them at once)."""
    data, errors, powers = None, {}, _authorised()
    try:
        data = CijfersSchema().load(raw)
    except ValidationError as exc:
        errors = flatten_errors(exc.messages)
    if raw.get("bevoegdheid") and raw["bevoegdheid"] not in powers:
        errors["bevoegdheid"] = ["Kies een bevoegdheid uit de lijst."]
    if data is None or errors:
        return None, errors
    return (data["jaar"] or clock.today().year, (data["bevoegdheid"],) if data["bevoegdheid"] else powers), {}


def _authorised() -> tuple[str, ...]:
    """The powers the person is authorised for: only their figures are shown."""
    return tuple(code for code in current_app.extensions["bevoegd"].powers if code in (current_user.zaaktypes or ()))


def _figures(year: int, powers: tuple[str, ...], export: str) -> Figures:
    wanted = FigureRequest(year, powers, visible_zaken(current_user), utcnow(), export)
    return yearly_figures(get_session(), current_app.extensions["bevoegd"], wanted, current_user,
                          request.remote_addr or "")


def _with_totals(figures: Figures) -> list[Any]:
    """The per-power rows, then the sums over the powers when there is more than one."""
    return figures.counts + (figures.totals if len(figures.powers) > 1 else [])


def _titles(powers: tuple[str, ...]) -> dict[str, str]:
    book = current_app.extensions["bevoegd"].book
    return {code: book.index(code).title for code in powers}


def _page(raw: dict[str, str]) -> dict[str, Any]:
    """What the form and the tables need besides the figures."""
    this_year = clock.today().year
    years = sorted({*range(this_year - YEARS_OFFERED + 1, this_year + 1), *_asked_year(raw)}, reverse=True)
    return {"labels": FILTER_LABELS, "years": [(str(y), str(y)) for y in years],
            "power_options": [(code, title) for code, title in _titles(_authorised()).items()],
            "categories": CATEGORIES, "quarters": QUARTER_LABELS, "turnarounds": TURNAROUNDS, "days": days_text,
            "counting_rules": COUNTING_RULES, "this_year": str(this_year)}


def _asked_year(raw: dict[str, str]) -> list[int]:
    """A valid year outside the list (typed into the address) is offered too, so the form shows what is shown."""
    year = raw.get("jaar", "")
    return [int(year)] if YEAR.regex.match(year) and year else []


def _charts(figures: Figures) -> dict[str, Any]:
    """The two charts; the tables under them hold the same numbers."""
    scope, totals = _scope(figures), figures.totals
    per_category = Chart(
        "grafiek-onderdelen", f"Aantallen per onderdeel in {figures.year}",
        f"Staafdiagram: het aantal per onderdeel in heel {figures.year}, voor {scope}. De tabel eronder geeft "
        "dezelfde aantallen per kwartaal.",
        [CATEGORIES[r.category].split(" (")[0] for r in totals], [("Aantal", [r.total for r in totals])],
        horizontal=True)
    came_in, decided = per_quarter(totals, INTAKE_CATEGORIES), per_quarter(totals, OUTCOME_CATEGORIES)
    per_quarter_chart = Chart(
        "grafiek-kwartalen", f"Binnengekomen en beslist per kwartaal in {figures.year}",
        f"Staafdiagram: per kwartaal van {figures.year} het aantal binnengekomen meldingen en aanvragen naast het "
        f"aantal getelde beslissingen, voor {scope}. De tabel eronder geeft dezelfde aantallen.",
        QUARTER_LABELS, [("Binnengekomen", came_in), ("Beslissingen", decided)])
    return {"onderdelen": render(per_category), "kwartalen": render(per_quarter_chart), "binnen": came_in,
            "beslist": decided}


def _scope(figures: Figures) -> str:
    """Whose figures, in words: one power's title, or all powers shown."""
    if len(figures.powers) == 1:
        return _titles(figures.powers)[figures.powers[0]]
    return "alle getoonde bevoegdheden samen" if figures.powers else "geen enkele bevoegdheid"
