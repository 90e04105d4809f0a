"""Audit trail and access log: one trail per created object, append-only, and a hash chain that verifies."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text

from app.audit import verify_chain
from app.models import AuditEntry
from app.services.intake import submit_melding
from tests.factories import melding


@pytest.fixture
def zaak(app, db, users, today):
    return submit_melding(db, app.extensions["bevoegd"], melding(), users["handhaving"], today)


def test_intake_writes_one_trail_per_object_under_the_zaak(db, zaak):
    rows = db.scalars(select(AuditEntry).where(AuditEntry.hoofd_object == zaak.identificatie)).all()
    created = sorted(r.resource for r in rows if r.actie == "create")
    assert created == ["betrokkene", "betrokkene", "melding", "zaak"]
    assert all(r.wijzigingen["oud"] is None for r in rows if r.actie == "create")


def test_both_chains_verify(db, zaak):
    assert verify_chain(db, "audit") is None
    assert verify_chain(db, "access") is None


def test_audit_rows_cannot_be_updated_or_deleted(db, zaak):
    for statement in ("UPDATE audit_entries SET toelichting = 'x'", "DELETE FROM audit_entries"):
        with pytest.raises(Exception, match="append-only"):
            db.execute(text(statement))
        db.rollback()


def test_tampering_is_detected_by_verify(db, zaak):
    entry = db.scalars(select(AuditEntry).order_by(AuditEntry.id)).first()
    entry.resource_weergave = "gewijzigd"  # in memory only: the trigger forbids the UPDATE itself
    with db.no_autoflush:
        assert verify_chain(db, "audit") == entry.id
    db.rollback()


def test_recorded_judgements_can_only_be_superseded(db, zaak, users):
    from tests.flows import judge_one

    judge_one(db, zaak, "geschiktheid", "voldaan", "Omdat.", users["jurist"])
    with pytest.raises(Exception, match="immutable"):
        db.execute(text("UPDATE oordelen SET reasoning = 'anders'"))
    db.rollback()
    db.execute(text("UPDATE oordelen SET superseded_at = CURRENT_TIMESTAMP"))
    db.rollback()
