"""the competent body per zaak, a zaak's access list, and what an application-based power needs

Bibob (issue 10) is the first power whose competent body differs per case (the body that decides the permit
applied for: the burgemeester or the college) and whose cases only the people working on them may see.

- `zaken.orgaan` (burgemeester | college): who decides, signs and hears a bezwaar. Existing zaken: every
  power so far is the burgemeester's, so all get `burgemeester`.
- `zaken.toegang_beperkt` and the table `zaak_toegang`: the explicit access list (existing zaken: false).
- `mandaten.orgaan`: the body that gave a mandate; existing mandates are the burgemeester's.
- `betrokkenen.ref`: which case-file entry a betrokkene is (a third party gets a letter about his part only).
- `meldingen.bron_soort` also `aanvraag`; `zaken.afsluitreden` also `aanvraag_ingetrokken`.

Revision ID: 0020
Revises: 0019
"""

from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa
from alembic import op

from app.models.types import UtcDateTime

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None

BODIES = "IN ('burgemeester', 'college')"
OLD_BRON = "bron_soort IN ('bestuurlijke_rapportage', 'proces_verbaal', 'boa_rapport', 'melding')"
NEW_BRON = "bron_soort IN ('bestuurlijke_rapportage', 'proces_verbaal', 'boa_rapport', 'melding', 'aanvraag')"
OLD_REASONS = "afsluitreden IN ('niet_bevoegd', 'afgezien', 'afgedaan')"
NEW_REASONS = "afsluitreden IN ('niet_bevoegd', 'afgezien', 'afgedaan', 'aanvraag_ingetrokken')"


@contextmanager
def _triggers_set_aside(table: str) -> Iterator[None]:
    """SQLite rebuilds a table for a batch change; triggers that name it would break the rename, so they are
    dropped and recreated exactly as they were (as in 0008, 0011 and 0019). PostgreSQL alters in place."""
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
    with _triggers_set_aside("zaken"), op.batch_alter_table("zaken") as batch:
        batch.add_column(sa.Column("orgaan", sa.String(40), nullable=False, server_default="burgemeester"))
        batch.add_column(sa.Column("toegang_beperkt", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch.create_check_constraint("orgaan", f"orgaan {BODIES}")
        batch.drop_constraint(op.f("ck_zaken_afsluitreden"), type_="check")
        batch.create_check_constraint("afsluitreden", NEW_REASONS)
    with op.batch_alter_table("mandaten") as batch:
        batch.add_column(sa.Column("orgaan", sa.String(40), nullable=False, server_default="burgemeester"))
        batch.create_check_constraint("mandaat_orgaan", f"orgaan {BODIES}")
    with _triggers_set_aside("betrokkenen"), op.batch_alter_table("betrokkenen") as batch:
        batch.add_column(sa.Column("ref", sa.String(40), nullable=True))
    with _triggers_set_aside("meldingen"), op.batch_alter_table("meldingen") as batch:
        batch.drop_constraint(op.f("ck_meldingen_bron_soort"), type_="check")
        batch.create_check_constraint("bron_soort", NEW_BRON)
    op.create_table(
        "zaak_toegang",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("zaak_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("verleend_door_id", sa.Integer(), nullable=False),
        sa.Column("verleend_at", UtcDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["zaak_id"], ["zaken.id"], name=op.f("fk_zaak_toegang_zaak_id_zaken")),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_zaak_toegang_user_id_users")),
        sa.ForeignKeyConstraint(["verleend_door_id"], ["users.id"],
                                name=op.f("fk_zaak_toegang_verleend_door_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_zaak_toegang")),
        sa.UniqueConstraint("zaak_id", "user_id", name="uq_zaak_toegang_zaak_user"),
    )
    with op.batch_alter_table("zaak_toegang") as batch:
        batch.create_index(batch.f("ix_zaak_toegang_zaak_id"), ["zaak_id"], unique=False)
        batch.create_index(batch.f("ix_zaak_toegang_user_id"), ["user_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("zaak_toegang") as batch:
        batch.drop_index(batch.f("ix_zaak_toegang_user_id"))
        batch.drop_index(batch.f("ix_zaak_toegang_zaak_id"))
    op.drop_table("zaak_toegang")
    with _triggers_set_aside("meldingen"), op.batch_alter_table("meldingen") as batch:
        batch.drop_constraint(op.f("ck_meldingen_bron_soort"), type_="check")
        batch.create_check_constraint("bron_soort", OLD_BRON)
    with _triggers_set_aside("betrokkenen"), op.batch_alter_table("betrokkenen") as batch:
        batch.drop_column("ref")
    with op.batch_alter_table("mandaten") as batch:
        batch.drop_constraint(op.f("ck_mandaten_mandaat_orgaan"), type_="check")
        batch.drop_column("orgaan")
    with _triggers_set_aside("zaken"), op.batch_alter_table("zaken") as batch:
        batch.drop_constraint(op.f("ck_zaken_afsluitreden"), type_="check")
        batch.create_check_constraint("afsluitreden", OLD_REASONS)
        batch.drop_constraint(op.f("ck_zaken_orgaan"), type_="check")
        batch.drop_column("toegang_beperkt")
        batch.drop_column("orgaan")
