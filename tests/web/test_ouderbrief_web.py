"""The ouderbrief screens in Dutch: the intake form, the case page (facts, advice, tasks) and a refused draft
show no code names; the form reports a missing child in Dutch; the facts the jurist may correct save."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from app.models import Zaak
from app.services.intake import submit_melding
from tests.integration.test_ouderbrief_flow import ouderbrief
from tests.web.test_no_code_names import leaks, visible_text


def _version(db, zaak_id: int) -> int:
    db.rollback()
    db.expire_all()
    return db.get(Zaak, zaak_id).version_id


def test_the_ouderbrief_pages_show_no_code_names(app, client, login_as, db, users):
    rt, today = app.extensions["bevoegd"], date.today()
    zaak = submit_melding(db, rt, ouderbrief(gezaghebbenden=[], gia_signal="yes"), users["handhaving"], today)
    login_as("handhaving")
    pages = {"intake": client.get("/meldingen/nieuw/ouderbrief").get_data(as_text=True)}
    login_as("jurist")
    pages["zaak"] = client.get(f"/zaken/{zaak.id}").get_data(as_text=True)
    refused = client.post(f"/zaken/{zaak.id}/beslissingen", data={
        "soort": "ouderbrief", "verzenddatum": today.isoformat(), "version": _version(db, zaak.id)})
    pages["concept"] = refused.get_data(as_text=True)
    found = {name: leaks(page) for name, page in pages.items()}
    assert not {name: hits for name, hits in found.items() if hits}, found
    case_page = visible_text(pages["zaak"])
    assert "Zoek op wie het gezag heeft" in case_page and "K. Proefkind" in case_page
    assert "Kan een brief naar huis het kind in gevaar brengen?" in case_page
    assert "Ter informatie" in case_page and "Groepsincident: geen andere kinderen in de brief" in case_page


def test_an_intake_without_the_child_is_refused_in_dutch(client, login_as, db):
    login_as("handhaving")
    day = (date.today() - timedelta(days=2)).isoformat()
    response = client.post("/meldingen", data={
        "submission_id": "ob-web-000001", "zaaktype": "ouderbrief", "bron_soort": "proces_verbaal",
        "bron_kenmerk": "PV-W-1", "adres.straat": "Proefstraat", "adres.huisnummer": "1", "adres.postcode": "6200 ZZ",
        "adres.woonplaats": "Maastricht", "gegevens.incident_at": f"{day}T20:00",
        "gegevens.incident_place": "Bij het plein", "gegevens.incident_type": "geluid",
        "gegevens.incident_source": "handhaving"})
    page = visible_text(response.get_data(as_text=True))
    assert response.status_code == 400 and "Naam van het kind" in page and not leaks(response.get_data(as_text=True))
    db.rollback()
    assert db.scalars(select(Zaak)).first() is None
