"""mandate per outcome with validity and function; dispatch records per letter

A mandate now names the outcomes it covers (a JSON list of outcome codes; an empty list covers nothing),
its validity (valid_from, valid_until), and the holder's function, which the letter prints under "namens
deze" (Awb 10:10); the signature is no longer stored as free text. A mandate other than the body's own
(or its substitute's) needs its mandate decision and the function. Existing rows get the explicit list of
every outcome of their power, valid from 2000-01-01 (a placeholder: take the dates from the mandate
register), the function from the last line of their old signature, and a visible placeholder where the
mandate decision or function was not recorded.

Dispatch (verzendingen): one append-only row per letter and recipient with the sending date, the method and
the last day to object or appeal; a correction supersedes an earlier row. Rows may be deleted only while
their zaak is being destroyed after its retention period (as in 0007).

Revision ID: 0010
Revises: 0009
"""

import json

import sqlalchemy as sa
from alembic import op

from app.models.types import UtcDateTime

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

# The outcomes of each power when this migration was written (rules/<code>/index.yaml), written out
# explicitly: an empty list would cover nothing.
OUTCOMES = {
    "damocles": ["waarschuwing", "voornemen_sluiting", "sluiting"],
    "huisverbod": ["huisverbod", "verlenging_huisverbod", "intrekking_huisverbod"],
}
AS_BODY = "('orgaan', 'plaatsvervanger')"
PLACEHOLDER_FROM = "2000-01-01"
TO_RECORD = "(nog vastleggen)"
IN_PROGRESS = "SELECT zaak_id FROM vernietigingen WHERE uitgevoerd_at IS NULL"


def upgrade() -> None:
    with op.batch_alter_table("mandaten") as batch:
        batch.add_column(sa.Column("uitkomsten", sa.JSON(), nullable=False, server_default=sa.text("'[]'")))
        batch.add_column(sa.Column("valid_from", sa.Date(), nullable=False, server_default=PLACEHOLDER_FROM))
        batch.add_column(sa.Column("valid_until", sa.Date(), nullable=True))
        batch.add_column(sa.Column("functie", sa.String(200), nullable=False, server_default=""))
    _fill_mandates()
    with op.batch_alter_table("mandaten") as batch:
        batch.alter_column("uitkomsten", server_default=None, existing_type=sa.JSON(), existing_nullable=False)
        batch.alter_column("valid_from", server_default=None, existing_type=sa.Date(), existing_nullable=False)
        batch.alter_column("functie", server_default=None, existing_type=sa.String(200), existing_nullable=False)
        batch.create_check_constraint("mandaatbesluit_required",
                                      f"hoedanigheid IN {AS_BODY} OR length(trim(mandaatbesluit)) > 0")
        batch.create_check_constraint("functie_required", f"hoedanigheid IN {AS_BODY} OR length(trim(functie)) > 0")
        batch.create_check_constraint("valid_until_after_from", "valid_until IS NULL OR valid_until >= valid_from")
        batch.drop_column("ondertekening")
    _create_verzendingen()
    if op.get_bind().dialect.name == "sqlite":
        op.execute("CREATE TRIGGER trg_verzendingen_no_update BEFORE UPDATE ON verzendingen "
                   "BEGIN SELECT RAISE(ABORT, 'verzendingen is append-only'); END")
        op.execute(f"CREATE TRIGGER trg_verzendingen_no_delete BEFORE DELETE ON verzendingen "
                   f"WHEN NOT (OLD.zaak_id IN ({IN_PROGRESS})) "
                   "BEGIN SELECT RAISE(ABORT, 'verzendingen is append-only'); END")
    else:
        op.execute("CREATE FUNCTION bevoegd_verzendingen_guard() RETURNS trigger LANGUAGE plpgsql AS $$ "
                   f"BEGIN IF TG_OP = 'DELETE' AND OLD.zaak_id IN ({IN_PROGRESS}) THEN RETURN OLD; END IF; "
                   "RAISE EXCEPTION 'verzendingen is append-only'; END $$")
        op.execute("CREATE TRIGGER trg_verzendingen_append_only BEFORE UPDATE OR DELETE ON verzendingen "
                   "FOR EACH ROW EXECUTE FUNCTION bevoegd_verzendingen_guard()")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS trg_verzendingen_no_update")
        op.execute("DROP TRIGGER IF EXISTS trg_verzendingen_no_delete")
    else:
        op.execute("DROP TRIGGER IF EXISTS trg_verzendingen_append_only ON verzendingen")
        op.execute("DROP FUNCTION IF EXISTS bevoegd_verzendingen_guard()")
    op.drop_index("uq_verzendingen_eerste", table_name="verzendingen")
    for column in ("document_id", "beslissing_id", "zaak_id"):
        op.drop_index(op.f(f"ix_verzendingen_{column}"), table_name="verzendingen")
    op.drop_table("verzendingen")
    with op.batch_alter_table("mandaten") as batch:
        batch.add_column(sa.Column("ondertekening", sa.Text(), nullable=False, server_default=""))
        batch.drop_constraint(op.f("ck_mandaten_valid_until_after_from"), type_="check")
        batch.drop_constraint(op.f("ck_mandaten_functie_required"), type_="check")
        batch.drop_constraint(op.f("ck_mandaten_mandaatbesluit_required"), type_="check")
        batch.drop_column("functie")
        batch.drop_column("valid_until")
        batch.drop_column("valid_from")
        batch.drop_column("uitkomsten")


