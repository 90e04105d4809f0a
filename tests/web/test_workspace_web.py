"""The case page as a workspace: summary header, navigation, folded details, one form per step, frozen forms."""

from __future__ import annotations

from app import clock
from app.services.intake import submit_melding
from tests.factories import melding


def new_zaak(app, db, users):
    return submit_melding(db, app.extensions["bevoegd"], melding(), users["handhaving"], clock.today())


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
    voornemen = judge_what_is_missing(db, rt, zaak, DraftRequest("voornemen_sluiting", clock.today(), 3),
                                      users["jurist"], clock.today(), OUTCOMES)
    submit(db, rt, voornemen, users["kabinet"], users["jurist"], clock.today())
    login_as("kabinet")
    page = client.get(f"/vaststelling/{voornemen.id}").get_data(as_text=True)
    assert "Voorstel volgens het beleid:" in page


def _page(client, zaak_id):
    return client.get(f"/zaken/{zaak_id}").get_data(as_text=True)


def _voornemen_in_review(app, db, users):
    from app.domain.drafting import DraftRequest
    from tests.e2e.e2e_support import OUTCOMES
    from tests.flows import judge_what_is_missing, submit

    zaak = new_zaak(app, db, users)
    rt = app.extensions["bevoegd"]
    voornemen = judge_what_is_missing(db, rt, zaak, DraftRequest("voornemen_sluiting", clock.today(), 3),
                                      users["jurist"], clock.today(), OUTCOMES)
    return zaak, submit(db, rt, voornemen, users["kabinet"], users["jurist"], clock.today())


def test_a_get_of_a_form_url_leads_back_to_the_section_instead_of_405(app, client, login_as, db, users):
    zaak = new_zaak(app, db, users)
    login_as("jurist")
    for path, anchor in ((f"/zaken/{zaak.id}/feiten", "#feiten"), (f"/zaken/{zaak.id}/oordelen", "#oordeel"),
                         (f"/zaken/{zaak.id}/beslissingen", "#concept"),
                         (f"/zaken/{zaak.id}/beslissingen/5/verzending", "#verzending")):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response.headers["Location"].endswith(f"/zaken/{zaak.id}{anchor}")


def test_all_judgements_of_a_step_are_recorded_in_one_submit_or_none(app, client, login_as, db, users):
    from sqlalchemy import func, select

    from app.models import AuditEntry, Oordeel

    zaak = new_zaak(app, db, users)
    login_as("jurist")
    version = zaak.version_id
    sent = {"stap": "evenredigheid", "version": str(version), "code": ["geschiktheid", "noodzakelijkheid"],
            "geschiktheid.outcome": "voldaan", "geschiktheid.reasoning": "Sluiting past bij de handel.",
            "noodzakelijkheid.outcome": "voldaan", "noodzakelijkheid.reasoning": "U handelde."}
    refused = client.post(f"/zaken/{zaak.id}/afwegingen", data=sent)
    page = refused.get_data(as_text=True)
    assert refused.status_code == 400
    assert 'href="#f-noodzakelijkheid.reasoning"' in page and "derde persoon" in page
    assert "Sluiting past bij de handel." in page  # what was typed stays in the form
    assert db.scalar(select(func.count()).select_from(Oordeel)) == 0
    audits = db.scalar(select(func.count()).select_from(AuditEntry))

    sent["noodzakelijkheid.reasoning"] = "Een lichter middel volstaat niet."
    saved = client.post(f"/zaken/{zaak.id}/afwegingen", data=sent)
    assert saved.status_code == 302
    assert saved.headers["Location"].endswith(f"/zaken/{zaak.id}?opgeslagen=stap-evenredigheid#opgeslagen")
    db.rollback()  # a fresh read after the request's transaction
    assert {o.code for o in db.scalars(select(Oordeel))} == {"geschiktheid", "noodzakelijkheid"}
    assert db.scalar(select(func.count()).select_from(AuditEntry)) == audits + 2

    page = client.get(saved.headers["Location"]).get_data(as_text=True)
    assert 'id="opgeslagen"' in page and "De afwegingen van deze stap zijn vastgelegd." in page
    assert "Een lichter middel volstaat niet.</textarea>" in page  # the saved reasoning is in the box
    assert 'name="geschiktheid.outcome" value="voldaan" checked' in " ".join(page.split())
    assert "Vastgelegd door Jurist (test) op" in page

    # Sent back unchanged, nothing is superseded; an empty form asks for at least one answer.
    db.rollback()
    db.expire_all()
    sent["version"] = str(zaak.version_id)
    again = client.post(f"/zaken/{zaak.id}/afwegingen", data=sent)
    assert again.status_code == 400 and "Vul bij ten minste één afweging" in again.get_data(as_text=True)
    db.rollback()
    assert db.scalar(select(func.count()).select_from(Oordeel)) == 2


