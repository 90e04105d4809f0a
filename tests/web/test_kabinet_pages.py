"""The kabinet's history of reviewed decisions and its read-only case file (only of zaken offered to it, of its
own team), each view in the access log."""

from __future__ import annotations

from sqlalchemy import select

from app import clock
from app.domain.drafting import DraftRequest
from app.models import AccessEntry, Zaak
from app.services import review
from app.services.intake import submit_melding
from tests.factories import melding
from tests.flows import draft, submit
from tests.integration.test_damocles_flow import WARN, judge

COMMENT = "Corrigeer de naam van de bewoner & het adres <b>."


def offered(app, db, users, returned: bool = False) -> Zaak:
    """A zaak whose warning the jurist offered to the kabinet (and the kabinet returned, if asked)."""
    rt = app.extensions["bevoegd"]
    zaak = submit_melding(db, rt, melding(), users["handhaving"], clock.today())
    judge(db, zaak, users["jurist"], WARN)
    beslissing = submit(db, rt, draft(db, rt, zaak, DraftRequest("waarschuwing", clock.today()), users["jurist"],
                                      clock.today()), users["kabinet"], users["jurist"])
    if returned:
        review.return_for_changes(db, rt, beslissing, COMMENT, beslissing.version_id, users["kabinet2"])
    return zaak


def access_rows(db, object_type: str) -> list[AccessEntry]:
    db.rollback()
    return list(db.scalars(select(AccessEntry).where(AccessEntry.object_type == object_type)))


def test_the_case_file_shows_facts_advice_judgements_betrokkenen_and_letters_without_forms(app, client, login_as,
                                                                                         db, users):
    zaak = offered(app, db, users)
    login_as("kabinet")
    response = client.get(f"/vaststelling/dossier/{zaak.id}")
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and f"Dossier {zaak.identificatie}" in page
    assert "Advies van de regels" in page and "Vastgelegde afwegingen" in page
    assert "Motivering voor verkoop_aannemelijk &amp; &lt;details&gt;." in page  # the reasoning, escaped
    assert "Betrokkenen" in page and zaak.betrokkenen[0].naam in page
    assert "Ter vaststelling" in page and "gemeente-preview" in page  # the stored letter
    assert page.count("<form") == 1  # only the logout form: read-only
    [row] = access_rows(db, "dossier")
    assert (row.action, row.result, row.case_id, row.role) == ("view", "ok", zaak.identificatie, "kabinet")


def test_the_case_file_of_a_zaak_never_offered_is_not_found_and_the_attempt_logged(app, client, login_as, db,
                                                                                  users):
    zaak = submit_melding(db, app.extensions["bevoegd"], melding(), users["handhaving"], clock.today())
    login_as("kabinet")
    assert client.get(f"/vaststelling/dossier/{zaak.id}").status_code == 404
    assert [r.result for r in access_rows(db, "dossier")] == ["denied"]


def test_the_case_file_of_another_team_is_not_found(app, client, login_as, db, users):
    zaak = offered(app, db, users)
    users["kabinet"].team = "andere_gemeente"
    db.commit()
    login_as("kabinet")
    assert client.get(f"/vaststelling/dossier/{zaak.id}").status_code == 404
    assert client.get(f"/zaken/{zaak.id}").status_code == 403  # the jurist's page stays closed as well
    assert [r.result for r in access_rows(db, "dossier")] == ["denied"]


def test_the_history_lists_who_returned_what_when_with_the_comment(app, client, login_as, db, users):
    zaak = offered(app, db, users, returned=True)
    login_as("kabinet")
    page = client.get("/vaststelling/geschiedenis").get_data(as_text=True)
    assert zaak.identificatie in page and f'href="/vaststelling/dossier/{zaak.id}"' in page
    assert "Teruggestuurd" in page and "Waarschuwing" in page and "Kabinet2 (test)" in page
    assert "Corrigeer de naam van de bewoner &amp; het adres &lt;b&gt;." in page
    assert 'href="/vaststelling/geschiedenis"' in page  # in the navigation
    assert [r.action for r in access_rows(db, "reviewronde")] == ["search"]


def test_the_history_filters_by_period_and_explains_a_wrong_period(app, client, login_as, db, users):
    zaak = offered(app, db, users, returned=True)
    login_as("kabinet")
    later = client.get("/vaststelling/geschiedenis?van=2099-01-01&tot=").get_data(as_text=True)
    assert zaak.identificatie not in later and "Geen beslissingen in deze periode." in later
    today = clock.today().isoformat()
    assert zaak.identificatie in client.get(f"/vaststelling/geschiedenis?van={today}&tot={today}").get_data(
        as_text=True)
    wrong = client.get("/vaststelling/geschiedenis?van=2026-02-01&tot=2026-01-01")
    page = wrong.get_data(as_text=True)
    assert wrong.status_code == 400 and 'href="#f-tot"' in page and "vóór de begindatum" in page


def test_the_history_shows_no_other_teams_decisions(app, client, login_as, db, users):
    zaak = offered(app, db, users, returned=True)
    users["kabinet"].team = "andere_gemeente"
    db.commit()
    login_as("kabinet")
    page = client.get("/vaststelling/geschiedenis").get_data(as_text=True)
    assert zaak.identificatie not in page and "Geen beslissingen gevonden." in page
