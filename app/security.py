"""Security baseline: cookie settings, CSRF on every form and cookie-authenticated API call, headers.

CSP is strict (no inline scripts or styles): the NL Design System CSS is served from our own static folder.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from flask import Flask, Response, session
from flask_talisman import Talisman
from flask_wtf.csrf import CSRFProtect

from app.config import Config

csrf = CSRFProtect()

CSP = {
    "default-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
}


def flask_settings(config: Config) -> dict[str, Any]:
    """Flask settings derived from our Config (security-reliability.md §4)."""
    return {
        "SECRET_KEY": config.secret_key,
        "TESTING": config.testing,
        "SESSION_COOKIE_NAME": config.session_cookie_name,
        "SESSION_COOKIE_SECURE": config.session_cookie_secure,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_PATH": "/",
        "PERMANENT_SESSION_LIFETIME": timedelta(hours=config.absolute_hours),
        "MAX_CONTENT_LENGTH": 10 * 1024 * 1024,
        "WTF_CSRF_ENABLED": config.csrf_enabled,
        "WTF_CSRF_TIME_LIMIT": 3600,
        "WTF_CSRF_SSL_STRICT": True,
        "API_TITLE": "Bevoegd API",
        "API_VERSION": "v1",
        "OPENAPI_VERSION": "3.0.3",
        "OPENAPI_URL_PREFIX": "/api/v1",
        "OPENAPI_JSON_PATH": "openapi.json",
        "JSON_SORT_KEYS": False,
    }


def init_app(app: Flask, config: Config) -> None:
    """CSRF, security headers and no-store caching for authenticated responses."""
    csrf.init_app(app)
    Talisman(
        app,
        force_https=config.env == "production",
        strict_transport_security=True,
        strict_transport_security_max_age=31536000,
        strict_transport_security_include_subdomains=True,
        content_security_policy=CSP,
        content_security_policy_nonce_in=["script-src"],
        frame_options="DENY",
        referrer_policy="strict-origin-when-cross-origin",
        session_cookie_secure=config.session_cookie_secure,
        session_cookie_http_only=True,
    )
    app.after_request(_no_store_when_authenticated)


def _no_store_when_authenticated(response: Response) -> Response:
    """Reads the signed cookie, never `current_user`: loading the user queries the database, and after a
    database failure that query failed again and turned the 503 into a 500. An error page is never cached."""
    if session.get("_user_id") is not None or response.status_code >= 500:
        response.headers["Cache-Control"] = "no-store"
    return response
