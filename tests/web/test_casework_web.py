"""The jurist's casework pages: the concept letters' preview and download, and withdrawing an offer."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app import clock
from app.domain.drafting import DraftRequest
from app.models import AccessEntry, Beslissing, Document
from app.services.intake import submit_melding
from tests.factories import melding
from tests.flows import draft, submit
from tests.integration.test_damocles_flow import WARN, judge


@pytest.fixture
def warning(app, db, users) -> Beslissing:
    rt = app.extensions["bevoegd"]
    zaak = submit_melding(db, rt, melding(bewoners=[{"naam": "O. Overtreder", "roltype": "overtreder"}]),
                          users["handhaving"], clock.today())
    judge(db, zaak, users["jurist"], WARN, deviate=True)
    return draft(db, rt, zaak, DraftRequest("waarschuwing", clock.today()), users["jurist"], clock.today())


def test_the_case_page_offers_a_preview_of_a_concept(client, login_as, warning, users):
    login_as("jurist")
    page = client.get(f"/zaken/{warning.zaak_id}").get_data(as_text=True)
    assert "Voorbeeld van de brieven bekijken" in page
    assert f'name="voorbeeld-ondertekenaar-{warning.id}"' in page


def test_the_jurist_previews_and_downloads_concept_letters_that_are_not_stored(client, login_as, db, warning, users):
    login_as("jurist")
    url = f"/zaken/{warning.zaak_id}/beslissingen/{warning.id}/voorbeeld"
    response = client.get(url, query_string={f"voorbeeld-ondertekenaar-{warning.id}": users["kabinet"].id})
    page = response.get_data(as_text=True)
    assert response.status_code == 200, page
    assert "<h1 class=\"utrecht-heading-1\">Concept — voorbeeld van de brieven" in page
    assert "O. Overtreder" in page and "Concept, niet verzenden" in page
    person = next(b for b in warning.zaak.betrokkenen if b.roltype == "overtreder")
    download = client.get(f"{url}/{person.id}.docx", query_string={"ondertekenaar_id": users["kabinet"].id})
    assert download.status_code == 200 and download.data[:2] == b"PK"
    disposition = download.headers["Content-Disposition"]
    assert "CONCEPT-" in disposition and "-overtreder-" in disposition
    assert download.headers["Cache-Control"] == "no-store"
    db.rollback()
    assert db.scalar(select(func.count()).select_from(Document)) == 0
    assert db.scalars(select(AccessEntry).where(AccessEntry.action == "preview")).first().reason == "concept"


def test_a_preview_that_cannot_be_made_is_refused_in_dutch(client, login_as, warning, users):
    login_as("jurist")
    response = client.get(f"/zaken/{warning.zaak_id}/beslissingen/{warning.id}/voorbeeld",
                          query_string={"ondertekenaar_id": users["jurist"].id})
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "De brieven kunnen nog niet worden gemaakt" in page
    assert "Kies een ondertekenaar die de beslissing niet zelf heeft opgesteld." in page


def test_the_jurist_withdraws_an_offer_after_confirming(app, client, login_as, db, warning, users):
    submit(db, app.extensions["bevoegd"], warning, users["kabinet"], users["jurist"])
    login_as("jurist2")
    page = client.get(f"/zaken/{warning.zaak_id}").get_data(as_text=True)
    assert "Aanbod terugtrekken" in page
    url = f"/zaken/{warning.zaak_id}/beslissingen/{warning.id}/terugtrekken"
    assert "Weet u zeker" in client.get(url).get_data(as_text=True)
    done = client.post(url, data={"version": warning.version_id, "reden": "Naam klopt niet."})
    assert done.status_code == 302
    again = client.post(url, data={"version": warning.version_id})
    assert again.status_code == 409 and "Iemand anders heeft" in again.get_data(as_text=True)
    db.rollback()
    db.expire_all()
    assert db.get(Beslissing, warning.id).status == "concept"
    login_as("kabinet")
    assert f"/vaststelling/{warning.id}\"" not in client.get("/vaststelling").get_data(as_text=True)
    hashes = [d.sha256 for d in db.scalars(select(Document))]
    approval = client.post(f"/vaststelling/{warning.id}/vaststellen",
                           data={"version": db.get(Beslissing, warning.id).version_id, "sha256": hashes})
    assert approval.status_code == 409 and "nog een concept" in approval.get_data(as_text=True)
    db.rollback()
    db.expire_all()
    assert db.get(Beslissing, warning.id).status == "concept"


def test_the_jurist_corrects_a_betrokkene_and_sees_the_change_history(app, client, login_as, db, users):
    zaak = submit_melding(db, app.extensions["bevoegd"], melding(), users["handhaving"], clock.today())
    person = zaak.betrokkenen[0]
    login_as("jurist")
    url = f"/zaken/{zaak.id}/betrokkenen/{person.id}"
    assert "Betrokkene corrigeren" in client.get(url).get_data(as_text=True)
    form = {"version": person.version_id, "naam": "T. Testbewoonster", "geboortedatum": "1990-04-01",
            "straat": "Teststraat", "huisnummer": "1", "postcode": "6200zz", "woonplaats": "Maastricht"}
    bad = client.post(url, data={**form, "postcode": "abc", "naam": ""})
    page = bad.get_data(as_text=True)
    assert bad.status_code == 400 and "Vul een postcode in als 1234 AB." in page and 'href="#f-naam"' in page
    assert client.post(url, data=form).status_code == 302
    stale = client.post(url, data={**form, "naam": "Iemand anders"})
    assert stale.status_code == 409
    page = client.get(f"/zaken/{zaak.id}").get_data(as_text=True)
    assert "Wijzigingen van betrokkenen" in page
    assert "T. Testbewoner" in page and "T. Testbewoonster" in page and "01-04-1990" in page
    db.rollback()
    db.expire_all()
    assert db.get(type(person), person.id).postcode == "6200 ZZ"


def test_a_niet_bevoegd_case_is_closed_shown_as_closed_and_reopened(app, client, login_as, db, users):
    small = melding(gegevens={"attributes_found": [], "substances": [
        {"name": "cocaïne", "opiumwet_list": "lijst_i", "quantity": 0.4, "unit": "g"}]})
    zaak = submit_melding(db, app.extensions["bevoegd"], small, users["handhaving"], clock.today())
    login_as("jurist")
    page = client.get(f"/zaken/{zaak.id}").get_data(as_text=True)
    assert "Zaak afsluiten" in page
    # not competent: no question about the family or the proportionality of a measure
    assert "Is dat onderzocht, en waarom kon het niet worden vastgesteld?" not in page
    assert 'name="onderzoek_omstandigheden.outcome"' not in page and 'name="geschiktheid.outcome"' not in page
    url = f"/zaken/{zaak.id}/afsluiten"
    missing = client.post(url, data={"version": zaak.version_id, "afsluitreden": "niet_bevoegd"})
    assert missing.status_code == 400 and "Motivering: vul dit veld in." in missing.get_data(as_text=True)
    done = client.post(url, data={"version": zaak.version_id, "afsluitreden": "niet_bevoegd",
                                  "toelichting": "Hoeveelheid voor eigen gebruik."})
    assert done.status_code == 302
    page = client.get(f"/zaken/{zaak.id}").get_data(as_text=True)
    assert "Afgesloten" in page and "Niet bevoegd" in page and clock.today().strftime("%d-%m-%Y") in page
    refused = client.post(f"/zaken/{zaak.id}/feiten", data={"version": zaak.melding.version_id, "pets_present": "yes"})
    assert refused.status_code == 409 and "Deze zaak is afgesloten." in refused.get_data(as_text=True)
    db.rollback()
    db.expire_all()
    reopened = client.post(f"/zaken/{zaak.id}/heropenen", data={"version": db.get(type(zaak), zaak.id).version_id,
                                                               "reden": "Nieuwe informatie."})
    assert reopened.status_code == 302
    db.rollback()
    db.expire_all()
    assert db.get(type(zaak), zaak.id).fase != "afgesloten"
