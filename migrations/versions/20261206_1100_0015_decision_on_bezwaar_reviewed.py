"""the decision on a bezwaar goes through review: bezwaren.besluit_id

The decision on a bezwaar is drafted as a beslissing of its own (outcome `beslissing_op_bezwaar`), reviewed by
the kabinet, rendered and dispatched like any other. bezwaren.besluit_id links a bezwaar to that beslissing
(one at most: unique), and the recorded decision (uitkomst) needs it: it is written only when the kabinet
approves.

Existing rows: a bezwaar decided before this revision has no beslissing and would violate the new CHECK;
the objection stage was merged the day before, without decided bezwaren in use, so none is expected.

Revision ID: 0015
Revises: 0014
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("bezwaren") as batch:
        batch.add_column(sa.Column("besluit_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(op.f("fk_bezwaren_besluit_id_beslissingen"), "beslissingen", ["besluit_id"], ["id"])
        batch.create_unique_constraint(op.f("uq_bezwaren_besluit_id"), ["besluit_id"])
        batch.create_check_constraint("beslist_via_besluit", "uitkomst IS NULL OR besluit_id IS NOT NULL")


def downgrade() -> None:
    with op.batch_alter_table("bezwaren") as batch:
        batch.drop_constraint(op.f("ck_bezwaren_beslist_via_besluit"), type_="check")
        batch.drop_constraint(op.f("uq_bezwaren_besluit_id"), type_="unique")
        batch.drop_constraint(op.f("fk_bezwaren_besluit_id_beslissingen"), type_="foreignkey")
        batch.drop_column("besluit_id")
