"""Dispatch after approval on a real session: e-mail and Berichtenbox only with the addressee's own statement that
he is reachable that way (Awb 2:14 lid 1), and a letter that came back (retour), after which it counts as not
sent until a new sending, with its own deadline, supersedes the returned record."""

from __future__ import annotations

from datetime import date, datetime

import pytest
import time_machine
from sqlalchemy import select

from app.domain.deadlines import AMSTERDAM
from app.domain.dispatch import BesluitDates
from app.domain.errors import ConcurrentEdit, InvalidInput
from app.models import AuditEntry, Beslissing, Retour, Verzending
from app.services.dispatch import (
    DispatchRequest,
    ReturnRequest,
    dispatch_records,
    record_dispatch,
    record_return,
    sending_dates,
)
from app.services.intake import submit_melding
from app.services.review import current_documents
from tests.factories import huisverbod

IMPOSED = datetime(2026, 12, 3, 23, 40, tzinfo=AMSTERDAM)
DECIDED = date(2026, 12, 4)
TODAY = date(2026, 12, 14)
CONSENT = "Per e-mail van 2 december 2026 gevraagd om post per e-mail"


@pytest.fixture
def rt(app):
    return app.extensions["bevoegd"]


@pytest.fixture
def order(db, rt, users) -> Beslissing:
    """A huisverbod imposed on the spot on 4 December 2026, approved at once, with three letters."""
    with time_machine.travel(datetime(2026, 12, 4, 0, 15, tzinfo=AMSTERDAM), tick=False):
        zaak = submit_melding(db, rt, huisverbod(IMPOSED), users["hovj"], DECIDED)
    return db.scalars(select(Beslissing).where(Beslissing.zaak_id == zaak.id, Beslissing.soort == "huisverbod")).one()


def _letter(db, order, role):
    return next(d for d in current_documents(db, order) if d.ontvanger_rol == role)


def _send(db, rt, order, role, on, user, *, methode="post", reden="", bereikbaar="") -> Verzending:
    request = DispatchRequest(_letter(db, order, role).id, on, methode, "3SABC1234567", reden, bereikbaar)
    return record_dispatch(db, rt, order, request, order.version_id, user, TODAY)


def _return(db, order, role, on, user, reden="onbestelbaar", bekendgemaakt="nee") -> Retour:
    request = ReturnRequest(_letter(db, order, role).id, on, reden, bekendgemaakt,
                            "Retour afzender: verhuisd; nieuw adres in de BRP.")
    return record_return(db, order, request, order.version_id, user, TODAY)


@pytest.mark.parametrize("methode", ["digitaal", "berichtenbox"])
def test_an_electronic_sending_needs_the_addressees_statement_and_stores_it(db, rt, order, users, methode):
    with pytest.raises(InvalidInput) as refused:
        _send(db, rt, order, "uithuisgeplaatste", DECIDED, users["jurist"], methode=methode, bereikbaar="  ")
    assert "Awb 2:14 lid 1" in refused.value.errors["elektronisch_bereikbaar"]
    db.rollback()
    assert db.scalars(select(Verzending)).first() is None
    row = _send(db, rt, order, "uithuisgeplaatste", DECIDED, users["jurist"], methode=methode,
                bereikbaar=f" {CONSENT} ")
    assert row.methode == methode and row.elektronisch_bereikbaar == CONSENT


def test_a_refused_form_names_every_wrong_field_at_once_and_post_keeps_no_statement(db, rt, order, users):
    _send(db, rt, order, "achterblijver", DECIDED, users["jurist"])
    with pytest.raises(InvalidInput) as refused:
        _send(db, rt, order, "achterblijver", date(2026, 12, 3), users["jurist"], methode="digitaal")
    assert set(refused.value.errors) == {"verzonden_op", "elektronisch_bereikbaar", "reden"}
    db.rollback()
    row = _send(db, rt, order, "uithuisgeplaatste", DECIDED, users["jurist"], bereikbaar=CONSENT)
    assert row.elektronisch_bereikbaar == ""  # only e-mail and the Berichtenbox rest on it


def test_a_returned_letter_counts_as_not_sent_until_a_new_sending_supersedes_it(db, rt, order, users):
    _send(db, rt, order, "uithuisgeplaatste", DECIDED, users["jurist"])
    partner = _send(db, rt, order, "achterblijver", DECIDED, users["jurist"], methode="aangetekend")
    _return(db, order, "achterblijver", date(2026, 12, 9), users["jurist"], reden="niet_afgehaald")
    _send(db, rt, order, "veilig_thuis", date(2026, 12, 7), users["jurist"])
    assert order.status == "vastgesteld"  # every letter recorded, but one came back
    assert sending_dates(db, order) == BesluitDates(DECIDED, date(2027, 1, 15))
    with pytest.raises(InvalidInput) as refused:
        _send(db, rt, order, "achterblijver", date(2026, 12, 10), users["jurist"], methode="uitreiking")
    assert "opnieuw verzendt" in refused.value.errors["reden"]
    db.rollback()
    again = _send(db, rt, order, "achterblijver", date(2026, 12, 10), users["jurist"], methode="uitreiking",
                  reden="Aangetekende brief niet afgehaald; door de politie uitgereikt.")
    assert again.vervangt_id == partner.id and again.uiterlijke_reactiedatum == date(2027, 1, 21)
    assert order.status == "verzonden"
    assert sending_dates(db, order) == BesluitDates(DECIDED, date(2027, 1, 21))


