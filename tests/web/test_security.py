"""Security baseline: CSRF on every POST, headers, cookies, argon2, login throttle, sessions end at logout."""

from __future__ import annotations

from sqlalchemy import select

from app.models import LoginThrottle, User
from tests.conftest import PASSWORD


def post_routes(app):
    for rule in app.url_map.iter_rules():
        if "POST" in rule.methods:
            path = rule.rule
            for arg in rule.arguments:
                path = path.replace(f"<int:{arg}>", "1")
            yield path


def test_every_post_without_csrf_token_is_refused(csrf_app, users):
    client = csrf_app.test_client()
    for path in post_routes(csrf_app):
        response = client.post(path, data={"x": "1"})
        assert response.status_code == 400, path
        assert "verlopen" in response.get_data(as_text=True) or path.startswith("/api/")


def test_login_form_with_token_works_under_csrf(csrf_app, users):
    client = csrf_app.test_client()
    page = client.get("/login").get_data(as_text=True)
    token = page.split('name="csrf_token" value="')[1].split('"')[0]
    response = client.post("/login", data={"username": "jurist", "password": PASSWORD, "csrf_token": token})
    assert response.status_code == 302


def test_pages_carry_strict_security_headers(client, login_as):
    login_as("jurist")
    response = client.get("/zaken")
    csp = response.headers["Content-Security-Policy"]
    for directive in ("default-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'",
                      "form-action 'self'", "style-src 'self'"):
        assert directive in csp
    assert "unsafe-inline" not in csp
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_session_cookie_is_httponly_and_samesite(client, users):
    response = client.post("/login", data={"username": "jurist", "password": PASSWORD})
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_passwords_are_argon2id_hashes(db, users):
    assert db.scalars(select(User.password_hash)).first().startswith("$argon2id$")


def test_failed_logins_are_counted_per_account_and_source_not_locked(client, users, db):
    """The back-off itself: tests/web/test_login_throttle.py."""
    for _ in range(4):
        assert client.post("/login", data={"username": "jurist", "password": "fout"}).status_code == 400
    assert db.scalar(select(LoginThrottle.failures).where(LoginThrottle.scope == "account_bron")) == 4
    assert client.post("/login", data={"username": "jurist", "password": PASSWORD}).status_code == 302


def test_old_cookie_no_longer_works_after_logout(client, login_as):
    login_as("jurist")
    assert client.get("/zaken").status_code == 200
    client.post("/logout")
    assert client.get("/zaken").status_code == 302


def test_wrong_password_gives_a_dutch_error_and_no_session(client, users):
    response = client.post("/login", data={"username": "jurist", "password": "fout"})
    assert response.status_code == 400
    assert "onjuist" in response.get_data(as_text=True)
    assert client.get("/zaken").status_code == 302


def test_forms_with_their_csrf_token_are_accepted_by_the_schemas(csrf_app, users):
    """The token is form plumbing: schemas that reject unknown fields must not see it."""
    from tests.web.test_web_flow import form_data

    client = csrf_app.test_client()
    token = client.get("/login").get_data(as_text=True).split('name="csrf_token" value="')[1].split('"')[0]
    client.post("/login", data={"username": "handhaving", "password": PASSWORD, "csrf_token": token})
    page = client.get("/meldingen/nieuw/damocles").get_data(as_text=True)  # login starts a new session: new token
    token = page.split('name="csrf_token" value="')[1].split('"')[0]
    response = client.post("/meldingen", data={**form_data(), "csrf_token": token})
    assert response.status_code == 302, response.get_data(as_text=True)[:300]
