"""The auditor's read-only view of the audit trail and the access log: filtered, paged, with the result of
the hash-chain verification (the same check as `flask audit verify`: sealed and pending rows, and both chains
against their latest anchors outside the database); the view itself is logged."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session

from app.audit_anchor import AnchorReport, verify_anchors
from app.audit_chain import check_chain
from app.models import AccessEntry, AuditEntry, User
from app.services.listing import Order, Page, in_period, keyset, log_search, matching

# Both logs are paged by their id, newest first: the primary key is the index (services/listing.py).
AUDIT = Order(AuditEntry.id, AuditEntry.id, int)
ACCESS = Order(AccessEntry.id, AccessEntry.id, int)


@dataclass(frozen=True)
class Verification:
    """The outcome of recomputing both chains: None verifies, -1 is a head mismatch, else the first bad row;
    with the rows per chain not yet sealed (checked against their own digest), and the chains against their
    latest anchors."""

    audit: int | None
    access: int | None
    pending: dict[str, int] = field(default_factory=dict)
    anchors: AnchorReport = field(default_factory=lambda: AnchorReport(None, {}))


def verify(session: Session, anchor_dir: Path | None = None) -> Verification:
    checks = {name: check_chain(session, name) for name in ("audit", "access")}
    return Verification(checks["audit"].broken, checks["access"].broken,
                        {name: check.pending for name, check in checks.items()}, verify_anchors(session, anchor_dir))


def search(session: Session, filters: dict[str, Any], actor: User, origin: str) -> Page:
    """One page of the chosen log under the filters; the search is logged (which filters, how many hits)."""
    audit = filters["log"] == "audit"
    page = keyset(session, _audit(filters) if audit else _access(filters), AUDIT if audit else ACCESS, filters)
    log_search(session, actor, f"log:{filters['log']}", origin, {**filters, "log": ""}, len(page.rows),
               case_id=(filters.get("kenmerk") or "-")[:40])
    return page


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
    return or_(id_column == text, matching(text, (name_column,)))
