"""Browser fixtures: the app with CSRF on, served live on 127.0.0.1, and Debian's chromium driven by
Playwright.

The browser is launched once per session (about a second) through executable_path; a missing chromium
fails the run with a clear message rather than skipping it: the browser tests are part of CI
(ecosystem.md §6). No browser is ever downloaded (`playwright install` is not used).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from flask import Flask
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, sync_playwright
from sqlalchemy.orm import Session

from app import create_app
from app.domain.drafting import DraftRequest
from app.models import Beslissing, User
from app.powers import power
from app.services.assessment import latest
from app.services.intake import submit_melding
from app.services.receipts import assessment_of
from tests.e2e.e2e_support import CHROMIUM_ARGS, OUTCOMES, LiveServer
from tests.factories import melding
from tests.flows import judge_one, judge_what_is_missing, submit

DEFAULT_CHROMIUM = "/usr/bin/chromium"
TIMEOUT_MS = 15_000
CLOSURE_STEPS = ("geschiktheid", "noodzakelijkheid", "evenwichtigheid", "duur", "bijzondere_omstandigheden")


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM_PATH", DEFAULT_CHROMIUM)
    if not Path(path).is_file() or not os.access(path, os.X_OK):
        pytest.fail(
            f"Chromium not found at {path!r}. The browser tests drive Debian's chromium package: install "
            "it with `apt-get install -y chromium` (make test does this when run as root) or set "
            "CHROMIUM_PATH to an installed chromium. Never use `playwright install`.",
            pytrace=False,
        )
    return path


@pytest.fixture(scope="session")
def playwright_driver() -> Iterator[Playwright]:
    driver = sync_playwright().start()
    yield driver
    driver.stop()


@pytest.fixture(scope="session")
def browser(playwright_driver: Playwright) -> Iterator[Browser]:
    path = chromium_path()
    try:
        launched = playwright_driver.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
    except Exception as exc:  # noqa: BLE001 - any launch failure is a broken test environment
        pytest.fail(f"Chromium at {path!r} did not start: {exc}", pytrace=False)
    yield launched
    launched.close()


@pytest.fixture
def live_app(database_url: str, users: dict[str, User]) -> Iterator[Flask]:
    """The app as in production: CSRF on. `users` has already stored one user per role in this database."""
    application = create_app({"database_url": database_url, "testing": True,
                              "strict_templates": True, "csrf_enabled": True})
    assert application.config["WTF_CSRF_ENABLED"] is True
    yield application
    application.extensions["db_engine"].dispose()


@pytest.fixture
def live_server(live_app: Flask) -> Iterator[LiveServer]:
    server = LiveServer(live_app).start()
    yield server
    server.stop()


@pytest.fixture
def context(browser: Browser, live_server: LiveServer) -> Iterator[BrowserContext]:
    """A fresh browser profile (no cookies) per test, pointed at the live server; downloads allowed."""
    ctx = browser.new_context(base_url=live_server.url, accept_downloads=True, locale="nl-NL",
                              viewport={"width": 1280, "height": 900})
    ctx.set_default_timeout(TIMEOUT_MS)
    ctx.set_default_navigation_timeout(TIMEOUT_MS)
    yield ctx
    ctx.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()


@pytest.fixture
def voornemen_ter_vaststelling(db: Session, live_app: Flask, users: dict[str, User],
                               today: date) -> Beslissing:
    """A zaak whose voornemen tot sluiting waits for the kabinet, its letters rendered and stored; arranged
    through the services (as tests/integration does) for the tests that only need the pages."""
    rt = live_app.extensions["bevoegd"]
    zaak = submit_melding(db, rt, melding(), users["handhaving"], today)
    assessment = assessment_of(latest(db, zaak))
    for code in CLOSURE_STEPS + tuple(c for c in assessment.judgements_required if c in OUTCOMES):
        judge_one(db, zaak, code, OUTCOMES[code], f"Motivering {code} & <toelichting>.", users["jurist"])
    months = power("damocles").proposal(assessment).get("duur") or 3
    voornemen = judge_what_is_missing(db, rt, zaak, DraftRequest("voornemen_sluiting", today, months),
                                      users["jurist"], today, OUTCOMES)
    return submit(db, rt, voornemen, users["kabinet"], users["jurist"], today)
