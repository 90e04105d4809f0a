"""The one exception-to-HTTP map: Dutch pages for people, structured JSON for the API; rollback first."""

from __future__ import annotations

import logging
import uuid
from typing import Any

from flask import Flask, current_app, g, render_template, request
from flask_wtf.csrf import CSRFError
from marshmallow import ValidationError
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.orm.exc import StaleDataError
from werkzeug.exceptions import HTTPException

from app.db import get_session
from app.domain import errors as e
from app.web.forms import flatten_errors

log = logging.getLogger(__name__)

# exception -> (status, Dutch title); the exception's own message is the body.
DOMAIN_STATUS: tuple[tuple[type[e.DomainError], int, str], ...] = (
    (e.JudgementMissing, 400, "Afwegingen ontbreken"),
    (e.InvalidInput, 400, "Controleer de invoer"),
    (e.InvalidTransition, 409, "Deze stap kan nu niet"),
    (e.ConcurrentEdit, 409, "Intussen gewijzigd"),
    (e.StaleDocument, 409, "De brief is gewijzigd"),
    (e.FourEyesViolation, 403, "Vier ogen"),
    (e.MandateMissing, 403, "Geen mandaat"),
    (e.RulesNotInForce, 422, "De regels dekken deze datum niet"),
    (e.ParameterNotInForce, 422, "De regels dekken deze datum niet"),
    (e.UnknownPower, 422, "Onbekende bevoegdheid"),
)
HTTP_TITLES = {400: "Ongeldig verzoek", 401: "Niet ingelogd", 403: "Geen toegang", 404: "Niet gevonden",
               405: "Methode niet toegestaan", 409: "Conflict", 413: "Te groot", 422: "Niet verwerkbaar",
               429: "Te veel verzoeken", 500: "Er ging iets mis", 503: "Tijdelijk niet beschikbaar"}


def register_error_handlers(app: Flask) -> None:
    """Map every exception kind to one response shape."""
    app.register_error_handler(ValidationError, _validation)
    app.register_error_handler(e.DomainError, _domain)
    app.register_error_handler(StaleDataError, lambda exc: _domain(e.ConcurrentEdit()))
    app.register_error_handler(CSRFError, _csrf)
    for unreachable in (OperationalError, InterfaceError, PoolTimeout):  # the database is down or full
        app.register_error_handler(unreachable, _unavailable)
    app.register_error_handler(DBAPIError, _database)
    app.register_error_handler(HTTPException, _http)
    app.register_error_handler(Exception, _unexpected)


def wants_json() -> bool:
    """API routes and JSON clients get JSON."""
    return request.path.startswith("/api/") or request.accept_mimetypes.best == "application/json"


def respond(status: int, title: str, message: str, errors: dict[str, Any] | None = None,
            error_id: str | None = None) -> tuple[Any, int]:
    """One response in the client's format (the page needs no database: 5xx pages leave out the navigation)."""
    _rollback()
    if wants_json():
        body: dict[str, Any] = {"title": title, "message": message, "errors": errors or {}}
        if error_id:
            body["error_id"] = error_id
        return body, status
    if status >= 500 and "_login_user" not in g:
        # Flask-Login's template context loads the user (a query) for every page; a 5xx page shows no user, and
        # after a database failure that query would fail again and replace the 503 with a 500.
        g._login_user = current_app.login_manager.anonymous_user()
    return render_template("errors/error.html", code=status, title=title, message=message,
                           errors=errors or {}, error_id=error_id), status


def _validation(exc: ValidationError) -> tuple[Any, int]:
    status = 422 if wants_json() else 400
    return respond(status, "Controleer de invoer", "Niet alle velden zijn goed ingevuld.", exc.normalized_messages())


def status_for(exc: Exception, *, form: bool = False) -> int:
    """The one exception -> HTTP status map: input problems are 400 on a form page and 422 in the API."""
    if isinstance(exc, ValidationError):
        return 400 if form else 422
    status = next((s for cls, s, _ in DOMAIN_STATUS if isinstance(exc, cls)), 500)
    return 400 if status == 422 and form and isinstance(exc, e.FactsRejected) else status


