"""The jurist's casework in the browser: the concept letters' preview (HTML and .docx) and correcting a
betrokkene, each page checked with axe (0 serious or critical) and, for the forms, at 320 px."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from flask import Flask
from playwright.sync_api import Page, expect
from sqlalchemy.orm import Session

from app.domain.drafting import DraftRequest
from app.models import Beslissing, User, Zaak
from app.services.intake import submit_melding
from tests.e2e.e2e_support import axe_violations, blocking, describe, login
from tests.e2e.test_accessibility import REFLOW_WIDTH, assert_no_horizontal_scroll
from tests.factories import melding
from tests.flows import draft
from tests.integration.test_damocles_flow import WARN, judge

pytestmark = pytest.mark.e2e


@pytest.fixture
def warning(db: Session, live_app: Flask, users: dict[str, User], today: date) -> Beslissing:
    rt = live_app.extensions["bevoegd"]
    zaak = submit_melding(db, rt, melding(bewoners=[{"naam": "O. Overtreder", "roltype": "overtreder"}]),
                          users["handhaving"], today)
    judge(db, zaak, users["jurist"], WARN, deviate=True)
    return draft(db, rt, zaak, DraftRequest("waarschuwing", today), users["jurist"], today)


def test_the_jurist_previews_the_concept_letters_and_downloads_one(page: Page, warning: Beslissing) -> None:
    axe, found = Axe(), {}
    login(page, "jurist")
    page.goto(f"/zaken/{warning.zaak_id}")
    page.get_by_label("Ondertekenaar in het voorbeeld").select_option(label="Kabinet (test)")
    page.get_by_role("button", name="Voorbeeld van de brieven bekijken").click()
    expect(page.locator("h1.utrecht-heading-1")).to_contain_text("Concept — voorbeeld van de brieven")
    expect(page.locator(".gemeente-preview").first).to_contain_text(warning.zaak.identificatie)
    expect(page.get_by_text("Concept, niet verzenden")).to_be_visible()
    found["voorbeeld"] = axe_violations(page, axe)
    with page.expect_download() as info:
        page.get_by_role("link", name="-overtreder-").click()
    name = info.value.suggested_filename
    assert name.startswith("CONCEPT-") and "-overtreder-" in name and name.endswith(".docx"), name
    _no_blocking(found)


def test_the_jurist_corrects_a_betrokkene_by_keyboard_and_sees_the_history(page: Page, warning: Beslissing) -> None:
    zaak: Zaak = warning.zaak
    axe, found = Axe(), {}
    login(page, "jurist")
    page.goto(f"/zaken/{zaak.id}")
    page.get_by_role("link", name="O. Overtreder (Overtreder) corrigeren").click()
    expect(page.locator("h1.utrecht-heading-1")).to_contain_text("Betrokkene corrigeren")
    page.get_by_label("Postcode").fill("abc")
    page.get_by_role("button", name="Correctie opslaan").click()
    expect(page.locator("#error-summary")).to_be_visible()
    expect(page.locator("#error-summary")).to_be_focused()
    found["betrokkene met fouten"] = axe_violations(page, axe)
    page.set_viewport_size({"width": REFLOW_WIDTH, "height": 800})
    assert_no_horizontal_scroll(page, "betrokkene form")
    page.get_by_role("link", name="Postcode: Vul een postcode in als 1234 AB.").press("Enter")
    expect(page.get_by_label("Postcode")).to_be_focused()
    page.keyboard.press("Control+A")
    page.keyboard.type("6211 AB")
    page.get_by_label("Naam").fill("O. Overtreder-Jansen")
    page.get_by_label("Naam").press("Enter")
    expect(page.get_by_text("De gegevens van de betrokkene zijn gecorrigeerd.")).to_be_visible()
    history = page.get_by_role("table", name="Wijzigingen van betrokkenen")
    expect(history).to_contain_text("O. Overtreder-Jansen")
    expect(history).to_contain_text("6200 ZZ")
    expect(history).to_contain_text("6211 AB")
    _no_blocking(found)


def _no_blocking(found: dict[str, list[dict[str, Any]]]) -> None:
    report = "\n".join(describe(name, violations) for name, violations in found.items() if violations)
    serious = {name: blocking(violations) for name, violations in found.items() if blocking(violations)}
    assert not serious, f"serious or critical axe violations:\n{report}"


def test_withdrawal_and_closure_pages_pass_axe_and_reflow(page: Page, db: Session, live_app: Flask,
                                                          warning: Beslissing, users: dict[str, User]) -> None:
    from tests.flows import submit

    submit(db, live_app.extensions["bevoegd"], warning, users["kabinet"], users["jurist"])
    axe, found = Axe(), {}
    login(page, "jurist")
    page.goto(f"/zaken/{warning.zaak_id}")
    page.get_by_role("link", name="Aanbod terugtrekken").click()
    expect(page.get_by_text("Weet u zeker")).to_be_visible()
    found["terugtrekken"] = axe_violations(page, axe)
    page.get_by_role("button", name="Ja, aanbod terugtrekken").click()
    expect(page.get_by_text("Het aanbod is teruggetrokken")).to_be_visible()
    page.goto(f"/zaken/{warning.zaak_id}/afsluiten")
    page.get_by_role("button", name="Zaak afsluiten").click()
    expect(page.locator("#error-summary")).to_be_focused()
    found["afsluiten met fouten"] = axe_violations(page, axe)
    page.set_viewport_size({"width": REFLOW_WIDTH, "height": 800})
    assert_no_horizontal_scroll(page, "closure form")
    _no_blocking(found)
