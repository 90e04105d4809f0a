"""behandelaar per zaak, e-mail address per user, notifications

A zaak names the jurist who handles it (`behandelaar_id`, empty: not assigned); the zaak's version column
already guards re-assignment against lost updates. A user gets an e-mail address (empty: no e-mail).
`notificaties` holds the in-app messages with their e-mail state; (user_id, sleutel) is unique, so the
daily deadline run never notices the same deadline twice to the same person.

Revision ID: 0012
Revises: 0011
"""

import sqlalchemy as sa
from alembic import op

from app.models.types import UtcDateTime

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

SOORTEN = ("ter_vaststelling", "vastgesteld", "teruggestuurd", "termijn", "toegewezen")


def upgrade() -> None:
    with op.batch_alter_table("zaken") as batch:
        batch.add_column(sa.Column("behandelaar_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(op.f("fk_zaken_behandelaar_id_users"), "users", ["behandelaar_id"], ["id"])
        batch.create_index(op.f("ix_zaken_behandelaar_id"), ["behandelaar_id"])
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("email", sa.String(200), nullable=False, server_default=""))
    with op.batch_alter_table("users") as batch:
        batch.alter_column("email", server_default=None, existing_type=sa.String(200), existing_nullable=False)
    op.create_table(
        "notificaties",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("zaak_id", sa.Integer(), nullable=True),
        sa.Column("soort", sa.Enum(*SOORTEN, name="notificatie_soort", native_enum=False, create_constraint=True,
                                   length=40), nullable=False),
        sa.Column("tekst", sa.String(300), nullable=False),
        sa.Column("link", sa.String(300), nullable=False),
        sa.Column("sleutel", sa.String(200), nullable=True),
        sa.Column("created_at", UtcDateTime(timezone=True), nullable=False),
        sa.Column("gelezen_at", UtcDateTime(timezone=True), nullable=True),
        sa.Column("mail_verzonden_at", UtcDateTime(timezone=True), nullable=True),
        sa.Column("mail_pogingen", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_notificaties_user_id_users")),
        sa.ForeignKeyConstraint(["zaak_id"], ["zaken.id"], name=op.f("fk_notificaties_zaak_id_zaken")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notificaties")),
        sa.UniqueConstraint("user_id", "sleutel", name="uq_notificaties_user_sleutel"),
    )
    op.create_index(op.f("ix_notificaties_user_id"), "notificaties", ["user_id"])
    op.create_index(op.f("ix_notificaties_zaak_id"), "notificaties", ["zaak_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_notificaties_zaak_id"), table_name="notificaties")
    op.drop_index(op.f("ix_notificaties_user_id"), table_name="notificaties")
    op.drop_table("notificaties")
    with op.batch_alter_table("users") as batch:
        batch.drop_column("email")
    with op.batch_alter_table("zaken") as batch:
        batch.drop_index(op.f("ix_zaken_behandelaar_id"))
        batch.drop_constraint(op.f("fk_zaken_behandelaar_id_users"), type_="foreignkey")
        batch.drop_column("behandelaar_id")
