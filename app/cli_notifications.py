"""Command line for notifications: the daily deadline notices and the e-mail retry (run by a scheduler)."""

from __future__ import annotations

from datetime import datetime

import click
from flask import current_app
from flask.cli import AppGroup

from app.db import session_scope
from app.domain.deadlines import AMSTERDAM
from app.models.types import utcnow

notificaties = AppGroup("notificaties", help="Berichten over termijnen maken en e-mails (opnieuw) versturen.")


@notificaties.command("termijnen")
@click.option("--dagen", type=int, default=None, help="Signaleer termijnen die binnen zoveel dagen aflopen.")
@click.option("--nu", "now", type=click.DateTime(formats=["%Y-%m-%dT%H:%M"]), default=None,
              help="Peilmoment (jjjj-mm-ddTuu:mm, Amsterdamse tijd); standaard nu.")
def termijnen(dagen: int | None, now: datetime | None) -> None:
    """Tell the behandelaar (or the team's jurists) of deadlines expiring soon, never twice for the same
    deadline, then send the e-mails still waiting (also those of earlier failures)."""
    from app.services.mail import SmtpSettings, send_pending
    from app.services.worklists import notify_expiring

    config = current_app.extensions["bevoegd_config"]
    moment = now.replace(tzinfo=AMSTERDAM) if now else utcnow()
    days = config.termijn_signaal_dagen if dagen is None else dagen
    with session_scope(current_app.extensions["db_engine"]) as session:
        made = notify_expiring(session, current_app.extensions["bevoegd"], moment, days)
        sent, failed = send_pending(session, SmtpSettings.of(config))
    click.echo(f"{made} nieuwe bericht(en); e-mail: {sent} verstuurd, {failed} mislukt")


@notificaties.command("mail")
def mail_retry() -> None:
    """Send every e-mail that has not gone out yet (an SMTP outage loses nothing)."""
    from app.services.mail import SmtpSettings, send_pending

    with session_scope(current_app.extensions["db_engine"]) as session:
        sent, failed = send_pending(session, SmtpSettings.of(current_app.extensions["bevoegd_config"]))
    click.echo(f"e-mail: {sent} verstuurd, {failed} mislukt")
    if failed:
        raise SystemExit(1)
