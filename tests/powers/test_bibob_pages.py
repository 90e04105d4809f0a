"""Bibob in the browser's forms: the intake form of an application, the case page of a list member with the
power's facts and the facts form (the LBB's advice recorded as a group), and "Nog te doen" after advice is asked."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from app import clock
from app.models import Zaak
from tests.powers.scenarios import SCENARIOS


def _intake(client, login_as, db) -> Zaak:
    login_as("handhaving")
    data = {"submission_id": "bibob-page-0001", **SCENARIOS["bibob"].intake(datetime.now(UTC))}
    assert client.post("/meldingen", data=data).status_code == 302
    db.rollback()
    return db.scalars(select(Zaak)).one()


def test_the_intake_form_asks_for_the_application_and_no_bsn(client, login_as):
    login_as("handhaving")
    page = client.get("/meldingen/nieuw/bibob").get_data(as_text=True)
    assert "Aanvraag voor een Bibob-toets vastleggen" in page and 'name="gegevens.application.permit_type"' in page
    assert "Exploitatievergunning horeca" in page and 'name="gegevens.application.competent_body"' in page
    assert "bsn" not in page.lower().replace("geen bsn", "")


def test_a_member_sees_the_facts_and_records_the_advice_request(client, login_as, db):
    zaak = _intake(client, login_as, db)
    assert zaak.toegang_beperkt and zaak.melding.gegevens["application"]["address"]["straat"] == "Scenariostraat"
    login_as("jurist")
    waiting = client.get(f"/zaken/{zaak.id}").get_data(as_text=True)
    assert "Eetcafé Scenario" not in waiting  # not on the list yet: only the assignment
    client.post(f"/zaken/{zaak.id}/behandelaar", data={"behandelaar_id": _id(db, "jurist"),
                                                         "version": zaak.version_id})
    page = client.get(f"/zaken/{zaak.id}").get_data(as_text=True)
    assert "Advies van het Landelijk Bureau Bibob" in page and "Eetcafé Scenario &amp; Zn &lt;test&gt;" in page
    assert 'name="lbb.requested_on"' in page and 'name="third_parties.0.part_of_advice"' in page
    db.rollback()
    fresh = db.get(Zaak, zaak.id)
    asked = clock.today() - timedelta(days=5)
    response = client.post(f"/zaken/{zaak.id}/feiten", data={"lbb.requested_on": asked.isoformat(),
                                                            "version": fresh.melding.version_id})
    assert response.status_code == 302, response.get_data(as_text=True)[-2000:]
    db.rollback()
    assert db.get(Zaak, zaak.id).melding.gegevens["lbb"]["requested_on"] == asked.isoformat()
    page = client.get(f"/zaken/{zaak.id}").get_data(as_text=True)
    assert f"Licht de betrokkene in dat op {asked:%d-%m-%Y} advies is gevraagd" in page


def _id(db, username: str) -> int:
    from app.models import User

    return db.scalars(select(User.id).where(User.username == username)).one()
