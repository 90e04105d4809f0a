"""add chain head rows so concurrent first writers lock an existing row

Revision ID: 0003
Revises: 0002
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

GENESIS = "0" * 64


def upgrade() -> None:
    # Idempotent: only the missing heads are added.
    for name in ("audit", "access"):
        op.execute(
            f"INSERT INTO chain_heads (name, hash) SELECT '{name}', '{GENESIS}' "
            f"WHERE NOT EXISTS (SELECT 1 FROM chain_heads WHERE name = '{name}')"
        )


def downgrade() -> None:
    op.execute("DELETE FROM chain_heads WHERE name IN ('audit', 'access')")
