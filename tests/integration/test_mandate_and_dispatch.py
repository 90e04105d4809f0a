"""Mandates per outcome with validity (drafting, approval, on the spot), the signature in mandate (Awb 10:10),
and the dispatch record per recipient with its own objection or appeal deadline (Awb 3:41, 6:8)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
import time_machine
from sqlalchemy import select, text
from sqlalchemy.exc import DatabaseError

from app.domain.deadlines import AMSTERDAM
from app.domain.drafting import DraftRequest
from app.domain.errors import InvalidInput, InvalidTransition, MandateMissing
from app.models import Beslissing, Mandaat, Verzending
from app.services import review
from app.services.dispatch import DispatchRequest, dispatch_records, record_dispatch
from app.services.intake import submit_melding
from app.services.retention import destroy, due_for_destruction
from app.services.review import current_documents
from tests.factories import huisverbod, melding
from tests.flows import judge_what_is_missing, submit

IMPOSED = datetime(2026, 12, 3, 23, 40, tzinfo=AMSTERDAM)
DECIDED = date(2026, 12, 4)


@pytest.fixture
def rt(app):
    return app.extensions["bevoegd"]


def _mandate(user, code: str) -> Mandaat:
    return next(m for m in user.mandaten if m.besluittype == code)


def _warning(db, rt, users, today) -> Beslissing:
    zaak = submit_melding(db, rt, melding(), users["handhaving"], today)
    return _draft_judging(db, rt, zaak, DraftRequest("waarschuwing", today), users["jurist"], today)


def _draft_judging(db, rt, zaak, request, user, today) -> Beslissing:
    """Draft, recording each judgement drafting still asks for; a deviation from policy where the proposal is
    another measure."""
    return judge_what_is_missing(db, rt, zaak, request, user, today, {"bijzondere_omstandigheden": "ja"})


def _approve(db, rt, beslissing, signer, today) -> Beslissing:
    hashes = [d.sha256 for d in current_documents(db, beslissing)]
    return review.approve(db, rt, beslissing, hashes, beslissing.version_id, signer, today)


def test_a_signatory_whose_mandate_does_not_cover_the_outcome_is_refused_with_the_reason(db, rt, users, today):
    _mandate(users["kabinet"], "damocles").uitkomsten = ["voornemen_sluiting", "sluiting"]
    db.commit()
    beslissing = _warning(db, rt, users, today)
    with pytest.raises(MandateMissing) as refused:
        submit(db, rt, beslissing, users["kabinet"], users["jurist"], today)
    assert refused.value.message == "Het mandaat van Kabinet (test) dekt geen waarschuwing."


def test_a_mandate_not_yet_valid_cannot_be_chosen_and_an_expired_one_cannot_approve(db, rt, users, today):
    mandate = _mandate(users["kabinet"], "damocles")
    mandate.valid_from = today + timedelta(days=1)
    db.commit()
    beslissing = _warning(db, rt, users, today)
    with pytest.raises(MandateMissing, match="geldt pas vanaf"):
        submit(db, rt, beslissing, users["kabinet"], users["jurist"], today)
    db.rollback()
    mandate.valid_from, mandate.valid_until = today - timedelta(days=30), today
    db.commit()
    submit(db, rt, beslissing, users["kabinet"], users["jurist"], today)
    with pytest.raises(MandateMissing, match="het is verlopen"):
        _approve(db, rt, beslissing, users["kabinet"], today + timedelta(days=1))
    assert _approve(db, rt, beslissing, users["kabinet"], today).status == "vastgesteld"


def test_letters_signed_in_mandate_say_namens_deze_with_the_function_and_the_mayor_signs_in_person(db, rt, users,
                                                                                                  today):
    mandated = _warning(db, rt, users, today)
    submit(db, rt, mandated, users["kabinet"], users["jurist"], today)
    assert {tuple(d.context["ondertekening"]) for d in current_documents(db, mandated)} == {
        ("De burgemeester van Maastricht,", "namens deze,", "Kabinet (test)", "hoofd Kabinet en Veiligheid")}
    in_person = _warning(db, rt, users, today)
    submit(db, rt, in_person, users["burgemeester"], users["jurist"], today)
    assert {tuple(d.context["ondertekening"]) for d in current_documents(db, in_person)} == {
        ("De burgemeester van Maastricht,", "Burgemeester (test)")}


def test_an_officer_whose_mandate_expired_cannot_impose_on_the_spot(db, rt, users):
    _mandate(users["hovj"], "huisverbod").valid_until = DECIDED - timedelta(days=1)
    db.commit()
    with time_machine.travel(datetime(2026, 12, 4, 0, 15, tzinfo=AMSTERDAM), tick=False), \
            pytest.raises(MandateMissing, match="het is verlopen"):
        submit_melding(db, rt, huisverbod(IMPOSED), users["hovj"], DECIDED)


@pytest.fixture
def order(db, rt, users) -> Beslissing:
    """A huisverbod imposed on the spot on 4 December 2026: a besluit with direct beroep, approved at once."""
    with time_machine.travel(datetime(2026, 12, 4, 0, 15, tzinfo=AMSTERDAM), tick=False):
        zaak = submit_melding(db, rt, huisverbod(IMPOSED), users["hovj"], DECIDED)
    return db.scalars(select(Beslissing).where(Beslissing.zaak_id == zaak.id, Beslissing.soort == "huisverbod")).one()


def _send(db, rt, order, role, on, user, *, methode="uitreiking", reden="", bereikbaar="") -> Verzending:
    document = next(d for d in current_documents(db, order) if d.ontvanger_rol == role)
    return record_dispatch(db, rt, order, DispatchRequest(document.id, on, methode, "PV-2026-12", reden, bereikbaar),
                           order.version_id, user, date(2026, 12, 7))


def test_each_recipient_gets_a_deadline_from_its_own_sending_date_and_all_sent_makes_it_verzonden(db, rt, order,
                                                                                                 users):
    barred = _send(db, rt, order, "uithuisgeplaatste", DECIDED, users["jurist"])
    assert barred.uiterlijke_reactiedatum == date(2027, 1, 15)  # Friday 4 December + six weeks
    assert order.status == "vastgesteld"
    partner = _send(db, rt, order, "achterblijver", date(2026, 12, 5), users["jurist"], methode="aangetekend")
    assert partner.uiterlijke_reactiedatum == date(2027, 1, 18)  # Saturday 16 January moves to Monday (Atw)
    notified = _send(db, rt, order, "veilig_thuis", date(2026, 12, 7), users["jurist"], methode="digitaal",
                     bereikbaar="Vaste afspraak: meldingen per beveiligde e-mail")
    assert notified.uiterlijke_reactiedatum is None  # told the content, no legal remedy
    assert order.status == "verzonden" and order.verzonden_at is not None


def test_a_sending_date_before_the_approval_is_refused_and_nothing_is_stored(db, rt, order, users):
    with pytest.raises(InvalidInput) as refused:
        _send(db, rt, order, "uithuisgeplaatste", DECIDED - timedelta(days=1), users["jurist"])
    assert "vóór de vaststelling op 04-12-2026" in refused.value.errors["verzonden_op"]
    db.rollback()
    assert db.scalars(select(Verzending)).first() is None


def test_a_correction_needs_a_reason_and_supersedes_the_earlier_record_which_stays_unchanged(db, rt, order, users):
    first = _send(db, rt, order, "uithuisgeplaatste", DECIDED, users["jurist"])
    with pytest.raises(InvalidInput) as refused:
        _send(db, rt, order, "uithuisgeplaatste", date(2026, 12, 7), users["jurist"])
    assert "reden" in refused.value.errors
    db.rollback()
    fixed = _send(db, rt, order, "uithuisgeplaatste", date(2026, 12, 7), users["jurist"], reden="Niet thuis getroffen.")
    assert fixed.vervangt_id == first.id and fixed.uiterlijke_reactiedatum == date(2027, 1, 18)
    assert dispatch_records(db, order)[fixed.document_id].id == fixed.id
    with pytest.raises(DatabaseError):
        db.execute(text("UPDATE verzendingen SET verzonden_op = '2026-12-06' WHERE id = :id"), {"id": first.id})
        db.flush()
    db.rollback()


def test_dispatch_is_recorded_only_after_approval(db, rt, users, today):
    concept = _warning(db, rt, users, today)
    submit(db, rt, concept, users["kabinet"], users["jurist"], today)
    document = current_documents(db, concept)[0]
    with pytest.raises(InvalidTransition):
        record_dispatch(db, rt, concept, DispatchRequest(document.id, today, "post"), concept.version_id,
                        users["jurist"], today)


def test_statutory_destruction_also_removes_the_dispatch_records(db, rt, order, users):
    _send(db, rt, order, "uithuisgeplaatste", DECIDED, users["jurist"])
    due = [d for d in due_for_destruction(db, rt, date(2031, 12, 4)) if d.zaak_id == order.zaak_id]
    destroy(db, rt, due[0], date(2031, 12, 4))
    assert db.scalars(select(Verzending)).first() is None
