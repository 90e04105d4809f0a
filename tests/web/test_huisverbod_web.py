"""The officer's and the kabinet's pages for a decision taken on the spot (the huisverbod), through the
test client: the imposition form, the letters to serve, the download rights and the review afterwards."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from sqlalchemy import func, select

from app import clock
from app.models import AccessEntry, Beslissing, Document, Reviewronde, Zaak
from tests.powers.scenarios import SCENARIOS
from tests.web.test_web_flow import form_data as damocles_form


def _form(**changes: str) -> dict[str, str]:
    return {"submission_id": "hv-web-000001", **SCENARIOS["huisverbod"].intake(datetime.now(UTC)), **changes}


def _impose(client, login_as, db) -> Zaak:
    login_as("hovj")
    response = client.post("/meldingen", data=_form(), follow_redirects=True)
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "Tijdelijk huisverbod is vastgelegd in zaak BEV-" in page
    db.rollback()
    return db.scalars(select(Zaak)).one()


def test_the_officer_gets_the_letters_to_serve_right_after_imposing(client, login_as, db):
    zaak = _impose(client, login_as, db)
    page = client.get("/meldingen").get_data(as_text=True)
    assert "Brieven om uit te reiken" in page and f"Zaak {zaak.identificatie}" in page
    documents = db.scalars(select(Document).where(Document.zaak_id == zaak.id)).all()
    assert len(documents) == 3 and all(f"/documenten/{d.id}/download" in page for d in documents)
    download = client.get(f"/documenten/{documents[0].id}/download")
    assert download.status_code == 200 and download.data[:2] == b"PK"


def test_another_officer_cannot_download_them(client, login_as, db):
    zaak = _impose(client, login_as, db)
    document = db.scalars(select(Document).where(Document.zaak_id == zaak.id)).first()
    login_as("handhaving")
    assert client.get(f"/documenten/{document.id}/download").status_code == 404


def test_a_reporter_does_not_download_the_letters_a_jurist_drafted(app, client, login_as, db, users):
    from tests.web.test_web_flow import test_kabinet_approves_and_downloads_the_letter as approve_warning

    approve_warning(app, client, login_as, db, users)  # a damocles warning, reported by handhaving
    document = db.scalars(select(Document)).first()
    login_as("handhaving")
    assert client.get(f"/documenten/{document.id}/download").status_code == 404
    db.rollback()
    denied = db.scalars(select(AccessEntry).where(AccessEntry.result == "denied",
                                                  AccessEntry.object_type == "document")).one()
    assert denied.object_id == str(document.id)


def test_an_imposition_on_a_minor_is_refused_in_dutch_and_nothing_is_stored(client, login_as, db):
    login_as("hovj")
    response = client.post("/meldingen", data=_form(**{"gegevens.person.geboortedatum": "2015-01-01"}))
    assert response.status_code == 400
    assert "Er is iets niet goed ingevuld" in response.get_data(as_text=True)
    db.rollback()
    assert db.scalar(select(func.count()).select_from(Zaak)) == 0


def test_a_time_the_clock_skipped_is_refused_with_the_reason(client, login_as, db):
    login_as("hovj")
    response = client.post("/meldingen", data=_form(**{"gegevens.imposed_at": "2026-03-29T02:30"}))
    assert response.status_code == 400
    assert "de klok ging toen een uur vooruit" in response.get_data(as_text=True)


def test_an_officer_without_the_mandate_is_not_offered_the_form(client, login_as, db):
    login_as("handhaving")
    choose = client.get("/meldingen/nieuw")  # a list of the powers he may report for, or the only one
    offered = choose.headers.get("Location", "") + choose.get_data(as_text=True)
    assert "/meldingen/nieuw/damocles" in offered and "/meldingen/nieuw/huisverbod" not in offered
    assert client.get("/meldingen/nieuw/huisverbod").status_code == 404
    assert client.post("/meldingen", data=_form()).status_code == 404
    db.rollback()
    assert db.scalar(select(func.count()).select_from(Zaak)) == 0


def test_an_empty_imposition_form_points_every_message_at_a_field_on_the_form(client, login_as):
    login_as("hovj")
    page = client.post("/meldingen", data={"submission_id": "hv-web-000009", "zaaktype": "huisverbod"}
                       ).get_data(as_text=True)
    links = set(re.findall(r'href="#f-([^"]+)"', page))
    assert {"gegevens.imposed_at", "gegevens.person.naam", "gegevens.area_description",
            "oordelen.gevaar.outcome"} <= links
    assert all(f'id="f-{name}"' in page for name in links), links - {n for n in links if f'id="f-{n}"' in page}


def test_a_refused_imposition_says_why_without_a_dead_link(client, login_as):
    login_as("hovj")
    page = client.post("/meldingen", data=_form(**{"gegevens.person.geboortedatum": "2015-01-01"})
                       ).get_data(as_text=True)
    assert "niet bevoegd" in page and "alleen aan een meerderjarige" in page  # the reason, not only the verdict
    assert 'href="#f-bevoegdheid"' not in page


def test_a_second_order_at_the_address_asks_the_officer_for_new_facts(client, login_as, db):
    _impose(client, login_as, db)
    page = client.post("/meldingen", data={**_form(), "submission_id": "hv-web-000002",
                                           "bron_kenmerk": "PV-SC-2"}).get_data(as_text=True)
    assert 'href="#f-oordelen.nieuw_huisverbod.outcome"' in page and 'id="f-oordelen.nieuw_huisverbod.outcome' in page
    again = {**_form(), "submission_id": "hv-web-000003", "bron_kenmerk": "PV-SC-2",
             "oordelen.nieuw_huisverbod.outcome": "ja",
             "oordelen.nieuw_huisverbod.reasoning": "Nieuw incident: hij kwam terug en sloeg de deur in."}
    assert client.post("/meldingen", data=again).status_code == 302


def test_the_kabinet_records_the_review_afterwards_from_the_queue(client, login_as, db):
    zaak = _impose(client, login_as, db)
    order = db.scalars(select(Beslissing).where(Beslissing.zaak_id == zaak.id)).one()
    login_as("kabinet")
    assert f"/vaststelling/{order.id}" in client.get("/vaststelling").get_data(as_text=True)
    page = client.get(f"/vaststelling/{order.id}").get_data(as_text=True)
    assert "Nacontrole vastleggen" in page
    response = client.post(f"/vaststelling/{order.id}/nacontrole", data={"version": order.version_id,
                                                                        "opmerking": "RiHG & mandaat in orde."})
    assert response.status_code == 302
    db.rollback()
    assert db.scalars(select(Reviewronde.resultaat).where(Reviewronde.beslissing_id == order.id)).all() == [
        "nagecontroleerd"]
    assert "Er wacht niets op nacontrole." in client.get("/vaststelling").get_data(as_text=True)


def test_the_case_page_shows_the_reachability_task_and_the_order(client, login_as, db):
    zaak = _impose(client, login_as, db)
    login_as("jurist")
    page = client.get(f"/zaken/{zaak.id}").get_data(as_text=True)
    assert "heeft nog niet opgegeven waar en hoe hij bereikbaar is" in page
    assert "Tijdelijk huisverbod" in page and "Vastgesteld" in page


def test_damocles_form_still_reports_as_before(client, login_as, db):
    login_as("handhaving")
    response = client.post("/meldingen", data=damocles_form(), follow_redirects=True)
    assert "De melding is ontvangen als zaak BEV-" in response.get_data(as_text=True)


def test_the_case_page_speaks_the_powers_own_procedure(client, login_as, db):
    zaak = _impose(client, login_as, db)
    login_as("jurist")
    page = client.get(f"/zaken/{zaak.id}").get_data(as_text=True)
    steps = re.search(r'<nav aria-label="Voortgang van de zaak">(.*?)</nav>', page, re.S).group(1)
    assert "Beleid" not in steps and "Voornemen" not in steps and "Vaststelling" in steps
    # the officer judged the danger on the spot, so the rules' "judgement needed" is settled
    assert "na de vastgelegde afwegingen: Bevoegd" in page
    assert "— Blijkt uit de feiten en omstandigheden" in page  # a judgement finding is shown by its question
    assert "Verlengen of intrekken" in page


def test_review_page_shows_the_nacontrole_and_offers_approval_only_to_the_signatory(client, login_as, db, users):
    zaak = _impose(client, login_as, db)
    order = db.scalars(select(Beslissing).where(Beslissing.zaak_id == zaak.id)).one()
    login_as("kabinet")
    client.post(f"/vaststelling/{order.id}/nacontrole", data={"version": order.version_id, "opmerking": "In orde."})
    page = client.get(f"/vaststelling/{order.id}").get_data(as_text=True)
    assert "Nagecontroleerd door Kabinet (test)" in page and "In orde." in page
    assert "Nacontrole vastleggen" not in page


def test_a_kabinet_member_who_is_not_the_signatory_gets_no_approve_button(app, client, login_as, db, users):

    from app.domain.drafting import DraftRequest
    from tests.flows import draft, submit
    from tests.integration.test_damocles_flow import WARN, judge
    from tests.web.test_web_flow import new_zaak

    zaak, rt = new_zaak(app, db, users), app.extensions["bevoegd"]
    judge(db, zaak, users["jurist"], WARN, deviate=True)
    concept = draft(db, rt, zaak, DraftRequest("waarschuwing", clock.today()), users["jurist"], clock.today())
    submit(db, rt, concept, users["kabinet"], users["jurist"])
    login_as("kabinet2")
    page = client.get(f"/vaststelling/{concept.id}").get_data(as_text=True)
    assert ">Vaststellen<" not in page and "Alleen de aangewezen ondertekenaar, Kabinet (test)" in page
    login_as("kabinet")
    assert ">Vaststellen<" in client.get(f"/vaststelling/{concept.id}").get_data(as_text=True)
