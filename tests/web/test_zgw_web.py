"""The case in the zaaksysteem on the case page, and its ZGW-shaped export: downloaded by the jurist who may see the
case (access-logged), without any backend, naming no person, and at least vertrouwelijk for a Bibob zaak."""

from __future__ import annotations

import json

from sqlalchemy import select

from app.models import AccessEntry, Betrokkene, Zaak
from app.services.intake import submit_melding
from app.services.zgw import export_bundle
from tests.factories import huisverbod
from tests.integration.test_bibob_flow import THIRD, _body

PEOPLE = ("Testman", "Testvrouw", "Testkind", "1985-06-14", "1987-02-03", "2016-09-21", "Testlaan")


def _order(app, db, users, today) -> Zaak:
    return submit_melding(db, app.extensions["bevoegd"], huisverbod(), users["hovj"], today)


def test_the_jurist_downloads_the_export_without_a_backend_and_it_names_no_one(app, client, login_as, db, users,
                                                                                today):
    zaak = _order(app, db, users, today)
    login_as("jurist")
    response = client.get(f"/zaken/{zaak.id}/zgw-export")
    assert response.status_code == 200 and response.mimetype == "application/json"
    assert "attachment" in response.headers["Content-Disposition"] and response.headers["Cache-Control"] == "no-store"
    text = response.get_data(as_text=True)
    bundle = json.loads(text)
    assert bundle["zaak"]["identificatie"] == zaak.identificatie and bundle["zaak"]["zaaktype"] is None
    assert len(bundle["besluiten"]) == 1 and bundle["besluiten"][0]["zaak"] == f"urn:bevoegd:zaak:{zaak.id}"
    assert bundle["informatieobjecten"] and all("inhoud" not in io for io in bundle["informatieobjecten"])
    assert "natuurlijk_persoon" in {r["betrokkeneType"] for r in bundle["rollen"]}  # and Veilig Thuis, an organisation
    assert not [word for word in PEOPLE if word in text], "the export names a person"
    row = db.scalars(select(AccessEntry).where(AccessEntry.action == "export")).one()
    assert row.case_id == zaak.identificatie and row.result == "ok" and row.role == "jurist"


def test_a_zaak_the_jurist_may_not_see_is_not_found_and_the_refusal_is_logged(client, login_as, db):
    login_as("jurist")
    assert client.get("/zaken/424242/zgw-export").status_code == 404
    assert db.scalars(select(AccessEntry).where(AccessEntry.result == "denied")).first() is not None


def test_other_roles_may_not_export(app, client, login_as, db, users, today):
    zaak = _order(app, db, users, today)
    for role in ("kabinet", "handhaving", "auditor"):
        login_as(role)
        assert client.get(f"/zaken/{zaak.id}/zgw-export").status_code == 403, role


def test_a_bibob_export_is_vertrouwelijk_and_leaves_out_the_third_party(app, client, login_as, db, users):
    login_as("handhaving")
    assert client.post("/api/v1/meldingen", json=_body(), headers={"Idempotency-Key": "zgw-export-bibob-1"}
                       ).status_code == 201
    zaak = db.scalars(select(Zaak)).one()
    db.add(Betrokkene(zaak_id=zaak.id, roltype="derde", naam=THIRD["name"], straat=THIRD["straat"],
                      huisnummer=THIRD["huisnummer"], postcode=THIRD["postcode"], woonplaats=THIRD["woonplaats"],
                      land="BE"))
    db.commit()
    bundle = export_bundle(db, app.extensions["bevoegd"], zaak, users["jurist"], "127.0.0.1")
    text = json.dumps(bundle, ensure_ascii=False)
    assert bundle["zaak"]["vertrouwelijkheidaanduiding"] == "vertrouwelijk"
    assert "Proefgeld" not in text and "Rue Fictive" not in text and "Proefzaak B.V." not in text
    assert "derde" in {r["roltype"] for r in bundle["rollen"]}


def test_the_case_page_shows_the_zaaksysteem_section_with_the_export_link(app, client, login_as, db, users, today):
    zaak = _order(app, db, users, today)
    login_as("jurist")
    page = client.get(f"/zaken/{zaak.id}").get_data(as_text=True)
    assert 'id="zaaksysteem"' in page and 'href="#zaaksysteem"' in page
    assert "niet gekoppeld aan een zaaksysteem" in page and f"/zaken/{zaak.id}/zgw-export" in page
