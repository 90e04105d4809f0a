"""letters after approval: the outbox, PDF/A renditions, returned mail and electronic sending, ZGW objects

- `outbox`: side effects recorded with the change that causes them and run by the job queue after commit
  (status wachtend | bezig | klaar | mislukt, attempts, the last error, the next attempt, a lease while running).
- `document_pdfs`: the PDF/A-2 rendition of an approved letter with its SHA-256 and the SHA-256 of the
  approved .docx; never changed, deleted only while its zaak is being destroyed (as `documenten`).
- `verzendingen.methode` also `berichtenbox`; `verzendingen.elektronisch_bereikbaar`: how the addressee made
  known he can be reached electronically (Awb 2:14 lid 1), required for e-mail and Berichtenbox. Existing
  e-mail records predate the field and get "(niet vastgelegd)".
- `verzending_retouren`: a letter that came back, with the jurist's reasoned judgement whether that sending
  still made the besluit known; append-only like `verzendingen`.
- `zgw_objecten`: the URL each local object got in the ZGW backend, so a retried publication creates nothing twice.
- Indexes on `beslissingen.datum` and `meldingen.created_at`: the yearly figures filter on a year's range of
  each (measured on PostgreSQL with 1M zaken: the figures page from about 3.6 s to 1.9 s).
- `reeksen` and `zaken.reeks_id`: a bulk run of many zaken from one incident (a youth group), offered to the
  kabinet with a fixed sample and approved as a whole; existing zaken belong to no run.

Revision ID: 0021
Revises: 0020
"""

from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa
from alembic import op

from app.models.types import UtcDateTime

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None

IN_PROGRESS = "SELECT zaak_id FROM vernietigingen WHERE uitgevoerd_at IS NULL"
OLD_METHODS = "methode IN ('post', 'aangetekend', 'digitaal', 'uitreiking')"
NEW_METHODS = "methode IN ('post', 'aangetekend', 'digitaal', 'berichtenbox', 'uitreiking')"
CONSENT = "methode NOT IN ('digitaal', 'berichtenbox') OR length(trim(elektronisch_bereikbaar)) > 0"
NOT_RECORDED = "(niet vastgelegd)"
APPEND_ONLY = {"document_pdfs": "stored letters are immutable", "verzending_retouren": "verzending_retouren is append-only"}


