"""Issue 13: tamper evidence that holds against someone with database access. The chains are keyed with a key
outside the database (re-hashing without it is detected, a wrong key fails), the rows sealed before the key keep
verifying, and signed heads anchored outside the database reveal truncation and rewritten history; a forged
anchor line is detected."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime

import pytest
from sqlalchemy import text

from app.audit import SYSTEM, record_access
from app.audit_anchor import FILE_NAME, anchor, verify_anchors
from app.audit_chain import GENESIS, check_chain, content_digest, link, row_hash, seal_all, verify_chain
from app.jobs import get_jobs
from app.models import AccessEntry
from app.models.types import utcnow
from tests.integration.audit_support import append_reads, by_chain_position, forced


@pytest.fixture
def anchor_dir(app, tmp_path):
    """The app with an anchor directory of its own (tests have none unless they ask)."""
    directory = tmp_path / "anchors"
    app.extensions["bevoegd_config"] = replace(app.extensions["bevoegd_config"], audit_anchor_dir=directory)
    get_jobs(app).anchor_dir = directory
    return directory


def rehash_plainly_from(db, rows: list[AccessEntry], start: int, key: bytes | None = None) -> None:
    """What an attacker with database rights but without the audit key does: recompute the digest and hash of
    every row from `start` (plain SHA-256, or a key he guessed) and move the head to the last."""
    previous = rows[start - 1].hash if start else GENESIS
    statements = []
    for entry in rows[start:]:
        canonical_row = _body(entry)
        digest, previous, prev_hash = link("", canonical_row, key), link(previous, canonical_row, key), previous
        statements.append(f"UPDATE access_entries SET reason = '{entry.reason}', content_sha256 = '{digest}', "
                          f"prev_hash = '{prev_hash}', hash = '{previous}' WHERE id = {entry.id}")
    db.rollback()
    for statement in statements:
        forced(db, "access_entries", statement)
    db.execute(text("UPDATE chain_heads SET hash = :h WHERE name = 'access'"), {"h": previous})
    db.commit()
    db.expire_all()


def _body(entry: AccessEntry) -> str:
    from app.audit_chain import _values, body

    return body("access", _values("access", entry))


def test_truncating_the_newest_sealed_rows_with_the_head_moved_back_is_caught_by_the_anchor(app, db, anchor_dir):
    append_reads(db, 5)
    seal_all(db)
    report = anchor(db, anchor_dir)
    assert report.checks["access"].written and report.checks["access"].anchor.chain_pos == 5
    rows = by_chain_position(db)
    forced(db, "access_entries", f"DELETE FROM access_entries WHERE id IN ({rows[3].id}, {rows[4].id})")
    db.execute(text("UPDATE chain_heads SET hash = :h WHERE name = 'access'"), {"h": rows[2].hash})
    db.commit()
    db.expire_all()
    assert verify_chain(db, "access") is None  # inside the database the shorter chain is consistent
    problem = verify_anchors(db, anchor_dir).checks["access"].problem
    assert "ingekort" in problem and "positie 5" in problem and "heeft er 3" in problem
    result = app.test_cli_runner().invoke(args=["audit", "verify"])
    assert result.exit_code == 1 and "access: OK (3 verzegeld" in result.output
    assert "access: BREUK ten opzichte van het anker: de keten is ingekort" in result.output


def test_an_edited_row_with_every_later_hash_recomputed_without_the_key_is_detected(app, db, anchor_dir):
    append_reads(db, 4)
    seal_all(db)
    anchor(db, anchor_dir)
    rows = by_chain_position(db)
    rows[1].reason = "vervalst"
    rehash_plainly_from(db, rows, 1)
    assert verify_chain(db, "access") == rows[1].id
    assert "herschreven" in verify_anchors(db, anchor_dir).checks["access"].problem
    rows = by_chain_position(db)
    rows[1].reason = "nog eens vervalst"
    rehash_plainly_from(db, rows, 1, key=b"een geraden sleutel")
    assert verify_chain(db, "access") == rows[1].id


def test_a_pending_row_cannot_be_forged_or_re_digested_without_the_key(db):
    (target,) = append_reads(db, 1)
    entry = db.get(AccessEntry, target)
    entry.reason = "vervalst"
    plain = link("", _body(entry))
    db.rollback()
    forced(db, "access_entries", f"UPDATE access_entries SET reason = 'vervalst', content_sha256 = '{plain}' "
                                 f"WHERE id = {target}")
    db.expire_all()
    assert check_chain(db, "access").broken == target


def test_with_the_wrong_key_verification_fails(db, tmp_path):
    append_reads(db, 3)
    seal_all(db)
    anchor(db, tmp_path)
    first = by_chain_position(db)[0].id
    assert check_chain(db, "access").broken is None
    assert check_chain(db, "access", key="een andere sleutel").broken == first
    assert check_chain(db, "audit", key="een andere sleutel").broken is None  # nothing logged there yet
    pending = record_access(db, SYSTEM, action="view", object_type="zaak", object_id=1, case_id="Z-1").id
    db.commit()
    assert check_chain(db, "access", key="een andere sleutel").broken == first
    forced(db, "access_entries", "DELETE FROM access_entries WHERE chain_pos IS NOT NULL")  # only the pending row
    db.execute(text(f"UPDATE chain_heads SET hash = '{GENESIS}' WHERE name = 'access'"))
    db.commit()
    assert check_chain(db, "access").broken is None  # the sealed rows gone: the right key accepts the pending one
    assert check_chain(db, "access", key="een andere sleutel").broken == pending
    report = verify_anchors(db, tmp_path, key="een andere sleutel")
    assert report.broken and report.forged == (1,) and report.checks["access"].anchor is None


def plain_rows(db, count: int) -> list[AccessEntry]:
    """Rows as the code before migration 0027 sealed them: plain SHA-256 digests and hashes; the head keyed
    from the next position, as the migration leaves it."""
    previous = GENESIS
    for n in range(count):
        entry = AccessEntry(ts_utc=utcnow(), actor_id="system", actor_display="Bevoegd (systeem)", role="system",
                            action="view", object_type="zaak", object_id=str(n), case_id="Z-1", result="ok",
                            origin="", reason=f"voor de sleutel {n}", chain_pos=n + 1, prev_hash=previous)
        entry.content_sha256 = content_digest("access", entry, keyed=False)
        entry.hash = previous = row_hash("access", entry, keyed=False)
        db.add(entry)
    db.flush()
    db.execute(text("UPDATE chain_heads SET hash = :h, keyed_from = :k WHERE name = 'access'"),
               {"h": previous, "k": count + 1})
    db.commit()
    return by_chain_position(db)


def test_rows_sealed_before_the_key_verify_and_the_first_keyed_row_pins_them(db, tmp_path):
    plain_rows(db, 3)
    append_reads(db, 2)
    assert seal_all(db)["access"] == 2
    rows = by_chain_position(db)
    assert rows[3].hash != row_hash("access", rows[3], keyed=False) == link(rows[2].hash, _body(rows[3]))
    assert check_chain(db, "access").broken is None and check_chain(db, "access").sealed == 5
    rows = by_chain_position(db)
    rows[1].reason = "vervalst"
    rehash_plainly_from(db, rows[:3], 1)  # the plain rows alone, re-hashed
    assert verify_chain(db, "access") == rows[3].id  # the first keyed row no longer links


def test_moving_the_key_boundary_to_pass_keyed_rows_off_as_plain_is_caught_by_the_anchor(db, tmp_path):
    plain_rows(db, 2)
    append_reads(db, 2)
    seal_all(db)
    anchor(db, tmp_path)
    rows = by_chain_position(db)
    rows[3].reason = "vervalst"
    rehash_plainly_from(db, rows, 2)
    db.execute(text("UPDATE chain_heads SET keyed_from = 99 WHERE name = 'access'"))
    db.commit()
    assert verify_chain(db, "access") is None  # consistent inside the database, as plain rows
    assert "de sleutel geldt volgens het anker vanaf positie 3" in verify_anchors(db, tmp_path).checks["access"].problem


def test_a_forged_anchor_line_is_detected_and_not_believed(app, db, anchor_dir):
    append_reads(db, 4)
    seal_all(db)
    anchor(db, anchor_dir)
    path = anchor_dir / FILE_NAME
    lines = path.read_text(encoding="utf-8").splitlines()
    genuine = json.loads(lines[-1])
    assert genuine["chain"] == "access" and len(lines) == 1  # the audit chain is empty: nothing to anchor
    rows = by_chain_position(db)
    forged = {**genuine, "chain_pos": 2, "hash": rows[1].hash, "time": utcnow().isoformat(timespec="seconds")}
    with path.open("a", encoding="utf-8") as file:
        file.write(json.dumps(forged) + "\n")  # a lower position, to cover a truncation to two rows
        file.write("geen json\n")
    report = verify_anchors(db, anchor_dir)
    assert report.forged == (2, 3) and report.broken
    assert report.checks["access"].anchor.chain_pos == 4 and report.checks["access"].problem is None
    result = app.test_cli_runner().invoke(args=["audit", "verify"])
    assert result.exit_code == 1
    assert "regel 2 van het ankerbestand is niet met de auditsleutel ondertekend" in result.output


def test_anchoring_refuses_a_chain_that_broke_since_the_last_anchor(app, db, anchor_dir):
    append_reads(db, 2)
    seal_all(db)
    anchor(db, anchor_dir)
    append_reads(db, 2)
    seal_all(db)
    target = by_chain_position(db)[3].id
    forced(db, "access_entries", f"UPDATE access_entries SET reason = 'vervalst' WHERE id = {target}")
    db.expire_all()
    before = (anchor_dir / FILE_NAME).read_text(encoding="utf-8")
    result = app.test_cli_runner().invoke(args=["audit", "anchor"])
    assert result.exit_code == 1 and f"regel {target} klopt niet" in result.output
    assert (anchor_dir / FILE_NAME).read_text(encoding="utf-8") == before


def test_the_job_queue_anchors_every_ten_minutes_and_only_a_grown_chain(app, db, anchor_dir):
    jobs = get_jobs(app)
    assert "anchor_audit" not in [t.name for t in jobs.huey.read_periodic(datetime(2026, 12, 7, 3, 17))]
    due = {t.name: t for t in jobs.huey.read_periodic(datetime(2026, 12, 7, 3, 20))}
    append_reads(db, 3)
    seal_all(db)
    assert jobs.huey.execute(due["anchor_audit"]) == {"audit": "ongewijzigd", "access": "verankerd"}
    assert jobs.huey.execute(due["anchor_audit"]) == {"audit": "ongewijzigd", "access": "ongewijzigd"}
    assert len((anchor_dir / FILE_NAME).read_text(encoding="utf-8").splitlines()) == 1


def test_the_auditor_page_shows_the_last_anchor_and_a_truncation(app, db, anchor_dir, client, login_as):
    login_as("auditor")
    append_reads(db, 3)
    seal_all(db)
    anchor(db, anchor_dir)
    page = client.get("/audit").get_data(as_text=True)
    assert "Toegangslog: laatste anker op positie 3" in page and "de keten komt ermee overeen" in page
    last = by_chain_position(db)[-1]
    forced(db, "access_entries", f"DELETE FROM access_entries WHERE id = {last.id}")
    db.execute(text("UPDATE chain_heads SET hash = :h WHERE name = 'access'"), {"h": last.prev_hash})
    db.commit()
    page = client.get("/audit").get_data(as_text=True)
    assert "de keten klopt niet met het laatste anker: de keten is ingekort" in page
