"""Audit sealing: requests append log rows without touching the chain head, a sealer chains them in batches,
and verification checks the sealed chain and the pending rows; tampering with either is detected."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import event, func, select, text

from app.audit import SYSTEM, record_access, record_change, redact_snapshots
from app.audit_chain import GENESIS, REDACTED, ChainCheck, check_chain, content_digest, seal, seal_all, verify_chain
from app.db import make_engine, session_scope
from app.jobs import get_jobs
from app.models import AccessEntry, AuditEntry, ChainHead, Vernietiging
from app.services.intake import submit_melding
from tests.factories import melding
from tests.integration.audit_support import append_reads, by_chain_position, forced


@pytest.fixture
def zaak(app, db, users, today):
    return submit_melding(db, app.extensions["bevoegd"], melding(), users["handhaving"], today)


def test_a_request_appends_pending_rows_and_never_reads_the_chain_head(app, db, zaak, client, login_as):
    login_as("jurist")
    statements = []
    engine = app.extensions["db_engine"]

    def listen(_conn, _cursor, statement, *_args) -> None:
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", listen)
    try:
        assert client.get(f"/zaken/{zaak.id}").status_code == 200  # a read: it writes an access row
    finally:
        event.remove(engine, "before_cursor_execute", listen)
    assert [s for s in statements if s.lstrip().upper().startswith("INSERT INTO ACCESS_ENTRIES")]
    assert not [s for s in statements if "chain_heads" in s]
    db.expire_all()
    rows = list(db.scalars(select(AuditEntry))) + list(db.scalars(select(AccessEntry)))
    assert rows and all(r.chain_pos is None and r.hash is None and r.content_sha256 for r in rows)
    assert db.get(ChainHead, "access").hash == GENESIS
    check = check_chain(db, "access")
    assert check.broken is None and check.sealed == 0 and check.pending >= 1


def test_seal_chains_every_pending_row_and_later_rows_continue_the_chain(db, zaak):
    pending = db.scalar(select(func.count()).select_from(AuditEntry))
    assert seal_all(db)["audit"] == pending
    rows = list(db.scalars(select(AuditEntry).order_by(AuditEntry.chain_pos)))
    assert [r.chain_pos for r in rows] == list(range(1, pending + 1))
    assert rows[0].prev_hash == GENESIS and all(b.prev_hash == a.hash for a, b in zip(rows, rows[1:], strict=False))
    assert db.get(ChainHead, "audit").hash == rows[-1].hash
    assert seal_all(db) == {"audit": 0, "access": 0}
    new = append_reads(db, 3)
    sealed_before = check_chain(db, "access").sealed
    assert check_chain(db, "access").pending == 3
    assert seal(db, "access", limit=2) == 2
    db.commit()
    assert check_chain(db, "access") == ChainCheck(None, sealed_before + 2, 1)
    seal_all(db)
    assert [r.id for r in by_chain_position(db)][-3:] == new
    assert verify_chain(db, "audit") is None and verify_chain(db, "access") is None


def test_a_row_committed_after_a_later_one_was_sealed_is_sealed_in_a_later_batch(db, database_url):
    """PostgreSQL hands out ids before commit: a smaller id can become visible after a larger one was sealed."""
    if database_url.startswith("sqlite"):
        pytest.skip("SQLite serialises writers: its rows commit in id order")
    engine = make_engine(database_url)
    with session_scope(engine) as slow:
        late = record_access(slow, SYSTEM, action="view", object_type="zaak", object_id=1, case_id="Z-1").id
        (early,) = append_reads(db, 1)
        assert late < early and seal_all(db)["access"] == 1
        slow.commit()
    engine.dispose()
    assert seal_all(db)["access"] == 1
    assert [r.id for r in by_chain_position(db)] == [early, late]  # chain order is not id order
    assert verify_chain(db, "access") is None


def test_an_edited_sealed_row_is_detected(db, zaak):
    seal_all(db)
    target = db.scalars(select(AuditEntry).order_by(AuditEntry.chain_pos).offset(2)).first().id
    forced(db, "audit_entries", f"UPDATE audit_entries SET resource_weergave = 'vervalst' WHERE id = {target}")
    db.expire_all()
    assert verify_chain(db, "audit") == target


def test_a_sealed_row_edited_with_its_digest_recomputed_still_breaks_the_chain(db):
    append_reads(db, 3)
    seal_all(db)
    target = by_chain_position(db)[1]
    target.reason = "vervalst"
    forged = content_digest("access", target)
    db.rollback()
    forced(db, "access_entries",
           f"UPDATE access_entries SET reason = 'vervalst', content_sha256 = '{forged}' WHERE id = {target.id}")
    db.expire_all()
    assert verify_chain(db, "access") == target.id


def test_a_deleted_sealed_row_is_detected(db):
    ids = append_reads(db, 4)
    seal_all(db)
    forced(db, "access_entries", f"DELETE FROM access_entries WHERE id = {ids[1]}")
    db.expire_all()
    assert verify_chain(db, "access") == ids[2]  # the next row no longer links


def test_deleting_the_last_sealed_row_is_a_head_mismatch(db):
    ids = append_reads(db, 3)
    seal_all(db)
    forced(db, "access_entries", f"DELETE FROM access_entries WHERE id = {ids[-1]}")
    db.expire_all()
    assert verify_chain(db, "access") == -1


def test_a_moved_chain_head_is_detected(db):
    append_reads(db, 2)
    seal_all(db)
    db.execute(text("UPDATE chain_heads SET hash = :h WHERE name = 'access'"), {"h": "f" * 64})
    db.commit()
    db.expire_all()
    assert verify_chain(db, "access") == -1


@pytest.mark.parametrize("change", ["reason = 'vervalst'", "content_sha256 = NULL", "hash = 'x'"])
def test_an_edited_pending_row_is_detected(db, change):
    ids = append_reads(db, 3)
    forced(db, "access_entries", f"UPDATE access_entries SET {change} WHERE id = {ids[1]}")
    db.expire_all()
    check = check_chain(db, "access")
    assert check.broken == ids[1] and check.pending == 3


def test_the_database_allows_only_the_sealing_of_a_pending_row(db):
    first, second = append_reads(db, 2)
    seal_columns = "chain_pos = 99, prev_hash = 'p', hash = 'h'"
    refused = [f"UPDATE access_entries SET reason = 'x' WHERE id = {first}",
               f"UPDATE access_entries SET {seal_columns}, reason = 'x' WHERE id = {first}",
               f"UPDATE access_entries SET chain_pos = 99 WHERE id = {first}",  # half a seal
               f"DELETE FROM access_entries WHERE id = {first}"]
    for statement in refused:
        with pytest.raises(Exception, match="append-only"):
            db.execute(text(statement))
        db.rollback()
    db.execute(text(f"UPDATE access_entries SET {seal_columns} WHERE id = {first}"))  # the sealing itself
    with pytest.raises(Exception, match="append-only"):  # once sealed, never again
        db.execute(text(f"UPDATE access_entries SET chain_pos = 98 WHERE id = {first}"))
    db.rollback()
    seal_all(db)
    for statement in (f"UPDATE access_entries SET hash = 'h' WHERE id = {second}",
                      f"UPDATE access_entries SET chain_pos = NULL, prev_hash = NULL, hash = NULL WHERE id = {second}"):
        with pytest.raises(Exception, match="append-only"):
            db.execute(text(statement))
        db.rollback()


def test_the_job_queue_seals_every_minute(app, db, zaak):
    jobs = get_jobs(app)
    due = [t.name for t in jobs.huey.read_periodic(datetime(2026, 12, 7, 3, 17))]
    assert "seal_audit" in due and "sweep_outbox" in due
    task = next(t for t in jobs.huey.read_periodic(datetime(2026, 12, 7, 3, 17)) if t.name == "seal_audit")
    sealed = jobs.huey.execute(task)
    assert sealed["audit"] >= 4 and sealed["access"] >= 0
    db.expire_all()
    assert check_chain(db, "audit").pending == 0 and verify_chain(db, "audit") is None


def test_flask_audit_seal_and_verify(app, db, zaak):
    runner = app.test_cli_runner()
    before = runner.invoke(args=["audit", "verify"])
    assert before.exit_code == 0 and "audit: OK (0 verzegeld" in before.output
    sealed = runner.invoke(args=["audit", "seal", "--batch", "2"])
    assert sealed.exit_code == 0 and "audit: " in sealed.output and "regel(s) verzegeld" in sealed.output
    after = runner.invoke(args=["audit", "verify"])
    assert after.exit_code == 0 and "audit: OK" in after.output and "0 nog te verzegelen" in after.output
    target = db.scalars(select(AuditEntry.id).order_by(AuditEntry.chain_pos)).first()
    forced(db, "audit_entries", f"UPDATE audit_entries SET toelichting = 'vervalst' WHERE id = {target}")
    broken = runner.invoke(args=["audit", "verify"])
    assert broken.exit_code == 1 and f"audit: BREUK bij regel {target}" in broken.output


def test_a_statutory_redaction_of_sealed_and_pending_rows_keeps_both_verifiable(db, zaak, today):
    seal_all(db)
    record_change(db, SYSTEM, actie="update", hoofd_object=zaak.identificatie, resource="zaak", resource_id=zaak.id,
                  weergave="na het verzegelen", oud={"a": 1}, nieuw={"a": 2})  # pending
    db.commit()
    with pytest.raises(Exception, match="append-only"):  # not in destruction: refused
        redact_snapshots(db, zaak.identificatie)
    db.rollback()
    db.add(Vernietiging(zaak_id=zaak.id, identificatie=zaak.identificatie, zaaktype=zaak.zaaktype,
                        grondslag="test", bewaren_tot=today, aantal_documenten=0))
    assert redact_snapshots(db, zaak.identificatie) >= 5
    db.commit()
    db.expire_all()
    rows = list(db.scalars(select(AuditEntry).where(AuditEntry.hoofd_object == zaak.identificatie)))
    assert all(r.wijzigingen == REDACTED for r in rows) and any(r.chain_pos is None for r in rows)
    assert check_chain(db, "audit").broken is not None  # wiped, but no destruction on record: tampering
    record_change(db, SYSTEM, actie="destroy", hoofd_object=zaak.identificatie, resource="zaak", resource_id=zaak.id,
                  weergave="Dossier vernietigd na afloop van de bewaartermijn")  # as services/retention does
    db.commit()
    assert check_chain(db, "audit") == ChainCheck(None, len(rows) - 1, 2)
    assert seal_all(db)["audit"] == 2 and verify_chain(db, "audit") is None


def test_the_auditor_page_shows_how_many_rows_wait_for_sealing(db, zaak, client, login_as):
    login_as("auditor")
    assert "Nog niet in de keten opgenomen" in client.get("/audit").get_data(as_text=True)
    seal_all(db)  # the page checks before it logs its own search, so nothing is pending at the next visit
    page = client.get("/audit").get_data(as_text=True)
    assert "de keten klopt" in page and "Nog niet in de keten opgenomen" not in page
