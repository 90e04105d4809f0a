"""WCAG 2.1 AA checks in the browser (ecosystem.md §4): axe on every page template of the flow (0 serious or
critical violations), keyboard-only login with the skip link first, and 320 px reflow of the case page and
the new-melding form.

The case is arranged through the services (as tests/integration does), so these tests do not depend on
the browser flow; the pages are then visited as each role would.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from app import clock
from app.models import Beslissing, User, Zaak
from tests.conftest import PASSWORD
from tests.e2e.e2e_support import axe_violations, blocking, describe, login, logout

pytestmark = pytest.mark.e2e

REFLOW_WIDTH = 320
AUTOFOCUS_WAIT_MS = 3000
ACTIVE_ELEMENT = """() => {
  const el = document.activeElement;
  return {id: el.id, cls: el.className, href: el.getAttribute('href'), html: el.outerHTML.slice(0, 120)};
}"""


def test_every_page_template_has_no_serious_or_critical_axe_violations(
        page: Page, voornemen_ter_vaststelling: Beslissing) -> None:
    zaak: Zaak = voornemen_ter_vaststelling.zaak
    axe = Axe()
    found: dict[str, list[dict[str, Any]]] = {}

    def check(name: str, arrive: Callable[[], Any], status: int = 200, within: str | None = None) -> None:
        response = arrive()
        if response is not None:
            assert response.status == status, f"{name}: HTTP {response.status}, expected {status}"
        found[name] = axe_violations(page, axe, within)

    check("login", lambda: page.goto("/login"))
    check("toegankelijkheid", lambda: page.goto("/toegankelijkheid"))

    login(page, "handhaving")
    check("mijn meldingen", lambda: page.goto("/meldingen"))
    check("nieuwe melding", lambda: page.goto("/meldingen/nieuw/damocles"))

    def empty_melding() -> None:
        page.get_by_role("button", name="Melding versturen").click()
        expect(page.locator("#error-summary")).to_be_visible()
        expect(page.locator('[aria-invalid="true"]').first).to_be_attached()  # field errors are scanned too

    check("nieuwe melding met fouten", empty_melding)
    logout(page)

    login(page, "jurist")
    check("zaken", lambda: page.goto("/zaken"))
    check("zaak", lambda: page.goto(f"/zaken/{zaak.id}"))

    # This case waits for the kabinet, so its forms are read-only: the case page with a form error is scanned
    # in tests/e2e/test_workspace_browser.py on a case that is still open.
    check("foutpagina 404", lambda: page.goto("/zaken/999999"), status=404)
    logout(page)

    login(page, "kabinet")
    check("vaststelling (wachtrij)", lambda: page.goto("/vaststelling"))
    expect(page.get_by_role("link", name=f"{zaak.identificatie}: Voornemen tot sluiting")).to_be_visible()
    check("vaststellen (brieven)", lambda: page.goto(f"/vaststelling/{voornemen_ter_vaststelling.id}"))
    expect(page.locator(".gemeente-preview").first).to_contain_text(zaak.identificatie)
    logout(page)

    login(page, "beheerder")
    check("geen taken", lambda: page.goto("/"))

    report = "\n".join(describe(name, violations) for name, violations in found.items() if violations)
    print(report or "axe: no violations on any page")
    serious = {name: blocking(violations) for name, violations in found.items() if blocking(violations)}
    assert not serious, (f"serious or critical axe violations on: {', '.join(serious)}\n\n"
                         f"All violations (every impact):\n{report}")


def test_login_by_keyboard_only_with_the_skip_link_first(page: Page, users: dict[str, User]) -> None:
    page.goto("/login")
    page.keyboard.press("Tab")
    focused = page.evaluate(ACTIVE_ELEMENT)
    assert "utrecht-skip-link" in focused["cls"] and focused["href"] == "#main", f"first Tab stop: {focused}"
    skip = page.locator("a.utrecht-skip-link")
    expect(skip).to_be_visible()  # visible when it has focus
    box = skip.bounding_box()
    assert box and box["width"] > 1 and box["height"] > 1, f"skip link not shown on focus: {box}"

    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.id") == "f-username"
    page.keyboard.type("jurist")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.id") == "f-password"
    page.keyboard.type("niet-het-wachtwoord")
    page.keyboard.press("Enter")
    expect(page.locator("#error-summary")).to_be_visible()
    # The error summary takes focus on load (autofocus, applied by the browser after the first rendering),
    # so keyboard and screen-reader users start at the list of problems.
    try:
        page.wait_for_function("() => document.activeElement?.id === 'error-summary'",
                               timeout=AUTOFOCUS_WAIT_MS)
    except PlaywrightTimeoutError:
        focus = page.evaluate(ACTIVE_ELEMENT)
        pytest.fail(f"the error summary did not take focus after a failed login; focus: {focus}")

    page.locator("#f-password").focus()
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    expect(page.locator("h1.utrecht-heading-1")).to_have_text("Mijn zaken")  # the jurist lands on his work list
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()


def test_skip_link_moves_focus_to_the_main_content(page: Page, users: dict[str, User]) -> None:
    page.goto("/login")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.id") == "f-username"


def test_case_page_reflows_at_320_px_without_horizontal_scrolling(
        page: Page, voornemen_ter_vaststelling: Beslissing) -> None:
    page.set_viewport_size({"width": REFLOW_WIDTH, "height": 800})
    login(page, "jurist")
    page.goto(f"/zaken/{voornemen_ter_vaststelling.zaak_id}")
    expect(page.locator("h1.utrecht-heading-1")).to_contain_text(voornemen_ter_vaststelling.zaak.identificatie)
    assert_no_horizontal_scroll(page, "case page")


def test_new_melding_form_reflows_at_320_px_without_horizontal_scrolling(
        page: Page, users: dict[str, User]) -> None:
    page.set_viewport_size({"width": REFLOW_WIDTH, "height": 800})
    login(page, "handhaving")
    page.goto("/meldingen/nieuw/damocles")
    assert_no_horizontal_scroll(page, "new melding form")


def assert_no_horizontal_scroll(page: Page, name: str) -> None:
    """WCAG 1.4.10: at 320 CSS px only tables (in their own scroll region) may scroll sideways."""
    width = page.evaluate("() => document.documentElement.scrollWidth")
    if width > REFLOW_WIDTH + 1:
        culprits = page.evaluate(WIDEST_ELEMENTS, REFLOW_WIDTH)
        pytest.fail(f"{name} is {width}px wide at a {REFLOW_WIDTH}px viewport; elements reaching past the "
                    f"right edge:\n" + "\n".join(culprits), pytrace=False)


# The innermost elements whose right edge lies beyond the viewport, to name the cause of a reflow failure.
WIDEST_ELEMENTS = """(limit) => {
  const out = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.right <= limit + 1) continue;
    if ([...el.children].some(c => c.getBoundingClientRect().right > limit + 1)) continue;
    let p = el.parentElement, clipped = false;
    while (p && p !== document.body) {
      const s = getComputedStyle(p);
      if (['auto', 'scroll', 'hidden', 'clip'].includes(s.overflowX)) { clipped = true; break; }
      p = p.parentElement;
    }
    if (clipped) continue;
    const name = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '');
    out.push(`${name} right=${Math.round(r.right)}px: ${el.outerHTML.slice(0, 160)}`);
    if (out.length >= 15) break;
  }
  return out;
}"""


def test_work_lists_deadlines_and_messages_have_no_serious_or_critical_axe_violations(
        page: Page, voornemen_ter_vaststelling: Beslissing) -> None:
    axe, found = Axe(), {}
    login(page, "jurist")
    for name, path in (("mijn zaken", "/werkvoorraad"), ("team", "/werkvoorraad?lijst=team"),
                       ("niet toegewezen", "/werkvoorraad?lijst=open"), ("termijnen", "/termijnen"),
                       ("berichten (leeg)", "/berichten")):
        assert page.goto(path).status == 200, name
        found[name] = axe_violations(page, axe)
    logout(page)
    login(page, "kabinet")
    assert page.goto("/berichten").status == 200
    expect(page.get_by_role("link", name=f"Zaak {voornemen_ter_vaststelling.zaak.identificatie}")).to_be_visible()
    found["berichten"] = axe_violations(page, axe)
    serious = {name: blocking(v) for name, v in found.items() if blocking(v)}
    assert not serious, "\n".join(describe(name, v) for name, v in serious.items())
def test_the_bezwaar_section_has_no_serious_axe_violations_works_by_keyboard_and_reflows(
        page: Page, db: Any, live_app: Any, users: dict[str, User]) -> None:

    from app.services import bezwaar
    from tests.bezwaar_support import sent_closure

    today = clock.today()
    rt = live_app.extensions["bevoegd"]
    closure = sent_closure(db, rt, users, today)
    bezwaar.register(db, rt, closure.zaak, closure, {
        "version": closure.zaak.version_id, "betrokkene_id": closure.zaak.betrokkenen[0].id, "ontvangen_op": today,
        "wijze": "digitaal", "commissie": True, "gronden": ["Geen handel.", "Te zwaar."]}, users["jurist"], today)
    axe, section = Axe(), 'section[aria-labelledby="rechtsmiddelen"]'
    login(page, "jurist")
    page.goto(f"/zaken/{closure.zaak_id}#rechtsmiddelen")
    found = {"bezwaar": axe_violations(page, axe, section)}
    register = page.locator(f"#bezwaar-b{closure.id} > summary")
    register.focus()
    page.keyboard.press("Enter")  # a folded form opens from the keyboard
    expect(page.locator(f'[name="bezwaar-b{closure.id}.ontvangen_op"]')).to_be_visible()
    page.get_by_role("button", name="Bezwaar registreren").click()
    expect(page.locator("#error-summary")).to_be_visible()
    expect(page.locator(f'[name="bezwaar-b{closure.id}.gronden"][aria-invalid="true"]')).to_be_visible()
    found["bezwaar met fouten"] = axe_violations(page, axe, f"#error-summary, {section}")
    page.set_viewport_size({"width": REFLOW_WIDTH, "height": 800})
    page.locator(section).scroll_into_view_if_needed()
    assert_no_horizontal_scroll(page, "case page with the bezwaar section")
    report = "\n".join(describe(name, violations) for name, violations in found.items() if violations)
    assert not any(blocking(v) for v in found.values()), report


def test_the_review_page_of_a_decision_on_a_bezwaar_has_no_serious_axe_violations_and_is_approved(
        page: Page, db: Any, live_app: Any, users: dict[str, User]) -> None:

    from sqlalchemy import select

    from app.services import bezwaar, objection_decision
    from tests.bezwaar_support import sent_closure

    today = clock.today()
    rt = live_app.extensions["bevoegd"]
    closure = sent_closure(db, rt, users, today)
    row = bezwaar.register(db, rt, closure.zaak, closure, {
        "version": closure.zaak.version_id, "betrokkene_id": closure.zaak.betrokkenen[0].id, "ontvangen_op": today,
        "wijze": "digitaal", "commissie": False, "gronden": ["Geen handel <b>gezien</b>.", "Te zwaar."]},
        users["jurist"], today)
    row = bezwaar.record_step(db, rt, row, "horen", {"version": row.version_id, "hoorzitting_op": None,
                                                     "niet_horen_grond": "b"}, users["jurist"], today)
    besluit = objection_decision.offer(db, rt, row, {
        "version": row.version_id, "uitkomst": "ongegrond", "motivering": "De sluiting blijft nodig.",
        "verzenddatum": today, "reacties": ["Er is wel gehandeld.", "Niet te zwaar."], "oordelen": [False, False]},
        users["kabinet"], users["jurist"], today)
    login(page, "kabinet")
    page.goto("/vaststelling")
    page.get_by_role("link", name=f"{closure.zaak.identificatie}: Beslissing op bezwaar").click()
    expect(page.get_by_role("heading", level=1).first).to_contain_text("Beslissing op bezwaar")
    expect(page.get_by_text("Geen handel <b>gezien</b>.", exact=False).first).to_be_visible()
    found = {"vaststellen beslissing op bezwaar": axe_violations(page, Axe())}
    page.get_by_role("button", name="Vaststellen").click()
    expect(page.get_by_text("De beslissing is vastgesteld.")).to_be_visible()
    found["vastgesteld"] = axe_violations(page, Axe())
    db.rollback()
    assert db.scalar(select(Beslissing.status).where(Beslissing.id == besluit.id)) == "vastgesteld"
    report = "\n".join(describe(name, violations) for name, violations in found.items() if violations)
    assert not any(blocking(v) for v in found.values()), report
