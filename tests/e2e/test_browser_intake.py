"""Back after sending a report and sending it again, in a real browser: still one case."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import func, select

from app import clock
from app.models import Zaak
from tests.e2e.e2e_support import field, login

pytestmark = pytest.mark.e2e


def _fill(page: Page, found: date) -> None:
    """Fill the Damocles form as the officer would (again, if Back showed it empty)."""
    form = page.locator("form", has=page.get_by_role("button", name="Melding versturen"))
    field(form, "bron_soort").select_option("bestuurlijke_rapportage")
    field(form, "bron_kenmerk").fill("BR-E2E-BACK-1")
    field(form, "bron_datum").fill(found.isoformat())
    field(form, "pleegdatum").fill(found.isoformat())
    for name, value in {"adres.straat": "Kruisstraat", "adres.huisnummer": "9", "adres.postcode": "6211 AB",
                        "adres.woonplaats": "Maastricht", "gegevens.substances.0.name": "cocaïne",
                        "gegevens.substances.0.quantity": "35.000", "bewoners.0.naam": "B. Terug"}.items():
        field(form, name).fill(value)
    field(form, "gegevens.premises_type").select_option("woning")
    field(form, "gegevens.substances.0.opiumwet_list").select_option("lijst_i")
    field(form, "gegevens.substances.0.unit").select_option("g")


def test_back_after_sending_and_sending_again_makes_no_second_case(page: Page, db) -> None:
    found = clock.today() - timedelta(days=3)
    login(page, "handhaving")
    page.goto("/meldingen/nieuw/damocles")
    _fill(page, found)
    page.get_by_role("button", name="Melding versturen").click()
    expect(page.locator(".utrecht-alert--ok")).to_contain_text("De melding is ontvangen als zaak")

    page.go_back()
    expect(page.get_by_role("button", name="Melding versturen")).to_be_visible()
    if not field(page, "bron_kenmerk").input_value():
        _fill(page, found)  # the browser reloaded the form: the officer types the same report again
    page.get_by_role("button", name="Melding versturen").click()

    expect(page.get_by_text("al ontvangen").or_(page.get_by_text("Deze melding bestaat al")).first).to_be_visible()
    db.rollback()
    zaken = db.scalars(select(Zaak)).all()
    assert db.scalar(select(func.count()).select_from(Zaak)) == 1
    assert zaken[0].melding.gegevens["substances"][0]["quantity"] == 35000
