"""The figures dashboard: counts per power, outcome and quarter from the database (only approved decisions that
were not revoked), turnaround medians, the deadlines about to pass, the page with accessible charts and tables,
the CSV and XLSX exports, who may see it, and the access log."""

from __future__ import annotations

import csv
import io
import re
from datetime import date, timedelta

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from app import clock
from app.domain.numbers import format_number
from app.models import AccessEntry, Zaak
from app.models.types import utcnow
from app.services.figures import FigureRequest, yearly_figures
from tests.web.figures_support import YEAR, decision, year_of_cases, zaak
from tests.web.test_no_code_names import leaks, visible_text

POWERS = ("bibob", "damocles", "huisverbod")


@pytest.fixture
def cases(db, users):
    return year_of_cases(db, users)


def _figures(app, db, users, powers=POWERS, export=""):
    wanted = FigureRequest(YEAR, powers, select(Zaak), utcnow(), export)
    return yearly_figures(db, app.extensions["bevoegd"], wanted, users["kabinet"], "127.0.0.1")


def _counts(figures) -> dict[tuple[str, str], tuple[int, ...]]:
    return {(r.power, r.category): r.quarters for r in figures.counts}


def test_counts_per_quarter_are_the_approved_unrevoked_decisions_of_the_year(app, db, users, cases):
    counts = _counts(_figures(app, db, users))
    assert counts[("damocles", "meldingen")] == (1, 1, 1, 1)  # the melding of the year before is not counted
    assert counts[("damocles", "waarschuwingen")] == (1, 0, 0, 0)  # not the one of the year before, nor the concept
    assert counts[("damocles", "sluitingen")] == (0, 1, 0, 0)  # the revoked closure of Q3 does not count
    assert counts[("huisverbod", "huisverboden")] == (0, 0, 0, 1)
    assert counts[("huisverbod", "verlengingen")] == (0, 0, 0, 1)
    assert counts[("huisverbod", "intrekkingen")] == (0, 0, 0, 0)  # shown as zero, not left out
    assert counts[("bibob", "aanvragen")] == (1, 0, 0, 0)  # restricted and another team's: counted all the same
    assert counts[("bibob", "verdiepende_onderzoeken")] == (1, 0, 0, 0)
    assert counts[("bibob", "weigeringen")] == (0, 1, 0, 0)
    assert not any(category.startswith("voornemen") for _, category in counts)


def test_the_year_before_has_its_own_figures(app, db, users, cases):
    wanted = FigureRequest(YEAR - 1, ("damocles",), select(Zaak), utcnow())
    figures = yearly_figures(db, app.extensions["bevoegd"], wanted, users["kabinet"], "127.0.0.1")
    assert _counts(figures)[("damocles", "waarschuwingen")] == (0, 0, 0, 1)
    assert _counts(figures)[("damocles", "meldingen")] == (0, 0, 0, 1)


def test_a_melding_counts_in_the_quarter_of_the_dutch_calendar(app, db, users, cases):
    """00.30 on 1 April in Amsterdam is 31 March in UTC: the melding belongs to the second quarter."""
    came_in = db.scalars(select(Zaak).where(Zaak.id == cases["b"].id)).one().melding.created_at
    assert came_in.date() == date(YEAR, 3, 31)
    assert _counts(_figures(app, db, users, ("damocles",)))[("damocles", "meldingen")][1] == 1


def test_turnaround_times_are_medians_and_90th_percentiles_in_days(app, db, users, cases):
    rows = {(t.power, t.measure): t for t in _figures(app, db, users).turnarounds}
    damocles = rows[("damocles", "melding_beslissing")].year
    assert (damocles.median, damocles.count) == (35.5, 2)  # 22 and 49 days
    assert damocles.p90 == pytest.approx(46.3)
    assert rows[("damocles", "melding_beslissing")].quarters[0].median == 22
    sending = rows[("damocles", "beslissing_verzending")].year
    assert (sending.median, sending.count) == (2, 2)  # the uncounted voornemen's sending is not measured
    assert rows[("huisverbod", "melding_beslissing")].year.median == 4.5  # 0 and 9 days
    assert rows[("huisverbod", "beslissing_verzending")].year.count == 0  # nothing sent yet: not measured
    everyone = rows[("", "melding_beslissing")].year
    assert (everyone.median, everyone.count) == (25, 6)  # 0, 9, 22, 28, 49, 149


def test_the_deadlines_about_to_pass_are_the_overviews_counted_per_kind(app, db, users, cases):
    today = clock.today()
    open_zaak = zaak(db, users, "damocles", today - timedelta(days=10))
    decision(db, users, open_zaak, "voornemen_sluiting", today - timedelta(days=5), besluit=False,
             sent_on=today - timedelta(days=5), zienswijze_tot=today + timedelta(days=2))
    db.commit()
    found = {d.kind: d for d in _figures(app, db, users).deadlines}
    assert found["zienswijzetermijn"].soon == 1 and found["zienswijzetermijn"].expired == 0
    assert found["zienswijzetermijn"].label == "Zienswijzetermijn"


def test_the_page_has_accessible_charts_with_tables_and_no_identifying_detail(client, login_as, cases):
    login_as("kabinet")
    response = client.get(f"/cijfers?jaar={YEAR}")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    charts = re.findall(r"<svg\b[^>]*>", page)
    assert len(charts) == 2 and all('role="img"' in svg and "aria-labelledby=" in svg for svg in charts)
    assert f'<title id="grafiek-onderdelen-titel">Aantallen per onderdeel in {YEAR}</title>' in page
    assert '<desc id="grafiek-onderdelen-uitleg">' in page
    assert "<style" not in page and "<script" not in page and " style=" not in page  # the CSP allows neither
    assert f"<caption class=\"utrecht-table__caption\">Alle getoonde bevoegdheden samen in {YEAR}</caption>" in page
    assert 'scope="col"' in page and 'scope="row"' in page
    assert "Wat telt mee" in page and "niet later is ingetrokken of vernietigd" in page
    assert cases["g"].identificatie not in page and cases["b"].identificatie not in page
    text = visible_text(page)
    assert "Verdiepende onderzoeken (advies Landelijk Bureau Bibob gevraagd) 1 0 0 0 1" in text
    assert "Sluitingen 0 1 0 0 1" in text


