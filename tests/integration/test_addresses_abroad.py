"""Addresses abroad end to end: a betrokkene in Belgium or Germany is stored with its country, corrected by the
jurist with the country select, and printed in the letter's address block in that country's postal format."""

from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from app.db import make_engine
from app.domain.addressees import person_row
from app.domain.drafting import DraftRequest
from app.models import Betrokkene
from app.services import betrokkenen
from app.services.intake import submit_melding
from app.services.review import current_documents
from tests.factories import melding
from tests.flows import draft, submit
from tests.integration.test_damocles_flow import WARN, judge
from tests.integration.test_migrations import alembic_config
from tests.letters.letters_support import read_back
from tests.web.test_no_code_names import leaks, visible_text

BELGIAN = {"straat": "Rue de l'Essai", "huisnummer": "12 bus 3", "postcode": "4000", "woonplaats": "Luik",
           "land": "BE"}
GERMAN = {"naam": "Proef Vermietung GmbH", "soort": "verhuurder", "straat": "Probeweg", "huisnummer": "7a",
          "postcode": "52062", "woonplaats": "Aachen", "land": "DE"}


@pytest.fixture
def rt(app):
    return app.extensions["bevoegd"]


def _owner(zaak) -> Betrokkene:
    return next(b for b in zaak.betrokkenen if b.roltype == "rechthebbende")


def _warning_letters(db, rt, zaak, users, today) -> dict[str, list[str]]:
    """Draft and offer a warning; each recipient's name with the address block of the stored letter."""
    judge(db, zaak, users["jurist"], WARN)
    beslissing = submit(db, rt, draft(db, rt, zaak, DraftRequest("waarschuwing", today), users["jurist"], today),
                        users["kabinet"], users["jurist"])
    letters = {}
    for document in current_documents(db, beslissing):
        block = document.context["adresregels"]
        body = read_back(document.inhoud)["body"]
        start = body.index(block[0])
        assert body[start:start + len(block)] == block  # the rendered letter prints the block line by line
        letters[document.ontvanger_naam] = block
    return letters


def test_a_correction_to_a_belgian_address_prints_the_belgian_format_in_the_letter(db, rt, users, today):
    zaak = submit_melding(db, rt, melding(), users["handhaving"], today)
    owner = _owner(zaak)
    data = {**{f: getattr(owner, f) for f in betrokkenen.FIELDS}, **BELGIAN}
    changed = betrokkenen.edit_betrokkene(db, rt, zaak, owner, data, owner.version_id, users["jurist"], today)
    assert changed == BELGIAN
    assert betrokkenen.corrections(db, zaak)[0].wijzigingen["oud"]["land"] == "NL"
    letters = _warning_letters(db, rt, zaak, users, today)
    assert letters["Woonstichting Test"] == ["Woonstichting Test", "Rue de l'Essai 12 bus 3", "4000  LUIK", "BELGIË"]
    # the residents at the Dutch premises: byte for byte as before addresses abroad
    assert letters["T. Testbewoner"] == ["T. Testbewoner", "Teststraat 1", "6200 ZZ  Maastricht"]


def test_an_owner_in_germany_reported_at_intake_gets_the_german_format(db, rt, users, today):
    zaak = submit_melding(db, rt, melding(rechthebbende=GERMAN), users["handhaving"], today)
    owner = _owner(zaak)
    assert (owner.land, owner.postcode) == ("DE", "52062")
    assert [b.land for b in zaak.betrokkenen if b.roltype != "rechthebbende"] == ["NL"]
    letters = _warning_letters(db, rt, zaak, users, today)
    assert letters["Proef Vermietung GmbH"][1:] == ["Probeweg 7a", "52062  AACHEN", "DUITSLAND"]


def test_a_betrokkene_without_a_country_from_a_power_is_dutch():
    person = {"roltype": "bewoner", "naam": "T. Proef", "straat": "Proefstraat", "huisnummer": "1",
              "postcode": "6200 ZZ", "woonplaats": "Maastricht", "elders": "niet opgeslagen"}
    assert Betrokkene(**person_row(person)).land == "NL"
    assert person_row({**person, "land": None})["land"] == "NL"
    assert person_row({**person, "land": "DE"})["land"] == "DE"


def test_the_database_refuses_an_unknown_country(db, rt, users, today):
    zaak = submit_melding(db, rt, melding(), users["handhaving"], today)
    with pytest.raises(IntegrityError):
        db.execute(text("UPDATE betrokkenen SET land = 'FR' WHERE id = :id"), {"id": zaak.betrokkenen[0].id})
        db.flush()
    db.rollback()


def test_migration_0019_runs_down_and_up_over_betrokkenen_abroad(database_url, db, rt, users, today):
    zaak = submit_melding(db, rt, melding(rechthebbende=GERMAN), users["handhaving"], today)
    count = len(zaak.betrokkenen)
    db.close()
    cfg = alembic_config(database_url)
    command.downgrade(cfg, "0018")
    engine = make_engine(database_url)
    with engine.connect() as conn:
        columns = conn.exec_driver_sql("SELECT * FROM betrokkenen").keys()
        assert "land" not in columns
    command.upgrade(cfg, "head")
    with engine.connect() as conn:
        rows = conn.execute(select(Betrokkene.land)).scalars().all()
    engine.dispose()
    assert len(rows) == count and set(rows) == {"NL"}  # an address from before 0019 was entered as Dutch


def test_the_jurist_corrects_an_address_to_belgium_with_the_country_select(app, client, login_as, db, rt, users,
                                                                         today):
    zaak = submit_melding(db, rt, melding(), users["handhaving"], today)
    person = zaak.betrokkenen[0]
    login_as("jurist")
    url = f"/zaken/{zaak.id}/betrokkenen/{person.id}"
    page = client.get(url).get_data(as_text=True)
    assert '<label class="utrecht-form-label" for="f-land">Land</label>' in page
    assert '<option value="" selected>Nederland</option>' in page and '<option value="BE">België</option>' in page
    form = {"version": person.version_id, "naam": person.naam, "geboortedatum": "", **BELGIAN}
    bad = client.post(url, data={**form, "postcode": "52062"})
    assert bad.status_code == 400
    message = "Postcode: vul een Belgische postcode in: vier cijfers, zoals 4000."
    assert message in visible_text(bad.get_data(as_text=True))
    assert '<option value="BE" selected>België</option>' in bad.get_data(as_text=True)  # the choice is kept
    assert client.post(url, data=form).status_code == 302
    shown = client.get(f"/zaken/{zaak.id}").get_data(as_text=True)
    words = visible_text(shown)
    assert "Land Nederland België" in words  # the correction history: field, was, becomes
    assert "4000 LUIK, BELGIË" in words  # the betrokkenen table (whitespace collapsed)
    assert " BE " not in f" {words} " and not leaks(shown)
    db.rollback()
    db.expire_all()
    assert db.get(Betrokkene, person.id).land == "BE"
    again = client.get(url).get_data(as_text=True)
    assert '<option value="BE" selected>België</option>' in again
