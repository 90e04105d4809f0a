"""api_tokens: bearer tokens of machine clients (issue 13)

A police system or another municipal system calls /api/v1 with `Authorization: Bearer <token>` instead of a
browser session cookie and CSRF token. A beheerder makes a token for a system account (a `users` row with a
role, team and zaaktypes, and a password nobody knows) and gives it scopes (`meldingen:schrijven`,
`evaluaties`); the token is shown once. The table keeps only the SHA-256 of the token (unique: the lookup),
its first characters for recognition, who made it and when, and who revoked it and when (both or neither,
CHECK `intrekking_compleet`). Rows are never deleted: a revoked token stays to explain the logs.

Downgrade drops the table; the system accounts stay as users nobody can log in to (random password).

Revision ID: 0026
Revises: 0025
"""

import sqlalchemy as sa
from alembic import op

from app.models.types import UtcDateTime

revision = "0026"
down_revision = "0025"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "api_tokens",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("naam", sa.String(200), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("scopes", sa.JSON(), nullable=False),
        sa.Column("token_sha256", sa.String(64), nullable=False),
        sa.Column("prefix", sa.String(16), nullable=False),
        sa.Column("aangemaakt_door_id", sa.Integer(), nullable=False),
        sa.Column("aangemaakt_at", UtcDateTime(), nullable=False),
        sa.Column("ingetrokken_door_id", sa.Integer(), nullable=True),
        sa.Column("ingetrokken_at", UtcDateTime(), nullable=True),
        sa.CheckConstraint("(ingetrokken_at IS NULL) = (ingetrokken_door_id IS NULL)",
                           name=op.f("ck_api_tokens_intrekking_compleet")),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_api_tokens_user_id_users")),
        sa.ForeignKeyConstraint(["aangemaakt_door_id"], ["users.id"],
                                name=op.f("fk_api_tokens_aangemaakt_door_id_users")),
        sa.ForeignKeyConstraint(["ingetrokken_door_id"], ["users.id"],
                                name=op.f("fk_api_tokens_ingetrokken_door_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_api_tokens")),
        sa.UniqueConstraint("token_sha256", name=op.f("uq_api_tokens_token_sha256")),
    )
    op.create_index(op.f("ix_api_tokens_user_id"), "api_tokens", ["user_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_api_tokens_user_id"), table_name="api_tokens")
    op.drop_table("api_tokens")
