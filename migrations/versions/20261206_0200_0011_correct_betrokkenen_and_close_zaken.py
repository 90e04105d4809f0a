"""betrokkenen get a version column (a jurist corrects them); a zaak can be closed with a reason

A correction of a betrokkene's name, address or date of birth is guarded against lost updates by
`betrokkenen.version_id` (issue 7). A closed zaak (fase `afgesloten`) carries its reason and the reasoning
and its `einddatum`; the three are set together and cleared together when it is reopened.

Revision ID: 0011
Revises: 0010
"""

from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

REASONS = "afsluitreden IN ('niet_bevoegd', 'afgezien', 'afgedaan')"
CLOSED = ("(fase = 'afgesloten') = (afsluitreden IS NOT NULL AND einddatum IS NOT NULL "
          "AND afsluittoelichting IS NOT NULL AND length(trim(afsluittoelichting)) > 0)")


@contextmanager
def _triggers_set_aside(table: str) -> Iterator[None]:
    """SQLite rebuilds a table for a batch change; triggers that name it would break the rename, so they are
    dropped and recreated exactly as they were (as in 0008). PostgreSQL alters in place."""
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        yield
        return
    rows = bind.execute(sa.text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND sql LIKE :t"),
                        {"t": f"%{table}%"}).all()
    for name, _sql in rows:
        op.execute(f"DROP TRIGGER {name}")
    yield
    for _name, sql in rows:
        op.execute(sql)


def upgrade() -> None:
    with _triggers_set_aside("betrokkenen"), op.batch_alter_table("betrokkenen") as batch:
        batch.add_column(sa.Column("version_id", sa.Integer(), nullable=False, server_default=sa.text("1")))
    with _triggers_set_aside("zaken"), op.batch_alter_table("zaken") as batch:
        batch.add_column(sa.Column("afsluitreden", sa.String(40), nullable=True))
        batch.add_column(sa.Column("afsluittoelichting", sa.Text(), nullable=True))
        batch.create_check_constraint("afsluitreden", REASONS)
        batch.create_check_constraint("afgesloten_met_reden", CLOSED)


def downgrade() -> None:
    with _triggers_set_aside("zaken"), op.batch_alter_table("zaken") as batch:
        batch.drop_constraint(op.f("ck_zaken_afgesloten_met_reden"), type_="check")
        batch.drop_constraint(op.f("ck_zaken_afsluitreden"), type_="check")
        batch.drop_column("afsluittoelichting")
        batch.drop_column("afsluitreden")
    with _triggers_set_aside("betrokkenen"), op.batch_alter_table("betrokkenen") as batch:
        batch.drop_column("version_id")
