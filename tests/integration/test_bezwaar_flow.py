"""The life of a sent besluit: a bezwaar registered with its timeliness, the hearing, the advice, the decision
term and its postponement, and the decision on the bezwaar, offered to the kabinet, returned, offered again and
approved; only its approval decides the bezwaar, and gegrond then revokes the besluit so it no longer counts
for repeat offences. A huisverbod has no objection stage: direct beroep, and an annulment revokes it."""

from __future__ import annotations

import io
from datetime import date, datetime, timedelta

import pytest
import time_machine
from docx import Document
from sqlalchemy import func, select

from app.domain.deadlines import AMSTERDAM
from app.domain.errors import FourEyesViolation, InvalidInput, InvalidTransition, MandateMissing, StaleDocument
from app.models import AuditEntry, Beslissing, Bezwaar
from app.services import beroep, bezwaar, dispatch, objection_decision, review
from app.services.history import explained
from app.services.intake import submit_melding
from tests.bezwaar_support import PERSON, sent_closure
from tests.factories import huisverbod, melding


@pytest.fixture
def rt(app):
    return app.extensions["bevoegd"]


def _register(db, rt, closure, users, today, **extra):
    resident = next(b for b in closure.zaak.betrokkenen if b.naam == PERSON["naam"])
    data = {"version": closure.zaak.version_id, "betrokkene_id": resident.id, "ontvangen_op": today,
            "wijze": "digitaal", "gepost_op": None, "commissie": False,
            "gronden": ["Er is geen handel vastgesteld.", "De sluiting is te zwaar voor het gezin."], **extra}
    return bezwaar.register(db, rt, closure.zaak, closure, data, users["jurist"], today)


def test_a_bezwaar_is_registered_on_time_with_its_decision_term_and_audited(db, rt, users, today):
    closure = sent_closure(db, rt, users, today)
    same_day = _register(db, rt, closure, users, today)
    assert same_day.tijdigheid == "prematuur"  # received the day it was sent: before the period (6:10)
    received = today + timedelta(days=3)
    with time_machine.travel(received, tick=False):
        row = _register(db, rt, closure, users, received, ontvangen_op=received)
    assert row.tijdigheid == "tijdig" and row.bekendgemaakt_op == today
    assert row.termijn_einde >= today + timedelta(weeks=6)
    assert row.beslistermijn_einde >= row.termijn_einde + timedelta(weeks=6)
    assert row.indiener_naam == PERSON["naam"] and row.indiener_adres
    audited = db.scalars(select(AuditEntry).where(AuditEntry.resource == "bezwaar")).all()
    assert [a.actie for a in audited] == ["create", "create"]


def test_a_waarschuwing_has_no_objection_stage_and_nothing_is_stored(db, rt, users, today):
    closure = sent_closure(db, rt, users, today)
    voornemen = db.scalars(select(Beslissing).where(Beslissing.soort == "voornemen_sluiting")).one()
    with pytest.raises(InvalidTransition, match="geen bezwaar"):
        _register(db, rt, voornemen, users, today)
    db.rollback()
    assert db.scalar(select(func.count()).select_from(Bezwaar)) == 0
    assert closure.intrekking_soort is None


def _offer(db, rt, row, data, signer, user, today):
    return objection_decision.offer(db, rt, row, data, signer, user, today)


def _approve(db, rt, besluit, users, today):
    hashes = [d.sha256 for d in review.current_documents(db, besluit)]
    return review.approve(db, rt, besluit, hashes, besluit.version_id, users["kabinet"], today)


def _text(document) -> str:
    return "\n".join(p.text for p in Document(io.BytesIO(document.inhoud)).paragraphs)


