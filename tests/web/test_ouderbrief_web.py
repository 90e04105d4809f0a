"""The ouderbrief screens in Dutch: the intake form, the case page (facts, advice, tasks) and a refused draft
show no code names; the form reports a missing child in Dutch; the facts the jurist may correct save."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from app import clock
from app.models import Zaak
from app.services.assessment import latest
from app.services.intake import submit_melding
from tests.integration.test_ouderbrief_flow import ouderbrief
from tests.web.test_no_code_names import leaks, visible_text


def _version(db, zaak_id: int) -> int:
    db.rollback()
    db.expire_all()
    return db.get(Zaak, zaak_id).version_id


def test_the_ouderbrief_pages_show_no_code_names(app, client, login_as, db, users):
    rt, today = app.extensions["bevoegd"], clock.today()
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
    day = (clock.today() - timedelta(days=2)).isoformat()
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


def test_a_parent_found_by_a_manual_look_up_is_added_on_the_case_page(app, client, login_as, db, users):
    """Nobody with authority was known: the jurist adds the mother found in the register; she becomes a
    betrokkene (and so an addressee) and the look-up task is gone. A Belgian postcode is checked as Belgian."""
    rt, today = app.extensions["bevoegd"], clock.today()
    zaak = submit_melding(db, rt, ouderbrief(gezaghebbenden=[]), users["handhaving"], today)
    login_as("jurist")
    page = client.get(f"/zaken/{zaak.id}").get_data(as_text=True)
    assert "Persoon toevoegen aan" in page and not leaks(page)
    form = "personen-gezaghebbenden"
    sent = {"version": str(zaak.melding.version_id), f"{form}.naam": "M. Proefmoeder & <Zn>",
            f"{form}.relatie": "ouder", f"{form}.adres.straat": "Rue d'Essai", f"{form}.adres.huisnummer": "12 bus 3",
            f"{form}.adres.postcode": "40000", f"{form}.adres.woonplaats": "Luik", f"{form}.adres.land": "BE"}
    refused = client.post(f"/zaken/{zaak.id}/personen/gezaghebbenden", data=sent)
    assert refused.status_code == 400
    assert "Belgische postcode" in visible_text(refused.get_data(as_text=True))
    db.rollback()
    assert not [b for b in db.get(Zaak, zaak.id).betrokkenen if b.roltype == "gezaghebbende"]
    added = client.post(f"/zaken/{zaak.id}/personen/gezaghebbenden", data={**sent, f"{form}.adres.postcode": "4000"})
    assert added.status_code == 302
    db.rollback()
    db.expire_all()
    mother = [b for b in db.get(Zaak, zaak.id).betrokkenen if b.roltype == "gezaghebbende"]
    assert [(b.naam, b.land, b.postcode) for b in mother] == [("M. Proefmoeder & <Zn>", "BE", "4000")]
    assert latest(db, db.get(Zaak, zaak.id)).assessment["facts"]["authority_known"] is True
    after = visible_text(client.get(f"/zaken/{zaak.id}").get_data(as_text=True))
    assert "De persoon is toegevoegd" in after and "Zoek op wie het gezag heeft over het kind" not in after


def test_a_list_the_power_does_not_offer_is_not_found(client, login_as, db, users, app):
    zaak = submit_melding(db, app.extensions["bevoegd"], ouderbrief(), users["handhaving"], clock.today())
    login_as("jurist")
    assert client.post(f"/zaken/{zaak.id}/personen/child", data={"version": "1"}).status_code == 404
