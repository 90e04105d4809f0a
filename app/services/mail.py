"""E-mail copies of notifications through a configurable SMTP server.

Sent after the use case committed, never inside its transaction: an SMTP outage cannot roll back or hold a
decision. A message the server did not accept keeps `mail_verzonden_at` empty and is retried by
`flask notificaties mail` (and the daily deadline run). The body holds the case reference and a link only.
"""

from __future__ import annotations

import logging
import smtplib
import ssl
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from email.message import EmailMessage

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from app.models import Notificatie, User
from app.models.types import utcnow

log = logging.getLogger(__name__)
RETRY_DAYS = 7  # an older unsent message is no longer news: the person sees it in the app
SUBJECTS = {"ter_vaststelling": "Nieuwe beslissing ter vaststelling", "vastgesteld": "Beslissing vastgesteld",
            "teruggestuurd": "Beslissing teruggestuurd", "termijn": "Termijn loopt bijna af",
            "toegewezen": "Zaak aan u toegewezen", "ingetrokken": "Aanbod ingetrokken"}


@dataclass(frozen=True)
class SmtpSettings:
    """The SMTP server (app.config.Config smtp_*); off when `host` is empty."""

    host: str
    port: int
    sender: str
    tls: str = ""  # "starttls", "ssl" or "" (plain, for a local relay)
    user: str = ""
    password: str = ""
    timeout: float = 5.0
    public_url: str = ""

    @property
    def enabled(self) -> bool:
        return bool(self.host and self.sender)

    @classmethod
    def of(cls, config: object) -> SmtpSettings:
        return cls(host=config.smtp_host, port=config.smtp_port, sender=config.smtp_sender, tls=config.smtp_tls,
                   user=config.smtp_user, password=config.smtp_password, timeout=config.smtp_timeout,
                   public_url=config.public_url)


def message_for(row: Notificatie, settings: SmtpSettings) -> EmailMessage:
    """Subject and body: what happened, the case reference and the link, nothing about the people in it."""
    reference = row.zaak.identificatie if row.zaak else ""
    msg = EmailMessage()
    msg["From"], msg["To"] = settings.sender, row.user.email
    msg["Subject"] = f"Bevoegd: {SUBJECTS[row.soort]}" + (f" (zaak {reference})" if reference else "")
    msg.set_content(f"Er is een nieuw bericht voor u in Bevoegd over zaak {reference}.\n\n"
                    f"Bekijk het hier: {settings.public_url.rstrip('/')}{row.link}\n")
    return msg


def send_pending(session: Session, settings: SmtpSettings, ids: Iterable[int] | None = None) -> tuple[int, int]:
    """Send the unsent e-mails (only `ids` when given) over one connection; return (sent, failed). Commits
    its own bookkeeping; never raises for an SMTP problem (logged, left for the retry)."""
    if not settings.enabled:
        return 0, 0
    rows = _unsent(session, ids)
    if not rows:
        return 0, 0
    sent = 0
    try:
        with _connect(settings) as smtp:
            for row in rows:
                sent += _send_one(smtp, row, settings)
    except (OSError, smtplib.SMTPException) as exc:  # connection refused, timeout, TLS or login failure
        log.warning("SMTP server %s:%s unreachable: %s", settings.host, settings.port, exc)
        for row in rows:
            if row.mail_verzonden_at is None:
                row.mail_pogingen += 1
    session.commit()
    return sent, len(rows) - sent


def _send_one(smtp: smtplib.SMTP, row: Notificatie, settings: SmtpSettings) -> int:
    try:
        smtp.send_message(message_for(row, settings))
    except smtplib.SMTPException as exc:  # this recipient refused; the others may still go
        log.warning("e-mail for notification %s not accepted: %s", row.id, exc)
        row.mail_pogingen += 1
        return 0
    row.mail_verzonden_at = utcnow()
    return 1


def _unsent(session: Session, ids: Iterable[int] | None) -> list[Notificatie]:
    query = (select(Notificatie).join(User, Notificatie.user_id == User.id)
             .options(joinedload(Notificatie.user), joinedload(Notificatie.zaak))
             .where(Notificatie.mail_verzonden_at.is_(None), User.email != "",
                    Notificatie.created_at >= utcnow() - timedelta(days=RETRY_DAYS)).order_by(Notificatie.id))
    if ids is not None:
        query = query.where(Notificatie.id.in_(list(ids)))
    return list(session.scalars(query))


def _connect(settings: SmtpSettings) -> smtplib.SMTP:
    if settings.tls == "ssl":
        smtp: smtplib.SMTP = smtplib.SMTP_SSL(settings.host, settings.port, timeout=settings.timeout,
                                              context=ssl.create_default_context())
    else:
        smtp = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)
        if settings.tls == "starttls":
            smtp.starttls(context=ssl.create_default_context())
    if settings.user:
        smtp.login(settings.user, settings.password)
    return smtp
