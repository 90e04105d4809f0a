"""The case page as a workspace: summary header, navigation, folded details, one form per step, frozen forms."""

from __future__ import annotations

from datetime import date

from app.services.intake import submit_melding
from tests.factories import melding


def new_zaak(app, db, users):
    return submit_melding(db, app.extensions["bevoegd"], melding(), users["handhaving"], date.today())


def test_case_page_shows_the_policy_proposal(app, client, login_as, db, users):
    zaak = new_zaak(app, db, users)
    login_as("jurist")
    page = client.get(f"/zaken/{zaak.id}").get_data(as_text=True)
    assert "Voorstel volgens het beleid:" in page


def test_kabinet_review_page_shows_the_policy_proposal(app, client, login_as, db, users):
    from app.domain.drafting import DraftRequest
    from tests.e2e.e2e_support import OUTCOMES
    from tests.flows import judge_what_is_missing, submit

    zaak = new_zaak(app, db, users)
    rt = app.extensions["bevoegd"]
    voornemen = judge_what_is_missing(db, rt, zaak, DraftRequest("voornemen_sluiting", date.today(), 3),
                                      users["jurist"], date.today(), OUTCOMES)
    submit(db, rt, voornemen, users["kabinet"], users["jurist"], date.today())
    login_as("kabinet")
    page = client.get(f"/vaststelling/{voornemen.id}").get_data(as_text=True)
    assert "Voorstel volgens het beleid:" in page
