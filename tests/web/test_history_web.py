"""The case page's earlier measures: the jurist enters one from before go-live (Dutch errors, nothing
half-stored), sees which earlier measures count and why, and records a revocation."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import func, select

from app import clock
from app.models import AuditEntry, EerdereMaatregel, Zaak
from app.services.intake import submit_melding
from tests.factories import melding

PERSON = {"naam": "W. Webherhaal", "geboortedatum": "1979-01-30", "roltype": "bewoner"}


def _zaak(app, db, users) -> Zaak:
    found = clock.today() - timedelta(days=5)
    return submit_melding(db, app.extensions["bevoegd"], melding(pleegdatum=found, bewoners=[PERSON]),
                          users["handhaving"], clock.today())


def _form(version: int, **extra: str) -> dict[str, str]:
    earlier = clock.today() - timedelta(days=500)
    data = {"version": str(version), "eerder.soort": "waarschuwing", "eerder.pleegdatum": earlier.isoformat(),
            "eerder.verzonden": "true", "eerder.verzenddatum": (earlier + timedelta(days=14)).isoformat(),
            "eerder.straat": "Teststraat", "eerder.huisnummer": "1", "eerder.postcode": "6200 ZZ",
            "eerder.woonplaats": "Maastricht", "eerder.persoon_naam": "W. Webherhaal",
            "eerder.persoon_geboortedatum": "1979-01-30", "eerder.kenmerk": "OOV/2023/12 & <oud>",
            "eerder.bron": "Archief vóór Bevoegd"}
    data.update(extra)
    return data


def test_an_invalid_earlier_measure_shows_dutch_errors_and_stores_nothing(app, client, login_as, db, users):
    zaak = _zaak(app, db, users)
    login_as("jurist")
    audit_before = db.scalar(select(func.count()).select_from(AuditEntry))
    response = client.post(f"/zaken/{zaak.id}/eerdere-maatregelen", data=_form(
        zaak.version_id, **{"eerder.verzenddatum": "", "eerder.kenmerk": "", "eerder.postcode": "abc"}))
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Er is iets niet goed ingevuld" in page
    assert 'href="#f-eerder.verzenddatum"' in page and "Vul de datum van verzending in" in page
    assert "Kenmerk:" in page and "Vul een postcode in als 1234 AB." in page
    db.rollback()
    assert db.scalar(select(func.count()).select_from(EerdereMaatregel)) == 0
    assert db.scalar(select(func.count()).select_from(AuditEntry)) == audit_before


def test_the_jurist_enters_an_earlier_measure_and_the_page_says_it_counts(app, client, login_as, db, users):
    zaak = _zaak(app, db, users)
    login_as("jurist")
    response = client.post(f"/zaken/{zaak.id}/eerdere-maatregelen", data=_form(zaak.version_id))
    assert response.status_code == 302 and response.headers["Location"].endswith("#eerder")
    page = client.get(f"/zaken/{zaak.id}").get_data(as_text=True)
    assert "Eerdere maatregelen (herhaling)" in page
    assert "OOV/2023/12 &amp; &lt;oud&gt;" in page  # escaped, verbatim
    assert "Ja. Telt mee" in page
    db.rollback()
    measure = db.scalars(select(EerdereMaatregel)).one()
    response = client.post(f"/zaken/{zaak.id}/eerdere-maatregelen/{measure.id}/herroeping", data={
        "version": str(measure.version_id), f"herroeping-m{measure.id}.soort": "ingetrokken",
        f"herroeping-m{measure.id}.datum": clock.today().isoformat(),
        f"herroeping-m{measure.id}.reden": "Intrekkingsbesluit OOV/2024/3"})
    assert response.status_code == 302
    page = client.get(f"/zaken/{zaak.id}").get_data(as_text=True)
    assert "Nee. Telt niet: de maatregel is ingetrokken of vernietigd." in page


def test_a_stale_earlier_measure_form_gets_409(app, client, login_as, db, users):
    zaak = _zaak(app, db, users)
    login_as("jurist")
    response = client.post(f"/zaken/{zaak.id}/eerdere-maatregelen", data=_form(zaak.version_id - 1))
    assert response.status_code == 409
    db.rollback()
    assert db.scalar(select(func.count()).select_from(EerdereMaatregel)) == 0


def test_a_measure_outside_this_zaaks_history_cannot_be_revoked_from_it(app, client, login_as, db, users):
    """Code review: any entered measure of the same power could be revoked from any case page."""
    from app.models import EerdereMaatregel
    from tests.web.test_web_flow import new_zaak

    zaak = new_zaak(app, db, users)
    other = EerdereMaatregel(
        zaaktype="damocles", soort="waarschuwing", pleegdatum=date(2024, 3, 1), verzenddatum=date(2024, 3, 8),
        verzonden=True, adres_straat="Elders", adres_huisnummer="9", adres_postcode="6200AA",
        adres_woonplaats="Maastricht", adres_sleutel="6200AA|9", persoon_naam="Iemand Anders", kenmerk="X-1",
        bron="test", toelichting="", ingevoerd_bij="jurist", created_by_id=users["jurist"].id, version_id=1)
    db.add(other)
    db.commit()
    login_as("jurist")
    response = client.post(f"/zaken/{zaak.id}/eerdere-maatregelen/{other.id}/herroeping", data={
        "version": "1", f"herroeping-m{other.id}.soort": "ingetrokken",
        f"herroeping-m{other.id}.datum": clock.today().isoformat(), f"herroeping-m{other.id}.reden": "Poging."})
    assert response.status_code == 404
    db.refresh(other)
    assert other.intrekking_soort is None
