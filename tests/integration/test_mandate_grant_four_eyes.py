"""Granting a mandate needs a second beheerder: a grant is pending and gives no power to sign until another
beheerder approves it; the database refuses an active grant without a second pair of eyes."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from app import clock
from app.domain.errors import FourEyesViolation, InvalidInput, InvalidTransition
from app.models import AuditEntry, Mandaat, User
from app.services import mandate_grants
from app.services.cases import signatories
from app.services.queries import mandaat_for
from tests.conftest import PASSWORD

TODAY = clock.today()


@pytest.fixture
def rt(app):
    return app.extensions["bevoegd"]


@pytest.fixture
def beheerder2(db, users, password_hash) -> User:
    user = User(username="beheerder2", display_name="Beheerder2 (test)", role="beheerder", team="oov",
                password_hash=password_hash, zaaktypes=[])
    db.add(user)
    db.commit()
    return user


@pytest.fixture
def nieuw(db, users, password_hash) -> User:
    """A kabinet member without any mandate yet."""
    user = User(username="kabinet3", display_name="Kabinet3 (test)", role="kabinet", team="oov",
                password_hash=password_hash, zaaktypes=["damocles"])
    db.add(user)
    db.commit()
    return user


def grant_data(holder: User, **extra) -> dict:
    data = {"user_id": holder.id, "besluittype": "damocles", "hoedanigheid": "gemandateerde",
            "uitkomsten": ["waarschuwing"], "valid_from": date(2020, 1, 1), "valid_until": None,
            "mandaatbesluit": "Mandaatbesluit 2026 (test)", "functie": "hoofd Kabinet en Veiligheid"}
    return {**data, **extra}


def test_a_grant_is_pending_and_gives_no_power_to_sign(db, rt, users, nieuw):
    mandaat = mandate_grants.grant(db, rt, grant_data(nieuw), users["beheerder"])
    assert mandaat.status == "aangevraagd" and mandaat.verleend_door_id == users["beheerder"].id
    waarschuwing = rt.procedure("damocles").outcome("waarschuwing")
    db.refresh(nieuw)
    assert mandaat_for(nieuw, "damocles", waarschuwing, TODAY) is None
    assert nieuw not in signatories(db, "damocles", waarschuwing, TODAY)
    assert nieuw not in signatories(db, "damocles", None, TODAY)
    from app.domain.mandates import refusal

    assert "wacht nog op goedkeuring" in refusal(nieuw.mandaten, "damocles", waarschuwing, TODAY, "U")
    row = db.scalars(select(AuditEntry).where(AuditEntry.actie == "grant")).one()
    assert row.wijzigingen["oud"] is None and row.wijzigingen["nieuw"]["status"] == "aangevraagd"


def test_the_granter_cannot_approve_their_own_grant(db, rt, users, nieuw):
    mandaat = mandate_grants.grant(db, rt, grant_data(nieuw), users["beheerder"])
    with pytest.raises(FourEyesViolation):
        mandate_grants.approve(db, mandaat, users["beheerder"])
    db.rollback()
    assert db.get(Mandaat, mandaat.id).status == "aangevraagd"


def test_a_second_beheerder_approves_and_then_the_holder_may_sign(db, rt, users, nieuw, beheerder2):
    mandaat = mandate_grants.grant(db, rt, grant_data(nieuw), users["beheerder"])
    mandate_grants.approve(db, mandaat, beheerder2)
    assert (mandaat.status, mandaat.goedgekeurd_door_id) == ("actief", beheerder2.id)
    db.refresh(nieuw)
    waarschuwing = rt.procedure("damocles").outcome("waarschuwing")
    assert mandaat_for(nieuw, "damocles", waarschuwing, TODAY) is not None
    assert nieuw in signatories(db, "damocles", waarschuwing, TODAY)
    row = db.scalars(select(AuditEntry).where(AuditEntry.actie == "approve_mandate")).one()
    assert row.wijzigingen["oud"]["status"] == "aangevraagd" and row.wijzigingen["nieuw"]["status"] == "actief"
    with pytest.raises(InvalidTransition):
        mandate_grants.approve(db, mandaat, beheerder2)


def test_the_database_refuses_an_active_grant_without_a_second_beheerder(db, rt, users, nieuw):
    mandaat = mandate_grants.grant(db, rt, grant_data(nieuw), users["beheerder"])
    own = users["beheerder"].id
    for statement in ("UPDATE mandaten SET status = 'actief' WHERE id = :id",
                      "UPDATE mandaten SET status = 'actief', goedgekeurd_door_id = :own, "
                      "goedgekeurd_at = CURRENT_TIMESTAMP WHERE id = :id"):
        with pytest.raises(IntegrityError):
            db.execute(text(statement), {"id": mandaat.id, "own": own})
            db.flush()
        db.rollback()


def test_a_refused_grant_never_holds(db, rt, users, nieuw, beheerder2):
    mandaat = mandate_grants.grant(db, rt, grant_data(nieuw), users["beheerder"])
    mandate_grants.refuse(db, mandaat, "Verkeerde functie.", beheerder2)
    assert mandaat.status == "afgewezen"
    with pytest.raises(InvalidTransition):
        mandate_grants.approve(db, mandaat, beheerder2)
    db.rollback()
    assert db.scalars(select(AuditEntry).where(AuditEntry.actie == "refuse_mandate")).one().toelichting == (
        "Verkeerde functie.")


def test_ending_a_mandate_sets_its_last_day_and_cannot_extend_it(db, rt, users, nieuw, beheerder2):
    mandaat = mandate_grants.grant(db, rt, grant_data(nieuw, valid_until=date(2030, 12, 31)), users["beheerder"])
    with pytest.raises(InvalidTransition):  # a pending grant is refused, not ended
        mandate_grants.end(db, mandaat, date(2025, 1, 1), users["beheerder"])
    mandate_grants.approve(db, mandaat, beheerder2)
    for wrong in (date(2019, 12, 31), date(2031, 1, 1)):
        with pytest.raises(InvalidInput) as refused:
            mandate_grants.end(db, mandaat, wrong, users["beheerder"])
        assert "laatste_dag" in refused.value.errors
    mandate_grants.end(db, mandaat, date(2024, 6, 30), users["beheerder"])
    row = db.scalars(select(AuditEntry).where(AuditEntry.actie == "end_mandate")).one()
    assert (row.wijzigingen["oud"]["valid_until"], row.wijzigingen["nieuw"]["valid_until"]) == (
        "2030-12-31", "2024-06-30")


@pytest.mark.parametrize(("extra", "field"), [
    ({"uitkomsten": []}, "uitkomsten"),
    ({"uitkomsten": ["huisverbod"]}, "uitkomsten"),  # an outcome of another power
    ({"hoedanigheid": "hulpofficier_van_justitie"}, "uitkomsten"),  # an HOvJ decides no Damocles warning
    ({"besluittype": "onbekend"}, "besluittype"),
    ({"mandaatbesluit": ""}, "mandaatbesluit"),
    ({"functie": ""}, "functie"),
])
def test_a_grant_that_does_not_fit_the_power_is_refused_with_the_field(db, rt, users, nieuw, extra, field):
    with pytest.raises(InvalidInput) as refused:
        mandate_grants.grant(db, rt, grant_data(nieuw, **extra), users["beheerder"])
    assert field in refused.value.errors
    db.rollback()
    assert not db.scalars(select(Mandaat).where(Mandaat.user_id == nieuw.id)).all()


def test_no_mandate_for_a_jurist_or_an_inactive_user(db, rt, users):
    with pytest.raises(InvalidInput) as refused:
        mandate_grants.grant(db, rt, grant_data(users["jurist"]), users["beheerder"])
    assert "user_id" in refused.value.errors


def test_the_mandate_pages_show_pending_grants_and_only_another_beheerder_may_approve(
        client, login_as, db, rt, users, nieuw, beheerder2):
    login_as("beheerder")
    form = {"besluittype": "damocles", "user_id": str(nieuw.id), "uitkomsten": ["waarschuwing", "sluiting"],
            "hoedanigheid": "gemandateerde", "valid_from": "2026-01-01", "valid_until": "",
            "mandaatbesluit": "Mandaatbesluit 2026 (test)", "functie": "hoofd Kabinet en Veiligheid"}
    assert "Waarschuwing" in client.get("/beheer/mandaten/nieuw?bevoegdheid=damocles").get_data(as_text=True)
    assert client.post("/beheer/mandaten/nieuw", data=form).status_code == 302
    db.rollback()
    mandaat = db.scalars(select(Mandaat).where(Mandaat.user_id == nieuw.id)).one()
    page = client.get("/beheer/mandaten").get_data(as_text=True)
    assert "Wacht op goedkeuring" in page and "U heeft dit mandaat zelf verleend" in page
    assert "Waarschuwing, Sluiting" in page or "Waarschuwing, Sluiting" in page.replace("\n", "")
    refused = client.post(f"/beheer/mandaten/{mandaat.id}/goedkeuren")
    assert refused.status_code == 403 and "tweede beheerder" in refused.get_data(as_text=True)
    client.post("/logout")
    client.post("/login", data={"username": "beheerder2", "password": PASSWORD})
    assert client.post(f"/beheer/mandaten/{mandaat.id}/goedkeuren").status_code == 302
    db.rollback()
    assert db.get(Mandaat, mandaat.id).status == "actief"
    assert "Er wacht geen mandaat op goedkeuring." in client.get("/beheer/mandaten").get_data(as_text=True)


def test_a_wrong_grant_form_gets_dutch_errors_and_stores_nothing(client, login_as, db, users, nieuw):
    login_as("beheerder")
    response = client.post("/beheer/mandaten/nieuw", data={
        "besluittype": "damocles", "user_id": str(nieuw.id), "hoedanigheid": "gemandateerde",
        "valid_from": "2026-02-01", "valid_until": "2026-01-01", "mandaatbesluit": "", "functie": ""})
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and "<title>Fout: " in page and 'href="#f-valid_until"' in page
    assert "vóór de begindatum" in page
    db.rollback()
    assert not db.scalars(select(Mandaat).where(Mandaat.user_id == nieuw.id)).all()
