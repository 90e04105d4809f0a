"""Data generator for the scale benchmarks (issue 12): N fictional zaken with their melding, betrokkenen,
assessment receipt, and for part of them a beslissing and its review round, loaded into PostgreSQL with COPY.

Everything is fictional: names from a short invented list, streets like "Teststraat", places "Testplaats 017",
no BSN. The cases are spread over 342 municipalities (a team each; the demo team `oov` gets --own-share of them,
a large city, so the demo logins see a big list), the six powers, ten years of registration dates, phases and
decision statuses. Rows are built from a real case of each power that the services made (the demo seed): every
column comes from that template unless the generator sets it, so columns added by later migrations are filled
the way the app fills them, and the receipt has the shape the app reads, whatever its format. Loads into a
freshly migrated database (nothing is dropped or deferred), then ANALYZE. Run from the repository root:

    .venv/bin/python bench/generate.py [--count 1000000] [--database-url URL] [--own-share 0.1]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO)]
os.environ.setdefault("MALLOC_TOP_PAD_", "67108864")
os.environ.setdefault("MALLOC_TRIM_THRESHOLD_", "268435456")

import psycopg  # noqa: E402

from bench import _db, _rows  # noqa: E402

DEFAULT_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/bench_1m"
ORDER = ("zaken", "meldingen", "betrokkenen", "beoordelingen", "beslissingen", "reviewrondes")


def load(url: str, count: int, batch: int = 20_000, own_share: float = 0.1, seed: int = 12) -> dict[str, float]:
    """Load `count` zaken into a migrated, seeded database; returns seconds per phase and rows per table."""
    timings: dict[str, float] = {}
    start = time.perf_counter()
    with psycopg.connect(_db.libpq(url)) as conn:
        _session_settings(conn)
        plan = _rows.Plan.from_database(conn, count, own_share, seed)
        conn.commit()
        written = dict.fromkeys(ORDER, 0)
        for first in range(0, count, batch):
            tables = plan.batch(first, min(batch, count - first))
            for table in ORDER:
                _copy(conn, table, tables[table])
                written[table] += len(tables[table][1])
            conn.commit()
            _progress(first + len(tables["zaken"][1]), count, start)
        plan.fix_sequences(conn)
        conn.commit()
    timings["load"] = time.perf_counter() - start
    analyzed = time.perf_counter()
    with psycopg.connect(_db.libpq(url), autocommit=True) as conn:
        conn.execute("ANALYZE")
    timings["analyze"] = time.perf_counter() - analyzed
    return {**timings, **{f"rows {t}": float(n) for t, n in written.items()}}


def _session_settings(conn: psycopg.Connection) -> None:
    """Settings of this connection only (the schema is untouched): a lost commit on a crash costs a re-run, and
    lz4 compresses the JSON of the receipts faster than the default pglz where the server has it."""
    conn.execute("SET synchronous_commit = off")
    try:
        conn.execute("SET default_toast_compression = 'lz4'")
    except psycopg.errors.Error:
        conn.rollback()


def _copy(conn: psycopg.Connection, table: str, rows: tuple[list[str], list[tuple]]) -> None:
    columns, values = rows
    if not values:
        return
    names = ", ".join(f'"{c}"' for c in columns)
    with conn.cursor() as cur, cur.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
        for row in values:
            copy.write_row(row)


def _progress(done: int, count: int, start: float) -> None:
    if done % 100_000 < 20_000 or done == count:
        elapsed = time.perf_counter() - start
        print(f"  {done:>9,} zaken in {elapsed:6.1f} s ({done / elapsed:,.0f}/s)", file=sys.stderr, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--database-url", default=DEFAULT_URL, help="dropped, created, migrated and seeded first")
    parser.add_argument("--own-share", type=float, default=0.1, help="share of the cases in the demo team")
    parser.add_argument("--batch", type=int, default=20_000, help="zaken per transaction")
    parser.add_argument("--keep", action="store_true", help="add to the database as it is (already seeded)")
    args = parser.parse_args()
    _db.database_name(args.database_url)
    load_before = os.getloadavg()
    started = time.perf_counter()
    if not args.keep:
        _db.prepare(args.database_url)
    prepared = time.perf_counter() - started
    result = load(args.database_url, args.count, args.batch, args.own_share)
    size = _size(args.database_url)
    print(f"\n{args.count:,} zaken into {_db.database_name(args.database_url)} ({size}); load average before "
          f"{load_before[0]:.2f}, after {os.getloadavg()[0]:.2f}\n")
    print("| step | seconds |\n|---|---:|")
    print(f"| drop, create, migrate, seed | {prepared:.1f} |")
    print(f"| COPY in batches of {args.batch:,} (commit each) | {result['load']:.1f} |")
    print(f"| ANALYZE | {result['analyze']:.1f} |")
    print(f"| total | {time.perf_counter() - started:.1f} |\n")
    print(", ".join(f"{k[5:]} {int(v):,}" for k, v in result.items() if k.startswith("rows ")))


def _size(url: str) -> str:
    with psycopg.connect(_db.libpq(url)) as conn:
        return conn.execute("SELECT pg_size_pretty(pg_database_size(current_database()))").fetchone()[0]


if __name__ == "__main__":
    main()
