"""The facts form edits a list of records (a chronology) as rows: sent back unchanged it changes nothing and
reopens no judgement; a filled empty row adds a record; an emptied row drops it; a bad cell is named in Dutch."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from html.parser import HTMLParser

from sqlalchemy import select
from werkzeug.datastructures import MultiDict

from app.models import Oordeel, Zaak
from tests.powers.scenarios import SCENARIOS

FACTS_FORM = re.compile(r"<form[^>]*action=\"/zaken/\d+/feiten\".*?</form>", re.S)


class _Form(HTMLParser):
    """The values a browser would send for one form (checked boxes and radios, selected options)."""

    def __init__(self) -> None:
        super().__init__()
        self.values: list[tuple[str, str]] = []
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "input" and "name" in a and (a.get("type") not in ("checkbox", "radio") or "checked" in a):
            self.values.append((a["name"], a.get("value", "")))
        elif tag == "select":
            self._select = a.get("name")
        elif tag == "option" and self._select and "selected" in a:
            self.values.append((self._select, a.get("value", "")))
        elif tag == "textarea":
            self._textarea = a.get("name")
            self.values.append((self._textarea, ""))

    def handle_data(self, data: str) -> None:
        if self._textarea:
            name, text = self.values[-1]
            self.values[-1] = (name, text + data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None


def _zaak(client, login_as, db) -> Zaak:
    login_as("handhaving")
    data = {"submission_id": "wo-rows-00000001", **SCENARIOS["woonoverlast"].intake(datetime.now(UTC))}
    assert client.post("/meldingen", data=data).status_code == 302
    db.rollback()
    login_as("jurist")
    return db.scalars(select(Zaak)).one()


def _facts_form(client, zaak: Zaak) -> list[tuple[str, str]]:
    page = client.get(f"/zaken/{zaak.id}").get_data(as_text=True)
    parser = _Form()
    parser.feed(FACTS_FORM.search(page).group(0))
    return parser.values


def _judge(db, zaak: Zaak, users, code: str) -> None:
    db.add(Oordeel(zaak_id=zaak.id, code=code, outcome="ja", reasoning="Gewogen.", recorded_by_id=users["jurist"].id))
    db.commit()


def test_the_facts_form_sent_back_unchanged_changes_nothing(client, login_as, db, users):
    zaak = _zaak(client, login_as, db)
    _judge(db, zaak, users, "ernstig")
    before = dict(zaak.melding.gegevens)
    response = client.post(f"/zaken/{zaak.id}/feiten", data=MultiDict(_facts_form(client, zaak)))
    assert response.status_code == 302, response.get_data(as_text=True)[-1500:]
    db.rollback()  # a new read: the request committed in its own session
    assert zaak.melding.gegevens == before
    lapsed = db.scalars(select(Oordeel).where(Oordeel.zaak_id == zaak.id, Oordeel.superseded_at.is_not(None))).all()
    assert lapsed == []  # nothing changed, so nothing is weighed again


def test_a_filled_empty_row_adds_a_record_and_an_emptied_row_drops_it(client, login_as, db):
    zaak = _zaak(client, login_as, db)
    stored = len(zaak.melding.gegevens["incidents"])
    values = _facts_form(client, zaak)
    extra = {f"incidents.{stored}.{k}": v for k, v in {
        "at": "2026-01-02T03:04", "kind": "stank", "origin": "vanuit_woning", "source": "omwonende",
        "reporter": "omwonende", "established": "false", "description": "Stank in het trappenhuis."}.items()}
    sent = [(k, v) for k, v in values if not k.startswith(f"incidents.{stored}.")] + list(extra.items())
    sent = [(k, "" if k.startswith("incidents.0.") else v) for k, v in sent]  # the first row emptied
    assert client.post(f"/zaken/{zaak.id}/feiten", data=MultiDict(sent)).status_code == 302
    db.rollback()  # a new read: the request committed in its own session
    incidents = zaak.melding.gegevens["incidents"]
    assert len(incidents) == stored and incidents[-1]["description"] == "Stank in het trappenhuis."


def test_a_bad_cell_is_named_by_row_in_dutch(client, login_as, db):
    zaak = _zaak(client, login_as, db)
    sent = [(k, "geen-moment" if k == "incidents.1.at" else v) for k, v in _facts_form(client, zaak)]
    response = client.post(f"/zaken/{zaak.id}/feiten", data=MultiDict(sent))
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert 'href="#f-incidents.1.at"' in page and "regel 2" in page
    db.rollback()  # a new read: the request committed in its own session
    assert zaak.melding.gegevens["incidents"][1]["at"] != "geen-moment"  # nothing half-stored
