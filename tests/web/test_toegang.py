"""The access list of a restricted zaak (index.yaml `toegang: lijst`) through the web: who sees the zaak, who may
only assign it, granting and revoking, and the signatories, notifications and access log it limits.

A damocles zaak stands in for a power with `toegang: lijst`: the loaded index is patched, so the intake marks
the zaak restricted exactly as it would for such a power.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import select

from app.domain.drafting import DraftRequest
from app.domain.errors import MandateMissing
from app.models import AccessEntry, AuditEntry, Notificatie, Zaak, ZaakToegang
from app.services import assignment, cases, notifications, toegang
from app.services.intake import submit_melding
from app.services.review import current_documents
from tests.factories import melding
from tests.flows import approve_and_send, judge_what_is_missing, submit

GEHEIM = "Geheimhouding Wet Bibob art. 28: deel niets uit dit dossier met derden."
ASSIGN_ONLY = "U kunt alleen een behandelaar toewijzen."


@pytest.fixture
def rt(app, monkeypatch):
    runtime = app.extensions["bevoegd"]
    original = runtime.book.index

    def index(power):
        found = original(power)
        return replace(found, toegang="lijst", vertrouwelijkheid=GEHEIM) if power == "damocles" else found

    monkeypatch.setattr(runtime.book, "index", index)
    return runtime


@pytest.fixture
def zaak(db, rt, users, today) -> Zaak:
    return submit_melding(db, rt, melding(), users["handhaving"], today)


def _fresh(db, zaak) -> Zaak:
    db.rollback()
    db.expire_all()
    return db.get(Zaak, zaak.id)


def _on_list(db, zaak) -> set[str]:
    db.rollback()
    return {row.user.username for row in db.scalars(select(ZaakToegang).where(ZaakToegang.zaak_id == zaak.id))}


def _handled_by_jurist(db, zaak, users) -> Zaak:
    """The jurist assigns the zaak to himself: he is the only one on the list."""
    assignment.assign(db, zaak, users["jurist"].id, zaak.version_id, users["jurist"])
    return _fresh(db, zaak)


def test_intake_of_a_lijst_power_restricts_the_zaak(db, rt, zaak):
    assert zaak.toegang_beperkt is True
    assert _on_list(db, zaak) == set()
    assert rt.book.index("huisverbod").toegang == "open"  # the default


def test_while_the_list_is_empty_a_jurist_of_the_team_may_only_assign(client, login_as, db, users, zaak):
    login_as("jurist")
    assert zaak.identificatie in client.get("/werkvoorraad?lijst=open").get_data(as_text=True)
    page = client.get(f"/zaken/{zaak.id}")
    text = page.get_data(as_text=True)
    assert page.status_code == 200 and "Wijs eerst een behandelaar toe" in text and GEHEIM in text
    assert "T. Testbewoner" not in text and "Advies van de regels" not in text  # no case content
    assert f'action="/zaken/{zaak.id}/behandelaar"' in text
    for method, path in (("post", f"/zaken/{zaak.id}/feiten"), ("get", f"/zaken/{zaak.id}/afsluiten"),
                         ("post", f"/zaken/{zaak.id}/toegang")):
        refused = getattr(client, method)(path, data={"version": zaak.version_id})
        assert refused.status_code == 403 and ASSIGN_ONLY in refused.get_data(as_text=True), path
    db.rollback()
    reasons = [(r.result, r.reason) for r in db.scalars(select(AccessEntry).where(
        AccessEntry.case_id == zaak.identificatie, AccessEntry.object_type == "zaak"))]
    assert ("ok", "toegangslijst leeg: alleen toewijzen") in reasons
    assert reasons.count(("denied", "toegangslijst leeg: alleen toewijzen")) == 3


def test_assignment_puts_the_behandelaar_and_the_assigner_on_the_list(client, login_as, db, users, zaak):
    login_as("jurist")
    response = client.post(f"/zaken/{zaak.id}/behandelaar",
                           data={"behandelaar_id": users["jurist2"].id, "version": zaak.version_id})
    assert response.status_code == 302
    assert _on_list(db, zaak) == {"jurist", "jurist2"}
    audit = db.scalars(select(AuditEntry).where(AuditEntry.hoofd_object == zaak.identificatie,
                                                AuditEntry.actie == "toegang_verleend")).all()
    assert sorted(a.wijzigingen["nieuw"]["gebruiker"] for a in audit) == ["jurist", "jurist2"]
    assert {a.gebruikers_id for a in audit} == {str(users["jurist"].id)}
    page = client.get(f"/zaken/{zaak.id}").get_data(as_text=True)
    assert 'id="toegang">Toegang</h2>' in page and "Jurist2 (test)" in page and GEHEIM in page


def test_a_jurist_of_the_same_team_not_on_the_list_sees_nothing(client, login_as, db, rt, users, zaak, today):
    zaak = _handled_by_jurist(db, zaak, users)
    toegang.grant(db, zaak, users["kabinet"].id, users["jurist"], zaak.version_id)
    zaak = _fresh(db, zaak)
    concept = judge_what_is_missing(db, rt, zaak, DraftRequest("voornemen_sluiting", today, 3), users["jurist"], today)
    approve_and_send(db, rt, users, concept, today)
    document = current_documents(db, concept)[0]

    login_as("jurist2")
    assert client.get(f"/zaken/{zaak.id}").status_code == 404
    assert client.get(f"/documenten/{document.id}/download").status_code == 404
    for page in ("/zaken", "/werkvoorraad?lijst=team", "/termijnen"):
        assert zaak.identificatie not in client.get(page).get_data(as_text=True), page
    db.rollback()
    denied = db.scalars(select(AccessEntry).where(AccessEntry.actor_id == str(users["jurist2"].id),
                                                  AccessEntry.result == "denied")).all()
    assert {d.reason for d in denied} == {"niet op de toegangslijst"} and len(denied) == 2

    login_as("jurist")
    assert client.get(f"/documenten/{document.id}/download").status_code == 200
    assert client.get(f"/zaken/{zaak.id}").status_code == 200
    db.rollback()
    seen = db.scalars(select(AccessEntry).where(AccessEntry.actor_id == str(users["jurist"].id),
                                                AccessEntry.action == "view", AccessEntry.result == "ok")).all()
    assert seen and seen[-1].reason == "toegangslijst" and seen[-1].case_id == zaak.identificatie


def test_a_member_grants_and_revokes_and_both_are_audited(client, login_as, db, users, zaak):
    zaak = _handled_by_jurist(db, zaak, users)
    login_as("jurist")
    page = client.get(f"/zaken/{zaak.id}").get_data(as_text=True)
    assert '<label class="utrecht-form-label" for="f-user_id">' in page and "Kabinet (test) (Kabinet)" in page
    seen = zaak.version_id  # the version on the page: the grant changes it
    added = client.post(f"/zaken/{zaak.id}/toegang", data={"user_id": users["kabinet"].id, "version": seen})
    assert added.status_code == 302 and _on_list(db, zaak) == {"jurist", "kabinet"}
    stale = client.post(f"/zaken/{zaak.id}/toegang", data={"user_id": users["jurist2"].id, "version": seen},
                        follow_redirects=True)
    assert "Toegang: Iemand anders heeft deze zaak intussen gewijzigd" in stale.get_data(as_text=True)
    zaak = _fresh(db, zaak)
    removed = client.post(f"/zaken/{zaak.id}/toegang/{users['kabinet'].id}/intrekken",
                          data={"version": zaak.version_id})
    assert removed.status_code == 302 and _on_list(db, zaak) == {"jurist"}
    acties = [a.actie for a in db.scalars(select(AuditEntry).where(
        AuditEntry.hoofd_object == zaak.identificatie, AuditEntry.resource == "zaak_toegang"))]
    assert acties == ["toegang_verleend", "toegang_verleend", "toegang_ingetrokken"]


def test_refusals_are_in_dutch(client, login_as, db, users, zaak):
    zaak = _handled_by_jurist(db, zaak, users)
    login_as("jurist")
    behandelaar = client.post(f"/zaken/{zaak.id}/toegang/{users['jurist'].id}/intrekken",
                              data={"version": zaak.version_id}, follow_redirects=True).get_data(as_text=True)
    assert "Toegang: Jurist (test) behandelt deze zaak. Wijs eerst een andere behandelaar toe." in behandelaar
    beheerder = client.post(f"/zaken/{zaak.id}/toegang", data={"user_id": users["beheerder"].id,
                                                               "version": zaak.version_id}, follow_redirects=True)
    assert "Toegang: Kies iemand van het team van deze zaak" in beheerder.get_data(as_text=True)
    assert _on_list(db, zaak) == {"jurist"}
    login_as("jurist2")  # not on the list: the zaak does not exist for him
    assert client.post(f"/zaken/{zaak.id}/toegang", data={"user_id": users["jurist2"].id,
                                                          "version": zaak.version_id}).status_code == 404


def test_signatories_and_notifications_are_limited_to_the_list(db, rt, users, zaak, today):
    zaak = _handled_by_jurist(db, zaak, users)
    view = cases.view_zaak(db, rt, zaak, users["jurist"], "test")
    assert view.ondertekenaars == []  # nobody of the kabinet is on the list yet
    concept = judge_what_is_missing(db, rt, zaak, DraftRequest("voornemen_sluiting", today, 3), users["jurist"], today)
    with pytest.raises(MandateMissing, match="toegangslijst"):
        submit(db, rt, concept, users["kabinet"], users["jurist"], today)
    db.rollback()
    zaak = _fresh(db, zaak)
    toegang.grant(db, zaak, users["kabinet"].id, users["jurist"], zaak.version_id)
    signers = cases.view_zaak(db, rt, _fresh(db, zaak), users["jurist"], "test").ondertekenaars
    assert [u.username for u in signers] == ["kabinet"]  # kabinet2 and the mayor hold mandates too

    notifications.notify(db, [users["kabinet"], users["kabinet2"], users["jurist2"]], "toegewezen", zaak,
                         "Test", f"/zaken/{zaak.id}")
    db.commit()
    told = db.scalars(select(Notificatie.user_id).where(Notificatie.zaak_id == zaak.id)).all()
    assert told == [users["kabinet"].id]


def test_a_zaak_without_a_list_is_unchanged(client, login_as, db, users, today, app):
    plain = submit_melding(db, app.extensions["bevoegd"], melding(), users["handhaving"], today)
    assert plain.toegang_beperkt is False
    login_as("jurist2")
    page = client.get(f"/zaken/{plain.id}").get_data(as_text=True)
    assert "Advies van de regels" in page and 'id="toegang"' not in page and "Vertrouwelijk</strong>" not in page
