"""The whole damocles path in a real browser, as the people who do it, with CSRF on:

handhaving reports -> jurist reads the advice, records judgements, drafts the voornemen -> kabinet approves
and downloads -> jurist records the zienswijze, drafts the sluiting -> kabinet approves -> the letter holds
the rechtsmiddelenclausule. Hostile text typed into a judgement reaches the .docx verbatim.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from app import clock
from app.models import Beslissing
from tests.e2e.e2e_support import (
    BEWONER,
    COMPETENCE_STEP,
    HOSTILE,
    OUTCOMES,
    RECHTHEBBENDE,
    choice,
    docx_text,
    draft,
    field,
    flash_ok,
    judgements_on_page,
    login,
    logout,
    missing_judgements,
    open_details,
    record_judgement,
    submit_for_review,
)

pytestmark = pytest.mark.e2e

SIGNATORY = "Kabinet (test)"  # display name of the `kabinet` user in tests/conftest.py
VOORNEMEN = "Voornemen tot sluiting"
SLUITING = "Sluiting (last onder bestuursdwang)"
PROPORTIONALITY = {"geschiktheid", "noodzakelijkheid", "evenwichtigheid", "duur"}
HOSTILE_STEP = "evenwichtigheid"
ZIENSWIJZE = "De bewoner ontkent dat er werd gedeald."
ZIENSWIJZE_EIGENAAR = "De corporatie vraagt de huur pas na het besluit te mogen ontbinden."
REACTIE_EIGENAAR = "Het risico op ontbinding van de huur is meegewogen in de evenwichtigheid."


def test_melding_to_approved_closure_letters_in_the_browser(page: Page, tmp_path: Path) -> None:
    found = clock.today() - timedelta(days=7)

    login(page, "handhaving")
    kenmerk = report_melding(page, found)
    logout(page)

    login(page, "jurist")
    prepare_voornemen(page, kenmerk, found)
    logout(page)

    letter = approve_and_download(page, kenmerk, VOORNEMEN, tmp_path / "voornemen.docx")
    assert kenmerk in letter
    assert BEWONER in letter
    assert HOSTILE in letter, "the hostile reasoning did not reach the letter verbatim"
    logout(page)

    login(page, "jurist")
    prepare_sluiting(page, kenmerk)
    logout(page)

    letter = approve_and_download(page, kenmerk, SLUITING, tmp_path / "sluiting.docx")
    assert kenmerk in letter and BEWONER in letter
    assert "bezwaar" in letter, "the besluit lacks the rechtsmiddelenclausule"
    assert ZIENSWIJZE in letter  # the besluit answers both zienswijzen, the resident's as "uw zienswijze"
    assert "uw zienswijze. In het kort:" in letter
    assert ZIENSWIJZE_EIGENAAR in letter and REACTIE_EIGENAAR in letter
    assert "artikel 13b, eerste lid, aanhef en onder a, van de Opiumwet" in letter
    assert HOSTILE in letter


def test_kabinet_returns_a_voornemen_with_a_comment_and_csrf_guards_the_form(
        page: Page, voornemen_ter_vaststelling: Beslissing) -> None:
    beslissing = voornemen_ter_vaststelling
    login(page, "kabinet")
    page.goto(f"/vaststelling/{beslissing.id}")

    # The same POST without the form's CSRF token is refused and changes nothing.
    forged = page.request.post(f"/vaststelling/{beslissing.id}/terugsturen",
                               form={"version": str(beslissing.version_id), "opmerking": "Vervalst."})
    assert forged.status == 400 and "Formulier verlopen" in forged.text(), forged.status

    page.reload()
    field(page, "opmerking").fill(f"Graag de aanhef aanpassen: {HOSTILE}")
    page.get_by_role("button", name="Terugsturen").click()
    flash_ok(page, "De beslissing is teruggestuurd naar de jurist.")
    waiting = page.get_by_role("table", name="Beslissingen die op vaststelling wachten")
    expect(waiting).to_contain_text("Er wacht niets op vaststelling.")
    logout(page)

    login(page, "jurist")
    page.goto(f"/zaken/{beslissing.zaak_id}")
    returned = page.locator('section[aria-labelledby="beslissingen"] article').filter(
        has=page.get_by_role("heading", name=f"{VOORNEMEN} — Concept"))
    expect(returned).to_contain_text(f"Graag de aanhef aanpassen: {HOSTILE}")
    expect(returned).to_contain_text(SIGNATORY)


# ------------------------------------------------------------------------------------------- the steps

def report_melding(page: Page, found: date) -> str:
    """As handhaving: fill "Nieuwe melding" like an officer and see it in "Mijn meldingen"; return the
    kenmerk."""
    page.get_by_role("link", name="Nieuwe melding").first.click()
    if page.locator("h1.utrecht-heading-1").inner_text().strip() == "Nieuwe melding":  # more than one power
        page.get_by_role("link", name="Sluiting woning of lokaal, art. 13b Opiumwet").click()
    expect(page.locator("h1.utrecht-heading-1")).to_have_text("Nieuwe melding: drugs in een pand")
    form = page.locator("form", has=page.get_by_role("button", name="Melding versturen"))
    field(form, "bron_soort").select_option("bestuurlijke_rapportage")
    field(form, "bron_kenmerk").fill("BR-E2E-0001")
    field(form, "bron_datum").fill((found + timedelta(days=1)).isoformat())
    field(form, "pleegdatum").fill(found.isoformat())
    for name, value in {"adres.straat": "Kruisstraat", "adres.huisnummer": "7", "adres.postcode": "6211 AB",
                        "adres.woonplaats": "Maastricht"}.items():
        field(form, name).fill(value)
    field(form, "gegevens.premises_type").select_option("woning")
    for i, (name, quantity) in enumerate((("MDMA", "2,3"), ("cocaïne", "0,55"))):
        field(form, f"gegevens.substances.{i}.name").fill(name)
        field(form, f"gegevens.substances.{i}.opiumwet_list").select_option("lijst_i")
        field(form, f"gegevens.substances.{i}.quantity").fill(quantity)
        field(form, f"gegevens.substances.{i}.unit").select_option("g")
    choice(form, "gegevens.attributes_found", "weegschaal").check()
    field(form, "bewoners.0.naam").fill(BEWONER)
    field(form, "bewoners.0.roltype").select_option("bewoner")
    for name, value in {"rechthebbende.naam": RECHTHEBBENDE, "rechthebbende.straat": "Postbus",
                        "rechthebbende.huisnummer": "123", "rechthebbende.postcode": "6200 AB",
                        "rechthebbende.woonplaats": "Maastricht"}.items():
        field(form, name).fill(value)
    field(form, "rechthebbende.soort").select_option("woningcorporatie")
    field(form, "toelichting").fill("Doorzoeking na een bevestigde MMA-melding.")
    form.get_by_role("button", name="Melding versturen").click()

    flash_ok(page, "De melding is ontvangen als zaak")
    confirmation = page.locator(".utrecht-alert--ok").filter(has_text="De melding is ontvangen als zaak")
    match = re.search(r"zaak (BEV-\d{4}-\d{6})", confirmation.inner_text())
    assert match, confirmation.inner_text()
    kenmerk = match.group(1)
    expect(page).to_have_url(re.compile(r"/meldingen$"))
    expect(page.locator("h1.utrecht-heading-1")).to_have_text("Mijn meldingen")
    expect(page.locator("table").filter(has_text=kenmerk)).to_contain_text("Drugsaantreffen Kruisstraat 7")
    return kenmerk


def prepare_voornemen(page: Page, kenmerk: str, found: date) -> None:
    """As jurist: read the advice, record the judgements the page asks for, draft and offer the voornemen."""
    page.get_by_role("link", name="Zaken", exact=True).click()
    page.get_by_role("link", name=kenmerk, exact=True).click()
    expect(page.locator("h1.utrecht-heading-1")).to_have_text(f"Zaak {kenmerk}")
    advice = page.locator('section[aria-labelledby="advies"]')
    expect(advice).to_contain_text("Opiumwet")
    open_details(advice)  # the findings are folded by default
    statutes = advice.get_by_role("link", name=f"wettekst (geldend op {found.strftime('%d-%m-%Y')})")
    expect(statutes.first).to_be_visible()
    hrefs = statutes.evaluate_all("links => links.map(a => a.href)")
    assert all(re.match(r"https://wetten\.overheid\.nl/jci1\.3:c:BWBR\d+&artikel=", h) for h in hrefs), hrefs

    on_page = judgements_on_page(page)
    competence = [j.code for j in on_page if j.step == COMPETENCE_STEP and j.asked_by_rules]
    assert "eigen_gebruik_aannemelijk" in competence, on_page  # the presumption of dealing is rebuttable
    for code in competence:
        record_judgement(page, code, OUTCOMES[code], f"Bevoegdheid, {code}: vastgesteld door de jurist.")

    # A closure is refused before the proportionality judgements are recorded; the summary says which.
    draft(page, "voornemen_sluiting")
    summary = page.locator("#error-summary")
    expect(summary).to_contain_text("? Deze afweging is nog niet vastgelegd.")
    expect(page).to_have_title(re.compile(r"^Fout: "))
    missing = missing_judgements(page)
    assert PROPORTIONALITY | {"bijzondere_omstandigheden"} <= set(missing), missing
    expect(page.locator('section[aria-labelledby="beslissingen"]')).to_contain_text(
        "Er zijn nog geen beslissingen opgesteld.")

    for code in missing:
        reasoning = HOSTILE if code == HOSTILE_STEP else f"Afweging {code}: gemotiveerd in deze zaak."
        record_judgement(page, code, OUTCOMES[code], reasoning)
    # What is closed is the jurist's choice, not the place of the find (a yard find must not close only the yard).
    draft(page, "voornemen_sluiting")
    expect(page.locator("#error-summary")).to_contain_text(re.compile("vul dit eerst in bij de feiten", re.IGNORECASE))
    open_details(page.locator('section[aria-labelledby="feiten"]'))  # the form is open after this error
    facts = page.locator("form", has=page.get_by_role("button", name="Feiten opslaan en opnieuw beoordelen"))
    field(facts, "sluitobject").select_option("woning_en_erf")
    field(facts, "sluiting_aanvang").fill("10.00")
    facts.get_by_role("button", name="Feiten opslaan en opnieuw beoordelen").click()
    flash_ok(page, "De feiten zijn bijgewerkt")
    draft(page, "voornemen_sluiting")
    flash_ok(page, "Het concept is opgesteld.")
    submit_for_review(page, VOORNEMEN, SIGNATORY)


def prepare_sluiting(page: Page, kenmerk: str) -> None:
    """As jurist, after the approved voornemen: zienswijze, begunstigingstermijn, draft and offer the
    sluiting."""
    page.get_by_role("link", name="Zaken", exact=True).click()  # the jurist lands on "Mijn zaken": not assigned
    page.get_by_role("link", name=kenmerk, exact=True).click()
    decisions = page.locator('section[aria-labelledby="beslissingen"]')
    expect(decisions).to_contain_text(f"{VOORNEMEN} — Vastgesteld")
    record_zienswijze(page, BEWONER, "schriftelijk", ZIENSWIJZE, "De weegschaal en de hoeveelheid wijzen op handel.")
    record_zienswijze(page, RECHTHEBBENDE, "mondeling", ZIENSWIJZE_EIGENAAR, REACTIE_EIGENAAR)
    table = page.locator('section[aria-labelledby="zienswijze"] table')
    expect(table).to_contain_text(BEWONER)
    expect(table).to_contain_text(RECHTHEBBENDE)
    # Each zienswijze reopened the judgements it touches: the page asks for them again before the besluit
    # (competence first, then proportionality). The besluit may only be sent after the zienswijze term.
    reopened: list[str] = []
    for _ in range(3):
        draft(page, "sluiting", (clock.today() + timedelta(days=30)).isoformat())
        if not page.locator("#error-summary").count():
            break
        expect(page.locator("#error-summary")).to_contain_text("? Deze afweging is nog niet vastgelegd.")
        missing = missing_judgements(page)
        reopened += missing
        for code in missing:
            if page.locator(f'article[aria-labelledby="j-{code}"]').get_by_text("Vastgelegd door").count():
                continue  # saved with its step: a reopened judgement shows its earlier outcome and reasons
            reasoning = HOSTILE if code == HOSTILE_STEP else f"Na de zienswijzen opnieuw gewogen: {code}."
            record_judgement(page, code, OUTCOMES[code], reasoning)
    assert {"eigen_gebruik_aannemelijk", "geschiktheid", "evenwichtigheid", "tijdsverloop"} <= set(reopened), reopened
    flash_ok(page, "Het concept is opgesteld.")
    submit_for_review(page, SLUITING, SIGNATORY)


def record_zienswijze(page: Page, naam: str, wijze: str, samenvatting: str, reactie: str) -> None:
    """As jurist: one interested party's zienswijze, received today, with the response for the besluit."""
    section = page.locator('section[aria-labelledby="zienswijze"]')
    open_details(section)  # the form is folded
    choice(section, "zienswijze.outcome", "ontvangen").check()
    party = field(section, "zienswijze.betrokkene_id")
    party.select_option(party.locator("option", has_text=naam).first.get_attribute("value"))
    field(section, "zienswijze.ontvangen_op").fill(clock.today().isoformat())
    choice(section, "zienswijze.wijze", wijze).check()
    field(section, "zienswijze.samenvatting").fill(samenvatting)
    field(section, "zienswijze.reactie").fill(reactie)
    section.get_by_role("button", name="Zienswijze vastleggen").click()
    flash_ok(page, "De zienswijze is vastgelegd.")


