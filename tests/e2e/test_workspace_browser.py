"""The case page as a workspace in a real browser: folded height, reaching the first judgement by keyboard,
one form per step that shows what was saved (also after a reload), read-only forms while the kabinet reviews,
axe and 320 px reflow."""

from __future__ import annotations

from datetime import date

import pytest
from axe_playwright_python.sync_playwright import Axe
from flask import Flask
from playwright.sync_api import Page, expect
from sqlalchemy.orm import Session

from app.models import Beslissing, User, Zaak
from app.services.intake import submit_melding
from tests.e2e.e2e_support import (
    axe_violations,
    blocking,
    choice,
    describe,
    field,
    flash_ok,
    login,
    open_details,
)
from tests.e2e.test_accessibility import REFLOW_WIDTH, assert_no_horizontal_scroll
from tests.factories import melding

pytestmark = pytest.mark.e2e

MAX_FOLDED_HEIGHT_PX = 6000
# skip link, the main menu (work lists, deadlines, cases, bulk runs, figures, messages), the summary's assign form
# and its next-step link (a shorter way to the first open step), then "Op deze pagina"
MAX_TABS_TO_FIRST_JUDGEMENT = 20
FOCUSED = "() => ({id: document.activeElement.id, name: document.activeElement.getAttribute('name') || '',"\
          " text: (document.activeElement.textContent || '').trim().slice(0, 40)})"


@pytest.fixture
def zaak(db: Session, live_app: Flask, users: dict[str, User], today: date) -> Zaak:
    """A fresh damocles case whose advice asks for judgements."""
    return submit_melding(db, live_app.extensions["bevoegd"], melding(), users["handhaving"], today)


def test_folded_case_page_is_short_and_the_first_judgement_is_a_few_tabs_away(page: Page, zaak: Zaak) -> None:
    login(page, "jurist")
    page.goto(f"/zaken/{zaak.id}")
    height = page.evaluate("() => document.documentElement.scrollHeight")
    assert height < MAX_FOLDED_HEIGHT_PX, f"the folded case page is {height}px tall at 1280px wide"

    nav = page.get_by_role("navigation", name="Op deze pagina")
    expect(nav).to_be_visible()
    presses = 0
    while page.evaluate(FOCUSED)["text"] != "Afwegingen":
        page.keyboard.press("Tab")
        presses += 1
        assert presses <= MAX_TABS_TO_FIRST_JUDGEMENT, "the navigation link to the judgements is too far away"
    page.keyboard.press("Enter")
    while not page.evaluate(FOCUSED)["name"].endswith(".outcome"):
        page.keyboard.press("Tab")
        presses += 1
        assert presses <= MAX_TABS_TO_FIRST_JUDGEMENT, f"first judgement not reached in {presses} Tab presses"
    first = page.locator('article[aria-labelledby^="j-"]').first
    expect(first.locator("input:focus")).to_have_count(1)


def test_one_form_records_the_step_and_shows_what_was_saved_after_a_reload(page: Page, zaak: Zaak) -> None:
    login(page, "jurist")
    page.goto(f"/zaken/{zaak.id}")
    step = page.locator("#stap-evenredigheid")
    open_details(step)  # the competence step comes first and is open; this one is folded
    answers = {"geschiktheid": ("voldaan", "De sluiting beëindigt de handel vanuit de woning."),
               "noodzakelijkheid": ("voldaan", "Een lichter middel volstaat niet & <niets> helpt.")}
    for code, (outcome, reasoning) in answers.items():
        choice(step, f"{code}.outcome", outcome).check()
        field(step, f"{code}.reasoning").fill(reasoning)
    step.get_by_role("button", name="Afwegingen van deze stap vastleggen").click()
    flash_ok(page, "De afwegingen van deze stap zijn vastgelegd.")
    assert page.url.endswith("#opgeslagen")
    assert page.evaluate(FOCUSED)["id"] == "opgeslagen", "focus is not on the success message"
    expect(page.locator("#stap-evenredigheid #opgeslagen")).to_be_in_viewport()

    page.reload()
    step = page.locator("#stap-evenredigheid")
    for code, (outcome, reasoning) in answers.items():
        expect(choice(step, f"{code}.outcome", outcome)).to_be_checked()
        expect(field(step, f"{code}.reasoning")).to_have_value(reasoning)
    saved = step.locator('article[aria-labelledby="j-geschiktheid"]')
    expect(saved).to_contain_text("Vastgelegd door Jurist (test) op")


def test_a_form_error_names_the_field_and_a_reload_of_its_url_returns_to_the_page(page: Page, zaak: Zaak) -> None:
    login(page, "jurist")
    page.goto(f"/zaken/{zaak.id}")
    step = page.locator("#stap-evenredigheid")
    open_details(step)
    choice(step, "geschiktheid.outcome", "voldaan").check()
    step.get_by_role("button", name="Afwegingen van deze stap vastleggen").click()
    summary = page.locator("#error-summary")
    expect(summary.locator('a[href="#f-geschiktheid.reasoning"]')).to_be_visible()
    assert page.url.endswith(f"/zaken/{zaak.id}/afwegingen")
    response = page.goto(page.url)  # the address bar: a GET of the URL the form was posted to
    assert response is not None and response.status == 200, "a GET of the form URL must not give 405"
    assert page.url.endswith(f"/zaken/{zaak.id}#oordeel")


def test_forms_are_read_only_while_the_kabinet_reviews(page: Page, voornemen_ter_vaststelling: Beslissing) -> None:
    login(page, "jurist")
    page.goto(f"/zaken/{voornemen_ter_vaststelling.zaak_id}")
    judgements = page.locator('section[aria-labelledby="oordeel"]')
    expect(judgements).to_contain_text("Alleen lezen")
    expect(judgements.locator("textarea, input[type=radio], button")).to_have_count(0)
    expect(page.locator('section[aria-labelledby="concept"] form')).to_have_count(0)
    expect(page.locator('section[aria-labelledby="feiten"] form')).to_have_count(0)
    expect(page.locator("#volgende-stap")).to_contain_text("Wachten op het kabinet")
    expect(page.locator("#uitkomst")).to_contain_text("Ter vaststelling aangeboden: Voornemen tot sluiting")


def test_workspace_page_unfolded_has_no_serious_axe_violations_and_reflows(page: Page, zaak: Zaak) -> None:
    login(page, "jurist")
    page.goto(f"/zaken/{zaak.id}")
    open_details(page)
    found = blocking(axe_violations(page, Axe()))
    assert not found, describe("case page (unfolded)", found)
    step = page.locator("#stap-evenredigheid")
    step.get_by_role("button", name="Afwegingen van deze stap vastleggen").click()
    expect(page.locator("#error-summary")).to_be_visible()
    found = blocking(axe_violations(page, Axe()))
    assert not found, describe("case page with a form error", found)

    page.set_viewport_size({"width": REFLOW_WIDTH, "height": 800})
    page.goto(f"/zaken/{zaak.id}")
    open_details(page)
    assert_no_horizontal_scroll(page, "case page (unfolded)")
