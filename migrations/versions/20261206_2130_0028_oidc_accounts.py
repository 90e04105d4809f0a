"""oidc_accounts: the link between a user and a person at the municipality's identity provider

Single sign-on (issue 13): `oidc_accounts` holds one (issuer, subject) pair per linked user, unique both
ways: a person at the provider is one user, a user is at most one person there.

Revision ID: 0028
Revises: 0027
"""

import sqlalchemy as sa
from alembic import op

from app.models.types import UtcDateTime

revision = "0028"
down_revision = "0027"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "oidc_accounts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("issuer", sa.String(300), nullable=False),
        sa.Column("subject", sa.String(255), nullable=False),
        sa.Column("created_at", UtcDateTime(timezone=True), nullable=False),
        sa.Column("last_login_at", UtcDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_oidc_accounts_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_oidc_accounts")),
        sa.UniqueConstraint("user_id", name=op.f("uq_oidc_accounts_user_id")),
        sa.UniqueConstraint("issuer", "subject", name="uq_oidc_accounts_issuer_subject"),
    )


def downgrade() -> None:
    op.drop_table("oidc_accounts")
