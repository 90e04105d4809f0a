"""Structured logs (issue 12, serving): one JSON object a line, each request with its id in the response header
and in every line it causes, no personal data (query strings, form values, names), and job runs with their id."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from flask import Flask, Response, g
from flask_login import current_user
from sqlalchemy import event

from app import create_app
from app.config import Config
from app.db import get_session
from app.jobs import get_jobs
from app.services import outbox

HEX_ID = re.compile(r"[0-9a-f]{32}")


@pytest.fixture
def app(database_url: str) -> Iterator[Flask]:
    """The suite's app, logging JSON as under gunicorn, with a route that fails unexpectedly."""
    application = create_app({"database_url": database_url, "testing": True, "strict_templates": True,
                              "csrf_enabled": False, "log_format": "json"})

    def broken() -> str:
        raise RuntimeError("kapot in de test")

    def expired() -> str:
        user = current_user._get_current_object()  # loaded by the request, then expired (as after a rollback)
        get_session().expire(user)
        return "ok"

    def after_view(response: Response) -> Response:
        g.after_view = True  # registered last, so it runs first of the after-request hooks
        return response

    application.add_url_rule("/test/kapot", "test_kapot", broken)
    application.add_url_rule("/test/verlopen", "test_verlopen", expired)
    application.after_request(after_view)
    yield application
    application.extensions["db_engine"].dispose()


def lines(capsys: pytest.CaptureFixture[str]) -> tuple[str, list[dict[str, Any]]]:
    """Everything written to stderr so far, and each line parsed (a line that is not one JSON object fails)."""
    err = capsys.readouterr().err
    return err, [json.loads(line) for line in err.splitlines() if line.strip()]


def request_line(parsed: list[dict[str, Any]], path: str) -> dict[str, Any]:
    found = [p for p in parsed if p.get("event") == "request" and p.get("path") == path]
    assert len(found) == 1, parsed
    return found[0]


def test_a_request_writes_one_json_line_with_the_id_of_its_response_header(client, capsys):
    capsys.readouterr()
    response = client.get("/health/live")
    request_id = response.headers["X-Request-ID"]
    assert HEX_ID.fullmatch(request_id)
    _, parsed = lines(capsys)
    line = request_line(parsed, "/health/live")
    assert line["request_id"] == request_id and line["method"] == "GET" and line["status"] == 200
    assert line["level"] == "info" and isinstance(line["duration_ms"], float) and "user_id" not in line
    assert client.get("/health/live").headers["X-Request-ID"] != request_id  # a new id per request


def test_a_well_formed_incoming_request_id_is_kept(client, capsys):
    capsys.readouterr()
    given = "3f2b9c1e-proxy-42.abc"
    response = client.get("/health/live", headers={"X-Request-ID": given})
    assert response.headers["X-Request-ID"] == given
    assert request_line(lines(capsys)[1], "/health/live")["request_id"] == given


@pytest.mark.parametrize("given", ["abc\ninjected", "a" * 500, 'abc"injected', "abc injected", ""])
def test_a_malformed_incoming_request_id_is_replaced(client, capsys, given):
    capsys.readouterr()
    # environ directly: the test client itself refuses a header value with a newline
    response = client.get("/health/live", environ_overrides={"HTTP_X_REQUEST_ID": given})
    request_id = response.headers["X-Request-ID"]
    assert HEX_ID.fullmatch(request_id) and request_id != given
    err, parsed = lines(capsys)
    assert request_line(parsed, "/health/live")["request_id"] == request_id
    assert "injected" not in err and "a" * 129 not in err


def test_the_line_names_the_user_by_id_and_holds_no_query_string_form_value_or_name(client, login_as, capsys):
    user = login_as("jurist")
    capsys.readouterr()
    client.get("/zaken?q=Geheimenaam+6211AB")
    client.post("/login", data={"username": "Vertrouwelijk", "password": "Wachtwoordgeheim"})
    err, parsed = lines(capsys)
    zaken = request_line(parsed, "/zaken")
    assert zaken["user_id"] == str(user.id) and zaken["method"] == "GET"
    assert request_line(parsed, "/login")["status"] == 400
    for secret in ("Geheimenaam", "6211AB", "q=", "Vertrouwelijk", "Wachtwoordgeheim", user.display_name):
        assert secret not in err


