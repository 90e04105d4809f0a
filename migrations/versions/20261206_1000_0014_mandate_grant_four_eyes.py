"""four eyes on granting a mandate; a new account's first password must be changed

A mandate a beheerder grants on the beheer pages is pending (status `aangevraagd`) and gives no power to sign
until a second beheerder approves it (`actief`); a grant can also be refused (`afgewezen`). The database
refuses an active granted mandate without an approver, or approved by its own granter. Existing mandates
(seeded or migrated, without a granter) stay active as they are.

users.wachtwoord_wijzigen: set for an account a beheerder created with an initial password; that user chooses
their own password before doing anything else. Existing accounts are not affected (false).

Revision ID: 0014
Revises: 0013
"""

import sqlalchemy as sa
from alembic import op

from app.models.types import UtcDateTime

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

STATUSES = "status IN ('aangevraagd', 'actief', 'afgewezen')"
FOUR_EYES_GRANT = ("status <> 'actief' OR verleend_door_id IS NULL OR "
                   "(goedgekeurd_door_id IS NOT NULL AND goedgekeurd_door_id <> verleend_door_id)")


def upgrade() -> None:
    # A plain ADD COLUMN (no table copy): other tables reference users.
    op.add_column("users", sa.Column("wachtwoord_wijzigen", sa.Boolean(), nullable=False,
                                     server_default=sa.false()))
    with op.batch_alter_table("mandaten") as batch:
        # A VARCHAR with its own CHECK (as checked_enum renders it), named explicitly so downgrade finds it.
        batch.add_column(sa.Column("status", sa.String(40), nullable=False, server_default="actief"))
        batch.add_column(sa.Column("verleend_door_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("goedgekeurd_door_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("goedgekeurd_at", UtcDateTime(), nullable=True))
    with op.batch_alter_table("mandaten") as batch:
        batch.alter_column("status", server_default=None, existing_type=sa.String(40), existing_nullable=False)
        batch.create_check_constraint("mandaat_status", STATUSES)
        batch.create_foreign_key("fk_mandaten_verleend_door_id_users", "users", ["verleend_door_id"], ["id"])
        batch.create_foreign_key("fk_mandaten_goedgekeurd_door_id_users", "users", ["goedgekeurd_door_id"], ["id"])
        batch.create_check_constraint("mandaat_four_eyes", FOUR_EYES_GRANT)
        batch.create_check_constraint("mandaat_approval_complete",
                                      "(goedgekeurd_door_id IS NULL) = (goedgekeurd_at IS NULL)")


def downgrade() -> None:
    with op.batch_alter_table("mandaten") as batch:
        for name in ("mandaat_approval_complete", "mandaat_four_eyes", "mandaat_status"):
            batch.drop_constraint(op.f(f"ck_mandaten_{name}"), type_="check")
        batch.drop_constraint(op.f("fk_mandaten_goedgekeurd_door_id_users"), type_="foreignkey")
        batch.drop_constraint(op.f("fk_mandaten_verleend_door_id_users"), type_="foreignkey")
        for name in ("goedgekeurd_at", "goedgekeurd_door_id", "verleend_door_id", "status"):
            batch.drop_column(name)
    with op.batch_alter_table("users") as batch:
        batch.drop_column("wachtwoord_wijzigen")