def approve_and_download(page: Page, kenmerk: str, soort_label: str, target: Path) -> str:
    """As kabinet: open the item from "Vaststelling", check the preview, approve, download the resident's
    letter; return its text."""
    login(page, "kabinet")
    page.get_by_role("link", name="Vaststelling", exact=True).click()
    page.get_by_role("link", name=f"{kenmerk}: {soort_label}", exact=True).click()
    expect(page.locator("h1.utrecht-heading-1")).to_have_text(f"{soort_label} — zaak {kenmerk}")
    letters = page.locator('section[aria-labelledby="brieven"]')
    resident = letters.locator("article").filter(
        has=page.get_by_role("heading", name=re.compile(f"aan {re.escape(BEWONER)}$")))
    expect(resident.locator(".gemeente-preview")).to_contain_text(kenmerk)
    expect(resident.locator(".gemeente-preview")).to_contain_text(BEWONER)
    expect(letters.locator("article").filter(has_text=f"aan {RECHTHEBBENDE}")).to_have_count(1)
    page.get_by_role("button", name="Vaststellen", exact=True).click()
    flash_ok(page, "De beslissing is vastgesteld.")
    with page.expect_download() as info:
        resident.get_by_role("link", name=re.compile(r"^Download .+\.docx$")).click()
    download = info.value
    assert download.suggested_filename.endswith(".docx"), download.suggested_filename
    download.save_as(target)
    assert target.read_bytes()[:2] == b"PK"
    return docx_text(target)
