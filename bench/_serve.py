"""Shared by the HTTP benchmarks: gunicorn on a free loopback port with the repository's gunicorn.conf.py, and
the resident memory of its workers. Everything listens on 127.0.0.1 only.
"""

from __future__ import annotations

import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GUNICORN = Path(sys.executable).parent / "gunicorn"
MALLOC = {"MALLOC_TOP_PAD_": "67108864", "MALLOC_TRIM_THRESHOLD_": "268435456"}  # as the service runs (Makefile)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_env(database_url: str, workers: int, port: int, jobs_dir: str) -> dict[str, str]:
    """Production settings on the loopback: a shared secret (every worker accepts every other's CSRF token).
    PYTHONPATH lets gunicorn import bench.bare_wsgi when it serves another code tree (--code)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("BEVOEGD_")}
    env.update(MALLOC)
    env["PYTHONPATH"] = str(REPO)
    env.update({"BEVOEGD_ENV": "production", "BEVOEGD_SECRET_KEY": secrets.token_hex(32),
                "BEVOEGD_DATABASE_URL": database_url, "BEVOEGD_BIND": f"127.0.0.1:{port}",
                "BEVOEGD_WORKERS": str(workers), "BEVOEGD_JOBS": "huey-sqlite",
                "BEVOEGD_JOBS_FILE": str(Path(jobs_dir) / "jobs.sqlite"),
                "BEVOEGD_FORWARDED_ALLOW_IPS": "127.0.0.1"})
    return env


@contextmanager
def gunicorn(database_url: str, workers: int = 2, app: str | None = None, recycle: bool = False,
             code: Path = REPO) -> Iterator[tuple[str, subprocess.Popen]]:
    """gunicorn -c gunicorn.conf.py on a free loopback port; yields (base URL, master process).

    `recycle=False` turns off max_requests: a worker replaced every ~5,000 requests would hide a memory leak
    from the RSS measurement (production keeps recycling on). `code` is the source tree served (its app and
    gunicorn.conf.py), e.g. an export of an earlier commit for a baseline. The access log goes to a temporary file, as
    gunicorn.conf.py writes it (to stdout), so its cost is part of every figure.
    """
    port, jobs_dir = free_port(), tempfile.mkdtemp(prefix="bevoegd-bench-")
    # No control socket: its default path is one per user, shared with every other gunicorn on this machine.
    command = [str(GUNICORN), "-c", "gunicorn.conf.py", "--no-control-socket"]
    command += [] if recycle else ["--max-requests", "0"]
    command += [app] if app else []
    log_path = Path(jobs_dir) / "gunicorn.log"
    with log_path.open("ab") as log:
        server = subprocess.Popen(command, cwd=code, env=server_env(database_url, workers, port, jobs_dir),  # noqa: S603
                                  stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_ready(url, server, workers, log_path)
        yield url, server
    finally:
        server.terminate()
        server.wait(timeout=60)


def _wait_ready(url: str, server: subprocess.Popen, workers: int, log_path: Path) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"gunicorn stopped at start-up:\n{log_path.read_text()[-3000:]}")
        try:
            # Production redirects plain HTTP to HTTPS unless the (trusted) proxy says it terminated TLS.
            probe = urllib.request.Request(f"{url}/health/live", headers={"X-Forwarded-Proto": "https"})  # noqa: S310
            with urllib.request.urlopen(probe, timeout=2) as response:  # noqa: S310 - loopback
                if response.status == 200 and len(worker_pids(server.pid)) >= workers:
                    return
        except OSError:
            pass
        time.sleep(0.3)
    raise SystemExit(f"gunicorn did not answer in time:\n{log_path.read_text()[-3000:]}")


def worker_pids(master: int) -> list[int]:
    """The gunicorn workers: the master's child processes."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == master:
            found.append(int(entry.name))
    return sorted(found)


def rss_kb(pid: int) -> int:
    """VmRSS of one process in kB (0 once it has gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        return 0
    return 0


def workers_rss(master: int) -> dict[int, int]:
    return {pid: rss_kb(pid) for pid in worker_pids(master)}


def load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])