def _fill_mandates() -> None:
    """Explicit outcomes per power; the function from the old signature's last line; visible placeholders."""
    conn = op.get_bind()
    # PostgreSQL takes the JSON text through an explicit cast; SQLite stores JSON as text (a CAST would not).
    uitkomsten = "CAST(:uitkomsten AS JSON)" if conn.dialect.name == "postgresql" else ":uitkomsten"
    rows = conn.execute(sa.text("SELECT id, besluittype, hoedanigheid, mandaatbesluit, ondertekening FROM mandaten"))
    for row_id, besluittype, capacity, recorded, signature in rows.fetchall():
        lines = [line.strip() for line in (signature or "").splitlines() if line.strip()]
        as_body = capacity in ("orgaan", "plaatsvervanger")
        functie = "" if as_body else (lines[-1] if len(lines) >= 3 else TO_RECORD)  # noqa: PLR2004
        besluit = recorded if as_body or (recorded or "").strip() else TO_RECORD
        conn.execute(sa.text(f"UPDATE mandaten SET uitkomsten = {uitkomsten}, functie = :functie, "  # noqa: S608
                             "mandaatbesluit = :besluit WHERE id = :id"),
                     {"uitkomsten": json.dumps(OUTCOMES.get(besluittype, [])), "functie": functie,
                      "besluit": besluit, "id": row_id})


def _create_verzendingen() -> None:
    op.create_table(
        "verzendingen",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("zaak_id", sa.Integer(), nullable=False),
        sa.Column("beslissing_id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("ontvanger_rol", sa.String(40), nullable=False),
        sa.Column("verzonden_op", sa.Date(), nullable=False),
        sa.Column("methode", sa.Enum("post", "aangetekend", "digitaal", "uitreiking", name="methode",
                                     native_enum=False, create_constraint=True, length=40), nullable=False),
        sa.Column("bewijs", sa.String(200), nullable=False),
        sa.Column("uiterlijke_reactiedatum", sa.Date(), nullable=True),
        sa.Column("vervangt_id", sa.Integer(), nullable=True),
        sa.Column("reden", sa.Text(), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), nullable=False),
        sa.Column("recorded_at", UtcDateTime(timezone=True), nullable=False),
        sa.CheckConstraint("vervangt_id IS NULL OR length(trim(reden)) > 0",
                           name=op.f("ck_verzendingen_correction_needs_reason")),
        sa.CheckConstraint("uiterlijke_reactiedatum IS NULL OR uiterlijke_reactiedatum > verzonden_op",
                           name=op.f("ck_verzendingen_reactiedatum_after_verzending")),
        sa.ForeignKeyConstraint(["zaak_id"], ["zaken.id"], name=op.f("fk_verzendingen_zaak_id_zaken")),
        sa.ForeignKeyConstraint(["beslissing_id"], ["beslissingen.id"],
                                name=op.f("fk_verzendingen_beslissing_id_beslissingen")),
        sa.ForeignKeyConstraint(["document_id"], ["documenten.id"],
                                name=op.f("fk_verzendingen_document_id_documenten")),
        sa.ForeignKeyConstraint(["vervangt_id"], ["verzendingen.id"],
                                name=op.f("fk_verzendingen_vervangt_id_verzendingen")),
        sa.ForeignKeyConstraint(["recorded_by_id"], ["users.id"], name=op.f("fk_verzendingen_recorded_by_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_verzendingen")),
        sa.UniqueConstraint("vervangt_id", name=op.f("uq_verzendingen_vervangt_id")),
    )
    for column in ("zaak_id", "beslissing_id", "document_id"):
        op.create_index(op.f(f"ix_verzendingen_{column}"), "verzendingen", [column])
    op.create_index("uq_verzendingen_eerste", "verzendingen", ["document_id"], unique=True,
                    sqlite_where=sa.text("vervangt_id IS NULL"), postgresql_where=sa.text("vervangt_id IS NULL"))
