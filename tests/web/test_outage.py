"""A database outage answers 503 with Retry-After on every route that needs the database, as a Dutch page or a
JSON error, logged in or not; no after-request hook turns it into a 500 by touching the database again
(issue 13, item 1). The outage: every new connection is refused by the driver, as when the server is down."""

from __future__ import annotations

import pytest
from sqlalchemy import event

from tests.web.test_access import routes

# Routes that need no database at all, even for a logged-in user.
NO_DATABASE = {"pages.live", "api.csrf", "api-docs.openapi_json"}
# Pages an anonymous visitor reaches without the database (they render no user and store nothing).
# Single sign-on is not configured in the test app: its two routes answer 404 before any query.
ANONYMOUS_WITHOUT_DATABASE = NO_DATABASE | {"auth.login", "pages.toegankelijkheid", "auth.logout", "oidc.start",
                                            "oidc.callback"}


@pytest.fixture
def outage(app):
    """Refuse every connection from now on and drop the pooled ones (a stopped server)."""
    engine = app.extensions["db_engine"]

    def refuse(*_args: object) -> None:
        raise engine.dialect.loaded_dbapi.OperationalError("connection refused (test outage)")

    def start() -> None:
        event.listen(engine, "do_connect", refuse)
        engine.dispose()

    yield start
    event.remove(engine, "do_connect", refuse)
    engine.dispose()


def assert_unavailable(response, endpoint: str, path: str) -> None:
    assert response.status_code == 503, (endpoint, path, response.status_code)
    assert response.headers["Retry-After"].isdigit(), endpoint
    if endpoint == "pages.ready":  # the readiness check's own body, for load balancers
        assert response.get_json() == {"status": "database onbereikbaar"}
    elif path.startswith("/api/") or response.is_json:
        assert response.get_json()["title"] == "Tijdelijk niet beschikbaar", (endpoint, response.get_json())
    else:
        assert "Tijdelijk niet beschikbaar" in response.get_data(as_text=True), endpoint


@pytest.mark.parametrize("role", ["jurist", "kabinet", "beheerder"])
def test_every_route_answers_503_with_retry_after_for_a_logged_in_user(client, app, login_as, outage, role):
    login_as(role)
    outage()
    for endpoint, method, path in routes(app):
        if endpoint in NO_DATABASE:
            continue
        response = client.open(path, method=method, json={} if path.startswith("/api/") else None)
        assert_unavailable(response, endpoint, path)


def test_anonymous_requests_that_need_the_database_answer_503(client, app, users, outage):
    outage()
    needing = 0
    for endpoint, method, path in routes(app):
        response = client.open(path, method=method, json={} if path.startswith("/api/") else None)
        if endpoint in ANONYMOUS_WITHOUT_DATABASE:
            assert response.status_code < 500, endpoint
        elif response.status_code in (302, 401):  # sent to the login page: nothing was read
            assert endpoint not in ("pages.health", "pages.ready", "auth.login_post"), endpoint
        else:
            assert_unavailable(response, endpoint, path)
            needing += 1
    assert needing >= 3  # the health checks and the login itself


def test_health_pages_report_the_outage(client, users, outage):
    outage()
    for path in ("/gezondheid", "/health/ready"):
        response = client.get(path)
        assert response.status_code == 503 and response.headers["Retry-After"], path
    assert client.get("/health/live").status_code == 200
    login = client.post("/login", data={"username": "jurist", "password": "x"})
    assert_unavailable(login, "auth.login_post", "/login")


def test_the_json_error_of_an_outage_is_structured(client, login_as, outage):
    login_as("jurist")
    outage()
    response = client.get("/zaken", headers={"Accept": "application/json"})
    assert response.status_code == 503 and response.headers["Retry-After"] == "5"
    assert set(response.get_json()) >= {"title", "message", "errors"}
    assert response.headers["Cache-Control"] == "no-store"
