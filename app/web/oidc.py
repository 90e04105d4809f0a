"""Single sign-on with the municipality's identity provider: OpenID Connect, authorization code flow with PKCE.

authlib does the protocol: the state (kept in the signed session cookie and usable once), the nonce, the S256
code challenge, the ID token's signature against the provider's published keys (JWKS), and its claims: `iss`
must be the configured issuer, `aud` this client, `exp` in the future. The account side (who this person is
here, which role) is services/oidc_accounts.py. Off while no issuer is configured: the routes answer 404 and
the login page shows only the local form.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

from authlib.common.errors import AuthlibBaseError
from authlib.integrations.flask_client import OAuth
from flask import Blueprint, Flask, abort, current_app, redirect, render_template, request, session, url_for
from flask_login import login_user
from joserfc.errors import JoseError

from app.config import Config
from app.db import get_session
from app.services import oidc_accounts
from app.web.auth import _safe_next

bp = Blueprint("oidc", __name__)
log = logging.getLogger(__name__)
CLIENT = "gemeente"  # authlib's name for the one provider; it prefixes the state keys in the session
NEXT, MAPPING = "oidc_next", "bevoegd_oidc_mapping"
FAILED = ("Inloggen via de identiteitsprovider van de gemeente is niet gelukt. Probeer het opnieuw of log in met "
          "uw gebruikersnaam en wachtwoord.")
UNREACHABLE = ("De identiteitsprovider van de gemeente is nu niet bereikbaar. Probeer het later opnieuw of log in "
               "met uw gebruikersnaam en wachtwoord.")


def init_app(app: Flask, config: Config) -> None:
    """Register the provider as authlib's client when configured; a wrong mapping file stops the start."""
    app.jinja_env.globals["oidc_enabled"] = bool(config.oidc_issuer)
    if not config.oidc_issuer:
        return
    app.extensions[MAPPING] = oidc_accounts.load_mapping(config, app.extensions["bevoegd"].book.powers)
    oauth = OAuth(app)  # one registry per app: tests build apps against different providers
    oauth.register(
        CLIENT, client_id=config.oidc_client_id, client_secret=config.oidc_client_secret,
        server_metadata_url=f"{config.oidc_issuer.rstrip('/')}/.well-known/openid-configuration",
        client_kwargs={"scope": "openid profile email", "code_challenge_method": "S256",
                       "default_timeout": config.oidc_timeout_seconds},
    )


@bp.get("/login/oidc")
def start() -> Any:
    """Send the browser to the provider; `next` and a re-authentication request survive the round trip."""
    client = _client()
    session[NEXT] = _safe_next(request.args.get("next")) or ""
    # Approving a decision needs a fresh authentication: ask the provider to authenticate again rather than
    # reuse its own session (auth_time in the ID token then says when).
    extra = {"prompt": "login"} if request.args.get("reauth") else {}
    try:
        _checked_metadata(client)
        return client.authorize_redirect(url_for("oidc.callback", _external=True), **extra)
    except OSError:  # requests' errors are OSErrors: the provider did not answer
        log.warning("oidc provider unreachable at start", exc_info=True)
        return _refused(UNREACHABLE, 503)
    except ValueError:  # a discovery document that names another issuer: misconfigured, never followed
        log.error("oidc discovery document names another issuer")
        return _refused(FAILED, 502)


@bp.get("/login/oidc/callback")
def callback() -> Any:
    """Verify the provider's answer, map the person to a user and start the same session a local login does."""
    client = _client()
    next_url = session.get(NEXT) or None
    try:
        identity = _identity(client)
    except OSError:
        log.warning("oidc provider unreachable at callback", exc_info=True)
        return _refused(UNREACHABLE, 503)
    except (AuthlibBaseError, JoseError, ValueError, KeyError) as exc:
        # A forged or replayed answer, a wrong nonce, audience, issuer or signature, an expired token, or the
        # provider's own refusal: one message for all, the detail in the log only.
        log.warning("oidc login refused: %s", type(exc).__name__)
        return _refused(FAILED, 400)
    try:
        row = oidc_accounts.login(get_session(), current_app.extensions[MAPPING], identity,
                                  current_app.extensions["bevoegd"].book.powers)
    except oidc_accounts.SsoRefused as exc:
        return _refused(exc.message, 403)
    session.clear()  # a new session after login: nothing set before it (fixation) survives
    session["sid"] = row.id
    login_user(row.user)
    return redirect(next_url or url_for("pages.home"))


def _identity(client: Any) -> oidc_accounts.Identity:
    """The verified claims of the ID token, with the groups from userinfo when the token leaves them out."""
    metadata = _checked_metadata(client)
    options = {"iss": {"essential": True, "value": metadata["issuer"]},
               "aud": {"essential": True, "value": client.client_id},
               "exp": {"essential": True}, "sub": {"essential": True}}
    token = client.authorize_access_token(claims_options=options, leeway=60)
    if "userinfo" not in token:  # authlib verifies an ID token only when one came: without one, no login
        raise ValueError("no id_token in the token response")
    claims = dict(token["userinfo"])
    if len(claims["sub"]) > 255:
        raise ValueError("subject too long")
    mapping = current_app.extensions[MAPPING]
    if not mapping.has_claim(claims) and metadata.get("userinfo_endpoint"):
        extra = client.userinfo(token=token)
        if extra.get("sub") == claims["sub"] and mapping.claim in extra:
            claims[mapping.claim] = extra[mapping.claim]
    auth_time = claims.get("auth_time")
    moment = datetime.fromtimestamp(auth_time, UTC) if isinstance(auth_time, int | float) else None
    return oidc_accounts.Identity(metadata["issuer"], claims["sub"], claims, moment)


def _checked_metadata(client: Any) -> dict[str, Any]:
    """The discovery document must name the configured issuer (OpenID Connect Discovery §4.3), or a provider
    could vouch for tokens of another."""
    metadata = client.load_server_metadata()
    configured = current_app.extensions["bevoegd"].config.oidc_issuer
    if str(metadata.get("issuer", "")).rstrip("/") != configured.rstrip("/"):
        raise ValueError("issuer in discovery document differs from the configured issuer")
    return metadata


def _client() -> Any:
    oauth = current_app.extensions.get("authlib.integrations.flask_client")
    if oauth is None:
        abort(404)
    return oauth.create_client(CLIENT)


def _refused(message: str, status: int) -> Any:
    return render_template("auth/login.html", errors={"_schema": [message]}), status
