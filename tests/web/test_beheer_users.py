"""The beheerder's pages for users and teams: create, change, deactivate, every change audited (old and new
values, never a password hash), and no beheerder can lock themself or everyone out."""

from __future__ import annotations

from sqlalchemy import func, select

from app.models import AuditEntry, LoginSession, User
from tests.conftest import PASSWORD

NEW = {"username": "j.jansen", "password": "een-lang-wachtwoord-2026", "display_name": "J. Jansen",
       "role": "jurist", "team": "oov", "zaaktypes": ["damocles"], "max_vertrouwelijkheid": "vertrouwelijk",
       "phone": ""}


def audit_rows(db, actie: str) -> list[AuditEntry]:
    db.rollback()
    return list(db.scalars(select(AuditEntry).where(AuditEntry.actie == actie, AuditEntry.resource == "user")))


def test_the_landing_page_links_every_beheer_page(client, login_as):
    login_as("beheerder")
    page = client.get(client.get("/").headers["Location"]).get_data(as_text=True)
    for href in ("/beheer/gebruikers", "/beheer/teams", "/beheer/mandaten", "/beheer/parameters"):
        assert f'href="{href}"' in page


def test_a_beheerder_creates_a_user_who_can_log_in_and_the_creation_is_audited(client, login_as, db):
    login_as("beheerder")
    assert client.post("/beheer/gebruikers/nieuw", data=NEW).status_code == 302
    db.rollback()
    user = db.scalars(select(User).where(User.username == "j.jansen")).one()
    assert (user.role, user.team, user.zaaktypes, user.active) == ("jurist", "oov", ["damocles"], True)
    [row] = audit_rows(db, "create")
    assert row.wijzigingen["oud"] is None and row.wijzigingen["nieuw"]["role"] == "jurist"
    assert "password" not in str(row.wijzigingen) and user.password_hash not in str(row.wijzigingen)
    assert "J. Jansen" in client.get("/beheer/gebruikers").get_data(as_text=True)
    client.post("/logout")
    assert client.post("/login", data={"username": "j.jansen", "password": NEW["password"]}).status_code == 302


def test_a_wrong_user_form_gets_dutch_errors_and_stores_nothing(client, login_as, db):
    login_as("beheerder")
    response = client.post("/beheer/gebruikers/nieuw", data={
        **NEW, "username": "Jan Jansen!", "password": "kort", "role": "baas", "zaaktypes": ["onbekend"]})
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "<title>Fout: " in page
    for field in ("username", "password", "role"):
        assert f'href="#f-{field}"' in page
    assert "minstens 12 tekens" in page and 'aria-invalid="true"' in page
    duplicate = client.post("/beheer/gebruikers/nieuw", data={**NEW, "username": "jurist"})
    assert duplicate.status_code == 400 and "bestaat al" in duplicate.get_data(as_text=True)
    db.rollback()
    assert db.scalar(select(func.count()).select_from(User).where(User.username.in_(("jurist", "j.jansen")))) == 1


def test_changing_a_user_is_audited_with_old_and_new_values(client, login_as, db, users):
    login_as("beheerder")
    target = users["jurist"]
    form = client.get(f"/beheer/gebruikers/{target.id}").get_data(as_text=True)
    assert 'value="Jurist (test)"' in form and "Deactiveren" in form
    response = client.post(f"/beheer/gebruikers/{target.id}", data={
        "display_name": "Jurist (nieuw)", "role": "kabinet", "team": "west", "zaaktypes": ["huisverbod"],
        "max_vertrouwelijkheid": "intern", "phone": "14 043"})
    assert response.status_code == 302
    [row] = audit_rows(db, "update")
    assert (row.wijzigingen["oud"]["role"], row.wijzigingen["nieuw"]["role"]) == ("jurist", "kabinet")
    assert (row.wijzigingen["oud"]["team"], row.wijzigingen["nieuw"]["team"]) == ("oov", "west")
    teams = client.get("/beheer/teams").get_data(as_text=True)
    assert ">west<" in teams and ">oov<" in teams


