"""Work lists and the deadlines overview: a bounded number of queries for any number of cases.

The deadlines come from the pure core (domain/worklists.py) over plain facts read in one query per table:
the zaken with their behandelaar and report, their approved beslissingen, and those beslissingen's dispatch
records. No query runs per row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, joinedload, selectinload

from app.audit import Actor, record_access
from app.domain.deadlines import AMSTERDAM
from app.domain.dispatch import current_records
from app.domain.penalty import breach_terms
from app.domain.worklists import (
    ApplicationFacts,
    Deadline,
    DecisionFacts,
    ObjectionFacts,
    TaskFacts,
    application_deadlines,
    decision_deadlines,
    expiring_within,
    objection_deadlines,
    overview,
    task_deadlines,
)
from app.models import Beslissing, Bezwaar, User, Verzending, Zaak
from app.runtime import Runtime
from app.services import beslistermijn, case_lists, notifications
from app.services.assignment import may_handle
from app.services.listing import Page
from app.services.queries import APPROVED

LIJSTEN = {"mijn": "Mijn zaken", "team": "Alle zaken van het team", "open": "Niet toegewezen"}


@dataclass(frozen=True)
class DeadlineRow:
    """One line of the overview."""

    deadline: Deadline
    expired: bool
    zaak: Zaak


def work_list(session: Session, visible: Select[Any], actor: User, filters: dict[str, Any], origin: str) -> Page:
    """One page of the zaken of one list ("mijn", "team", "open") among those the user may see; logged."""
    behandelaar = {"mijn": str(actor.id), "open": "geen"}.get(filters["lijst"], "")
    return case_lists.list_zaken(session, visible, {**filters, "behandelaar": behandelaar}, actor, origin)


def deadline_overview(session: Session, rt: Runtime, visible: Select[Any], actor: User, now: datetime,
                      origin: str) -> list[DeadlineRow]:
    """Every deadline running in the zaken the user may see, what expires first on top; logged as a search."""
    zaken, deadlines = running_deadlines(session, rt, visible, now)
    rows = [DeadlineRow(d, expired, zaken[d.zaak_id]) for d, expired in overview(deadlines, now)]
    record_access(session, Actor.of(actor), action="search", object_type="termijn", object_id="*", case_id="-",
                  origin=origin, reason=f"hits={len(rows)}")
    session.commit()
    return rows


def running_deadlines(session: Session, rt: Runtime, zaken_query: Select[Any],
                      now: datetime) -> tuple[dict[int, Zaak], list[Deadline]]:
    """The open zaken of the query by id, and their deadlines (three queries plus one for the reports)."""
    zaken = {z.id: z for z in session.scalars(zaken_query.where(Zaak.fase != "afgesloten").options(
        joinedload(Zaak.behandelaar), selectinload(Zaak.meldingen)))}
    decisions = list(session.scalars(select(Beslissing).where(
        Beslissing.zaak_id.in_(list(zaken)), Beslissing.status.in_(APPROVED)).order_by(Beslissing.id)))
    records = list(session.scalars(select(Verzending).where(
        Verzending.beslissing_id.in_([b.id for b in decisions]))))
    facts = [_facts(rt, zaken[b.zaak_id], b, records) for b in decisions]
    tasks = [t for z in zaken.values() for t in _tasks(rt, z, now)]
    objections = [ObjectionFacts(o.id, o.zaak_id, o.indiener_naam, o.beslistermijn_einde) for o in session.scalars(
        select(Bezwaar).where(Bezwaar.zaak_id.in_(list(zaken)), Bezwaar.uitkomst.is_(None)))]
    applications = application_deadlines(_applications(rt, zaken, decisions, now))
    return zaken, decision_deadlines(facts) + task_deadlines(tasks) + objection_deadlines(objections) + applications


def notify_expiring(session: Session, rt: Runtime, now: datetime, days: int) -> int:
    """The daily run: tell the behandelaar (or the team's jurists) of every deadline expiring within `days`
    days, never twice for the same deadline; one transaction. Returns the number of new messages."""
    zaken, deadlines = running_deadlines(session, rt, select(Zaak), now)
    per_zaak: dict[int, list[Deadline]] = {}
    for deadline in expiring_within(deadlines, now, days):
        per_zaak.setdefault(deadline.zaak_id, []).append(deadline)
    jurists: dict[str, list[User]] = {}
    for user in session.scalars(select(User).where(User.role == "jurist", User.active.is_(True))):
        jurists.setdefault(user.team, []).append(user)
    made = 0
    for zaak_id, found in per_zaak.items():
        team = {zaken[zaak_id].team: [u for u in jurists.get(zaken[zaak_id].team, []) if may_handle(u, zaken[zaak_id])]}
        made += notifications.notice_deadlines(session, {zaak_id: found}, zaken, team)
    session.commit()
    return made


def _facts(rt: Runtime, zaak: Zaak, b: Beslissing, records: list[Verzending]) -> DecisionFacts:
    outcome = rt.procedure(zaak.zaaktype).outcome(b.soort)
    current = current_records(r for r in records if r.beslissing_id == b.id)
    return DecisionFacts(
        id=b.id, zaak_id=b.zaak_id, soort=b.soort, label=outcome.label, announces=outcome.announces,
        ends=outcome.ends, revoked=b.intrekking_soort is not None, zienswijze_tot=b.zienswijze_tot,
        begunstigingstermijn_tot=b.begunstigingstermijn_tot, vervaldatum=b.vervaldatum, einde_at=b.einde_at,
        remedy_dates=tuple(r.uiterlijke_reactiedatum for r in current.values() if r.uiterlijke_reactiedatum),
        remedy=outcome.remedy, sent=bool(current),
        breach_terms=breach_terms(outcome, b.termijnen, rt.power(zaak.zaaktype).labels),
    )


def _applications(rt: Runtime, zaken: dict[int, Zaak], decisions: list[Beslissing],
                  now: datetime) -> list[ApplicationFacts]:
    """The decision period of each application not yet decided on (powers with a `decision_period`)."""
    today, found = now.astimezone(AMSTERDAM).date(), []
    for zaak in zaken.values():
        if rt.power(zaak.zaaktype).decision_period is None:
            continue
        termijn = beslistermijn.running(rt, zaak, [b for b in decisions if b.zaak_id == zaak.id], today)
        if termijn is not None:
            since = min((o.opschorting.van for o in termijn.opschortingen if o.loopt), default=None)
            found.append(ApplicationFacts(zaak.id, termijn.einde, since))
    return found


def _tasks(rt: Runtime, zaak: Zaak, now: datetime) -> list[TaskFacts]:
    spec = rt.power(zaak.zaaktype)
    if not spec.tasks:
        return []
    params = rt.book.parameters_for(zaak.zaaktype, zaak.melding.pleegdatum)
    return [TaskFacts(zaak.id, t.code, t.text, t.due) for t in spec.tasks(zaak.melding.gegevens, params, now)
            if t.due is not None]
