"""Bibob in a real browser, with CSRF on (issue 10):

the permit desk (handhaving) registers an application for an omgevingsvergunning, on which the college decides
(rules/bibob/parameters/bevoegd_orgaan_per_vergunning.yaml). A jurist takes the zaak, which puts him on its access
list, and adds the kabinet signer. He records the questionnaire and his own research, then the request for the
LBB's advice: the decision deadline of the application moves later (art. 31). The advice (a lesser degree of
danger) names a financier, a third party with his own part of the advice; the jurist records him and two
conditions, judges, and drafts the voornemen to the applicant and the derde. The signer approves; the derde's
letter holds his own part and nothing of the applicant's other facts or the LBB's conclusion (art. 28). After the
applicant's zienswijze the permit with conditions is granted, signed for the college. Another jurist of the same
team, not on the list, finds the zaak neither in the list nor by its address.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from app import clock
from tests.e2e.e2e_support import (
    axe_violations,
    blocking,
    describe,
    download,
    draft_with_judgements,
    flash_ok,
    login,
    logout,
    open_details,
)
from tests.e2e.test_browser_flow import record_zienswijze
from tests.e2e.test_browser_straathandel import approve, open_case, submit_for_review
from tests.e2e.test_browser_woonoverlast import edit_facts, put

pytestmark = pytest.mark.e2e

SIGNATORY = "Kabinet (test)"
TODAY = clock.today()
APPLICANT = "Proefbouw Maasoever B.V."
BUSINESS = "Zalencentrum Proefoever"
ESTABLISHMENT = {"straat": "Verzinselkade", "huisnummer": "7", "postcode": "6211 ZZ", "woonplaats": "Maastricht"}
RESEARCH = "Een eerdere vennootschap van de bestuurder ging failliet met schulden bij de fiscus."
FINANCIER = "F. Proefgeldschieter"
HIS_PART = "Een lening van F. Proefgeldschieter van 90.000 euro zonder vastgelegde herkomst."
HIS_REASON = "Hij financiert de onderneming (art. 3 lid 4)."
HIS_FACT = "Witwassen van contant geld via een wisselkantoor"
OWN_CONDITION = "De vergunninghouder meldt elke nieuwe financier binnen twee weken aan het college."
STANDARD_CONDITION = "De onderneming neemt geen leningen of investeringen in contanten aan."
# The answers that carry a voornemen and a grant with conditions after a lesser degree of danger (index.yaml).
ANSWERS = {"screening_nodig": "ja", "eigen_conclusie": "mindere_mate", "lbb_advies_vragen": "vragen",
           "advies_beoordeeld": "overgenomen", "mate_van_gevaar": "mindere_mate", "voorschriften": "passend",
           "openbaarmaking": "beperkt", "zienswijze_verwerkt": "beantwoord", "evenredig_3_lid_5": "nee",
           "bijzondere_omstandigheden": "nee"}
# What belongs to the applicant's reasons: never in the derde's letter (art. 28 lid 3).
NOT_FOR_THE_DERDE = (RESEARCH, "failliet", "mindere mate", "Mindere mate", "conclusie", OWN_CONDITION,
                     STANDARD_CONDITION)


def test_an_application_screened_heard_and_granted_with_conditions_under_secrecy(
        page: Page, live_app, users, tmp_path: Path) -> None:
    outcomes = live_app.extensions["bevoegd"].procedure("bibob").outcomes
    voornemen, grant = outcomes["voornemen_voorschriften"].label, outcomes["verlening_met_voorschriften"].label

    login(page, "handhaving")
    kenmerk = register_application(page)
    logout(page)

    login(page, "jurist")
    zaak_url = take_and_share(page, kenmerk)
    screen_and_ask_advice(page)
    record_advice(page)
    draft_with_judgements(page, "voornemen_voorschriften", ANSWERS)
    submit_for_review(page, voornemen, SIGNATORY)
    logout(page)

    to_applicant = approve(page, kenmerk, voornemen, APPLICANT, tmp_path / "voornemen-aanvrager.docx")
    assert OWN_CONDITION in to_applicant and HIS_PART not in to_applicant  # his part is his own
    to_derde = download(page, FINANCIER, tmp_path / "voornemen-derde.docx")
    assert HIS_PART in to_derde and HIS_REASON in to_derde and "artikel 28" in to_derde
    leaked = [secret for secret in NOT_FOR_THE_DERDE if secret in to_derde]
    assert not leaked, f"the derde's letter holds what is not his: {leaked}"
    logout(page)

    login(page, "jurist")
    open_case(page, kenmerk)
    record_zienswijze(page, APPLICANT, "schriftelijk", "De aanvrager vindt de meldplicht voor financiers te zwaar.",
                      "Zonder die meldplicht ziet het college niet wie de onderneming financiert; zij blijft.")
    draft_with_judgements(page, "verlening_met_voorschriften", ANSWERS)
    submit_for_review(page, grant, SIGNATORY)
    logout(page)

    granted = approve(page, kenmerk, grant, APPLICANT, tmp_path / "verlening.docx")
    assert OWN_CONDITION in granted and STANDARD_CONDITION in granted
    assert "Burgemeester en wethouders" in granted and "meldplicht" in granted  # signed for the college; heard
    assert HIS_PART not in granted and "ik, de burgemeester" not in granted.lower()
    his_grant = download(page, FINANCIER, tmp_path / "verlening-derde.docx")  # the same decision, his part only
    assert HIS_PART in his_grant and "U gaf geen zienswijze" in his_grant and "bezwaar" in his_grant
    leaked = [secret for secret in (*NOT_FOR_THE_DERDE, "meldplicht") if secret in his_grant]
    assert not leaked, f"the derde's besluit holds what is not his: {leaked}"
    logout(page)

    not_on_the_list(page, kenmerk, zaak_url)


def register_application(page: Page) -> str:
    """As the permit desk: the application through the Bibob intake form; returns the zaak's kenmerk."""
    page.goto("/meldingen/nieuw/bibob")
    expect(page.get_by_role("heading", level=1)).to_have_text("Aanvraag voor een Bibob-toets vastleggen")
    axe_clean(page, "Bibob-intake")
    form = page.locator("form", has=page.get_by_role("button", name="Aanvraag opslaan"))
    for name, value in ESTABLISHMENT.items():
        put(form, f"adres.{name}", value)
    form.get_by_label("Soort vergunning").select_option(label="Omgevingsvergunning")
    form.get_by_label("Het college van burgemeester en wethouders").check()
    form.get_by_label("Kenmerk van de aanvraag").fill("OV-E2E-BIBOB-1")
    form.get_by_label("Ontvangen op").fill((TODAY - timedelta(days=30)).isoformat())
    form.get_by_label("Wettelijke beslistermijn in weken").fill("8")
    form.get_by_label("Naam van de onderneming").fill(BUSINESS)
    form.get_by_label("Rechtspersoon").check()
    put(form, "gegevens.betrokkene.name", APPLICANT)
    form.get_by_label("KvK-nummer").fill("99000077")
    form.get_by_label("Aanleiding van de toets").select_option(label="Toets door een aanwijzing")
    form.get_by_role("button", name="Aanvraag opslaan").click()
    flash_ok(page, "ontvangen als zaak")
    return re.search(r"zaak (BEV-\d{4}-\d{6})", page.locator(".utrecht-alert--ok").first.inner_text()).group(1)


