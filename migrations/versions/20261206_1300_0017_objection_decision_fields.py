"""the decision on a bezwaar as a lawyer signs it: the committee's advised outcome, the 7:3 ground, who assisted

bezwaren.advies_uitkomst: what the bezwaarcommissie advised (gegrond, deels gegrond, ongegrond,
niet-ontvankelijk), so a decision that decides otherwise cannot claim to follow the advice (Awb 7:13 lid 7).
bezwaren.niet_horen_grond: the ground of Awb 7:3 (a-e) on which the objector was not heard; the letter prints
the law's words. bezwaren.bijgestaan_door: who assisted the objector at the hearing, for his own letter only.

Existing rows: all three stay empty (NULL, NULL, ""); a bezwaar not heard before this revision has only its
free-text reason and must have its 7:3 ground recorded before its decision is offered.

Revision ID: 0017
Revises: 0016
"""

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

OUTCOMES = ("gegrond", "deels_gegrond", "ongegrond", "niet_ontvankelijk")


def _enum(name: str, *values: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=40)


def upgrade() -> None:
    with op.batch_alter_table("bezwaren") as batch:
        batch.add_column(sa.Column("niet_horen_grond", _enum("niet_horen_grond", "a", "b", "c", "d", "e"),
                                   nullable=True))
        batch.add_column(sa.Column("bijgestaan_door", sa.String(length=200), nullable=False, server_default=""))
        batch.add_column(sa.Column("advies_uitkomst", _enum("advies_uitkomst", *OUTCOMES), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("bezwaren") as batch:
        batch.drop_constraint(op.f("ck_bezwaren_advies_uitkomst"), type_="check")
        batch.drop_constraint(op.f("ck_bezwaren_niet_horen_grond"), type_="check")
        batch.drop_column("advies_uitkomst")
        batch.drop_column("bijgestaan_door")
        batch.drop_column("niet_horen_grond")