def test_the_page_shows_no_code_names_for_either_role(client, login_as, cases):
    for role in ("kabinet", "jurist"):
        login_as(role)
        page = client.get(f"/cijfers?jaar={YEAR}").get_data(as_text=True)
        assert not leaks(page), (role, leaks(page))
        assert ("Bekijk de termijnen per zaak" in page) == (role == "jurist")  # /termijnen is the jurist's


def test_one_power_can_be_chosen(client, login_as, cases):
    login_as("jurist")
    text = visible_text(client.get(f"/cijfers?jaar={YEAR}&bevoegdheid=huisverbod").get_data(as_text=True))
    assert "Tijdelijk huisverbod, Wet tijdelijk huisverbod in 2025" in text
    assert "Sluiting woning of lokaal, art. 13b Opiumwet in 2025" not in text and "Huisverboden 0 0 0 1 1" in text


@pytest.mark.parametrize("query", ["jaar=twintig", "jaar=1999", "bevoegdheid=onbekend", "kleur=rood"])
def test_a_wrong_choice_is_named_in_dutch(client, login_as, query):
    login_as("kabinet")
    response = client.get(f"/cijfers?{query}")
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "Er is iets niet goed ingevuld" in page
    assert client.get(f"/cijfers.csv?{query}").status_code == 400


def test_every_wrong_choice_is_named_at_once(client, login_as):
    login_as("jurist")
    text = visible_text(client.get("/cijfers?jaar=twintig&bevoegdheid=onbekend").get_data(as_text=True))
    assert "Jaar: kies een jaar uit de lijst, bijvoorbeeld 2025." in text
    assert "Bevoegdheid: kies een bevoegdheid uit de lijst." in text


def test_the_csv_holds_the_same_figures_with_dutch_headers(client, login_as, cases):
    login_as("kabinet")
    response = client.get(f"/cijfers.csv?jaar={YEAR}")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert f"cijfers-{YEAR}.csv" in response.headers["Content-Disposition"]
    body = response.get_data().decode("utf-8")
    assert body.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(body.lstrip("\ufeff")), delimiter=";"))
    assert rows[0] == ["Jaar", "Bevoegdheid", "Cijfer", "Eenheid", "Kwartaal 1", "Kwartaal 2", "Kwartaal 3",
                       "Kwartaal 4", "Heel jaar"]
    by_name = {(r[1], r[2]): r[4:] for r in rows[1:]}
    assert by_name[("Sluiting woning of lokaal, art. 13b Opiumwet", "Sluitingen")] == ["0", "1", "0", "0", "1"]
    assert by_name[("Alle bevoegdheden", "Van melding tot beslissing, mediaan")][4] == "25"
    assert by_name[("Sluiting woning of lokaal, art. 13b Opiumwet", "Van melding tot beslissing, mediaan")] == \
        ["22", "49", "", "", "35,5"]


def test_the_xlsx_reads_back_the_same_numbers_as_the_csv(client, login_as, cases):
    login_as("jurist")
    rows = list(csv.reader(io.StringIO(client.get(f"/cijfers.csv?jaar={YEAR}").get_data().decode("utf-8-sig")),
                           delimiter=";"))
    response = client.get(f"/cijfers.xlsx?jaar={YEAR}")
    assert response.status_code == 200 and response.mimetype.endswith("spreadsheetml.sheet")
    book = load_workbook(io.BytesIO(response.get_data()))
    sheet = book[f"Cijfers {YEAR}"]
    cells = [["" if v is None else v for v in row] for row in sheet.iter_rows(values_only=True)]
    assert cells[0] == rows[0] and len(cells) == len(rows)
    for got, expected in zip(cells[1:], rows[1:], strict=True):
        assert [format_number(v) if isinstance(v, float) else str(v) for v in got] == expected
    assert isinstance(cells[1][4], int)
    assert "Wat telt mee" in [c.value for c in book["Toelichting"]["A"]]


@pytest.mark.parametrize(("role", "allowed"), [("kabinet", True), ("jurist", True), ("handhaving", False),
                                               ("beheerder", False), ("auditor", False)])
def test_only_the_kabinet_and_the_jurists_see_the_figures(client, login_as, role, allowed):
    login_as(role)
    for url in ("/cijfers", "/cijfers.csv", "/cijfers.xlsx"):
        assert client.get(url).status_code == (200 if allowed else 403), (role, url)
    assert ('href="/cijfers"' in client.get("/", follow_redirects=True).get_data(as_text=True)) == allowed


def test_every_look_and_download_is_in_the_access_log(client, login_as, db, cases):
    login_as("kabinet")
    client.get(f"/cijfers?jaar={YEAR}")
    client.get(f"/cijfers.xlsx?jaar={YEAR}&bevoegdheid=damocles")
    db.rollback()
    rows = db.scalars(select(AccessEntry).where(AccessEntry.object_type == "cijfers").order_by(AccessEntry.id)).all()
    assert [(r.action, r.object_id, r.role) for r in rows] == [("search", str(YEAR), "kabinet"),
                                                              ("export", str(YEAR), "kabinet")]
    assert rows[1].reason == "bevoegdheden=damocles xlsx"
