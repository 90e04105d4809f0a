"""addresses abroad: a betrokkene's address is in the Netherlands, Belgium or Germany

Maastricht is a border city: residents, owners and parents live in Belgium and Germany, and a letter must
print their address in that country's postal format with the country on the last line.
`betrokkenen.land` (ISO 3166-1 alpha-2, CHECK `ck_betrokkenen_land`: NL, BE or DE). `betrokkenen.postcode`
stays String(7): a Dutch postcode (1234 AB) is seven characters, a Belgian one four and a German one five.

Existing rows: every betrokkene so far was entered with a Dutch postcode, so all get `NL`.

Revision ID: 0019
Revises: 0018
"""

from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None

COUNTRIES = "land IN ('NL', 'BE', 'DE')"


@contextmanager
def _triggers_set_aside(table: str) -> Iterator[None]:
    """SQLite rebuilds a table for a batch change; triggers that name it would break the rename, so they are
    dropped and recreated exactly as they were (as in 0008 and 0011). PostgreSQL alters in place."""
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
        batch.add_column(sa.Column("land", sa.String(length=2), nullable=False, server_default="NL"))
        batch.create_check_constraint("land", COUNTRIES)


def downgrade() -> None:
    with _triggers_set_aside("betrokkenen"), op.batch_alter_table("betrokkenen") as batch:
        batch.drop_constraint(op.f("ck_betrokkenen_land"), type_="check")
        batch.drop_column("land")
