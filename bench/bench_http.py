"""Serving benchmark (issue 12): the app under gunicorn.conf.py with 2 workers on PostgreSQL, N client threads.

Measures POST /api/v1/meldingen (handhaving), GET /zaken (case list), GET /zaken/<id> (case page), GET
/vaststelling (review queue, kabinet) and POST /api/v1/evaluaties, against two references served by the same
gunicorn settings in the same run: a bare WSGI app (bench/bare_wsgi.py) and the app's cheapest route GET
/api/v1/csrf. With --rss N it sends N more requests (all app endpoints in turn) and reports each worker's VmRSS
before and after. Target: every endpoint >= 25% of /api/v1/csrf; RSS flat over 10,000 requests.

The database is dropped and created again, migrated, seeded with the fictional demo users and meldingen and, with
--zaken, loaded with generated cases (bench/generate.py). Loopback only. Run from the repository root:

    .venv/bin/python bench/bench_http.py [--database-url URL] [--threads 4] [--seconds 15] [--zaken 2000] [--rss 10000]

Prints markdown tables for docs/performance.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import uuid
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO)]
os.environ.setdefault("MALLOC_TOP_PAD_", "67108864")  # as the service runs (Makefile); read at start-up
os.environ.setdefault("MALLOC_TRIM_THRESHOLD_", "268435456")

from bench import _db, _load, _serve  # noqa: E402

DEFAULT_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/bench_http"
PASSWORD = "demo-bevoegd-2026"  # noqa: S105 - app/seed.py's fictional demo accounts


def prepare(url: str, zaken: int) -> list[int]:
    """A fresh, migrated, seeded database; returns the ids of the case pages to request (jurist's team)."""
    _db.prepare(url)
    if zaken:
        from bench import generate  # after --code is on the path: the generator reads the models it serves

        generate.load(url, zaken)
    with _db.psycopg.connect(_db.libpq(url)) as conn:
        rows = conn.execute("SELECT id FROM zaken WHERE team = 'oov' AND NOT toegang_beperkt "
                            "ORDER BY id DESC LIMIT 100").fetchall()
    return [r[0] for r in rows]


def _melding(n: int) -> dict:
    """A Damocles report at its own address (the same address would make each report find all earlier ones)."""
    from tests.factories import melding_form

    body = melding_form()
    body["adres"] = {**body["adres"], "huisnummer": str(n % 9000 + 1)}
    return body


def _case_file() -> dict:
    from tests.factories import melding_form

    found = date.today() - timedelta(days=7)
    report = melding_form(pleegdatum=found)
    return {"power": "damocles", "date": found.isoformat(),
            "case_file": {k: v for k, v in report.items() if k not in ("submission_id", "zaaktype")}}


def endpoints(ids: list[int]) -> list[tuple[str, str, _load.Call, int]]:
    """(label, who, one request, expected status); who: a demo username, or "" for an anonymous client."""
    evaluation = _case_file()

    def melding(c: _load.Client, n: int) -> int:
        return c.post_json("/api/v1/meldingen", _melding(n), {"Idempotency-Key": uuid.uuid4().hex})[0]

    return [
        ("GET /api/v1/csrf (reference)", "", lambda c, n: c.get("/api/v1/csrf")[0], 200),
        ("GET /zaken (case list)", "jurist", lambda c, n: c.get("/zaken")[0], 200),
        ("GET /zaken/<id> (case page)", "jurist", lambda c, n: c.get(f"/zaken/{ids[n % len(ids)]}")[0], 200),
        ("GET /vaststelling (review queue)", "kabinet", lambda c, n: c.get("/vaststelling")[0], 200),
        ("POST /api/v1/evaluaties", "jurist", lambda c, n: c.post_json("/api/v1/evaluaties", evaluation)[0], 200),
        ("POST /api/v1/meldingen", "handhaving", melding, 201),
    ]


def clients_for(base: str, who: str, threads: int) -> list[_load.Client]:
    return [_load.login(base, who, PASSWORD) if who else _load.Client(base) for _ in range(threads)]


def measure(base: str, calls: list, threads: int, seconds: float) -> list[_load.Result]:
    results = []
    for label, who, call, expect in calls:
        clients = clients_for(base, who, threads)
        _load.run(label, clients, call, expect, requests=threads * 3)  # warm-up: templates, caches, pools
        result = _load.run(label, clients, call, expect, seconds=seconds)
        result.load = _serve.load_average().split()[0]
        results.append(result)
    return results


def memory(base: str, master: int, calls: list, threads: int, count: int) -> str:
    """Each worker's VmRSS after start-up and warm-up, then after `count` more requests (endpoints in turn)."""
    people = {who for _label, who, _call, _expect in calls}
    sessions = [{who: clients_for(base, who, 1)[0] for who in people} for _ in range(threads)]
    before = _serve.workers_rss(master)

    def mixed(own: dict[str, _load.Client], n: int) -> int:
        _label, who, call, expect = calls[n % len(calls)]
        return 0 if call(own[who], n) == expect else -1

    result = _load.run("rss", sessions, mixed, 0, requests=count)
    after = _serve.workers_rss(master)
    lines = ["| worker pid | VmRSS at start | after | growth |", "|---|---:|---:|---:|"]
    for pid, kb in before.items():
        end = after.get(pid, 0)
        lines.append(f"| {pid} | {kb / 1024:.1f} MB | {end / 1024:.1f} MB | {(end - kb) / 1024:+.1f} MB |")
    return (f"{count} requests in {result.seconds:.0f} s ({result.rate:.1f} req/s, statuses other than "
            f"expected: {sum(result.errors.values())}), load {_serve.load_average()}\n\n" + "\n".join(lines))


def main() -> None:
    args = _arguments()
    _db.database_name(args.database_url)
    code = Path(args.code).resolve()
    sys.path.insert(0, str(code))  # the app (and its test factories) of the tree being measured
    ids = prepare(args.database_url, args.zaken)
    print(f"Python {platform.python_version()}, {platform.machine()}, 2 gunicorn workers, {args.threads} client "
          f"threads, {args.seconds:.0f} s per endpoint; load average before: {_serve.load_average()}\n")
    with _serve.gunicorn(args.database_url, app="bench.bare_wsgi:app", code=code) as (base, _master):
        bare = measure(base, [("bare WSGI app (reference)", "", lambda c, n: c.get("/")[0], 200)],
                       args.threads, args.seconds)
    with _serve.gunicorn(args.database_url, code=code) as (base, master):
        calls = endpoints(ids)
        results = measure(base, calls, args.threads, args.seconds)
        print(_load.table(bare + results, results[0].label) + "\n")
        if args.rss:
            print(memory(base, master.pid, calls[1:], args.threads, args.rss) + "\n")
    print(f"load average after: {_serve.load_average()}")
    if args.json:
        Path(args.json).write_text(json.dumps([{"label": r.label, "rate": r.rate, "p50": r.pct(0.5),
                                                "p95": r.pct(0.95), "p99": r.pct(0.99)} for r in bare + results]))


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=DEFAULT_URL, help="a PostgreSQL database to drop and create")
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=15.0, help="per endpoint")
    parser.add_argument("--zaken", type=int, default=0, help="generated cases to load first (bench/generate.py)")
    parser.add_argument("--rss", type=int, default=0, help="requests for the worker memory run (e.g. 10000)")
    parser.add_argument("--code", default=str(REPO), help="the source tree to serve (e.g. an export of a commit)")
    parser.add_argument("--json", default="", help="also write the figures to this file")
    return parser.parse_args()


if __name__ == "__main__":
    main()
