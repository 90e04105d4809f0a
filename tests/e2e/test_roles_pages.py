"""The kabinet's, beheerder's and auditor's pages in the browser: axe (0 serious or critical violations), the
keyboard, and 320 px reflow (only tables may scroll, inside their own region)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from app.models import Beslissing, User
from app.services import mandate_grants
from tests.e2e.e2e_support import axe_violations, blocking, describe, login, logout
from tests.e2e.test_accessibility import REFLOW_WIDTH, assert_no_horizontal_scroll

pytestmark = pytest.mark.e2e

FOCUSED = "() => document.activeElement.id || document.activeElement.textContent.trim()"


@pytest.fixture
def pending_grant(db, live_app, users: dict[str, User]) -> Any:
    """A kabinet mandate granted by beheerder, waiting for a second beheerder."""
    return mandate_grants.grant(db, live_app.extensions["bevoegd"], {
        "user_id": users["kabinet2"].id, "besluittype": "damocles", "hoedanigheid": "gemandateerde",
        "uitkomsten": ["waarschuwing"], "valid_from": date(2026, 1, 1), "valid_until": None,
        "mandaatbesluit": "Mandaatbesluit 2026 (test)", "functie": "hoofd Kabinet en Veiligheid"},
        users["beheerder"])


def role_pages(zaak_id: int) -> dict[str, list[tuple[str, str]]]:
    return {
        "kabinet": [("geschiedenis", "/vaststelling/geschiedenis"), ("dossier", f"/vaststelling/dossier/{zaak_id}")],
        "beheerder": [("beheer", "/beheer"), ("gebruikers", "/beheer/gebruikers"),
                      ("nieuwe gebruiker", "/beheer/gebruikers/nieuw"), ("teams", "/beheer/teams"),
                      ("mandaten", "/beheer/mandaten"), ("nieuw mandaat", "/beheer/mandaten/nieuw"),
                      ("nieuw mandaat damocles", "/beheer/mandaten/nieuw?bevoegdheid=damocles"),
                      ("parameters", "/beheer/parameters")],
        "auditor": [("logboeken", "/audit"), ("toegangslog", "/audit?log=toegang"), ("wachtwoord", "/wachtwoord")],
    }


def test_the_new_pages_have_no_serious_or_critical_axe_violations(
        page: Page, voornemen_ter_vaststelling: Beslissing, pending_grant: Any) -> None:
    axe, found = Axe(), {}

    def check(name: str, arrive: Callable[[], Any], status: int = 200) -> None:
        response = arrive()
        if response is not None:
            assert response.status == status, f"{name}: HTTP {response.status}, expected {status}"
        found[name] = axe_violations(page, axe)

    for role, pages in role_pages(voornemen_ter_vaststelling.zaak_id).items():
        login(page, role)
        for name, url in pages:
            check(name, lambda url=url: page.goto(url))
        if role == "beheerder":
            page.goto("/beheer/gebruikers/nieuw")
            check("nieuwe gebruiker met fouten", lambda: page.get_by_role("button", name="Opslaan").click())
            expect(page.locator("#error-summary")).to_be_visible()
        if role == "auditor":
            check("logboeken met fouten", lambda: page.goto("/audit?van=2026-02-01&tot=2026-01-01"), status=400)
        logout(page)
    report = "\n".join(describe(name, violations) for name, violations in found.items() if violations)
    serious = {name: blocking(v) for name, v in found.items() if blocking(v)}
    assert not serious, f"serious or critical axe violations on: {', '.join(serious)}\n\n{report}"


def test_the_new_pages_reflow_at_320_px(page: Page, voornemen_ter_vaststelling: Beslissing,
                                        pending_grant: Any) -> None:
    page.set_viewport_size({"width": REFLOW_WIDTH, "height": 800})
    for role, pages in role_pages(voornemen_ter_vaststelling.zaak_id).items():
        login(page, role)
        for name, url in pages:
            page.goto(url)
            assert_no_horizontal_scroll(page, name)
        logout(page)


def test_the_parameters_are_readable_at_320_px_without_sideways_scrolling(page: Page, users: dict[str, User]) -> None:
    """Each parameter stacks as label/value rows on a narrow screen instead of a seven-column table."""
    page.set_viewport_size({"width": REFLOW_WIDTH, "height": 800})
    login(page, "beheerder")
    page.goto("/beheer/parameters")
    link = page.locator("#p-damocles-sluiting_woning_harddrugs_eerste_maanden")
    row = page.locator("tr").filter(has=link)
    assert row.evaluate("r => r.scrollWidth <= r.closest('[role=region]').clientWidth + 1"), \
        "the parameter's row is wider than the screen"
    box = link.bounding_box()
    assert box and box["x"] + box["width"] <= REFLOW_WIDTH, f"the confirm link is off screen: {box}"


def test_a_second_beheerder_approves_a_grant_by_keyboard(page: Page, db, users: dict[str, User],
                                                         pending_grant: Any, password_hash: str) -> None:
    db.add(User(username="beheerder2", display_name="Beheerder2 (test)", role="beheerder", team="oov",
                password_hash=password_hash, zaaktypes=[]))
    db.commit()
    login(page, "beheerder2")
    page.goto("/beheer/mandaten")
    button = page.get_by_role("button", name="Goedkeuren: mandaat van Kabinet2 (test)")
    for _ in range(60):  # Tab from the top of the page until the approve button has focus
        page.keyboard.press("Tab")
        if page.evaluate(FOCUSED).startswith("Goedkeuren"):
            break
    expect(button).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator(".utrecht-alert--ok")).to_contain_text("goedgekeurd")
    expect(page.get_by_text("Er wacht geen mandaat op goedkeuring.")).to_be_visible()


def test_the_auditor_filters_by_keyboard(page: Page, users: dict[str, User]) -> None:
    login(page, "auditor")
    page.goto("/audit")
    page.locator("#f-log").focus()
    page.keyboard.press("ArrowDown")  # the access log
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED) == "f-persoon"
    page.keyboard.type("Auditor")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Toegangslog", exact=True)).to_be_visible()
    expect(page.get_by_role("region", name="Inzage en weigeringen")).to_contain_text("Auditor (test)")
