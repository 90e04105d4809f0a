"""Every route x every role gives the expected answer; a route not in the matrix fails (security §3)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.conftest import ROLES

MATRIX = yaml.safe_load((Path(__file__).parent / "access_matrix.yaml").read_text(encoding="utf-8"))
IGNORED = {"static"}


def routes(app):
    for rule in app.url_map.iter_rules():
        if rule.endpoint in IGNORED:
            continue
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            path = rule.rule
            for arg in rule.arguments:
                path = path.replace(f"<int:{arg}>", "999999").replace(f"<{arg}>", "x")
            yield rule.endpoint, method, path


def test_every_route_is_in_the_access_matrix(app):
    known = set(MATRIX["public"]) | set(MATRIX["endpoints"])
    unknown = {endpoint for endpoint, _, _ in routes(app)} - known
    assert not unknown, f"routes without an access rule: {sorted(unknown)}"


def test_anonymous_users_are_sent_to_login_or_get_401(client, app):
    for endpoint, method, path in routes(app):
        if endpoint in MATRIX["public"]:
            continue
        response = client.open(path, method=method)
        expected = 401 if path.startswith("/api/") else 302
        assert response.status_code == expected, (endpoint, method, response.status_code)


@pytest.mark.parametrize("role", ROLES)
def test_each_role_reaches_exactly_its_routes(client, app, login_as, role):
    login_as(role)
    for endpoint, method, path in routes(app):
        if endpoint in MATRIX["public"] or endpoint == "auth.logout":
            continue
        response = client.open(path, method=method, json={} if path.startswith("/api/") else None)
        if role in MATRIX["endpoints"][endpoint]:
            assert response.status_code not in (401, 403), (role, endpoint, method)
        else:
            assert response.status_code == 403, (role, endpoint, method, response.status_code)


def test_denied_route_writes_a_denied_access_row(client, login_as, db):
    from sqlalchemy import select

    from app.models import AccessEntry

    login_as("handhaving")
    assert client.get("/zaken").status_code == 403
    row = db.scalars(select(AccessEntry).where(AccessEntry.result == "denied")).one()
    assert row.role == "handhaving" and row.object_id == "cases.index"
