"""Login, logout, the session-to-user loader and the role and re-authentication guards."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar
from urllib.parse import urlsplit

from flask import Blueprint, Flask, abort, current_app, flash, g, redirect, render_template, request, session, url_for
from flask_login import LoginManager, current_user, login_user, logout_user
from itsdangerous import BadData, URLSafeTimedSerializer

from app.db import get_session
from app.models import User
from app.services import accounts
from app.services.cases import record_denied
from app.web import api_auth

bp = Blueprint("auth", __name__)
login_manager = LoginManager()
F = TypeVar("F", bound=Callable[..., Any])
# A browser a person logged in from before (signed with the secret key): the login throttle then lets only that
# name's own counter at that address make it wait (services/accounts.login).
DEVICE_COOKIE = "bevoegd_apparaat"
DEVICE_DAYS = 90


def init_app(app: Flask) -> None:
    """Flask-Login with server-side session rows; unauthenticated API calls get 401, pages a redirect."""
    login_manager.init_app(app)
    login_manager.session_protection = "strong"
    login_manager.login_view = "auth.login"
    login_manager.login_message = "Log in om verder te gaan."
    login_manager.login_message_category = "info"
    login_manager.user_loader(_load_user)
    login_manager.request_loader(api_auth.user_from_token)  # machine clients: Authorization: Bearer on /api/v1
    login_manager.unauthorized_handler(_unauthorized)


def _load_user(user_id: str) -> User | None:
    if api_auth.presents_token():
        return None  # on the API a token, not the cookie, says who calls (the request loader checks it)
    row = accounts.live_session(get_session(), _config(), session.get("sid", ""))
    if row is None or str(row.user_id) != user_id:
        return None
    g.login_session = row
    return row.user


def _unauthorized() -> Any:
    if request.path.startswith("/api/"):
        return api_auth.NOT_AUTHENTICATED, 401, {"WWW-Authenticate": 'Bearer realm="bevoegd"'}
    flash("Log in om verder te gaan.", "info")
    return redirect(url_for("auth.login", next=request.full_path))


@bp.get("/login")
def login() -> str:
    return render_template("auth/login.html", errors={})


@bp.post("/login")
def login_post() -> Any:
    username = request.form.get("username", "").strip()
    try:
        row = accounts.login(get_session(), _config(), username, request.form.get("password", ""),
                             request.remote_addr or "",  # the client's address behind trusted proxies (ProxyFix)
                             known_device=bool(username) and _device_of() == username)
    except accounts.TooManyAttempts as exc:
        page = render_template("auth/login.html", errors={"_schema": [exc.message]})
        return page, 429, {"Retry-After": str(exc.wait)}
    except accounts.LoginFailed as exc:
        return render_template("auth/login.html", errors={"_schema": [exc.message]}), 400
    session.clear()
    session["sid"] = row.id
    login_user(row.user)
    response = redirect(_safe_next(request.args.get("next")) or url_for("pages.home"))
    response.set_cookie(DEVICE_COOKIE, _devices().dumps(username), max_age=DEVICE_DAYS * 86400, httponly=True,
                        secure=_config().session_cookie_secure, samesite="Lax")
    return response


def _devices() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.secret_key, salt="bekend-apparaat")


def _device_of() -> str | None:
    """The user name this browser last logged in with (signed cookie), if any."""
    try:
        return _devices().loads(request.cookies.get(DEVICE_COOKIE, ""), max_age=DEVICE_DAYS * 86400)
    except BadData:
        return None


@bp.post("/logout")
def logout() -> Any:
    if current_user.is_authenticated:
        accounts.logout(get_session(), session.get("sid", ""))
    logout_user()
    session.clear()
    flash("U bent uitgelogd.", "ok")
    return redirect(url_for("auth.login"))


def role_required(*roles: str) -> Callable[[F], F]:
    """Allow only these roles; others get 403 and a denied access row."""

    def decorator(view: F) -> F:
        @wraps(view)
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            if not current_user.is_authenticated:
                return current_app.login_manager.unauthorized()
            if current_user.role not in roles:
                deny(object_type="route", object_id=request.endpoint or "", case_id="-")
                abort(403)
            return view(*args, **kwargs)

        return wrapped  # type: ignore[return-value]

    return decorator


def deny(*, object_type: str, object_id: object, case_id: object) -> None:
    """Record a denied access in its own transaction (the request itself fails)."""
    record_denied(get_session(), current_user, object_type=object_type, object_id=object_id, case_id=case_id,
                  origin=request.remote_addr or "")


def recently_authenticated() -> bool:
    """Approval needs a password entry within the last 15 minutes."""
    row = g.get("login_session")
    return row is not None and accounts.recently_authenticated(row, _config())


def _safe_next(target: str | None) -> str | None:
    if not target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/"):
        return None
    return target.rstrip("?")


def _config():  # noqa: ANN202
    return current_app.extensions["bevoegd"].config
