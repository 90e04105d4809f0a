"""Command line for the job queue: the worker `make run` starts beside the web server, and maintenance."""

from __future__ import annotations

import click
from flask import current_app
from flask.cli import AppGroup

from app.jobs import get_jobs

jobs_cli = AppGroup("jobs", help="Achtergrondtaken: PDF's maken en publiceren in het zaaksysteem.")


@jobs_cli.command("worker")
@click.option("--workers", type=int, default=1, show_default=True, help="Aantal taken tegelijk.")
def worker(workers: int) -> None:
    """Run the queue's worker until stopped (Ctrl+C or SIGTERM); first hands out what is due."""
    jobs = get_jobs(current_app)
    handed_out = jobs.sweep()
    click.echo(f"Taken: {jobs.huey.name} ({current_app.extensions['bevoegd_config'].jobs}); "
               f"{handed_out} wachtende taak/taken opnieuw aangeboden.")
    jobs.run_worker(workers)


@jobs_cli.command("sweep")
def sweep() -> None:
    """Hand out again every job that is due or whose worker died (the worker does this every minute)."""
    click.echo(f"{get_jobs(current_app).sweep()} taak/taken aangeboden.")


@jobs_cli.command("run")
def run() -> None:
    """Run every waiting job now in this process, without a worker (maintenance, or the memory backend)."""
    jobs = get_jobs(current_app)
    jobs.sweep()
    results = jobs.run_queued()
    click.echo(f"{len(results)} taak/taken uitgevoerd: {', '.join(map(str, results)) or '-'}.")
