"""add append-only triggers for logs, assessments and stored letters

Revision ID: 0002
Revises: 0001
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

APPEND_ONLY = ("audit_entries", "access_entries", "beoordelingen")


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _sqlite_up()
    else:
        _postgres_up()


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for table in APPEND_ONLY:
            op.execute(f"DROP TRIGGER IF EXISTS trg_{table}_no_update")
            op.execute(f"DROP TRIGGER IF EXISTS trg_{table}_no_delete")
        op.execute("DROP TRIGGER IF EXISTS trg_documenten_immutable")
        op.execute("DROP TRIGGER IF EXISTS trg_documenten_no_delete")
        return
    for table in APPEND_ONLY:
        op.execute(f"DROP TRIGGER IF EXISTS trg_{table}_append_only ON {table}")
    op.execute("DROP TRIGGER IF EXISTS trg_documenten_immutable ON documenten")
    op.execute("DROP FUNCTION IF EXISTS bevoegd_reject_change()")
    op.execute("DROP FUNCTION IF EXISTS bevoegd_documenten_immutable()")


def _sqlite_up() -> None:
    for table in APPEND_ONLY:
        for verb in ("update", "delete"):
            op.execute(
                f"CREATE TRIGGER trg_{table}_no_{verb} BEFORE {verb.upper()} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END"
            )
    op.execute(
        "CREATE TRIGGER trg_documenten_immutable BEFORE UPDATE OF inhoud, sha256, template_sha256, context "
        "ON documenten BEGIN SELECT RAISE(ABORT, 'stored letters are immutable'); END"
    )
    op.execute(
        "CREATE TRIGGER trg_documenten_no_delete BEFORE DELETE ON documenten "
        "BEGIN SELECT RAISE(ABORT, 'stored letters are immutable'); END"
    )


def _postgres_up() -> None:
    op.execute(
        "CREATE FUNCTION bevoegd_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$"
    )
    for table in APPEND_ONLY:
        op.execute(
            f"CREATE TRIGGER trg_{table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION bevoegd_reject_change()"
        )
    op.execute(
        "CREATE FUNCTION bevoegd_documenten_immutable() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "BEGIN IF TG_OP = 'DELETE' OR NEW.inhoud IS DISTINCT FROM OLD.inhoud "
        "OR NEW.sha256 IS DISTINCT FROM OLD.sha256 OR NEW.template_sha256 IS DISTINCT FROM OLD.template_sha256 "
        "OR NEW.context::text IS DISTINCT FROM OLD.context::text "
        "THEN RAISE EXCEPTION 'stored letters are immutable'; END IF; "
        "RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END; END $$"
    )
    op.execute(
        "CREATE TRIGGER trg_documenten_immutable BEFORE UPDATE OR DELETE ON documenten "
        "FOR EACH ROW EXECUTE FUNCTION bevoegd_documenten_immutable()"
    )
