"""The jurist's and kabinet's pages through the test client: forms, advice, judgements, drafts, review."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app import clock
from app.models import AccessEntry, Beslissing, Document, Zaak
from app.services.intake import submit_melding
from tests.factories import melding
from tests.flows import draft, submit


def form_data(**extra: str) -> dict[str, str]:
    data = {
        "submission_id": "form-submission-0001", "zaaktype": "damocles", "bron_soort": "bestuurlijke_rapportage",
        "bron_kenmerk": "BR-2026-77", "bron_datum": "2026-11-20", "pleegdatum": "2026-11-18",
        "adres.straat": "Proefstraat", "adres.huisnummer": "4a", "adres.postcode": "6200 ZZ",
        "adres.woonplaats": "Maastricht", "gegevens.premises_type": "woning",
        "gegevens.substances.0.name": "cocaïne", "gegevens.substances.0.opiumwet_list": "lijst_i",
        "gegevens.substances.0.quantity": "2,5", "gegevens.substances.0.unit": "g",
        "gegevens.substances.1.name": "", "bewoners.0.naam": "P. Proef", "bewoners.0.roltype": "bewoner",
    }
    data.update(extra)
    return data


def version_of(db, zaak_id: int) -> int:
    """The zaak's current version, as the page would show it in its forms."""
    db.rollback()
    db.expire_all()
    return db.get(Zaak, zaak_id).version_id


def new_zaak(app, db, users) -> Zaak:

    return submit_melding(db, app.extensions["bevoegd"], melding(), users["handhaving"], clock.today())


def test_handhaving_submits_a_report_through_the_form(client, login_as, db):
    login_as("handhaving")
    response = client.post("/meldingen", data=form_data())
    assert response.status_code == 302
    zaak = db.scalars(select(Zaak)).one()
    assert zaak.melding.gegevens["substances"][0]["quantity"] == 2.5
    assert "BEV-" in client.get("/meldingen").get_data(as_text=True)


def test_invalid_form_shows_dutch_errors_and_stores_nothing(client, login_as, db):
    login_as("handhaving")
    response = client.post("/meldingen", data=form_data(**{"adres.postcode": "abc", "pleegdatum": "2999-01-01",
                                                             "gegevens.substances.0.quantity": "veel"}))
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Er is iets niet goed ingevuld" in page
    assert "Vul een postcode in als 1234 AB." in page and 'href="#f-adres.postcode"' in page
    assert "Vul een getal in" in page
    assert db.scalar(select(func.count()).select_from(Zaak)) == 0


def test_case_page_says_why_the_mayor_is_not_competent(app, client, login_as, db, users):

    small = melding(gegevens={"attributes_found": [], "substances": [
        {"name": "cocaïne", "opiumwet_list": "lijst_i", "quantity": 0.4, "unit": "g"}]})
    zaak = submit_melding(db, app.extensions["bevoegd"], small, users["handhaving"], clock.today())
    login_as("jurist")
    page = client.get(f"/zaken/{zaak.id}").get_data(as_text=True)
    assert "Waarom niet bevoegd" in page and 'data-regel="geen_grond_onder_grens_eigen_gebruik"' in page
    reasons = page.split('id="waarom-niet-bevoegd"')[1].split("</section>")[0]
    assert "grens voor eigen gebruik van harddrugs, in gram: 0,5 g" in reasons, reasons
    assert "niet meer dan de grenzen voor eigen gebruik" in page


@pytest.mark.unconfirmed_policy  # the defaults must be labelled as defaults
def test_case_page_shows_advice_with_legal_basis_and_logs_the_view(app, client, login_as, db, users):
    zaak = new_zaak(app, db, users)
    login_as("jurist")
    page = client.get(f"/zaken/{zaak.id}").get_data(as_text=True)
    assert "Advies van de regels" in page and "Opiumwet art. 13b" in page
    assert "wettekst (geldend op" in page and "wetten.overheid.nl" in page
    assert "nog niet bevestigd als beleid van de gemeente" in page
    assert "Peildatum (wet en bevoegdheid)" in page and "beslisdatum (beleid)" in page
    assert "de regels vragen om deze afweging" in page  # the presumption asks for J1
    assert "Afwegingen waar de regels in deze zaak niet om vragen" in page
    views = db.scalars(select(AccessEntry).where(AccessEntry.action == "view", AccessEntry.result == "ok")).all()
    assert [v.case_id for v in views] == [zaak.identificatie]


