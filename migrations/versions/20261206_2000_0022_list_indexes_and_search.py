"""list_indexes_and_search: the indexes of the keyset-paged, searchable lists (issue 12)

Measured before (issue 12, 200k zaken on PostgreSQL): the worst-case filters of the lists took 36-53 ms by
sequential scan where an index answers in 0.03 ms, and the review queue ran one statement per row. The lists
now page by a keyset (sort column, id) from a cursor (app/services/listing.py); each index below lets a page
walk an index from the cursor instead of sorting the whole filtered set:

- ix_zaken_team_zaaktype (team, zaaktype): every jurist's and kabinet member's list filters on his team and
  powers (web/access.visible_zaken); without it every list scans all zaken of every municipality.
- ix_zaken_created_by_registratie (created_by_id, registratiedatum, id): "Mijn meldingen" is the reporter's
  own zaken, newest first: an index range in the list's keyset order (also the plain created_by_id lookup).
- ix_zaken_registratiedatum_id (registratiedatum, id): the case list's keyset order (newest first).
- ix_beslissingen_status_verzenddatum (status, verzenddatum, id): the review queue is the beslissingen with
  status ter_vaststelling (and the nacontrole those vastgesteld or verzonden), the earliest sending date first;
  the few pending rows are found without reading the many approved ones.
- ix_reviewrondes_created_at_id (created_at, id): the kabinet's history, newest first.
- PostgreSQL only: trigram GIN indexes (pg_trgm, gin_trgm_ops) on zaken.identificatie, zaken.adres_straat,
  betrokkenen.naam and meldingen.bron_kenmerk serve the search box (ILIKE '%text%', which no b-tree can);
  SQLite searches with lower() LIKE over its few thousand rows. The models declare them with
  info={"dialects": ("postgresql",)} and migrations/env.py leaves them out of `alembic check` on SQLite.

Revision ID: 0022
Revises: 0021
"""

from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None

INDEXES = (
    ("ix_zaken_team_zaaktype", "zaken", ["team", "zaaktype"]),
    ("ix_zaken_created_by_registratie", "zaken", ["created_by_id", "registratiedatum", "id"]),
    ("ix_zaken_registratiedatum_id", "zaken", ["registratiedatum", "id"]),
    ("ix_beslissingen_status_verzenddatum", "beslissingen", ["status", "verzenddatum", "id"]),
    ("ix_reviewrondes_created_at_id", "reviewrondes", ["created_at", "id"]),
)
TRIGRAM = (
    ("ix_zaken_identificatie_trgm", "zaken", "identificatie"),
    ("ix_zaken_adres_straat_trgm", "zaken", "adres_straat"),
    ("ix_betrokkenen_naam_trgm", "betrokkenen", "naam"),
    ("ix_meldingen_bron_kenmerk_trgm", "meldingen", "bron_kenmerk"),
)


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns)
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        for name, table, column in TRIGRAM:
            op.create_index(name, table, [column], postgresql_using="gin", postgresql_ops={column: "gin_trgm_ops"})


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for name, table, _ in TRIGRAM:
            op.drop_index(name, table_name=table)
        # the extension stays: other databases objects may use it, and it holds no data
    for name, table, _ in INDEXES:
        op.drop_index(name, table_name=table)
