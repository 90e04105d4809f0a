"""The lists (case list, "Mijn meldingen", work list, review queue, kabinet history, audit log): keyset-paged
by 50, filtered and searched, a fixed number of SQL statements per page whatever its length, and a wrong
page link or filter answered in Dutch (HTTP 400), never a 500."""

from __future__ import annotations

import html
import re
from contextlib import contextmanager
from datetime import timedelta

import pytest
from sqlalchemy import event, select

from app import clock
from app.models import AccessEntry, Beoordeling, Beslissing, Reviewronde, Zaak
from app.services.intake import submit_melding
from tests.factories import melding

MAX_STATEMENTS = 16  # a page's statements: login, the list, its eager loads, the access-log row, the commit
KENMERK = re.compile(r"BEV-\d{4}-\d{6}")


def make_zaken(app, db, users, count, first=0):
    rt = app.extensions["bevoegd"]
    return [submit_melding(db, rt, melding(
        adres={"straat": f"Pagineerstraat{i:03d}", "huisnummer": str(i + 1), "postcode": "6200 ZZ",
               "woonplaats": "Maastricht"}, bewoners=[{"naam": f"B. Bewoner{i:03d}", "roltype": "bewoner"}]),
        users["handhaving"], clock.today()) for i in range(first, first + count)]


def offer(db, users, zaken, *, reviewed=False):
    """Put a beslissing of every zaak before the kabinet (and, reviewed, record its approval round)."""
    for zaak in zaken:
        beoordeling = db.scalars(select(Beoordeling).where(Beoordeling.zaak_id == zaak.id)).first()
        beslissing = Beslissing(zaak_id=zaak.id, beoordeling_id=beoordeling.id, soort="sluiting", besluit=True,
                                status="ter_vaststelling", verzenddatum=clock.today() + timedelta(days=3),
                                drafter_id=users["jurist"].id, ondertekenaar_id=users["kabinet"].id)
        db.add(beslissing)
        if reviewed:
            db.add(Reviewronde(beslissing=beslissing, reviewer_id=users["kabinet"].id, resultaat="goedgekeurd"))
    db.commit()


@contextmanager
def counted(app):
    statements = []
    listener = lambda *args: statements.append(args[2])  # noqa: E731 - before_cursor_execute(conn, cursor, sql, ...)
    engine = app.extensions["db_engine"]
    event.listen(engine, "before_cursor_execute", listener)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", listener)


def kenmerken(page: str) -> list[str]:
    return list(dict.fromkeys(KENMERK.findall(page.split("<tbody", 1)[1])))


def link(page: str, rel: str) -> str | None:
    found = re.search(rf'rel="{rel}" href="([^"]+)"', page)
    return html.unescape(found.group(1)) if found else None


LISTS = (("jurist", "/zaken"), ("jurist", "/werkvoorraad?lijst=team"), ("handhaving", "/meldingen"),
         ("kabinet", "/vaststelling"), ("kabinet", "/vaststelling/geschiedenis"), ("auditor", "/audit"))


@pytest.mark.parametrize(("role", "path"), LISTS)
def test_every_list_runs_the_same_few_statements_for_3_rows_as_for_60(app, client, db, users, login_as, role,
                                                                      path):
    login_as(role)
    counts = []
    for size, first in ((3, 0), (57, 3)):
        offer(db, users, make_zaken(app, db, users, size, first), reviewed=True)
        with counted(app) as statements:
            page = client.get(path).get_data(as_text=True)
        counts.append(len(statements))
    assert "Fout" not in page.split("</title>")[0]
    assert path == "/audit" or len(kenmerken(page)) == 50  # a full page of 60 zaken (the audit: rows by id)
    assert counts[0] == counts[1] <= MAX_STATEMENTS, counts


