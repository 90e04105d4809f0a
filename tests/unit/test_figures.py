"""The pure side of the yearly figures: quarters, categories from the procedure data (and their strict reading),
medians and percentiles from a histogram of days, the rows of the table and the exports, the deadline counts,
the chart's accessible SVG and the CSV and XLSX files."""

from __future__ import annotations

import csv
import io
import re
import statistics
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.config import ROOT
from app.domain.deadlines import AMSTERDAM
from app.domain.errors import RulebookError
from app.domain.figures import (
    CATEGORIES,
    EXPORT_HEADERS,
    INTAKE_CATEGORIES,
    CountRow,
    Spread,
    count_rows,
    days_text,
    deadline_counts,
    export_rows,
    fold_outcomes,
    outcome_categories,
    per_quarter,
    power_categories,
    quantile,
    quarter_of,
    quarter_starts,
    totals_by_category,
    turnaround_rows,
)
from app.domain.worklists import Deadline
from app.rulebook import Rulebook
from app.rulebook.procedure import parse_outcomes
from app.rulebook.vocabulary import load_index
from app.web.figures_chart import Chart, render
from app.web.figures_export import to_csv, to_xlsx

BOOK = Rulebook.load(ROOT / "rules")


def test_a_day_falls_in_its_quarter_and_a_year_has_five_bounds():
    assert [quarter_of(date(2025, m, 15)) for m in range(1, 13)] == [1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4]
    assert quarter_of(date(2025, 3, 31)) == 1 and quarter_of(date(2025, 4, 1)) == 2
    assert quarter_starts(2025) == (date(2025, 1, 1), date(2025, 4, 1), date(2025, 7, 1), date(2025, 10, 1),
                                    date(2026, 1, 1))


def test_outcomes_count_where_their_index_names_a_category_and_voornemens_do_not():
    damocles = outcome_categories(BOOK.index("damocles").procedure)
    assert damocles == {"waarschuwing": "waarschuwingen", "sluiting": "sluitingen"}
    assert "beslissing_op_bezwaar" not in outcome_categories(BOOK.index("straathandel").procedure)
    huisverbod = BOOK.index("huisverbod")
    assert power_categories(huisverbod.cijfers_instroom, huisverbod.procedure) == (
        "meldingen", "huisverboden", "verlengingen", "intrekkingen")
    assert BOOK.index("bibob").cijfers_instroom == "aanvragen"
    assert all(i.cijfers_instroom in INTAKE_CATEGORIES for i in map(BOOK.index, BOOK.powers))


OUTCOME = {"label": "Waarschuwing", "besluit": False, "measure": "waarschuwing", "hearing": "geen", "remedy": "geen"}


def test_an_unknown_figure_category_is_refused_naming_the_outcome():
    with pytest.raises(RulebookError, match=r"outcome 'waarschuwing': key 'cijfers': 'sluitingenn' is not one of"):
        parse_outcomes({"waarschuwing": {**OUTCOME, "cijfers": "sluitingenn"}}, "index.yaml", "burgemeester", ())
    with pytest.raises(RulebookError, match="key 'cijfers'"):  # what comes in is no outcome's category
        parse_outcomes({"waarschuwing": {**OUTCOME, "cijfers": "meldingen"}}, "index.yaml", "burgemeester", ())
    assert parse_outcomes({"waarschuwing": OUTCOME}, "index.yaml", "burgemeester", ())["waarschuwing"].cijfers is None


def test_a_voornemen_is_never_counted_besides_the_decision_it_announces():
    outcomes = {"voornemen": {**OUTCOME, "announces": "besluit", "cijfers": "sluitingen"},
                "besluit": {**OUTCOME, "cijfers": "sluitingen"}}
    with pytest.raises(RulebookError, match="a voornemen is not counted"):
        parse_outcomes(outcomes, "index.yaml", "burgemeester", ())


def test_what_comes_in_is_a_report_or_an_application_and_nothing_else(tmp_path: Path):
    text = (ROOT / "rules" / "ouderbrief" / "index.yaml").read_text(encoding="utf-8")
    path = tmp_path / "index.yaml"
    path.write_text(text.replace("\nroles:", "\ncijfers_instroom: zaken\nroles:", 1), encoding="utf-8")
    with pytest.raises(RulebookError, match="key 'cijfers_instroom': 'zaken' is not one of meldingen, aanvragen"):
        load_index(path, "ouderbrief/index.yaml", "ouderbrief")