def test_drafting_a_closure_without_judgements_shows_what_is_missing(app, client, login_as, db, users):
    zaak = new_zaak(app, db, users)
    login_as("jurist")
    response = client.post(f"/zaken/{zaak.id}/beslissingen", data={
        "soort": "voornemen_sluiting", "verzenddatum": "2099-01-05", "duur": "3",
        "version": zaak.version_id})
    assert response.status_code == 400
    assert "Deze afweging is nog niet vastgelegd." in response.get_data(as_text=True)
    assert db.scalar(select(func.count()).select_from(Beslissing)) == 0


def test_a_judgement_without_reasons_is_refused(app, client, login_as, db, users):
    zaak = new_zaak(app, db, users)
    login_as("jurist")
    response = client.post(f"/zaken/{zaak.id}/oordelen", data={
        "code": "geschiktheid", "geschiktheid.outcome": "voldaan", "geschiktheid.reasoning": "  ",
        "version": zaak.version_id})
    assert response.status_code == 400
    assert "Motivering bij: " in response.get_data(as_text=True)
    assert "? Vul dit veld in." in response.get_data(as_text=True)


def test_concurrent_fact_edit_gets_a_clear_message(app, client, login_as, db, users):
    zaak = new_zaak(app, db, users)
    login_as("jurist")
    version = zaak.melding.version_id
    first = client.post(f"/zaken/{zaak.id}/feiten", data={"version": version, "pets_present": "yes"})
    second = client.post(f"/zaken/{zaak.id}/feiten", data={"version": version, "pets_present": "no"})
    assert first.status_code == 302 and second.status_code == 409
    assert "Iemand anders heeft deze zaak intussen gewijzigd" in second.get_data(as_text=True)
    db.rollback()  # end the observer's read snapshot (WAL) ...
    db.expire_all()  # ... and forget cached rows (expire_on_commit is off)
    assert db.get(Zaak, zaak.id).melding.gegevens["pets_present"] == "yes"


def test_kabinet_approves_and_downloads_the_letter(app, client, login_as, db, users):
    zaak = new_zaak(app, db, users)
    login_as("jurist")
    for code, outcome in (("eigen_gebruik_aannemelijk", "niet_aannemelijk"), ("verkoop_aannemelijk", "ja"),
                          ("bijzondere_omstandigheden", "nee"), ("ernstig_geval_eerste_overtreding", "niet_ernstig")):
        assert client.post(f"/zaken/{zaak.id}/oordelen", data={
            "code": code, f"{code}.outcome": outcome, f"{code}.reasoning": "Gewogen: Jansen & Zn <B.V.>.",
            "version": version_of(db, zaak.id)}).status_code == 302
    assert client.post(f"/zaken/{zaak.id}/beslissingen", data={
        "soort": "waarschuwing", "verzenddatum": "2099-01-05", "version": version_of(db, zaak.id)}).status_code == 302
    db.rollback()
    beslissing = db.scalars(select(Beslissing)).one()
    assert client.post(f"/zaken/{zaak.id}/beslissingen/{beslissing.id}/aanbieden", data={
        "version": beslissing.version_id, "ondertekenaar_id": users["kabinet"].id}).status_code == 302
    login_as("kabinet")
    page = client.get(f"/vaststelling/{beslissing.id}").get_data(as_text=True)
    assert "Jansen &amp; Zn &lt;B.V.&gt;" in page  # the stored letter's preview, escaped once
    db.rollback()  # end the observer's read snapshot (WAL) ...
    db.expire_all()  # ... and forget cached rows (expire_on_commit is off)
    hashes = [d.sha256 for d in db.scalars(select(Document))]
    version = db.get(Beslissing, beslissing.id).version_id
    approval = client.post(f"/vaststelling/{beslissing.id}/vaststellen", data={"version": version, "sha256": hashes})
    assert approval.status_code == 302, approval.get_data(as_text=True)
    document = db.scalars(select(Document)).first()
    download = client.get(f"/documenten/{document.id}/download")
    assert download.status_code == 200 and download.data[:2] == b"PK"
    assert zaak.identificatie in download.headers["Content-Disposition"]
    assert download.headers["Cache-Control"] == "no-store"


