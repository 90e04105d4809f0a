"""The hash chains of the audit trail and the access log: content digests, sealing and verification.

A request appends its log rows pending: with a content digest (keyed hash of the row's canonical content), but
without a place in the chain, so no request reads or locks the chain head. `seal` chains the pending rows in
batches later (`flask audit seal`, the job queue's periodic task): it alone locks the head row, gives each row
the next chain position, the previous hash and its own hash, and moves the head. On PostgreSQL a row with a
smaller id may commit after a larger one was sealed; it is simply sealed in a later batch, which is why the
chain runs in `chain_pos` order, not in id order.

Each hash is HMAC-SHA256, under a key outside the database (app/audit_key.py), over the previous hash and the
canonical row, with the snapshots replaced by their digest (stored beside them), so a statutory destruction can
redact the snapshots of a destroyed zaak without breaking the chain; the content digest of a pending row is keyed
the same way. Someone with only database access can therefore neither re-hash an edited row and its successors
nor forge a pending row. The rows sealed before the key (migration 0027) keep their plain SHA-256 hashes: the
head row records from which position the chain is keyed, and the first keyed row pins the plain ones before it.
Truncating the newest rows and moving the head back is caught by the anchors outside the database
(app/audit_anchor.py).

The database (migrations 0002, 0007, 0023) allows exactly two updates of a log row: that redaction, and the
sealing of a row whose seal columns are still empty, nothing else changed.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import audit_key
from app.domain.serialize import jsonable
from app.models import AccessEntry, AuditEntry, ChainHead

GENESIS = "0" * 64
REDACTED = {"vernietigd": True}  # what a destroyed zaak's audit snapshots become
BATCH = 500  # rows per sealing transaction: the head lock is held for one batch only
MODELS: dict[str, type[AuditEntry] | type[AccessEntry]] = {"audit": AuditEntry, "access": AccessEntry}
# The columns a row's digest and hash cover, named rather than derived from the table, so that a column
# added later does not silently change the hash of every row chained before it.
HASHED = {
    "audit": ("uuid", "bron", "gebruikers_id", "gebruikers_weergave", "actie", "actie_weergave", "resultaat",
              "hoofd_object", "resource", "resource_id", "resource_weergave", "toelichting", "wijzigingen",
              "aanmaakdatum"),
    "access": ("ts_utc", "actor_id", "actor_display", "role", "action", "object_type", "object_id", "case_id",
               "result", "origin", "reason"),
}
_SNAPSHOT_FIELDS = {"audit": ("wijzigingen",), "access": ()}

LogRow = AuditEntry | AccessEntry
Key = str | bytes | None  # an audit key given explicitly (tests, a second opinion); None: the process's key


def link(previous: str, body: str, key: bytes | None = None) -> str:
    """The one hash of the chains, over the previous hash and a canonical row: HMAC-SHA256 under the chain key,
    or plain SHA-256 (key None) for the rows sealed before the key and in the migrations that relink them."""
    if key is None:
        return hashlib.sha256((previous + body).encode()).hexdigest()
    return hmac.new(key, (previous + body).encode(), hashlib.sha256).hexdigest()


def body(name: str, values: Mapping[str, Any]) -> str:
    """The canonical JSON of a row's hashed columns, its snapshots replaced by their digest."""
    row = {field: values[field] for field in HASHED[name]}
    for field in _SNAPSHOT_FIELDS[name]:
        row[field] = values.get(f"{field}_sha256") or digest(row[field])
    return canonical(row)


def content_digest(name: str, entry: LogRow, key: Key = None, *, keyed: bool = True) -> str:
    """The digest stored at append time, keyed: a pending row is checkable before it is sealed, and cannot be
    forged or re-digested without the key. `keyed=False`: a row sealed before the key."""
    return link("", body(name, _values(name, entry)), audit_key.chain_key(key) if keyed else None)


def row_hash(name: str, entry: LogRow, key: Key = None, *, keyed: bool = True) -> str:
    """The chain hash of a sealed row (over its prev_hash)."""
    return link(entry.prev_hash or "", body(name, _values(name, entry)), audit_key.chain_key(key) if keyed else None)


def digest(snapshot: Any) -> str:
    """SHA-256 of a snapshot's canonical JSON."""
    return hashlib.sha256(canonical(snapshot).encode()).hexdigest()


