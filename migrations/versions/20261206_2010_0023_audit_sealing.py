"""audit sealing: log rows are appended pending and sealed into their hash chain in batches

Every request that wrote a log row (every read writes one to access_entries) locked the chain head row until
its commit, so all requests waited on one row (issue 12). Now a request appends its row with a digest of its
content (`content_sha256`) and empty seal columns; a sealer (`flask audit seal`, the job queue) later sets
`chain_pos` (the row's position in its chain, unique), `prev_hash` and `hash`, in batches. `prev_hash` and
`hash` become nullable; a partial index finds the pending rows.

The append-only guards (0002, 0007) refused every update of a log row except the redaction of a destroyed
zaak's audit snapshots. They now allow one more: the sealing, which sets the three seal columns of a row
whose seal columns are all still NULL, every other column unchanged. Nothing else.

Rows chained before this migration keep their hashes: they get their chain position in id order (the old
writers chained under the head lock, so id order was chain order) and no content digest (their chain hash
covers them).

The downgrade chains what is pending and re-links the chain in id order, the order the old verification
walks (a row sealed out of id order gets new links): run `flask audit verify` before downgrading.

Revision ID: 0023
Revises: 0022
"""

from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa
from alembic import op

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None

TABLES = {"audit_entries": "audit", "access_entries": "access"}
SEAL = ("chain_pos", "prev_hash", "hash")
MARKER = '{"vernietigd": true}'
KENMERK_IN_PROGRESS = "SELECT identificatie FROM vernietigingen WHERE uitgevoerd_at IS NULL"
UNSEALED = sa.text("chain_pos IS NULL")


def upgrade() -> None:
    with _update_guards_set_aside():
        for table in TABLES:
            with op.batch_alter_table(table) as batch:
                batch.add_column(sa.Column("content_sha256", sa.String(64), nullable=True))
                batch.add_column(sa.Column("chain_pos", sa.BigInteger(), nullable=True))
                batch.alter_column("prev_hash", existing_type=sa.String(64), nullable=True)
                batch.alter_column("hash", existing_type=sa.String(64), nullable=True)
            # The rows chained so far, in the order they were chained.
            op.execute(f"UPDATE {table} SET chain_pos = ordered.n FROM (SELECT id, row_number() OVER "
                       f"(ORDER BY id) AS n FROM {table}) AS ordered WHERE ordered.id = {table}.id")
            op.create_index(op.f(f"ix_{table}_chain_pos"), table, ["chain_pos"], unique=True)
            op.create_index(f"ix_{table}_unsealed", table, ["id"], sqlite_where=UNSEALED, postgresql_where=UNSEALED)
    if _sqlite():
        _sqlite_guards(sealing=True)
    else:
        _postgres_guards(sealing=True)


def downgrade() -> None:
    with _update_guards_set_aside():
        for table, name in TABLES.items():
            _relink_in_id_order(table, name)
            op.drop_index(f"ix_{table}_unsealed", table_name=table)
            op.drop_index(op.f(f"ix_{table}_chain_pos"), table_name=table)
            with op.batch_alter_table(table) as batch:
                batch.alter_column("hash", existing_type=sa.String(64), nullable=False)
                batch.alter_column("prev_hash", existing_type=sa.String(64), nullable=False)
                batch.drop_column("chain_pos")
                batch.drop_column("content_sha256")
    if _sqlite():
        _sqlite_guards(sealing=False)
    else:
        _postgres_guards(sealing=False)


def _sqlite() -> bool:
    return op.get_bind().dialect.name == "sqlite"


