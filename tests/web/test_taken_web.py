"""The case page shows the zaak's background tasks that are not done; a failed one shows its error and the
jurist can start it again; a task of another zaak cannot be touched through this one."""

from __future__ import annotations

from sqlalchemy import select

from app.models import OutboxJob
from tests.jobs.jobs_support import approved_warning


def _fail(db, job: OutboxJob, error: str) -> None:
    job.status, job.pogingen, job.laatste_fout = "mislukt", 3, error
    db.commit()


def test_a_failed_task_shows_its_error_and_can_be_retried(app, client, db, users, today, login_as):
    beslissing = approved_warning(db, app.extensions["bevoegd"], users, today)
    job = db.scalars(select(OutboxJob).where(OutboxJob.zaak_id == beslissing.zaak_id)).first()
    _fail(db, job, "LibreOffice reageerde niet binnen 60 seconden en is gestopt.")
    login_as("jurist")
    page = client.get(f"/zaken/{beslissing.zaak_id}").get_data(as_text=True)
    assert "Taken op de achtergrond" in page and "Mislukt" in page
    assert "LibreOffice reageerde niet binnen 60 seconden" in page
    assert "Opnieuw proberen: pdf maken" in page
    response = client.post(f"/zaken/{beslissing.zaak_id}/taken/{job.id}/opnieuw")
    assert response.status_code == 302 and response.headers["Location"].endswith("#achtergrondtaken")
    db.expire_all()
    assert (db.get(OutboxJob, job.id).status, db.get(OutboxJob, job.id).pogingen) == ("wachtend", 0)
    again = client.post(f"/zaken/{beslissing.zaak_id}/taken/{job.id}/opnieuw", follow_redirects=True)
    assert "is niet mislukt" in again.get_data(as_text=True)


def test_a_task_of_another_zaak_is_not_found_through_this_one(app, client, db, users, today, login_as):
    rt = app.extensions["bevoegd"]
    first = approved_warning(db, rt, users, today)
    second = approved_warning(db, rt, users, today)
    job = db.scalars(select(OutboxJob).where(OutboxJob.zaak_id == second.zaak_id)).first()
    _fail(db, job, "kapot")
    login_as("jurist")
    assert client.post(f"/zaken/{first.zaak_id}/taken/{job.id}/opnieuw").status_code == 404
    db.expire_all()
    assert db.get(OutboxJob, job.id).status == "mislukt"


def test_a_zaak_without_open_tasks_shows_no_task_section(app, client, db, users, today, login_as):
    beslissing = approved_warning(db, app.extensions["bevoegd"], users, today)
    for job in db.scalars(select(OutboxJob)):
        job.status = "klaar"
        from app.models.types import utcnow

        job.klaar_at = utcnow()
    db.commit()
    login_as("jurist")
    assert "Taken op de achtergrond" not in client.get(f"/zaken/{beslissing.zaak_id}").get_data(as_text=True)
