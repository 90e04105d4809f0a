"""G2: a mandate is given by one body (Mandaat.orgaan, Awb 10:1). The beheer form asks "Mandaat verleend door" for a
power whose body is settled per zaak, and takes the power's own body otherwise (tests/per_zaak_support.py)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from app import clock
from app.domain.errors import InvalidInput
from app.models import AuditEntry, Mandaat, User
from app.services import mandate_grants
from tests import per_zaak_support as support

folders, app, rt = support.folders, support.app, support.rt  # the per-zaak fixtures


@pytest.fixture
def holder(db, users) -> User:
    user = User(username="kabinet3", display_name="Kabinet3 (test)", role="kabinet", team="oov",
                password_hash="x", zaaktypes=["proef", "damocles"])
    db.add(user)
    db.commit()
    return user


def _grant(holder: User, power: str, **extra) -> dict:
    return {"user_id": holder.id, "besluittype": power, "hoedanigheid": "gemandateerde", "orgaan": None,
            "uitkomsten": ["waarschuwing"], "valid_from": date(2020, 1, 1), "valid_until": None,
            "mandaatbesluit": "Mandaatbesluit 2026 (test)", "functie": "hoofd Vergunningen", **extra}


def test_a_per_zaak_power_needs_the_body_that_gives_the_mandate(db, rt, users, holder):
    with pytest.raises(InvalidInput) as refused:
        mandate_grants.grant(db, rt, _grant(holder, "proef"), users["beheerder"])
    assert refused.value.errors["orgaan"].startswith("Kies wie het mandaat verleent")
    db.rollback()
    mandaat = mandate_grants.grant(db, rt, _grant(holder, "proef", orgaan="college"), users["beheerder"])
    assert db.get(Mandaat, mandaat.id).orgaan == "college"
    audit = db.scalars(select(AuditEntry).where(AuditEntry.actie == "grant")).one()
    assert audit.wijzigingen["nieuw"]["orgaan"] == "college"


def test_a_fixed_body_power_takes_its_body_and_refuses_the_other(db, rt, users, holder):
    with pytest.raises(InvalidInput) as refused:
        mandate_grants.grant(db, rt, _grant(holder, "damocles", orgaan="college"), users["beheerder"])
    assert refused.value.errors["orgaan"] == "Bij deze bevoegdheid beslist de burgemeester; alleen die verleent dit " \
        "mandaat."
    db.rollback()
    mandaat = mandate_grants.grant(db, rt, _grant(holder, "damocles"), users["beheerder"])
    assert mandaat.orgaan == "burgemeester"


def test_the_beheer_form_asks_who_gives_the_mandate(client, login_as, db, holder):
    login_as("beheerder")
    per_zaak = client.get("/beheer/mandaten/nieuw?bevoegdheid=proef").get_data(as_text=True)
    assert "Mandaat verleend door" in per_zaak
    assert 'value="burgemeester"' in per_zaak and 'value="college"' in per_zaak
    fixed = client.get("/beheer/mandaten/nieuw?bevoegdheid=damocles").get_data(as_text=True)
    assert 'value="college"' not in fixed and 'name="orgaan" value="burgemeester" checked' in fixed
    assert 'name="orgaan" value="burgemeester" checked' not in per_zaak  # a choice, not a default
    form = {"besluittype": "proef", "user_id": str(holder.id), "uitkomsten": "waarschuwing",
            "hoedanigheid": "gemandateerde", "valid_from": "2026-01-01", "mandaatbesluit": "Mandaatbesluit (test)",
            "functie": "hoofd Vergunningen"}
    refused = client.post("/beheer/mandaten/nieuw", data=form)
    assert refused.status_code == 400 and "Kies wie het mandaat verleent" in refused.get_data(as_text=True)
    assert client.post("/beheer/mandaten/nieuw", data={**form, "orgaan": "college"}).status_code == 302
    db.rollback()
    assert db.scalars(select(Mandaat).where(Mandaat.user_id == holder.id)).one().orgaan == "college"
    overview = client.get("/beheer/mandaten").get_data(as_text=True)
    assert "Mandaatgever" in overview and "Het college van burgemeester en wethouders" in overview


def test_demo_permit_desk_signs_for_both_bodies_of_an_application_power(db, rt):
    from app.seed import seed_demo

    seed_demo(db, rt, clock.today())
    people = {u.username: u for u in db.scalars(select(User).where(User.team == "vergunningen"))}
    assert set(people) == {"vergunningen", "vergunningen_jurist", "vergunningen_hoofd"}
    assert people["vergunningen"].role == "handhaving" and people["vergunningen_hoofd"].role == "kabinet"
    desk_powers = ["bibob", "proef"]  # only the powers that start from an aanvraag
    assert all(sorted(u.zaaktypes) == desk_powers for u in people.values())
    head = people["vergunningen_hoofd"]
    assert {(m.besluittype, m.orgaan) for m in head.mandaten} == {
        (power, body) for power in desk_powers for body in ("burgemeester", "college")}
    assert {m.functie for m in head.mandaten} == {"hoofd Vergunningen"}
    kabinet = db.scalars(select(User).where(User.username == "kabinet")).one()
    assert {m.orgaan for m in kabinet.mandaten if m.besluittype == "damocles"} == {"burgemeester"}