def take_and_share(page: Page, kenmerk: str) -> str:
    """As jurist: the zaak shows nothing until assigned; take it and put the signer on the list; returns its URL."""
    open_case(page, kenmerk)
    expect(page.get_by_role("heading", name="Toegang")).to_be_visible()
    expect(page.locator("main")).not_to_contain_text(BUSINESS)  # not on the list yet: no case content
    axe_clean(page, "eerst toewijzen")
    page.get_by_label("Toewijzen aan").select_option(label="Jurist (test) (uzelf)")
    page.get_by_role("button", name="Toewijzen").click()
    flash_ok(page, "De zaak wordt nu behandeld door Jurist (test)")
    section = page.locator('section[aria-labelledby="toegang"]')
    listed = section.get_by_role("table", name="Toegangslijst")
    expect(listed).to_contain_text("Jurist (test) (uzelf)")
    member = section.get_by_label("Iemand van het team toevoegen")
    member.select_option(member.locator("option", has_text=SIGNATORY).first.get_attribute("value"))
    section.get_by_role("button", name="Toevoegen aan de toegangslijst").click()
    flash_ok(page, f"{SIGNATORY} staat nu op de toegangslijst.")
    expect(page.locator('section[aria-labelledby="toegang"]').get_by_role("table", name="Toegangslijst")) \
        .to_contain_text(SIGNATORY)
    expect(page.locator("main")).to_contain_text(BUSINESS)
    expect(page.locator("main")).to_contain_text("Aanvraag OV-E2E-BIBOB-1")  # the source kind is the application
    return page.url.split("#")[0]


