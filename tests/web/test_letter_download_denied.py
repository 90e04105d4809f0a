"""Issue 13: a refused download of a letter that is not approved is logged as a denied access, like other
denials; the approved letter's download stays a plain access row."""

from __future__ import annotations

from sqlalchemy import select

from app.domain.drafting import DraftRequest
from app.models import AccessEntry, Document
from app.services.intake import submit_melding
from tests.factories import melding
from tests.flows import judge_what_is_missing, submit


def test_downloading_an_unapproved_letter_is_refused_and_logged_as_denied(app, client, login_as, db, users, today):
    rt = app.extensions["bevoegd"]
    zaak = submit_melding(db, rt, melding(), users["handhaving"], today)
    warning = judge_what_is_missing(db, rt, zaak, DraftRequest("waarschuwing", today), users["jurist"], today,
                                    {"ernstig_geval_eerste_overtreding": "niet_ernstig"})
    submit(db, rt, warning, users["kabinet"], users["jurist"], today)  # its letters wait for the kabinet
    document = db.scalars(select(Document)).first()
    assert document.status != "definitief"
    login_as("jurist")
    assert client.get(f"/documenten/{document.id}/download").status_code == 404
    db.rollback()
    denied = db.scalars(select(AccessEntry).where(AccessEntry.result == "denied")).one()
    assert (denied.action, denied.object_type, denied.object_id) == ("download", "document", str(document.id))
    assert denied.case_id == zaak.identificatie and "niet vastgesteld" in denied.reason
    assert denied.content_sha256 and denied.actor_id == str(users["jurist"].id)
