"""keyed audit chain: the chain hashes and content digests are HMAC-SHA256 under a key outside the database

Until now a log row's hash was plain SHA-256, so someone with write access to the database could edit a row and
recompute every later hash (issue 13). From now on the sealer keys the hashes, and every appended row its content
digest, with the audit key (BEVOEGD_AUDIT_KEY or a key file, app/audit_key.py), which this migration never sees.

The rows sealed so far keep their plain hashes. `chain_heads.keyed_from` records the first position sealed with
the key: one past the last sealed row. The rows still pending carry plain content digests, which the key would
not accept, so they are sealed here first, plainly, in id order as the sealer would. No update guard needs to be
set aside for that: sealing a pending row is what migration 0023 allows.

The downgrade re-hashes the keyed rows and digests plainly (so the code of 0026 verifies the chain) and drops the
column: it discards the key's protection. Run `flask audit verify` before downgrading.

Revision ID: 0027
Revises: 0026
"""

from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa
from alembic import op

revision = "0027"
down_revision = "0026"
branch_labels = None
depends_on = None

TABLES = {"audit_entries": "audit", "access_entries": "access"}


def upgrade() -> None:
    with op.batch_alter_table("chain_heads") as batch:
        batch.add_column(sa.Column("keyed_from", sa.BigInteger(), nullable=True))
    for name in TABLES.values():
        last = _seal_pending_plainly(name)
        op.execute(sa.text("UPDATE chain_heads SET keyed_from = :first WHERE name = :name")
                   .bindparams(first=last + 1, name=name))
    with op.batch_alter_table("chain_heads") as batch:
        batch.alter_column("keyed_from", existing_type=sa.BigInteger(), nullable=False)


def downgrade() -> None:
    with _log_guards_set_aside():
        for name in TABLES.values():
            _rehash_plainly(name)
    with op.batch_alter_table("chain_heads") as batch:
        batch.drop_column("keyed_from")


def _columns(name: str) -> tuple[sa.Table, list[sa.Column]]:
    """The log table with the model's column types (the hashed body must see datetimes and JSON as the app does,
    not as the driver's strings), and only the columns this revision has."""
    from app.audit_chain import HASHED
    from app.models import AccessEntry, AuditEntry

    table = (AuditEntry if name == "audit" else AccessEntry).__table__
    extra = ["wijzigingen_sha256"] if name == "audit" else []
    return table, [table.c[c] for c in ("id", "chain_pos", "prev_hash", "hash", *HASHED[name], *extra)]


def _seal_pending_plainly(name: str) -> int:
    """Seal the pending rows as the sealer of 0023 did (plain SHA-256); returns the last chain position."""
    from app.audit_chain import body, link

    bind = op.get_bind()
    rows, columns = _columns(name)
    position = bind.execute(sa.select(sa.func.max(rows.c.chain_pos))).scalar() or 0
    previous = bind.execute(sa.text("SELECT hash FROM chain_heads WHERE name = :n"), {"n": name}).scalar()
    pending = bind.execute(sa.select(*columns).where(rows.c.chain_pos.is_(None)).order_by(rows.c.id)).mappings().all()
    for row in pending:
        position += 1
        previous, prev_hash = link(previous, body(name, dict(row))), previous
        bind.execute(sa.update(rows).where(rows.c.id == row["id"])
                     .values(chain_pos=position, prev_hash=prev_hash, hash=previous))
    bind.execute(sa.text("UPDATE chain_heads SET hash = :h WHERE name = :n"), {"h": previous, "n": name})
    return position


def _rehash_plainly(name: str) -> None:
    """Give the keyed rows (from keyed_from on) plain hashes and every pending row a plain content digest."""
    from app.audit_chain import GENESIS, body, link

    bind = op.get_bind()
    rows, columns = _columns(name)
    first = bind.execute(sa.text("SELECT keyed_from FROM chain_heads WHERE name = :n"), {"n": name}).scalar() or 1
    previous = GENESIS if first == 1 else bind.execute(
        sa.select(rows.c.hash).where(rows.c.chain_pos == first - 1)).scalar()
    keyed = sa.or_(rows.c.chain_pos >= first, rows.c.chain_pos.is_(None))
    query = sa.select(*columns).where(keyed).order_by(rows.c.chain_pos.is_(None), rows.c.chain_pos, rows.c.id)
    for row in bind.execute(query).mappings().all():
        canonical = body(name, dict(row))
        values = {"content_sha256": link("", canonical)}
        if row["chain_pos"] is not None:
            previous, values["prev_hash"] = link(previous, canonical), previous
            values["hash"] = previous
        bind.execute(sa.update(rows).where(rows.c.id == row["id"]).values(**values))
    if previous is not None:
        bind.execute(sa.text("UPDATE chain_heads SET hash = :h WHERE name = :n"), {"h": previous, "n": name})


@contextmanager
def _log_guards_set_aside() -> Iterator[None]:
    """The re-hashing changes sealed rows, which the guards of 0002/0007/0023 refuse: set them aside for it
    and put them back exactly as they were."""
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        for table in TABLES:
            op.execute(f"ALTER TABLE {table} DISABLE TRIGGER USER")
        yield
        for table in TABLES:
            op.execute(f"ALTER TABLE {table} ENABLE TRIGGER USER")
        return
    triggers = bind.execute(sa.text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN "
                                    "('audit_entries', 'access_entries')")).all()
    for trigger, _sql in triggers:
        op.execute(f"DROP TRIGGER {trigger}")
    yield
    for _trigger, sql in triggers:
        op.execute(sql)
