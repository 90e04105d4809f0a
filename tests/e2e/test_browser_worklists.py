"""The work lists, the assignment on the case page and the messages, by keyboard only and at 320 px."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from app.models import Beslissing
from tests.e2e.e2e_support import login
from tests.e2e.test_accessibility import REFLOW_WIDTH, assert_no_horizontal_scroll

pytestmark = pytest.mark.e2e
MAX_TABS = 60


def tab_to(page: Page, selector: str) -> None:
    """Press Tab until the element matching `selector` has focus (fails when it is not reachable)."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement?.matches(s)", selector):
            return
    pytest.fail(f"{selector} not reachable by keyboard within {MAX_TABS} Tab presses")


def test_a_jurist_takes_an_unassigned_case_by_keyboard_only(page: Page,
                                                            voornemen_ter_vaststelling: Beslissing) -> None:
    zaak = voornemen_ter_vaststelling.zaak
    login(page, "jurist")
    expect(page.locator("h1.utrecht-heading-1")).to_have_text("Mijn zaken")
    tab_to(page, 'a[href="/werkvoorraad?lijst=open"]')
    page.keyboard.press("Enter")
    expect(page.locator("h1.utrecht-heading-1")).to_have_text("Niet toegewezen")
    tab_to(page, f'a[href="/zaken/{zaak.id}"]')
    page.keyboard.press("Enter")
    expect(page.locator("#behandelaar")).to_contain_text("Nog niet toegewezen")
    tab_to(page, "#f-behandelaar_id")
    page.keyboard.press("ArrowDown")  # the first jurist after the placeholder
    tab_to(page, "#behandelaar button[type=submit]")
    page.keyboard.press("Enter")
    expect(page.get_by_role("status").filter(has_text="De zaak wordt nu behandeld door")).to_be_visible()
    expect(page.locator("#behandelaar")).not_to_contain_text("Nog niet toegewezen")


def test_the_signatory_opens_and_marks_a_message_read_by_keyboard(page: Page,
                                                                  voornemen_ter_vaststelling: Beslissing) -> None:
    login(page, "kabinet")
    expect(page.get_by_role("link", name="Berichten (1)")).to_be_visible()
    tab_to(page, 'a[href="/berichten"]')
    page.keyboard.press("Enter")
    expect(page.locator("h1.utrecht-heading-1")).to_have_text("Berichten")
    tab_to(page, "form[action$='/gelezen'] button")
    page.keyboard.press("Enter")
    expect(page.get_by_role("link", name="Berichten (0)")).to_be_visible()


@pytest.mark.parametrize(("role", "path"), [("jurist", "/werkvoorraad?lijst=team"), ("jurist", "/termijnen"),
                                            ("kabinet", "/berichten")])
def test_the_new_pages_reflow_at_320_px(page: Page, voornemen_ter_vaststelling: Beslissing, role: str,
                                        path: str) -> None:
    page.set_viewport_size({"width": REFLOW_WIDTH, "height": 800})
    login(page, role)
    page.goto(path)
    expect(page.locator("h1.utrecht-heading-1")).to_be_visible()
    assert_no_horizontal_scroll(page, path)