def form_errors(exc: Exception) -> dict[str, list[str]]:
    """Field messages for a form page: the missing judgements' own fields, or the domain rule's fields."""
    if isinstance(exc, ValidationError):
        return flatten_errors(exc.messages)
    if isinstance(exc, e.JudgementMissing):
        return {f"{code}.outcome": ["Deze afweging is nog niet vastgelegd."] for code in exc.missing}
    if isinstance(exc, e.InvalidInput | e.FactsRejected):
        return {field: [message] for field, message in exc.errors.items()}
    return {"_schema": [getattr(exc, "message", str(exc))]}


def _domain(exc: e.DomainError) -> tuple[Any, int]:
    status, title = next(((s, t) for cls, s, t in DOMAIN_STATUS if isinstance(exc, cls)), (None, None))
    if status is None:
        return _unexpected(exc)
    if isinstance(exc, e.RulesNotInForce | e.ParameterNotInForce):
        log.error("rules not in force: %s", exc.message)  # a rules change is needed: alert
    if status == 400 and wants_json():
        status = 422  # the API answers every input problem with 422 and field messages
    return respond(status, title, exc.message, _details(exc))


def _details(exc: e.DomainError) -> dict[str, Any]:
    if isinstance(exc, e.JudgementMissing):
        return {code: ["Deze afweging is nog niet vastgelegd."] for code in exc.missing}
    if isinstance(exc, e.InvalidInput | e.FactsRejected):
        return {field: [message] for field, message in exc.errors.items()}
    return {}


def _csrf(exc: CSRFError) -> tuple[Any, int]:
    log.warning("csrf failure on %s", request.path)
    return respond(400, "Formulier verlopen",
                   "Het formulier is verlopen. Laad de pagina opnieuw en probeer het nog eens.")


def _rollback() -> None:
    """Drop the failed use case's changes; with the database gone the rollback itself may fail, and that must
    not replace the answer being built."""
    try:
        get_session().rollback()
    except DBAPIError:
        log.warning("rollback failed: database unreachable")


def _database(exc: DBAPIError) -> tuple[Any, int]:
    """A lost connection surfaces as whichever DB-API error the driver was in: unavailable, not a defect."""
    return _unavailable(exc) if exc.connection_invalidated else _unexpected(exc)


def _unavailable(exc: Exception) -> tuple[Any, int]:
    log.error("database unavailable: %s", type(exc).__name__)
    body, status = respond(503, HTTP_TITLES[503], "De dienst is tijdelijk niet beschikbaar. Probeer het zo opnieuw.")
    return body, status, {"Retry-After": "5"}  # type: ignore[return-value]


def _http(exc: HTTPException) -> tuple[Any, int]:
    status = exc.code or 500
    messages = (getattr(exc, "data", None) or {}).get("messages")  # webargs' 422: {location: {field: [..]}}
    if status == 422 and isinstance(messages, dict):
        errors = {k: v for location in messages.values() for k, v in location.items()}
        return respond(422, "Controleer de invoer", "Niet alle velden zijn goed ingevuld.", errors)
    message = _HTTP_MESSAGES.get(status, "Het verzoek kon niet worden verwerkt.")
    return respond(status, HTTP_TITLES.get(status, "Fout"), message)


def _unexpected(exc: Exception) -> tuple[Any, int]:
    error_id = uuid.uuid4().hex[:12]
    log.exception("unhandled error %s", error_id)
    return respond(500, HTTP_TITLES[500], "Er ging iets mis. Noem dit foutnummer als u contact opneemt.",
                   error_id=error_id)


_HTTP_MESSAGES = {
    403: "U heeft geen toegang tot deze pagina.",
    404: "Deze pagina of zaak bestaat niet, of u heeft er geen toegang toe.",
    405: "Deze handeling is hier niet mogelijk.",
    413: "Het verzoek is te groot.",
}
