"""Audit trail (changes) and access log (reads): written in the caller's transaction, hash-chained.

Each row's hash is SHA-256 over the previous hash, the canonical JSON of the row and a digest of its
snapshots (stored beside them), so a statutory destruction can redact the snapshots of a destroyed zaak
without breaking the chain. Writers lock the chain head row (SELECT ... FOR UPDATE on PostgreSQL;
BEGIN IMMEDIATE already serialises SQLite writers).
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.serialize import jsonable
from app.models import AccessEntry, AuditEntry, ChainHead, User
from app.models.types import utcnow

GENESIS = "0" * 64
REDACTED = {"vernietigd": True}  # what a destroyed zaak's audit snapshots become
_SNAPSHOT_FIELDS = {"audit": ("wijzigingen",), "access": ()}
_EXCLUDED = ("id", "hash", "prev_hash", "wijzigingen_sha256")


@dataclass(frozen=True)
class Actor:
    """Who acts: a user, or the system (seed, CLI)."""

    id: str
    display: str
    role: str

    @classmethod
    def of(cls, user: User) -> Actor:
        return cls(str(user.id), user.display_name, user.role)


SYSTEM = Actor("system", "Bevoegd (systeem)", "system")


def record_change(session: Session, actor: Actor, *, actie: str, hoofd_object: str, resource: str,  # noqa: PLR0913 - the ZGW audittrail fields, keyword-only
                  resource_id: object, weergave: str, oud: Any = None, nieuw: Any = None,
                  toelichting: str = "") -> AuditEntry:
    """Append one change row (ZGW audittrail fields); flushed, not committed."""
    entry = AuditEntry(
        uuid=str(uuid.uuid4()), bron="bevoegd", gebruikers_id=actor.id, gebruikers_weergave=actor.display, actie=actie,
        actie_weergave=_ACTIE_WEERGAVE.get(actie, actie), resultaat=200, hoofd_object=hoofd_object,
        resource=resource, resource_id=str(resource_id), resource_weergave=weergave[:300],
        toelichting=toelichting, wijzigingen=jsonable({"oud": oud, "nieuw": nieuw}), aanmaakdatum=utcnow(),
    )
    entry.wijzigingen_sha256 = digest(entry.wijzigingen)
    _chain(session, "audit", entry)
    return entry


def record_access(session: Session, actor: Actor, *, action: str, object_type: str, object_id: object,  # noqa: PLR0913 - NEN 7513 fields, keyword-only
                  case_id: object, result: str = "ok", origin: str = "", reason: str = "") -> AccessEntry:
    """Append one read/denial row (NEN 7513 style); flushed, not committed."""
    entry = AccessEntry(
        ts_utc=utcnow(), actor_id=actor.id, actor_display=actor.display, role=actor.role, action=action,
        object_type=object_type, object_id=str(object_id), case_id=str(case_id), result=result,
        origin=origin, reason=reason,
    )
    _chain(session, "access", entry)
    return entry


def _chain(session: Session, name: str, entry: AuditEntry | AccessEntry) -> None:
    head = session.scalars(select(ChainHead).where(ChainHead.name == name).with_for_update()).first()
    if head is None:  # created by migration 0003; inserting one here would race between first writers
        raise RuntimeError(f"chain head {name!r} is missing: run 'alembic upgrade head'")
    entry.prev_hash = head.hash
    entry.hash = row_hash(name, entry)
    head.hash = entry.hash
    session.add(entry)
    session.flush()


def row_hash(name: str, entry: AuditEntry | AccessEntry) -> str:
    """SHA-256 over prev_hash, the canonical row (snapshots replaced by their digest)."""
    row = {c.name: getattr(entry, c.key) for c in entry.__table__.columns if c.name not in _EXCLUDED}
    for field in _SNAPSHOT_FIELDS[name]:
        row[field] = getattr(entry, f"{field}_sha256", None) or digest(row[field])
    return hashlib.sha256((entry.prev_hash + _canonical(row)).encode()).hexdigest()


def digest(snapshot: Any) -> str:
    """SHA-256 of a snapshot's canonical JSON."""
    return hashlib.sha256(_canonical(snapshot).encode()).hexdigest()


def redact_snapshots(session: Session, hoofd_object: str) -> int:
    """Replace the snapshots of one destroyed zaak by the redaction marker, keeping each digest (flushes).

    Only allowed by the database while that zaak's vernietiging is in progress (migration 0007).
    """
    rows = list(session.scalars(select(AuditEntry).where(AuditEntry.hoofd_object == hoofd_object)))
    for entry in rows:
        if entry.wijzigingen != REDACTED:
            entry.wijzigingen_sha256 = entry.wijzigingen_sha256 or digest(entry.wijzigingen)
            entry.wijzigingen = dict(REDACTED)
    session.flush()
    return len(rows)


def verify_chain(session: Session, name: str) -> int | None:
    """Recompute a chain; return the id of the first broken row, or None when it verifies."""
    model = AuditEntry if name == "audit" else AccessEntry
    previous = GENESIS
    for entry in session.scalars(select(model).order_by(model.id)):
        if entry.prev_hash != previous or row_hash(name, entry) != entry.hash or _edited(entry):
            return entry.id
        previous = entry.hash
    head = session.get(ChainHead, name)
    if head is not None and head.hash != previous:
        return -1
    return None


def _edited(entry: AuditEntry | AccessEntry) -> bool:
    """Snapshots that no longer match their stored digest, unless redacted by a statutory destruction."""
    stored = getattr(entry, "wijzigingen_sha256", None)
    return bool(stored) and entry.wijzigingen != REDACTED and digest(entry.wijzigingen) != stored


def _canonical(value: Any) -> str:
    return json.dumps(jsonable(value), sort_keys=True, separators=(",", ":"), ensure_ascii=False)


_ACTIE_WEERGAVE = {
    "create": "Object aangemaakt",
    "update": "Object bijgewerkt",
    "assess": "Zaak beoordeeld door de regels",
    "confirm": "Parameter bevestigd door de gemeente",
    "judge": "Afweging vastgelegd",
    "draft": "Beslissing opgesteld",
    "submit": "Ter vaststelling aangeboden",
    "approve": "Vastgesteld",
    "return": "Teruggestuurd",
    "withdraw": "Aanbod ter vaststelling teruggetrokken",
    "correct": "Betrokkene gecorrigeerd",
    "close": "Zaak afgesloten",
    "reopen": "Zaak heropend",
    "denied": "Handeling geweigerd",
    "decide": "Ter plaatse beslist (in mandaat)",
    "review_afterwards": "Nagecontroleerd",
    "dispatch": "Verzending vastgelegd",
    "return_mail": "Retour ontvangen",
    "pdf": "PDF/A gemaakt",
    "retry": "Mislukte taak opnieuw gestart",
    "publish": "Gepubliceerd in het zaaksysteem",
    "assign": "Behandelaar toegewezen",
    "destroy": "Vernietigd na de bewaartermijn",
    "login": "Ingelogd",
    "logout": "Uitgelogd",
    "activate": "Account geactiveerd",
    "deactivate": "Account gedeactiveerd",
    "grant": "Mandaat verleend (wacht op goedkeuring)",
    "approve_mandate": "Mandaat goedgekeurd door een tweede beheerder",
    "refuse_mandate": "Mandaat afgewezen",
    "end_mandate": "Mandaat beëindigd",
    "password": "Wachtwoord gewijzigd",
    "toegang_verleend": "Op de toegangslijst van de zaak gezet",
    "toegang_ingetrokken": "Van de toegangslijst van de zaak gehaald",
}
