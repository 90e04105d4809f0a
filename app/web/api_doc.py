"""The OpenAPI document of /api/v1, made to say what the service does (issue 13, checked by schemathesis).

What flask-smorest and apispec leave out or get wrong is added here: the error body every failure really has
(web/errors.py), both ways to authenticate, the statuses each operation answers, the Idempotency-Key header,
the registered powers and their fact vocabularies, non-blank required strings and exclusive bounds.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from http import HTTPStatus
from typing import Any

from flask import Flask
from flask_smorest import Api
from marshmallow import Schema, fields, validate

from app.powers import registry
from app.rulebook.factcheck import NUMBER_LIMIT
from app.rulebook.vocabulary import FactSpec
from app.schemas.fields import CleanString

# A required string must hold a visible character: the server strips it and refuses what is left empty.
NOT_BLANK = r"[^\s\x00-\x1f\x7f-\x9f]"
COOKIE_AUTH = {"sessionCookie": [], "csrfToken": []}
BEARER_AUTH = {"bearerToken": []}
IDEMPOTENCY_KEY = {
    "name": "Idempotency-Key", "in": "header", "required": False,
    "schema": {"type": "string", "minLength": 8, "maxLength": 64, "pattern": NOT_BLANK},
    "description": "Maakt opnieuw versturen veilig: dezelfde sleutel geeft hetzelfde antwoord en geen tweede zaak. "
                   "Verplicht, tenzij de melding zelf een submission_id heeft.",
}


class ErrorSchema(Schema):
    """Every error of the API (web/errors.py `respond`, web/api_auth.py): a title, a message, field messages."""

    title = fields.String(required=True, metadata={"description": "Korte titel van de fout"})
    message = fields.String(required=True, metadata={"description": "Uitleg in het Nederlands"})
    errors = fields.Dict(required=True, metadata={
        "description": "Per veld de meldingen (een lijst teksten; bij een genest veld een genest object); leeg "
                       "als de fout geen veld betreft"})
    error_id = fields.String(metadata={"description": "Foutnummer bij een onverwachte fout (500)"})


class BevoegdApi(Api):
    ERROR_SCHEMA = ErrorSchema


def errors_documented(blp: Any, *codes: int) -> Callable[[Any], Any]:
    """Document the error statuses an operation answers, each with the Error body."""

    def decorator(view: Any) -> Any:
        for code in codes:
            view = blp.alt_response(code, response=HTTPStatus(code).name)(view)
        return view

    return decorator


def describe(api: Api, app: Flask) -> None:
    """Security schemes, field conversions and the components the operations refer to; before the blueprint."""
    api.spec.components.security_scheme(
        "sessionCookie", {"type": "apiKey", "in": "cookie", "name": app.config["SESSION_COOKIE_NAME"],
                          "description": "Sessiecookie na inloggen via /login; POST vraagt ook csrfToken."})
    api.spec.components.security_scheme(
        "csrfToken", {"type": "apiKey", "in": "header", "name": "X-CSRFToken",
                      "description": "CSRF-token van GET /api/v1/csrf, bij elke POST met de sessiecookie."})
    api.spec.components.security_scheme(
        "bearerToken", {"type": "http", "scheme": "bearer",
                        "description": "API-token van een ander systeem (aangemaakt door een beheerder): geen "
                                       "cookie, geen CSRF-token. Werkt alleen binnen de toegang van het token."})
    api.ma_plugin.converter.add_attribute_function(_server_rules)
    for code, spec in registry().items():  # each power's melding and case file, by name
        api.spec.components.schema(melding_component(code), schema=spec.melding_schema)
    book = app.extensions["bevoegd"].book
    for code in book.powers:
        api.spec.components.schema(facts_component(code), component=_facts_schema(book.index(code)))


def melding_component(code: str) -> str:
    return f"Melding_{code}"


def facts_component(code: str) -> str:
    return f"Feiten_{code}"


def melding_body(example: dict[str, Any]) -> dict[str, Any]:
    """The request body of POST /meldingen: one of the powers' melding schemas, chosen by `zaaktype`."""
    refs = [{"$ref": f"#/components/schemas/{melding_component(code)}"} for code in registry()]
    mapping = {code: f"#/components/schemas/{melding_component(code)}" for code in registry()}
    return {"required": True, "content": {"application/json": {
        "schema": {"oneOf": refs, "discriminator": {"propertyName": "zaaktype", "mapping": mapping}},
        "examples": {"voorbeeld": {"summary": "Een geldige melding", "value": example}}}}}


def example_melding() -> dict[str, Any]:
    """The first power's example melding (its package's `api_example.MELDING`), for the document's examples."""
    for spec in registry().values():
        package = spec.melding_schema.__module__.rsplit(".", 1)[0]
        try:
            return dict(importlib.import_module(f"{package}.api_example").MELDING)
        except ModuleNotFoundError:
            continue
    return {}


def _server_rules(self: Any, field: Any, ret: dict[str, Any], **_: Any) -> dict[str, Any]:  # noqa: ANN401
    """What the server checks beyond apispec's conversion: non-blank required text, exclusive bounds, the
    registered powers and, for `facts`, the power's vocabulary."""
    out: dict[str, Any] = {}
    if isinstance(field, CleanString) and field.required:
        out["minLength"] = max(1, ret.get("minLength", 0))
        out.setdefault("pattern", ret.get("pattern", NOT_BLANK))
    for rule in field.validators:
        if isinstance(rule, validate.Range) and rule.min is not None and not rule.min_inclusive:
            out["exclusiveMinimum"] = True
        if isinstance(rule, validate.Range) and rule.max is not None and not rule.max_inclusive:
            out["exclusiveMaximum"] = True
    if field.metadata.get("power_code"):
        out["enum"] = list(registry())
    if field.metadata.get("power_facts"):
        out["oneOf"] = [{"$ref": f"#/components/schemas/{facts_component(code)}"} for code in registry()]
    return out


def _facts_schema(index: Any) -> dict[str, Any]:  # noqa: ANN401 - rulebook.vocabulary.PowerIndex
    """One flat fact of a power: every fact of its vocabulary, exactly those, each of its type."""
    return {"type": "object", "description": f"De feiten van {index.title}: alle feiten van de woordenlijst.",
            "properties": {name: _fact(spec) for name, spec in index.facts.items()},
            "required": sorted(index.facts), "additionalProperties": False}


def _fact(spec: FactSpec) -> dict[str, Any]:
    described = {"description": spec.description} if spec.description else {}
    if spec.type == "bool":
        return {"type": "boolean", **described}
    if spec.type == "enum":
        return {"type": "string", "enum": list(spec.values), **described}
    low = -NUMBER_LIMIT if spec.minimum is None else max(spec.minimum, -NUMBER_LIMIT)
    high = NUMBER_LIMIT if spec.maximum is None else min(spec.maximum, NUMBER_LIMIT)
    return {"type": "number", "minimum": low, "maximum": high, **described}
