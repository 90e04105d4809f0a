"""The login throttle in the browser: a wrong password five times gives the Dutch wait message, and a beheerder
finds the block on an accessible page and lifts it by keyboard (issue 13)."""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from app.models import User
from tests.e2e.e2e_support import axe_violations, blocking, describe, login


def test_a_beheerder_sees_and_lifts_a_login_block_by_keyboard(page: Page, users: dict[str, User]) -> None:
    page.goto("/login")
    for _ in range(5):
        page.locator("#f-username").fill("burgemeester")
        page.locator("#f-password").fill("niet-het-wachtwoord")
        page.get_by_role("button", name="Inloggen").click()
        expect(page.locator("#error-summary")).to_contain_text("onjuist")
    expect(page.locator("#error-summary")).to_contain_text("Wacht 1 seconde en probeer het dan opnieuw.")

    login(page, "beheerder")  # another user name from the same address: not blocked
    page.goto("/beheer")
    page.get_by_role("link", name="Inlogblokkades").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Inlogblokkades")
    violations = axe_violations(page, Axe())
    assert not blocking(violations), describe("inlogblokkades", violations)
    button = page.get_by_role("button", name="Opheffen: gebruikersnaam 'burgemeester' vanaf 127.0.0.1")
    button.focus()
    page.keyboard.press("Enter")
    expect(page.locator("body")).to_contain_text("is opgeheven")
    expect(page.locator("body")).to_contain_text("Er zijn geen blokkades.")