def test_drafter_trying_to_approve_gets_403_and_a_denied_audit_row(app, client, login_as, db, users):
    from app.domain.drafting import DraftRequest
    from app.models import AuditEntry
    from tests.integration.test_damocles_flow import WARN, judge

    zaak = new_zaak(app, db, users)
    rt = app.extensions["bevoegd"]
    judge(db, zaak, users["jurist"], WARN, deviate=True)

    beslissing = draft(db, rt, zaak, DraftRequest("waarschuwing", clock.today()),
                                           users["kabinet2"], clock.today())
    submit(db, rt, beslissing, users["kabinet"], users["kabinet2"])
    login_as("kabinet2")
    hashes = [d.sha256 for d in db.scalars(select(Document))]
    response = client.post(f"/vaststelling/{beslissing.id}/vaststellen",
                           data={"version": beslissing.version_id, "sha256": hashes})
    assert response.status_code == 403
    db.rollback()
    assert db.scalars(select(AuditEntry).where(AuditEntry.actie == "denied")).one().resource_id == str(beslissing.id)


def test_a_stale_judgement_form_gets_409_instead_of_overwriting(app, client, login_as, db, users):
    zaak = new_zaak(app, db, users)
    login_as("jurist")
    stale = zaak.version_id
    data = {"code": "geschiktheid", "geschiktheid.outcome": "voldaan", "geschiktheid.reasoning": "Eerste."}
    assert client.post(f"/zaken/{zaak.id}/oordelen", data={**data, "version": stale}).status_code == 302
    second = client.post(f"/zaken/{zaak.id}/oordelen", data={**data, "version": stale,
                                                             "geschiktheid.reasoning": "Tweede."})
    assert second.status_code == 409


def test_zaak_of_another_team_is_not_found_and_logged_as_denied(app, client, login_as, db, users):
    zaak = new_zaak(app, db, users)
    zaak.team = "ander_team"
    db.commit()
    login_as("jurist")
    assert client.get(f"/zaken/{zaak.id}").status_code == 404
    db.rollback()
    assert db.scalars(select(AccessEntry).where(AccessEntry.result == "denied")).one().object_id == str(zaak.id)
    assert zaak.identificatie not in client.get("/zaken").get_data(as_text=True)


def test_jurist_adds_the_owner_that_the_report_did_not_name(app, client, login_as, db, users):

    zaak = submit_melding(db, app.extensions["bevoegd"], melding(rechthebbende=None), users["handhaving"],
                          clock.today())
    login_as("jurist")
    assert "Eigenaar of verhuurder toevoegen" in client.get(f"/zaken/{zaak.id}").get_data(as_text=True)
    response = client.post(f"/zaken/{zaak.id}/rechthebbende", data={
        "version": zaak.version_id, "naam": "Woonstichting Proef", "soort": "woningcorporatie",
        "straat": "Postbus", "huisnummer": "7", "postcode": "6200zz", "woonplaats": "Maastricht"})
    assert response.status_code == 302
    db.rollback()
    db.expire_all()
    owner = [b for b in db.get(Zaak, zaak.id).betrokkenen if b.roltype == "rechthebbende"]
    assert [(o.naam, o.postcode) for o in owner] == [("Woonstichting Proef", "6200 ZZ")]
