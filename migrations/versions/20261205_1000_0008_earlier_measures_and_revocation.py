"""earlier measures entered by hand, and revocation (ingetrokken / herroepen / vernietigd) of any measure

Repeat offences count only measures that were sent and not revoked or annulled (issue 6, review finding 16).
A beslissing gets the revocation columns; `eerdere_maatregelen` holds earlier measures from before go-live or
from another source, with the offence date the repeat window runs from.

Revision ID: 0008
Revises: 0007
"""

from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa
from alembic import op

from app.models.types import UtcDateTime

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

KINDS = "intrekking_soort IN ('ingetrokken', 'herroepen_in_bezwaar', 'vernietigd_in_beroep')"
COMPLETE = ("(intrekking_soort IS NULL) = (intrekking_datum IS NULL) AND "
            "(intrekking_soort IS NULL) = (intrekking_reden IS NULL) AND "
            "(intrekking_reden IS NULL OR length(trim(intrekking_reden)) > 0)")


def _revocation_columns() -> list[sa.Column]:
    return [
        sa.Column("intrekking_soort", sa.String(40), nullable=True),
        sa.Column("intrekking_datum", sa.Date(), nullable=True),
        sa.Column("intrekking_reden", sa.Text(), nullable=True),
        sa.Column("intrekking_door_id", sa.Integer(), nullable=True),
    ]


@contextmanager
def _triggers_set_aside(table: str) -> Iterator[None]:
    """SQLite rebuilds a table for a batch change; triggers that name it (0002, 0007) would break the rename,
    so they are dropped and recreated exactly as they were. PostgreSQL alters in place."""
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
    op.create_table(
        "eerdere_maatregelen",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("zaaktype", sa.String(40), nullable=False),
        sa.Column("soort", sa.String(60), nullable=False),
        sa.Column("pleegdatum", sa.Date(), nullable=False),
        sa.Column("verzenddatum", sa.Date(), nullable=True),
        sa.Column("verzonden", sa.Boolean(), nullable=False),
        sa.Column("adres_straat", sa.String(200), nullable=False),
        sa.Column("adres_huisnummer", sa.String(20), nullable=False),
        sa.Column("adres_postcode", sa.String(7), nullable=False),
        sa.Column("adres_woonplaats", sa.String(100), nullable=False),
        sa.Column("adres_sleutel", sa.String(120), nullable=False),
        sa.Column("persoon_naam", sa.String(200), nullable=False),
        sa.Column("persoon_geboortedatum", sa.Date(), nullable=True),
        sa.Column("kenmerk", sa.String(100), nullable=False),
        sa.Column("bron", sa.String(200), nullable=False),
        sa.Column("toelichting", sa.Text(), nullable=False),
        sa.Column("ingevoerd_bij", sa.String(40), nullable=False),
        *_revocation_columns(),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("created_at", UtcDateTime(timezone=True), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.CheckConstraint("verzenddatum IS NULL OR verzenddatum >= pleegdatum",
                           name=op.f("ck_eerdere_maatregelen_verzending_na_pleegdatum")),
        sa.CheckConstraint("NOT verzonden OR verzenddatum IS NOT NULL",
                           name=op.f("ck_eerdere_maatregelen_verzonden_heeft_datum")),
        sa.CheckConstraint("length(trim(kenmerk)) > 0 AND length(trim(bron)) > 0",
                           name=op.f("ck_eerdere_maatregelen_kenmerk_en_bron")),
        sa.CheckConstraint(COMPLETE, name=op.f("ck_eerdere_maatregelen_intrekking_volledig")),
        sa.CheckConstraint(KINDS, name=op.f("ck_eerdere_maatregelen_intrekking_soort")),
        sa.ForeignKeyConstraint(["created_by_id"], ["users.id"],
                                name=op.f("fk_eerdere_maatregelen_created_by_id_users")),
        sa.ForeignKeyConstraint(["intrekking_door_id"], ["users.id"],
                                name=op.f("fk_eerdere_maatregelen_intrekking_door_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_eerdere_maatregelen")),
    )
    with op.batch_alter_table("eerdere_maatregelen") as batch:
        batch.create_index(batch.f("ix_eerdere_maatregelen_adres_sleutel"), ["adres_sleutel"], unique=False)
    with _triggers_set_aside("beslissingen"), op.batch_alter_table("beslissingen") as batch:
        for column in _revocation_columns():
            batch.add_column(column)
        batch.create_foreign_key(batch.f("fk_beslissingen_intrekking_door_id_users"), "users",
                                 ["intrekking_door_id"], ["id"])
        batch.create_check_constraint("intrekking_soort", KINDS)
        batch.create_check_constraint("intrekking_volledig", COMPLETE)
        batch.create_check_constraint("intrekking_na_vaststelling",
                                      "intrekking_soort IS NULL OR status IN ('vastgesteld', 'verzonden')")


def downgrade() -> None:
    with _triggers_set_aside("beslissingen"), op.batch_alter_table("beslissingen") as batch:
        for name in ("intrekking_na_vaststelling", "intrekking_volledig", "intrekking_soort"):
            batch.drop_constraint(op.f(f"ck_beslissingen_{name}"), type_="check")
        batch.drop_constraint(op.f("fk_beslissingen_intrekking_door_id_users"), type_="foreignkey")
        for name in ("intrekking_door_id", "intrekking_reden", "intrekking_datum", "intrekking_soort"):
            batch.drop_column(name)
    with op.batch_alter_table("eerdere_maatregelen") as batch:
        batch.drop_index(batch.f("ix_eerdere_maatregelen_adres_sleutel"))
    op.drop_table("eerdere_maatregelen")
