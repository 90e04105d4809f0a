"""Bulk run of parent letters for a youth group: read in, drafted and stored in the job, approved, made PDF/A.

Targets (issue 11): 120 letters rendered and stored in at most 3 s (the drafting job); PDFs at most 1 s a letter
in the job. Runs on a fresh SQLite file (or BEVOEGD_BENCH_DATABASE_URL, e.g. PostgreSQL), with the fictional
member list of the tests. Run from the repository root:

    .venv/bin/python bench/bench_bulk.py [members]

Prints a markdown table for docs/performance.md.
"""

from __future__ import annotations

import os
import platform
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO)]

from sqlalchemy import func, select  # noqa: E402

from app import create_app  # noqa: E402
from app.db import make_engine, session_scope  # noqa: E402
from app.jobs import get_jobs  # noqa: E402
from app.models import Document, DocumentPdf, Mandaat, User  # noqa: E402
from app.services import bulk, bulk_review  # noqa: E402
from tests.bulk_support import incident, member_csv, member_rows  # noqa: E402
from tests.conftest import migrate  # noqa: E402
from tests.integration.test_bulk_run import ANSWERS  # noqa: E402
from tests.policy import confirm_defaults  # noqa: E402


def _users(db, rt) -> dict[str, User]:
    made = {}
    for name, role in (("jurist", "jurist"), ("kabinet", "kabinet"), ("beheerder", "beheerder")):
        user = User(username=name, display_name=f"{name.title()} (bench)", role=role, team="oov",
                    password_hash="!",  # noqa: S106 - no login in a benchmark
                    zaaktypes=list(rt.powers), phone="14 043")
        if role == "kabinet":
            user.mandaten.append(Mandaat(besluittype="ouderbrief", hoedanigheid="gemandateerde",
                                         mandaatbesluit="Mandaat (bench)", uitkomsten=list(
                                             rt.procedure("ouderbrief").outcomes), valid_from=date(2020, 1, 1),
                                         functie="hoofd Kabinet en Veiligheid", orgaan="burgemeester"))
        db.add(user)
        made[name] = user
    db.commit()
    return made


def _timed(label: str, results: list[tuple[str, float, float]], fn):
    """Wall clock and this process's CPU time (steadier on a shared machine; the PDF step's CPU is LibreOffice's,
    in child processes, so only its wall clock counts)."""
    start, start_cpu = time.perf_counter(), time.process_time()
    value = fn()
    results.append((label, time.perf_counter() - start, time.process_time() - start_cpu))
    return value


def main(count: int = 120) -> None:
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    url = os.environ.get("BEVOEGD_BENCH_DATABASE_URL") or f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite"
    migrate(url)
    app = create_app({"database_url": url, "testing": True, "jobs": "memory"})
    rt, jobs, results = app.extensions["bevoegd"], get_jobs(app), []
    with app.app_context(), session_scope(make_engine(url)) as db:
        users = _users(db, rt)
        confirm_defaults(db, app, users["beheerder"])
        reeks = _timed("read in (zaken made and assessed)", results, lambda: bulk.import_run(
            db, rt, incident(), member_csv(member_rows(count)), users["jurist"], date.today()))
        bulk.record_group_judgements(db, rt, reeks, ANSWERS, reeks.version_id, users["jurist"])
        bulk.start_drafting(db, rt, reeks, {"version": reeks.version_id, "ondertekenaar": users["kabinet"],
                                        "verzenddatum": date.today()}, users["jurist"], date.today())
        _timed("drafting job: letters rendered and stored", results, lambda: (jobs.sweep(), jobs.run_queued()))
        db.expire_all()
        letters = bulk_review.letters_of(db, rt, reeks)
        decision = {"version": reeks.version_id, "manifest": bulk_review.manifest(letters), "pulled": set(),
                    "shown": [d.sha256 for x in letters if x.sampled for d in x.documents]}
        _timed("approval of the run", results, lambda: bulk_review.approve_run(
            db, rt, reeks, decision, users["kabinet"], date.today()))
        _timed("PDF/A jobs", results, lambda: (jobs.sweep(), jobs.run_queued()))
        documents = db.scalar(select(func.count()).select_from(Document))
        pdfs = db.scalar(select(func.count()).select_from(DocumentPdf))
    print(f"Python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} cores, "
          f"{url.split(':')[0]}; {count} members, {documents} letters, {pdfs} PDFs\n")
    print(f"load average before: {load}\n")
    print("| step | wall clock | CPU (this process) | wall per letter |\n|---|---:|---:|---:|")
    for label, seconds, cpu in results:
        print(f"| {label} | {seconds:.2f} s | {cpu:.2f} s | {seconds / max(documents, 1) * 1000:.0f} ms |")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 120)
