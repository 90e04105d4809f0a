"""Form and JSON fuzzing at scale (issue 13): the generator of tests/web/fuzz_support.py (the bounded test is
tests/web/test_fuzz.py) for many more inputs, on a fresh migrated SQLite file (or --database-url, a PostgreSQL
database of your own: its tables are emptied first). Run from the repository root:

    .venv/bin/python bench/fuzz.py [--inputs 10000] [--database-url URL]

Prints the number of inputs sent, HTTP 5xx answers and rejected requests that stored a row anyway (both must
be 0), the statuses seen, and the first problems. The figure goes into docs/security.md, section "Probes".
"""

from __future__ import annotations

import argparse
import collections
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO)]

from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402

from app import create_app  # noqa: E402
from app.db import make_engine, session_scope  # noqa: E402
from bench import _db  # noqa: E402
from tests.conftest import ROLES, migrate  # noqa: E402
from tests.web.fuzz_support import probes, send  # noqa: E402


def _database(url: str | None) -> str:
    if url is None:
        path = Path(tempfile.mkdtemp(prefix="bevoegd-fuzz-")) / "fuzz.sqlite"
        migrate(f"sqlite:///{path}")
        return f"sqlite:///{path}"
    _db.recreate(url)  # refuses the test suites' databases
    migrate(url)
    return url


def _users(app, session) -> dict:  # noqa: ANN001
    """The test suite's users (one per role, a second jurist and kabinet member, the mayor, an HOvJ) with
    every mandate, and every policy value confirmed, as tests/conftest.py makes them."""
    from app.domain.procedure import bodies
    from app.models import Mandaat, User
    from app.powers import registry
    from app.services.accounts import hash_password
    from tests.conftest import EXTRA_USERS, FUNCTIES, MANDATE_FROM, PASSWORD
    from tests.policy import confirm_defaults

    made, powers, rt, hashed = {}, list(registry()), app.extensions["bevoegd"], hash_password(PASSWORD)
    for username, role, capacity in [(r, r, "gemandateerde" if r == "kabinet" else None) for r in ROLES] + list(
            EXTRA_USERS):
        user = User(username=username, display_name=f"{username.title()} (fuzz)", role=role, team="oov",
                    password_hash=hashed, zaaktypes=powers, phone="14 043")
        for code in powers if capacity else ():
            for body in bodies(rt.book.index(code).orgaan):
                user.mandaten.append(Mandaat(besluittype=code, hoedanigheid=capacity, mandaatbesluit="Mandaat",
                                             uitkomsten=list(rt.procedure(code).outcomes), valid_from=MANDATE_FROM,
                                             functie=FUNCTIES[capacity], orgaan=body))
        session.add(user)
        made[username] = user
    session.commit()
    confirm_defaults(session, app, made["beheerder"])
    return made


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=10_000)
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    url = _database(args.database_url)
    app = create_app({"database_url": url, "testing": True, "csrf_enabled": False, "log_level": "ERROR"})
    engine = make_engine(url, immediate=False)
    with session_scope(engine) as session:  # no app context around it: each request must get its own `g`
        from tests.web.test_fuzz import fuzz_world

        clients, ids, forms = fuzz_world(app, session, _users(app, session))
        statuses: collections.Counter[str] = collections.Counter()
        problems: list[str] = []
        started = time.perf_counter()

        @settings(max_examples=args.inputs, deadline=None, database=None, phases=[Phase.generate],
                  suppress_health_check=list(HealthCheck))
        @given(probes(app, ROLES, ids, forms))
        def run(probe) -> None:  # noqa: ANN001
            problem = send(clients, session, probe, statuses)
            if problem:
                problems.append(problem[:400])

        run()
    server_errors = sum(n for s, n in statuses.items() if s.startswith("5"))
    stored = sum(p.startswith("rejected") for p in problems)
    print(f"inputs: {sum(statuses.values())} in {time.perf_counter() - started:.0f} s, "
          f"database: {url.split(':')[0]}")
    print(f"HTTP 5xx: {server_errors}; rejected but stored: {stored}")
    print("statuses: " + ", ".join(f"{s}: {n}" for s, n in sorted(statuses.items())))
    for problem in problems[:20]:
        print("  " + problem)
    engine.dispose()
    app.extensions["db_engine"].dispose()
    if args.database_url is None:
        _cleanup(url)
    sys.exit(1 if problems else 0)


def _cleanup(url: str) -> None:
    path = Path(url.removeprefix("sqlite:///"))
    for leftover in path.parent.glob(path.name + "*"):
        leftover.unlink()
    path.parent.rmdir()


if __name__ == "__main__":
    main()
