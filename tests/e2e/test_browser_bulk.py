"""A youth group of 120 in a real browser: the jurist reads in the member list and judges the group, the
drafting job runs in a worker beside the live server while the page shows an accessible progress bar, the
kabinet reads the sample, pulls one letter and approves the rest, the worker makes the PDF/As, the jurist
prints the post room's batch and records the sending, and the figures count the letters to parents."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from app import clock
from app.jobs import get_jobs
from tests.bulk_support import incident, member_csv, member_rows
from tests.e2e.e2e_support import axe_violations, blocking, choice, describe, field, flash_ok, login, logout

pytestmark = pytest.mark.e2e
MEMBERS = 120
WAIT_MS = 120_000  # 120 letters drafted, then 120 PDF/As, on two shared cores


class Worker:
    """The job worker beside the live server: runs what the app queued, once `go` is set."""

    def __init__(self, app) -> None:
        self.jobs, self.go, self.stop = get_jobs(app), threading.Event(), threading.Event()
        self.thread = threading.Thread(target=self._loop, daemon=True)

    def _loop(self) -> None:
        while not self.stop.is_set():
            if self.go.is_set():
                self.jobs.sweep()
                self.jobs.run_queued()
            self.stop.wait(0.3)


@pytest.fixture
def worker(live_app) -> Iterator[Worker]:
    running = Worker(live_app)
    running.thread.start()
    yield running
    running.stop.set()
    running.thread.join(timeout=60)


def _read_in(page: Page, tmp_path) -> None:
    shared = incident(kenmerk="PV-E2E-GROEP")
    page.goto("/reeksen")
    page.get_by_role("link", name="Nieuwe reeks").click()
    form = page.locator("form", has=page.get_by_role("button", name="Reeks inlezen"))
    field(form, "omschrijving").fill(shared["omschrijving"])
    for name in ("bron_kenmerk", "bron_datum"):
        field(form, name).fill(shared[name])
    field(form, "bron_soort").select_option(shared["bron_soort"])
    for name, value in shared["adres"].items():
        field(form, f"adres.{name}").fill(value)
    g = shared["gegevens"]
    field(form, "gegevens.incident_at").fill(g["incident_at"])
    field(form, "gegevens.incident_type").select_option(g["incident_type"])
    field(form, "gegevens.incident_source").select_option(g["incident_source"])
    field(form, "gegevens.incident_place").fill(g["incident_place"])
    members = tmp_path / "groep.csv"
    members.write_bytes(member_csv(member_rows(MEMBERS, flagged=(41,))))
    field(form, "bestand").set_input_files(str(members))
    page.get_by_role("button", name="Reeks inlezen").click()
    flash_ok(page, f"De reeks is ingelezen: {MEMBERS} zaken.")


def _judge_group(page: Page) -> None:
    for code, outcome in (("veiligheidssignaal", "geen_gevaar"), ("brief_passend", "passend"),
                          ("feiten_voldoende", "ja")):
        choice(page, f"{code}.outcome", outcome).check()
        field(page, f"{code}.reasoning").fill(f"Voor de groep: {code} & <toelichting>.")
    page.get_by_role("button", name="Afwegingen vastleggen voor de groep").click()
    flash_ok(page, "De afwegingen zijn vastgelegd: 357 bij 119 kinderen zonder aandachtspunt.")


def _approve_as_kabinet(page: Page, axe: Axe) -> list:
    """The kabinet reads the sample, pulls one letter out with a reason and approves the rest."""
    login(page, "kabinet")
    page.get_by_role("link", name="Vaststelling").click()
    page.get_by_role("link", name=incident()["omschrijving"]).click()
    expect(page.get_by_role("heading", name=f"Steekproef: 6 van {MEMBERS - 1} brieven")).to_be_visible()
    violations = axe_violations(page, axe)
    page.get_by_text("Brieven uit de reeks halen").click()
    page.locator('[name="pulled"]').nth(5).check()
    field(page, "comment").fill("Adres van de ouder klopt niet.")
    page.get_by_role("button", name="Reeks vaststellen").click()
    flash_ok(page, "De reeks is vastgesteld.")
    logout(page)
    return violations


def test_a_youth_group_of_120_from_member_list_to_sending_in_the_browser(page: Page, users, worker, tmp_path):
    axe, found = Axe(), {}
    login(page, "jurist")
    _read_in(page, tmp_path)
    found["reeks ingelezen"] = axe_violations(page, axe)
    _judge_group(page)
    field(page, "ondertekenaar_id").select_option(label="Kabinet (test)")
    page.get_by_role("button", name="Brieven opstellen").click()
    flash_ok(page, "De brieven worden opgesteld.")
    bar = page.locator("progress#voortgang")
    expect(bar).to_be_visible()
    expect(page.locator("#voortgang-tekst")).to_contain_text(f"0 van {MEMBERS} zaken verwerkt")
    found["voortgang"] = axe_violations(page, axe)
    worker.go.set()
    expect(page.get_by_role("heading", name="Zaken in deze reeks")).to_be_visible()
    expect(page.locator("dl")).to_contain_text("Ter vaststelling", timeout=WAIT_MS)  # the page reloaded itself
    logout(page)

    found["steekproef"] = _approve_as_kabinet(page, axe)

    login(page, "jurist")
    page.goto("/reeksen")
    page.get_by_role("link", name=incident()["omschrijving"]).click()
    ready = page.get_by_role("link", name=f"Afdrukset voor de postkamer (PDF, {MEMBERS - 2} brieven)")
    for _ in range(WAIT_MS // 2000):  # the worker makes the PDF/As meanwhile
        if ready.count():
            break
        page.wait_for_timeout(2000)
        page.reload()
    expect(ready).to_be_visible()
    found["vastgesteld"] = axe_violations(page, axe)
    with page.expect_download() as batch:
        ready.click()
    assert batch.value.suggested_filename.endswith(".pdf")
    field(page, "verzonden_op").fill(clock.today().isoformat())
    field(page, "bewijs").fill("Verzendlijst postkamer 2026-12")
    page.get_by_role("button", name="Verzending van de reeks vastleggen").click()
    flash_ok(page, f"De verzending van {MEMBERS - 2} brieven is vastgelegd.")
    page.get_by_role("link", name="Cijfers").click()
    totals = page.locator("table", has=page.locator("caption", has_text="Alle getoonde bevoegdheden samen"))
    letters_row = totals.locator("tr", has=page.locator("th", has_text="Brieven aan ouders"))
    expect(letters_row.locator("td").last).to_have_text(str(MEMBERS - 2))  # the year's count of approved letters
    found["cijfers"] = axe_violations(page, axe)
    problems = {name: blocking(v) for name, v in found.items() if blocking(v)}
    assert not problems, "\n".join(describe(name, v) for name, v in problems.items())