@contextmanager
def _update_guards_set_aside() -> Iterator[None]:
    """Drop the update guards of both logs for the change. SQLite rebuilds a table for a batch change and its
    triggers would break the rename, so all its triggers are set aside and the delete guards restored as they
    were; the update guards are then created anew by the caller. PostgreSQL alters in place."""
    bind = op.get_bind()
    if not _sqlite():
        op.execute("DROP TRIGGER IF EXISTS trg_audit_entries_redaction ON audit_entries")
        op.execute("DROP TRIGGER IF EXISTS trg_access_entries_append_only ON access_entries")
        op.execute("DROP TRIGGER IF EXISTS trg_access_entries_sealing ON access_entries")
        yield
        return
    rows = bind.execute(sa.text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN "
                                "('audit_entries', 'access_entries')")).all()
    for name, _sql in rows:
        op.execute(f"DROP TRIGGER {name}")
    yield
    for name, sql in rows:
        if not name.endswith("_no_update"):
            op.execute(sql)


def _sqlite_guards(sealing: bool) -> None:
    """The update guards: with `sealing`, a row may be sealed once (and an audit row redacted, as in 0007)."""
    for table in TABLES:
        columns = [c["name"] for c in sa.inspect(op.get_bind()).get_columns(table)]
        allowed = [_sqlite_sealing(columns)] if sealing else []
        if table == "audit_entries":
            allowed.append(_sqlite_redaction(columns))
        when = f" WHEN NOT ({' OR '.join(f'({a})' for a in allowed)})" if allowed else ""
        op.execute(f"DROP TRIGGER IF EXISTS trg_{table}_no_update")
        op.execute(f"CREATE TRIGGER trg_{table}_no_update BEFORE UPDATE ON {table}{when} "
                   f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END")


def _sqlite_sealing(columns: list[str]) -> str:
    unchanged = " AND ".join(f"NEW.{c} IS OLD.{c}" for c in columns if c not in SEAL)
    return " AND ".join([f"OLD.{c} IS NULL AND NEW.{c} IS NOT NULL" for c in SEAL] + [unchanged])


def _sqlite_redaction(columns: list[str]) -> str:
    """0007's redaction: only the snapshots become the marker (their digest kept), for a zaak in destruction."""
    unchanged = " AND ".join(f"NEW.{c} IS OLD.{c}" for c in columns
                             if c not in ("wijzigingen", "wijzigingen_sha256"))
    return (f"NEW.wijzigingen = '{MARKER}' AND {unchanged} AND (OLD.wijzigingen_sha256 IS NULL "
            f"OR NEW.wijzigingen_sha256 IS OLD.wijzigingen_sha256) AND OLD.hoofd_object IN ({KENMERK_IN_PROGRESS})")


def _postgres_guards(sealing: bool) -> None:
    """audit_entries: one update trigger allowing the sealing or 0007's redaction; access_entries: deletes
    refused as before, updates refused unless sealing. The downgrade restores 0002's and 0007's guards."""
    if sealing:
        _pg_sealing_functions()
        op.execute("DROP TRIGGER IF EXISTS trg_access_entries_append_only ON access_entries")
        op.execute("CREATE TRIGGER trg_access_entries_append_only BEFORE DELETE ON access_entries "
                   "FOR EACH ROW EXECUTE FUNCTION bevoegd_reject_change()")
        op.execute("CREATE TRIGGER trg_access_entries_sealing BEFORE UPDATE ON access_entries "
                   "FOR EACH ROW EXECUTE FUNCTION bevoegd_log_sealing()")
    else:
        op.execute("DROP TRIGGER IF EXISTS trg_access_entries_append_only ON access_entries")
        op.execute("CREATE TRIGGER trg_access_entries_append_only BEFORE UPDATE OR DELETE ON access_entries "
                   "FOR EACH ROW EXECUTE FUNCTION bevoegd_reject_change()")
        _pg_redaction_of_0007()
        op.execute("DROP FUNCTION IF EXISTS bevoegd_log_sealing()")
        op.execute("DROP FUNCTION IF EXISTS bevoegd_is_sealing(jsonb, jsonb)")
    op.execute("CREATE TRIGGER trg_audit_entries_redaction BEFORE UPDATE ON audit_entries "
               "FOR EACH ROW EXECUTE FUNCTION bevoegd_audit_redaction()")


def _pg_sealing_functions() -> None:
    # Whole rows as jsonb minus the seal columns: every other column, including any added later, must stay.
    seal = "'{chain_pos,prev_hash,hash}'::text[]"
    empty = " AND ".join(f"before_row->>'{c}' IS NULL AND after_row->>'{c}' IS NOT NULL" for c in SEAL)
    op.execute("CREATE OR REPLACE FUNCTION bevoegd_is_sealing(before_row jsonb, after_row jsonb) RETURNS boolean "
               f"LANGUAGE sql IMMUTABLE AS $$ SELECT {empty} AND (before_row - {seal}) = (after_row - {seal}) $$")
    op.execute("CREATE OR REPLACE FUNCTION bevoegd_log_sealing() RETURNS trigger LANGUAGE plpgsql AS $$ "
               "BEGIN IF bevoegd_is_sealing(to_jsonb(OLD), to_jsonb(NEW)) THEN RETURN NEW; END IF; "
               "RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$")
    snapshots = "'{wijzigingen,wijzigingen_sha256}'::text[]"
    op.execute(
        "CREATE OR REPLACE FUNCTION bevoegd_audit_redaction() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "BEGIN IF bevoegd_is_sealing(to_jsonb(OLD), to_jsonb(NEW)) THEN RETURN NEW; END IF; "
        f"IF NEW.wijzigingen::jsonb = '{MARKER}'::jsonb AND (to_jsonb(NEW) - {snapshots}) = "
        f"(to_jsonb(OLD) - {snapshots}) "
        "AND (OLD.wijzigingen_sha256 IS NULL OR NEW.wijzigingen_sha256 = OLD.wijzigingen_sha256) "
        f"AND OLD.hoofd_object IN ({KENMERK_IN_PROGRESS}) THEN RETURN NEW; END IF; "
        "RAISE EXCEPTION 'audit_entries is append-only'; END $$")


def _pg_redaction_of_0007() -> None:
    columns = ("uuid", "bron", "gebruikers_id", "gebruikers_weergave", "actie", "actie_weergave", "resultaat",
               "hoofd_object", "resource", "resource_id", "resource_weergave", "toelichting", "aanmaakdatum",
               "prev_hash", "hash")
    changed = " OR ".join(f"NEW.{c} IS DISTINCT FROM OLD.{c}" for c in columns)
    op.execute(
        "CREATE OR REPLACE FUNCTION bevoegd_audit_redaction() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN IF NEW.wijzigingen::jsonb = '{MARKER}'::jsonb AND NOT ({changed}) "
        "AND (OLD.wijzigingen_sha256 IS NULL OR NEW.wijzigingen_sha256 = OLD.wijzigingen_sha256) "
        f"AND OLD.hoofd_object IN ({KENMERK_IN_PROGRESS}) THEN RETURN NEW; END IF; "
        "RAISE EXCEPTION 'audit_entries is append-only'; END $$")


def _relink_in_id_order(table: str, name: str) -> None:
    """Chain every row in id order, as the old code and its verification did: rows already in that order keep
    their hashes (the hash covers neither the position nor the content digest), the others get new links."""
    from app.audit_chain import GENESIS, HASHED, body, link
    from app.models import AccessEntry, AuditEntry

    bind = op.get_bind()
    columns = (AuditEntry if name == "audit" else AccessEntry).__table__.c
    extra = ["wijzigingen_sha256"] if name == "audit" else []
    query = sa.select(*(columns[c] for c in ("id", "prev_hash", "hash", *HASHED[name], *extra))).order_by(columns.id)
    previous = GENESIS
    for row in bind.execute(query).mappings().all():
        expected = link(previous, body(name, row))
        if row["prev_hash"] != previous or row["hash"] != expected:
            bind.execute(sa.update(columns.id.table).where(columns.id == row["id"])
                         .values(prev_hash=previous, hash=expected))
        previous = expected
    bind.execute(sa.text("UPDATE chain_heads SET hash = :h WHERE name = :n"), {"h": previous, "n": name})