@contextmanager
def _triggers_set_aside(table: str) -> Iterator[None]:
    """SQLite rebuilds a table for a batch change; its triggers are dropped and recreated exactly as they were."""
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
    _create_outbox()
    _create_document_pdfs()
    _create_retouren()
    _create_zgw_objecten()
    _create_reeksen()
    op.create_index(op.f("ix_beslissingen_datum"), "beslissingen", ["datum"])
    op.create_index(op.f("ix_meldingen_created_at"), "meldingen", ["created_at"])
    with _triggers_set_aside("zaken"), op.batch_alter_table("zaken") as batch:
        batch.add_column(sa.Column("reeks_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(op.f("fk_zaken_reeks_id_reeksen"), "reeksen", ["reeks_id"], ["id"])
        batch.create_index(op.f("ix_zaken_reeks_id"), ["reeks_id"])
    with _triggers_set_aside("verzendingen"), op.batch_alter_table("verzendingen") as batch:
        batch.add_column(sa.Column("elektronisch_bereikbaar", sa.String(200), nullable=False, server_default=""))
    _fill_consent()
    with _triggers_set_aside("verzendingen"), op.batch_alter_table("verzendingen") as batch:
        batch.alter_column("elektronisch_bereikbaar", server_default=None, existing_type=sa.String(200),
                           existing_nullable=False)
        batch.drop_constraint(op.f("ck_verzendingen_methode"), type_="check")
        batch.create_check_constraint("methode", NEW_METHODS)
        batch.create_check_constraint("electronic_needs_consent", CONSENT)
    for table, message in APPEND_ONLY.items():
        _guard(table, message)


def downgrade() -> None:
    for table in APPEND_ONLY:
        _unguard(table)
    with _triggers_set_aside("verzendingen"), op.batch_alter_table("verzendingen") as batch:
        batch.drop_constraint(op.f("ck_verzendingen_electronic_needs_consent"), type_="check")
        batch.drop_constraint(op.f("ck_verzendingen_methode"), type_="check")
        batch.create_check_constraint("methode", OLD_METHODS)
        batch.drop_column("elektronisch_bereikbaar")
    with _triggers_set_aside("zaken"), op.batch_alter_table("zaken") as batch:
        batch.drop_index(op.f("ix_zaken_reeks_id"))
        batch.drop_constraint(op.f("fk_zaken_reeks_id_reeksen"), type_="foreignkey")
        batch.drop_column("reeks_id")
    op.drop_table("reeksen")
    op.drop_index(op.f("ix_meldingen_created_at"), table_name="meldingen")
    op.drop_index(op.f("ix_beslissingen_datum"), table_name="beslissingen")
    for table in ("zgw_objecten", "verzending_retouren", "document_pdfs"):
        op.drop_index(op.f(f"ix_{table}_zaak_id"), table_name=table)
        op.drop_table(table)
    op.drop_index("ix_outbox_status_volgende", table_name="outbox")
    op.drop_index(op.f("ix_outbox_zaak_id"), table_name="outbox")
    op.drop_table("outbox")


def _fill_consent() -> None:
    """Digital records made before the field existed: their consent was not recorded (and must not be invented)."""
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS trg_verzendingen_no_update")
    else:
        op.execute("ALTER TABLE verzendingen DISABLE TRIGGER trg_verzendingen_append_only")
    bind.execute(sa.text("UPDATE verzendingen SET elektronisch_bereikbaar = :v WHERE methode = 'digitaal'"),
                 {"v": NOT_RECORDED})
    if bind.dialect.name == "sqlite":
        op.execute("CREATE TRIGGER trg_verzendingen_no_update BEFORE UPDATE ON verzendingen "
                   "BEGIN SELECT RAISE(ABORT, 'verzendingen is append-only'); END")
    else:
        op.execute("ALTER TABLE verzendingen ENABLE TRIGGER trg_verzendingen_append_only")


def _guard(table: str, message: str) -> None:
    """Never updated; deleted only while the zaak it belongs to is being destroyed (as `verzendingen`)."""
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"CREATE TRIGGER trg_{table}_no_update BEFORE UPDATE ON {table} "
                   f"BEGIN SELECT RAISE(ABORT, '{message}'); END")
        op.execute(f"CREATE TRIGGER trg_{table}_no_delete BEFORE DELETE ON {table} "
                   f"WHEN NOT (OLD.zaak_id IN ({IN_PROGRESS})) BEGIN SELECT RAISE(ABORT, '{message}'); END")
        return
    op.execute(f"CREATE FUNCTION bevoegd_{table}_guard() RETURNS trigger LANGUAGE plpgsql AS $$ "
               f"BEGIN IF TG_OP = 'DELETE' AND OLD.zaak_id IN ({IN_PROGRESS}) THEN RETURN OLD; END IF; "
               f"RAISE EXCEPTION '{message}'; END $$")
    op.execute(f"CREATE TRIGGER trg_{table}_append_only BEFORE UPDATE OR DELETE ON {table} "
               f"FOR EACH ROW EXECUTE FUNCTION bevoegd_{table}_guard()")


def _unguard(table: str) -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"DROP TRIGGER IF EXISTS trg_{table}_no_update")
        op.execute(f"DROP TRIGGER IF EXISTS trg_{table}_no_delete")
        return
    op.execute(f"DROP TRIGGER IF EXISTS trg_{table}_append_only ON {table}")
    op.execute(f"DROP FUNCTION IF EXISTS bevoegd_{table}_guard()")


def _create_outbox() -> None:
    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("soort", sa.String(40), nullable=False),
        sa.Column("sleutel", sa.String(200), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("zaak_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.Enum("wachtend", "bezig", "klaar", "mislukt", name="outbox_status", native_enum=False,
                                    create_constraint=True, length=40), nullable=False),
        sa.Column("pogingen", sa.Integer(), nullable=False),
        sa.Column("laatste_fout", sa.Text(), nullable=False),
        sa.Column("volgende_poging_at", UtcDateTime(timezone=True), nullable=False),
        sa.Column("lease_tot", UtcDateTime(timezone=True), nullable=True),
        sa.Column("created_at", UtcDateTime(timezone=True), nullable=False),
        sa.Column("klaar_at", UtcDateTime(timezone=True), nullable=True),
        sa.CheckConstraint("pogingen >= 0", name=op.f("ck_outbox_pogingen_not_negative")),
        sa.CheckConstraint("status <> 'bezig' OR lease_tot IS NOT NULL", name=op.f("ck_outbox_running_has_lease")),
        sa.CheckConstraint("(status = 'klaar') = (klaar_at IS NOT NULL)", name=op.f("ck_outbox_klaar_has_moment")),
        sa.ForeignKeyConstraint(["zaak_id"], ["zaken.id"], name=op.f("fk_outbox_zaak_id_zaken")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox")),
        sa.UniqueConstraint("sleutel", name=op.f("uq_outbox_sleutel")),
    )
    op.create_index(op.f("ix_outbox_zaak_id"), "outbox", ["zaak_id"])
    op.create_index("ix_outbox_status_volgende", "outbox", ["status", "volgende_poging_at"])


