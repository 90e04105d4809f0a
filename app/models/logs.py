"""Append-only logs: changes (ZGW audittrail fields) and reads (NEN 7513 style), each a hash chain.

A row is appended pending (its content digest set, its seal columns NULL) and sealed into its chain later,
in a batch (app/audit_chain.py): `chain_pos`, `prev_hash` and `hash` are set once, by the sealer only.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from app.db import Base
from app.models.types import UtcDateTime, checked_enum, utcnow


def unsealed_index(table: str) -> Index:
    """The pending rows in id order: the sealer takes its batch from here without scanning the whole log."""
    where = text("chain_pos IS NULL")
    return Index(f"ix_{table}_unsealed", "id", sqlite_where=where, postgresql_where=where)


class AuditEntry(Base):
    """One change: who did what to which object, with the old and new state."""

    __tablename__ = "audit_entries"
    __table_args__ = (unsealed_index("audit_entries"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    bron: Mapped[str] = mapped_column(String(40), default="bevoegd")
    gebruikers_id: Mapped[str] = mapped_column(String(40))
    gebruikers_weergave: Mapped[str] = mapped_column(String(200))
    actie: Mapped[str] = mapped_column(String(40))
    actie_weergave: Mapped[str] = mapped_column(String(200))
    resultaat: Mapped[int] = mapped_column()
    hoofd_object: Mapped[str] = mapped_column(String(100), index=True)
    resource: Mapped[str] = mapped_column(String(40))
    resource_id: Mapped[str] = mapped_column(String(40))
    resource_weergave: Mapped[str] = mapped_column(String(300))
    toelichting: Mapped[str] = mapped_column(Text, default="")
    wijzigingen: Mapped[dict[str, Any]] = mapped_column(JSON)
    # The digest of the snapshots, which the hash chain covers instead of the snapshots themselves: a
    # statutory destruction can redact the snapshots of a destroyed zaak and the chain still verifies.
    wijzigingen_sha256: Mapped[str | None] = mapped_column(String(64))
    aanmaakdatum: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    # Set at append: SHA-256 of the row's canonical content, so a pending row is already checkable. NULL only
    # on rows chained before migration 0023, which their chain hash covers.
    content_sha256: Mapped[str | None] = mapped_column(String(64))
    # Set together, once, by the sealer: the row's position in its chain and its links.
    chain_pos: Mapped[int | None] = mapped_column(BigInteger, index=True, unique=True)
    prev_hash: Mapped[str | None] = mapped_column(String(64))
    hash: Mapped[str | None] = mapped_column(String(64))


class AccessEntry(Base):
    """One read, download or denial of case data."""

    __tablename__ = "access_entries"
    __table_args__ = (unsealed_index("access_entries"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    ts_utc: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    actor_id: Mapped[str] = mapped_column(String(40))
    actor_display: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(40))
    action: Mapped[str] = mapped_column(
        checked_enum("access_action", "view", "search", "download", "preview", "export")
    )
    object_type: Mapped[str] = mapped_column(String(40))
    object_id: Mapped[str] = mapped_column(String(40))
    case_id: Mapped[str] = mapped_column(String(40), index=True)
    result: Mapped[str] = mapped_column(checked_enum("access_result", "ok", "denied", "error"))
    origin: Mapped[str] = mapped_column(String(64), default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    # Set at append: SHA-256 of the row's canonical content, so a pending row is already checkable. NULL only
    # on rows chained before migration 0023, which their chain hash covers.
    content_sha256: Mapped[str | None] = mapped_column(String(64))
    # Set together, once, by the sealer: the row's position in its chain and its links.
    chain_pos: Mapped[int | None] = mapped_column(BigInteger, index=True, unique=True)
    prev_hash: Mapped[str | None] = mapped_column(String(64))
    hash: Mapped[str | None] = mapped_column(String(64))


class ChainHead(Base):
    """The latest hash of each chain; only the sealer writes it, under a lock, so the chain never forks."""

    __tablename__ = "chain_heads"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    hash: Mapped[str] = mapped_column(String(64))
    # The first chain position sealed with the audit key (migration 0027): rows before it keep their plain
    # SHA-256 hashes. Every anchor signs it too, so moving it to pass keyed rows off as plain ones is detected.
    keyed_from: Mapped[int] = mapped_column(BigInteger, default=1)
