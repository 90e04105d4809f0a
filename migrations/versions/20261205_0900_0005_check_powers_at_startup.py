"""check power codes, outcomes and roles at start-up; add mandate capacities, clock moments, nacontrole

The zaaktype, soort and roltype CHECK lists named Damocles' values only: every new power needed a
migration. They become plain strings checked against the registered powers and their index.yaml at
start-up (app/runtime.py) and by tests; the workflow CHECKs stay.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

from app.models.types import UtcDateTime

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

CAPACITIES = ("orgaan", "plaatsvervanger", "gemandateerde", "hulpofficier_van_justitie")
OLD_RESULTS = ("goedgekeurd", "teruggestuurd")
NEW_RESULTS = (*OLD_RESULTS, "nagecontroleerd")
OLD_ROLES = ("overtreder", "bewoner", "rechthebbende", "gezaghebbende_ouder", "melder")
OLD_SOORTEN = ("waarschuwing", "voornemen_sluiting", "sluiting")


def _in(values: tuple[str, ...]) -> str:
    return ", ".join(f"'{v}'" for v in values)


def upgrade() -> None:
    with op.batch_alter_table("zaken") as batch:
        batch.drop_constraint(op.f("ck_zaken_zaaktype"), type_="check")
    with op.batch_alter_table("betrokkenen") as batch:
        batch.drop_constraint(op.f("ck_betrokkenen_roltype"), type_="check")
    with op.batch_alter_table("beslissingen") as batch:
        batch.drop_constraint(op.f("ck_beslissingen_soort"), type_="check")
        batch.alter_column("soort", existing_type=sa.String(40), type_=sa.String(60), existing_nullable=False)
        batch.add_column(sa.Column("ingang_at", UtcDateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("einde_at", UtcDateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("termijnen", sa.JSON(), nullable=False, server_default=sa.text("'{}'")))
        batch.create_check_constraint("einde_after_ingang", "einde_at IS NULL OR ingang_at IS NULL OR einde_at > ingang_at")
    with op.batch_alter_table("mandaten") as batch:
        batch.add_column(sa.Column("hoedanigheid", sa.String(40), nullable=False, server_default="gemandateerde"))
        batch.add_column(sa.Column("mandaatbesluit", sa.String(200), nullable=False, server_default=""))
        batch.create_check_constraint("hoedanigheid", f"hoedanigheid IN ({_in(CAPACITIES)})")
    _results(NEW_RESULTS, "resultaat <> 'teruggestuurd' OR length(trim(opmerking)) > 0")


def downgrade() -> None:
    _results(OLD_RESULTS, "resultaat = 'goedgekeurd' OR length(trim(opmerking)) > 0")
    with op.batch_alter_table("mandaten") as batch:
        batch.drop_constraint(op.f("ck_mandaten_hoedanigheid"), type_="check")
        batch.drop_column("mandaatbesluit")
        batch.drop_column("hoedanigheid")
    with op.batch_alter_table("beslissingen") as batch:
        batch.drop_constraint(op.f("ck_beslissingen_einde_after_ingang"), type_="check")
        batch.drop_column("termijnen")
        batch.drop_column("einde_at")
        batch.drop_column("ingang_at")
        batch.alter_column("soort", existing_type=sa.String(60), type_=sa.String(40), existing_nullable=False)
        batch.create_check_constraint("soort", f"soort IN ({_in(OLD_SOORTEN)})")
    with op.batch_alter_table("betrokkenen") as batch:
        batch.create_check_constraint("roltype", f"roltype IN ({_in(OLD_ROLES)})")
    with op.batch_alter_table("zaken") as batch:
        batch.create_check_constraint("zaaktype", "zaaktype IN ('damocles')")


def _results(results: tuple[str, ...], comment_rule: str) -> None:
    """reviewrondes is append-only: SQLite's batch copy drops its triggers, so they are made again."""
    sqlite = op.get_bind().dialect.name == "sqlite"
    with op.batch_alter_table("reviewrondes") as batch:
        batch.drop_constraint(op.f("ck_reviewrondes_resultaat"), type_="check")
        batch.drop_constraint(op.f("ck_reviewrondes_return_needs_comment"), type_="check")
        batch.create_check_constraint("resultaat", f"resultaat IN ({_in(results)})")
        batch.create_check_constraint("return_needs_comment", comment_rule)
    if sqlite:
        for verb in ("update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS trg_reviewrondes_no_{verb}")
            op.execute(f"CREATE TRIGGER trg_reviewrondes_no_{verb} BEFORE {verb.upper()} ON reviewrondes "
                       "BEGIN SELECT RAISE(ABORT, 'reviewrondes is append-only'); END")
