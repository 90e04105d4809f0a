"""the open nacontrole list as an index range: beslissingen.nagecontroleerd_at and a partial index

The review queue's second list holds the decisions taken on the spot (review_mode achteraf) that no kabinet
member has checked afterwards yet. It was an anti-join against reviewrondes over every decision ever checked:
at 1M zaken (about 270,000 checked decisions on the spot) PostgreSQL needed over 20 s with NOT IN and 0.5 s
with NOT EXISTS. The moment of the check now also stands on the decision (the review round keeps who checked
and the remarks), filled here from the existing review rounds, and a partial index on (verzenddatum, id) holds
only the decisions still to be checked, so the list's page is a short index range whatever the history.

Also `ix_betrokkenen_geboortedatum`: every assessment and case page looks for earlier measures against the same
person (services/history.py), pre-selected by birth date; without an index that read all 2.5M betrokkenen at 1M
zaken (0.4 s).

Revision ID: 0029
Revises: 0028
"""

import sqlalchemy as sa
from alembic import op

from app.models.types import UtcDateTime

revision = "0029"
down_revision = "0028"
branch_labels = None
depends_on = None

OPEN = "review_mode = 'achteraf' AND nagecontroleerd_at IS NULL"


def upgrade() -> None:
    op.add_column("beslissingen", sa.Column("nagecontroleerd_at", UtcDateTime(timezone=True), nullable=True))
    op.execute("UPDATE beslissingen SET nagecontroleerd_at = (SELECT min(r.created_at) FROM reviewrondes r "
               "WHERE r.beslissing_id = beslissingen.id AND r.resultaat = 'nagecontroleerd') "
               "WHERE review_mode = 'achteraf'")
    op.create_index("ix_beslissingen_nacontrole_open", "beslissingen", ["verzenddatum", "id"],
                    sqlite_where=sa.text(OPEN), postgresql_where=sa.text(OPEN))
    op.create_index(op.f("ix_betrokkenen_geboortedatum"), "betrokkenen", ["geboortedatum"])


def downgrade() -> None:
    op.drop_index(op.f("ix_betrokkenen_geboortedatum"), table_name="betrokkenen")
    op.drop_index("ix_beslissingen_nacontrole_open", table_name="beslissingen")
    # Plain DROP COLUMN (SQLite 3.35+): a batch rebuild of beslissingen trips the reviewrondes trigger naming it.
    op.drop_column("beslissingen", "nagecontroleerd_at")
