"""Shared by the HTTP benchmarks: a minimal cookie-keeping client, logins, and a closed-loop load of N threads.

The client is the standard library's http.client, one connection per request: gunicorn's sync workers close
the connection after each response anyway, and a heavier client would take CPU from the server on a 2-core
machine. Every request says it came through a TLS-terminating proxy (X-Forwarded-Proto), as in production.
"""

from __future__ import annotations

import http.client
import json
import re
import threading
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

PROXY = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "127.0.0.1"}
CSRF_FIELD = re.compile(r'name="csrf_token" value="([^"]+)"')


class Client:
    """One user's browser: its cookies, its CSRF token, one connection per request."""

    def __init__(self, base: str) -> None:
        parts = urllib.parse.urlsplit(base)
        self.host, self.port = parts.hostname or "127.0.0.1", parts.port or 80
        self.cookies: dict[str, str] = {}
        self.csrf = ""

    def request(self, method: str, path: str, body: bytes | None = None,
                headers: dict[str, str] | None = None) -> tuple[int, bytes, Any]:
        conn = http.client.HTTPConnection(self.host, self.port, timeout=120)
        # Flask-WTF checks the Referer of a request that came in over HTTPS (the proxy said so).
        sent = {**PROXY, "Referer": f"https://{self.host}:{self.port}/", **(headers or {})}
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        try:
            conn.request(method, path, body=body, headers=sent)
            response = conn.getresponse()
            data = response.read()
        finally:
            conn.close()
        for cookie in response.headers.get_all("Set-Cookie") or ():
            name, _, rest = cookie.partition("=")
            value = rest.split(";", 1)[0]
            if value and "Max-Age=0" not in cookie:
                self.cookies[name] = value
            else:
                self.cookies.pop(name, None)
        return response.status, data, response.headers

    def get(self, path: str) -> tuple[int, bytes, Any]:
        return self.request("GET", path)

    def post_json(self, path: str, payload: Any, headers: dict[str, str] | None = None) -> tuple[int, bytes, Any]:
        sent = {"Content-Type": "application/json", "X-CSRFToken": self.csrf, **(headers or {})}
        return self.request("POST", path, json.dumps(payload).encode(), sent)


def login(base: str, username: str, password: str) -> Client:
    """Log in through the form (with its CSRF token), then fetch the API's token for JSON POSTs."""
    client = Client(base)
    status, page, _ = client.get("/login")
    token = CSRF_FIELD.search(page.decode())
    if status != 200 or token is None:
        raise SystemExit(f"GET /login answered {status}")
    form = urllib.parse.urlencode({"csrf_token": token[1], "username": username, "password": password}).encode()
    status, body, _ = client.request("POST", "/login", form, {"Content-Type": "application/x-www-form-urlencoded"})
    if status != 302:
        raise SystemExit(f"login as {username} answered {status}: {body[:300]!r}")
    status, body, _ = client.get("/api/v1/csrf")
    client.csrf = json.loads(body)["csrf_token"]
    return client


# One request of an endpoint: given the thread's client and a running number, returns the HTTP status.
Call = Callable[[Client, int], int]


@dataclass
class Result:
    label: str
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)
    errors: dict[int, int] = field(default_factory=dict)
    load: str = ""  # the 1-minute load average when it ended (the machine is shared)

    @property
    def rate(self) -> float:
        return len(self.latencies) / self.seconds if self.seconds else 0.0

    def pct(self, q: float) -> float:
        """Nearest-rank percentile in milliseconds."""
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered) + 0.5) - 1))] * 1000 if ordered else 0.0


def run(label: str, clients: list[Any], call: Call, expect: int, requests: int = 0,
        seconds: float = 0.0) -> Result:
    """Closed loop: each thread sends its next request as soon as the last one answered, until `requests` were
    sent in total (or `seconds` passed). Latency is the client's wall clock per request."""
    result, lock, counter = Result(label), threading.Lock(), iter(range(10**9))
    deadline = time.perf_counter() + seconds if seconds else float("inf")

    def worker(client: Any) -> None:
        while True:
            with lock:
                n = next(counter)
            if (requests and n >= requests) or time.perf_counter() >= deadline:
                return
            start = time.perf_counter()
            try:
                status = call(client, n)
            except (OSError, http.client.HTTPException):  # counted as status 0, the run goes on
                status = 0
            elapsed = time.perf_counter() - start
            with lock:
                result.latencies.append(elapsed)
                if status != expect:
                    result.errors[status] = result.errors.get(status, 0) + 1

    threads = [threading.Thread(target=worker, args=(c,)) for c in clients]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    result.seconds = time.perf_counter() - start
    return result


def table(results: list[Result], reference: str) -> str:
    """The markdown table: throughput, latency percentiles and the share of the reference route's throughput."""
    base = next((r.rate for r in results if r.label == reference), 0.0)
    lines = ["| endpoint | requests | req/s | p50 ms | p95 ms | p99 ms | % of csrf | errors | load |",
             "|---|---:|---:|---:|---:|---:|---:|---|---:|"]
    for r in results:
        share = f"{r.rate / base * 100:.0f}%" if base else "-"
        errors = ", ".join(f"{n}× {s}" for s, n in sorted(r.errors.items())) or "0"
        lines.append(f"| {r.label} | {len(r.latencies)} | {r.rate:.1f} | {r.pct(0.5):.1f} | {r.pct(0.95):.1f} | "
                     f"{r.pct(0.99):.1f} | {share} | {errors} | {r.load} |")
    return "\n".join(lines)
