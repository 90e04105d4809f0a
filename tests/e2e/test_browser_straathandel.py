"""Street dealing in a real browser, with CSRF on (issue 8, §3):

one police report names a seller and a 16-year-old buyer who lives in Belgium with two parents with authority
(one in Belgium, one in the Netherlands): handhaving reports each, one case per person. The seller already
has a last onder dwangsom from an earlier report (arranged through the services, 90 days ago, so that its
looptijd covers today's observation): his new case refuses a second order and the jurist drafts an
invorderingsbeschikking that names the order and the forfeited amount. The jurist drafts the voornemen for
the buyer, addressed to the minor and to both parents; the kabinet approves both. From the minor's case the
jurist starts the letters to his parents, which the kabinet approves; each parent gets one, without any
legal remedy clause.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from app import clock
from app.domain.procedure import Procedure
from tests.e2e.e2e_support import (
    download,
    draft,
    draft_with_judgements,
    field,
    flash_ok,
    login,
    logout,
    submit_for_review,
)
from tests.integration.test_straathandel_flow import PERSON, _order

pytestmark = pytest.mark.e2e

PV = "PV-E2E-SH-1"
SIGNATORY = "Kabinet (test)"
PLACE = {"straat": "Markt", "huisnummer": "1", "postcode": "6211 CK", "woonplaats": "Maastricht"}
MINOR = "K. Grensjongere"
PARENTS = {"M. Grensmoeder": {"straat": "Rue de l'Essai", "huisnummer": "12", "postcode": "4000",
                              "woonplaats": "Luik", "land": "BE"},
           "P. Grensvader": {"straat": "Verzonnenlaan", "huisnummer": "9", "postcode": "6200 ZZ",
                             "woonplaats": "Maastricht", "land": ""}}


def test_a_seller_breaches_his_order_and_a_minor_buyer_and_his_parents_are_written_to(
        page: Page, db, live_app, users, tmp_path: Path) -> None:
    rt = live_app.extensions["bevoegd"]
    order_zaak, _order_row = _order(db, rt, users)
    seen = clock.today() - timedelta(days=2)
    login(page, "handhaving")
    seller = report(page, seen, "verkoper", PERSON, {})
    buyer = report(page, seen, "koper", {"naam": MINOR, "geboortedatum": sixteen(seen), **PARENTS["M. Grensmoeder"]},
                   PARENTS)
    assert seller != buyer  # one police report, one case per person
    logout(page)

    login(page, "jurist")
    open_case(page, seller)
    orders = page.get_by_role("table", name="Lasten onder dwangsom tegen deze persoon")
    expect(orders).to_contain_text(order_zaak.identificatie)
    draft(page, "last_onder_dwangsom")
    expect(page.locator("#error-summary")).to_contain_text("Een tweede last kan niet.")
    draft_with_judgements(page, "invorderingsbeschikking", answers(rt.procedure("straathandel")))
    submit_for_review(page, "Invorderingsbeschikking", SIGNATORY)
    open_case(page, buyer)
    draft_with_judgements(page, "voornemen_last", answers(rt.procedure("straathandel")))
    submit_for_review(page, "Voornemen tot last onder dwangsom", SIGNATORY)
    logout(page)

    collected = approve(page, seller, "Invorderingsbeschikking", PERSON["naam"], tmp_path / "invordering.docx")
    assert order_zaak.identificatie in collected and "€ 2.500,00" in collected and "€ 7.500,00" in collected
    assert "bezwaar" in collected.lower()  # an invorderingsbeschikking is a besluit with its own remedy
    mother = approve(page, buyer, "Voornemen tot last onder dwangsom", "M. Grensmoeder", tmp_path / "moeder.docx")
    assert MINOR in mother and "LUIK" in mother and "BELGIË" in mother  # the same decision, her own address
    letters = page.locator('section[aria-labelledby="brieven"] article')
    expect(letters).to_have_count(3)  # the minor and each parent with authority
    logout(page)

    login(page, "jurist")
    open_case(page, buyer)
    page.get_by_role("button", name=re.compile(r"^Start: brief aan de ouders")).click()
    expect(page.locator("main")).to_contain_text(f"Deze zaak is een vervolg op zaak {buyer}")
    parents_case = re.search(r"Zaak (BEV-\d{4}-\d{6})", page.locator("h1").inner_text()).group(1)
    draft_with_judgements(page, "ouderbrief", answers(rt.procedure("ouderbrief")))
    submit_for_review(page, "Brief aan de ouders", SIGNATORY)
    logout(page)
    father = approve(page, parents_case, "Brief aan de ouders", "P. Grensvader", tmp_path / "vader.docx")
    assert MINOR in father and "bezwaar" not in father.lower() and "besluit" not in father.lower()
    expect(page.locator('section[aria-labelledby="brieven"] article')).to_have_count(2)


def report(page: Page, seen: date, role: str, person: dict[str, str], parents: dict[str, dict[str, str]]) -> str:
    """As handhaving: one person of the police report through the intake form; returns the new kenmerk."""
    page.goto("/meldingen/nieuw/straathandel")
    form = page.locator("form", has=page.get_by_role("button", name="Melding opslaan"))
    field(form, "bron_soort").select_option("proces_verbaal")
    field(form, "bron_kenmerk").fill(PV)
    for name, value in PLACE.items():
        field(form, f"adres.{name}").fill(value)
    field(form, "gegevens.dealing_role").select_option(role)
    field(form, "gegevens.identity_established").select_option("yes")
    for name, value in person.items():
        fill(form, f"gegevens.waargenomen_persoon.{name}", value)
    observation = "gegevens.observations.0"
    field(form, f"{observation}.observed_at").fill(f"{seen.isoformat()}T21:15")
    field(form, f"{observation}.place_description").fill("Bij de bushalte op de Markt")
    field(form, f"{observation}.location_type").select_option("openbare_plaats")
    field(form, f"{observation}.transfer_observed").check()
    field(form, f"{observation}.substance_class").select_option("lijst_i")
    field(form, f"{observation}.report_on_oath").check()
    field(form, "gegevens.repetition_indicators.0.kind").select_option("aanwezig_op_hotspot")
    for i, (naam, address) in enumerate(parents.items()):
        field(form, f"gegevens.gezaghebbenden.{i}.naam").fill(naam)
        field(form, f"gegevens.gezaghebbenden.{i}.relatie").select_option("ouder")
        for name, value in address.items():
            fill(form, f"gegevens.gezaghebbenden.{i}.{name}", value)
    form.get_by_role("button", name="Melding opslaan").click()
    flash_ok(page, "De melding is ontvangen als zaak")
    return re.search(r"ontvangen als zaak (\S+?)\.", page.content()).group(1)


def fill(form, name: str, value: str) -> None:  # noqa: ANN001 - a Playwright locator
    control = field(form, name)
    if control.evaluate("e => e.tagName") == "SELECT":
        control.select_option("" if value == "NL" else value)  # Nederland is the empty choice
    else:
        control.fill(value)


def sixteen(on: date) -> str:
    return (on - timedelta(days=40)).replace(year=on.year - 16).isoformat()


def open_case(page: Page, kenmerk: str) -> None:
    page.goto("/zaken")
    page.get_by_role("link", name=kenmerk, exact=True).first.click()
    expect(page.locator("h1")).to_contain_text(kenmerk)


def answers(procedure: Procedure) -> dict[str, str]:
    """Per judgement the answer that establishes the ground or blocks nothing (no special circumstances)."""
    found = {}
    for spec in procedure.judgements:
        free = [o.code for o in spec.outcomes if not o.blocks]
        found[spec.code] = spec.bevoegd_bij or ("nee" if spec.code == "bijzondere_omstandigheden" else free[0])
    return found


def approve(page: Page, kenmerk: str, soort_label: str, recipient: str, target: Path) -> str:
    """As kabinet: open the item, approve it and download one recipient's letter; return its text."""
    login(page, "kabinet")
    page.get_by_role("link", name="Vaststelling", exact=True).click()
    page.get_by_role("link", name=f"{kenmerk}: {soort_label}", exact=True).click()
    page.get_by_role("button", name="Vaststellen", exact=True).click()
    flash_ok(page, "De beslissing is vastgesteld.")
    return download(page, recipient, target)
