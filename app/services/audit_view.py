"""The auditor's read-only view of the audit trail and the access log: filtered, paged, with the result of
the hash-chain verification (the same check as `flask audit verify`); the view itself is logged."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from app.audit import Actor, record_access, verify_chain
from app.models import AccessEntry, AuditEntry, User

PAGE_SIZE = 50


@dataclass(frozen=True)
class Page:
    """One page of rows and where it sits in the whole list."""

    rows: list[Any]
    number: int
    total: int
    size: int = PAGE_SIZE

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.size))


@dataclass(frozen=True)
class Verification:
    """The outcome of recomputing both chains: None verifies, -1 is a head mismatch, else the first bad row."""

    audit: int | None
    access: int | None


def verify(session: Session) -> Verification:
    return Verification(verify_chain(session, "audit"), verify_chain(session, "access"))


def search(session: Session, filters: dict[str, Any], actor: User, origin: str) -> Page:
    """One page of the chosen log under the filters; the search is logged (which filters, how many hits)."""
    query = _audit(filters) if filters["log"] == "audit" else _access(filters)
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    model = AuditEntry if filters["log"] == "audit" else AccessEntry
    rows = list(session.scalars(query.order_by(model.id.desc()).offset((filters["pagina"] - 1) * PAGE_SIZE)
                                .limit(PAGE_SIZE)))
    used = ",".join(k for k in ("kenmerk", "persoon", "van", "tot") if filters.get(k))
    record_access(session, Actor.of(actor), action="search", object_type=f"log:{filters['log']}", object_id="*",
                  case_id=(filters.get("kenmerk") or "-")[:40], origin=origin,
                  reason=f"filters={used or 'geen'} hits={total}")
    session.commit()
    return Page(rows, filters["pagina"], total, PAGE_SIZE)


def _audit(filters: dict[str, Any]) -> Select[tuple[AuditEntry]]:
    query = select(AuditEntry)
    if filters.get("kenmerk"):  # changes name their zaak by its identificatie (hoofd_object)
        query = query.where(AuditEntry.hoofd_object == filters["kenmerk"])
    if filters.get("persoon"):
        query = query.where(_person(AuditEntry.gebruikers_id, AuditEntry.gebruikers_weergave, filters["persoon"]))
    return in_period(query, AuditEntry.aanmaakdatum, filters)


def _access(filters: dict[str, Any]) -> Select[tuple[AccessEntry]]:
    query = select(AccessEntry)
    if filters.get("kenmerk"):
        query = query.where(AccessEntry.case_id == filters["kenmerk"])
    if filters.get("persoon"):
        query = query.where(_person(AccessEntry.actor_id, AccessEntry.actor_display, filters["persoon"]))
    return in_period(query, AccessEntry.ts_utc, filters)


def _person(id_column: Any, name_column: Any, text: str) -> Any:
    """A person by user id or by (part of) the display name, case-insensitive."""
    pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    return or_(id_column == text, func.lower(name_column).like(pattern.lower(), escape="\\"))


def in_period(query: Select[Any], column: Any, filters: dict[str, Any]) -> Select[Any]:
    """From the start of `van` up to and including the whole day `tot` (UTC days)."""
    if filters.get("van"):
        query = query.where(column >= _start(filters["van"]))
    if filters.get("tot"):
        query = query.where(column < _start(filters["tot"] + timedelta(days=1)))
    return query


def _start(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=UTC)