def test_forms_are_read_only_while_the_kabinet_reviews(app, client, login_as, db, users):
    zaak, _ = _voornemen_in_review(app, db, users)
    login_as("jurist")
    page = _page(client, zaak.id)
    assert "Alleen lezen" in page and "Trek het aanbod in of laat het kabinet het concept terugsturen" in page
    # Browser trial: the corrections of betrokkenen and earlier measures looked editable and were refused.
    assert "corrigeren</a>" not in page and "Eerdere maatregel vastleggen" not in page
    assert ".reasoning" not in page  # no editable judgement fields
    assert "Concept opstellen" not in page and "Feiten opslaan en opnieuw beoordelen" not in page
    assert "Zienswijze vastleggen" not in page
    assert "Wachten op het kabinet" in page  # the next step
    assert "Ter vaststelling aangeboden: Voornemen tot sluiting voor 3 maanden." in page  # the banner


def test_summary_banner_and_steps_follow_the_approved_voornemen(app, client, login_as, db, users):
    from app.services import review
    from app.services.review import current_documents

    zaak, voornemen = _voornemen_in_review(app, db, users)
    rt = app.extensions["bevoegd"]
    hashes = [d.sha256 for d in current_documents(db, voornemen)]
    review.approve(db, rt, voornemen, hashes, voornemen.version_id, users["kabinet"], clock.today())
    login_as("jurist")
    page = " ".join(_page(client, zaak.id).split())
    assert "Vastgesteld: Voornemen tot sluiting voor 3 maanden, vastgesteld op" in page
    assert "Zienswijzetermijn: tot en met" in page
    assert "Nog niet toegewezen" in page
    assert "Op deze pagina" in page and 'href="#oordeel"' in page
    assert "Voornemen <span class=\"utrecht-status-badge utrecht-status-badge--success\">afgerond</span>" in page
    assert "Concept opstellen" in page  # the besluit can still be drafted


def test_a_reopened_judgement_shows_its_earlier_reasons_and_stays_open_when_left(app, client, login_as, db, users):
    from sqlalchemy import select

    from app.models import Oordeel
    from app.services.judging import reopen
    from tests.flows import judge_one

    zaak = new_zaak(app, db, users)
    judge_one(db, zaak, "duur", "passend", "Zes maanden past bij de ernst.", users["jurist"])
    reopen(db, zaak, users["jurist"], ("duur",), reason="zienswijze ontvangen")
    db.commit()
    login_as("jurist")
    page = _page(client, zaak.id)
    assert "Zes maanden past bij de ernst.</textarea>" in page and "opnieuw te wegen" in page
    sent = {"stap": "evenredigheid", "version": str(zaak.version_id), "code": ["duur", "geschiktheid"],
            "duur.reasoning": "Zes maanden past bij de ernst.",
            "geschiktheid.outcome": "voldaan", "geschiktheid.reasoning": "De sluiting beëindigt de handel."}
    assert client.post(f"/zaken/{zaak.id}/afwegingen", data=sent).status_code == 302
    db.rollback()
    active = {o.code for o in db.scalars(select(Oordeel).where(Oordeel.superseded_at.is_(None)))}
    assert active == {"geschiktheid"}
