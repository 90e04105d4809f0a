"""Who calls /api/v1: a person with the session cookie (and a CSRF token on every POST), or a machine client
with `Authorization: Bearer <token>` (no cookie, no CSRF token, no Referer).

A bearer token is read only on the API blueprint's routes and wins over a cookie there. CSRF protects the
cookie: a browser adds it to a forged cross-site request by itself, but never an Authorization header, so a
request that a valid token authenticated needs no CSRF token. A request whose Authorization header does not
authenticate is refused (401) and never falls back to the cookie.
"""

from __future__ import annotations

from typing import Any

from flask import Response, current_app, g, request
from flask_login import current_user

from app.db import get_session
from app.models import User
from app.security import csrf
from app.services import api_tokens
from app.services.cases import record_denied

BLUEPRINT = "api"
# The scope a token needs per API operation; an operation in neither list is not open to tokens at all.
SCOPE_OF = {"api.create_melding": "meldingen:schrijven", "api.evaluate": "evaluaties"}
PUBLIC = {"api.csrf"}
NOT_AUTHENTICATED = {"title": "Niet ingelogd",
                     "message": "Log in, of stuur een geldig API-token mee (Authorization: Bearer).", "errors": {}}


def presents_token() -> bool:
    """The request is an API call that carries an Authorization header (which must then authenticate it)."""
    return request.blueprint == BLUEPRINT and "Authorization" in request.headers


def user_from_token(_request: Any) -> User | None:  # noqa: ANN401 - Flask-Login passes the request
    """Flask-Login's request loader: the token's system account, with the use in the access log."""
    if not presents_token():
        return None
    scheme, _, token = request.headers["Authorization"].partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    row = api_tokens.authenticate(get_session(), token.strip(), origin=request.remote_addr or "",
                                  what=f"{request.method} {request.path}")
    if row is None:
        return None
    g.api_token = row
    return row.user


def guard() -> Any:
    """The API blueprint's before-request hook: a token must authenticate and hold the operation's scope;
    without one, a state-changing call must carry the CSRF token of the cookie's session."""
    if not presents_token():
        if current_app.config.get("WTF_CSRF_ENABLED", True):
            csrf.protect()  # raises CSRFError (400) for a cookie request without a valid token
        return None
    _ = current_user.is_authenticated  # load the user now: the token is checked here, once per request
    token = g.get("api_token")
    if token is None:
        return NOT_AUTHENTICATED, 401, {"WWW-Authenticate": 'Bearer realm="bevoegd"'}
    endpoint = request.endpoint or ""
    needed = SCOPE_OF.get(endpoint)
    if endpoint not in PUBLIC and needed not in token.scopes:
        record_denied(get_session(), current_user, object_type="route", object_id=endpoint, case_id="-",
                      origin=request.remote_addr or "", reason="buiten de scope van het API-token")
        return {"title": "Geen toegang", "message": "Dit API-token geeft geen toegang tot deze handeling.",
                "errors": {"scope": [f"Nodig: {needed}."]} if needed else {}}, 403
    return None


def no_store(response: Response) -> Response:
    """A token's answers are never cached (the cookie's are by security.py); reads `g` only, no database."""
    if g.get("api_token") is not None:
        response.headers["Cache-Control"] = "no-store"
    return response