def test_the_user_id_comes_from_what_the_request_loaded_without_a_query_after_the_view(app, client, login_as,
                                                                                       capsys):
    user = login_as("jurist")
    late: list[str] = []
    def record(_conn, _cursor, statement, *_args):
        if g.get("after_view"):
            late.append(statement)

    event.listen(app.extensions["db_engine"], "before_cursor_execute", record)
    capsys.readouterr()
    assert client.get("/test/verlopen").status_code == 200
    assert request_line(lines(capsys)[1], "/test/verlopen")["user_id"] == str(user.id)
    assert late == []  # the expired user was not loaded again to log its id


def test_an_unexpected_error_is_logged_with_its_request_id_and_traceback(client, capsys):
    capsys.readouterr()
    response = client.get("/test/kapot", headers={"X-Request-ID": "fout-123"})
    assert response.status_code == 500 and response.headers["X-Request-ID"] == "fout-123"
    _, parsed = lines(capsys)
    errors = [p for p in parsed if p.get("exception")]
    assert len(errors) == 1, parsed
    assert errors[0]["request_id"] == "fout-123" and errors[0]["level"] == "error"
    assert "Traceback" in errors[0]["exception"] and "RuntimeError: kapot in de test" in errors[0]["exception"]
    assert request_line(parsed, "/test/kapot")["status"] == 500


def test_lines_after_a_request_do_not_carry_its_id(app, client, capsys):
    import logging

    client.get("/health/live")
    capsys.readouterr()
    logging.getLogger("app.test").warning("na het verzoek %s", 1)
    _, parsed = lines(capsys)
    assert [p["event"] for p in parsed] == ["na het verzoek 1"] and "request_id" not in parsed[0]


def test_the_development_servers_request_line_with_its_query_string_is_dropped(app, capsys):
    import logging

    werkzeug = logging.getLogger("werkzeug")
    capsys.readouterr()
    # what `flask run` writes per request (werkzeug/serving.py), and its start-up line
    werkzeug.info('127.0.0.1 - - [06/Dec/2026 10:00:00] "%s" %s %s\n', "GET /zaken?q=Geheimenaam HTTP/1.1", "200", "-")
    werkzeug.info("Running on http://127.0.0.1:5000")
    err, parsed = lines(capsys)
    assert [p["event"] for p in parsed] == ["Running on http://127.0.0.1:5000"] and "Geheimenaam" not in err


def test_a_job_run_logs_its_job_id_kind_and_a_run_id(app, db, capsys):
    job = outbox.add(db, "onbekende_taak", "test:logging", {}, None)  # no handler: the run fails and waits
    db.commit()
    capsys.readouterr()
    assert get_jobs(app)._run(job.id) == "wachtend"
    _, parsed = lines(capsys)
    failed = [p for p in parsed if p["event"].startswith(f"job {job.id} ")]
    done = [p for p in parsed if p["event"] == "job"]
    assert len(failed) == 1 and len(done) == 1, parsed
    assert failed[0]["job_kind"] == done[0]["job_kind"] == "onbekende_taak"
    assert failed[0]["job_id"] == done[0]["job_id"] == job.id and done[0]["outcome"] == "wachtend"
    assert HEX_ID.fullmatch(done[0]["run_id"]) and failed[0]["run_id"] == done[0]["run_id"]
    assert get_jobs(app)._run(job.id) == "overgeslagen"  # not due yet; a second run gets its own run id
    again = [p for p in lines(capsys)[1] if p["event"] == "job"]
    assert again[0]["run_id"] != done[0]["run_id"] and "job_kind" not in again[0]


def test_the_format_defaults_to_console_outside_production_and_typos_are_refused():
    assert Config.from_env({}).log_format == "console"
    assert Config.from_env({"log_level": "debug"}).log_level == "DEBUG"
    with pytest.raises(RuntimeError, match="BEVOEGD_LOG_FORMAT"):
        Config.from_env({"log_format": "xml"})
    with pytest.raises(RuntimeError, match="BEVOEGD_LOG_LEVEL"):
        Config.from_env({"log_level": "luid"})


def test_the_settings_printout_holds_no_secret():
    from app.config import Config

    shown = repr(Config(secret_key="s3cr3t-key", smtp_password="mail-pass", zgw_secret="zgw-pass",
                        audit_key="a" * 40, oidc_client_secret="oidc-pass"))
    assert not any(word in shown for word in ("s3cr3t-key", "mail-pass", "zgw-pass", "a" * 40, "oidc-pass"))
