"""The floor of the HTTP benchmark: a WSGI app that answers 200 "ok" and does nothing else.

bench/bench_http.py serves it with gunicorn.conf.py's settings (same workers, same sync worker class, same access log)
so the difference to the app's cheapest route is the app's own cost, not gunicorn's or the client's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

BODY = b"ok"


def app(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:  # noqa: ARG001
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", str(len(BODY)))])
    return [BODY]


class _NoPool:
    """gunicorn.conf.py's post_fork disposes the app's database pool; this app has none."""

    def dispose(self, close: bool = True) -> None:
        return None


app.extensions = {"db_engine": _NoPool()}  # type: ignore[attr-defined]
