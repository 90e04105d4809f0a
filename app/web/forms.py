"""Turn flat HTML form fields with dotted names (adres.straat, gegevens.substances.0.name) into nested data,
and marshmallow's nested errors back into flat field names for the error summary."""

from __future__ import annotations

from typing import Any

from werkzeug.datastructures import MultiDict

NOT_DATA = ("csrf_token",)  # form plumbing, never part of a use case's input


def fields_of(form: MultiDict[str, str]) -> dict[str, str]:
    """The submitted fields without the CSRF token (the schemas reject unknown fields)."""
    return {k: v for k, v in form.items() if k not in NOT_DATA}


def nest(form: MultiDict[str, str], list_fields: tuple[str, ...] = ()) -> dict[str, Any]:
    """Nested dict from dotted names; `list_fields` are multi-valued (checkboxes); blank values are dropped."""
    data: dict[str, Any] = {}
    for key in (k for k in form if k not in NOT_DATA):
        values = [v for v in form.getlist(key) if v.strip()]
        if key in list_fields:
            _put(data, key.split("."), values)
        elif values:
            _put(data, key.split("."), values[0])
    return _lists(data)


def _put(data: dict[str, Any], path: list[str], value: Any) -> None:
    for part in path[:-1]:
        data = data.setdefault(part, {})
    data[path[-1]] = value


def _lists(node: Any) -> Any:
    """Dicts whose keys are all digits become lists, in index order (table rows of the form)."""
    if not isinstance(node, dict):
        return node
    converted = {k: _lists(v) for k, v in node.items()}
    if converted and all(k.isdigit() for k in converted):
        return [converted[k] for k in sorted(converted, key=int)]
    return converted


def flatten_errors(messages: Any, prefix: str = "") -> dict[str, list[str]]:
    """{'adres': {'straat': ['x']}} -> {'adres.straat': ['x']}."""
    if isinstance(messages, list):
        return {prefix or "_schema": [str(m) for m in messages if not isinstance(m, dict)]}
    flat: dict[str, list[str]] = {}
    for key, value in messages.items():
        flat.update(flatten_errors(value, f"{prefix}.{key}" if prefix else str(key)))
    return flat
