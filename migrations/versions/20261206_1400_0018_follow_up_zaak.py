"""a zaak may follow another: `zaken.vervolg_op_id`

A power can start a zaak as a follow-up of another power's zaak (a letter to the parents of a minor in a
street-dealing case). The new zaak names the zaak it follows, so both case pages link to each other; a
zaak never follows itself.

Revision ID: 0018
Revises: 0017
"""

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("zaken") as batch:
        batch.add_column(sa.Column("vervolg_op_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(op.f("fk_zaken_vervolg_op_id_zaken"), "zaken", ["vervolg_op_id"], ["id"])
        batch.create_index(op.f("ix_zaken_vervolg_op_id"), ["vervolg_op_id"])
        batch.create_check_constraint("niet_eigen_vervolg", "vervolg_op_id IS NULL OR vervolg_op_id <> id")


def downgrade() -> None:
    with op.batch_alter_table("zaken") as batch:
        batch.drop_constraint(op.f("ck_zaken_niet_eigen_vervolg"), type_="check")
        batch.drop_index(op.f("ix_zaken_vervolg_op_id"))
        batch.drop_constraint(op.f("fk_zaken_vervolg_op_id_zaken"), type_="foreignkey")
        batch.drop_column("vervolg_op_id")
