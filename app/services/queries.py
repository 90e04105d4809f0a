"""Shared read helpers for the use cases (no commits, no side effects)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from app.domain.assessment import Assessment
from app.domain.errors import ConcurrentEdit, InvalidTransition, MandateMissing
from app.domain.mandates import refusal, reservation, usable
from app.domain.measures import Measure
from app.domain.objection_decision import CODE as OBJECTION_DECISION
from app.domain.procedure import Outcome, Procedure, decided_by
from app.models import Beslissing, Mandaat, Oordeel, User, Zaak

APPROVED = ("vastgesteld", "verzonden")


def active_judgements(session: Session, zaak: Zaak) -> dict[str, Oordeel]:
    """The current (not superseded) judgement per code."""
    rows = session.scalars(select(Oordeel).where(Oordeel.zaak_id == zaak.id, Oordeel.superseded_at.is_(None)))
    return {row.code: row for row in rows}


def lapsed_judgements(session: Session, zaak: Zaak) -> dict[str, Oordeel]:
    """Per code without an active judgement, the newest one that lapsed (reopened by a zienswijze or new
    facts): the jurist sees what was weighed before and weighs it again."""
    rows = session.scalars(select(Oordeel).where(Oordeel.zaak_id == zaak.id, Oordeel.superseded_at.is_not(None))
                           .order_by(Oordeel.id))
    active = active_judgements(session, zaak)
    return {row.code: row for row in rows if row.code not in active}


def last_beslissing(session: Session, zaak: Zaak, soort: str, statuses: tuple[str, ...]) -> Beslissing | None:
    """The newest beslissing of a soort in one of the statuses."""
    return session.scalars(select(Beslissing).where(
        Beslissing.zaak_id == zaak.id, Beslissing.soort == soort, Beslissing.status.in_(statuses),
    ).order_by(Beslissing.id.desc())).first()


def last_announcing(session: Session, procedure: Procedure, zaak: Zaak) -> Beslissing | None:
    """The newest approved voornemen (an outcome that announces another) of a zaak."""
    announcing = tuple(code for code, o in procedure.outcomes.items() if o.announces)
    return session.scalars(select(Beslissing).where(
        Beslissing.zaak_id == zaak.id, Beslissing.soort.in_(announcing), Beslissing.status.in_(APPROVED),
    ).order_by(Beslissing.id.desc())).first()


def approved_beslissingen(session: Session, zaak: Zaak) -> list[Beslissing]:
    """The approved (vastgesteld or verzonden) beslissingen of a zaak, oldest first."""
    return list(session.scalars(select(Beslissing).where(Beslissing.zaak_id == zaak.id,
                                                         Beslissing.status.in_(APPROVED)).order_by(Beslissing.id)))


def beslissing_of(session: Session, zaak: Zaak, beslissing_id: int) -> Beslissing | None:
    """The beslissing with this id if it belongs to the zaak (an id from another zaak is not found)."""
    return session.scalars(select(Beslissing).where(Beslissing.id == beslissing_id,
                                                    Beslissing.zaak_id == zaak.id)).first()


def earlier_measures(session: Session, zaak: Zaak) -> tuple[Measure, ...]:
    """The approved beslissingen of a zaak, oldest first, as pure drafting needs them."""
    rows = approved_beslissingen(session, zaak)
    return tuple(Measure(id=b.id, soort=b.soort, ingangsdatum=b.ingangsdatum, vervaldatum=b.vervaldatum,
                         ingang_at=b.ingang_at, einde_at=b.einde_at, zienswijze_tot=b.zienswijze_tot,
                         maatregel=b.maatregel or {}) for b in rows)


def mandaat_for(user: User, besluittype: str, outcome: Outcome, on: date, reserved: bool = False,
                body: str | None = None) -> Mandaat | None:
    """The user's mandate to decide this outcome of this besluittype on the decision date `on`: covering the
    outcome, valid that day, in a capacity the outcome allows (the body itself where it is `reserved`), given by
    the body that decides it (`body`: the zaak's settled body, Zaak.orgaan)."""
    return usable(user.mandaten, besluittype, decided_by(outcome, body), on, reserved)


def require_mandaat(user: User, besluittype: str, outcome: Outcome, on: date, assessment: Assessment | None,
                    who: str = "U", body: str | None = None) -> Mandaat:
    """The mandate that allows the decision, honouring a reservation the rules concluded.

    Raises:
        MandateMissing: with the reason in plain Dutch (no mandate, outcome not covered, expired, reserved).
    """
    reserved, outcome = reservation(assessment, outcome.code), decided_by(outcome, body)
    found = mandaat_for(user, besluittype, outcome, on, reserved is not None)
    if found is None:
        raise MandateMissing(refusal(user.mandaten, besluittype, outcome, on, who, reserved))
    return found


def check_version(row: object, version: int) -> None:
    """Optimistic locking for forms: the version the person saw must still be the stored one."""
    if row.version_id != version:
        raise ConcurrentEdit()


def open_beslissing(session: Session, zaak: Zaak) -> Beslissing | None:
    """The beslissing still being drafted or reviewed, if any (there is at most one). A decision on a bezwaar
    is drafted in the bezwaar stage and neither is, nor blocks, the zaak's own drafting."""
    return session.scalars(select(Beslissing).where(
        Beslissing.zaak_id == zaak.id, Beslissing.status.in_(("concept", "ter_vaststelling")),
        Beslissing.soort != OBJECTION_DECISION)).first()


def refuse_when_closed(zaak: Zaak) -> None:
    """A closed zaak is read-only until it is reopened."""
    if zaak.fase == "afgesloten":
        raise InvalidTransition("Deze zaak is afgesloten. Heropen de zaak om haar te wijzigen.")


def refuse_while_in_review(session: Session, zaak: Zaak) -> None:
    """Facts and judgements are frozen while the kabinet reviews letters built from them (and while the zaak
    is closed)."""
    refuse_when_closed(zaak)
    row = open_beslissing(session, zaak)
    if row is not None and row.status == "ter_vaststelling":
        raise InvalidTransition("Er ligt een beslissing ter vaststelling bij het kabinet. Trek het aanbod in of "
                                "laat het kabinet het terugsturen voordat u feiten, afwegingen of betrokkenen "
                                "wijzigt.")


def touch(zaak: Zaak) -> None:
    """Bump the zaak's version even when no column changes, so a concurrent form on the same zaak fails."""
    flag_modified(zaak, "fase")
