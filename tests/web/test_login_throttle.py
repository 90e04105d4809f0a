"""The login throttle cannot be turned against users (issue 13, items 2 and 3): back-off per (account, source),
per source and per account instead of a lock, the client address behind trusted proxies, one argon2
verification whether or not the user name exists, and a beheerder who sees and lifts blocks."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta

import pytest
from flask import Flask
from sqlalchemy import select

from app import create_app
from app.models import AuditEntry, LoginThrottle
from app.models.types import utcnow
from app.services import accounts, login_throttle
from tests.conftest import PASSWORD

ATTACKER, COLLEAGUE, PROXY = "198.51.100.66", "198.51.100.7", "10.0.0.1"


@pytest.fixture
def app(database_url: str) -> Iterator[Flask]:
    """A first block of a minute, so a test never races a one-second back-off on a slow machine."""
    application = create_app({"database_url": database_url, "testing": True, "strict_templates": True,
                              "csrf_enabled": False, "login_backoff_seconds": 60})
    yield application
    application.extensions["db_engine"].dispose()


@pytest.fixture
def proxied_app(database_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Flask]:
    """Behind one reverse proxy, configured the way an operator does it: in the environment."""
    monkeypatch.setenv("BEVOEGD_TRUSTED_PROXIES", "1")
    application = create_app({"database_url": database_url, "testing": True, "strict_templates": True,
                              "csrf_enabled": False, "login_backoff_seconds": 60})
    monkeypatch.delenv("BEVOEGD_TRUSTED_PROXIES")  # read once at start-up: another app in this test has no proxy
    yield application
    application.extensions["db_engine"].dispose()


def attempt(client, username: str, password: str, source: str, forwarded: str | None = None):  # noqa: ANN001, ANN201
    headers = {"X-Forwarded-For": forwarded} if forwarded else {}
    return client.post("/login", data={"username": username, "password": password},
                       environ_base={"REMOTE_ADDR": source}, headers=headers)


def test_twenty_wrong_passwords_from_one_address_do_not_lock_the_user_out_elsewhere(client, users):
    answers = [attempt(client, "burgemeester", "fout", ATTACKER).status_code for _ in range(20)]
    assert answers[:5] == [400] * 5 and set(answers[5:]) == {429}  # the attacker waits
    assert attempt(client, "burgemeester", PASSWORD, ATTACKER).status_code == 429  # even with the right password
    assert attempt(app_client(client), "burgemeester", PASSWORD, COLLEAGUE).status_code == 302


def test_an_empty_name_storm_behind_the_proxy_does_not_block_colleagues(proxied_app, users, db):
    client = proxied_app.test_client()
    answers = [attempt(client, "", "x", PROXY, forwarded=ATTACKER).status_code for _ in range(25)]
    assert answers[:20] == [400] * 20 and set(answers[20:]) == {429}  # the per-source limit stops the storm
    assert attempt(client, "jurist", PASSWORD, PROXY, forwarded=COLLEAGUE).status_code == 302
    scopes = {(r.scope, r.username) for r in db.scalars(select(LoginThrottle))}
    assert scopes == {("bron", "")}  # an empty name is counted per source only


def test_the_forwarded_address_counts_only_behind_a_trusted_proxy(proxied_app, app, db):
    # The proxy appends the address it saw; what the client wrote before it (203.0.113.5) is not trusted.
    attempt(proxied_app.test_client(), "jurist", "fout", PROXY, forwarded=f"203.0.113.5, {ATTACKER}")
    attempt(app.test_client(), "kabinet", "fout", PROXY, forwarded=ATTACKER)  # no proxy configured: forged
    rows = {(r.scope, r.username, r.source) for r in db.scalars(select(LoginThrottle))}
    assert {("account_bron", "jurist", ATTACKER), ("bron", "", ATTACKER)} <= rows
    assert {("account_bron", "kabinet", PROXY), ("bron", "", PROXY)} <= rows
    assert not {r for r in rows if r[2] == "203.0.113.5"}


def test_trusted_proxies_must_be_a_count(database_url, monkeypatch):
    monkeypatch.setenv("BEVOEGD_TRUSTED_PROXIES", "ja")
    with pytest.raises(RuntimeError, match="BEVOEGD_TRUSTED_PROXIES"):
        create_app({"database_url": database_url, "testing": True})


def test_back_off_doubles_from_the_threshold_and_is_capped(app, db):
    config = replace(app.extensions["bevoegd"].config, login_backoff_seconds=1)
    keys, now, delays = login_throttle.keys_for("burgemeester", ATTACKER), utcnow(), []
    for _ in range(17):
        delays.append(login_throttle.record_failure(db, config, keys, now))
        db.commit()
        assert login_throttle.wait_seconds(db, keys, now) == delays[-1]
        now += timedelta(seconds=delays[-1] + 1)  # the next attempt comes once the block has ended
        assert login_throttle.wait_seconds(db, keys, now) == 0
    assert delays == [0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900, 900]
    now += timedelta(minutes=config.login_window_minutes + 1)  # quiet for the window after the block ended
    assert login_throttle.record_failure(db, config, keys, now) == 0  # the counter started again


def test_the_account_wide_limit_is_high_and_short(app, db):
    config = app.extensions["bevoegd"].config
    now, delays = utcnow(), []
    for i in range(config.login_account_max_failures + 8):  # many addresses, each far below its own threshold
        delays.append(login_throttle.record_failure(db, config, login_throttle.keys_for("kabinet", f"10.1.{i}.1"),
                                                    now))
    assert not any(delays[:config.login_account_max_failures - 1])
    assert max(delays) == config.login_account_backoff_max_seconds == 60


def test_the_wait_message_is_the_same_for_known_and_unknown_names(client, users):
    for name in ("jurist", "niemand-bekend"):
        for _ in range(5):
            assert attempt(client, name, "fout", ATTACKER).status_code == 400
        response = attempt(client, name, PASSWORD, ATTACKER)
        assert response.status_code == 429 and response.headers["Retry-After"] == "60"
        assert "Te veel mislukte inlogpogingen. Wacht 60 seconden en probeer het dan opnieuw." in response.text


def test_blocks_and_unblocks_are_in_the_audit_trail_and_a_beheerder_lifts_them(client, users, login_as, db):
    for _ in range(6):
        attempt(client, "burgemeester", "fout", ATTACKER)
    blocked = db.scalars(select(AuditEntry).where(AuditEntry.actie == "login_block")).all()
    assert [(e.gebruikers_id, e.resource_weergave) for e in blocked] == [
        ("system", f"gebruikersnaam 'burgemeester' vanaf {ATTACKER}")]
    login_as("beheerder")
    page = client.get("/beheer/inlogblokkades").text
    assert f"gebruikersnaam &#39;burgemeester&#39; vanaf {ATTACKER}" in page and "Opheffen" in page
    row_id = db.scalar(select(LoginThrottle.id).where(LoginThrottle.scope == "account_bron"))
    response = client.post(f"/beheer/inlogblokkades/{row_id}/opheffen", follow_redirects=True)
    assert "is opgeheven" in response.text and "Er zijn geen blokkades." in response.text
    db.rollback()  # a new snapshot: the app committed since this session last read
    lifted = db.scalars(select(AuditEntry).where(AuditEntry.actie == "login_unblock")).one()
    assert lifted.gebruikers_id == str(users["beheerder"].id) and lifted.wijzigingen["oud"]["mislukte_pogingen"] == 5
    assert attempt(app_client(client), "burgemeester", PASSWORD, ATTACKER).status_code == 302
    assert client.post(f"/beheer/inlogblokkades/{row_id}/opheffen", follow_redirects=True).status_code == 200


@pytest.mark.parametrize(("username", "password"), [("niemand-bekend", "fout"), ("jurist", "fout"),
                                                     ("", "fout"), ("jurist", PASSWORD)])
def test_every_login_verifies_exactly_one_argon2_hash(client, users, monkeypatch, username, password):
    """Unknown and known names cost the same argon2 work (issue 13 measured 40 against 165 ms)."""
    calls: list[str] = []
    real = accounts._hasher

    class Spy:
        def verify(self, stored: str, given: str) -> bool:
            calls.append(stored)
            return real.verify(stored, given)

        def __getattr__(self, name: str):  # noqa: ANN204
            return getattr(real, name)

    monkeypatch.setattr(accounts, "_hasher", Spy())
    attempt(client, username, password, COLLEAGUE)
    assert len(calls) == 1 and calls[0].startswith("$argon2id$")


def app_client(client):  # noqa: ANN001, ANN201
    """A fresh client of the same app: another person's browser, without the first one's cookies."""
    return client.application.test_client()


def test_guessing_from_many_addresses_cannot_keep_a_person_out_of_a_browser_they_used_before(database_url, users):
    # The per-name counter (all addresses) is what a distributed attack can drive; a browser that logged in with
    # this name before (signed device cookie) is judged only by the name's counter at its own address.
    application = create_app({"database_url": database_url, "testing": True, "strict_templates": True,
                              "csrf_enabled": False, "login_backoff_seconds": 60, "login_account_max_failures": 3})
    own, stranger = application.test_client(), application.test_client()
    assert attempt(own, "burgemeester", PASSWORD, COLLEAGUE).status_code == 302
    own.post("/logout", environ_base={"REMOTE_ADDR": COLLEAGUE})
    for n in range(3):  # three addresses, one wrong password each: the name's own counter blocks
        assert attempt(application.test_client(), "burgemeester", "fout", f"203.0.113.{n}").status_code == 400
    assert attempt(stranger, "burgemeester", PASSWORD, "203.0.113.50").status_code == 429  # an unknown browser waits
    assert attempt(own, "burgemeester", PASSWORD, COLLEAGUE).status_code == 302  # the person's own browser does not
    application.extensions["db_engine"].dispose()
