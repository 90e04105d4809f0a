"""Single sign-on against the local OpenID Connect provider of tests/oidc_provider.py (no internet): the browser's
part of the round trip is played by werkzeug's client on the provider, the app's own calls (discovery, JWKS,
token, userinfo) go over HTTP to it on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select
from werkzeug.test import Client

from app import create_app
from app.models import AuditEntry, LoginSession, OidcAccount, User
from app.services.oidc_accounts import Deactivated, NoRole
from app.web.oidc import FAILED, UNREACHABLE
from tests.conftest import PASSWORD
from tests.oidc_provider import BUTTON, CLIENT_ID, Provider


@pytest.fixture
def provider() -> Iterator[Provider]:
    started = Provider().start()
    yield started
    started.stop()


@pytest.fixture
def app(database_url: str, provider: Provider) -> Iterator[Flask]:
    """The conftest's app with single sign-on configured (client, db, users and login_as use this one)."""
    application = create_app({"database_url": database_url, "testing": True, "strict_templates": True,
                              "csrf_enabled": False, **provider.app_settings()})
    yield application
    application.extensions["db_engine"].dispose()


def sso(client: FlaskClient, provider: Provider, start: str = "/login/oidc",
        query: Callable[[str], str] | None = None) -> tuple:
    """Start at the app, let the provider approve, return the app's answer to the callback (and its URL)."""
    response = client.get(start)
    assert response.status_code == 302, response.get_data(as_text=True)[:300]
    target = urlsplit(response.location)
    assert f"{target.scheme}://{target.netloc}" == provider.url
    back = urlsplit(Client(provider.wsgi).get(f"{target.path}?{target.query}").headers["Location"])
    callback = f"{back.path}?{query(back.query) if query else back.query}"
    return client.get(callback), callback


def logged_in(client: FlaskClient) -> bool:
    return client.get("/").status_code == 302 and "/login" not in client.get("/").location


def sso_user(db) -> User | None:
    db.rollback()  # a new read transaction: the app committed meanwhile
    return db.scalars(select(User).join(OidcAccount, OidcAccount.user_id == User.id)).first()


def test_a_mapped_group_logs_in_with_its_role_on_a_new_account(client, provider, db, users):
    response, _ = sso(client, provider)
    assert response.status_code == 302 and response.location == "/"
    assert client.get("/").location == "/werkvoorraad"  # the jurist's start page
    user = sso_user(db)
    assert (user.username, user.role, user.team, user.display_name) == ("jjansen", "jurist", "oov", "J. Jansen (idp)")
    assert user.email == "j.jansen@gemeente.example" and set(user.zaaktypes) == set(users["jurist"].zaaktypes)
    link = db.scalars(select(OidcAccount)).one()
    assert (link.issuer, link.subject) == (provider.url, "medewerker-1")
    asked = provider.authorize_params[-1]
    assert asked["code_challenge_method"] == "S256" and asked["nonce"] and asked["state"]
    assert {"openid", "profile", "email"} <= set(asked["scope"].split())
    acties = [a for a, in db.execute(select(AuditEntry.actie).where(AuditEntry.hoofd_object == f"user:{user.id}"))]
    assert acties == ["create", "login"]


def test_the_session_is_the_local_logins_server_side_session_and_is_renewed(client, provider, db, users):
    with client.session_transaction() as before:
        before["sid"], before["geplant"] = "een-gestolen-sessie", "x"
    sso(client, provider)
    with client.session_transaction() as after:
        assert "geplant" not in after and after["sid"] != "een-gestolen-sessie"
        row = db.get(LoginSession, after["sid"])
    assert row is not None and row.user_id == sso_user(db).id and row.revoked_at is None
    client.post("/logout")
    db.rollback()
    assert db.get(LoginSession, row.id).revoked_at is not None and not logged_in(client)


def test_the_role_follows_the_provider_on_every_login_and_the_change_is_audited(client, provider, db, users):
    sso(client, provider)
    client.post("/logout")
    provider.person["groups"] = ["bevoegd-bibob", "bevoegd-jurist"]  # the first group in the mapping decides
    response, _ = sso(client, provider)
    assert response.status_code == 302
    user = sso_user(db)
    assert (user.role, user.team, user.max_vertrouwelijkheid) == ("jurist", "oov", "vertrouwelijk")
    assert not db.scalars(select(AuditEntry).where(AuditEntry.actie == "update")).all()  # nothing changed
    provider.person["groups"] = ["bevoegd-kabinet"]
    client.post("/logout")
    sso(client, provider)
    user = sso_user(db)
    assert (user.role, user.team) == ("kabinet", "oov") and len(db.scalars(select(OidcAccount)).all()) == 1
    update = db.scalars(select(AuditEntry).where(AuditEntry.actie == "update")).one()
    assert update.wijzigingen["oud"]["role"] == "jurist" and update.wijzigingen["nieuw"]["role"] == "kabinet"
    assert update.gebruikers_id == "system" and "bevoegd-kabinet" in update.toelichting


def test_a_group_mapping_with_zaaktypes_and_level_sets_them(client, provider, db, users):
    provider.person["groups"] = ["bevoegd-bibob"]
    sso(client, provider)
    user = sso_user(db)
    assert (user.team, user.zaaktypes, user.max_vertrouwelijkheid) == ("vergunningen", ["bibob"], "geheim")


