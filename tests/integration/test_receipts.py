"""Receipts by reference in the database (issue 12): stored small, each shared part once, read back to the
same Assessment and the same case page; receipts stored before (full copies) stay readable."""

from __future__ import annotations

import hashlib
import json
import re
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import func, select, text
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session

from app.audit import Actor
from app.db import make_engine, session_scope
from app.domain.assessment import Assessment
from app.domain.receipt import by_reference, digest
from app.models import Beoordeling, Parameterset, Regelset, User, Zaak
from app.services.assessment import current_assessment, evaluate_scenario, latest
from app.services.intake import submit_melding
from app.services.parameters import overlay_for
from app.services.receipts import assessment_of, insert_if_absent, rerun
from tests.factories import melding
from tests.integration.test_migrations import alembic_config

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "receipts"


def _zaak(db: Session, app: Any, users: dict[str, User], today: Any) -> Zaak:
    return submit_melding(db, app.extensions["bevoegd"], melding(), users["handhaving"], today)


def _store_full_copy(db: Session, zaak: Zaak, data: dict[str, Any], user: User) -> Beoordeling:
    """A receipt as the code before issue 12 stored it: the whole Assessment.to_dict, no references."""
    row = Beoordeling(zaak_id=zaak.id, peildatum=zaak.melding.pleegdatum, beoordeeld_op=zaak.melding.pleegdatum,
                      ruleset=data["ruleset"], rules_sha256=data["rules_sha256"], engine=data["engine"],
                      bevoegdheid=Assessment.from_dict(data).bevoegdheid, assessment=data, sha256=digest(data),
                      created_by_id=user.id)
    db.add(row)
    db.commit()
    return row


def _advice(html: str) -> str:
    """The advice section of a case page (nested sections included)."""
    start = html.index('<section aria-labelledby="advies">')
    depth, pos = 0, start
    for tag in re.finditer(r"<(/?)section\b", html[start:]):
        depth += -1 if tag.group(1) else 1
        pos = start + tag.end()
        if depth == 0:
            break
    return html[start:pos]


def test_stores_the_case_part_and_reads_back_the_assessment_the_engine_made(app, db, users, today) -> None:
    rt = app.extensions["bevoegd"]
    row = latest(db, _zaak(db, app, users, today))
    assert by_reference(row.assessment) and row.regelset_id and row.parameterset_id
    assert "not_fired" not in row.assessment and "parameters" not in row.assessment
    back = assessment_of(row)
    fresh = evaluate_scenario(rt, back.power, back.peildatum, back.facts, beslisdatum=back.beslisdatum,
                              overlay=overlay_for(db, back.power))  # the test set-up confirms policy values
    assert back.to_dict() == fresh.to_dict()
    assert len(back.not_fired) > 10 and back.fired
    full, stored = json.dumps(back.to_dict()), json.dumps(row.assessment)
    assert len(stored) * 10 < len(full), (len(stored), len(full))


def test_writes_each_shared_part_once_when_many_cases_are_assessed(app, db, users, today) -> None:
    rows = [latest(db, _zaak(db, app, users, today)) for _ in range(3)]
    assert db.scalar(select(func.count()).select_from(Regelset)) == 1
    assert db.scalar(select(func.count()).select_from(Parameterset)) == 1
    assert {r.regelset_id for r in rows} == {rows[0].regelset_id}
    part = db.get(Regelset, rows[0].regelset_id)
    assert (part.bevoegdheid, part.rules_sha256) == ("damocles", rows[0].rules_sha256)


def test_insert_if_absent_finds_the_row_another_writer_made_first(app, db) -> None:
    key = {"bevoegdheid": "damocles", "sha256": "a" * 64}
    first = insert_if_absent(db, Parameterset, key, {"inhoud": {"x": 1}})
    again = insert_if_absent(db, Parameterset, key, {"inhoud": {"x": 2}})  # loses: the first one stays
    db.commit()
    assert first == again
    assert db.get(Parameterset, first).inhoud == {"x": 1}
    assert db.scalar(select(func.count()).select_from(Parameterset)) == 1


