"""Lists and search at scale (issue 12): p50/p95 of every list, filter, search and the case page, through the
app's HTTP routes under gunicorn (gunicorn.conf.py, 2 workers), on a database loaded by bench/generate.py
(default bench_1m: 1,000,000 zaken). Target: p95 <= 100 ms for each. The database is not changed, apart from the
access and audit rows the requests themselves write. Run from the repository root:

    .venv/bin/python bench/generate.py --count 1000000          # once, about ten minutes
    .venv/bin/python bench/bench_lists.py [--database-url URL] [--requests 30] [--threads 1] [--only LABEL]

Prints a markdown table for docs/performance.md. The URLs are the table LISTS below; the query parameters are
those of app/schemas/lists.py. Placeholders in braces come from the data (see `_values`); a row with a page
number follows the list's "next page" link (its keyset cursor) that many times and measures the page it reaches.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import sys
import urllib.parse
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO)]

import psycopg  # noqa: E402

from bench import _db, _load, _serve  # noqa: E402

DEFAULT_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/bench_1m"
PASSWORD = "demo-bevoegd-2026"  # noqa: S105 - app/seed.py's fictional demo accounts
# (label, demo login, URL, page to reach by following "next page" links: 1 is the URL itself)
LISTS = [
    ("case list, page 1", "jurist", "/zaken", 1),
    ("case list, page 20 (keyset cursor)", "jurist", "/zaken", 20),
    ("filter: power", "jurist", "/zaken?bevoegdheid=damocles", 1),
    ("filter: status (fase review)", "jurist", "/zaken?fase=review", 1),
    ("filter: status (fase afgesloten), page 10", "jurist", "/zaken?fase=afgesloten", 10),
    ("filter: date range (one quarter)", "jurist", "/zaken?van={quarter_from}&tot={quarter_to}", 1),
    ("filter: behandelaar", "jurist", "/zaken?behandelaar={jurist_id}", 1),
    ("filter: not assigned", "jurist", "/zaken?behandelaar=geen", 1),
    ("filter: power + status + behandelaar + period", "jurist",
     "/zaken?bevoegdheid=huisverbod&fase=afgesloten&behandelaar={jurist_id}&van={year_from}&tot={year_to}", 1),
    ("search: kenmerk (exact)", "jurist", "/zaken?zoek={kenmerk}", 1),
    ("search: kenmerk (part)", "jurist", "/zaken?zoek={kenmerk_part}", 1),
    ("search: address (street and number)", "jurist", "/zaken?zoek={street}", 1),
    ("search: name", "jurist", "/zaken?zoek={name}", 1),
    ("search: no hit", "jurist", "/zaken?zoek=Onvindbaarstraat", 1),
    ("work list: team", "jurist", "/werkvoorraad?lijst=team", 1),
    ("work list: not assigned", "jurist", "/werkvoorraad?lijst=open", 1),
    ("review queue", "kabinet", "/vaststelling", 1),
    ("review queue, searched", "kabinet", "/vaststelling?zoek={name}", 1),
    ("kabinet history", "kabinet", "/vaststelling/geschiedenis", 1),
    ("my reports (handhaving)", "handhaving", "/meldingen", 1),
    ("audit list", "auditor", "/audit", 1),
    ("audit list, searched by kenmerk", "auditor", "/audit?kenmerk={kenmerk}", 1),
    ("access log", "auditor", "/audit?log=toegang", 1),
    ("case page", "jurist", "/zaken/{zaak_id}", 1),
]
NEXT = re.compile(r'href="([^"]*[?&](?:amp;)?na=[A-Za-z0-9_-]+[^"]*)"')


def _values(url: str) -> tuple[dict[str, str], list[int]]:
    """Placeholder values from the data (the demo team's cases), and case ids for the case page."""
    with psycopg.connect(_db.libpq(url)) as conn:
        one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
        kenmerk = one("SELECT identificatie FROM zaken WHERE team = 'oov' ORDER BY id LIMIT 1 OFFSET 5000")
        street = one("SELECT adres_straat || ' ' || adres_huisnummer FROM zaken WHERE team = 'oov' "
                     "ORDER BY id DESC LIMIT 1 OFFSET 100")
        name = one("SELECT b.naam FROM betrokkenen b JOIN zaken z ON z.id = b.zaak_id WHERE z.team = 'oov' "
                   "AND NOT b.is_organisatie ORDER BY b.id DESC LIMIT 1")
        ids = [r[0] for r in conn.execute("SELECT id FROM zaken WHERE team = 'oov' AND NOT toegang_beperkt "
                                          "ORDER BY random() LIMIT 200")]
        jurist = one("SELECT id FROM users WHERE username = 'jurist'")
    values = {"kenmerk": kenmerk, "kenmerk_part": kenmerk[-6:], "street": street, "name": name.split()[-1],
              "jurist_id": str(jurist), "quarter_from": "2021-01-01", "quarter_to": "2021-03-31",
              "year_from": "2020-01-01", "year_to": "2020-12-31"}
    return {k: urllib.parse.quote_plus(v) for k, v in values.items()}, ids


def _reach(client: _load.Client, path: str, pages: int) -> str:
    """Follow the "next page" link until page `pages`; returns that page's URL."""
    for _ in range(pages - 1):
        status, body, _headers = client.get(path)
        found = NEXT.search(body.decode())
        if status != 200 or found is None:
            raise SystemExit(f"no next page after {path} (HTTP {status})")
        path = found[1].replace("&amp;", "&")
    return path


def measure(base: str, values: dict[str, str], ids: list[int], requests: int, threads: int,
            only: str) -> list[_load.Result]:
    results, sessions = [], {}
    for label, who, template, pages in LISTS:
        if only and only.lower() not in label.lower():
            continue
        if who not in sessions:
            sessions[who] = [_load.login(base, who, PASSWORD) for _ in range(threads)]
        clients = sessions[who]
        path = _reach(clients[0], template.format(**values, zaak_id=ids[0]), pages)

        def call(client: _load.Client, n: int, path: str = path, template: str = template) -> int:
            url = template.format(**values, zaak_id=ids[n % len(ids)]) if "{zaak_id}" in template else path
            return client.get(url)[0]

        _load.run(label, clients, call, 200, requests=threads * 2)  # warm-up
        result = _load.run(label, clients, call, 200, requests=requests)
        result.label += f" `{urllib.parse.unquote_plus(path)}`"
        results.append(result)
        print(f"  {result.label}: p50 {result.pct(0.5):.0f} ms, p95 {result.pct(0.95):.0f} ms", file=sys.stderr,
              flush=True)
    return results


def table(results: list[_load.Result]) -> str:
    lines = ["| list | requests | p50 ms | p95 ms | max ms | p95 <= 100 ms | errors |",
             "|---|---:|---:|---:|---:|---|---|"]
    for r in results:
        errors = ", ".join(f"{n}× {s}" for s, n in sorted(r.errors.items())) or "0"
        lines.append(f"| {r.label} | {len(r.latencies)} | {r.pct(0.5):.1f} | {r.pct(0.95):.1f} | "
                     f"{max(r.latencies) * 1000:.1f} | {'yes' if r.pct(0.95) <= 100 else 'no'} | {errors} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=DEFAULT_URL, help="a database loaded by bench/generate.py")
    parser.add_argument("--requests", type=int, default=30, help="per list")
    parser.add_argument("--threads", type=int, default=1, help="concurrent clients (1: one person's latency)")
    parser.add_argument("--only", default="", help="measure only the lists whose label contains this")
    parser.add_argument("--code", default=str(REPO), help="the source tree to serve (e.g. an export of a commit)")
    args = parser.parse_args()
    _db.database_name(args.database_url)
    values, ids = _values(args.database_url)
    with psycopg.connect(_db.libpq(args.database_url)) as conn:
        zaken = conn.execute("SELECT count(*) FROM zaken").fetchone()[0]
    print(f"Python {platform.python_version()}, 2 gunicorn workers, {args.threads} client thread(s), {zaken:,} "
          f"zaken; load average before: {_serve.load_average()}\n")
    with _serve.gunicorn(args.database_url, code=Path(args.code).resolve()) as (base, _master):
        results = measure(base, values, ids, args.requests, args.threads, args.only)
    print(table(results) + f"\n\nload average after: {_serve.load_average()} ({os.cpu_count()} cores)")


if __name__ == "__main__":
    main()
