"""What a browser trial of the case page found about its state after sending, while a term runs, and when
drafting is refused: every form offered is one the services accept, and every refusal names all it needs."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest
import time_machine
from sqlalchemy import select

from app.domain.drafting import DraftRequest
from app.domain.errors import InvalidInput
from app.models import Beslissing, Oordeel
from app.services import assessment, review
from app.services.dispatch import DispatchRequest, record_dispatch
from app.services.intake import submit_melding
from app.services.queries import active_judgements, lapsed_judgements
from app.services.review import current_documents
from tests.factories import melding
from tests.flows import judge_one, judge_what_is_missing, submit, zienswijze


@pytest.fixture
def rt(app):
    return app.extensions["bevoegd"]


def _approve(db, rt, beslissing, users, today):
    submit(db, rt, beslissing, users["kabinet"], users["jurist"], today)
    hashes = [d.sha256 for d in current_documents(db, beslissing)]
    return review.approve(db, rt, beslissing, hashes, beslissing.version_id, users["kabinet"], today)


@pytest.fixture
def heard(db, rt, users, today):
    """An approved voornemen of three months with one zienswijze recorded, its term still running."""
    zaak = submit_melding(db, rt, melding(), users["handhaving"], today)
    voornemen = judge_what_is_missing(db, rt, zaak, DraftRequest("voornemen_sluiting", today, 3), users["jurist"],
                                      today)
    _approve(db, rt, voornemen, users, today)
    _send_all(db, rt, voornemen, users, today, today)
    zienswijze(db, zaak, {"outcome": "ontvangen", "samenvatting": "De bewoner ontkent.",
                          "reactie": "Dat verandert de afweging niet."}, users["jurist"], today)
    return zaak, voornemen


def _send_all(db, rt, beslissing, users, on, today):
    for document in current_documents(db, beslissing):
        record_dispatch(db, rt, beslissing, DispatchRequest(document.id, on, "post"), beslissing.version_id,
                        users["jurist"], today)


def _page(client, zaak):
    return " ".join(client.get(f"/zaken/{zaak.id}").get_data(as_text=True).split())


def _decided_closure(db, rt, users, today, heard):
    zaak, voornemen = heard
    after_term = voornemen.zienswijze_tot + timedelta(days=1)
    closure = judge_what_is_missing(db, rt, zaak, DraftRequest("sluiting", after_term, 3), users["jurist"], today)
    return _approve(db, rt, closure, users, today)


def test_no_zienswijze_after_the_announced_besluit_is_approved(db, rt, users, today, heard, login_as, client):
    """Trial: a zienswijze recorded after sending reopened the judgements behind the sent besluit."""
    zaak, _ = heard
    _decided_closure(db, rt, users, today, heard)
    before = set(active_judgements(db, zaak))
    with pytest.raises(InvalidInput) as refused:
        zienswijze(db, zaak, {"outcome": "ontvangen", "samenvatting": "Nog een reactie.", "reactie": "Gewogen."},
                   users["jurist"], today)
    assert "al vastgesteld" in refused.value.errors["outcome"]
    db.rollback()
    assert set(active_judgements(db, zaak)) == before  # nothing reopened
    login_as("jurist")
    page = _page(client, zaak)
    assert "Zienswijze vastleggen" not in page and "Feiten opslaan en opnieuw beoordelen" not in page
    assert 'name="geschiktheid.outcome"' not in page and "Afwegingen van deze stap vastleggen" not in page
    assert "Het besluit is vastgesteld. Feiten, afwegingen en zienswijzen liggen daarmee vast" in page


def test_sent_on_is_the_dispatch_date_in_the_records(db, rt, users, today, heard, login_as, client):
    """Trial: "verzonden op" showed the day the dispatch was recorded, not the day the letters went out."""
    zaak, _ = heard
    closure = _decided_closure(db, rt, users, today, heard)
    posted = closure.verzenddatum
    recorded = posted + timedelta(days=3)  # recorded days after the letters went out
    with time_machine.travel(datetime.combine(recorded, time(12), tzinfo=UTC), tick=False):
        _send_all(db, rt, closure, users, posted, recorded)
    db.refresh(closure)
    assert closure.status == "verzonden"
    login_as("jurist")
    assert f"verzonden op {posted.strftime('%d-%m-%Y')}." in _page(client, zaak)


def test_next_step_and_drafting_date_while_the_zienswijzetermijn_runs(db, users, today, heard, login_as, client):
    """Trial: "Stel het besluit op" while drafting refused every date within the term."""
    zaak, voornemen = heard
    for row in lapsed_judgements(db, zaak).values():  # weighed again after the zienswijze
        judge_one(db, zaak, row.code, row.outcome, row.reasoning, users["jurist"])
    first = voornemen.zienswijze_tot + timedelta(days=1)
    login_as("jurist")
    page = _page(client, zaak)
    # The closure itself asks one more judgement than the voornemen did: the next step names it first.
    assert "Leg 1 afweging vast (stap procedure)." in page
    judge_one(db, zaak, "begunstigingstermijn", "passend", "Twee weken is genoeg om te vertrekken.", users["jurist"])
    page = _page(client, zaak)
    assert (f"Stel het besluit op met een verzenddatum vanaf {first.strftime('%d-%m-%Y')}, of wacht tot dan"
            in page)
    assert f'name="verzenddatum" value="{first.isoformat()}"' in page or f'value="{first.isoformat()}"' in page


def test_reopened_judgements_show_their_earlier_outcome_and_an_unchanged_submit_names_the_fields(
        db, users, today, heard, login_as, client):
    """Trial: the earlier outcome was not prefilled, and "Vul bij ten minste één afweging ..." named no field."""
    zaak, _ = heard
    earlier = db.scalars(select(Oordeel).where(Oordeel.zaak_id == zaak.id, Oordeel.code == "geschiktheid",
                                               Oordeel.superseded_at.is_not(None))).first()
    login_as("jurist")
    page = _page(client, zaak)
    assert f'name="geschiktheid.outcome" value="{earlier.outcome}" checked' in page
    sent = {"stap": "evenredigheid", "version": str(zaak.version_id), "code": ["geschiktheid"],
            "geschiktheid.outcome": "", "geschiktheid.reasoning": earlier.reasoning}
    refused = client.post(f"/zaken/{zaak.id}/afwegingen", data=sent)
    body = refused.get_data(as_text=True)
    assert refused.status_code == 400 and 'href="#f-geschiktheid.outcome"' in body


def test_all_missing_letter_facts_are_named_when_the_concept_is_drafted(db, rt, users, today, login_as, client):
    """Trial: the concept was accepted and preview/offer then refused one missing fact at a time."""
    zaak = submit_melding(db, rt, melding(gegevens={"dealing_evidence": ["politie_observatie"]}),
                          users["handhaving"], today)
    zaak.melding.gegevens = {k: v for k, v in zaak.melding.gegevens.items() if k != "sluitobject"}
    db.commit()
    request = DraftRequest("voornemen_sluiting", today, 3)
    with pytest.raises(InvalidInput) as refused:
        judge_what_is_missing(db, rt, zaak, request, users["jurist"], today)
    assert {"sluitobject", "bevindingen_handel"} <= set(refused.value.errors)  # both at once
    db.rollback()
    assert db.scalars(select(Beslissing).where(Beslissing.zaak_id == zaak.id)).first() is None
    login_as("jurist")
    response = client.post(f"/zaken/{zaak.id}/beslissingen", data={
        "version": str(zaak.version_id), "soort": "voornemen_sluiting", "verzenddatum": today.isoformat(),
        "duur": "3"})
    body = " ".join(response.get_data(as_text=True).split())
    assert response.status_code in (400, 422)
    assert 'href="#f-sluitobject"' in body and 'href="#f-bevindingen_handel"' in body
    assert "Wat wordt gesloten" in body and "Wat zag de politie" in body


def test_a_fact_change_makes_the_concept_stale_on_the_case_page(db, rt, users, today, login_as, client):
    zaak = submit_melding(db, rt, melding(), users["handhaving"], today)
    judge_what_is_missing(db, rt, zaak, DraftRequest("voornemen_sluiting", today, 3), users["jurist"], today)
    assessment.update_facts(db, rt, zaak, {"complaints_count": 3}, zaak.melding.version_id, users["jurist"], today)
    login_as("jurist")
    page = _page(client, zaak)
    assert page.count("Stel het concept opnieuw op: de feiten zijn gewijzigd") == 2  # next step and the concept


def test_a_niet_bevoegd_case_offers_no_drafting_form(db, rt, users, today, login_as, client):
    zaak = submit_melding(db, rt, melding(gegevens={"substances": []}), users["handhaving"], today)
    login_as("jurist")
    page = _page(client, zaak)
    if "niet bevoegd" not in page:
        pytest.fail("the factory case without substances should be niet bevoegd")
    assert "Concept opstellen" not in page and "Geen beslissing mogelijk" in page


