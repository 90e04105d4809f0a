"""Bulk runs in the browser's HTTP: read in a member list, judge the group, start the drafting job and follow
its progress, then the kabinet reads the sample and approves; a wrong list gets Dutch row messages."""

from __future__ import annotations

import io
import re

from sqlalchemy import select

from app import clock
from app.models import Beslissing, Reeks
from tests.bulk_support import incident, member_csv, member_rows
from tests.jobs.jobs_support import run_all


def _form(rows, **extra) -> dict:
    shared = incident()
    data = {"omschrijving": shared["omschrijving"], "bron_soort": shared["bron_soort"],
            "bron_kenmerk": shared["bron_kenmerk"], "bron_datum": shared["bron_datum"],
            **{f"adres.{k}": v for k, v in shared["adres"].items()},
            **{f"gegevens.{k}": v for k, v in shared["gegevens"].items()}, **extra}
    data["bestand"] = (io.BytesIO(member_csv(rows)), "groep.csv", "text/csv")
    return data


def _create(client, rows, **extra):
    return client.post("/reeksen/nieuw/ouderbrief", data=_form(rows, **extra), content_type="multipart/form-data")


def test_the_jurist_reads_in_a_group_judges_it_and_starts_the_letters(app, client, db, users, login_as):
    login_as("jurist")
    page = client.get("/reeksen/nieuw/ouderbrief").get_data(as_text=True)
    assert "Lijst met de kinderen" in page and 'type="file"' in page
    template = client.get("/reeksen/nieuw/ouderbrief/ledenlijst.csv")
    assert template.mimetype == "text/csv" and template.get_data(as_text=True).startswith("kind_naam;")
    created = _create(client, member_rows(4, flagged=(1,)))
    assert created.status_code == 302
    reeks = db.scalars(select(Reeks)).one()
    page = client.get(f"/reeksen/{reeks.id}").get_data(as_text=True)
    assert "Afwegingen voor de groep" in page and "Signalen van huiselijk geweld: onbekend" in page
    answers = {f"{code}.{k}": v for code, a in {
        "brief_passend": {"outcome": "passend", "reasoning": "Past."},
        "feiten_voldoende": {"outcome": "ja", "reasoning": "Concreet."},
        "veiligheidssignaal": {"outcome": "geen_gevaar", "reasoning": "Geen signalen."}}.items() for k, v in a.items()}
    judged = client.post(f"/reeksen/{reeks.id}/afwegingen", data={"version": reeks.version_id, **answers})
    assert judged.status_code == 302
    db.rollback()  # a fresh read of the run's version
    started = client.post(f"/reeksen/{reeks.id}/opstellen", data={
        "version": reeks.version_id, "ondertekenaar_id": users["kabinet"].id,
        "verzenddatum": clock.today().isoformat()})
    assert started.status_code == 302
    page = client.get(f"/reeksen/{reeks.id}").get_data(as_text=True)
    assert '<progress id="voortgang"' in page and 'role="status"' in page and "js/voortgang.js" in page
    assert client.get(f"/reeksen/{reeks.id}/voortgang").get_json()["status"] == "opstellen"
    run_all(app)
    state = client.get(f"/reeksen/{reeks.id}/voortgang").get_json()
    assert (state["status"], state["done"], state["total"], state["percent"]) == ("ter_vaststelling", 4, 4, 100)


def test_the_kabinet_reads_the_sample_and_approves_the_run(app, client, db, users, login_as):
    test_the_jurist_reads_in_a_group_judges_it_and_starts_the_letters(app, client, db, users, login_as)
    reeks = db.scalars(select(Reeks)).one()
    login_as("kabinet")
    page = client.get(f"/reeksen/{reeks.id}").get_data(as_text=True)
    assert "Steekproef: 3 van 3 brieven" in page and "Reeks vaststellen" in page
    form = {"version": re.search(r'name="version" value="(\d+)"', page)[1],
            "manifest": re.search(r'name="manifest" value="([0-9a-f]{64})"', page)[1],
            "shown": re.findall(r'name="shown" value="([0-9a-f]{64})"', page)}
    approved = client.post(f"/reeksen/{reeks.id}/vaststellen", data=form)
    assert approved.status_code == 302
    db.rollback()
    assert db.get(Reeks, reeks.id).status == "vastgesteld"
    assert {b.status for b in db.scalars(select(Beslissing))} == {"vastgesteld"}
    assert "Vastgesteld" in client.get(f"/reeksen/{reeks.id}").get_data(as_text=True)


def test_a_wrong_list_gets_dutch_row_messages_and_stores_nothing(client, db, users, login_as):
    login_as("jurist")
    rows = member_rows(3)
    rows[1]["gezag1_relatie"] = "oom"
    response = _create(client, rows)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Rij 3: gezag1_relatie:" in page and 'href="#f-bestand"' in page
    assert db.scalars(select(Reeks)).first() is None
    missing = client.post("/reeksen/nieuw/ouderbrief", data={**_form(rows), "bestand": (io.BytesIO(b""), "")},
                          content_type="multipart/form-data")
    assert "Kies het bestand met de lijst" in missing.get_data(as_text=True)


def test_a_run_of_another_team_is_not_found(client, db, users, login_as):
    login_as("jurist")
    _create(client, member_rows(2))
    reeks = db.scalars(select(Reeks)).one()
    reeks.team = "elders"
    db.commit()
    assert client.get(f"/reeksen/{reeks.id}").status_code == 404
    assert client.get("/reeksen/nieuw/damocles").status_code == 404  # a power without group incidents


