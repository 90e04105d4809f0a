"""create schema

Revision ID: 0001
Revises: 
"""

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('access_entries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('ts_utc', sa.DateTime(timezone=True), nullable=False),
    sa.Column('actor_id', sa.String(length=40), nullable=False),
    sa.Column('actor_display', sa.String(length=200), nullable=False),
    sa.Column('role', sa.String(length=40), nullable=False),
    sa.Column('action', sa.Enum('view', 'search', 'download', 'preview', 'export', name='access_action', native_enum=False, create_constraint=True, length=40), nullable=False),
    sa.Column('object_type', sa.String(length=40), nullable=False),
    sa.Column('object_id', sa.String(length=40), nullable=False),
    sa.Column('case_id', sa.String(length=40), nullable=False),
    sa.Column('result', sa.Enum('ok', 'denied', 'error', name='access_result', native_enum=False, create_constraint=True, length=40), nullable=False),
    sa.Column('origin', sa.String(length=64), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_access_entries'))
    )
    with op.batch_alter_table('access_entries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_access_entries_case_id'), ['case_id'], unique=False)

    op.create_table('audit_entries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('bron', sa.String(length=40), nullable=False),
    sa.Column('gebruikers_id', sa.String(length=40), nullable=False),
    sa.Column('gebruikers_weergave', sa.String(length=200), nullable=False),
    sa.Column('actie', sa.String(length=40), nullable=False),
    sa.Column('actie_weergave', sa.String(length=200), nullable=False),
    sa.Column('resultaat', sa.Integer(), nullable=False),
    sa.Column('hoofd_object', sa.String(length=100), nullable=False),
    sa.Column('resource', sa.String(length=40), nullable=False),
    sa.Column('resource_id', sa.String(length=40), nullable=False),
    sa.Column('resource_weergave', sa.String(length=300), nullable=False),
    sa.Column('toelichting', sa.Text(), nullable=False),
    sa.Column('wijzigingen', sa.JSON(), nullable=False),
    sa.Column('aanmaakdatum', sa.DateTime(timezone=True), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_entries')),
    sa.UniqueConstraint('uuid', name=op.f('uq_audit_entries_uuid'))
    )
    with op.batch_alter_table('audit_entries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_entries_hoofd_object'), ['hoofd_object'], unique=False)

    op.create_table('chain_heads',
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_chain_heads'))
    )
    op.create_table('login_failures',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=80), nullable=False),
    sa.Column('ip', sa.String(length=64), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_login_failures'))
    )
    with op.batch_alter_table('login_failures', schema=None) as batch_op:
        batch_op.create_index('ix_login_failures_at', ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_login_failures_ip'), ['ip'], unique=False)
        batch_op.create_index(batch_op.f('ix_login_failures_username'), ['username'], unique=False)

    op.create_table('users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=80), nullable=False),
    sa.Column('display_name', sa.String(length=200), nullable=False),
    sa.Column('role', sa.Enum('handhaving', 'jurist', 'kabinet', 'beheerder', 'auditor', name='role', native_enum=False, create_constraint=True, length=40), nullable=False),
    sa.Column('team', sa.String(length=80), nullable=False),
    sa.Column('zaaktypes', sa.JSON(), nullable=False),
    sa.Column('max_vertrouwelijkheid', sa.Enum('openbaar', 'beperkt_openbaar', 'intern', 'zaakvertrouwelijk', 'vertrouwelijk', 'confidentieel', 'geheim', 'zeer_geheim', name='max_vertrouwelijkheid', native_enum=False, create_constraint=True, length=40), nullable=False),
    sa.Column('password_hash', sa.String(length=200), nullable=False),
    sa.Column('phone', sa.String(length=40), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('username', name=op.f('uq_users_username'))
    )
    op.create_table('login_sessions',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_seen_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('auth_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_login_sessions_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_login_sessions'))
    )
    with op.batch_alter_table('login_sessions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_login_sessions_user_id'), ['user_id'], unique=False)

    op.create_table('mandaten',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('besluittype', sa.String(length=40), nullable=False),
    sa.Column('ondertekening', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_mandaten_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mandaten'))
    )
    with op.batch_alter_table('mandaten', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mandaten_user_id'), ['user_id'], unique=False)

    op.create_table('zaken',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('identificatie', sa.String(length=40), nullable=False),
    sa.Column('bronorganisatie', sa.String(length=9), nullable=False),
    sa.Column('zaaktype', sa.Enum('damocles', name='zaaktype', native_enum=False, create_constraint=True, length=40), nullable=False),
    sa.Column('fase', sa.Enum('melding', 'feiten', 'bevoegdheid', 'beleid', 'evenredigheid', 'voornemen', 'besluit', 'review', 'verzending', 'nazorg', 'afgesloten', name='fase', native_enum=False, create_constraint=True, length=40), nullable=False),
    sa.Column('omschrijving', sa.String(length=300), nullable=False),
    sa.Column('vertrouwelijkheidaanduiding', sa.Enum('openbaar', 'beperkt_openbaar', 'intern', 'zaakvertrouwelijk', 'vertrouwelijk', 'confidentieel', 'geheim', 'zeer_geheim', name='vertrouwelijkheidaanduiding', native_enum=False, create_constraint=True, length=40), nullable=False),
    sa.Column('team', sa.String(length=80), nullable=False),
    sa.Column('registratiedatum', sa.Date(), nullable=False),
    sa.Column('startdatum', sa.Date(), nullable=False),
    sa.Column('einddatum', sa.Date(), nullable=True),
    sa.Column('adres_straat', sa.String(length=200), nullable=False),
    sa.Column('adres_huisnummer', sa.String(length=20), nullable=False),
    sa.Column('adres_postcode', sa.String(length=7), nullable=False),
    sa.Column('adres_woonplaats', sa.String(length=100), nullable=False),
    sa.Column('adres_sleutel', sa.String(length=120), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_zaken_created_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_zaken')),
    sa.UniqueConstraint('identificatie', name=op.f('uq_zaken_identificatie'))
    )
    with op.batch_alter_table('zaken', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_zaken_adres_sleutel'), ['adres_sleutel'], unique=False)

    op.create_table('beoordelingen',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('zaak_id', sa.Integer(), nullable=False),
    sa.Column('peildatum', sa.Date(), nullable=False),
    sa.Column('beoordeeld_op', sa.Date(), nullable=False),
    sa.Column('ruleset', sa.String(length=80), nullable=False),
    sa.Column('rules_sha256', sa.String(length=64), nullable=False),
    sa.Column('engine', sa.String(length=80), nullable=False),
    sa.Column('bevoegdheid', sa.String(length=40), nullable=False),
    sa.Column('assessment', sa.JSON(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_beoordelingen_created_by_id_users')),
    sa.ForeignKeyConstraint(['zaak_id'], ['zaken.id'], name=op.f('fk_beoordelingen_zaak_id_zaken')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_beoordelingen'))
    )
    with op.batch_alter_table('beoordelingen', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_beoordelingen_zaak_id'), ['zaak_id'], unique=False)

    op.create_table('betrokkenen',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('zaak_id', sa.Integer(), nullable=False),
    sa.Column('roltype', sa.Enum('overtreder', 'bewoner', 'rechthebbende', 'gezaghebbende_ouder', 'melder', name='roltype', native_enum=False, create_constraint=True, length=40), nullable=False),
    sa.Column('rechthebbende_soort', sa.Enum('eigenaar', 'verhuurder', 'woningcorporatie', 'niet_van_toepassing', name='rechthebbende_soort', native_enum=False, create_constraint=True, length=40), nullable=False),
    sa.Column('naam', sa.String(length=200), nullable=False),
    sa.Column('is_organisatie', sa.Boolean(), nullable=False),
    sa.Column('geboortedatum', sa.Date(), nullable=True),
    sa.Column('straat', sa.String(length=200), nullable=False),
    sa.Column('huisnummer', sa.String(length=20), nullable=False),
    sa.Column('postcode', sa.String(length=7), nullable=False),
    sa.Column('woonplaats', sa.String(length=100), nullable=False),
    sa.ForeignKeyConstraint(['zaak_id'], ['zaken.id'], name=op.f('fk_betrokkenen_zaak_id_zaken')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_betrokkenen'))
    )
    with op.batch_alter_table('betrokkenen', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_betrokkenen_zaak_id'), ['zaak_id'], unique=False)

    op.create_table('meldingen',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('zaak_id', sa.Integer(), nullable=False),
    sa.Column('submission_id', sa.String(length=64), nullable=False),
    sa.Column('bron_soort', sa.Enum('bestuurlijke_rapportage', 'proces_verbaal', 'boa_rapport', 'melding', name='bron_soort', native_enum=False, create_constraint=True, length=40), nullable=False),
    sa.Column('bron_kenmerk', sa.String(length=100), nullable=False),
    sa.Column('bron_datum', sa.Date(), nullable=False),
    sa.Column('pleegdatum', sa.Date(), nullable=False),
    sa.Column('toelichting', sa.Text(), nullable=False),
    sa.Column('gegevens', sa.JSON(), nullable=False),
    sa.Column('reporter_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.CheckConstraint('bron_datum >= pleegdatum', name=op.f('ck_meldingen_bron_na_pleegdatum')),
    sa.ForeignKeyConstraint(['reporter_id'], ['users.id'], name=op.f('fk_meldingen_reporter_id_users')),
    sa.ForeignKeyConstraint(['zaak_id'], ['zaken.id'], name=op.f('fk_meldingen_zaak_id_zaken')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meldingen')),
    sa.UniqueConstraint('submission_id', name=op.f('uq_meldingen_submission_id'))
    )
    with op.batch_alter_table('meldingen', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meldingen_zaak_id'), ['zaak_id'], unique=False)

    op.create_table('oordelen',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('zaak_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=60), nullable=False),
    sa.Column('outcome', sa.String(length=60), nullable=False),
    sa.Column('reasoning', sa.Text(), nullable=False),
    sa.Column('details', sa.JSON(), nullable=False),
    sa.Column('recorded_by_id', sa.Integer(), nullable=False),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('superseded_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint('length(trim(reasoning)) > 0', name=op.f('ck_oordelen_reasoning_required')),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['users.id'], name=op.f('fk_oordelen_recorded_by_id_users')),
    sa.ForeignKeyConstraint(['zaak_id'], ['zaken.id'], name=op.f('fk_oordelen_zaak_id_zaken')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_oordelen'))
    )
    with op.batch_alter_table('oordelen', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_oordelen_zaak_id'), ['zaak_id'], unique=False)
        batch_op.create_index('uq_oordelen_actief', ['zaak_id', 'code'], unique=True, sqlite_where=sa.text('superseded_at IS NULL'), postgresql_where=sa.text('superseded_at IS NULL'))

    op.create_table('beslissingen',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('zaak_id', sa.Integer(), nullable=False),
    sa.Column('beoordeling_id', sa.Integer(), nullable=False),
    sa.Column('soort', sa.Enum('waarschuwing', 'voornemen_sluiting', 'sluiting', name='soort', native_enum=False, create_constraint=True, length=40), nullable=False),
    sa.Column('status', sa.Enum('concept', 'ter_vaststelling', 'vastgesteld', 'verzonden', name='status', native_enum=False, create_constraint=True, length=40), nullable=False),
    sa.Column('besluit', sa.Boolean(), nullable=False),
    sa.Column('review_mode', sa.Enum('vooraf', 'achteraf', name='review_mode', native_enum=False, create_constraint=True, length=40), nullable=False),
    sa.Column('maatregel', sa.JSON(), nullable=False),
    sa.Column('afwijking_beleid', sa.Boolean(), nullable=False),
    sa.Column('toelichting', sa.Text(), nullable=False),
    sa.Column('datum', sa.Date(), nullable=True),
    sa.Column('verzenddatum', sa.Date(), nullable=False),
    sa.Column('ingangsdatum', sa.Date(), nullable=True),
    sa.Column('vervaldatum', sa.Date(), nullable=True),
    sa.Column('uiterlijke_reactiedatum', sa.Date(), nullable=True),
    sa.Column('zienswijze_tot', sa.Date(), nullable=True),
    sa.Column('begunstigingstermijn_tot', sa.Date(), nullable=True),
    sa.Column('drafter_id', sa.Integer(), nullable=False),
    sa.Column('ondertekenaar_id', sa.Integer(), nullable=True),
    sa.Column('approver_id', sa.Integer(), nullable=True),
    sa.Column('approved_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('verzonden_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.CheckConstraint("(status IN ('vastgesteld', 'verzonden')) = (approver_id IS NOT NULL AND approved_at IS NOT NULL)", name=op.f('ck_beslissingen_approver_iff_approved')),
    sa.CheckConstraint("review_mode = 'achteraf' OR approver_id IS NULL OR approver_id <> drafter_id", name=op.f('ck_beslissingen_four_eyes')),
    sa.CheckConstraint("status <> 'verzonden' OR verzonden_at IS NOT NULL", name=op.f('ck_beslissingen_verzonden_has_moment')),
    sa.CheckConstraint("status = 'concept' OR ondertekenaar_id IS NOT NULL", name=op.f('ck_beslissingen_ondertekenaar_named')),
    sa.CheckConstraint('besluit OR uiterlijke_reactiedatum IS NULL', name=op.f('ck_beslissingen_reactiedatum_only_besluit')),
    sa.CheckConstraint('ingangsdatum IS NULL OR ingangsdatum > verzenddatum', name=op.f('ck_beslissingen_ingang_after_verzending')),
    sa.CheckConstraint('uiterlijke_reactiedatum IS NULL OR uiterlijke_reactiedatum > verzenddatum', name=op.f('ck_beslissingen_reactiedatum_after_verzending')),
    sa.CheckConstraint('vervaldatum IS NULL OR vervaldatum > ingangsdatum', name=op.f('ck_beslissingen_verval_after_ingang')),
    sa.ForeignKeyConstraint(['approver_id'], ['users.id'], name=op.f('fk_beslissingen_approver_id_users')),
    sa.ForeignKeyConstraint(['beoordeling_id'], ['beoordelingen.id'], name=op.f('fk_beslissingen_beoordeling_id_beoordelingen')),
    sa.ForeignKeyConstraint(['drafter_id'], ['users.id'], name=op.f('fk_beslissingen_drafter_id_users')),
    sa.ForeignKeyConstraint(['ondertekenaar_id'], ['users.id'], name=op.f('fk_beslissingen_ondertekenaar_id_users')),
    sa.ForeignKeyConstraint(['zaak_id'], ['zaken.id'], name=op.f('fk_beslissingen_zaak_id_zaken')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_beslissingen'))
    )
    with op.batch_alter_table('beslissingen', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_beslissingen_zaak_id'), ['zaak_id'], unique=False)

    op.create_table('documenten',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('beslissing_id', sa.Integer(), nullable=False),
    sa.Column('zaak_id', sa.Integer(), nullable=False),
    sa.Column('versie', sa.Integer(), nullable=False),
    sa.Column('ontvanger_rol', sa.String(length=40), nullable=False),
    sa.Column('ontvanger_naam', sa.String(length=200), nullable=False),
    sa.Column('template', sa.String(length=200), nullable=False),
    sa.Column('template_sha256', sa.String(length=64), nullable=False),
    sa.Column('titel', sa.String(length=300), nullable=False),
    sa.Column('bestandsnaam', sa.String(length=200), nullable=False),
    sa.Column('formaat', sa.String(length=100), nullable=False),
    sa.Column('taal', sa.String(length=3), nullable=False),
    sa.Column('vertrouwelijkheidaanduiding', sa.String(length=40), nullable=False),
    sa.Column('status', sa.Enum('in_bewerking', 'ter_vaststelling', 'definitief', 'gearchiveerd', name='document_status', native_enum=False, create_constraint=True, length=40), nullable=False),
    sa.Column('inhoud', sa.LargeBinary(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('context', sa.JSON(), nullable=False),
    sa.Column('library_versions', sa.JSON(), nullable=False),
    sa.Column('creatiedatum', sa.Date(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['beslissing_id'], ['beslissingen.id'], name=op.f('fk_documenten_beslissing_id_beslissingen')),
    sa.ForeignKeyConstraint(['zaak_id'], ['zaken.id'], name=op.f('fk_documenten_zaak_id_zaken')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_documenten'))
    )
    with op.batch_alter_table('documenten', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_documenten_beslissing_id'), ['beslissing_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_documenten_zaak_id'), ['zaak_id'], unique=False)

    op.create_table('reviewrondes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('beslissing_id', sa.Integer(), nullable=False),
    sa.Column('reviewer_id', sa.Integer(), nullable=False),
    sa.Column('resultaat', sa.Enum('goedgekeurd', 'teruggestuurd', name='resultaat', native_enum=False, create_constraint=True, length=40), nullable=False),
    sa.Column('opmerking', sa.Text(), nullable=False),
    sa.Column('document_hashes', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("resultaat = 'goedgekeurd' OR length(trim(opmerking)) > 0", name=op.f('ck_reviewrondes_return_needs_comment')),
    sa.ForeignKeyConstraint(['beslissing_id'], ['beslissingen.id'], name=op.f('fk_reviewrondes_beslissing_id_beslissingen')),
    sa.ForeignKeyConstraint(['reviewer_id'], ['users.id'], name=op.f('fk_reviewrondes_reviewer_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reviewrondes'))
    )
    with op.batch_alter_table('reviewrondes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reviewrondes_beslissing_id'), ['beslissing_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('reviewrondes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reviewrondes_beslissing_id'))

    op.drop_table('reviewrondes')
    with op.batch_alter_table('documenten', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_documenten_zaak_id'))
        batch_op.drop_index(batch_op.f('ix_documenten_beslissing_id'))

    op.drop_table('documenten')
    with op.batch_alter_table('beslissingen', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_beslissingen_zaak_id'))

    op.drop_table('beslissingen')
    with op.batch_alter_table('oordelen', schema=None) as batch_op:
        batch_op.drop_index('uq_oordelen_actief', sqlite_where=sa.text('superseded_at IS NULL'), postgresql_where=sa.text('superseded_at IS NULL'))
        batch_op.drop_index(batch_op.f('ix_oordelen_zaak_id'))

    op.drop_table('oordelen')
    with op.batch_alter_table('meldingen', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meldingen_zaak_id'))

    op.drop_table('meldingen')
    with op.batch_alter_table('betrokkenen', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_betrokkenen_zaak_id'))

    op.drop_table('betrokkenen')
    with op.batch_alter_table('beoordelingen', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_beoordelingen_zaak_id'))

    op.drop_table('beoordelingen')
    with op.batch_alter_table('zaken', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_zaken_adres_sleutel'))

    op.drop_table('zaken')
    with op.batch_alter_table('mandaten', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mandaten_user_id'))

    op.drop_table('mandaten')
    with op.batch_alter_table('login_sessions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_login_sessions_user_id'))

    op.drop_table('login_sessions')
    op.drop_table('users')
    with op.batch_alter_table('login_failures', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_login_failures_username'))
        batch_op.drop_index(batch_op.f('ix_login_failures_ip'))
        batch_op.drop_index('ix_login_failures_at')

    op.drop_table('login_failures')
    op.drop_table('chain_heads')
    with op.batch_alter_table('audit_entries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_entries_hoofd_object'))

    op.drop_table('audit_entries')
    with op.batch_alter_table('access_entries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_access_entries_case_id'))

    op.drop_table('access_entries')
