"""Can a user name be told from the time a failed login takes? (issue 13, item 3: 40 ms median for an unknown
name, 165 ms for a known one). Posts /login through the app in this process (no network noise) on a fresh
SQLite database, alternating an unknown name and a known name with a wrong password, and prints the medians.
The throttle is set out of reach so that every attempt reaches the password check. Run from the repository root:

    .venv/bin/python bench/login_timing.py [--rounds 200] [--without-dummy]

--without-dummy makes the dummy hash unusable, so an unknown name skips the argon2 work as the code before
issue 13 did: the same run shows the difference the dummy hash removes. Prints a markdown table for
docs/security.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO)]
os.environ.setdefault("MALLOC_TOP_PAD_", "67108864")
os.environ.setdefault("MALLOC_TRIM_THRESHOLD_", "268435456")

OUT_OF_REACH = 10**9  # no attempt of this run is ever delayed by the throttle


def _app(url: str):  # noqa: ANN202 - a Flask app
    from alembic import command
    from alembic.config import Config as AlembicConfig

    from app import create_app

    cfg = AlembicConfig(toml_file=str(REPO / "pyproject.toml"))
    cfg.attributes["url"] = url
    command.upgrade(cfg, "head")
    return create_app({"database_url": url, "testing": True, "csrf_enabled": False, "log_level": "WARNING",
                       "login_max_failures": OUT_OF_REACH, "login_source_max_failures": OUT_OF_REACH,
                       "login_account_max_failures": OUT_OF_REACH})


def _add_user(app) -> None:  # noqa: ANN001
    from app.db import session_scope
    from app.models import User
    from app.services.accounts import hash_password

    with session_scope(app.extensions["db_engine"]) as session:
        session.add(User(username="jurist", display_name="Jurist (bench)", role="jurist", team="oov",
                         password_hash=hash_password("het-juiste-wachtwoord"), zaaktypes=[]))
        session.commit()


def _timed(client, username: str) -> float:  # noqa: ANN001
    start = time.perf_counter()
    response = client.post("/login", data={"username": username, "password": "fout-wachtwoord"})
    elapsed = (time.perf_counter() - start) * 1000
    if response.status_code != 400:
        raise SystemExit(f"unexpected status {response.status_code} for {username!r}")
    return elapsed


def measure(rounds: int, without_dummy: bool) -> dict[str, list[float]]:
    from app.services import accounts

    if without_dummy:
        accounts._DUMMY_HASH = "no-hash"  # noqa: SLF001 - verify fails at once, as before the dummy hash
    with tempfile.TemporaryDirectory() as tmp:
        app = _app(f"sqlite:///{Path(tmp) / 'timing.sqlite'}")
        _add_user(app)
        client = app.test_client()
        for name in ("jurist", "onbekend-warm") * 5:  # warm caches and connections
            _timed(client, name)
        found: dict[str, list[float]] = {"onbekende gebruikersnaam": [], "bekende gebruikersnaam": []}
        for i in range(rounds):  # interleaved, so drift in the machine's load hits both alike
            found["onbekende gebruikersnaam"].append(_timed(client, f"onbekend-{i}"))
            found["bekende gebruikersnaam"].append(_timed(client, "jurist"))
        app.extensions["db_engine"].dispose()
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--without-dummy", action="store_true")
    args = parser.parse_args()
    found = measure(args.rounds, args.without_dummy)
    print(f"{args.rounds} rounds, {'without' if args.without_dummy else 'with'} dummy hash, "
          f"Python {platform.python_version()}, {os.cpu_count()} CPUs\n")
    print("| poging (fout wachtwoord) | mediaan | p10 | p90 |")
    print("|---|---|---|---|")
    for label, times in found.items():
        deciles = statistics.quantiles(times, n=10)
        print(f"| {label} | {statistics.median(times):.1f} ms | {deciles[0]:.1f} ms | {deciles[-1]:.1f} ms |")
    known, unknown = (statistics.median(found[k]) for k in ("bekende gebruikersnaam", "onbekende gebruikersnaam"))
    print(f"\nverschil van de medianen (bekend - onbekend): {known - unknown:+.1f} ms")


if __name__ == "__main__":
    main()
