"""bezwaar and beroep: the life of a besluit after it is sent

bezwaren: one row per bezwaar against a sent besluit whose outcome has `remedy: bezwaar` (Awb 6:4): who
filed it and how, the dispatch its period runs from, the timeliness verdict (Awb 6:7-6:10) and the 6:11
judgement on a late one, the grounds with their responses (JSON), the hearing or the reason not to hear
(7:2, 7:3), the advice (7:13), the postponement and agreed delay of the decision term (7:10) and the
decision on the bezwaar with its reasoning and a signatory other than the drafter.

beroepen: a beroep or verzoek om voorlopige voorziening at the court against a besluit without an objection
stage (`remedy: beroep`, Awb 7:1 lid 1 onder g), with the ruling.

No existing rows change; both tables are new.

Revision ID: 0013
Revises: 0012
"""

import sqlalchemy as sa
from alembic import op

from app.models.types import UtcDateTime

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "beroepen",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("zaak_id", sa.Integer(), nullable=False),
        sa.Column("beslissing_id", sa.Integer(), nullable=False),
        sa.Column(
            "soort",
            sa.Enum(
                "beroep",
                "voorlopige_voorziening",
                name="beroep_soort",
                native_enum=False,
                create_constraint=True,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("rechtbank", sa.String(length=200), nullable=False),
        sa.Column("indiener_naam", sa.String(length=200), nullable=False),
        sa.Column("ingediend_op", sa.Date(), nullable=False),
        sa.Column("zaaknummer", sa.String(length=60), nullable=False),
        sa.Column("zitting_op", sa.Date(), nullable=True),
        sa.Column(
            "uitspraak",
            sa.Enum(
                "gegrond_vernietigd",
                "ongegrond",
                "niet_ontvankelijk",
                "ingetrokken",
                "toegewezen",
                "afgewezen",
                name="uitspraak",
                native_enum=False,
                create_constraint=True,
                length=40,
            ),
            nullable=True,
        ),
        sa.Column("uitspraak_op", sa.Date(), nullable=True),
        sa.Column("toelichting", sa.Text(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("created_at", UtcDateTime(timezone=True), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.CheckConstraint("(uitspraak IS NULL) = (uitspraak_op IS NULL)", name=op.f("ck_beroepen_uitspraak_volledig")),
        sa.CheckConstraint(
            "length(trim(rechtbank)) > 0 AND length(trim(indiener_naam)) > 0",
            name=op.f("ck_beroepen_rechtbank_en_indiener"),
        ),
        sa.CheckConstraint(
            "uitspraak_op IS NULL OR uitspraak_op >= ingediend_op", name=op.f("ck_beroepen_uitspraak_after_indiening")
        ),
        sa.ForeignKeyConstraint(
            ["beslissing_id"], ["beslissingen.id"], name=op.f("fk_beroepen_beslissing_id_beslissingen")
        ),
        sa.ForeignKeyConstraint(["created_by_id"], ["users.id"], name=op.f("fk_beroepen_created_by_id_users")),
        sa.ForeignKeyConstraint(["zaak_id"], ["zaken.id"], name=op.f("fk_beroepen_zaak_id_zaken")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_beroepen")),
    )
    with op.batch_alter_table("beroepen") as batch_op:
        batch_op.create_index(batch_op.f("ix_beroepen_beslissing_id"), ["beslissing_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_beroepen_zaak_id"), ["zaak_id"], unique=False)

    op.create_table(
        "bezwaren",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("zaak_id", sa.Integer(), nullable=False),
        sa.Column("beslissing_id", sa.Integer(), nullable=False),
        sa.Column("indiener_naam", sa.String(length=200), nullable=False),
        sa.Column("indiener_adres", sa.Text(), nullable=False),
        sa.Column("betrokkene_id", sa.Integer(), nullable=True),
        sa.Column("ontvangen_op", sa.Date(), nullable=False),
        sa.Column(
            "wijze",
            sa.Enum(
                "post",
                "digitaal",
                "persoonlijk",
                name="bezwaar_wijze",
                native_enum=False,
                create_constraint=True,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("gepost_op", sa.Date(), nullable=True),
        sa.Column("bekendgemaakt_op", sa.Date(), nullable=False),
        sa.Column("termijn_einde", sa.Date(), nullable=False),
        sa.Column(
            "tijdigheid",
            sa.Enum(
                "tijdig",
                "tijdig_per_post",
                "prematuur",
                "voor_besluit",
                "te_laat",
                name="tijdigheid",
                native_enum=False,
                create_constraint=True,
                length=40,
            ),
            nullable=False,
        ),
        sa.Column("verschoonbaar", sa.Boolean(), nullable=True),
        sa.Column("verschoonbaar_reden", sa.Text(), nullable=True),
        sa.Column("gronden", sa.JSON(), nullable=False),
        sa.Column("commissie", sa.Boolean(), nullable=False),
        sa.Column("hoorzitting_op", sa.Date(), nullable=True),
        sa.Column("gehoord", sa.Text(), nullable=False),
        sa.Column("niet_horen_reden", sa.Text(), nullable=True),
        sa.Column("advies_op", sa.Date(), nullable=True),
        sa.Column("advies_samenvatting", sa.Text(), nullable=False),
        sa.Column("verdaagd_op", sa.Date(), nullable=True),
        sa.Column("uitstel_tot", sa.Date(), nullable=True),
        sa.Column("uitstel_reden", sa.Text(), nullable=True),
        sa.Column("beslistermijn_einde", sa.Date(), nullable=False),
        sa.Column(
            "uitkomst",
            sa.Enum(
                "gegrond",
                "deels_gegrond",
                "ongegrond",
                "niet_ontvankelijk",
                name="bezwaar_uitkomst",
                native_enum=False,
                create_constraint=True,
                length=40,
            ),
            nullable=True,
        ),
        sa.Column("motivering", sa.Text(), nullable=False),
        sa.Column("beslist_op", sa.Date(), nullable=True),
        sa.Column("beslist_door_id", sa.Integer(), nullable=True),
        sa.Column("ondertekenaar_id", sa.Integer(), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("created_at", UtcDateTime(timezone=True), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.CheckConstraint("wijze <> 'post' OR gepost_op IS NOT NULL", name=op.f("ck_bezwaren_post_has_postmark")),
        sa.CheckConstraint(
            "(uitkomst IS NULL) = (beslist_op IS NULL) AND (uitkomst IS NULL) = (ondertekenaar_id IS NULL)"
            " AND (uitkomst IS NULL OR length(trim(motivering)) > 0)",
            name=op.f("ck_bezwaren_beslissing_volledig"),
        ),
        sa.CheckConstraint(
            "advies_op IS NULL OR length(trim(advies_samenvatting)) > 0", name=op.f("ck_bezwaren_advies_has_summary")
        ),
        sa.CheckConstraint(
            "hoorzitting_op IS NULL OR length(trim(gehoord)) > 0", name=op.f("ck_bezwaren_hoorzitting_names_who")
        ),
        sa.CheckConstraint(
            "niet_horen_reden IS NULL OR (hoorzitting_op IS NULL AND length(trim(niet_horen_reden)) > 0)",
            name=op.f("ck_bezwaren_horen_or_reason"),
        ),
        sa.CheckConstraint(
            "ondertekenaar_id IS NULL OR ondertekenaar_id <> beslist_door_id", name=op.f("ck_bezwaren_four_eyes")
        ),
        sa.CheckConstraint("termijn_einde >= bekendgemaakt_op", name=op.f("ck_bezwaren_termijn_after_bekendmaking")),
        sa.CheckConstraint(
            "uitstel_tot IS NULL OR length(trim(uitstel_reden)) > 0", name=op.f("ck_bezwaren_uitstel_reasoned")
        ),
        sa.CheckConstraint(
            "verschoonbaar IS NULL OR length(trim(verschoonbaar_reden)) > 0",
            name=op.f("ck_bezwaren_verschoonbaar_reasoned"),
        ),
        sa.ForeignKeyConstraint(
            ["beslissing_id"], ["beslissingen.id"], name=op.f("fk_bezwaren_beslissing_id_beslissingen")
        ),
        sa.ForeignKeyConstraint(["beslist_door_id"], ["users.id"], name=op.f("fk_bezwaren_beslist_door_id_users")),
        sa.ForeignKeyConstraint(
            ["betrokkene_id"], ["betrokkenen.id"], name=op.f("fk_bezwaren_betrokkene_id_betrokkenen")
        ),
        sa.ForeignKeyConstraint(["created_by_id"], ["users.id"], name=op.f("fk_bezwaren_created_by_id_users")),
        sa.ForeignKeyConstraint(["ondertekenaar_id"], ["users.id"], name=op.f("fk_bezwaren_ondertekenaar_id_users")),
        sa.ForeignKeyConstraint(["zaak_id"], ["zaken.id"], name=op.f("fk_bezwaren_zaak_id_zaken")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bezwaren")),
    )
    with op.batch_alter_table("bezwaren") as batch_op:
        batch_op.create_index(batch_op.f("ix_bezwaren_beslissing_id"), ["beslissing_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_bezwaren_zaak_id"), ["zaak_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("bezwaren") as batch_op:
        batch_op.drop_index(batch_op.f("ix_bezwaren_zaak_id"))
        batch_op.drop_index(batch_op.f("ix_bezwaren_beslissing_id"))

    op.drop_table("bezwaren")
    with op.batch_alter_table("beroepen") as batch_op:
        batch_op.drop_index(batch_op.f("ix_beroepen_zaak_id"))
        batch_op.drop_index(batch_op.f("ix_beroepen_beslissing_id"))

    op.drop_table("beroepen")