def test_a_return_after_the_beslissing_was_sent_reopens_only_that_letter(db, rt, order, users):
    for role in ("uithuisgeplaatste", "achterblijver", "veilig_thuis"):
        _send(db, rt, order, role, DECIDED, users["jurist"])
    assert order.status == "verzonden"
    retour = _return(db, order, "uithuisgeplaatste", date(2026, 12, 8), users["jurist"])
    current = dispatch_records(db, order)
    assert retour.verzending_id == current[_letter(db, order, "uithuisgeplaatste").id].id
    assert order.status == "verzonden"  # it was sent; whether that made it known is the jurist's judgement
    audit = db.scalars(select(AuditEntry).where(AuditEntry.actie == "return_mail")).one()
    assert audit.resource_id == str(retour.verzending_id)
    assert audit.toelichting == "Retour afzender: verhuisd; nieuw adres in de BRP."
    assert audit.wijzigingen["nieuw"]["reden"] == "onbestelbaar"


def test_a_return_needs_a_sent_letter_a_date_after_sending_and_only_one_per_sending(db, rt, order, users):
    with pytest.raises(InvalidInput) as unsent:
        _return(db, order, "uithuisgeplaatste", date(2026, 12, 8), users["jurist"])
    assert "geen verzending vastgelegd" in unsent.value.errors["document_id"]
    db.rollback()
    _send(db, rt, order, "uithuisgeplaatste", date(2026, 12, 7), users["jurist"])
    with pytest.raises(InvalidInput) as early:
        _return(db, order, "uithuisgeplaatste", date(2026, 12, 6), users["jurist"])
    assert "verzonden op 07-12-2026" in early.value.errors["ontvangen_op"]
    db.rollback()
    with pytest.raises(InvalidInput) as future:
        _return(db, order, "uithuisgeplaatste", date(2026, 12, 15), users["jurist"])
    assert "toekomst" in future.value.errors["ontvangen_op"]
    db.rollback()
    _return(db, order, "uithuisgeplaatste", date(2026, 12, 8), users["jurist"])
    with pytest.raises(InvalidInput) as twice:
        _return(db, order, "uithuisgeplaatste", date(2026, 12, 9), users["jurist"])
    assert "al vastgelegd dat de brief terugkwam" in twice.value.errors["document_id"]
    db.rollback()
    assert len(db.scalars(select(Retour)).all()) == 1


def test_a_return_from_a_stale_form_is_refused(db, rt, order, users):
    _send(db, rt, order, "uithuisgeplaatste", DECIDED, users["jurist"])
    stale = order.version_id - 1
    request = ReturnRequest(_letter(db, order, "uithuisgeplaatste").id, date(2026, 12, 8), "geweigerd", "ja",
                            "Geweigerd aan de deur.")
    with pytest.raises(ConcurrentEdit):
        record_return(db, order, request, stale, users["jurist"], TODAY)


def test_a_return_needs_a_reasoned_judgement_whether_the_besluit_was_made_known(db, rt, order, users):
    _send(db, rt, order, "uithuisgeplaatste", DECIDED, users["jurist"])
    request = ReturnRequest(_letter(db, order, "uithuisgeplaatste").id, date(2026, 12, 8), "niet_afgehaald")
    with pytest.raises(InvalidInput) as refused:
        record_return(db, order, request, order.version_id, users["jurist"], TODAY)
    assert set(refused.value.errors) == {"bekendgemaakt", "toelichting"}


def test_a_registered_letter_not_collected_judged_made_known_keeps_its_deadline(db, rt, order, users):
    first = _send(db, rt, order, "uithuisgeplaatste", DECIDED, users["jurist"], methode="aangetekend")
    _return(db, order, "uithuisgeplaatste", date(2026, 12, 9), users["jurist"], reden="niet_afgehaald",
            bekendgemaakt="ja")
    assert sending_dates(db, order).verzenddatum == DECIDED  # still the bekendmaking
    assert dispatch_records(db, order)[first.document_id].uiterlijke_reactiedatum == first.uiterlijke_reactiedatum


def test_registered_post_and_hand_delivery_need_their_proof(db, rt, order, users):
    letter = _letter(db, order, "uithuisgeplaatste")
    for methode in ("aangetekend", "uitreiking"):
        with pytest.raises(InvalidInput) as refused:
            record_dispatch(db, rt, order, DispatchRequest(letter.id, DECIDED, methode, " "), order.version_id,
                            users["jurist"], TODAY)
        assert "bewijs" in refused.value.errors
        db.rollback()