def test_a_changed_state_is_refused(client, provider, db, users):
    def other_state(query: str) -> str:
        return urlencode({**dict(parse_qsl(query)), "state": "een-andere-state"})

    response, _ = sso(client, provider, query=other_state)
    assert response.status_code == 400 and FAILED in response.get_data(as_text=True)
    assert sso_user(db) is None and not logged_in(client)


def test_a_callback_replayed_after_logout_is_refused(client, provider, db, users):
    response, callback = sso(client, provider)
    assert response.status_code == 302
    client.post("/logout")
    replay = client.get(callback)
    assert replay.status_code == 400 and not logged_in(client)


@pytest.mark.parametrize("tamper", [
    {"nonce": "een-andere-nonce"},
    {"aud": "een-ander-systeem", "azp": CLIENT_ID},
    {"aud": ["een-ander-systeem"]},
    {"iss": "https://nep-idp.example"},
    {"exp": 1_000_000_000},
    {"foreign_key": True},
], ids=["nonce", "audience-with-azp", "audience", "issuer", "expired", "signature"])
def test_an_id_token_that_does_not_hold_is_refused(client, provider, db, users, tamper):
    provider.tamper = tamper
    response, _ = sso(client, provider)
    assert response.status_code == 400 and FAILED in response.get_data(as_text=True)
    assert sso_user(db) is None and not logged_in(client)


def test_a_person_in_no_mapped_group_is_refused_and_the_refusal_audited(client, provider, db, users):
    provider.person["groups"] = ["iets-anders"]
    response, _ = sso(client, provider)
    assert response.status_code == 403 and NoRole.message in response.get_data(as_text=True)
    assert sso_user(db) is None and not logged_in(client)
    denied = db.scalars(select(AuditEntry).where(AuditEntry.actie == "denied")).one()
    assert denied.hoofd_object == "sso" and "geen groep" in denied.toelichting


def test_a_person_without_the_groups_claim_is_refused(client, provider, db, users):
    del provider.person["groups"]
    response, _ = sso(client, provider)
    assert response.status_code == 403 and sso_user(db) is None


def test_groups_are_read_from_userinfo_when_the_id_token_leaves_them_out(client, provider, db, users):
    provider.groups_in_userinfo_only = True
    response, _ = sso(client, provider)
    assert response.status_code == 302 and sso_user(db).role == "jurist"


def test_a_deactivated_user_is_refused(client, provider, db, users):
    sso(client, provider)
    client.post("/logout")
    user = sso_user(db)
    user.active = False
    db.commit()
    response, _ = sso(client, provider)
    assert response.status_code == 403 and Deactivated.message in response.get_data(as_text=True)
    assert not logged_in(client)


def test_a_local_account_with_the_same_name_is_not_taken_over(client, provider, db, users):
    provider.person["preferred_username"] = "jurist"  # the conftest's local jurist
    sso(client, provider)
    user = sso_user(db)
    assert user.username.startswith("jurist-") and user.id != users["jurist"].id
    client.post("/logout")
    refused = client.post("/login", data={"username": user.username, "password": PASSWORD})
    assert refused.status_code != 302  # an account made by single sign-on has no password


def test_next_is_kept_and_reauthentication_asks_the_provider_to_authenticate_again(client, provider, users):
    response, _ = sso(client, provider, start="/login/oidc?next=/zaken&reauth=1")
    assert response.location == "/zaken" and provider.authorize_params[-1]["prompt"] == "login"
    client.post("/logout")
    response, _ = sso(client, provider, start="/login/oidc?next=https://elders.example/")
    assert response.location == "/" and "prompt" not in provider.authorize_params[-1]


def test_the_login_page_offers_single_sign_on(client):
    page = client.get("/login?next=/zaken").get_data(as_text=True)
    assert BUTTON in page and 'href="/login/oidc?next=/zaken"' in page


def test_a_discovery_document_naming_another_issuer_is_not_followed(client, provider, users):
    provider.tamper = {"discovery_issuer": "https://nep-idp.example"}
    response = client.get("/login/oidc")
    assert response.status_code == 502 and FAILED in response.get_data(as_text=True)


def test_an_unreachable_provider_gives_503_with_a_dutch_message(client, provider, users):
    provider.stop()
    response = client.get("/login/oidc")
    assert response.status_code == 503 and UNREACHABLE in response.get_data(as_text=True)


def test_without_a_provider_the_login_page_shows_only_the_local_form(database_url):
    plain = create_app({"database_url": database_url, "testing": True, "strict_templates": True,
                        "csrf_enabled": False})
    client = plain.test_client()
    assert BUTTON not in client.get("/login").get_data(as_text=True)
    assert client.get("/login/oidc").status_code == 404 and client.get("/login/oidc/callback").status_code == 404
    plain.extensions["db_engine"].dispose()


@pytest.mark.parametrize(("settings", "words"), [
    ({"oidc_client_secret": ""}, "BEVOEGD_OIDC_CLIENT_SECRET"),
    ({"oidc_mapping": {"groups": {"g": {"role": "burgemeester", "team": "oov"}}}}, "'role'"),
    ({"oidc_mapping": {"groups": {"g": {"role": "jurist", "team": "oov", "zaaktypes": ["onbekend"]}}}}, "zaaktypes"),
])
def test_a_wrong_configuration_stops_the_start(database_url, provider, settings, words):
    with pytest.raises(RuntimeError, match=words):
        create_app({"database_url": database_url, "testing": True, **provider.app_settings(), **settings})
