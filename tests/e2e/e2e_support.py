"""Helpers for the browser tests: the live server, logging in and out as a person would, filling the
forms of the case page by their field names, axe and reading a downloaded .docx."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
import pytest
from flask import Flask
from playwright.sync_api import Locator, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from werkzeug.serving import BaseWSGIServer, make_server

from tests.conftest import PASSWORD

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

# Text with every character a template or an XML writer could get wrong; it must reach the letter verbatim.
HOSTILE = 'Jansen & Zn <B.V.> "x" 100<100'

# The outcome a jurist records for each judgement in the closure path (codes from rules/damocles/index.yaml).
OUTCOMES = {
    "eigen_gebruik_aannemelijk": "niet_aannemelijk", "verkoop_aannemelijk": "ja", "objects_qualify": "ja",
    "ernstig_geval_eerste_overtreding": "ernstig", "geschiktheid": "voldaan", "noodzakelijkheid": "voldaan",
    "evenwichtigheid": "voldaan", "duur": "passend", "tijdsverloop": "geen_invloed",
    "bijzondere_omstandigheden": "nee", "begunstigingstermijn": "passend",
    "onderzoek_omstandigheden": "niet_vast_te_stellen", "belangen_rechthebbende": "niet_onevenredig",
    "lachgas_vrijstelling": "niet_vrijgesteld",
}
COMPETENCE_STEP = "bevoegdheid"
BEWONER = "P. de Vries-Bewoner"
RECHTHEBBENDE = "Woonstichting Maasdal"
# Serious and critical axe violations fail the build (ecosystem.md §4); minor and moderate are reported.
BLOCKING_IMPACTS = ("serious", "critical")
WAIT_MS = 10_000


# ----------------------------------------------------------------------------------------------- server

class LiveServer:
    """The app served by werkzeug on 127.0.0.1 and a free port, in a background thread."""

    def __init__(self, app: Flask) -> None:
        self.app = app
        self._server: BaseWSGIServer = make_server("127.0.0.1", 0, app, threaded=True)
        self.url = f"http://127.0.0.1:{self._server.server_port}"
        self._thread = threading.Thread(target=self._server.serve_forever, name="e2e-live-server",
                                        daemon=True)

    def start(self) -> LiveServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=10)


# ----------------------------------------------------------------------------------------------- people

def login(page: Page, username: str, password: str = PASSWORD) -> None:
    """Log in through the login form, as a person would."""
    if not page.url.endswith("/login"):
        page.goto("/login")
    page.locator("#f-username").fill(username)
    page.locator("#f-password").fill(password)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()


def logout(page: Page) -> None:
    page.get_by_role("button", name="Uitloggen").click()
    expect(page).to_have_url(re.compile(r"/login$"))
    expect(page.get_by_text("U bent uitgelogd.")).to_be_visible()


def field(page: Page | Locator, name: str) -> Locator:
    """A form control by its name (names hold dots, so no #id selectors)."""
    return page.locator(f'[name="{name}"]')


def choice(page: Page | Locator, name: str, value: str) -> Locator:
    """One radio button or checkbox of a group."""
    return page.locator(f'[name="{name}"][value="{value}"]')


def flash_ok(page: Page, text: str) -> None:
    """Wait for the confirmation after a form was sent; fail with what the page said instead."""
    confirmation = page.locator(".utrecht-alert--ok").filter(has_text=text)
    summary = page.locator("#error-summary")
    try:
        confirmation.or_(summary).first.wait_for(timeout=WAIT_MS)
    except PlaywrightTimeoutError:
        said = page.locator("main").inner_text()[:300] if page.locator("main").count() else ""
        pytest.fail(f"expected {text!r} after sending the form; got {page.title()!r} at {page.url}: {said!r}",
                    pytrace=False)
    if summary.count():
        links = summary.locator("a").evaluate_all("as => as.map(a => a.getAttribute('href'))")
        pytest.fail(f"expected {text!r}, but the form was refused at {page.url}: {summary.inner_text()!r} "
                    f"(fields: {', '.join(links)})", pytrace=False)


# ----------------------------------------------------------------------------------------------- case page

@dataclass(frozen=True)
class JudgementOnPage:
    code: str
    step: str
    asked_by_rules: bool


def judgements_on_page(page: Page) -> list[JudgementOnPage]:
    """Every judgement section of the case page: its code, its step and whether the rules ask for it here."""
    found = []
    for article in page.locator('article[aria-labelledby^="j-"]').all():
        code = (article.get_attribute("aria-labelledby") or "")[2:]
        meta = article.locator("p.utrecht-paragraph--small").first.inner_text()
        step = re.search(r"Stap:\s*(\w+)", meta)
        asked = "de regels vragen om deze afweging" in meta
        found.append(JudgementOnPage(code, step.group(1).lower() if step else "", asked))
    return found


def record_judgement(page: Page, code: str, outcome: str, reasoning: str) -> None:
    """Fill one judgement ("<code>.outcome", "<code>.reasoning") and submit the form of its step; the saved
    answer is shown in the form afterwards."""
    article = page.locator(f'article[aria-labelledby="j-{code}"]')
    open_details(page.locator("details.gemeente-stap", has=article))
    choice(article, f"{code}.outcome", outcome).check()
    field(article, f"{code}.reasoning").fill(reasoning)
    step_form = page.locator("form", has=article)
    step_form.get_by_role("button", name="Afwegingen van deze stap vastleggen").click()
    flash_ok(page, "De afwegingen van deze stap zijn vastgelegd.")
    saved = page.locator(f'article[aria-labelledby="j-{code}"]')
    expect(field(saved, f"{code}.reasoning")).to_have_value(reasoning)
    expect(saved).to_contain_text("Vastgelegd door")


def open_details(page: Page | Locator) -> None:
    """Unfold every folded part (<details>) of the page or of one section, as a person would: by its summary."""
    if isinstance(page, Locator) and page.evaluate("e => e.tagName === 'DETAILS' && !e.open"):
        page.locator("summary").first.click()
    folded = page.locator("details:not([open]) > summary").filter(visible=True)
    while folded.count():  # re-read after each click: an unfolded part may hold folded parts of its own
        folded.first.click()


def draft(page: Page, soort: str, verzenddatum: str | None = None) -> None:
    """Submit the "Beslissing opstellen" form with the proposed duration and today's date (or the one given)."""
    section = page.locator('section[aria-labelledby="concept"]')
    choice(section, "soort", soort).check()
    if verzenddatum:
        field(section, "verzenddatum").fill(verzenddatum)
    section.get_by_role("button", name="Concept opstellen").click()


def missing_judgements(page: Page) -> list[str]:
    """The judgement codes that the error summary links to (href="#f-<code>.outcome")."""
    hrefs = page.locator("#error-summary a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    return [m.group(1) for h in hrefs if (m := re.fullmatch(r"#f-(\w+)\.outcome", h or ""))]


def draft_with_judgements(page: Page, soort: str, chosen: dict[str, str]) -> None:
    """Draft; record each judgement the refusal names until the concept is made. Saving one judgement of a step
    also confirms the earlier answers shown for the step's reopened ones, so those are not recorded twice."""
    for _ in range(8):
        draft(page, soort)
        if not page.locator("#error-summary").count():
            break
        missing = missing_judgements(page)
        assert missing, page.locator("#error-summary").inner_text()
        for code in missing:
            if not page.locator(f'article[aria-labelledby="j-{code}"] .gemeente-vastgelegd').count():
                record_judgement(page, code, chosen[code], f"Gewogen in de browser: {code} & <toelichting>.")
    flash_ok(page, "Het concept is opgesteld.")


def download(page: Page, recipient: str, target: Path) -> str:
    """On the approved item's page: one more recipient's letter."""
    letter = page.locator('section[aria-labelledby="brieven"] article').filter(
        has=page.get_by_role("heading", name=re.compile(f"aan {re.escape(recipient)}$")))
    with page.expect_download() as info:
        letter.get_by_role("link", name=re.compile(r"^Download .+\.docx$")).click()
    info.value.save_as(target)
    return docx_text(target)


def submit_for_review(page: Page, soort_label: str, signatory: str) -> None:
    """Choose the signatory in the concept's article and offer the letters for approval."""
    article = page.locator('section[aria-labelledby="beslissingen"] article').filter(
        has=page.get_by_role("heading", name=f"{soort_label} — Concept"))
    article.locator('[name="ondertekenaar_id"]').select_option(label=signatory)
    article.get_by_role("button", name="Brieven maken en ter vaststelling aanbieden").click()
    flash_ok(page, "De brieven zijn gemaakt en ter vaststelling aangeboden.")


# ----------------------------------------------------------------------------------------------- axe

def axe_violations(page: Page, axe: Any, within: str | None = None) -> list[dict[str, Any]]:
    """All axe violations (every impact) on the current page, or within the elements a CSS selector names."""
    return list(axe.run(page, context=within).response["violations"])


def blocking(violations: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    return [v for v in violations if v.get("impact") in BLOCKING_IMPACTS]


def describe(page_name: str, violations: Iterable[dict[str, Any]]) -> str:
    """A readable list of violations with the selectors and HTML of the offending nodes."""
    lines = []
    for v in violations:
        lines.append(f"[{page_name}] {v['id']} ({v.get('impact')}): {v.get('help')} — {v.get('helpUrl', '')}")
        for node in v.get("nodes", [])[:8]:
            target = ", ".join(str(t) for t in node.get("target", []))
            lines.append(f"    at {target}: {node.get('html', '')[:200]}")
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            if summary:
                lines.append(f"       {summary[:300]}")
    return "\n".join(lines)


# ----------------------------------------------------------------------------------------------- letters

def docx_text(path: Path) -> str:
    """All text of a .docx: body paragraphs, tables (nested too), headers and footers."""
    document = docx.Document(str(path))
    parts: list[str] = []

    def tables(items: Iterable[Any]) -> None:
        for table in items:
            for row in table.rows:
                for cell in row.cells:
                    parts.extend(p.text for p in cell.paragraphs)
                    tables(cell.tables)

    parts.extend(p.text for p in document.paragraphs)
    tables(document.tables)
    for section in document.sections:
        for part in (section.header, section.footer, section.first_page_header, section.first_page_footer):
            parts.extend(p.text for p in part.paragraphs)
            tables(part.tables)
    return "\n".join(parts)
