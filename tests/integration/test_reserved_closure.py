"""A municipality that reserves closing a dwelling to the mayor in person (rule finding `voorbehouden`, parameter
sluiting_voorbehouden_bij = woning): the voornemen may still be signed in mandate, the closure only by the mayor
or his substitute."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from flask import Flask

from app import create_app
from app.config import ROOT
from app.domain.drafting import DraftRequest
from app.domain.errors import MandateMissing
from app.services import review
from app.services.cases import signatories
from app.services.intake import submit_melding
from app.services.receipts import assessment_of
from app.services.review import current_documents
from tests.factories import melding
from tests.flows import judge_what_is_missing, submit, zienswijze

PARAMETER = "damocles/parameters/sluiting_voorbehouden_bij.yaml"


@pytest.fixture
def app(database_url: str, tmp_path: Path) -> Iterator[Flask]:
    rules = shutil.copytree(ROOT / "rules", tmp_path / "rules")
    path = rules / PARAMETER
    path.write_text(path.read_text(encoding="utf-8").replace("value: buiten_13b", "value: woning"), encoding="utf-8")
    application = create_app({"database_url": database_url, "testing": True,
                              "strict_templates": True, "csrf_enabled": False,
                              "rules_dir": rules})
    yield application
    application.extensions["db_engine"].dispose()


def _draft_judging(db, rt, zaak, request, user, today):
    return judge_what_is_missing(db, rt, zaak, request, user, today)


def test_closing_a_dwelling_is_reserved_to_the_mayor_when_the_mandate_decision_says_so(app, db, users, today):
    rt = app.extensions["bevoegd"]
    zaak = submit_melding(db, rt, melding(), users["handhaving"], today)
    voornemen = _draft_judging(db, rt, zaak, DraftRequest("voornemen_sluiting", today, 3), users["jurist"], today)
    submit(db, rt, voornemen, users["kabinet"], users["jurist"], today)  # the voornemen is not reserved
    review.approve(db, rt, voornemen, [d.sha256 for d in current_documents(db, voornemen)], voornemen.version_id,
                   users["kabinet"], today)
    zienswijze(db, zaak, {"outcome": "ontvangen", "samenvatting": "Bewoner ontkent.", "reactie": "Gewogen."},
               users["jurist"], today)
    later = voornemen.zienswijze_tot + timedelta(days=1)
    sluiting = _draft_judging(db, rt, zaak, DraftRequest("sluiting", later, 3), users["jurist"], today)
    assessment = assessment_of(sluiting.beoordeling)
    assert [e.rule for e in assessment.findings("voorbehouden")] == ["sluiting_voorbehouden_aan_burgemeester"]
    with pytest.raises(MandateMissing) as refused:
        submit(db, rt, sluiting, users["kabinet"], users["jurist"], today)
    assert refused.value.message.startswith("Een sluiting (last onder bestuursdwang) is in deze zaak voorbehouden "
                                            "aan de burgemeester zelf of zijn plaatsvervanger.")
    db.rollback()
    outcome = rt.procedure("damocles").outcome("sluiting")
    assert [u.username for u in signatories(db, "damocles", outcome, today, assessment)] == ["burgemeester"]
    assert submit(db, rt, sluiting, users["burgemeester"], users["jurist"], today).status == "ter_vaststelling"
