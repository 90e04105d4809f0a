"""allow statutory destruction: a record per destroyed zaak, and guards that permit exactly that

The append-only guards on documenten, beoordelingen, oordelen and reviewrondes refuse every delete, and
audit_entries refuses every update. A statutory retention period (Wet tijdelijk huisverbod art. 10: five
years, then destroy) needs one exception: while a vernietiging of a zaak is in progress (recorded, not yet
completed), that zaak's rows may be deleted and its audit snapshots replaced by a redaction marker, with
their digest kept so the hash chain still verifies. Nothing else changes.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

from app.models.types import UtcDateTime

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

MARKER = '{"vernietigd": true}'
IN_PROGRESS = "SELECT zaak_id FROM vernietigingen WHERE uitgevoerd_at IS NULL"
KENMERK_IN_PROGRESS = "SELECT identificatie FROM vernietigingen WHERE uitgevoerd_at IS NULL"
AUDIT_COLUMNS = ("uuid", "bron", "gebruikers_id", "gebruikers_weergave", "actie", "actie_weergave", "resultaat",
                 "hoofd_object", "resource", "resource_id", "resource_weergave", "toelichting", "aanmaakdatum",
                 "prev_hash", "hash")
# table -> the condition (on OLD) under which a row belongs to a zaak being destroyed
DELETABLE = {
    "documenten": f"OLD.zaak_id IN ({IN_PROGRESS})",
    "beoordelingen": f"OLD.zaak_id IN ({IN_PROGRESS})",
    "oordelen": f"OLD.zaak_id IN ({IN_PROGRESS})",
    "reviewrondes": f"OLD.beslissing_id IN (SELECT id FROM beslissingen WHERE zaak_id IN ({IN_PROGRESS}))",
}


def upgrade() -> None:
    op.create_table(
        "vernietigingen",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("zaak_id", sa.Integer(), nullable=False),
        sa.Column("identificatie", sa.String(40), nullable=False),
        sa.Column("zaaktype", sa.String(40), nullable=False),
        sa.Column("grondslag", sa.String(200), nullable=False),
        sa.Column("bewaren_tot", sa.Date(), nullable=False),
        sa.Column("uitgevoerd_at", UtcDateTime(timezone=True), nullable=True),
        sa.Column("aantal_documenten", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vernietigingen")),
        sa.UniqueConstraint("identificatie", name=op.f("uq_vernietigingen_identificatie")),
    )
    op.create_index(op.f("ix_vernietigingen_zaak_id"), "vernietigingen", ["zaak_id"])
    op.add_column("audit_entries", sa.Column("wijzigingen_sha256", sa.String(64), nullable=True))
    if op.get_bind().dialect.name == "sqlite":
        _sqlite(allow=True)
    else:
        _postgres(allow=True)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _sqlite(allow=False)
    else:
        _postgres(allow=False)
    op.drop_column("audit_entries", "wijzigingen_sha256")
    op.drop_index(op.f("ix_vernietigingen_zaak_id"), table_name="vernietigingen")
    op.drop_table("vernietigingen")


def _sqlite(allow: bool) -> None:
    deletes = {"documenten": "trg_documenten_no_delete", "beoordelingen": "trg_beoordelingen_no_delete",
               "oordelen": "trg_oordelen_no_delete", "reviewrondes": "trg_reviewrondes_no_delete"}
    messages = {"documenten": "stored letters are immutable", "oordelen": "recorded judgements are immutable"}
    for table, trigger in deletes.items():
        message = messages.get(table, f"{table} is append-only")
        when = f" WHEN NOT ({DELETABLE[table]})" if allow else ""
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute(f"CREATE TRIGGER {trigger} BEFORE DELETE ON {table}{when} "
                   f"BEGIN SELECT RAISE(ABORT, '{message}'); END")
    unchanged = " AND ".join(f"NEW.{c} IS OLD.{c}" for c in AUDIT_COLUMNS)
    redaction = (f" WHEN NOT (NEW.wijzigingen = '{MARKER}' AND {unchanged} AND (OLD.wijzigingen_sha256 IS NULL "
                 f"OR NEW.wijzigingen_sha256 IS OLD.wijzigingen_sha256) AND OLD.hoofd_object IN ({KENMERK_IN_PROGRESS}))")
    op.execute("DROP TRIGGER IF EXISTS trg_audit_entries_no_update")
    op.execute(f"CREATE TRIGGER trg_audit_entries_no_update BEFORE UPDATE ON audit_entries"
               f"{redaction if allow else ''} BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only'); END")


def _postgres(allow: bool) -> None:
    """PostgreSQL: the delete guards of 0002 and 0004 give way for a zaak in destruction; updates stay refused."""
    if allow:
        _pg_functions()
    for table in ("beoordelingen", "reviewrondes"):
        op.execute(f"DROP TRIGGER IF EXISTS trg_{table}_append_only ON {table}")
        op.execute(f"DROP TRIGGER IF EXISTS trg_{table}_no_update ON {table}")
        op.execute(f"DROP TRIGGER IF EXISTS trg_{table}_destruction ON {table}")
        if allow:
            op.execute(f"CREATE TRIGGER trg_{table}_no_update BEFORE UPDATE ON {table} "
                       "FOR EACH ROW EXECUTE FUNCTION bevoegd_reject_change()")
            op.execute(f"CREATE TRIGGER trg_{table}_destruction BEFORE DELETE ON {table} "
                       "FOR EACH ROW EXECUTE FUNCTION bevoegd_destruction_only()")
        else:
            op.execute(f"CREATE TRIGGER trg_{table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                       "FOR EACH ROW EXECUTE FUNCTION bevoegd_reject_change()")
    op.execute("DROP TRIGGER IF EXISTS trg_audit_entries_append_only ON audit_entries")
    op.execute("DROP TRIGGER IF EXISTS trg_audit_entries_redaction ON audit_entries")
    if allow:
        op.execute("CREATE TRIGGER trg_audit_entries_append_only BEFORE DELETE ON audit_entries "
                   "FOR EACH ROW EXECUTE FUNCTION bevoegd_reject_change()")
        op.execute("CREATE TRIGGER trg_audit_entries_redaction BEFORE UPDATE ON audit_entries "
                   "FOR EACH ROW EXECUTE FUNCTION bevoegd_audit_redaction()")
    else:
        op.execute("CREATE TRIGGER trg_audit_entries_append_only BEFORE UPDATE OR DELETE ON audit_entries "
                   "FOR EACH ROW EXECUTE FUNCTION bevoegd_reject_change()")
        _pg_restore_functions()


def _pg_functions() -> None:
    # One branch per table: PL/pgSQL resolves OLD.<column> only in the branch it runs, and not every table
    # has every column (reviewrondes knows its zaak only through its beslissing).
    branches = " ELSIF ".join(f"TG_TABLE_NAME = '{t}' THEN IF {cond} THEN RETURN OLD; END IF;"
                              for t, cond in DELETABLE.items())
    op.execute("CREATE OR REPLACE FUNCTION bevoegd_destruction_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
               f"BEGIN IF {branches} END IF; "
               "RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$")
    changed = " OR ".join(f"NEW.{c} IS DISTINCT FROM OLD.{c}" for c in AUDIT_COLUMNS)
    op.execute(
        "CREATE OR REPLACE FUNCTION bevoegd_audit_redaction() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN IF NEW.wijzigingen::jsonb = '{MARKER}'::jsonb AND NOT ({changed}) "
        "AND (OLD.wijzigingen_sha256 IS NULL OR NEW.wijzigingen_sha256 = OLD.wijzigingen_sha256) "
        f"AND OLD.hoofd_object IN ({KENMERK_IN_PROGRESS}) THEN RETURN NEW; END IF; "
        "RAISE EXCEPTION 'audit_entries is append-only'; END $$")
    _pg_documenten(allow_destruction=True)
    _pg_oordelen(allow_destruction=True)


def _pg_restore_functions() -> None:
    _pg_documenten(allow_destruction=False)
    _pg_oordelen(allow_destruction=False)
    op.execute("DROP FUNCTION IF EXISTS bevoegd_audit_redaction()")
    op.execute("DROP FUNCTION IF EXISTS bevoegd_destruction_only()")


def _pg_documenten(allow_destruction: bool) -> None:
    destroyed = f"IF TG_OP = 'DELETE' AND {DELETABLE['documenten']} THEN RETURN OLD; END IF; " \
        if allow_destruction else ""
    op.execute(
        "CREATE OR REPLACE FUNCTION bevoegd_documenten_immutable() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN {destroyed}IF TG_OP = 'DELETE' OR NEW.inhoud IS DISTINCT FROM OLD.inhoud "
        "OR NEW.sha256 IS DISTINCT FROM OLD.sha256 OR NEW.template_sha256 IS DISTINCT FROM OLD.template_sha256 "
        "OR NEW.context::text IS DISTINCT FROM OLD.context::text "
        "THEN RAISE EXCEPTION 'stored letters are immutable'; END IF; "
        "RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END; END $$")


def _pg_oordelen(allow_destruction: bool) -> None:
    columns = ("zaak_id", "code", "outcome", "reasoning", "details", "recorded_by_id", "recorded_at")
    changed = " OR ".join(f"NEW.{c}::text IS DISTINCT FROM OLD.{c}::text" for c in columns)
    destroyed = f"IF TG_OP = 'DELETE' AND {DELETABLE['oordelen']} THEN RETURN OLD; END IF; " \
        if allow_destruction else ""
    op.execute(
        "CREATE OR REPLACE FUNCTION bevoegd_oordelen_immutable() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN {destroyed}IF TG_OP = 'DELETE' OR {changed} THEN "
        "RAISE EXCEPTION 'recorded judgements are immutable'; END IF; RETURN NEW; END $$")
