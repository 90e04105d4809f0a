"""assessment receipts by reference: `regelsets`, `parametersets` and the references from `beoordelingen`

Issue 12: a stored receipt copied, for every case, the metadata of every rule of its version and every
parameter in force (about 120 kB of JSON a receipt). From now on a receipt keeps what is particular to its
case (facts, fired rules with their bindings, dates, engine) and references two shared, immutable parts:

- `regelsets`: one rules version of one power, unique on (bevoegdheid, rules_sha256): per rule its legal
  basis, explanation and conclusion, and the rules as written;
- `parametersets`: the parameter values an assessment used, unique on (bevoegdheid, sha256 of the content).

`beoordelingen.regelset_id` and `parameterset_id` are nullable: receipts stored before stay full copies with
no references (they are append-only and are not rewritten) and stay readable. Both new tables refuse UPDATE
and DELETE, like the receipts that reference them. The columns are added without rebuilding `beoordelingen`
(SQLite ADD COLUMN with an inline reference; PostgreSQL a NOT VALID foreign key validated afterwards), so the
upgrade does not copy a large table.

Downgrade: a receipt stored by reference is expanded in place into the full copy the older code reads,
keeping the stored receipt under `receipt_by_reference` (its `sha256` is of that one); this rewrite is the
only change ever made to a receipt, and only to undo this migration. Then the columns and tables go.

Revision ID: 0024
Revises: 0023
"""

import json

import sqlalchemy as sa
from alembic import op

from app.models.types import UtcDateTime

revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None

PARTS = {"regelsets": "rules_sha256", "parametersets": "sha256"}
COLUMNS = {"regelset_id": "regelsets", "parameterset_id": "parametersets"}


def upgrade() -> None:
    for table, key in PARTS.items():
        op.create_table(
            table,
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("bevoegdheid", sa.String(40), nullable=False),
            *([sa.Column("ruleset", sa.String(80), nullable=False)] if table == "regelsets" else []),
            sa.Column(key, sa.String(64), nullable=False),
            sa.Column("inhoud", sa.JSON(), nullable=False),
            sa.Column("created_at", UtcDateTime(), nullable=False),
            sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}")),
            sa.UniqueConstraint("bevoegdheid", key, name=f"uq_{table}_sleutel"),
        )
    sqlite = op.get_bind().dialect.name == "sqlite"
    for column, table in COLUMNS.items():
        fk = f"fk_beoordelingen_{column}_{table}"
        if sqlite:
            op.execute(f"ALTER TABLE beoordelingen ADD COLUMN {column} INTEGER CONSTRAINT {fk} REFERENCES {table} (id)")
        else:
            op.add_column("beoordelingen", sa.Column(column, sa.Integer(), nullable=True))
            op.execute(f"ALTER TABLE beoordelingen ADD CONSTRAINT {fk} FOREIGN KEY ({column}) "
                       f"REFERENCES {table} (id) NOT VALID")
            op.execute(f"ALTER TABLE beoordelingen VALIDATE CONSTRAINT {fk}")
    _immutable(sqlite)


def _immutable(sqlite: bool) -> None:
    for table in PARTS:
        if sqlite:
            for verb in ("update", "delete"):
                op.execute(f"CREATE TRIGGER trg_{table}_no_{verb} BEFORE {verb.upper()} ON {table} "
                           f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END")
        else:  # bevoegd_reject_change() is migration 0002's: RAISE '<table> is append-only'
            op.execute(f"CREATE TRIGGER trg_{table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                       "FOR EACH ROW EXECUTE FUNCTION bevoegd_reject_change()")


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    _expand_receipts(sqlite)
    if sqlite:  # SQLite cannot drop a column that has a foreign key: a batch rebuild (which leaves the
        # column's inline reference out with it), triggers set aside
        with _sqlite_triggers_set_aside(), op.batch_alter_table("beoordelingen") as batch:
            for column in COLUMNS:
                batch.drop_column(column)
    else:
        for column, table in COLUMNS.items():
            op.drop_constraint(f"fk_beoordelingen_{column}_{table}", "beoordelingen", type_="foreignkey")
            op.drop_column("beoordelingen", column)
    for table in PARTS:
        op.drop_table(table)  # drops its triggers with it


def _expand_receipts(sqlite: bool) -> None:
    """Every receipt stored by reference becomes the full copy the code before this migration reads."""
    from app.domain.receipt import join, read_parameters  # noqa: PLC0415 - only a downgrade needs the app

    bind = op.get_bind()
    rows = bind.execute(sa.text(
        "SELECT b.id, b.assessment, r.inhoud, p.inhoud FROM beoordelingen b JOIN regelsets r ON r.id = b.regelset_id "
        "JOIN parametersets p ON p.id = b.parameterset_id")).all()
    if not rows:
        return
    update = sa.text("UPDATE beoordelingen SET assessment = :a WHERE id = :id").bindparams(
        sa.bindparam("a", type_=sa.JSON()))
    with _update_allowed(sqlite):
        for row_id, *stored in rows:
            case, rules, params = (json.loads(v) if isinstance(v, str) else v for v in stored)
            full = {**join(case, rules, read_parameters(params)).to_dict(), "receipt_by_reference": case}
            bind.execute(update, {"a": full, "id": row_id})


class _update_allowed:  # noqa: N801 - used as a context manager, named like one
    """Set aside the trigger that refuses an UPDATE of a receipt, for the expansion only."""

    def __init__(self, sqlite: bool) -> None:
        self.sqlite = sqlite
        self.sql = ""

    def __enter__(self) -> None:
        if self.sqlite:
            self.sql = op.get_bind().execute(sa.text(
                "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'trg_beoordelingen_no_update'"
            )).scalar()
            op.execute("DROP TRIGGER trg_beoordelingen_no_update")
        else:
            op.execute("ALTER TABLE beoordelingen DISABLE TRIGGER trg_beoordelingen_no_update")

    def __exit__(self, *exc: object) -> None:
        if self.sqlite:
            op.execute(self.sql)
        else:
            op.execute("ALTER TABLE beoordelingen ENABLE TRIGGER trg_beoordelingen_no_update")


class _sqlite_triggers_set_aside:  # noqa: N801 - used as a context manager, named like one
    """A batch rebuild renames the table; triggers that name it are dropped and recreated as they were."""

    def __enter__(self) -> None:
        self.rows = op.get_bind().execute(sa.text(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%beoordelingen%'")).all()
        for name, _sql in self.rows:
            op.execute(f"DROP TRIGGER {name}")

    def __exit__(self, *exc: object) -> None:
        for _name, sql in self.rows:
            op.execute(sql)
