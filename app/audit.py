"""Audit trail (changes) and access log (reads): written in the caller's transaction, sealed into a hash chain later.

A request appends its rows with a keyed content digest and without a place in the chain: it never reads or locks the
chain head, so requests do not wait on each other. `app/audit_chain.py` seals the pending rows in batches
and verifies both the sealed chain and the pending rows.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit_chain import GENESIS, REDACTED, content_digest, digest, row_hash, seal, seal_all, verify_chain
from app.domain.serialize import jsonable
from app.models import AccessEntry, AuditEntry, User
from app.models.types import utcnow

__all__ = ["GENESIS", "REDACTED", "SYSTEM", "Actor", "digest", "record_access", "record_change",
           "redact_snapshots", "row_hash", "seal", "seal_all", "verify_chain"]


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
Row = TypeVar("Row", AuditEntry, AccessEntry)


def record_change(session: Session, actor: Actor, *, actie: str, hoofd_object: str, resource: str,  # noqa: PLR0913 - the ZGW audittrail fields, keyword-only
                  resource_id: object, weergave: str, oud: Any = None, nieuw: Any = None,
                  toelichting: str = "") -> AuditEntry:
    """Append one change row (ZGW audittrail fields), pending until sealed; flushed, not committed."""
    entry = AuditEntry(
        uuid=str(uuid.uuid4()), bron="bevoegd", gebruikers_id=actor.id, gebruikers_weergave=actor.display, actie=actie,
        actie_weergave=_ACTIE_WEERGAVE.get(actie, actie), resultaat=200, hoofd_object=hoofd_object,
        resource=resource, resource_id=str(resource_id), resource_weergave=weergave[:300],
        toelichting=toelichting, wijzigingen=jsonable({"oud": oud, "nieuw": nieuw}), aanmaakdatum=utcnow(),
    )
    entry.wijzigingen_sha256 = digest(entry.wijzigingen)
    return _append(session, "audit", entry)


def record_access(session: Session, actor: Actor, *, action: str, object_type: str, object_id: object,  # noqa: PLR0913 - NEN 7513 fields, keyword-only
                  case_id: object, result: str = "ok", origin: str = "", reason: str = "") -> AccessEntry:
    """Append one read/denial row (NEN 7513 style), pending until sealed; flushed, not committed."""
    entry = AccessEntry(
        ts_utc=utcnow(), actor_id=actor.id, actor_display=actor.display, role=actor.role, action=action,
        object_type=object_type, object_id=str(object_id), case_id=str(case_id), result=result,
        origin=origin, reason=reason,
    )
    return _append(session, "access", entry)


def _append(session: Session, name: str, entry: Row) -> Row:
    entry.content_sha256 = content_digest(name, entry)
    session.add(entry)
    session.flush()
    return entry


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
    "login_block": "Inloggen tijdelijk geblokkeerd na mislukte pogingen",
    "login_unblock": "Blokkade van inloggen opgeheven",
    "activate": "Account geactiveerd",
    "deactivate": "Account gedeactiveerd",
    "grant": "Mandaat verleend (wacht op goedkeuring)",
    "approve_mandate": "Mandaat goedgekeurd door een tweede beheerder",
    "refuse_mandate": "Mandaat afgewezen",
    "end_mandate": "Mandaat beëindigd",
    "password": "Wachtwoord gewijzigd",
    "toegang_verleend": "Op de toegangslijst van de zaak gezet",
    "toegang_ingetrokken": "Van de toegangslijst van de zaak gehaald",
    "token_create": "API-token aangemaakt",
    "token_revoke": "API-token ingetrokken",
}
