"""login_throttling: back-off counters per (account, source), per source and per account (issue 13)

Until now every failed login was a row in `login_failures`, and five of them from one address, or for one user
name, blocked every login from that address or to that account for 15 minutes, correct passwords included:
an attacker could lock the mayor's signatory out, and behind a reverse proxy (one address for everybody) the
whole municipality. `login_throttles` replaces it with one counter per key, updated in place by an atomic
upsert (INSERT ... ON CONFLICT DO UPDATE, race-safe across gunicorn workers):

- `account_bron`: one user name from one client address; the back-off only stops that address;
- `bron`: every failure from one address (an empty user name counts only here), at a higher threshold;
- `account`: one user name from every address, at a much higher threshold with a short cap.

Each counter holds its failures, the last failure and the moment its block ends (`blocked_until`, indexed: the
beheerder's list of blocks). The unique key (scope, username, source) is what the upsert conflicts on.
The old rows of `login_failures` are dropped with the table: they only ever served the 15-minute window.

Downgrade drops `login_throttles` and creates the empty `login_failures` table with its indexes again.

Revision ID: 0025
Revises: 0024
"""

import sqlalchemy as sa
from alembic import op

from app.models.types import UtcDateTime

revision = "0025"
down_revision = "0024"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "login_throttles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("scope", sa.Enum("account_bron", "bron", "account", name="throttle_scope", native_enum=False,
                                   create_constraint=True, length=40), nullable=False),
        sa.Column("username", sa.String(80), nullable=False),
        sa.Column("source", sa.String(64), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("last_failure_at", UtcDateTime(), nullable=False),
        sa.Column("blocked_until", UtcDateTime(), nullable=True),
        sa.CheckConstraint("failures >= 0", name=op.f("ck_login_throttles_failures_not_negative")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_login_throttles")),
        sa.UniqueConstraint("scope", "username", "source", name="uq_login_throttles_sleutel"),
    )
    op.create_index(op.f("ix_login_throttles_blocked_until"), "login_throttles", ["blocked_until"])
    op.drop_index("ix_login_failures_at", table_name="login_failures")
    op.drop_index(op.f("ix_login_failures_ip"), table_name="login_failures")
    op.drop_index(op.f("ix_login_failures_username"), table_name="login_failures")
    op.drop_table("login_failures")


def downgrade() -> None:
    op.create_table(
        "login_failures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(80), nullable=False),
        sa.Column("ip", sa.String(64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_login_failures")),
    )
    op.create_index("ix_login_failures_at", "login_failures", ["at"])
    op.create_index(op.f("ix_login_failures_ip"), "login_failures", ["ip"])
    op.create_index(op.f("ix_login_failures_username"), "login_failures", ["username"])
    op.drop_index(op.f("ix_login_throttles_blocked_until"), table_name="login_throttles")
    op.drop_table("login_throttles")
