"""Concurrency: two editors of one beslissing, and several writers at once on the embedded database."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm.exc import StaleDataError

from app import clock
from app.db import session_scope
from app.models import Zaak
from app.models.user import User
from app.services.intake import submit_melding
from tests.factories import melding


def test_second_of_two_editors_gets_stale_data_and_first_write_stays(app, db, users, today):
    zaak = submit_melding(db, app.extensions["bevoegd"], melding(), users["handhaving"], today)
    engine = app.extensions["db_engine"]
    with session_scope(engine) as a, session_scope(engine) as b:
        za = a.get(Zaak, zaak.id)
        a.commit()  # on SQLite every transaction is BEGIN IMMEDIATE: release before the other reads
        zb = b.get(Zaak, zaak.id)
        b.commit()  # both editors now hold the same version in memory
        za.omschrijving = "A"
        a.commit()
        zb.omschrijving = "B"
        with pytest.raises(StaleDataError):
            b.commit()
    db.rollback()
    db.expire_all()
    assert db.get(Zaak, zaak.id).omschrijving == "A"


def test_eight_concurrent_intakes_all_commit(app, db, users):
    engine, rt = app.extensions["db_engine"], app.extensions["bevoegd"]
    officer_id = users["handhaving"].id

    def submit(i: int) -> str:
        with session_scope(engine) as session:
            officer = session.get(User, officer_id)
            return submit_melding(session, rt, melding(bron_kenmerk=f"BR-{i}"), officer, clock.today()).identificatie

    with ThreadPoolExecutor(max_workers=8) as pool:
        kenmerken = list(pool.map(submit, range(16)))
    assert len(set(kenmerken)) == 16
    db.rollback()
    assert db.scalar(select(func.count()).select_from(Zaak)) == 16