def _create_document_pdfs() -> None:
    op.create_table(
        "document_pdfs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("zaak_id", sa.Integer(), nullable=False),
        sa.Column("inhoud", sa.LargeBinary(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("bron_sha256", sa.String(64), nullable=False),
        sa.Column("omzetter", sa.String(100), nullable=False),
        sa.Column("created_at", UtcDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documenten.id"], name=op.f("fk_document_pdfs_document_id_documenten")),
        sa.ForeignKeyConstraint(["zaak_id"], ["zaken.id"], name=op.f("fk_document_pdfs_zaak_id_zaken")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document_pdfs")),
        sa.UniqueConstraint("document_id", name=op.f("uq_document_pdfs_document_id")),
    )
    op.create_index(op.f("ix_document_pdfs_zaak_id"), "document_pdfs", ["zaak_id"])


def _create_retouren() -> None:
    op.create_table(
        "verzending_retouren",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("verzending_id", sa.Integer(), nullable=False),
        sa.Column("zaak_id", sa.Integer(), nullable=False),
        sa.Column("ontvangen_op", sa.Date(), nullable=False),
        sa.Column("reden", sa.Enum("onbestelbaar", "niet_afgehaald", "geweigerd", name="retour_reden",
                                   native_enum=False, create_constraint=True, length=40), nullable=False),
        sa.Column("bekendgemaakt", sa.Boolean(), nullable=False),
        sa.Column("toelichting", sa.Text(), nullable=False),
        sa.Column("recorded_by_id", sa.Integer(), nullable=False),
        sa.Column("recorded_at", UtcDateTime(timezone=True), nullable=False),
        sa.CheckConstraint("length(trim(toelichting)) > 0", name=op.f("ck_verzending_retouren_judgement_reasoned")),
        sa.ForeignKeyConstraint(["verzending_id"], ["verzendingen.id"],
                                name=op.f("fk_verzending_retouren_verzending_id_verzendingen")),
        sa.ForeignKeyConstraint(["zaak_id"], ["zaken.id"], name=op.f("fk_verzending_retouren_zaak_id_zaken")),
        sa.ForeignKeyConstraint(["recorded_by_id"], ["users.id"],
                                name=op.f("fk_verzending_retouren_recorded_by_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_verzending_retouren")),
        sa.UniqueConstraint("verzending_id", name=op.f("uq_verzending_retouren_verzending_id")),
    )
    op.create_index(op.f("ix_verzending_retouren_zaak_id"), "verzending_retouren", ["zaak_id"])


def _create_zgw_objecten() -> None:
    op.create_table(
        "zgw_objecten",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("zaak_id", sa.Integer(), nullable=False),
        sa.Column("sleutel", sa.String(200), nullable=False),
        sa.Column("url", sa.String(500), nullable=False),
        sa.Column("created_at", UtcDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["zaak_id"], ["zaken.id"], name=op.f("fk_zgw_objecten_zaak_id_zaken")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_zgw_objecten")),
        sa.UniqueConstraint("sleutel", name=op.f("uq_zgw_objecten_sleutel")),
    )
    op.create_index(op.f("ix_zgw_objecten_zaak_id"), "zgw_objecten", ["zaak_id"])


def _create_reeksen() -> None:
    op.create_table(
        "reeksen",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("zaaktype", sa.String(40), nullable=False),
        sa.Column("soort", sa.String(60), nullable=False),
        sa.Column("team", sa.String(80), nullable=False),
        sa.Column("omschrijving", sa.String(300), nullable=False),
        sa.Column("status", sa.Enum("ingelezen", "opstellen", "ter_vaststelling", "vastgesteld", name="reeks_status",
                                    native_enum=False, create_constraint=True, length=40), nullable=False),
        sa.Column("ondertekenaar_id", sa.Integer(), nullable=True),
        sa.Column("steekproef", sa.JSON(), nullable=False),
        sa.Column("steekproef_seed", sa.String(64), nullable=False),
        sa.Column("problemen", sa.JSON(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("created_at", UtcDateTime(timezone=True), nullable=False),
        sa.Column("aangeboden_at", UtcDateTime(timezone=True), nullable=True),
        sa.Column("approver_id", sa.Integer(), nullable=True),
        sa.Column("approved_at", UtcDateTime(timezone=True), nullable=True),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.CheckConstraint("(status = 'vastgesteld') = (approver_id IS NOT NULL AND approved_at IS NOT NULL)",
                           name=op.f("ck_reeksen_approver_iff_approved")),
        sa.CheckConstraint("approver_id IS NULL OR approver_id <> created_by_id", name=op.f("ck_reeksen_four_eyes")),
        sa.CheckConstraint("status IN ('ingelezen', 'opstellen') OR ondertekenaar_id IS NOT NULL",
                           name=op.f("ck_reeksen_ondertekenaar_named")),
        sa.CheckConstraint("length(trim(omschrijving)) > 0", name=op.f("ck_reeksen_omschrijving_required")),
        sa.ForeignKeyConstraint(["ondertekenaar_id"], ["users.id"], name=op.f("fk_reeksen_ondertekenaar_id_users")),
        sa.ForeignKeyConstraint(["created_by_id"], ["users.id"], name=op.f("fk_reeksen_created_by_id_users")),
        sa.ForeignKeyConstraint(["approver_id"], ["users.id"], name=op.f("fk_reeksen_approver_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reeksen")),
    )
