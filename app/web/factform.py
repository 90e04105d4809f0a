"""The editable-facts form of a power, built from its case-file schema: one input per editable field.

A choice becomes a select with the power's Dutch labels, a whole number a number field, a yes/no a
select, a moment a date-and-time field and free text a text field, so a new power needs no form HTML
for its facts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from marshmallow import fields, validate

from app.schemas.fields import Moment


@dataclass(frozen=True)
class FactField:
    """One input of the facts form."""

    name: str
    kind: str  # select | number | yes_no | moment | date | text
    choices: tuple[str, ...] = ()


def fact_fields(schema: type[Any], editable: tuple[str, ...]) -> list[FactField]:
    """The inputs for a power's editable facts, in the order the power lists them."""
    declared = schema._declared_fields
    return [_field(name, declared[name]) for name in editable]


def _field(name: str, field: fields.Field) -> FactField:
    choices = next((v.choices for v in field.validators if isinstance(v, validate.OneOf)), None)
    if choices is not None:
        return FactField(name, "select", tuple(choices))
    if isinstance(field, Moment):
        return FactField(name, "moment")
    if isinstance(field, fields.Boolean):
        return FactField(name, "yes_no", ("true", "false"))
    if isinstance(field, fields.Integer):
        return FactField(name, "number")
    if isinstance(field, fields.Date):
        return FactField(name, "date")
    return FactField(name, "text")


def form_value(value: Any) -> Any:
    """A stored case-file value as an input shows it (booleans as true/false, moments in local time)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str) and "T" in value and value[:4].isdigit():
        return Moment.local_text(value)
    return value