def test_the_quantiles_of_a_histogram_match_statistics():
    days = [0, 9, 22, 28, 49, 149, 149]
    histogram = {d: days.count(d) for d in set(days)}
    assert quantile(histogram, 0.5) == statistics.median(days)
    assert quantile({1: 1, 2: 1, 3: 1, 4: 1}, 0.5) == 2.5
    assert quantile({d: 1 for d in range(1, 11)}, 0.9) == pytest.approx(9.1)
    assert quantile({7: 3}, 0.9) == 7 and quantile({}, 0.5) is None
    assert Spread.of({22: 1, 49: 1}) == Spread(35.5, pytest.approx(46.3), 2)


def test_counts_fold_into_categories_with_zeros_where_nothing_happened():
    categories = {"damocles": {"waarschuwing": "waarschuwingen", "sluiting": "sluitingen"}}
    found = [("damocles", "meldingen", 1, 3), ("damocles", "meldingen", 4, 1)] + fold_outcomes(
        [("damocles", "waarschuwing", 1, 2), ("damocles", "voornemen_sluiting", 2, 5), ("damocles", "sluiting", 2, 1),
         ("onbekend", "sluiting", 2, 9)], categories)
    rows = count_rows(found, {"damocles": ("meldingen", "waarschuwingen", "sluitingen", "intrekkingen")})
    assert [(r.category, r.quarters, r.total) for r in rows] == [
        ("meldingen", (3, 0, 0, 1), 4), ("waarschuwingen", (2, 0, 0, 0), 2), ("sluitingen", (0, 1, 0, 0), 1),
        ("intrekkingen", (0, 0, 0, 0), 0)]
    totals = totals_by_category(rows + [CountRow("huisverbod", "meldingen", (0, 0, 1, 0))])
    assert totals[0] == CountRow("", "meldingen", (3, 0, 1, 1))
    assert [t.category for t in totals] == [c for c in CATEGORIES if c in {r.category for r in rows}]
    assert per_quarter(rows, INTAKE_CATEGORIES) == (3, 0, 0, 1)


def test_turnaround_rows_per_power_and_over_all_powers():
    found = [("melding_beslissing", "damocles", 1, 22, 1), ("melding_beslissing", "damocles", 2, 49, 1),
             ("melding_beslissing", "huisverbod", 4, 0, 3), ("beslissing_verzending", "damocles", 1, 2, 1)]
    rows = {(r.power, r.measure): r for r in turnaround_rows(found, ("damocles", "huisverbod"))}
    assert rows[("damocles", "melding_beslissing")].year.median == 35.5
    assert rows[("damocles", "melding_beslissing")].quarters[2] == Spread(None, None, 0)
    assert rows[("", "melding_beslissing")].year == Spread(0, pytest.approx(38.2), 5)  # 0, 0, 0, 22, 49
    assert rows[("huisverbod", "beslissing_verzending")].year.count == 0


def test_days_are_written_the_dutch_way():
    assert [days_text(v) for v in (None, 0, 1, 1.0, 2.5, 35.25, 46.34, 1000)] == [
        "–", "0 dagen", "1 dag", "1 dag", "2,5 dagen", "35,2 dagen", "46,3 dagen", "1.000 dagen"]


def test_the_export_rows_hold_counts_then_turnaround_times():
    counts = [CountRow("damocles", "sluitingen", (0, 1, 0, 0)), CountRow("", "sluitingen", (0, 1, 0, 0))]
    turnarounds = turnaround_rows([("melding_beslissing", "damocles", 2, 49, 1)], ("damocles",))
    rows = export_rows(2025, counts, turnarounds, {"damocles": "Sluiting woning of lokaal"})
    assert len(EXPORT_HEADERS) == len(rows[0]) == 9
    assert rows[0] == [2025, "Sluiting woning of lokaal", "Sluitingen", "aantal", 0, 1, 0, 0, 1]
    assert rows[1][1] == "Alle bevoegdheden"
    assert rows[2] == [2025, "Sluiting woning of lokaal", "Van melding tot beslissing, mediaan", "dagen",
                       None, 49, None, None, 49]
    assert rows[4][2:] == ["Van melding tot beslissing, aantal gemeten", "aantal", 0, 1, 0, 0, 1]
    assert len(rows) == 2 + 2 * 2 * 3  # damocles and all powers, two measures, three figures each


