"""Housing nuisance in a real browser, with CSRF on (issue 9):

handhaving reports incidents at one dwelling over weeks: the first report starts the zaak, the next ones join
it, and the case page shows the chronology as a timeline with its text alternative. The jurist has a warning
approved, records it with the instructions in the facts form, and a voornemen, a zienswijze and the
gedragsaanwijzing to the user follow (the landlord gets a copy without the incidents or amounts). A presence ban
of ten days to the minute is imposed and extended once. At another dwelling, whose user already has an order
(arranged through the services three months ago), a breach of instruction A1 is reported: a zaak of its own,
where the jurist drafts the invorderingsbeschikking that names the order and the forfeited sum.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect

from app.domain.deadlines import AMSTERDAM
from tests.e2e.e2e_support import (
    choice,
    download,
    draft_with_judgements,
    flash_ok,
    login,
    logout,
    open_details,
)
from tests.e2e.test_browser_flow import record_zienswijze
from tests.e2e.test_browser_straathandel import answers, approve, open_case, submit_for_review
from tests.integration.test_woonoverlast_flow import DWELLING, START, USER, _order, _reports_over_weeks

pytestmark = pytest.mark.e2e

SIGNATORY = "Kabinet (test)"
FLAT = {"straat": "Fictieflaan", "huisnummer": "12", "postcode": "6211 ZZ", "woonplaats": "Maastricht"}
RESIDENT = {"naam": "R. Nachtbraker", "geboortedatum": "1988-03-03"}
MUSIC = "Speel tussen 23.00 en 07.00 uur geen versterkte muziek in de woning."
VISITORS = "Ontvang geen bezoekers die in het portiek of op de galerij blijven hangen."
VOORNEMEN = "Voornemen tot gedragsaanwijzing onder last onder dwangsom"
ORDER = "Gedragsaanwijzing onder last onder dwangsom"
BAN = "Aanwezigheidsverbod van tien dagen"
EXTENSION = "Verlenging van het aanwezigheidsverbod"
LANDLORD = {"naam": "Woonstichting Verzonnen", "straat": "Postbus", "huisnummer": "77", "postcode": "6200 ZZ",
            "woonplaats": "Maastricht"}


def test_reports_over_weeks_a_warning_an_order_a_ban_extended_once_and_a_breach_collected(
        page: Page, db, live_app, users, tmp_path: Path) -> None:
    rt = live_app.extensions["bevoegd"]
    chosen = answers(rt.procedure("woonoverlast"))
    now = datetime.now(AMSTERDAM).replace(second=0, microsecond=0)
    kenmerk = reports_over_weeks(page, now)
    warn(page, kenmerk, chosen, tmp_path)
    order(page, kenmerk, chosen, now, tmp_path)
    ban_extended_once(page, kenmerk, chosen, now - timedelta(hours=1), tmp_path)
    breach_collected(page, db, rt, users, chosen, now, tmp_path)


def reports_over_weeks(page: Page, now: datetime) -> str:
    login(page, "handhaving")
    kenmerk = report(page, "MD-E2E-1", now - timedelta(days=29), "geluid", "De melding is ontvangen als zaak")
    for n, days in ((2, 19), (3, 9)):
        joined = report(page, f"MD-E2E-{n}", now - timedelta(days=days), "intimidatie", "is toegevoegd aan zaak")
        assert joined == kenmerk
    logout(page)
    return kenmerk


def warn(page: Page, kenmerk: str, chosen: dict[str, str], tmp_path: Path) -> None:
    login(page, "jurist")
    open_case(page, kenmerk)
    expect(page.get_by_role("img", name=re.compile("Chronologie", re.I))).to_be_visible()
    expect(page.locator("main")).to_contain_text("MD-E2E-3")  # the text alternative lists every incident
    draft_with_judgements(page, "waarschuwing", chosen)
    submit_for_review(page, "Waarschuwing", SIGNATORY)
    logout(page)
    warning = approve(page, kenmerk, "Waarschuwing", RESIDENT["naam"], tmp_path / "waarschuwing.docx")
    assert "geen besluit" in warning and "binnen zes weken" not in warning  # no remedy clause: no besluit
    logout(page)


def order(page: Page, kenmerk: str, chosen: dict[str, str], now: datetime, tmp_path: Path) -> None:
    login(page, "jurist")
    open_case(page, kenmerk)
    edit_facts(page, {"softer_means.1.kind": "waarschuwing", "softer_means.1.date": now.date().isoformat(),
                      "softer_means.1.outcome": "mislukt", "softer_means.1.reason": "De overlast ging door.",
                      "instructions.0.code": "A1", "instructions.0.text": MUSIC, "instructions.1.code": "A2",
                      "instructions.1.text": VISITORS})
    draft_with_judgements(page, "voornemen_last", chosen)
    submit_for_review(page, VOORNEMEN, SIGNATORY)
    logout(page)
    approve(page, kenmerk, VOORNEMEN, RESIDENT["naam"], tmp_path / "voornemen.docx")
    logout(page)
    login(page, "jurist")
    open_case(page, kenmerk)
    record_zienswijze(page, RESIDENT["naam"], "mondeling", "Hij zegt dat het feest eenmalig was.",
                      "Het politierapport en de meldingen noemen drie avonden, dus niet eenmalig.")
    draft_with_judgements(page, "last_onder_dwangsom", chosen)
    submit_for_review(page, ORDER, SIGNATORY)
    logout(page)
    letter = approve(page, kenmerk, ORDER, RESIDENT["naam"], tmp_path / "last.docx")
    assert "A1" in letter and "€" in letter and "bezwaar" in letter.lower() and "eenmalig" in letter
    copy = download(page, LANDLORD["naam"], tmp_path / "kopie.docx")
    assert "€" not in copy and "gebonk" not in copy and "eenmalig" not in copy  # only what the landlord needs
    logout(page)


def ban_extended_once(page: Page, kenmerk: str, chosen: dict[str, str], start: datetime, tmp_path: Path) -> None:
    login(page, "jurist")
    open_case(page, kenmerk)
    edit_facts(page, {"ban_start_at": f"{start:%Y-%m-%dT%H:%M}", "ban_area": "De woning, de tuin en het portiek."})
    draft_with_judgements(page, "aanwezigheidsverbod", chosen)
    submit_for_review(page, BAN, SIGNATORY)
    logout(page)
    ban = approve(page, kenmerk, BAN, RESIDENT["naam"], tmp_path / "verbod.docx")
    end = start + timedelta(days=10)
    assert f"{end:%H.%M}" in ban and "drie dagen" in ban  # to the minute; interim relief heard within 3 days
    assert "eenmalig" not in ban  # the zienswijze on the order's voornemen is answered in the order, not here
    logout(page)
    login(page, "jurist")
    open_case(page, kenmerk)
    new_end = start + timedelta(days=24)
    edit_facts(page, {"ban_extension_end_at": f"{new_end:%Y-%m-%dT%H:%M}"})
    draft_with_judgements(page, "verlenging_aanwezigheidsverbod", chosen)
    submit_for_review(page, EXTENSION, SIGNATORY)
    logout(page)
    extended = approve(page, kenmerk, EXTENSION, RESIDENT["naam"], tmp_path / "verlenging.docx")
    assert f"{new_end:%H.%M}" in extended
    logout(page)


def breach_collected(page: Page, db, rt, users, chosen: dict[str, str], now: datetime,  # noqa: ANN001, PLR0913
                     tmp_path: Path) -> None:
    earlier = _reports_over_weeks(db, rt, users)
    assert _order(db, rt, users, earlier, START + timedelta(days=30)).status == "verzonden"
    login(page, "handhaving")
    breach = report(page, "MD-E2E-9", now - timedelta(days=1), "geluid", "De melding is ontvangen als zaak",
                    address=DWELLING, person=USER, instruction="A1")
    assert breach != earlier.identificatie  # after a besluit a report starts a zaak of its own
    logout(page)
    login(page, "jurist")
    open_case(page, breach)
    draft_with_judgements(page, "invorderingsbeschikking", chosen)
    submit_for_review(page, "Invorderingsbeschikking", SIGNATORY)
    logout(page)
    collected = approve(page, breach, "Invorderingsbeschikking", USER["naam"], tmp_path / "invordering.docx")
    assert earlier.identificatie in collected and "A1" in collected and "€" in collected


def report(page: Page, kenmerk: str, at: datetime, kind: str, flash: str, *, address: dict | None = None,  # noqa: PLR0913
           person: dict | None = None, instruction: str = "") -> str:
    """As handhaving: one police report of one incident at the dwelling; returns the zaak's kenmerk."""
    page.goto("/meldingen/nieuw/woonoverlast")
    form = page.locator("form", has=page.get_by_role("button", name="Melding opslaan"))
    put(form, "bron_soort", "bestuurlijke_rapportage")
    put(form, "bron_kenmerk", kenmerk)
    for name, value in (address or FLAT).items():
        put(form, f"adres.{name}", value)
    put(form, "gegevens.addressee_role", "gebruiker")
    for name, value in (person or RESIDENT).items():
        put(form, f"gegevens.gebruiker.{name}", value)
    for name, value in LANDLORD.items():
        put(form, f"gegevens.verhuurder.{name}", value)
    put(form, "gegevens.affected_omwonenden", "3")
    put(form, "gegevens.minors_in_household", "no")
    incident = "gegevens.incidents.0"
    put(form, f"{incident}.at", f"{at:%Y-%m-%dT%H:%M}")
    put(form, f"{incident}.kind", kind)
    put(form, f"{incident}.origin", "in_woning")
    put(form, f"{incident}.source", "politie")
    put(form, f"{incident}.source_kenmerk", kenmerk)
    put(form, f"{incident}.reporter", "politie")
    put(form, f"{incident}.established", "true")
    put(form, f"{incident}.description", "Harde muziek & <gebonk> tot na middernacht.")
    if instruction:
        put(form, f"{incident}.instruction", instruction)
    means = "gegevens.softer_means.0"
    put(form, f"{means}.kind", "verhuurder_maatregel")
    put(form, f"{means}.outcome", "mislukt")
    put(form, f"{means}.reason", "De corporatie sprak de huurder aan; geen verbetering.")
    form.get_by_role("button", name="Melding opslaan").click()
    flash_ok(page, flash)
    return re.search(r"zaak (BEV-\d{4}-\d{6})", page.locator(".utrecht-alert--ok").first.inner_text()).group(1)


def edit_facts(page: Page, values: dict[str, str]) -> None:
    """As jurist: correct or complete the case file in the facts form (rows of a list by their dotted names)."""
    open_details(page.locator("details", has=page.locator("summary", has_text="feiten aanvullen of corrigeren")))
    form = page.locator("form", has=page.get_by_role("button", name="Feiten opslaan en opnieuw beoordelen"))
    for name, value in values.items():
        put(form, name, value)
    form.get_by_role("button", name="Feiten opslaan en opnieuw beoordelen").click()
    flash_ok(page, "De feiten zijn bijgewerkt en opnieuw beoordeeld.")


def put(form: Locator, name: str, value: str) -> None:
    """Fill one control of a form by its name, whatever its kind (text, select, radio group)."""
    controls = form.locator(f'[name="{name}"]')
    kind = controls.first.get_attribute("type")
    if kind == "radio":
        choice(form, name, value).check()
    elif kind == "checkbox":
        controls.first.set_checked(value == "true")
    elif controls.first.evaluate("e => e.tagName") == "SELECT":
        controls.first.select_option(value)
    else:
        controls.first.fill(value)
