"""The beheerder's parameter page: defaults marked as defaults, the confirmation form (role, CSRF, Dutch errors
with an error summary), and a confirmation that the rules use from its date on."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.models import AuditEntry, ParameterBevestiging
from tests.conftest import PASSWORD

pytestmark = pytest.mark.unconfirmed_policy

URL = "/beheer/parameters/damocles/sluiting_woning_harddrugs_eerste_maanden"
GOOD = {"waarde": "6", "geldig_vanaf": "2010-05-03",
        "titel": "Beleidsregels inzake de toepassing van artikel 13b Opiumwet", "artikel": "artikel 4",
        "publicatie": "Gemeenteblad 2010, C nr. 46", "href": "https://lokaleregelgeving.overheid.nl/CVDR110009"}


def test_the_beheerder_sees_every_parameter_with_defaults_marked_as_defaults(client, login_as):
    login_as("beheerder")
    home = client.get("/")
    assert home.status_code == 302 and home.headers["Location"].endswith("/beheer")  # the beheerder landing page
    page = client.get("/beheer/parameters").get_data(as_text=True)
    assert 'href="/beheer/parameters"' in page and ">Parameters</a>" in page  # in the navigation
    row = page.split('id="p-damocles-sluiting_woning_harddrugs_eerste_maanden"')[0].rsplit("<tr", 1)[1]
    assert "standaardwaarde, nog te bevestigen" in row
    assert "beleid Maastricht" not in page  # a default is never shown as Maastricht policy
    assert "bereikbaarheid_uren" in page and "wet" in page  # statutory values are listed, without a form


@pytest.mark.parametrize("role", ["jurist", "kabinet", "handhaving", "auditor"])
def test_only_the_beheerder_may_confirm(client, login_as, db, role):
    login_as(role)
    assert client.get("/beheer/parameters").status_code == 403
    assert client.post(URL, data=GOOD).status_code == 403
    assert db.scalar(select(func.count()).select_from(ParameterBevestiging)) == 0


def test_wrong_input_gets_dutch_messages_in_an_error_summary_and_stores_nothing(client, login_as, db):
    login_as("beheerder")
    response = client.post(URL, data={**GOOD, "waarde": "zes", "href": "http://example.org", "titel": ""})
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "<title>Fout: " in page
    assert 'id="error-summary"' in page and 'href="#f-waarde"' in page and 'href="#f-href"' in page
    assert "Vul een heel getal in" in page and "https-adres" in page and "officiële titel" in page
    assert 'id="f-titel"' in page and 'aria-invalid="true"' in page and 'for="f-publicatie"' in page
    assert db.scalar(select(func.count()).select_from(ParameterBevestiging)) == 0


def test_a_confirmation_is_stored_audited_and_shown_as_confirmed_policy(client, login_as, db):
    login_as("beheerder")
    form = client.get(URL).get_data(as_text=True)
    assert "standaardwaarde, nog te bevestigen" in form and 'name="csrf_token"' in form
    response = client.post(URL, data=GOOD)
    assert response.status_code == 302
    row = db.scalar(select(ParameterBevestiging))
    assert (row.waarde, row.bron_artikel, row.geldig_vanaf.isoformat()) == (6, "artikel 4", "2010-05-03")
    assert db.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.actie == "confirm")) == 1
    page = client.get("/beheer/parameters").get_data(as_text=True)
    row_html = page.split('id="p-damocles-sluiting_woning_harddrugs_eerste_maanden"')[0].rsplit("<tr", 1)[1]
    assert "beleid van de gemeente — bevestigd" in row_html and "6 maanden" in row_html
    assert "Beleidsregels inzake de toepassing van artikel 13b Opiumwet, artikel 4" in row_html


def test_an_unknown_parameter_is_not_found(client, login_as):
    login_as("beheerder")
    assert client.get("/beheer/parameters/damocles/bestaat_niet").status_code == 404
    assert client.get("/beheer/parameters/onbekend/duur").status_code == 404


def test_a_confirmation_without_csrf_token_is_refused(csrf_app, users, db):
    client = csrf_app.test_client()
    token = client.get("/login").get_data(as_text=True).split('name="csrf_token" value="')[1].split('"')[0]
    client.post("/login", data={"username": "beheerder", "password": PASSWORD, "csrf_token": token})
    assert client.post(URL, data=GOOD).status_code == 400
    assert db.scalar(select(func.count()).select_from(ParameterBevestiging)) == 0


def test_a_value_is_typed_the_dutch_way_and_an_ambiguous_one_is_asked_about(client, login_as, db):
    login_as("beheerder")
    page = client.post(URL, data={**GOOD, "waarde": "1,500"}).get_data(as_text=True)
    assert "Waarde: wat bedoelt u met &#39;1,500&#39;: 1.500 of 1,5?" in page
    drempel = "/beheer/parameters/damocles/drempel_harddrugs_g"
    page = client.post(drempel, data={**GOOD, "waarde": "0.5"}).get_data(as_text=True)
    assert "Waarde: bedoelt u 0,5? Schrijf decimalen met een komma." in page
    assert db.scalar(select(func.count()).select_from(ParameterBevestiging)) == 0
    assert client.post(drempel, data={**GOOD, "waarde": "0,5"}).status_code == 302
    db.rollback()
    assert db.scalars(select(ParameterBevestiging)).one().waarde == 0.5


NORM = "/beheer/parameters/straathandel/apv_norm_straathandel"
NORM_SOURCE = {"geldig_vanaf": "2022-01-01", "titel": "Algemene plaatselijke verordening Maastricht",
               "artikel": "artikel 2:99", "publicatie": "Gemeenteblad 2022, 1",
               "href": "https://lokaleregelgeving.overheid.nl/CVDR676542"}


def test_a_table_like_the_by_law_norm_is_confirmed_one_field_per_key(client, login_as, db):
    """The APV norm is a table (article, text, whether it covers buying): the beheerder enters the municipality's
    own article and text; a key left empty or a yes/no that is neither is refused in Dutch, nothing stored."""
    login_as("beheerder")
    form = client.get(NORM).get_data(as_text=True)
    assert 'name="waarde.artikel"' in form and 'name="waarde.tekst"' in form and 'name="waarde.verwerven"' in form
    norm = {"waarde.artikel": "artikel 2:99", "waarde.tekst": "Het is verboden zich & <op te houden> ...",
            "waarde.verwerven": "nee", "waarde.voertuig": "ja", "waarde.gelijkend": "ja",
            "waarde.gebied": "het centrum", "waarde.cvdr": "CVDR676542"}
    refused = client.post(NORM, data={**NORM_SOURCE, **norm, "waarde.tekst": " ", "waarde.verwerven": "misschien"})
    page = refused.get_data(as_text=True)
    assert refused.status_code == 400 and 'href="#f-waarde.tekst"' in page and "Kies ja of nee" in page
    assert db.scalar(select(func.count()).select_from(ParameterBevestiging)) == 0
    assert client.post(NORM, data={**NORM_SOURCE, **norm}).status_code == 302
    db.rollback()
    row = db.scalar(select(ParameterBevestiging))
    assert row.waarde["artikel"] == "artikel 2:99" and row.waarde["verwerven"] is False
    assert row.waarde["tekst"] == "Het is verboden zich & <op te houden> ..."
