"""The letter to the parents in a real browser: handhaving reports a minor with two parents at two addresses
on a phone-sized screen; the intake form (empty and with errors) and the case page have no serious axe
violations and reflow at 320 px."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from app import clock
from tests.e2e.e2e_support import axe_violations, blocking, describe, field, flash_ok, login, logout
from tests.e2e.test_accessibility import REFLOW_WIDTH, assert_no_horizontal_scroll

pytestmark = pytest.mark.e2e

HOME = {"straat": "Proefstraat", "huisnummer": "4", "postcode": "6200 ZZ", "woonplaats": "Maastricht"}
ELSEWHERE = {"straat": "Verzonnenlaan", "huisnummer": "9", "postcode": "6200 ZZ", "woonplaats": "Maastricht"}


def test_a_report_about_a_minor_in_the_browser_is_accessible_and_reflows(page: Page, users) -> None:
    axe, found = Axe(), {}
    page.set_viewport_size({"width": REFLOW_WIDTH, "height": 800})
    login(page, "handhaving")
    page.goto("/meldingen/nieuw/ouderbrief")
    expect(page.locator("h1.utrecht-heading-1")).to_contain_text("Melding over een minderjarige")
    assert_no_horizontal_scroll(page, "ouderbrief intake")
    found["intake"] = axe_violations(page, axe)
    page.get_by_role("button", name="Melding versturen").click()
    expect(page.locator("#error-summary")).to_be_visible()
    found["intake met fouten"] = axe_violations(page, axe)

    day = clock.today() - timedelta(days=2)
    form = page.locator("form", has=page.get_by_role("button", name="Melding versturen"))
    field(form, "gegevens.incident_at").fill(f"{day.isoformat()}T21:15")
    field(form, "gegevens.incident_type").select_option("vuurwerk")
    field(form, "gegevens.incident_source").select_option("politie")
    field(form, "bron_soort").select_option("proces_verbaal")
    field(form, "bron_kenmerk").fill("PV-E2E-OB-1")
    field(form, "bron_datum").fill(day.isoformat())
    for name, value in HOME.items():
        field(form, f"adres.{name}").fill(value)
        field(form, f"gegevens.child.adres.{name}").fill(value)
        field(form, f"gegevens.gezaghebbenden.0.adres.{name}").fill(value)
        field(form, f"gegevens.gezaghebbenden.1.adres.{name}").fill(ELSEWHERE[name])
    field(form, "gegevens.incident_place").fill("Bij de speeltuin")
    field(form, "gegevens.child.naam").fill("K. Browserkind")
    field(form, "gegevens.child.geboortedatum").fill(day.replace(year=day.year - 14, day=1).isoformat())
    for i, naam in enumerate(("M. Browsermoeder", "V. Browservader")):
        field(form, f"gegevens.gezaghebbenden.{i}.naam").fill(naam)
        field(form, f"gegevens.gezaghebbenden.{i}.relatie").select_option("ouder")
    page.get_by_role("button", name="Melding versturen").click()
    flash_ok(page, "De melding is ontvangen als zaak")
    kenmerk = re.search(r"ontvangen als zaak (\S+?)\.", page.content()).group(1)
    logout(page)

    login(page, "jurist")
    page.goto("/zaken")
    page.get_by_role("link", name=kenmerk).first.click()
    expect(page.locator("main")).to_contain_text("V. Browservader")
    assert_no_horizontal_scroll(page, "ouderbrief case page")
    found["zaak"] = axe_violations(page, axe)
    report = "\n".join(describe(name, violations) for name, violations in found.items() if violations)
    serious = {name: blocking(violations) for name, violations in found.items() if blocking(violations)}
    assert not serious, report
