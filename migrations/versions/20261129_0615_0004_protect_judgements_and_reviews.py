"""protect recorded judgements and review rounds: only superseding a judgement is an update

Revision ID: 0004
Revises: 0003
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

JUDGEMENT_COLUMNS = ("zaak_id", "code", "outcome", "reasoning", "details", "recorded_by_id", "recorded_at")


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"CREATE TRIGGER trg_oordelen_immutable BEFORE UPDATE OF {', '.join(JUDGEMENT_COLUMNS)} "
                   "ON oordelen BEGIN SELECT RAISE(ABORT, 'recorded judgements are immutable'); END")
        op.execute("CREATE TRIGGER trg_oordelen_no_delete BEFORE DELETE ON oordelen "
                   "BEGIN SELECT RAISE(ABORT, 'recorded judgements are immutable'); END")
        for verb in ("update", "delete"):
            op.execute(f"CREATE TRIGGER trg_reviewrondes_no_{verb} BEFORE {verb.upper()} ON reviewrondes "
                       "BEGIN SELECT RAISE(ABORT, 'reviewrondes is append-only'); END")
        return
    changed = " OR ".join(f"NEW.{c}::text IS DISTINCT FROM OLD.{c}::text" for c in JUDGEMENT_COLUMNS)
    op.execute(
        "CREATE FUNCTION bevoegd_oordelen_immutable() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN IF TG_OP = 'DELETE' OR {changed} THEN RAISE EXCEPTION 'recorded judgements are immutable'; "
        "END IF; RETURN NEW; END $$"
    )
    op.execute("CREATE TRIGGER trg_oordelen_immutable BEFORE UPDATE OR DELETE ON oordelen "
               "FOR EACH ROW EXECUTE FUNCTION bevoegd_oordelen_immutable()")
    op.execute("CREATE TRIGGER trg_reviewrondes_append_only BEFORE UPDATE OR DELETE ON reviewrondes "
               "FOR EACH ROW EXECUTE FUNCTION bevoegd_reject_change()")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in ("oordelen_immutable", "oordelen_no_delete", "reviewrondes_no_update", "reviewrondes_no_delete"):
            op.execute(f"DROP TRIGGER IF EXISTS trg_{name}")
        return
    op.execute("DROP TRIGGER IF EXISTS trg_reviewrondes_append_only ON reviewrondes")
    op.execute("DROP TRIGGER IF EXISTS trg_oordelen_immutable ON oordelen")
    op.execute("DROP FUNCTION IF EXISTS bevoegd_oordelen_immutable()")
