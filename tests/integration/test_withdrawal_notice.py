"""A withdrawn offer: the signatory's review message goes out of date and a withdrawal notice replaces it, in
the withdrawal's own transaction; every message names the decision (outcome and kenmerk)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.domain.drafting import DraftRequest
from app.models import Notificatie
from app.services import notifications
from app.services.intake import submit_melding
from app.services.withdrawal import withdraw_offer
from tests.factories import melding
from tests.flows import judge_what_is_missing, submit


@pytest.fixture
def rt(app):
    return app.extensions["bevoegd"]


@pytest.fixture
def offered(db, rt, users, today):
    zaak = submit_melding(db, rt, melding(), users["handhaving"], today)
    voornemen = judge_what_is_missing(db, rt, zaak, DraftRequest("voornemen_sluiting", today, 3), users["jurist"],
                                      today)
    return submit(db, rt, voornemen, users["kabinet"], users["jurist"], today)


def _messages(db, user) -> list[Notificatie]:
    db.expire_all()
    return list(db.scalars(select(Notificatie).where(Notificatie.user_id == user.id).order_by(Notificatie.id)))


def test_withdrawing_makes_the_review_message_obsolete_and_tells_the_signatory(db, rt, users, offered):
    (pending,) = _messages(db, users["kabinet"])
    assert pending.gelezen_at is None
    assert notifications.unread_count(db, users["kabinet"]) == 1
    withdraw_offer(db, rt, offered, offered.version_id, users["jurist"], "Adres klopt niet.")
    review, notice = _messages(db, users["kabinet"])
    assert review.id == pending.id and review.gelezen_at is not None
    assert notice.soort == "ingetrokken" and notice.gelezen_at is None and "teruggetrokken" in notice.tekst
    assert notifications.unread_count(db, users["kabinet"]) == 1  # the notice, not the stale review item


def test_a_message_names_the_outcome_and_the_kenmerk(db, rt, users, offered):
    (message,) = _messages(db, users["kabinet"])
    assert message.tekst.startswith(f"Zaak {offered.zaak.identificatie}: voornemen tot sluiting (brief van ")
    assert offered.verzenddatum.strftime("%d-%m-%Y") in message.tekst


def test_a_failed_withdrawal_leaves_the_messages_as_they_were(db, rt, users, offered):
    with pytest.raises(Exception):  # noqa: B017, PT011 (a stale version: ConcurrentEdit)
        withdraw_offer(db, rt, offered, offered.version_id - 1, users["jurist"])
    db.rollback()
    (message,) = _messages(db, users["kabinet"])
    assert message.soort == "ter_vaststelling" and message.gelezen_at is None