def test_hearing_advice_postponement_and_a_gegrond_decision_revoke_the_closure_for_repeat_offences(
        db, rt, users, today):
    closure = sent_closure(db, rt, users, today)
    later = today + timedelta(days=90)
    with time_machine.travel(later, tick=False):
        next_finding = submit_melding(db, rt, melding(pleegdatum=later - timedelta(days=1), bewoners=[PERSON]),
                                      users["handhaving"], later)

    def counts() -> bool:
        found = explained(db, rt, next_finding, later)
        return next(c for c in found if c.item["id"] == closure.id).counts

    assert counts()
    row = _register(db, rt, closure, users, today, commissie=True)
    twelve = row.beslistermijn_einde
    row = bezwaar.record_step(db, rt, row, "horen", {"version": row.version_id, "hoorzitting_op": today,
                                                     "gehoord": "De bewoner en zijn advocaat",
                                                     "bijgestaan_door": "mr. A. Advocaat"}, users["jurist"], today)
    row = bezwaar.record_step(db, rt, row, "advies", {"version": row.version_id, "advies_op": today,
                                                      "advies_uitkomst": "gegrond",
                                                      "samenvatting": "Gegrond: handel niet aangetoond."},
                              users["jurist"], today)
    row = bezwaar.record_step(db, rt, row, "verdaging", {"version": row.version_id, "verdaagd_op": today},
                              users["jurist"], today)
    assert row.beslistermijn_einde >= twelve + timedelta(weeks=6)
    with pytest.raises(MandateMissing):  # the jurist cannot sign his own decision
        _offer(db, rt, row, _decision(row, today), users["jurist"], users["jurist"], today)
    db.rollback()
    with pytest.raises(InvalidInput) as advice:  # with a committee's advice, say whether it is followed (7:13)
        _offer(db, rt, row, {**_decision(row, today), "advies_gevolgd": None}, users["kabinet"], users["jurist"],
               today)
    assert "advies_gevolgd" in advice.value.errors
    db.rollback()
    with pytest.raises(InvalidInput) as claimed:  # the committee advised gegrond: ongegrond does not follow it
        _offer(db, rt, row, _decision(row, today, "ongegrond"), users["kabinet"], users["jurist"], today)
    assert "andere beslissing" in claimed.value.errors["advies_gevolgd"]
    db.rollback()

    # Offered: a draft beslissing with letters for the kabinet; nothing is decided or revoked yet.
    besluit = _offer(db, rt, row, _decision(row, today), users["kabinet"], users["jurist"], today)
    assert besluit.status == "ter_vaststelling" and besluit.soort == "beslissing_op_bezwaar"
    assert besluit.ondertekenaar_id == users["kabinet"].id and row.besluit_id == besluit.id
    db.refresh(row), db.refresh(closure)
    assert row.uitkomst is None and closure.intrekking_soort is None and counts()
    with pytest.raises(InvalidTransition):  # frozen while the kabinet reviews the letters built from it
        bezwaar.record_step(db, rt, row, "horen", {"version": row.version_id, "hoorzitting_op": None,
                                                   "niet_horen_reden": "Toch niet."}, users["jurist"], today)
    db.rollback()

    # Returned with a comment: back to the jurist, who changes it and offers it again.
    review.return_for_changes(db, rt, besluit, "Noem wat er in de plaats komt.", besluit.version_id,
                              users["kabinet"])
    db.refresh(row), db.refresh(closure)
    assert besluit.status == "concept" and row.uitkomst is None and closure.intrekking_soort is None
    besluit = _offer(db, rt, row, {**_decision(row, today), "version": row.version_id,
                                   "nieuw_besluit": "Een schriftelijke waarschuwing."},
                     users["kabinet"], users["jurist"], today)
    assert besluit.status == "ter_vaststelling" and besluit.maatregel["nieuw_besluit"]
    _assert_letters(db, besluit, row)

    # Approved: only now is the bezwaar decided and the closure revoked, in the approval's transaction.
    _approve(db, rt, besluit, users, today)
    db.refresh(row), db.refresh(closure)
    assert row.uitkomst == "gegrond" and row.beslist_op == today and row.ondertekenaar_id == users["kabinet"].id
    assert all(g["reactie"] for g in row.gronden)
    assert closure.intrekking_soort == "herroepen_in_bezwaar" and closure.intrekking_datum == today
    assert not counts()
    for letter in review.current_documents(db, besluit):  # dispatched per recipient like any other letter
        record = dispatch.record_dispatch(db, rt, besluit, dispatch.DispatchRequest(letter.id, today, "post"),
                                          besluit.version_id, users["jurist"], today)
        assert record.uiterlijke_reactiedatum >= today + timedelta(weeks=6)  # the beroep term (Awb 6:7)
    assert besluit.status == "verzonden"
    with pytest.raises(InvalidTransition):
        _offer(db, rt, row, {**_decision(row, today), "version": row.version_id}, users["kabinet"],
               users["jurist"], today)


def _assert_letters(db, besluit, row) -> None:
    letters = review.current_documents(db, besluit)
    # The objector, and the closure's other addressee (the owner), since a gegrond decision changes the besluit.
    assert [d.ontvanger_naam for d in letters] == [PERSON["naam"], "Woonstichting Test"]
    other = _text(letters[1])
    assert f"het bezwaarschrift van {PERSON['naam']}" in other
    assert "mr. A. Advocaat" not in other and "is de indiener van het bezwaar gehoord (artikel 7:2" in other
    # Its own kenmerk (letters.md §7), not the contested besluit's, which the letter names as well.
    zaak = besluit.zaak.identificatie
    assert {d.context["kenmerk"] for d in letters} == {f"{zaak}-BZ{row.id}"}
    assert f"met kenmerk {zaak} (" in other
    text = _text(letters[0])
    for ground in row.gronden:
        assert ground["grond"] in text
    assert "Terecht: geen handel." in text and "Niet meer aan de orde." in text
    assert "rechtbank Limburg" in text and "zes weken" in text and "voorlopige voorziening" in text
    assert "7:11" in text and "gegrond" in text
    assert "(artikel 7:11, tweede lid, van de Algemene wet bestuursrecht): een schriftelijke waarschuwing." in text
    assert "volgt het advies en neemt de motivering daarvan over." in text
    assert "bent u, bijgestaan door mr. A. Advocaat, gehoord (artikel 7:2" in text
    assert "Deze grond slaagt." in text and "Deze grond slaagt niet." in text


