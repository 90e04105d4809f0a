"""Notification use cases: messages created inside the transaction of the use case that causes them, the
daily deadline notices, and reading and marking them read.

Only the case reference and a link go into a message: the text a person reads in the app or an e-mail
names no betrokkene. The e-mail copy is sent after the commit (services/mail.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from app.domain.wording import in_sentence
from app.domain.worklists import Deadline
from app.models import Beslissing, Notificatie, User, Zaak
from app.models.types import utcnow
from app.runtime import Runtime
from app.services import toegang

PENDING = "bevoegd_notificaties"  # session.info key: ids created in this session, mailed after the commit


def notify(session: Session, users: Iterable[User | None], soort: str, zaak: Zaak, tekst: str,
           link: str) -> list[Notificatie]:
    """One message per distinct, active user who may see the zaak (flushes; the caller's use case commits)."""
    rows = []
    for user in {u.id: u for u in toegang.may_be_told(session, zaak, users) if u is not None and u.active}.values():
        row = Notificatie(user_id=user.id, zaak_id=zaak.id, soort=soort, tekst=tekst[:300], link=link)
        session.add(row)
        rows.append(row)
    session.flush()
    session.info.setdefault(PENDING, []).extend(r.id for r in rows)
    return rows


def decision_name(rt: Runtime, beslissing: Beslissing) -> str:
    """Which decision a message is about: the zaak's kenmerk, the outcome's label and the letter date, so two
    decisions of one zaak (a voornemen and its besluit, or an offer and its re-offer) read apart."""
    label = rt.procedure(beslissing.zaak.zaaktype).outcome(beslissing.soort).label
    return f"Zaak {beslissing.zaak.identificatie}: {in_sentence(label)} (brief van {beslissing.verzenddatum:%d-%m-%Y})"


def on_submitted(session: Session, rt: Runtime, beslissing: Beslissing, signatory: User) -> None:
    """A new item for review: the named signatory is told."""
    notify(session, [signatory], "ter_vaststelling", beslissing.zaak,
           f"{decision_name(rt, beslissing)} ligt ter vaststelling bij u.", review_link(beslissing))


def on_reviewed(session: Session, rt: Runtime, beslissing: Beslissing, soort: str) -> None:
    """Approved ("vastgesteld") or returned ("teruggestuurd"): the drafter and the behandelaar are told."""
    zaak = beslissing.zaak
    wat = "is vastgesteld" if soort == "vastgesteld" else "is teruggestuurd door het kabinet"
    notify(session, [beslissing.drafter, zaak.behandelaar], soort, zaak,
           f"{decision_name(rt, beslissing)} {wat}.", f"/zaken/{zaak.id}")


def on_withdrawn(session: Session, rt: Runtime, beslissing: Beslissing, signatory: User | None,
                 now: datetime | None = None) -> None:
    """An offer taken back: the signatory's review message is obsolete (marked read, so the queue's counter
    drops) and the signatory is told, in the withdrawal's transaction."""
    session.execute(update(Notificatie).where(
        Notificatie.soort == "ter_vaststelling", Notificatie.link == review_link(beslissing),
        Notificatie.gelezen_at.is_(None)).values(gelezen_at=now or utcnow()))
    notify(session, [signatory], "ingetrokken", beslissing.zaak,
           f"{decision_name(rt, beslissing)} is door de jurist teruggetrokken en ligt niet meer ter vaststelling "
           "bij u.", f"/zaken/{beslissing.zaak.id}")


def review_link(beslissing: Beslissing) -> str:
    return f"/vaststelling/{beslissing.id}"


def notice_deadlines(session: Session, per_zaak: dict[int, list[Deadline]], zaken: dict[int, Zaak],
                     jurists: dict[str, list[User]]) -> int:
    """Tell the behandelaar (or, unassigned, every jurist of the zaak's team) of each deadline close to expiry,
    once: a (user, deadline key) pair that already has a message is skipped by the unique index, so a
    second run the same day or the next adds nothing. Flushes; returns the number of new messages."""
    made = 0
    for zaak_id, deadlines in per_zaak.items():
        zaak = zaken[zaak_id]
        people = toegang.may_be_told(session, zaak, [zaak.behandelaar] if zaak.behandelaar
                                     else jurists.get(zaak.team, []))
        for deadline in deadlines:
            for user in people:
                made += _insert_once(session, user, zaak, deadline)
    return made


def _insert_once(session: Session, user: User, zaak: Zaak, deadline: Deadline) -> int:
    values = {"user_id": user.id, "zaak_id": zaak.id, "soort": "termijn", "sleutel": deadline.key,
              "tekst": f"Zaak {zaak.identificatie}: {deadline.what} loopt af op {_when(deadline)}.",
              "link": f"/zaken/{zaak.id}", "created_at": utcnow(), "mail_pogingen": 0}
    dialect = sqlite if session.get_bind().dialect.name == "sqlite" else postgresql
    statement = dialect.insert(Notificatie).values(**values).on_conflict_do_nothing().returning(Notificatie.id)
    new_id = session.execute(statement).scalar()
    if new_id is None:
        return 0
    session.info.setdefault(PENDING, []).append(new_id)
    return 1


def _when(deadline: Deadline) -> str:
    if deadline.moment is not None:
        return f"{deadline.moment:%d-%m-%Y} om {deadline.moment:%H.%M} uur"
    return f"{deadline.day:%d-%m-%Y}"


def unread_count(session: Session, user: User) -> int:
    """The number shown in the navigation."""
    return session.scalar(select(func.count(Notificatie.id)).where(
        Notificatie.user_id == user.id, Notificatie.gelezen_at.is_(None))) or 0


def list_for(session: Session, user: User, limit: int = 200) -> list[Notificatie]:
    """A user's messages, unread first, newest first."""
    return list(session.scalars(select(Notificatie).where(Notificatie.user_id == user.id).order_by(
        Notificatie.gelezen_at.is_not(None), Notificatie.id.desc()).limit(limit)))


def mark_read(session: Session, user: User, notificatie_id: int | None, now: datetime | None = None) -> int:
    """Mark one message (or, with None, all) of this user read; another user's message is not touched."""
    statement = update(Notificatie).where(Notificatie.user_id == user.id, Notificatie.gelezen_at.is_(None))
    if notificatie_id is not None:
        statement = statement.where(Notificatie.id == notificatie_id)
    count = session.execute(statement.values(gelezen_at=now or utcnow())).rowcount
    session.commit()
    return count
