"""a withdrawn offer is noticed: notification kind `ingetrokken`

When a jurist withdraws an offered draft, the signatory is told in the withdrawal's own transaction. The CHECK
on `notificaties.soort` (as checked_enum renders it) gets the new value; existing rows keep theirs.

Revision ID: 0016
Revises: 0015
"""

from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

OLD = ("ter_vaststelling", "vastgesteld", "teruggestuurd", "termijn", "toegewezen")
NEW = (*OLD, "ingetrokken")


def _check(values: tuple[str, ...]) -> str:
    return "soort IN (" + ", ".join(f"'{v}'" for v in values) + ")"


def upgrade() -> None:
    with op.batch_alter_table("notificaties") as batch:
        batch.drop_constraint(op.f("ck_notificaties_notificatie_soort"), type_="check")
        batch.create_check_constraint("notificatie_soort", _check(NEW))


def downgrade() -> None:
    op.execute("DELETE FROM notificaties WHERE soort = 'ingetrokken'")
    with op.batch_alter_table("notificaties") as batch:
        batch.drop_constraint(op.f("ck_notificaties_notificatie_soort"), type_="check")
        batch.create_check_constraint("notificatie_soort", _check(OLD))