def test_deadlines_are_counted_per_kind_as_the_overview_and_the_notice_see_them():
    now = datetime(2026, 12, 6, 12, 0, tzinfo=AMSTERDAM)
    today = now.date()

    def due(kind: str, day: date) -> Deadline:
        return Deadline(1, kind, "x", day, None, f"{kind}{day}")

    found = deadline_counts([due("zienswijzetermijn", today + timedelta(days=2)),
                             due("zienswijzetermijn", today - timedelta(days=3)),
                             due("zienswijzetermijn", today - timedelta(days=40)),  # no longer in the overview
                             due("bezwaartermijn", today + timedelta(days=20))], now, 3)
    assert [(d.label, d.expired, d.soon) for d in found] == [("Zienswijzetermijn", 1, 1)]


def _chart(**overrides) -> str:
    chart = {"ident": "g1", "title": "Aantallen in 2025", "description": "Staafdiagram & <uitleg>.",
             "labels": ["Kwartaal 1", "Kwartaal 2"], "series": [("Binnengekomen", [3, 0]), ("Beslissingen", [1, 2])]}
    return str(render(Chart(**{**chart, **overrides})))


def test_the_chart_is_one_named_image_without_script_or_inline_style():
    svg = _chart()
    assert svg.startswith("<svg") and re.search(r'<svg[^>]*\brole="img"', svg)
    assert 'aria-labelledby="g1-titel g1-uitleg"' in svg
    assert svg.index('<title id="g1-titel">Aantallen in 2025</title>') < svg.index("<g")
    assert '<desc id="g1-uitleg">Staafdiagram &amp; &lt;uitleg&gt;.</desc>' in svg
    assert "<style" not in svg and "<script" not in svg and "style=" not in svg and "<!--" not in svg
    assert re.findall(r'\bid="([^"]+)"', svg) == ["g1-titel", "g1-uitleg"]  # a second chart repeats no id
    assert 'fill="#0b5470"' in svg and 'fill="#c05a00"' in svg and ">Binnengekomen<" in svg


def test_a_horizontal_chart_lists_its_bars_top_down_and_counts_in_whole_numbers():
    svg = _chart(labels=["Meldingen binnengekomen", "Sluitingen"], series=[("Aantal", [7, 2])], horizontal=True)
    labels = re.findall(r'text-anchor="end">([^<]+)<', svg)
    assert labels.index("Sluitingen") < labels.index("Meldingen binnengekomen")  # drawn bottom-up: first on top
    assert not re.search(r">\d+[.,]\d+<", svg)  # ticks 0, 2, 4, ...; no 0,5 of a decision
    assert ">Aantal<" not in svg  # one series needs no legend


def test_the_csv_is_dutch_and_guards_against_formulas():
    data = to_csv([[2025, "=Sluitingen", "Van melding tot beslissing, mediaan", "dagen", 35.5, None, 2, 0, 1]])
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == list(EXPORT_HEADERS)
    assert rows[1] == ["2025", "'=Sluitingen", "Van melding tot beslissing, mediaan", "dagen", "35,5", "", "2", "0",
                       "1"]


def test_the_xlsx_keeps_numbers_as_numbers_and_explains_what_counts():
    book = load_workbook(io.BytesIO(to_xlsx([[2025, "Sluiting", "Sluitingen", "aantal", 0, 1, 0, 0, 1],
                                             [2025, "Sluiting", "mediaan", "dagen", None, 35.5, None, None, 35.5]],
                                            2025)))
    sheet = book["Cijfers 2025"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == EXPORT_HEADERS and rows[1] == (2025, "Sluiting", "Sluitingen", "aantal", 0, 1, 0, 0, 1)
    assert rows[2][5] == 35.5 and rows[2][4] is None
    assert sheet["A1"].font.bold and sheet.freeze_panes == "A2"
    assert book["Toelichting"]["A1"].value == "Wat telt mee"
