"""Structured logs: one JSON object a line (or a readable line at `flask run`), tied to its request or job run.

structlog renders every record, the standard library's too (werkzeug, gunicorn, huey and the app's own
`logging.getLogger` calls), so a line is always one object with the request id or job run id it belongs to.
The per-request line names the method, the path without its query string, the status, the duration and the
user id; never a name, an address, a query string or a form value, which may be personal data.
"""

from __future__ import annotations

import logging
import os
import re
import sys
import time
import uuid
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

import structlog
from flask import Flask, Response, g, request
from flask.logging import default_handler
from sqlalchemy import inspect
from structlog.contextvars import bind_contextvars, clear_contextvars, merge_contextvars, reset_contextvars
from structlog.stdlib import ProcessorFormatter

from app.config import Config

REQUEST_ID_HEADER = "X-Request-ID"
# What proxies and clients generate (UUIDs, hex, trace ids); nothing that could break or forge a log line.
_WELL_FORMED_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")
_T = TypeVar("_T")
request_log = structlog.get_logger("bevoegd.request")
job_log = structlog.get_logger("bevoegd.job")


class StderrHandler(logging.StreamHandler):
    """Writes to sys.stderr as it is when a line is written: gunicorn and pytest swap it after start-up."""

    @property
    def stream(self) -> Any:  # noqa: ANN401 - a text stream
        return sys.stderr

    @stream.setter
    def stream(self, _value: Any) -> None:  # noqa: ANN401 - StreamHandler sets it; the property decides
        return


def _add_pid(_logger: Any, _name: str, event: dict[str, Any]) -> dict[str, Any]:  # noqa: ANN401
    event["pid"] = os.getpid()  # tells gunicorn's workers apart
    return event


# Runs on every record, structlog's and the standard library's, before rendering.
_SHARED = (
    merge_contextvars,
    structlog.stdlib.add_log_level,
    structlog.stdlib.add_logger_name,
    structlog.processors.TimeStamper(fmt="iso", utc=True),
    _add_pid,
)


def formatter(log_format: str = "json") -> ProcessorFormatter:
    """The one formatter of every handler (gunicorn.conf.py names it for gunicorn's own start-up lines)."""
    if log_format == "json":
        render: list[Any] = [structlog.processors.format_exc_info, structlog.processors.JSONRenderer()]
    else:
        render = [structlog.dev.ConsoleRenderer(colors=False)]
    return ProcessorFormatter(foreign_pre_chain=list(_SHARED),
                              processors=[ProcessorFormatter.remove_processors_meta, *render])


class _NoWerkzeugRequestLines(logging.Filter):
    """The development server's own request line carries the query string; the app logs its own line instead."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno > logging.INFO or " - - [" not in str(record.msg)


def configure(config: Config) -> None:
    """Route structlog and the standard library through one handler on the root logger; safe to call again."""
    structlog.configure(
        processors=[*_SHARED, structlog.processors.StackInfoRenderer(), ProcessorFormatter.wrap_for_formatter],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=False,  # tests configure again per app
    )
    root = logging.getLogger()
    for old in [h for h in root.handlers if isinstance(h, StderrHandler)]:  # ours, or gunicorn.conf.py's
        root.removeHandler(old)
    handler = StderrHandler()
    handler.setFormatter(formatter(config.log_format))
    root.addHandler(handler)
    root.setLevel(config.log_level)
    for chatty in ("alembic", "pikepdf"):  # their start-up lines (plugins loaded, schema checked) say nothing
        logging.getLogger(chatty).setLevel(logging.DEBUG if config.log_level == "DEBUG" else logging.WARNING)
    logging.getLogger("app").removeHandler(default_handler)  # Flask's own would print every app line twice
    werkzeug = logging.getLogger("werkzeug")
    if not any(isinstance(f, _NoWerkzeugRequestLines) for f in werkzeug.filters):
        werkzeug.addFilter(_NoWerkzeugRequestLines())


def init_app(app: Flask, config: Config) -> None:
    """Configure the logs and give every request its id; call first, so the id is bound before anything logs."""
    configure(config)
    app.before_request(_start)
    app.after_request(_finish)
    app.teardown_request(_forget)


def request_id_from(header: str | None) -> str:
    """The caller's id when it is well formed (a proxy's, to follow a request across systems), else a new one."""
    if header and _WELL_FORMED_ID.fullmatch(header):
        return header
    return uuid.uuid4().hex


def _start() -> None:
    clear_contextvars()  # a sync worker's thread serves one request after another
    g.request_id = request_id_from(request.headers.get(REQUEST_ID_HEADER))
    g.request_started = time.perf_counter()
    bind_contextvars(request_id=g.request_id)


def _finish(response: Response) -> Response:
    request_id = g.get("request_id") or request_id_from(None)
    response.headers[REQUEST_ID_HEADER] = request_id
    started = g.get("request_started", time.perf_counter())
    fields: dict[str, Any] = {"method": request.method, "path": request.path, "status": response.status_code,
                              "endpoint": request.endpoint,
                              "duration_ms": _since(started)}
    if (user_id := _loaded_user_id()) is not None:
        fields["user_id"] = user_id
    level = logging.ERROR if response.status_code >= 500 else logging.INFO
    request_log.log(level, "request", request_id=request_id, **fields)
    return response


def _loaded_user_id() -> str | None:
    """The id of the user this request already loaded: never a query (the session may be committed and the
    object expired, so the identity comes from SQLAlchemy's bookkeeping, not from an attribute)."""
    user = g.get("_login_user")  # where Flask-Login keeps the user it loaded for this request, if it did
    state = inspect(user, raiseerr=False) if user is not None else None  # None for the anonymous user
    identity = state.identity if state is not None else None
    return str(identity[0]) if identity else None


def _forget(_exc: BaseException | None) -> None:
    clear_contextvars()  # nothing of this request leaks into the next line the thread writes


def logged_job(run: Callable[[Any, int], _T]) -> Callable[[Any, int], _T]:
    """Wrap a job runner: every line of one run carries the outbox id and a run id, and the run ends with one
    line saying what happened (a job is retried, so one outbox id may have several runs)."""

    @wraps(run)
    def logged(owner: Any, job_id: int) -> _T:  # noqa: ANN401 - the queue object
        tokens = bind_contextvars(job_id=job_id, run_id=uuid.uuid4().hex)
        started = time.perf_counter()
        try:
            outcome = run(owner, job_id)
        except Exception:
            job_log.exception("job", outcome="fout", duration_ms=_since(started))
            raise
        else:
            job_log.info("job", outcome=outcome, duration_ms=_since(started))
            return outcome
        finally:
            reset_contextvars(**tokens)
            structlog.contextvars.unbind_contextvars("job_kind")

    return logged


def bind_job_kind(kind: str) -> None:
    """Name the kind of the job being run (known once it is claimed) on the rest of its lines."""
    bind_contextvars(job_kind=kind)


def _since(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 1)