def test_insert_if_absent_waits_for_a_concurrent_first_writer_and_uses_its_row(database_url) -> None:
    """Two transactions write the same new part at once: the second waits (PostgreSQL: on the unique key;
    SQLite: on the write lock), does nothing, and both end with the one row."""
    engine = make_engine(database_url)
    key = {"bevoegdheid": "damocles", "sha256": "b" * 64}
    found: list[int] = []
    with session_scope(engine) as first, session_scope(engine) as second:
        mine = insert_if_absent(first, Parameterset, key, {"inhoud": {"first": True}})
        other = threading.Thread(target=lambda: found.append(
            insert_if_absent(second, Parameterset, key, {"inhoud": {"first": False}})) or second.commit())
        other.start()
        time.sleep(0.5)
        assert not found  # still waiting for the first writer
        first.commit()
        other.join(10)
    with engine.connect() as conn:
        rows = conn.execute(select(Parameterset.__table__.c.inhoud)).all()
    engine.dispose()
    assert found == [mine]
    assert [json.loads(r[0]) if isinstance(r[0], str) else r[0] for r in rows] == [{"first": True}]


def test_shared_parts_refuse_update_and_delete(app, db, users, today) -> None:
    row = latest(db, _zaak(db, app, users, today))
    db.commit()
    for statement in (f"UPDATE regelsets SET ruleset = 'x' WHERE id = {row.regelset_id}",
                      f"DELETE FROM parametersets WHERE id = {row.parameterset_id}"):
        with pytest.raises(DatabaseError, match="append-only"):
            db.execute(text(statement))
        db.rollback()


@pytest.mark.parametrize("name", ["damocles_format1.json", "damocles_niet_bevoegd_format1.json"])
def test_reads_a_receipt_stored_before_issue_12_as_it_was(app, db, users, today, name) -> None:
    data = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    zaak = _zaak(db, app, users, today)
    row = _store_full_copy(db, zaak, data, users["jurist"])
    assert not by_reference(db.get(Beoordeling, row.id).assessment)
    back = assessment_of(db.get(Beoordeling, row.id))
    assert back.to_dict() == data
    assert [e.rule for e in back.niet_bevoegd_redenen] == [r["rule"] for r in data["niet_bevoegd_redenen"]]


def test_case_page_explains_the_same_whichever_format_the_receipt_has(app, db, users, today, login_as,
                                                                      client) -> None:
    zaak = _zaak(db, app, users, today)
    login_as("jurist")
    by_ref = client.get(f"/zaken/{zaak.id}")
    assert by_ref.status_code == 200
    _store_full_copy(db, zaak, assessment_of(latest(db, zaak)).to_dict(), users["jurist"])
    assert not by_reference(latest(db, zaak).assessment)
    full = client.get(f"/zaken/{zaak.id}")
    advice = _advice(by_ref.get_data(as_text=True))
    assert "Opiumwet" in advice and advice == _advice(full.get_data(as_text=True))


def test_keeps_an_old_receipt_that_still_holds_instead_of_storing_a_new_one(app, db, users, today) -> None:
    rt = app.extensions["bevoegd"]
    zaak = _zaak(db, app, users, today)
    old = _store_full_copy(db, zaak, assessment_of(latest(db, zaak)).to_dict(), users["jurist"])
    kept = current_assessment(db, rt, zaak, Actor.of(users["jurist"]), today)
    assert kept.id == old.id
    assert current_assessment(db, rt, zaak, Actor.of(users["jurist"]), today).id == old.id


def test_rerun_reproduces_a_stored_receipt(app, db, users, today) -> None:
    rt = app.extensions["bevoegd"]
    stored = assessment_of(latest(db, _zaak(db, app, users, today)))
    assert rerun(rt, stored).to_dict() == stored.to_dict()
    changed = Assessment(**{**stored.__dict__, "facts": {**stored.facts, "premises_type": "voertuig"}})
    assert rerun(rt, changed).bevoegdheid != stored.bevoegdheid


def test_downgrade_expands_receipts_by_reference_into_full_copies(app, db, users, today, database_url) -> None:
    """Undoing migration 0024 leaves receipts the older code reads, each still matching its digest."""
    row = latest(db, _zaak(db, app, users, today))
    expected, row_id, sha = assessment_of(row).to_dict(), row.id, row.sha256
    db.close()
    cfg = alembic_config(database_url)
    command.downgrade(cfg, "0023")
    try:
        engine = make_engine(database_url)
        with engine.connect() as conn:
            stored = conn.execute(select(Beoordeling.__table__.c.assessment).where(
                Beoordeling.__table__.c.id == row_id)).scalar_one()
        engine.dispose()
        stored = json.loads(stored) if isinstance(stored, str) else stored
        assert Assessment.from_dict(stored).to_dict() == expected
        text_as_hashed = json.dumps(stored["receipt_by_reference"], sort_keys=True, ensure_ascii=False)
        assert hashlib.sha256(text_as_hashed.encode()).hexdigest() == sha
    finally:
        command.upgrade(cfg, "head")