def _decision(row, today, uitkomst="gegrond"):
    return {"version": row.version_id, "uitkomst": uitkomst, "motivering": "De handel is niet aangetoond.",
            "verzenddatum": today, "reacties": ["Terecht: geen handel.", "Niet meer aan de orde."],
            "oordelen": [True, False], "advies_gevolgd": True if row.advies_op else None}


def _not_heard(db, rt, row, users, today, grond="b"):
    return bezwaar.record_step(db, rt, row, "horen", {"version": row.version_id, "hoorzitting_op": None,
                                                      "niet_horen_grond": grond}, users["jurist"], today)


def test_an_ongegrond_decision_keeps_the_closure_and_every_ground_needs_a_response(db, rt, users, today):
    closure = sent_closure(db, rt, users, today)
    row = _register(db, rt, closure, users, today)
    with pytest.raises(InvalidInput) as unheard:  # neither heard nor a ground of 7:3 recorded
        _offer(db, rt, row, _decision(row, today, "ongegrond"), users["kabinet"], users["jurist"], today)
    assert "7:3" in unheard.value.errors["uitkomst"]
    db.rollback()
    row = _not_heard(db, rt, row, users, today)
    with pytest.raises(InvalidInput) as unanswered:
        _offer(db, rt, row, {**_decision(row, today, "ongegrond"), "reacties": ["Nee.", " "]},
               users["kabinet"], users["jurist"], today)
    assert "gronden" in unanswered.value.errors
    db.rollback()
    assert db.scalar(select(func.count()).select_from(Beslissing)
                     .where(Beslissing.soort == "beslissing_op_bezwaar")) == 0
    besluit = _offer(db, rt, row, _decision(row, today, "ongegrond"), users["kabinet"], users["jurist"], today)
    _approve(db, rt, besluit, users, today)
    db.refresh(closure), db.refresh(row)
    assert row.uitkomst == "ongegrond" and closure.intrekking_soort is None
    letters = review.current_documents(db, besluit)
    assert len(letters) == 1 and "blijft in stand" in _text(letters[0])  # unchanged: only the objector


def test_a_late_bezwaar_needs_a_6_11_judgement_and_without_excuse_is_niet_ontvankelijk(db, rt, users, today):
    closure = sent_closure(db, rt, users, today)
    late = today + timedelta(weeks=8)
    with time_machine.travel(late, tick=False):
        row = _register(db, rt, closure, users, late, ontvangen_op=late)
        assert row.tijdigheid == "te_laat"
        with pytest.raises(InvalidInput) as first:
            _offer(db, rt, row, _decision(row, late, "ongegrond"), users["kabinet"], users["jurist"], late)
        assert "6:11" in first.value.errors["uitkomst"]
        db.rollback()
        row = bezwaar.record_step(db, rt, row, "verschoonbaar", {
            "version": row.version_id, "verschoonbaar": False, "reden": "Geen reden voor de late indiening."},
            users["jurist"], late)
        row = _not_heard(db, rt, row, users, late, grond="a")
        besluit = _offer(db, rt, row, {**_decision(row, late, "niet_ontvankelijk"), "reacties": ["", ""]},
                         users["kabinet"], users["jurist"], late)
        _approve(db, rt, besluit, users, late)
        text = _text(review.current_documents(db, besluit)[0])
    db.refresh(row)
    assert row.uitkomst == "niet_ontvankelijk"
    assert "niet-ontvankelijk (artikelen 6:7, 6:9 en 6:11 van de Algemene wet bestuursrecht)" in text
    assert "Geen reden voor de late indiening." in text  # the objector's own letter
    assert "Het bezwaar is kennelijk niet-ontvankelijk. De burgemeester heeft daarom afgezien van het horen" in text


def test_the_kabinet_approves_only_as_the_named_signatory_with_four_eyes(db, rt, users, today):
    row = _register(db, rt, sent_closure(db, rt, users, today), users, today)
    row = _not_heard(db, rt, row, users, today)
    besluit = _offer(db, rt, row, _decision(row, today, "ongegrond"), users["kabinet"], users["jurist"], today)
    hashes = [d.sha256 for d in review.current_documents(db, besluit)]
    with pytest.raises(FourEyesViolation):
        review.approve(db, rt, besluit, hashes, besluit.version_id, users["jurist"], today)
    db.rollback()
    with pytest.raises(StaleDocument):
        review.approve(db, rt, besluit, ["0" * 64], besluit.version_id, users["kabinet"], today)
    db.rollback()
    db.refresh(row)
    assert row.uitkomst is None


