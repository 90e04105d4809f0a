"""Single sign-on in the browser: chromium follows the real redirects to the local OpenID Connect provider of
tests/oidc_provider.py and back, and ends logged in on the role's start page; a person without a role is
told so in Dutch. The login page with the provider's button has no serious or critical axe violations."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe
from flask import Flask
from playwright.sync_api import Page, expect

from app import create_app
from app.models import User
from app.services.oidc_accounts import NoRole
from tests.e2e.e2e_support import axe_violations, blocking, describe
from tests.oidc_provider import BUTTON, Provider

pytestmark = pytest.mark.e2e


@pytest.fixture
def provider() -> Iterator[Provider]:
    started = Provider().start()
    yield started
    started.stop()


@pytest.fixture
def live_app(database_url: str, users: dict[str, User], provider: Provider) -> Iterator[Flask]:
    """The e2e conftest's app (CSRF on) with the local provider configured."""
    application = create_app({"database_url": database_url, "testing": True, "strict_templates": True,
                              "csrf_enabled": True, **provider.app_settings()})
    yield application
    application.extensions["db_engine"].dispose()


def test_an_oidc_login_ends_on_the_roles_start_page(page: Page, provider: Provider) -> None:
    provider.person["groups"] = ["bevoegd-kabinet"]
    page.goto("/login")
    violations = blocking(axe_violations(page, Axe()))
    assert not violations, describe("login met identiteitsprovider", violations)
    page.get_by_role("link", name=BUTTON).click()
    expect(page).to_have_url(re.compile(r"/vaststelling$"))  # the kabinet's start page
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert provider.authorize_params[-1]["code_challenge_method"] == "S256"
    page.get_by_role("button", name="Uitloggen").click()
    expect(page.get_by_role("link", name=BUTTON)).to_be_visible()
    page.wait_for_load_state("networkidle")  # no stylesheet in flight when the live server stops


def test_a_person_without_a_role_stays_logged_out_with_a_dutch_message(page: Page, provider: Provider) -> None:
    provider.person["groups"] = ["iets-anders"]
    page.goto("/login")
    page.get_by_role("link", name=BUTTON).click()
    expect(page.get_by_text(NoRole.message).first).to_be_visible()
    expect(page.get_by_role("button", name="Uitloggen")).to_have_count(0)
    page.wait_for_load_state("networkidle")