def deadline(page: Page) -> str:
    """The last day to decide on the application, as the case page shows it."""
    shown = page.locator("#beslistermijn-aanvraag strong").filter(has_text="Uiterlijk beslissen op")
    return re.search(r"op (\S+)$", shown.inner_text()).group(1)


def screen_and_ask_advice(page: Page) -> None:
    """As jurist: the questionnaire and the own research (nothing moves), then the LBB's advice is asked: the
    decision period is suspended from that day, so the deadline moves later."""
    before = deadline(page)
    edit_facts(page, {"bibob_form.received": "true", "bibob_form.complete": "true",
                      "own_research.0.source": "fiscale_boetes", "own_research.0.finding": RESEARCH,
                      "own_research.0.date": (TODAY - timedelta(days=25)).isoformat()})
    assert deadline(page) == before  # own research suspends nothing
    edit_facts(page, {"lbb.requested_on": (TODAY - timedelta(days=20)).isoformat(),
                      "lbb.betrokkene_informed_on": (TODAY - timedelta(days=19)).isoformat()})
    after = deadline(page)
    assert after != before, f"the deadline stayed at {before} after the advice was asked"
    assert to_day(after) > to_day(before)
    expect(page.locator("#beslistermijn-aanvraag")).to_contain_text("opgeschort sinds")


MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december")


def to_day(text: str) -> date:
    """A date as the page writes it: 16-03-2026, or (weekday) 16 maart 2026."""
    if found := re.search(r"(\d{2})-(\d{2})-(\d{4})", text):
        return date(int(found.group(3)), int(found.group(2)), int(found.group(1)))
    found = re.search(r"(\d{1,2}) (\w+) (\d{4})", text)
    return date(int(found.group(3)), MONTHS.index(found.group(2)) + 1, int(found.group(1)))


def record_advice(page: Page) -> None:
    """As jurist: the LBB's advice, the financier it names with his own part, and two conditions."""
    edit_facts(page, {
        "lbb.received_on": (TODAY - timedelta(days=3)).isoformat(), "lbb.conclusion": "mindere_mate",
        "lbb.advice_date": (TODAY - timedelta(days=4)).isoformat(),
        "third_parties.0.name": FINANCIER, "third_parties.0.straat": "Verzonnenweg",
        "third_parties.0.huisnummer": "3", "third_parties.0.postcode": "6221 ZZ",
        "third_parties.0.woonplaats": "Maastricht", "third_parties.0.part_of_advice": HIS_PART,
        "third_parties.0.use_reason": HIS_REASON,
        # The reasons use a fact about him (a heard derde the reasons do not use is refused, art. 28 minimisation).
        "facts_3a.0.kind": "bestuurlijke_boete_onherroepelijk", "facts_3a.0.offence": HIS_FACT,
        "facts_3a.0.date": (TODAY - timedelta(days=400)).isoformat(), "facts_3a.0.person": FINANCIER,
        "facts_3a.0.in_motivering": "true",
        "conditions.0.code": "eigen", "conditions.0.text": OWN_CONDITION,
        "conditions.1.code": "geen_contante_financiering"})
    expect(page.get_by_role("table", name="Betrokkenen", exact=True)).to_contain_text(FINANCIER)
    open_details(page.locator("details", has=page.locator("summary", has_text="Feiten uit de melding")))
    expect(page.get_by_role("table", name=re.compile("^Derden in het advies"))).to_contain_text(HIS_PART)
    expect(page.get_by_role("table", name=re.compile("^Voorschriften"))).to_contain_text(OWN_CONDITION)
    axe_clean(page, "Bibob-zaak met toegangslijst en beslistermijn")


def not_on_the_list(page: Page, kenmerk: str, zaak_url: str) -> None:
    """As another jurist of the same team: the zaak is in no list and its address answers 404."""
    login(page, "jurist2")
    page.goto("/zaken")
    expect(page.get_by_role("link", name=kenmerk)).to_have_count(0)
    expect(page.locator("main")).not_to_contain_text(kenmerk)
    response = page.goto(zaak_url)
    assert response is not None and response.status == 404
    expect(page.locator("main")).not_to_contain_text(BUSINESS)
    expect(page.locator("main")).not_to_contain_text(APPLICANT)
    logout(page)


def axe_clean(page: Page, name: str) -> None:
    """No serious or critical axe violations on the page as it stands (ecosystem.md §4)."""
    serious = blocking(axe_violations(page, Axe()))
    assert not serious, describe(name, serious)
