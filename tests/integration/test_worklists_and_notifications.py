"""Assignment within a team, notifications created in the use case's own transaction, the daily deadline
notices (idempotent), and their e-mail through a local SMTP sink (an outage loses nothing)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from app.domain.drafting import DraftRequest
from app.domain.errors import ConcurrentEdit, InvalidInput, StaleDocument
from app.models import AuditEntry, Notificatie, User
from app.models.types import utcnow
from app.services import assignment, dispatch, mail, review
from app.services.intake import submit_melding
from app.services.review import current_documents
from app.services.worklists import notify_expiring
from tests.factories import melding
from tests.flows import judge_what_is_missing, submit
from tests.smtp_sink import free_port, settings_for, smtp_sink


@pytest.fixture
def rt(app):
    return app.extensions["bevoegd"]


@pytest.fixture
def zaak(db, rt, users, today):
    return submit_melding(db, rt, melding(), users["handhaving"], today)


def _messages(db, user) -> list[Notificatie]:
    db.expire_all()
    return list(db.scalars(select(Notificatie).where(Notificatie.user_id == user.id).order_by(Notificatie.id)))


def _outsider(db, users, **changes) -> User:
    """A jurist like the others, except for what `changes` says (another team, no zaaktype, ...)."""
    base = users["jurist"]
    user = User(username=changes.pop("username", "jurist_west"), display_name="W. West (test)", role="jurist",
                team="oov", zaaktypes=list(base.zaaktypes), password_hash=base.password_hash)
    for key, value in changes.items():
        setattr(user, key, value)
    db.add(user)
    db.commit()
    return user


def test_a_jurist_assigns_a_case_within_the_team_audited_and_the_new_behandelaar_is_told(db, zaak, users):
    assignment.assign(db, zaak, users["jurist2"].id, zaak.version_id, users["jurist"])
    db.expire_all()
    assert zaak.behandelaar_id == users["jurist2"].id
    entry = db.scalars(select(AuditEntry).where(AuditEntry.actie == "assign")).one()
    assert entry.wijzigingen == {"oud": {"behandelaar": None}, "nieuw": {"behandelaar": "jurist2"}}
    assert [m.soort for m in _messages(db, users["jurist2"])] == ["toegewezen"]
    assignment.assign(db, zaak, users["jurist"].id, zaak.version_id, users["jurist"])  # takes it himself
    db.expire_all()
    assert zaak.behandelaar_id == users["jurist"].id and _messages(db, users["jurist"]) == []


@pytest.mark.parametrize("changes", [{"team": "west"}, {"zaaktypes": ["huisverbod"]}, {"role": "kabinet"},
                                     {"active": False}, {"max_vertrouwelijkheid": "intern"}])
def test_only_a_jurist_who_may_handle_the_case_can_be_assigned(db, zaak, users, changes):
    outsider = _outsider(db, users, **changes)
    assert outsider not in assignment.candidates(db, zaak)
    with pytest.raises(InvalidInput) as refused:
        assignment.assign(db, zaak, outsider.id, zaak.version_id, users["jurist"])
    assert refused.value.errors == {"behandelaar_id": assignment.NOT_ALLOWED}
    db.rollback()
    db.expire_all()
    assert zaak.behandelaar_id is None
    assert db.scalars(select(AuditEntry).where(AuditEntry.actie == "assign")).all() == []


def test_two_people_reassigning_at_once_do_not_overwrite_each_other(db, zaak, users):
    seen = zaak.version_id
    assignment.assign(db, zaak, users["jurist2"].id, seen, users["jurist"])
    with pytest.raises(ConcurrentEdit):
        assignment.assign(db, zaak, users["jurist"].id, seen, users["jurist"])
    db.rollback()
    db.expire_all()
    assert zaak.behandelaar_id == users["jurist2"].id


def _offered(db, rt, zaak, users, today):
    assignment.assign(db, zaak, users["jurist2"].id, zaak.version_id, users["jurist"])
    voornemen = judge_what_is_missing(db, rt, zaak, DraftRequest("voornemen_sluiting", today, 3), users["jurist"],
                                      today)
    return submit(db, rt, voornemen, users["kabinet"], users["jurist"], today)


def test_offering_for_review_tells_the_named_signatory_only(db, rt, zaak, users, today):
    beslissing = _offered(db, rt, zaak, users, today)
    (message,) = _messages(db, users["kabinet"])
    assert message.soort == "ter_vaststelling" and message.link == f"/vaststelling/{beslissing.id}"
    assert zaak.identificatie in message.tekst and "Testbewoner" not in message.tekst
    assert _messages(db, users["kabinet2"]) == []


def test_approval_tells_the_drafter_and_the_behandelaar(db, rt, zaak, users, today):
    beslissing = _offered(db, rt, zaak, users, today)
    review.approve(db, rt, beslissing, [d.sha256 for d in current_documents(db, beslissing)], beslissing.version_id,
                   users["kabinet"], today)
    assert [m.soort for m in _messages(db, users["jurist"])] == ["vastgesteld"]
    assert [m.soort for m in _messages(db, users["jurist2"])] == ["toegewezen", "vastgesteld"]


def test_a_return_tells_the_drafter_and_a_refused_approval_tells_nobody(db, rt, zaak, users, today):
    beslissing = _offered(db, rt, zaak, users, today)
    with pytest.raises(StaleDocument):
        review.approve(db, rt, beslissing, ["0" * 64], beslissing.version_id, users["kabinet"], today)
    db.rollback()
    assert _messages(db, users["jurist"]) == []  # created in the approval's transaction, rolled back with it
    review.return_for_changes(db, rt, beslissing, "De datum klopt niet.", beslissing.version_id, users["kabinet"])
    (message,) = _messages(db, users["jurist"])
    assert message.soort == "teruggestuurd" and message.link == f"/zaken/{zaak.id}"


def _heard(db, rt, zaak, users, today):
    voornemen = _offered(db, rt, zaak, users, today)
    review.approve(db, rt, voornemen, [d.sha256 for d in current_documents(db, voornemen)], voornemen.version_id,
                   users["kabinet"], today)
    for document in current_documents(db, voornemen):  # the zienswijze term runs from sending
        dispatch.record_dispatch(db, rt, voornemen, dispatch.DispatchRequest(document.id, today, "post"),
                                 voornemen.version_id, users["jurist"], today)
    return voornemen


def test_an_approved_voornemen_that_was_never_sent_sets_no_zienswijze_term(db, rt, zaak, users, today):
    voornemen = _offered(db, rt, zaak, users, today)
    review.approve(db, rt, voornemen, [d.sha256 for d in current_documents(db, voornemen)], voornemen.version_id,
                   users["kabinet"], today)
    assert notify_expiring(db, rt, utcnow(), (voornemen.zienswijze_tot - today).days) == 0


def test_the_daily_run_tells_the_behandelaar_of_a_close_deadline_once(db, rt, zaak, users, today):
    voornemen = _heard(db, rt, zaak, users, today)
    now = utcnow()
    days = (voornemen.zienswijze_tot - today).days
    assert notify_expiring(db, rt, now, days - 1) == 0  # not yet within the horizon
    assert notify_expiring(db, rt, now, days) == 1
    assert notify_expiring(db, rt, now, days) == 0  # idempotent: never twice for the same deadline
    assert notify_expiring(db, rt, now + timedelta(days=1), days) == 0
    termijn = [m for m in _messages(db, users["jurist2"]) if m.soort == "termijn"]
    assert len(termijn) == 1 and voornemen.zienswijze_tot.strftime("%d-%m-%Y") in termijn[0].tekst
    assert [m for m in _messages(db, users["jurist"]) if m.soort == "termijn"] == []


def test_without_a_behandelaar_the_team_jurists_who_may_handle_it_are_told(db, rt, zaak, users, today):
    voornemen = _heard(db, rt, zaak, users, today)
    zaak.behandelaar = None
    db.commit()
    west = _outsider(db, users, team="west")
    assert notify_expiring(db, rt, utcnow(), (voornemen.zienswijze_tot - today).days) == 2
    assert [m.soort for m in _messages(db, users["jurist"]) if m.soort == "termijn"] == ["termijn"]
    assert [m for m in _messages(db, west)] == []


def test_the_cli_runs_the_deadline_notices(app, db, rt, zaak, users, today):
    voornemen = _heard(db, rt, zaak, users, today)
    days = str((voornemen.zienswijze_tot - today).days)
    first = app.test_cli_runner().invoke(args=["notificaties", "termijnen", "--dagen", days])
    again = app.test_cli_runner().invoke(args=["notificaties", "termijnen", "--dagen", days])
    assert first.exit_code == 0 and first.output.startswith("1 nieuwe bericht(en)")
    assert again.output.startswith("0 nieuwe bericht(en)")


def test_the_e_mail_reaches_the_signatory_with_the_case_reference_and_a_link_only(db, rt, zaak, users, today):
    users["kabinet"].email = "kabinet@gemeente.example"
    db.commit()
    beslissing = _offered(db, rt, zaak, users, today)
    with smtp_sink() as (sink, port):
        assert mail.send_pending(db, settings_for(port)) == (1, 0)
    ((recipients, message),) = sink.messages
    assert recipients == ["kabinet@gemeente.example"]
    assert message["Subject"] == f"Bevoegd: Nieuwe beslissing ter vaststelling (zaak {zaak.identificatie})"
    body = message.get_payload(decode=True).decode()
    assert f"https://bevoegd.gemeente.example/vaststelling/{beslissing.id}" in body
    assert "Testbewoner" not in body and "Teststraat" not in body
    assert _messages(db, users["kabinet"])[0].mail_verzonden_at is not None


def test_an_smtp_outage_loses_no_notification_and_the_retry_sends_it_once(db, rt, zaak, users, today):
    users["kabinet"].email = "kabinet@gemeente.example"
    db.commit()
    _offered(db, rt, zaak, users, today)
    port = free_port()  # nothing listens here yet
    assert mail.send_pending(db, settings_for(port)) == (0, 1)
    (row,) = _messages(db, users["kabinet"])
    assert row.mail_verzonden_at is None and row.mail_pogingen == 1
    with smtp_sink(port) as (sink, _):
        assert mail.send_pending(db, settings_for(port)) == (1, 0)
        assert mail.send_pending(db, settings_for(port)) == (0, 0)
    assert len(sink.messages) == 1


def test_mail_is_off_without_an_smtp_host(db, rt, zaak, users, today):
    users["kabinet"].email = "kabinet@gemeente.example"
    db.commit()
    _offered(db, rt, zaak, users, today)
    off = mail.SmtpSettings(host="", port=25, sender="")
    assert mail.send_pending(db, off) == (0, 0)
    assert _messages(db, users["kabinet"])[0].mail_verzonden_at is None


def test_mark_read_touches_only_ones_own_messages(db, rt, zaak, users, today):
    from app.services import notifications

    _offered(db, rt, zaak, users, today)
    (row,) = _messages(db, users["kabinet"])
    assert notifications.unread_count(db, users["kabinet"]) == 1
    assert notifications.mark_read(db, users["jurist"], row.id) == 0
    assert notifications.mark_read(db, users["kabinet"], row.id) == 1
    assert notifications.unread_count(db, users["kabinet"]) == 0


