"""What a browser trial found: the deadlines table at 320 px and focus on the confirmation after saving."""

from __future__ import annotations

from datetime import date

import pytest
from flask import Flask
from playwright.sync_api import Page, expect
from sqlalchemy.orm import Session

from app.models import Beslissing, User, Zaak
from app.schemas.melding import MeldingSchema
from app.services.intake import submit_melding
from tests.e2e.e2e_support import login
from tests.e2e.test_accessibility import REFLOW_WIDTH, assert_no_horizontal_scroll
from tests.factories import huisverbod_form, melding

pytestmark = pytest.mark.e2e


@pytest.fixture
def huisverbod(db: Session, live_app: Flask, users: dict[str, User], today: date) -> Zaak:
    """A huisverbod imposed on the spot: its end and the reachability task run as deadlines."""
    rt = live_app.extensions["bevoegd"]
    return submit_melding(db, rt, MeldingSchema().load(huisverbod_form(None)), users["hovj"], today)


def test_the_deadlines_table_shows_every_column_at_320_px(page: Page, huisverbod: Zaak) -> None:
    page.set_viewport_size({"width": REFLOW_WIDTH, "height": 800})
    login(page, "jurist")
    page.goto("/termijnen")
    assert_no_horizontal_scroll(page, "/termijnen")
    cells = page.locator("table tbody tr").first.locator("td")
    assert cells.count() == 4
    for i in range(cells.count()):
        box = cells.nth(i).bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= REFLOW_WIDTH + 1, \
            f"column {i + 1} of the deadlines table is off-screen at 320 px: {box}"


def test_the_review_page_reaches_its_decision_without_unfolded_tables(page: Page,
                                                                      voornemen_ter_vaststelling: Beslissing) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    login(page, "kabinet")
    page.goto(f"/vaststelling/{voornemen_ter_vaststelling.id}")
    expect(page.get_by_role("heading", name="Brieven (de opgeslagen versie)")).to_be_visible()
    expect(page.get_by_role("table", name="Afwegingen")).to_be_hidden()
    # the letters are what is approved and stay open; everything around them must be short
    height = page.evaluate("document.documentElement.scrollHeight")
    letters = page.evaluate("document.getElementById('brieven').parentElement.getBoundingClientRect().height")
    assert height - letters < 2000, f"the review page is {height}px tall, {height - letters}px besides the letters"


def _focused_confirmation(page: Page, section: str) -> str:
    """The focused element's text, after checking it is the confirmation inside `section` and on screen."""
    expect(page.locator(f"#{section} #bevestiging, #{section} ~ #bevestiging")).to_be_focused()
    focused = page.evaluate("""(section) => {
        const el = document.activeElement, box = el.getBoundingClientRect();
        return {id: el.id, inView: box.top >= 0 && box.top < window.innerHeight, text: el.innerText};
    }""", section)
    assert focused["id"] == "bevestiging" and focused["inView"], focused
    return focused["text"]


def test_assigning_moves_focus_to_its_confirmation_in_the_summary(page: Page,
                                                                   voornemen_ter_vaststelling: Beslissing) -> None:
    zaak_id = voornemen_ter_vaststelling.zaak_id
    login(page, "jurist")
    page.goto(f"/zaken/{zaak_id}")
    page.locator("#behandelaar select").select_option(label="Jurist2 (test)")
    page.locator("#behandelaar button").click()
    assert "De zaak wordt nu behandeld door Jurist2 (test)" in _focused_confirmation(page, "behandelaar")


def test_correcting_a_betrokkene_moves_focus_to_its_confirmation(page: Page, db: Session, live_app: Flask,
                                                                 users: dict[str, User], today: date) -> None:
    zaak = submit_melding(db, live_app.extensions["bevoegd"], melding(), users["handhaving"], today)
    login(page, "jurist")
    page.goto(f"/zaken/{zaak.id}/betrokkenen/{zaak.betrokkenen[0].id}")
    page.get_by_role("button", name="Correctie opslaan").click()
    page.wait_for_url(f"**/zaken/{zaak.id}#bevestiging")
    assert "Er is niets gewijzigd." in _focused_confirmation(page, "correcties")