def test_after_approval_the_post_room_prints_the_run_and_the_jurist_records_its_sending(app, client, db, users,
                                                                                        login_as):
    import pikepdf

    from app.models import Verzending

    test_the_kabinet_reads_the_sample_and_approves_the_run(app, client, db, users, login_as)
    reeks = db.scalars(select(Reeks)).one()
    login_as("jurist")
    assert "Er zijn nog geen PDF" in client.get(f"/reeksen/{reeks.id}/afdrukset.pdf",
                                                follow_redirects=True).get_data(as_text=True)
    run_all(app)  # the PDF jobs
    page = client.get(f"/reeksen/{reeks.id}").get_data(as_text=True)
    assert "Klaar: 3 van 3 brieven" in page and "Afdrukset voor de postkamer (PDF, 3 brieven)" in page
    batch = client.get(f"/reeksen/{reeks.id}/afdrukset.pdf")
    assert batch.mimetype == "application/pdf"
    with pikepdf.open(io.BytesIO(batch.data)) as merged:
        assert len(merged.pages) >= 3
    db.rollback()
    version = db.get(Reeks, reeks.id).version_id
    refused = client.post(f"/reeksen/{reeks.id}/verzending", data={
        "version": version, "verzonden_op": clock.today().isoformat(), "methode": "berichtenbox"})
    assert refused.status_code == 400 and "alleen aan wie dat zelf heeft gevraagd" in refused.get_data(as_text=True)
    sent = client.post(f"/reeksen/{reeks.id}/verzending", data={
        "version": version, "verzonden_op": clock.today().isoformat(), "methode": "post", "bewijs": "Verzendlijst 7"})
    assert sent.status_code == 302
    db.rollback()
    assert len(db.scalars(select(Verzending)).all()) == 3
    assert {b.status for b in db.scalars(select(Beslissing))} == {"verzonden"}
    assert "Alle brieven van deze reeks zijn als verzonden vastgelegd" in client.get(
        f"/reeksen/{reeks.id}").get_data(as_text=True)


def test_a_failed_drafting_job_shows_on_the_run_and_can_be_started_again(app, client, db, users, login_as):
    from app.models import OutboxJob

    login_as("jurist")
    _create(client, member_rows(2, flagged=(0, 1)))  # nothing to judge for the group: drafting may start
    reeks = db.scalars(select(Reeks)).one()
    client.post(f"/reeksen/{reeks.id}/opstellen", data={
        "version": reeks.version_id, "ondertekenaar_id": users["kabinet"].id,
        "verzenddatum": clock.today().isoformat()})
    db.rollback()
    job = db.scalars(select(OutboxJob).where(OutboxJob.soort == "render_bulk")).one()
    job.status, job.pogingen, job.laatste_fout = "mislukt", 3, "De database was even niet bereikbaar."
    db.commit()
    page = client.get(f"/reeksen/{reeks.id}").get_data(as_text=True)
    assert "Opstellen mislukt" in page and "De database was even niet bereikbaar." in page
    assert client.post(f"/reeksen/{reeks.id}/opnieuw").status_code == 302
    db.rollback()
    assert db.get(OutboxJob, job.id).status == "wachtend"
    run_all(app)
    db.rollback()
    assert db.get(Reeks, reeks.id, populate_existing=True).status == "ingelezen"  # no letter: back to the jurist


def test_drafting_before_the_group_judgements_is_refused_in_dutch(client, db, users, login_as):
    login_as("jurist")
    _create(client, member_rows(2))
    reeks = db.scalars(select(Reeks)).one()
    refused = client.post(f"/reeksen/{reeks.id}/opstellen", data={
        "version": reeks.version_id, "ondertekenaar_id": users["kabinet"].id,
        "verzenddatum": clock.today().isoformat()})
    assert refused.status_code == 400 and "Leg eerst de afwegingen voor de groep vast" in refused.get_data(as_text=True)


def test_the_kabinet_keeps_its_ticks_after_a_refusal(app, client, db, users, login_as):
    test_the_jurist_reads_in_a_group_judges_it_and_starts_the_letters(app, client, db, users, login_as)
    reeks = db.scalars(select(Reeks)).one()
    login_as("kabinet")
    page = client.get(f"/reeksen/{reeks.id}").get_data(as_text=True)
    pulled = re.findall(r'name="pulled" value="(\d+)"', page)[0]
    form = {"version": re.search(r'name="version" value="(\d+)"', page)[1],
            "manifest": re.search(r'name="manifest" value="([0-9a-f]{64})"', page)[1],
            "shown": re.findall(r'name="shown" value="([0-9a-f]{64})"', page), "pulled": pulled}
    refused = client.post(f"/reeksen/{reeks.id}/vaststellen", data=form)
    assert refused.status_code == 400
    again = refused.get_data(as_text=True)
    assert "Schrijf op waarom u brieven uit de reeks haalt" in again
    assert re.search(rf'name="pulled" value="{pulled}"[^>]*checked', again)  # the tick is kept


def test_the_review_queue_shows_the_run_not_its_letters(app, client, db, users, login_as):
    test_the_jurist_reads_in_a_group_judges_it_and_starts_the_letters(app, client, db, users, login_as)
    login_as("kabinet")
    page = client.get("/vaststelling").get_data(as_text=True)
    assert "Reeksen die op vaststelling wachten" in page and "Groepsincident bij het winkelcentrum" in page
    assert "Er wacht niets op vaststelling." in page  # the run's letters are not listed one by one
