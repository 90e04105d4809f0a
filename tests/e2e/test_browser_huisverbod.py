"""The huisverbod in a real browser, as the people who do it, with CSRF on:

the hulpofficier van justitie imposes it at 23:40 on a 320 px phone, by keyboard, and downloads the
beschikking to serve it -> the kabinet checks it afterwards -> the jurist prepares the extension -> the
mayor approves it and downloads the extension letter. Every moment is Dutch wall-clock time to the minute.
"""

from __future__ import annotations

import re
from datetime import datetime, time, timedelta
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from app import clock
from app.domain.deadlines import AMSTERDAM
from app.services.intake import submit_melding
from tests.e2e.e2e_support import (
    axe_violations,
    blocking,
    choice,
    describe,
    docx_text,
    draft,
    field,
    flash_ok,
    login,
    logout,
    open_details,
    record_judgement,
)
from tests.e2e.test_accessibility import REFLOW_WIDTH, assert_no_horizontal_scroll
from tests.factories import huisverbod

pytestmark = pytest.mark.e2e

PERSON = "E. Voorbeeldman"
PARTNER = "F. Voorbeeldvrouw"
MAYOR = "Burgemeester (test)"  # display name of the `burgemeester` user in tests/conftest.py
VERLENGING = "Verlenging van het huisverbod"
SERVE = 'section[aria-labelledby="uitreiken"]'  # "Brieven om uit te reiken" on Mijn meldingen


def test_huisverbod_imposed_at_night_checked_extended_and_served(page: Page, tmp_path: Path) -> None:
    imposed = datetime.combine(clock.today() - timedelta(days=1), time(23, 40), AMSTERDAM)
    page.set_viewport_size({"width": REFLOW_WIDTH, "height": 740})
    login(page, "hovj")
    kenmerk = impose_by_keyboard(page, imposed)
    order = download(page, page.locator(SERVE + " li").filter(has_text=PERSON), tmp_path / "order.docx")
    ends = imposed + timedelta(days=10)
    assert kenmerk in order and PERSON in order and PARTNER in order  # the partner is named in the contact ban
    assert f"{ends.day} " in order and "23.40 uur" in order
    assert "beroep instellen" in order and "bezwaar maken bij de burgemeester is bij een huisverbod niet mogelijk" \
        in order.lower()  # direct beroep to the rechtbank, never bezwaar
    logout(page)

    page.set_viewport_size({"width": 1280, "height": 900})
    check_afterwards(page, kenmerk)
    login(page, "jurist")
    new_end = imposed + timedelta(days=28)
    prepare_extension(page, kenmerk, new_end)
    logout(page)

    letter = approve_extension(page, kenmerk, tmp_path / "verlenging.docx")
    assert kenmerk in letter and PERSON in letter
    assert f"{new_end.day} " in letter and "23.40 uur" in letter  # four weeks after the imposition, to the minute


def impose_by_keyboard(page: Page, imposed: datetime) -> str:
    """As the officer on a phone: choose the power, type the form with the keyboard, submit with Enter."""
    page.get_by_role("link", name="Nieuwe melding").first.click()
    page.get_by_role("link", name=re.compile("^Tijdelijk huisverbod")).click()
    expect(page.locator("h1.utrecht-heading-1")).to_have_text("Huisverbod opleggen")
    assert_no_horizontal_scroll(page, "huisverbod form")
    type_moment(page, "gegevens.imposed_at", imposed)
    press_space(page, "gegevens.oral_first")
    typed = {"bron_kenmerk": "PV-E2E-2311", "adres.straat": "Voorbeeldsingel", "adres.huisnummer": "21",
             "adres.postcode": "6221 ZZ", "adres.woonplaats": "Maastricht", "gegevens.person.naam": PERSON,
             "gegevens.area_description": "De woning, de galerij en het trappenhuis",
             "gegevens.rihg.completed_by": "brigadier Voorbeeld",
             "gegevens.rihg.factors.0.text": "Dreigde de partner met een mes.", "gegevens.household.0.naam": PARTNER,
             "gegevens.household.0.relatie": "partner", "oordelen.gevaar.reasoning": "De RiHG & de dreiging <mes>.",
             "oordelen.horen_mogelijk.reasoning": "Beiden ter plaatse gehoord."}
    for name, value in typed.items():
        type_into(page, name, value)
    type_moment(page, "gegevens.rihg.completed_at", imposed - timedelta(minutes=25))
    field(page, "gegevens.person.geboortedatum").fill("1983-05-17")  # a native date input, as above
    for name, value in {"bron_soort": "proces_verbaal", "gegevens.residence_status": "woont",
                        "gegevens.rihg.outcome": "ernstig_en_onmiddellijk_gevaar",
                        "gegevens.rihg.factors.0.category": "incident",
                        "gegevens.household_informed": "inhoud_en_gevolgen"}.items():
        field(page, name).select_option(value)
    for code, outcome in (("gevaar", "ja"), ("horen_mogelijk", "gehoord")):
        choice(page, f"oordelen.{code}.outcome", outcome).focus()
        page.keyboard.press("Space")
    page.get_by_role("button", name="Huisverbod opleggen").focus()
    page.keyboard.press("Enter")
    flash_ok(page, "Tijdelijk huisverbod is vastgelegd in zaak")
    kenmerk = re.search(r"BEV-\d{4}-\d{6}", page.locator(".utrecht-alert--ok").first.inner_text()).group(0)
    expect(page.locator(SERVE)).to_contain_text(kenmerk)
    assert_no_horizontal_scroll(page, "my meldingen with letters")
    return kenmerk


