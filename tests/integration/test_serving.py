"""Production serving: gunicorn with the repository's config, two workers from one preloaded app. The workers
share one secret (a form rendered by one worker is accepted by the other), each answers the health checks, and
readiness says 503 when the database is gone."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import PASSWORD

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def served(database_url: str, users, tmp_path: Path) -> Iterator[str]:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "BEVOEGD_SECRET_KEY"}
    env.update({"BEVOEGD_DATABASE_URL": database_url, "BEVOEGD_BIND": f"127.0.0.1:{port}", "BEVOEGD_WORKERS": "2",
                "BEVOEGD_JOBS_FILE": str(tmp_path / "jobs.sqlite")})
    with (tmp_path / "gunicorn.log").open("ab") as log:
        server = subprocess.Popen([str(Path(sys.executable).parent / "gunicorn"), "-c", "gunicorn.conf.py"], cwd=ROOT,
                                  env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_live(url, server)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)


def _wait_live(url: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert server.poll() is None, "gunicorn stopped at start-up"
        try:
            if httpx.get(f"{url}/health/live", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.3)
    raise AssertionError("gunicorn did not answer /health/live in time")


def test_two_workers_share_one_secret_so_a_form_from_one_is_accepted_by_the_other(served):
    for _ in range(8):  # fresh clients: the login page and its post land on either worker
        with httpx.Client(base_url=served, follow_redirects=False, timeout=10) as client:
            page = client.get("/login").text
            token = re.search(r'name="csrf_token" value="([^"]+)"', page)[1]
            response = client.post("/login", data={"csrf_token": token, "username": "jurist",
                                                   "password": PASSWORD})
            assert response.status_code == 302, response.text[:300]  # not "Formulier verlopen"


def test_health_live_and_ready_answer_from_every_worker(served):
    answers = [httpx.get(f"{served}/health/ready", timeout=10) for _ in range(10)]
    assert {(r.status_code, r.json()["status"]) for r in answers} == {(200, "ok")}
    assert answers[0].headers["Cache-Control"] == "no-store"
    assert httpx.get(f"{served}/health/live", timeout=10).json() == {"status": "ok"}


def test_every_line_gunicorn_and_the_app_write_is_one_json_object(served, tmp_path: Path):
    response = httpx.get(f"{served}/health/live?zoek=Geheimenaam", headers={"X-Request-ID": "serving-1"}, timeout=10)
    assert response.headers["X-Request-ID"] == "serving-1"
    log = tmp_path / "gunicorn.log"
    deadline = time.monotonic() + 10
    while '"serving-1"' not in log.read_text() and time.monotonic() < deadline:
        time.sleep(0.1)
    text = log.read_text()
    parsed = [json.loads(line) for line in text.splitlines() if line.strip()]  # a plain line fails here
    assert [(p["method"], p["path"], p["status"]) for p in parsed if p.get("request_id") == "serving-1"] == [
        ("GET", "/health/live", 200)]
    assert any(p.get("logger") == "gunicorn.error" for p in parsed)  # gunicorn's own start-up lines too
    assert "Geheimenaam" not in text and "zoek" not in text  # no query string, and no access log that has it


def test_readiness_is_503_with_retry_after_when_the_database_is_gone(app, monkeypatch):
    from sqlalchemy.exc import OperationalError

    from app.web import pages

    def unreachable():
        class Gone:
            def execute(self, *_args):
                raise OperationalError("SELECT 1", {}, Exception("connection refused"))

            def rollback(self):
                return None

        return Gone()

    monkeypatch.setattr(pages, "get_session", unreachable)
    response = app.test_client().get("/health/ready")
    assert response.status_code == 503 and response.headers["Retry-After"] == "5"
    assert app.test_client().get("/health/live").status_code == 200
