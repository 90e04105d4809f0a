"""Turn flat HTML form fields with dotted names (adres.straat, gegevens.substances.0.name) into nested data,
and marshmallow's nested errors back into flat field names for the error summary.

A browser only sends the names our pages render, but anyone can post any name. A crafted name must come back as
a Dutch 400, never reach code that expects a dict and finds a string (that was an HTTP 500): so `nest` refuses a
name used both as a value and as a group (`gegevens=x` with `gegevens.a=y`), names deeper, longer or with a
larger row number than any form has, and, given the schema, a value where the schema expects a group or list.
"""

from __future__ import annotations

from typing import Any

from marshmallow import Schema, fields
from werkzeug.datastructures import MultiDict

from app.domain.errors import InvalidInput
from app.web.converters import MAX_ID

NOT_DATA = ("csrf_token",)  # form plumbing, never part of a use case's input
MAX_NAME = 200  # characters; the longest name a page renders is far shorter
MAX_DEPTH = 6  # dotted parts; the deepest field a page renders (gegevens.substances.0.name) has four
MAX_ROW = 999  # a row number; no form has that many rows
BAD_SHAPE = "Het formulier is niet goed verstuurd: een veld heeft een onverwachte vorm. Laad de pagina opnieuw."
ANY = "any"  # a field whose value may have any shape (a Dict field, or a schema chosen at load time)


def fields_of(form: MultiDict[str, str]) -> dict[str, str]:
    """The submitted fields without the CSRF token (the schemas reject unknown fields)."""
    return {k: v for k, v in form.items() if k not in NOT_DATA}


def nest(form: MultiDict[str, str], list_fields: tuple[str, ...] = (),
         schema: Schema | type[Schema] | None = None) -> dict[str, Any]:
    """Nested dict from dotted names; `list_fields` are multi-valued (checkboxes); blank values are dropped.
    With `schema`, a value where it expects a group or a list (or the reverse) is refused too.
    Raises InvalidInput (a Dutch 400) for a name no form of ours sends."""
    data: dict[str, Any] = {}
    for key in (k for k in form if k not in NOT_DATA):
        values = [v for v in form.getlist(key) if v.strip()]
        if key in list_fields:
            _put(data, _path(key), values)
        elif values:
            _put(data, _path(key), values[0])
    nested = _lists(data)
    if schema is not None:
        _conform(nested, shape_of(schema))
    return nested


def part(data: dict[str, Any], name: str) -> dict[str, Any]:
    """The group `name` of nested form data (a form whose fields are prefixed), refusing a plain value."""
    value = data.get(name, {})
    if not isinstance(value, dict):
        raise _bad_shape()
    return value


def _bad_shape() -> InvalidInput:
    """The message twice: as the form's error, and as the message of the generic 400 page."""
    return InvalidInput({"_schema": BAD_SHAPE}, BAD_SHAPE)


def number(text: object) -> int | None:
    """A form's row number or id as an int, or None: ASCII digits only (str.isdigit also takes "²", which int()
    refuses) and at most MAX_ID (no id column holds more; int() of a very long string raises)."""
    value = str(text or "")
    if not (value.isascii() and value.isdigit()) or len(value) > len(str(MAX_ID)) or int(value) > MAX_ID:
        return None
    return int(value)


def _path(key: str) -> list[str]:
    path = key.split(".")
    if len(key) > MAX_NAME or len(path) > MAX_DEPTH or not all(path):
        raise _bad_shape()
    if any(p.isdigit() and (number(p) is None or int(p) > MAX_ROW) for p in path):
        raise _bad_shape()
    return path


def _put(data: dict[str, Any], path: list[str], value: Any) -> None:
    for part_ in path[:-1]:
        data = data.setdefault(part_, {})
        if not isinstance(data, dict):  # `gegevens=x` came first, now `gegevens.a=y`
            raise _bad_shape()
    if isinstance(data.get(path[-1]), dict):  # `gegevens.a=y` came first, now `gegevens=x`
        raise _bad_shape()
    data[path[-1]] = value


def _lists(node: Any) -> Any:
    """Dicts whose keys are all digits become lists, in index order (table rows of the form)."""
    if not isinstance(node, dict):
        return node
    converted = {k: _lists(v) for k, v in node.items()}
    if converted and all(number(k) is not None for k in converted):
        return [converted[k] for k in sorted(converted, key=int)]
    return converted


def shape_of(schema: Schema | type[Schema]) -> dict[str, Any]:
    """{name: None (a value) | {..} (a group) | [shape] (rows) | ANY} from the schema's declared fields."""
    cls = schema if isinstance(schema, type) else type(schema)
    return {declared.data_key or name: _field_shape(declared) for name, declared in cls._declared_fields.items()}


def _field_shape(declared: fields.Field) -> Any:
    if isinstance(declared, fields.List):
        return [_field_shape(declared.inner)]
    if isinstance(declared, fields.Nested):
        if not isinstance(declared.nested, type) or not issubclass(declared.nested, Schema):
            return ANY
        inner = shape_of(declared.nested)
        return [inner] if declared.many else inner
    if isinstance(declared, fields.Dict) or type(declared) in (fields.Field, fields.Raw):
        return ANY
    return None


def _conform(value: Any, shape: Any) -> None:
    """Refuse a value whose shape differs from the schema's; unknown names are left to the schema."""
    if shape == ANY:
        return
    if isinstance(shape, dict):
        if not isinstance(value, dict):
            raise _bad_shape()
        for name, item in value.items():
            if name in shape:
                _conform(item, shape[name])
    elif isinstance(shape, list):
        if not isinstance(value, list):
            raise _bad_shape()
        for item in value:
            _conform(item, shape[0])
    elif isinstance(value, dict | list):
        raise _bad_shape()


def flatten_errors(messages: Any, prefix: str = "") -> dict[str, list[str]]:
    """{'adres': {'straat': ['x']}} -> {'adres.straat': ['x']}."""
    if isinstance(messages, list):
        return {prefix or "_schema": [str(m) for m in messages if not isinstance(m, dict)]}
    flat: dict[str, list[str]] = {}
    for key, value in messages.items():
        flat.update(flatten_errors(value, f"{prefix}.{key}" if prefix else str(key)))
    return flat
