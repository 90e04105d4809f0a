"""Command line: rules check|cases|evaluate, seed-demo, audit seal|verify|anchor (flask --app app ...)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click
from flask import Flask, current_app
from flask.cli import AppGroup, with_appcontext

from app import clock
from app.db import session_scope
from app.domain.errors import DomainError

if TYPE_CHECKING:
    from app.audit_anchor import AnchorReport

rules = AppGroup("rules", help="Regels controleren en doorrekenen.")
audit = AppGroup("audit", help="Audittrail en toegangslog controleren.")
retention = AppGroup("retention", help="Dossiers vernietigen na de wettelijke bewaartermijn.")


def init_app(app: Flask) -> None:
    """Register the command groups."""
    app.cli.add_command(rules)
    app.cli.add_command(audit)
    app.cli.add_command(retention)
    app.cli.add_command(seed_demo_command)
    from app.cli_jobs import jobs_cli
    from app.cli_notifications import notificaties

    app.cli.add_command(notificaties)
    app.cli.add_command(jobs_cli)


@rules.command("check")
def rules_check() -> None:
    """Load and validate every rule, parameter and case file (start-up does the same)."""
    book = current_app.extensions["bevoegd"].book
    click.echo(f"OK: {', '.join(book.powers)}")


@rules.command("cases")
def rules_cases() -> None:
    """Run every YAML case through the engine; exit 1 on the first mismatch."""
    from app.services.evaluation import facts_of_case

    rt = current_app.extensions["bevoegd"]
    failures = 0
    for power in rt.book.powers:
        for case in rt.book.cases(power):
            facts = facts_of_case(rt.book, rt.power(power), case)
            fired = {e.rule for e in rt.engine.evaluate(power, facts, case.date).fired}
            expected = set(case.expect.get("fired", ()))
            derived = {k: facts.get(k) for k in case.expect.facts}
            if fired != expected or derived != case.expect.facts:
                failures += 1
                click.echo(f"FAIL {power}: {case.name}: fired {sorted(fired)}, expected {sorted(expected)}; "
                           f"facts {derived}, expected {case.expect.facts}")
    click.echo(f"{failures} failed")
    sys.exit(1 if failures else 0)


@rules.command("evaluate")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def rules_evaluate(file: Path) -> None:
    """Evaluate {"power", "date", "facts" | "case_file" [, "history"]} from a JSON file, the request shape of
    POST /api/v1/evaluaties; print the answer as JSON. Stores nothing."""
    from marshmallow import ValidationError

    from app.schemas.casework import EvaluatieSchema
    from app.services.evaluation import evaluation_body, run_evaluation
    from app.services.parameters import overlay_for

    rt = current_app.extensions["bevoegd"]
    try:
        data = EvaluatieSchema().load(json.loads(file.read_text(encoding="utf-8")))
        verzenddatum = data.get("verzenddatum") or clock.today()
        with session_scope(current_app.extensions["db_engine"]) as session:  # confirmed policy values
            overlay = overlay_for(session, data["power"])
        body = evaluation_body(rt, run_evaluation(rt, data, verzenddatum, overlay), verzenddatum, overlay)
    except DomainError as exc:
        click.echo(json.dumps({"error": exc.message, "errors": getattr(exc, "errors", {})}, ensure_ascii=False))
        sys.exit(2)
    except (ValueError, ValidationError) as exc:  # not JSON, or not the evaluation request shape
        message = 'Verwacht JSON met "power", "date" (jjjj-mm-dd) en "facts" of "case_file".'
        detail = exc.normalized_messages() if isinstance(exc, ValidationError) else str(exc)
        click.echo(json.dumps({"error": message, "detail": detail}, ensure_ascii=False))
        sys.exit(2)
    click.echo(json.dumps(body, ensure_ascii=False, indent=2))


@click.command("seed-demo")
@with_appcontext
def seed_demo_command() -> None:
    """Create fictional demo users and cases (once) and print the demo logins."""
    from app.seed import seed_demo

    with session_scope(current_app.extensions["db_engine"]) as session:
        logins = seed_demo(session, current_app.extensions["bevoegd"], clock.today())
    click.echo("Demo-inloggegevens (fictief):")
    width = max((len(username) for username, _ in logins), default=0)
    for username, password in logins:
        click.echo(f"  {username:<{width}}  {password}")


@audit.command("seal")
@click.option("--batch", type=click.IntRange(1, 100_000), default=None,
              help="Regels per transactie (standaard 500).")
def audit_seal(batch: int) -> None:
    """Seal the pending log rows into both hash chains (the job worker does this every minute)."""
    from app.audit import seal_all

    with session_scope(current_app.extensions["db_engine"]) as session:
        sealed = seal_all(session, batch) if batch else seal_all(session)
    for name, count in sealed.items():
        click.echo(f"{name}: {count} regel(s) verzegeld")


@audit.command("verify")
def audit_verify() -> None:
    """Recompute both hash chains (keyed), check the rows not yet sealed against their digest, compare the chains
    with their latest anchors outside the database; report the first break, exit 1 on any."""
    from app.audit_anchor import verify_anchors
    from app.audit_chain import check_chain

    directory = current_app.extensions["bevoegd_config"].audit_anchor_dir
    with session_scope(current_app.extensions["db_engine"]) as session:
        checks = {name: check_chain(session, name) for name in ("audit", "access")}
        anchors = verify_anchors(session, directory)
    for name, check in checks.items():
        state = {None: "OK", -1: "BREUK: de kop van de keten klopt niet"}.get(
            check.broken, f"BREUK bij regel {check.broken}")
        click.echo(f"{name}: {state} ({check.sealed} verzegeld, {check.pending} nog te verzegelen)")
    _echo_anchors(anchors)
    broken = any(c.broken is not None for c in checks.values()) or anchors.broken
    sys.exit(1 if broken else 0)


@audit.command("anchor")
def audit_anchor() -> None:
    """Export the signed head of each chain to the anchor directory (the job worker does this every ten minutes);
    a chain that no longer matches its previous anchor is reported and not anchored (exit 1)."""
    from app.audit_anchor import anchor

    directory = current_app.extensions["bevoegd_config"].audit_anchor_dir
    if directory is None:
        click.echo("Geen ankermap ingesteld (BEVOEGD_AUDIT_ANCHOR_DIR).")
        sys.exit(1)
    with session_scope(current_app.extensions["db_engine"]) as session:
        report = anchor(session, directory)
    _echo_anchors(report)
    sys.exit(1 if report.broken else 0)


def _echo_anchors(report: AnchorReport) -> None:
    """One line per chain about its latest anchor, and one per line of the anchor file that is not signed."""
    if report.directory is None:
        click.echo("anker: geen ankermap ingesteld; alleen de keten in de database is gecontroleerd")
        return
    for name, check in report.checks.items():
        if check.problem:
            click.echo(f"{name}: BREUK ten opzichte van het anker: {check.problem}")
        elif check.anchor is None:
            click.echo(f"{name}: nog geen anker in {report.directory}")
        else:
            done = "nieuw anker" if check.written else "anker"
            click.echo(f"{name}: {done} OK (positie {check.anchor.chain_pos}, {check.anchor.time})")
    for line in report.forged:
        click.echo(f"anker: BREUK: regel {line} van het ankerbestand is niet met de auditsleutel ondertekend "
                   "(vervalst, of met een andere sleutel)")


@retention.command("due")
@click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]), default=None, help="Peildatum (jjjj-mm-dd).")
def retention_due(today: object) -> None:
    """List the zaken whose retention period has ended (kenmerk, bevoegdheid, bewaren tot)."""
    from app.services.retention import due_for_destruction

    on = today.date() if today else clock.today()  # type: ignore[attr-defined]
    with session_scope(current_app.extensions["db_engine"]) as session:
        due = due_for_destruction(session, current_app.extensions["bevoegd"], on)
    for item in due:
        click.echo(f"{item.identificatie}\t{item.zaaktype}\tbewaren tot {item.bewaren_tot.isoformat()}")
    click.echo(f"{len(due)} dossier(s) aan vernietiging toe")


@retention.command("destroy")
@click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]), default=None, help="Peildatum (jjjj-mm-dd).")
def retention_destroy(today: object) -> None:
    """Destroy every zaak whose retention period has ended, one transaction each (run by a scheduler)."""
    from app.services.retention import destroy, due_for_destruction

    rt, on = current_app.extensions["bevoegd"], today.date() if today else clock.today()  # type: ignore[attr-defined]
    with session_scope(current_app.extensions["db_engine"]) as session:
        for item in due_for_destruction(session, rt, on):
            record = destroy(session, rt, item, on)
            click.echo(f"vernietigd: {record.identificatie} ({record.aantal_documenten} brieven)")
