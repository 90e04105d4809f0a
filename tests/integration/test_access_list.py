"""The access list at the service level: the index keys that switch it on, and the rules of grant and revoke.

The fictional power `proef` (tests/rules/fixtures/rules/proef) shows the index keys; a damocles zaak marked
restricted stands in for a zaak of a `toegang: lijst` power.
"""

from __future__ import annotations

import shutil
from datetime import date, datetime

import pytest
import time_machine
from sqlalchemy import select

from app.config import ROOT
from app.domain.deadlines import AMSTERDAM
from app.domain.drafting import DraftRequest
from app.domain.errors import InvalidInput, RulebookError
from app.models import AuditEntry, Zaak, ZaakToegang
from app.rulebook.vocabulary import load_index
from app.services import assignment, toegang
from app.services.intake import submit_melding
from app.services.retention import destroy, due_for_destruction
from tests.factories import huisverbod, melding
from tests.flows import judge_what_is_missing, submit

PROEF_INDEX = ROOT / "tests" / "rules" / "fixtures" / "rules" / "proef" / "index.yaml"


def _index(tmp_path, extra: str):
    path = tmp_path / "index.yaml"
    shutil.copyfile(PROEF_INDEX, path)
    path.write_text(path.read_text(encoding="utf-8") + extra, encoding="utf-8")
    return load_index(path, "proef/index.yaml", "proef")


def test_index_keys_default_to_open_and_no_notice(tmp_path):
    index = _index(tmp_path, "")
    assert (index.toegang, index.vertrouwelijkheid) == ("open", "")


def test_index_keys_switch_the_list_on_with_a_notice(tmp_path):
    index = _index(tmp_path, "toegang: lijst\nvertrouwelijkheid: Geheim op grond van art. 28 Wet Bibob.\n")
    assert (index.toegang, index.vertrouwelijkheid) == ("lijst", "Geheim op grond van art. 28 Wet Bibob.")


@pytest.mark.parametrize(("extra", "message"), [
    ("toegang: gesloten\n", "key 'toegang': 'gesloten' is not one of open, lijst"),
    ("vertrouwelijkheid: ''\n", "key 'vertrouwelijkheid': expected a non-empty text"),
    ("vertrouwelijkheid: [a]\n", "key 'vertrouwelijkheid': expected a non-empty text"),
])
def test_index_keys_are_validated(tmp_path, extra, message):
    with pytest.raises(RulebookError, match=message):
        _index(tmp_path, extra)


@pytest.fixture
def zaak(db, app, users, today) -> Zaak:
    row = submit_melding(db, app.extensions["bevoegd"], melding(), users["handhaving"], today)
    row.toegang_beperkt = True
    db.commit()
    assignment.assign(db, row, users["jurist"].id, row.version_id, users["jurist"])
    return row


def _members(db, zaak) -> list[str]:
    db.rollback()
    return sorted(r.user.username for r in db.scalars(select(ZaakToegang).where(ZaakToegang.zaak_id == zaak.id)))


def test_only_a_member_grants_and_revokes(db, users, zaak):
    assert _members(db, zaak) == ["jurist"]
    with pytest.raises(InvalidInput) as refused:
        toegang.grant(db, zaak, users["jurist2"].id, users["jurist2"], zaak.version_id)
    assert refused.value.errors == {"user_id": toegang.NOT_A_MEMBER}
    db.rollback()
    toegang.grant(db, zaak, users["jurist2"].id, users["jurist"], zaak.version_id)
    with pytest.raises(InvalidInput) as twice:
        toegang.grant(db, zaak, users["jurist2"].id, users["jurist"], zaak.version_id)
    assert twice.value.errors == {"user_id": "Jurist2 (test) staat al op de toegangslijst."}
    db.rollback()
    toegang.revoke(db, zaak, users["jurist2"].id, users["jurist2"], zaak.version_id)  # he may leave himself
    assert _members(db, zaak) == ["jurist"]
    entries = db.scalars(select(AuditEntry).where(AuditEntry.resource == "zaak_toegang")).all()
    assert [(e.actie, e.gebruikers_id) for e in entries][-2:] == [
        ("toegang_verleend", str(users["jurist"].id)), ("toegang_ingetrokken", str(users["jurist2"].id))]


def test_a_signatory_with_an_offer_pending_stays_on_the_list(db, app, users, zaak, today):
    rt = app.extensions["bevoegd"]
    toegang.grant(db, zaak, users["kabinet"].id, users["jurist"], zaak.version_id)
    concept = judge_what_is_missing(db, rt, db.get(Zaak, zaak.id), DraftRequest("voornemen_sluiting", today, 3),
                                    users["jurist"], today)
    submit(db, rt, concept, users["kabinet"], users["jurist"], today)
    db.expire_all()
    with pytest.raises(InvalidInput) as refused:
        toegang.revoke(db, zaak, users["kabinet"].id, users["jurist"], db.get(Zaak, zaak.id).version_id)
    assert refused.value.errors["user_id"] == "Er ligt een beslissing ter vaststelling bij Kabinet (test)."
    assert _members(db, zaak) == ["jurist", "kabinet"]


def test_reassignment_adds_the_new_behandelaar_and_keeps_the_old_one(db, users, zaak):
    assignment.assign(db, zaak, users["jurist2"].id, zaak.version_id, users["jurist"])
    assert _members(db, zaak) == ["jurist", "jurist2"]
    candidates = [u.username for u in toegang.candidates(db, zaak)]
    assert "jurist" not in candidates and "kabinet" in candidates and "handhaving" not in candidates


def test_statutory_destruction_also_removes_the_access_list(db, app, users):
    rt = app.extensions["bevoegd"]
    imposed = datetime(2026, 12, 3, 23, 40, tzinfo=AMSTERDAM)
    with time_machine.travel(datetime(2026, 12, 4, 0, 15, tzinfo=AMSTERDAM), tick=False):
        row = submit_melding(db, rt, huisverbod(imposed), users["hovj"], date(2026, 12, 4))
    row.toegang_beperkt = True
    db.commit()
    assignment.assign(db, row, users["jurist"].id, row.version_id, users["jurist"])
    assert _members(db, row) == ["jurist"]
    due = [d for d in due_for_destruction(db, rt, date(2031, 12, 4)) if d.zaak_id == row.id]
    destroy(db, rt, due[0], date(2031, 12, 4))
    assert db.scalars(select(ZaakToegang)).first() is None and db.get(Zaak, row.id) is None