def test_not_hearing_needs_one_of_the_five_grounds_of_7_3(db, rt, users, today):
    row = _register(db, rt, sent_closure(db, rt, users, today), users, today)
    for wrong in ({"niet_horen_reden": ""}, {"niet_horen_reden": "Kennelijk ongegrond."}, {"niet_horen_grond": "f"}):
        with pytest.raises(InvalidInput) as refused:
            bezwaar.record_step(db, rt, row, "horen", {"version": row.version_id, "hoorzitting_op": None, **wrong},
                                users["jurist"], today)
        assert "7:3" in refused.value.errors["niet_horen_grond"]
        db.rollback()
    row = bezwaar.record_step(db, rt, row, "horen", {"version": row.version_id, "hoorzitting_op": None,
                                                     "niet_horen_grond": "b"}, users["jurist"], today)
    assert row.niet_horen_grond == "b" and "kennelijk ongegrond" in row.niet_horen_reden


IMPOSED = datetime(2026, 12, 3, 23, 40, tzinfo=AMSTERDAM)


def test_a_huisverbod_goes_to_the_court_and_an_annulment_revokes_it(db, rt, users):
    with time_machine.travel(datetime(2026, 12, 4, 0, 15, tzinfo=AMSTERDAM), tick=False):
        zaak = submit_melding(db, rt, huisverbod(IMPOSED), users["hovj"], date(2026, 12, 4))
    order = db.scalars(select(Beslissing).where(Beslissing.zaak_id == zaak.id)).one()
    day = date(2026, 12, 7)
    with pytest.raises(InvalidTransition):
        bezwaar.register(db, rt, zaak, order, {"version": zaak.version_id, "betrokkene_id": None,
                                               "indiener_naam": "X", "indiener_adres": "Y", "ontvangen_op": day,
                                               "wijze": "digitaal", "commissie": False, "gronden": ["Z"]},
                         users["jurist"], day)
    db.rollback()
    vovo = beroep.register(db, rt, zaak, order, {"version": zaak.version_id, "soort": "voorlopige_voorziening",
                                                 "rechtbank": "Rechtbank Limburg", "indiener_naam": "U. Huisverbod",
                                                 "ingediend_op": day, "zaaknummer": "ROE 26/1234"},
                           users["jurist"], day)
    beroep.record_ruling(db, vovo, {"version": vovo.version_id, "uitspraak": "afgewezen", "uitspraak_op": day},
                         users["jurist"], day)
    assert order.intrekking_soort is None
    appeal = beroep.register(db, rt, zaak, order, {"version": zaak.version_id, "soort": "beroep",
                                                   "rechtbank": "Rechtbank Limburg", "indiener_naam": "U. Huisverbod",
                                                   "ingediend_op": day, "zaaknummer": "ROE 26/1235"},
                             users["jurist"], day)
    with pytest.raises(InvalidInput):
        beroep.record_ruling(db, appeal, {"version": appeal.version_id, "uitspraak": "toegewezen",
                                          "uitspraak_op": day}, users["jurist"], day)
    db.rollback()
    beroep.record_ruling(db, appeal, {"version": appeal.version_id, "uitspraak": "gegrond_vernietigd",
                                      "uitspraak_op": day, "toelichting": "Geen ernstig gevaar aangetoond."},
                         users["jurist"], day)
    db.refresh(order)
    assert order.intrekking_soort == "vernietigd_in_beroep"


def test_statutory_destruction_also_removes_the_beroepen_of_a_huisverbod(db, rt, users):
    from app.models import Beroep
    from app.services.retention import destroy, due_for_destruction

    with time_machine.travel(datetime(2026, 12, 4, 0, 15, tzinfo=AMSTERDAM), tick=False):
        zaak = submit_melding(db, rt, huisverbod(IMPOSED), users["hovj"], date(2026, 12, 4))
    order = db.scalars(select(Beslissing).where(Beslissing.zaak_id == zaak.id)).one()
    day = date(2026, 12, 7)
    beroep.register(db, rt, zaak, order, {"version": zaak.version_id, "soort": "beroep",
                                          "rechtbank": "Rechtbank Limburg", "indiener_naam": "U. Huisverbod",
                                          "ingediend_op": day}, users["jurist"], day)
    due = [d for d in due_for_destruction(db, rt, date(2031, 12, 8)) if d.zaak_id == zaak.id]
    destroy(db, rt, due[0], date(2031, 12, 8))
    assert db.scalars(select(Beroep)).first() is None
