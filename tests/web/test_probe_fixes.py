"""What the issue 13 probes found, each refused cleanly now: ids past 64 bits, dates past the calendar's end,
a judgement from a page older than the facts, another team's signatories, implausible dates."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app import clock
from app.domain.drafting import DraftRequest
from app.models import Mandaat, Oordeel, User, Zaak
from app.services.assessment import update_facts
from app.services.intake import submit_melding
from tests.conftest import MANDATE_FROM
from tests.factories import melding, melding_form
from tests.flows import draft
from tests.integration.test_damocles_flow import OUTCOME, WARN, judge
from tests.web.test_web_flow import form_data, version_of

HUGE = (2**31, 2**63, 2**64, 10**30)


@pytest.fixture
def concept(app, db, users):
    rt = app.extensions["bevoegd"]
    zaak = submit_melding(db, rt, melding(bewoners=[{"naam": "O. Overtreder", "roltype": "overtreder"}]),
                          users["handhaving"], clock.today())
    judge(db, zaak, users["jurist"], WARN, deviate=True)
    return draft(db, rt, zaak, DraftRequest("waarschuwing", clock.today()), users["jurist"], clock.today())


@pytest.mark.parametrize("huge", HUGE)
def test_ids_past_64_bits_are_not_found_instead_of_a_server_error(client, login_as, huge):
    for role, path in (("jurist", f"/zaken/{huge}"), ("kabinet", f"/vaststelling/{huge}"),
                       ("jurist", f"/documenten/{huge}/download"), ("beheerder", f"/beheer/gebruikers/{huge}")):
        login_as(role)
        assert client.get(path).status_code == 404, path


@pytest.mark.parametrize("signer", [str(2**63), str(2**64), "-" + str(2**64)])
def test_a_signatory_id_past_64_bits_is_refused_in_dutch(client, login_as, concept, signer):
    login_as("jurist")
    response = client.post(f"/zaken/{concept.zaak_id}/beslissingen/{concept.id}/aanbieden",
                           data={"ondertekenaar_id": signer, "version": concept.version_id})
    assert response.status_code == 400
    assert "te groot" in response.get_data(as_text=True)


def test_an_evaluation_sent_at_the_end_of_the_calendar_is_refused(client, login_as):
    from tests.web.test_api import flat_facts

    login_as("jurist")
    for day in ("9999-12-31", "2300-01-01"):
        body = {"power": "damocles", "date": "2026-03-01", "verzenddatum": day, "facts": flat_facts(client.application)}
        response = client.post("/api/v1/evaluaties", json=body)
        assert response.status_code == 422, response.get_data(as_text=True)[:300]
        assert "verzenddatum" in response.get_json()["errors"]


def test_a_scalar_for_the_zienswijze_group_is_a_dutch_400(client, login_as, concept):
    login_as("jurist")
    response = client.post(f"/zaken/{concept.zaak_id}/zienswijze", data={"zienswijze": "x", "version": "1"})
    assert response.status_code == 400
    assert "onverwachte vorm" in response.get_data(as_text=True), response.get_data(as_text=True)[-3000:]


def test_a_judgement_from_a_page_older_than_the_facts_is_a_conflict(app, client, login_as, db, users):
    rt = app.extensions["bevoegd"]
    zaak = submit_melding(db, rt, melding(), users["handhaving"], clock.today())
    login_as("jurist")
    seen = version_of(db, zaak.id)  # the version in the judgement form of the page the jurist has open
    zaak = db.get(Zaak, zaak.id)
    update_facts(db, rt, zaak, {"pets_present": "yes"}, zaak.melding.version_id, users["jurist2"], clock.today())
    code = "eigen_gebruik_aannemelijk"
    response = client.post(f"/zaken/{zaak.id}/oordelen", data={
        "code": code, f"{code}.outcome": OUTCOME[code], f"{code}.reasoning": "Gewogen op de oude feiten.",
        "version": seen})
    assert response.status_code == 409
    assert "intussen gewijzigd" in response.get_data(as_text=True)
    db.rollback()
    assert db.scalar(select(func.count()).select_from(Oordeel).where(Oordeel.zaak_id == zaak.id)) == 0


def test_only_signatories_of_the_zaaks_team_are_offered(app, client, login_as, db, users, concept):
    other = User(username="kabinet_west", display_name="Vreemde Ondertekenaar", role="kabinet", team="west",
                 password_hash=users["kabinet"].password_hash, zaaktypes=["damocles"])
    other.mandaten.append(Mandaat(besluittype="damocles", hoedanigheid="gemandateerde", mandaatbesluit="Mandaat",
                                  uitkomsten=list(app.extensions["bevoegd"].procedure("damocles").outcomes),
                                  valid_from=MANDATE_FROM, functie="hoofd", orgaan="burgemeester"))
    db.add(other)
    db.commit()
    login_as("jurist")
    page = client.get(f"/zaken/{concept.zaak_id}").get_data(as_text=True)
    assert users["kabinet"].display_name in page
    assert "Vreemde Ondertekenaar" not in page


@pytest.mark.parametrize(("field", "value", "message"), [
    ("bron_datum", "2100-01-01", "De datum van het rapport ligt in de toekomst."),
    ("bron_datum", "2999-01-01", "Vul een datum tussen 1900 en 2200 in."),
    ("bewoners.0.geboortedatum", "2999-01-01", "De geboortedatum ligt in de toekomst."),
    ("bewoners.0.geboortedatum", "1850-01-01", "Vul een geboortedatum na 1900 in."),
])
def test_implausible_dates_are_refused_on_the_form(client, login_as, db, field, value, message):
    login_as("handhaving")
    response = client.post("/meldingen", data=form_data(**{field: value}))
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert db.scalar(select(func.count()).select_from(Zaak)) == 0


def test_implausible_dates_are_refused_by_the_api(client, login_as, db):
    login_as("handhaving")
    born = melding_form(bewoners=[{"naam": "T. Test", "roltype": "bewoner", "geboortedatum": "2999-01-01"}])
    dated = melding_form(bron_datum="2100-01-01")
    future_birth = {"0": {"geboortedatum": ["De geboortedatum ligt in de toekomst."]}}
    for body, field, message in ((born, "bewoners", future_birth),
                                 (dated, "bron_datum", ["De datum van het rapport ligt in de toekomst."])):
        response = client.post("/api/v1/meldingen", json=body)
        assert response.status_code == 422
        assert response.get_json()["errors"][field] == message
    assert db.scalar(select(func.count()).select_from(Zaak)) == 0


@pytest.mark.parametrize("form", [{"gegevens.0": "x"}, {"adres": "x"}])
def test_a_crafted_shape_for_a_runs_shared_melding_is_a_dutch_400(client, login_as, form):
    login_as("jurist")
    response = client.post("/reeksen/nieuw/ouderbrief", data=form)
    assert response.status_code == 400
    assert "onverwachte vorm" in response.get_data(as_text=True)


@pytest.mark.parametrize("name", ["adres.²", "gegevens.bewoners.²", "gegevens.bewoners.1" + "0" * 5000])
def test_a_digit_that_is_no_number_in_a_field_name_is_a_dutch_400(client, login_as, db, name):
    # "²".isdigit() is True, int("²") raises: the parser used to answer 500.
    login_as("handhaving")
    response = client.post("/meldingen", data={**melding_form(), name: "x"})
    assert response.status_code == 400
    assert db.scalar(select(func.count()).select_from(Zaak)) == 0

