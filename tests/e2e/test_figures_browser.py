"""The figures page in the browser: no serious or critical axe violations (with and without a wrong choice), the
charts render under the strict CSP (no refused style or script), the page reflows at 320 px, and the CSV link
downloads the figures."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from tests.e2e.e2e_support import axe_violations, blocking, describe, login
from tests.web.figures_support import YEAR, year_of_cases

pytestmark = pytest.mark.e2e


@pytest.fixture
def figures_year(db, users):
    return year_of_cases(db, users)


def test_the_figures_page_is_accessible_and_renders_under_the_csp(page: Page, figures_year) -> None:
    refused: list[str] = []
    page.on("console", lambda message: refused.append(message.text)
            if "Content Security Policy" in message.text else None)
    login(page, "kabinet")
    page.get_by_role("link", name="Cijfers", exact=True).click()
    page.locator("#f-jaar").select_option(str(YEAR))
    page.get_by_role("button", name="Cijfers tonen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Cijfers {YEAR}")
    chart = page.get_by_role("img", name=f"Aantallen per onderdeel in {YEAR}")
    expect(chart).to_be_visible()
    assert chart.bounding_box()["height"] > 100  # drawn, not an empty box
    found = {"cijfers": axe_violations(page, Axe())}
    page.goto("/cijfers?jaar=twintig")
    expect(page.locator("#error-summary")).to_be_visible()
    found["cijfers met fouten"] = axe_violations(page, Axe())
    report = "\n".join(describe(name, v) for name, v in found.items() if v)
    print(report or "axe: no violations")
    assert not any(blocking(v) for v in found.values()), report
    assert not refused, refused


def test_the_figures_page_reflows_at_320_px_and_downloads_the_csv(page: Page, figures_year) -> None:
    login(page, "jurist")
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(f"/cijfers?jaar={YEAR}")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 320
    with page.expect_download() as download:
        page.get_by_role("link", name="Download deze cijfers als CSV-bestand").click()
    assert download.value.suggested_filename == f"cijfers-{YEAR}.csv"
    text = download.value.path().read_text(encoding="utf-8-sig")
    assert "Sluiting woning of lokaal, art. 13b Opiumwet;Sluitingen;aantal;0;1;0;0;1" in text
