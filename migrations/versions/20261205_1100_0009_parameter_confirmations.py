"""parameter confirmations: a beheerder confirms a policy value with its official source

Each row is a new dated value of one parameter, laid over the YAML default from `geldig_vanaf` (issue 6,
review finding 1). Append-only like the assessments: a correction is a newer row.

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

from app.models.types import UtcDateTime

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

TABLE = "parameterbevestigingen"


def upgrade() -> None:
    op.create_table(
        TABLE,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("bevoegdheid", sa.String(40), nullable=False),
        sa.Column("parameter", sa.String(80), nullable=False),
        sa.Column("waarde", sa.JSON(), nullable=False),
        sa.Column("geldig_vanaf", sa.Date(), nullable=False),
        sa.Column("bron_titel", sa.String(300), nullable=False),
        sa.Column("bron_artikel", sa.String(100), nullable=False),
        sa.Column("bron_publicatie", sa.String(200), nullable=False),
        sa.Column("bron_href", sa.String(500), nullable=False),
        sa.Column("bevestigd_door_id", sa.Integer(), nullable=False),
        sa.Column("bevestigd_at", UtcDateTime(timezone=True), nullable=False),
        sa.CheckConstraint("bron_href LIKE 'https://%'", name=op.f("ck_parameterbevestigingen_bron_https")),
        sa.CheckConstraint("length(trim(bron_titel)) > 0 AND length(trim(bron_artikel)) > 0 AND "
                           "length(trim(bron_publicatie)) > 0", name=op.f("ck_parameterbevestigingen_bron_volledig")),
        sa.ForeignKeyConstraint(["bevestigd_door_id"], ["users.id"],
                                name=op.f("fk_parameterbevestigingen_bevestigd_door_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_parameterbevestigingen")),
    )
    op.create_index("ix_parameterbevestigingen_bevoegdheid", TABLE, ["bevoegdheid", "parameter"], unique=False)
    if op.get_bind().dialect.name == "sqlite":
        for verb in ("update", "delete"):
            op.execute(f"CREATE TRIGGER trg_{TABLE}_no_{verb} BEFORE {verb.upper()} ON {TABLE} "
                       f"BEGIN SELECT RAISE(ABORT, '{TABLE} is append-only'); END")
    else:  # bevoegd_reject_change() comes from 0002
        op.execute(f"CREATE TRIGGER trg_{TABLE}_append_only BEFORE UPDATE OR DELETE ON {TABLE} "
                   "FOR EACH ROW EXECUTE FUNCTION bevoegd_reject_change()")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for verb in ("update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS trg_{TABLE}_no_{verb}")
    else:
        op.execute(f"DROP TRIGGER IF EXISTS trg_{TABLE}_append_only ON {TABLE}")
    op.drop_index("ix_parameterbevestigingen_bevoegdheid", table_name=TABLE)
    op.drop_table(TABLE)
