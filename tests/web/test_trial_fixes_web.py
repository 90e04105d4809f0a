"""What a browser trial found on the jurist's and the kabinet's pages: a withdrawn offer shown as such, the
review page's details folded, the dispatch form's default recipient and its folding once all is recorded."""

from __future__ import annotations

import re

import pytest

from app import clock
from app.domain.drafting import DraftRequest
from app.models import Beslissing
from app.services import dispatch, review
from app.services.intake import submit_melding
from app.services.review import current_documents
from app.services.withdrawal import withdraw_offer
from tests.factories import melding
from tests.flows import draft, submit
from tests.integration.test_damocles_flow import WARN, judge


@pytest.fixture
def rt(app):
    return app.extensions["bevoegd"]


@pytest.fixture
def warning(rt, db, users) -> Beslissing:
    zaak = submit_melding(db, rt, melding(bewoners=[{"naam": "O. Overtreder", "roltype": "overtreder"}]),
                          users["handhaving"], clock.today())
    judge(db, zaak, users["jurist"], WARN, deviate=True)
    return draft(db, rt, zaak, DraftRequest("waarschuwing", clock.today()), users["jurist"], clock.today())


def _section(page: str, anchor: str) -> str:
    start = page.index(f'id="{anchor}"')
    end = page.find("</section>", start)
    return page[start:end]


def test_after_a_withdrawal_the_drafts_show_who_withdrew_when_and_why_and_mark_its_letters(
        client, login_as, db, rt, users, warning):
    submit(db, rt, warning, users["kabinet"], users["jurist"])
    withdraw_offer(db, rt, warning, warning.version_id, users["jurist2"], "Naam van de overtreder klopt niet.")
    login_as("jurist")
    drafts = _section(client.get(f"/zaken/{warning.zaak_id}").get_data(as_text=True), "beslissingen")
    assert f"Aanbod ingetrokken door {users['jurist2'].display_name} op" in drafts
    assert "Naam van de overtreder klopt niet." in drafts
    letters = re.findall(r"<th[^>]*scope=\"row\">([^<]*)</th>", drafts)
    assert letters and all(title.endswith("(ingetrokken aanbod)") for title in letters), letters


def _approved(db, rt, users, warning) -> Beslissing:
    submit(db, rt, warning, users["kabinet"], users["jurist"])
    review.approve(db, rt, warning, [d.sha256 for d in current_documents(db, warning)], warning.version_id,
                   users["kabinet"], clock.today())
    return warning


def _send(db, rt, users, beslissing, document) -> None:
    db.rollback()  # a fresh snapshot: the page's request wrote to the access log since
    dispatch.record_dispatch(db, rt, beslissing, dispatch.DispatchRequest(document.id, clock.today(), "post"),
                             beslissing.version_id, users["jurist"], clock.today())


def test_the_dispatch_form_offers_the_first_letter_not_yet_sent_and_folds_once_all_are_sent(
        client, login_as, db, rt, users, warning):
    b = _approved(db, rt, users, warning)
    first, second = current_documents(db, b)
    db.rollback()  # end the read: the page's request needs the write lock (BEGIN IMMEDIATE)
    login_as("jurist")
    select = f'id="f-verzending-b{b.id}.document_id"'
    page = client.get(f"/zaken/{b.zaak_id}").get_data(as_text=True)
    assert re.search(rf'<option value="{first.id}" selected>', _section(page, "verzending"))
    assert "Verzending corrigeren" not in page
    _send(db, rt, users, b, first)
    section = _section(client.get(f"/zaken/{b.zaak_id}").get_data(as_text=True), "verzending")
    assert select in section and re.search(rf'<option value="{second.id}" selected>', section)
    assert not re.search(rf'<option value="{first.id}" selected>', section)
    _send(db, rt, users, b, second)
    section = _section(client.get(f"/zaken/{b.zaak_id}").get_data(as_text=True), "verzending")
    folded = section.index("<summary>Verzending corrigeren</summary>")
    assert section.rfind("<details", 0, folded) > section.rfind("</details>", 0, folded)
    assert folded < section.index(select)  # the form is inside the folded part


def test_the_review_page_shows_the_letters_first_and_folds_the_advice_and_the_judgements(
        client, login_as, db, rt, users, warning):
    submit(db, rt, warning, users["kabinet"], users["jurist"])
    login_as("kabinet")
    page = client.get(f"/vaststelling/{warning.id}").get_data(as_text=True)
    letters, advice, judgements = (page.index('id="brieven"'), page.index('id="advies"'),
                                   page.index('<caption class="utrecht-table__caption">Afwegingen</caption>'))
    assert letters < advice < judgements
    for position in (advice, judgements):  # each inside a closed <details>
        opened = page.rfind("<details", 0, position)
        assert opened > page.rfind("</details>", 0, position) and opened > letters
        assert " open" not in page[opened:page.index(">", opened)]


def _confirmed_in(page: str, anchor: str, message: str) -> bool:
    """The confirmation sits after the section's anchor, takes focus, and is the only one on the page."""
    found = page.find(f'id="{anchor}"')
    box = page.find('id="bevestiging" tabindex="-1" autofocus', found)
    return found >= 0 and box > found and message in page[box:box + 600] and page.count('id="bevestiging"') == 1


def test_withdrawing_confirms_in_the_beslissing_with_focus(client, login_as, db, rt, users, warning):
    submit(db, rt, warning, users["kabinet"], users["jurist"])
    db.rollback()
    login_as("jurist")
    url = f"/zaken/{warning.zaak_id}/beslissingen/{warning.id}/terugtrekken"
    done = client.post(url, data={"version": db.get(Beslissing, warning.id).version_id, "reden": "Naam."})
    assert done.headers["Location"].endswith("#bevestiging")
    page = client.get(f"/zaken/{warning.zaak_id}").get_data(as_text=True)
    assert _confirmed_in(page, f"b-{warning.id}", "Het aanbod is teruggetrokken")


def test_assigning_confirms_in_the_summary_with_focus(client, login_as, db, rt, users):
    zaak = submit_melding(db, rt, melding(), users["handhaving"], clock.today())
    login_as("jurist")
    client.post(f"/zaken/{zaak.id}/behandelaar", data={"behandelaar_id": users["jurist2"].id,
                                                       "version": zaak.version_id})
    page = client.get(f"/zaken/{zaak.id}").get_data(as_text=True)
    assert _confirmed_in(page, "behandelaar", "De zaak wordt nu behandeld door")


def test_a_confirmation_for_a_section_elsewhere_still_shows_on_top_with_focus(app, client, login_as):
    from app.web.confirmation import confirm

    login_as("jurist")
    with client.session_transaction() as session:
        session["_flashes"] = [("ok@behandelaar", "Opgeslagen.")]
    page = client.get("/werkvoorraad").get_data(as_text=True)
    assert 'id="bevestiging" tabindex="-1" autofocus' in page and "Opgeslagen." in page
    assert callable(confirm)