def test_120_zaken_are_three_pages_each_zaak_once_and_a_new_zaak_shifts_nothing(app, client, db, users, login_as):
    made = make_zaken(app, db, users, 120)
    login_as("jurist")
    pages, url = [], "/zaken"
    while url:
        page = client.get(url).get_data(as_text=True)
        pages.append(kenmerken(page))
        url = link(page, "next")
    assert [len(p) for p in pages] == [50, 50, 20]
    shown = [k for p in pages for k in p]
    assert sorted(shown) == sorted(z.identificatie for z in made) and len(set(shown)) == 120
    assert shown[0] == made[-1].identificatie  # newest first
    first = client.get("/zaken").get_data(as_text=True)
    newer = make_zaken(app, db, users, 1, first=120)[0]
    second = client.get(link(first, "next")).get_data(as_text=True)
    assert kenmerken(second) == pages[1] and newer.identificatie not in second
    back = client.get(link(second, "prev")).get_data(as_text=True)
    assert kenmerken(back) == pages[0]  # the same first page; before it now only the new zaak
    assert kenmerken(client.get(link(back, "prev")).get_data(as_text=True)) == [newer.identificatie]


def test_the_search_finds_a_zaak_by_kenmerk_street_report_and_name_and_the_log_keeps_no_text(app, client, db,
                                                                                            users, login_as):
    zaken = make_zaken(app, db, users, 5)
    login_as("jurist")
    report = zaken[1].melding.bron_kenmerk
    for text, wanted in ((zaken[0].identificatie, zaken[0]), ("pagineerSTRAAT002", zaken[2]), (report, zaken[1]),
                         ("bewoner003", zaken[3])):
        assert kenmerken(client.get(f"/zaken?zoek={text}").get_data(as_text=True)) == [wanted.identificatie], text
    assert "Er zijn geen zaken gevonden." in client.get("/zaken?zoek=100%25").get_data(as_text=True)  # % is text
    db.rollback()
    row = db.scalars(select(AccessEntry).where(AccessEntry.object_type == "zaak").order_by(AccessEntry.id.desc())
                     ).first()
    assert row.action == "search" and row.reason == "filters=zoek hits=0" and "100" not in row.reason


def test_filters_on_power_phase_behandelaar_and_period_and_only_what_the_user_may_see(app, client, db, users,
                                                                                       login_as):
    zaken = make_zaken(app, db, users, 4)
    db.get(Zaak, zaken[0].id).behandelaar_id = users["jurist"].id
    db.get(Zaak, zaken[1].id).team = "ander-team"
    db.commit()
    login_as("jurist")
    everything = kenmerken(client.get("/zaken").get_data(as_text=True))
    assert zaken[1].identificatie not in everything and len(everything) == 3
    assert kenmerken(client.get(f"/zaken?behandelaar={users['jurist'].id}").get_data(as_text=True)) == [
        zaken[0].identificatie]
    assert zaken[0].identificatie not in client.get("/zaken?behandelaar=geen").get_data(as_text=True)
    assert "Er zijn geen zaken gevonden." in client.get("/zaken?bevoegdheid=huisverbod").get_data(as_text=True)
    assert len(kenmerken(client.get(f"/zaken?fase={zaken[2].fase}&bevoegdheid=damocles").get_data(as_text=True))) == 3
    tomorrow = clock.today() + timedelta(days=1)
    assert "Er zijn geen zaken gevonden." in client.get(f"/zaken?van={tomorrow}").get_data(as_text=True)
    assert kenmerken(client.get(f"/zaken?zoek={zaken[1].identificatie}").get_data(as_text=True)) == []


@pytest.mark.parametrize("query", ["na=bm90LWVlbi1jdXJzb3I", "na=%25%25", "voor=MjAyNi0xMy0wMXwx",
                                   "na=MjAyNi0wMS0wMXwx&voor=MjAyNi0wMS0wMXwx"])
def test_a_bad_page_link_is_a_dutch_message_not_an_error_page(app, client, db, users, login_as, query):
    make_zaken(app, db, users, 2)
    login_as("jurist")
    response = client.get(f"/zaken?{query}")
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "Deze paginalink klopt niet" in page and "<title>Fout: Zaken" in page


def test_a_bad_filter_names_its_field(app, client, db, users, login_as):
    login_as("kabinet")
    response = client.get("/vaststelling?behandelaar=iemand&van=2026-13-01")
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and 'href="#f-behandelaar"' in page and 'href="#f-van"' in page
    login_as("auditor")
    assert client.get("/audit?na=eHl6").status_code == 400