def test_deactivating_ends_the_users_sessions_and_is_audited(app, client, login_as, db, users):
    other = app.test_client()
    assert other.post("/login", data={"username": "jurist", "password": PASSWORD}).status_code == 302
    login_as("beheerder")
    assert client.post(f"/beheer/gebruikers/{users['jurist'].id}/actief", data={"actief": "false"}).status_code == 302
    assert other.get("/zaken").status_code == 302  # sent back to the login page
    db.rollback()
    assert db.scalar(select(func.count()).select_from(LoginSession).where(
        LoginSession.user_id == users["jurist"].id, LoginSession.revoked_at.is_(None))) == 0
    [row] = audit_rows(db, "deactivate")
    assert (row.wijzigingen["oud"]["active"], row.wijzigingen["nieuw"]["active"]) == (True, False)
    assert "Gedeactiveerd" in client.get("/beheer/gebruikers").get_data(as_text=True)


def test_a_beheerder_cannot_lock_themself_out(client, login_as, db, users):
    me = login_as("beheerder")
    assert "Deactiveren" not in client.get(f"/beheer/gebruikers/{me.id}").get_data(as_text=True)
    refused = client.post(f"/beheer/gebruikers/{me.id}/actief", data={"actief": "false"})
    assert refused.status_code == 400 and "niet deactiveren" in refused.get_data(as_text=True)
    demoted = client.post(f"/beheer/gebruikers/{me.id}", data={
        "display_name": "Beheerder", "role": "jurist", "team": "oov", "max_vertrouwelijkheid": "intern"})
    assert demoted.status_code == 400 and 'href="#f-role"' in demoted.get_data(as_text=True)
    db.rollback()
    db.refresh(users["beheerder"])
    assert (users["beheerder"].active, users["beheerder"].role) == (True, "beheerder")
    assert audit_rows(db, "deactivate") == [] and audit_rows(db, "update") == []


def test_a_new_user_must_replace_the_initial_password_before_anything_else(client, login_as, db):
    login_as("beheerder")
    client.post("/beheer/gebruikers/nieuw", data=NEW)
    client.post("/logout")
    client.post("/login", data={"username": "j.jansen", "password": NEW["password"]})
    assert client.get("/zaken").headers["Location"].endswith("/wachtwoord")
    blocked = client.post("/api/v1/evaluaties", json={})  # no API either before the password is changed
    assert blocked.status_code == 403 and "eigen wachtwoord" in blocked.get_data(as_text=True)
    assert "eerste wachtwoord van de beheerder" in client.get("/wachtwoord").get_data(as_text=True)
    wrong = client.post("/wachtwoord", data={"huidig": "fout", "nieuw": "kort", "herhaling": "kort"})
    page = wrong.get_data(as_text=True)
    assert wrong.status_code == 400 and 'href="#f-huidig"' in page and 'href="#f-nieuw"' in page
    mine = "mijn-eigen-wachtwoord-2026"
    assert client.post("/wachtwoord", data={"huidig": NEW["password"], "nieuw": mine,
                                            "herhaling": mine}).status_code == 302
    assert client.get("/zaken").status_code == 200
    db.rollback()
    user = db.scalars(select(User).where(User.username == "j.jansen")).one()
    assert user.wachtwoord_wijzigen is False
    row = db.scalars(select(AuditEntry).where(AuditEntry.actie == "password")).one()
    assert row.wijzigingen == {"oud": None, "nieuw": None}  # no password material in the trail
    client.post("/logout")
    assert client.post("/login", data={"username": "j.jansen", "password": NEW["password"]}).status_code == 400


def test_a_beheerder_sets_the_address_notifications_are_mailed_to(client, login_as, db, users):
    login_as("beheerder")
    target = users["jurist"]
    form = {"display_name": "Jurist (test)", "role": "jurist", "team": "oov", "zaaktypes": ["damocles"],
            "max_vertrouwelijkheid": "vertrouwelijk", "phone": ""}
    bad = client.post(f"/beheer/gebruikers/{target.id}", data={**form, "email": "geen adres"})
    assert bad.status_code == 400 and 'href="#f-email"' in bad.get_data(as_text=True)
    saved = client.post(f"/beheer/gebruikers/{target.id}", data={**form, "email": "jurist@gemeente.test"})
    assert saved.status_code == 302
    db.rollback()
    db.expire_all()
    assert db.get(User, target.id).email == "jurist@gemeente.test"
    [row] = audit_rows(db, "update")
    assert (row.wijzigingen["oud"]["email"], row.wijzigingen["nieuw"]["email"]) == ("", "jurist@gemeente.test")