def canonical(value: Any) -> str:
    return json.dumps(jsonable(value), sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _values(name: str, entry: LogRow) -> dict[str, Any]:
    values = {field: getattr(entry, field) for field in HASHED[name]}
    values.update({f"{f}_sha256": getattr(entry, f"{f}_sha256") for f in _SNAPSHOT_FIELDS[name]})
    return values


def seal(session: Session, name: str, limit: int = BATCH, key: Key = None) -> int:
    """Chain up to `limit` pending rows of one chain, in id order, keyed; flushed, not committed (the caller's
    commit ends the batch and releases the head lock). Returns how many rows were sealed."""
    head = _locked_head(session, name)
    model = MODELS[name]
    # Read after the lock: on PostgreSQL (READ COMMITTED) this statement sees what an earlier sealer committed.
    position = session.scalar(select(func.max(model.chain_pos))) or 0
    rows = session.scalars(select(model).where(model.chain_pos.is_(None)).order_by(model.id).limit(limit)).all()
    for entry in rows:
        position += 1
        entry.chain_pos, entry.prev_hash = position, head.hash
        entry.hash = row_hash(name, entry, key)
        head.hash = entry.hash
    session.flush()
    return len(rows)


def seal_all(session: Session, limit: int = BATCH, key: Key = None) -> dict[str, int]:
    """Seal what is pending in both chains, one committed transaction per batch; stops at a short batch, so a
    steady stream of new rows cannot keep it running. Returns the number sealed per chain."""
    sealed = dict.fromkeys(MODELS, 0)
    for name in MODELS:
        while True:
            count = seal(session, name, limit, key)
            session.commit()
            sealed[name] += count
            if count < limit:
                break
    return sealed


def _locked_head(session: Session, name: str) -> ChainHead:
    """The head row, locked until commit (FOR UPDATE on PostgreSQL; SQLite's write transaction serialises)."""
    query = select(ChainHead).where(ChainHead.name == name).with_for_update()
    head = session.scalars(query.execution_options(populate_existing=True)).first()
    if head is None:  # created by migration 0003; inserting one here would race between first sealers
        raise RuntimeError(f"chain head {name!r} is missing: run 'alembic upgrade head'")
    return head


@dataclass(frozen=True)
class ChainCheck:
    """One chain verified: `broken` is None when it holds, -1 for a head mismatch, else the first bad row's id."""

    broken: int | None
    sealed: int
    pending: int


def check_chain(session: Session, name: str, key: Key = None) -> ChainCheck:
    """Walk the sealed rows in chain order (links, hashes, digests), compare the head, then check every
    pending row against its keyed content digest."""
    model = MODELS[name]
    keyed_from, destroyed = keyed_from_of(session, name), destroyed_cases(session, name)
    broken, position, previous = walk(session, name, keyed_from, key, destroyed=destroyed)
    head = session.get(ChainHead, name)
    if broken is None and head is not None and head.hash != previous:
        broken = -1
    pending = 0
    query = select(model).where(model.chain_pos.is_(None)).order_by(model.id)
    for entry in session.scalars(query.execution_options(yield_per=1000)):
        pending += 1
        if broken is None and (entry.prev_hash is not None or entry.hash is not None
                               or _edited(name, entry, key, destroyed=destroyed)):
            broken = entry.id
    return ChainCheck(broken, position, pending)


def walk(session: Session, name: str, keyed_from: int, key: Key = None,  # noqa: PLR0913
         start: tuple[int, str] = (0, GENESIS), destroyed: frozenset[str] | None = None) -> tuple[int | None, int, str]:
    """Check the sealed rows after position `start[0]`, whose hash is `start[1]`, in chain order: each row at
    the next position, linked to the previous hash, its hash and digests right (keyed from `keyed_from`).
    Returns the first broken row's id (or None), the last position and the last hash."""
    model = MODELS[name]
    (position, previous), broken = start, None
    destroyed = destroyed_cases(session, name) if destroyed is None else destroyed
    sealed = select(model).where(model.chain_pos > position).order_by(model.chain_pos)
    for entry in session.scalars(sealed.execution_options(yield_per=1000)):
        position += 1
        keyed = position >= keyed_from
        if broken is None and (entry.chain_pos != position or entry.prev_hash != previous
                               or row_hash(name, entry, key, keyed=keyed) != entry.hash
                               or _edited(name, entry, key, keyed=keyed, destroyed=destroyed)):
            broken = entry.id
        previous = entry.hash or ""
    return broken, position, previous


def keyed_from_of(session: Session, name: str) -> int:
    """The first keyed position of a chain (1 when the head row is missing: everything must be keyed)."""
    return session.scalar(select(ChainHead.keyed_from).where(ChainHead.name == name)) or 1


def verify_chain(session: Session, name: str, key: Key = None) -> int | None:
    """Recompute a chain; return the id of the first broken row, -1 for a head mismatch, or None."""
    return check_chain(session, name, key).broken


def destroyed_cases(session: Session, name: str) -> frozenset[str]:
    """The zaken whose destruction is itself in the audit trail (a row the chain covers): only their snapshots
    may read "vernietigd". Without this check anyone with database access could wipe any snapshot."""
    if name != "audit":
        return frozenset()
    return frozenset(session.scalars(select(AuditEntry.hoofd_object).where(AuditEntry.actie == "destroy")))


def _edited(name: str, entry: LogRow, key: Key = None, *, keyed: bool = True,
            destroyed: frozenset[str] = frozenset()) -> bool:
    """A row whose content no longer matches its digests: the content digest (a pending or keyed row must have
    one; a row chained before migration 0023 has none) and the snapshots' digest, unless statutorily redacted
    (and the destruction of that zaak is recorded)."""
    if entry.content_sha256 is None:
        if keyed:
            return True
    elif content_digest(name, entry, key, keyed=keyed) != entry.content_sha256:
        return True
    stored = getattr(entry, "wijzigingen_sha256", None)
    if not stored:  # the access log has no snapshots
        return False
    redacted = entry.wijzigingen == REDACTED and entry.hoofd_object in destroyed
    return not redacted and digest(entry.wijzigingen) != stored
