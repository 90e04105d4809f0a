"""What a browser trial found on the jurist's and the kabinet's pages: a withdrawn offer shown as such, the
review page's details folded, the dispatch form's default recipient and its folding once all is recorded."""

from __future__ import annotations

import re
from datetime import date

import pytest

from app.domain.drafting import DraftRequest
from app.models import Beslissing
from app.services.intake import submit_melding
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
                          users["handhaving"], date.today())
    judge(db, zaak, users["jurist"], WARN, deviate=True)
    return draft(db, rt, zaak, DraftRequest("waarschuwing", date.today()), users["jurist"], date.today())


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