def type_into(page: Page, name: str, value: str) -> None:
    field(page, name).focus()
    page.keyboard.type(value)


def type_moment(page: Page, name: str, moment: datetime) -> None:
    """A native datetime-local input. Its segments are the browser's own keyboard control, which headless
    chromium does not drive reliably from typed digits; the value is set as that control would set it."""
    field(page, name).focus()
    field(page, name).fill(moment.strftime("%Y-%m-%dT%H:%M"))


def press_space(page: Page, name: str) -> None:
    field(page, name).focus()
    page.keyboard.press("Space")
    expect(field(page, name)).to_be_checked()


def download(page: Page, link_holder, target: Path) -> str:
    with page.expect_download() as info:
        link_holder.get_by_role("link", name=re.compile(r"^Download .+\.docx$")).click()
    info.value.save_as(target)
    return docx_text(target)


def check_afterwards(page: Page, kenmerk: str) -> None:
    login(page, "kabinet")
    page.get_by_role("link", name="Vaststelling", exact=True).click()
    page.get_by_role("link", name=f"{kenmerk}: Tijdelijk huisverbod").click()
    field(page, "opmerking").fill("Mandaat, RiHG en Veilig Thuis in orde.")
    page.get_by_role("button", name="Nacontrole vastleggen").click()
    flash_ok(page, "De nacontrole is vastgelegd.")
    expect(page.get_by_role("table", name="Beslissingen die op nacontrole wachten")).to_contain_text(
        "Er wacht niets op nacontrole.")
    logout(page)


def prepare_extension(page: Page, kenmerk: str, new_end: datetime) -> None:
    page.get_by_role("link", name="Zaken", exact=True).click()
    page.get_by_role("link", name=kenmerk, exact=True).click()
    decisions = page.locator('section[aria-labelledby="beslissingen"]')
    expect(decisions).to_contain_text("Tijdelijk huisverbod — Vastgesteld")
    open_details(page.locator('section[aria-labelledby="feiten"]'))
    facts = page.locator("form", has=page.get_by_role("button", name="Feiten opslaan en opnieuw beoordelen"))
    field(facts, "extension_new_end_at").fill(new_end.strftime("%Y-%m-%dT%H:%M"))
    field(facts, "extension_decided_by").select_option("orgaan")
    field(facts, "extension_decided_at").fill(datetime.now(AMSTERDAM).strftime("%Y-%m-%dT%H:%M"))
    facts.get_by_role("button", name="Feiten opslaan en opnieuw beoordelen").click()
    flash_ok(page, "De feiten zijn bijgewerkt")
    record_judgement(page, "verlenging_gevaar_voortduurt", "ja", "Hij stuurt nog dreigende berichten & <foto's>.")
    record_judgement(page, "horen_verlenging", "gehoord", "Beiden gehoord; zij wil de verlenging.")
    draft(page, "verlenging_huisverbod")
    flash_ok(page, "Het concept is opgesteld.")
    article = page.locator('section[aria-labelledby="beslissingen"] article').filter(
        has=page.get_by_role("heading", name=f"{VERLENGING} — Concept"))
    article.locator('[name="ondertekenaar_id"]').select_option(label=MAYOR)
    article.get_by_role("button", name="Brieven maken en ter vaststelling aanbieden").click()
    flash_ok(page, "De brieven zijn gemaakt en ter vaststelling aangeboden.")


def approve_extension(page: Page, kenmerk: str, target: Path) -> str:
    login(page, "burgemeester")
    page.get_by_role("link", name="Vaststelling", exact=True).click()
    page.get_by_role("link", name=f"{kenmerk}: {VERLENGING}", exact=True).click()
    page.get_by_role("button", name="Vaststellen", exact=True).click()
    flash_ok(page, "De beslissing is vastgesteld.")
    person = page.locator('section[aria-labelledby="brieven"] article').filter(
        has=page.get_by_role("heading", name=re.compile(f"aan {re.escape(PERSON)}$")))
    return download(page, person, target)


def test_the_huisverbod_pages_have_no_serious_axe_violations(page: Page, live_app, db, users) -> None:
    zaak = submit_melding(db, live_app.extensions["bevoegd"], huisverbod(), users["hovj"], clock.today())
    axe, found = Axe(), {}

    def check(name: str, url: str | None = None) -> None:
        if url:
            page.goto(url)
        found[name] = axe_violations(page, axe)

    login(page, "hovj")
    check("kies een melding", "/meldingen/nieuw")
    check("huisverbod opleggen", "/meldingen/nieuw/huisverbod")
    page.get_by_role("button", name="Huisverbod opleggen").click()
    expect(page.locator("#error-summary")).to_be_visible()
    check("huisverbod opleggen met fouten")
    check("mijn meldingen met brieven", "/meldingen")
    logout(page)
    login(page, "jurist")
    check("zaak huisverbod", f"/zaken/{zaak.id}")
    page.set_viewport_size({"width": REFLOW_WIDTH, "height": 800})
    assert_no_horizontal_scroll(page, "huisverbod case page")
    page.set_viewport_size({"width": 1280, "height": 900})
    logout(page)
    login(page, "kabinet")
    check("vaststelling met nacontrole", "/vaststelling")
    page.get_by_role("link", name=re.compile(f"^{zaak.identificatie}: ")).click()
    check("nacontrole")

    report = "\n".join(describe(name, violations) for name, violations in found.items() if violations)
    print(report or "axe: no violations on any huisverbod page")
    assert not {name for name, violations in found.items() if blocking(violations)}, report
