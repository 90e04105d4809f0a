"""Machine clients: a beheerder makes an API token (shown once, stored hashed, audited), a system calls
/api/v1 with `Authorization: Bearer` and no cookie, CSRF token or Referer; every use is in the access log;
a revoked token gets 401, an operation outside the token's scope 403; the cookie still needs CSRF."""

from __future__ import annotations

import hashlib
import re

from sqlalchemy import func, select

from app.models import AccessEntry, ApiToken, AuditEntry, User, Zaak
from tests.conftest import PASSWORD
from tests.factories import melding_form

HTTPS = "https://bevoegd.example.nl"


def _csrf(page: str) -> str:
    return page.split('name="csrf_token" value="')[1].split('"', maxsplit=1)[0]


def _beheerder(app):
    """A beheerder's browser under CSRF, logged in, with the CSRF token of its session."""
    browser = app.test_client()
    browser.post("/login", data={"username": "beheerder", "password": PASSWORD,
                                 "csrf_token": _csrf(browser.get("/login").get_data(as_text=True))})
    return browser, _csrf(browser.get("/beheer/api-tokens/nieuw").get_data(as_text=True))


def make_token(app, naam="Politie Limburg", role="handhaving", scopes=("meldingen:schrijven",)):
    browser, token = _beheerder(app)
    response = browser.post("/beheer/api-tokens/nieuw", data={
        "naam": naam, "role": role, "team": "oov", "zaaktypes": ["damocles"], "scopes": list(scopes),
        "csrf_token": token})
    page = response.get_data(as_text=True)
    assert response.status_code == 200, page[:2000]
    return re.search(r'id="f-token" type="text" value="(bvg_[^"]+)"', page).group(1), browser


def _submit(app, token, **headers):
    machine = app.test_client()  # no cookie, no CSRF token, no Referer
    return machine.post("/api/v1/meldingen", json=melding_form(), base_url=HTTPS,
                        headers={"Authorization": f"Bearer {token}", **headers})


def test_a_machine_client_submits_a_report_with_a_token_and_no_cookie(csrf_app, users, db):
    token, _ = make_token(csrf_app)
    response = _submit(csrf_app, token)
    assert response.status_code == 201, response.get_json()
    assert "Set-Cookie" not in response.headers  # a token request starts no session
    assert response.headers["Cache-Control"] == "no-store"
    assert db.scalar(select(func.count()).select_from(Zaak)) == 1
    row = db.scalars(select(ApiToken)).one()
    assert row.token_sha256 == hashlib.sha256(token.encode()).hexdigest() and token not in str(row.__dict__)
    assert db.get(User, row.user_id).role == "handhaving"
    use = db.scalars(select(AccessEntry).where(AccessEntry.object_type == "api_token")).one()
    assert (use.result, use.object_id, use.reason) == ("ok", str(row.id), "POST /api/v1/meldingen")
    assert use.actor_display == "Politie Limburg" and token not in use.reason


def test_the_token_is_shown_once_and_its_creation_and_revocation_are_audited(csrf_app, users, db):
    token, browser = make_token(csrf_app)
    overview = browser.get("/beheer/api-tokens").get_data(as_text=True)
    assert token not in overview and token[:10] in overview
    row = db.scalars(select(ApiToken)).one()
    browser.post(f"/beheer/api-tokens/{row.id}/intrekken", data={"csrf_token": _csrf(overview)})
    db.rollback()  # a fresh snapshot: the revocation committed after this session's first read
    acties = set(db.scalars(select(AuditEntry.actie).where(AuditEntry.resource == "api_token")))
    assert acties == {"token_create", "token_revoke"}
    assert token not in str(list(db.scalars(select(AuditEntry.wijzigingen))))


def test_a_revoked_token_gets_401_and_the_attempt_is_logged(csrf_app, users, db):
    token, browser = make_token(csrf_app)
    row = db.scalars(select(ApiToken)).one()
    page = browser.get("/beheer/api-tokens").get_data(as_text=True)
    assert browser.post(f"/beheer/api-tokens/{row.id}/intrekken",
                        data={"csrf_token": _csrf(page)}).status_code == 302
    db.rollback()  # a fresh snapshot for the reads below
    response = _submit(csrf_app, token)
    assert response.status_code == 401
    assert set(response.get_json()) >= {"title", "message", "errors"}
    assert response.headers["WWW-Authenticate"].startswith("Bearer")
    denied = db.scalars(select(AccessEntry).where(AccessEntry.object_type == "api_token")).one()
    assert denied.result == "denied"
    assert db.scalar(select(func.count()).select_from(Zaak)) == 0


def test_an_operation_outside_the_scope_gets_a_structured_403(csrf_app, users, db):
    token, _ = make_token(csrf_app, naam="Zaaksysteem", role="jurist", scopes=("evaluaties",))
    response = _submit(csrf_app, token)
    body = response.get_json()
    assert response.status_code == 403 and body["errors"] == {"scope": ["Nodig: meldingen:schrijven."]}
    assert body["title"] and body["message"]
    assert db.scalars(select(AccessEntry).where(AccessEntry.result == "denied")).one().object_id == \
        "api.create_melding"


def test_unknown_malformed_or_cookie_backed_bad_tokens_get_401(csrf_app, users):
    token, browser = make_token(csrf_app)
    for header in (f"Bearer {token}x", "Bearer", f"Basic {token}", f"Token {token}"):
        assert _submit(csrf_app, token, Authorization=header).status_code == 401, header
    # A logged-in browser with a bad token is not let through on its cookie.
    response = browser.post("/api/v1/meldingen", json=melding_form(), headers={"Authorization": "Bearer nope"})
    assert response.status_code == 401


def test_a_cookie_request_without_csrf_still_fails(csrf_app, users, db):
    browser = csrf_app.test_client()
    browser.post("/login", data={"username": "handhaving", "password": PASSWORD,
                                 "csrf_token": _csrf(browser.get("/login").get_data(as_text=True))})
    response = browser.post("/api/v1/meldingen", json=melding_form())
    assert response.status_code == 400 and set(response.get_json()) >= {"title", "message", "errors"}
    csrf = browser.get("/api/v1/csrf").get_json()["csrf_token"]
    assert browser.post("/api/v1/meldingen", json=melding_form(), headers={"X-CSRFToken": csrf}).status_code == 201
    assert db.scalar(select(func.count()).select_from(Zaak)) == 1


def test_a_token_opens_no_web_page(csrf_app, users):
    token, _ = make_token(csrf_app)
    machine = csrf_app.test_client()
    response = machine.get("/meldingen", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_a_scope_that_does_not_fit_the_role_is_refused_in_dutch(csrf_app, users, db):
    browser, token = _beheerder(csrf_app)
    response = browser.post("/beheer/api-tokens/nieuw", data={
        "naam": "Fout", "role": "jurist", "team": "oov", "scopes": ["meldingen:schrijven"], "csrf_token": token})
    assert response.status_code == 400 and "past niet bij de gekozen rol" in response.get_data(as_text=True)
    assert db.scalar(select(func.count()).select_from(ApiToken)) == 0
