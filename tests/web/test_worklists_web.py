"""Work lists, assignment, the deadlines overview and the notifications through the web, per role."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import event, select

from app.domain.drafting import DraftRequest
from app.models import Notificatie, User, Zaak
from app.schemas.melding import MeldingSchema
from app.services.intake import submit_melding
from tests.conftest import PASSWORD
from tests.factories import huisverbod_form, melding
from tests.flows import judge_what_is_missing, submit
from tests.smtp_sink import free_port, smtp_sink


@pytest.fixture
def rt(app):
    return app.extensions["bevoegd"]


@pytest.fixture
def zaak(db, rt, users, today) -> Zaak:
    return submit_melding(db, rt, melding(), users["handhaving"], today)


def _west(db, users) -> User:
    base = users["jurist"]
    user = User(username="jurist_west", display_name="W. West (test)", role="jurist", team="west",
                zaaktypes=list(base.zaaktypes), password_hash=base.password_hash)
    db.add(user)
    db.commit()
    return user


def _assign(client, db, zaak, user) -> object:
    db.expire_all()
    return client.post(f"/zaken/{zaak.id}/behandelaar",
                       data={"behandelaar_id": user.id, "version": db.get(Zaak, zaak.id).version_id})


def test_the_jurist_lands_on_my_cases_and_the_lists_follow_the_assignment(client, login_as, db, users, zaak):
    login_as("jurist")
    home = client.get("/")
    assert home.status_code == 302 and home.headers["Location"].endswith("/werkvoorraad")
    assert zaak.identificatie not in client.get("/werkvoorraad").get_data(as_text=True)
    open_list = client.get("/werkvoorraad?lijst=open").get_data(as_text=True)
    assert zaak.identificatie in open_list and "<td class=\"utrecht-table__cell\">Bevoegdheid</td>" in open_list
    assert _assign(client, db, zaak, users["jurist"]).status_code == 302
    mine = client.get("/werkvoorraad?lijst=mijn").get_data(as_text=True)
    assert zaak.identificatie in mine and "Jurist (test)" in mine
    assert zaak.identificatie not in client.get("/werkvoorraad?lijst=open").get_data(as_text=True)
    assert zaak.identificatie in client.get("/werkvoorraad?lijst=team").get_data(as_text=True)


def test_the_case_page_shows_the_behandelaar_and_reassigns_within_the_team(client, login_as, db, users, zaak):
    login_as("jurist")
    page = client.get(f"/zaken/{zaak.id}").get_data(as_text=True)
    assert "Nog niet toegewezen</p>" in page and "Jurist2 (test)" in page
    response = _assign(client, db, zaak, users["jurist2"])
    assert response.headers["Location"].endswith(f"/zaken/{zaak.id}#bevestiging")  # the confirmation in the summary
    shown = client.get(f"/zaken/{zaak.id}").get_data(as_text=True)
    assert 'id="behandelaar">\n<p class="utrecht-paragraph">Jurist2 (test)</p>' in shown


def test_a_jurist_of_another_team_can_neither_see_nor_be_assigned(client, login_as, db, users, zaak):
    west = _west(db, users)
    login_as("jurist")
    assert "W. West" not in client.get(f"/zaken/{zaak.id}").get_data(as_text=True)
    refused = client.post(f"/zaken/{zaak.id}/behandelaar", data={"behandelaar_id": west.id,
                                                                  "version": zaak.version_id}, follow_redirects=True)
    assert "Behandelaar: Kies een jurist van het team van deze zaak" in refused.get_data(as_text=True)
    db.expire_all()
    assert db.get(Zaak, zaak.id).behandelaar_id is None
    client.post("/logout")
    assert client.post("/login", data={"username": "jurist_west", "password": PASSWORD}).status_code == 302
    assert _assign(client, db, zaak, west).status_code == 404
    assert zaak.identificatie not in client.get("/werkvoorraad?lijst=team").get_data(as_text=True)
    assert zaak.identificatie not in client.get("/termijnen").get_data(as_text=True)


def _order(db, rt, users, today, n: int, imposed=None) -> Zaak:
    """A huisverbod imposed on the spot at another address, on another person (no earlier order counts)."""
    form = huisverbod_form(imposed)
    form["adres"]["huisnummer"] = str(n)
    form["gegevens"]["person"]["naam"] = f"E. Testman {n}"
    return submit_melding(db, rt, MeldingSchema().load(form), users["hovj"], today)


def _statements(app, client, path: str) -> int:
    count = [0]

    def counter(*_args) -> None:
        count[0] += 1

    engine = app.extensions["db_engine"]
    event.listen(engine, "before_cursor_execute", counter)
    try:
        assert client.get(path).status_code == 200
    finally:
        event.remove(engine, "before_cursor_execute", counter)
    return count[0]


def test_the_deadlines_overview_shows_what_runs_out_first_with_a_bounded_number_of_queries(app, client, login_as, db,
                                                                                           rt, users, today):
    _order(db, rt, users, today, 1)
    login_as("jurist")
    one = _statements(app, client, "/termijnen")
    for n in range(2, 5):
        _order(db, rt, users, today, n)
    page = client.get("/termijnen").get_data(as_text=True)
    assert _statements(app, client, "/termijnen") == one
    assert page.count("Einde tijdelijk huisverbod") == 4
    # the reachability notice was due 24 hours after last night's imposition: not yet expired, listed first
    assert page.index("bereikbaar") < page.index("Einde tijdelijk huisverbod")


def test_an_expired_deadline_is_shown_as_verlopen(client, login_as, db, rt, users, today):
    from datetime import datetime, time, timedelta

    from app.domain.deadlines import AMSTERDAM

    imposed = datetime.combine(today - timedelta(days=2), time(20, 0), AMSTERDAM)
    _order(db, rt, users, today, 1, imposed)
    login_as("jurist")
    page = client.get("/termijnen").get_data(as_text=True)
    assert "<strong>Verlopen</strong>" in page


def _offered(db, rt, zaak, users, today):
    voornemen = judge_what_is_missing(db, rt, zaak, DraftRequest("voornemen_sluiting", today, 3), users["jurist"],
                                      today)
    return submit(db, rt, voornemen, users["kabinet"], users["jurist"], today)


def test_every_role_sees_its_unread_count_and_marks_messages_read(client, login_as, db, rt, users, zaak, today):
    beslissing = _offered(db, rt, zaak, users, today)
    for role in ("handhaving", "beheerder", "auditor"):
        login_as(role)
        assert "Berichten (0)" in client.get("/berichten").get_data(as_text=True)
    login_as("kabinet")
    page = client.get("/berichten").get_data(as_text=True)
    assert "Berichten (1)" in page and f'href="/vaststelling/{beslissing.id}"' in page
    row = db.scalars(select(Notificatie)).one()
    login_as("jurist")
    assert client.post(f"/berichten/{row.id}/gelezen").status_code == 404  # not his message
    login_as("kabinet")
    assert client.post(f"/berichten/{row.id}/gelezen").status_code == 302
    assert "Berichten (0)" in client.get("/berichten").get_data(as_text=True)


def _with_smtp(app, port: int) -> None:
    config = app.extensions["bevoegd_config"]
    app.extensions["bevoegd_config"] = replace(config, smtp_host="127.0.0.1", smtp_port=port, smtp_timeout=2.0,
                                               smtp_sender="bevoegd@gemeente.example")


@pytest.fixture
def offered_to_mail(db, rt, users, zaak, today):
    """A voornemen offered for review, drafted by a jurist with an e-mail address."""
    users["jurist"].email = "jurist@gemeente.example"
    db.commit()
    return _offered(db, rt, zaak, users, today)


def test_a_return_mails_the_drafter_after_the_commit(app, client, login_as, zaak, offered_to_mail):
    beslissing = offered_to_mail
    login_as("kabinet")
    with smtp_sink() as (sink, port):
        _with_smtp(app, port)
        response = client.post(f"/vaststelling/{beslissing.id}/terugsturen",
                               data={"version": beslissing.version_id, "opmerking": "Datum aanpassen."})
    assert response.status_code == 302
    ((recipients, message),) = sink.messages
    assert recipients == ["jurist@gemeente.example"]
    assert message["Subject"] == f"Bevoegd: Beslissing teruggestuurd (zaak {zaak.identificatie})"


def test_an_smtp_outage_does_not_block_the_return_and_the_mail_waits_for_the_retry(app, client, login_as, db,
                                                                                   offered_to_mail):
    beslissing = offered_to_mail
    port = free_port()
    _with_smtp(app, port)
    login_as("kabinet")
    response = client.post(f"/vaststelling/{beslissing.id}/terugsturen",
                           data={"version": beslissing.version_id, "opmerking": "Datum aanpassen."})
    assert response.status_code == 302
    db.expire_all()
    row = db.scalars(select(Notificatie).where(Notificatie.soort == "teruggestuurd")).one()
    assert row.mail_verzonden_at is None and row.mail_pogingen == 1
    with smtp_sink(port) as (sink, _):
        result = app.test_cli_runner().invoke(args=["notificaties", "mail"])
    assert result.exit_code == 0 and len(sink.messages) == 1
