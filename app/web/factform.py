"""The editable-facts form of a power, built from its case-file schema: one input per editable field.

A choice becomes a select with the power's Dutch labels, a whole number a number field, a yes/no a
select, a moment a date-and-time field and free text a text field, so a new power needs no form HTML
for its facts. A list of records (a chronology of incidents) becomes rows of those inputs with dotted names
(`incidents.0.at`): the stored rows to correct, plus empty rows to add to (a row left empty is dropped).
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
    kind: str  # select | number | yes_no | moment | date | text | rows
    choices: tuple[str, ...] = ()
    columns: tuple[FactField, ...] = ()  # the inputs of one row (kind rows)


EMPTY_ROWS = 2  # rows offered to add to a list of records


def fact_fields(schema: type[Any], editable: tuple[str, ...]) -> list[FactField]:
    """The inputs for a power's editable facts, in the order the power lists them."""
    declared = schema._declared_fields
    return [_field(name, declared[name]) for name in editable]


def _field(name: str, field: fields.Field) -> FactField:
    if isinstance(field, fields.List) and isinstance(field.inner, fields.Nested):
        inner = field.inner.schema
        return FactField(name, "rows", columns=tuple(_field(n, f) for n, f in inner.fields.items() if not f.dump_only))
    choices = next((v.choices for v in field.validators if isinstance(v, validate.OneOf)), None)
    if choices is not None:
        return FactField(name, "select", tuple(choices))
    if isinstance(field, fields.Boolean):
        return FactField(name, "yes_no", ("true", "false"))
    return FactField(name, _scalar_kind(field))


def _scalar_kind(field: fields.Field) -> str:
    kinds = ((Moment, "moment"), (fields.Integer, "number"), (fields.Date, "date"))
    return next((kind for cls, kind in kinds if isinstance(field, cls)), "text")


def rows_of(value: Any) -> list[Any]:
    """The stored rows of a list of records and the empty rows to add to."""
    stored = [row for row in value or () if isinstance(row, dict)]
    return [*stored, *({} for _ in range(EMPTY_ROWS))]


def form_value(value: Any) -> Any:
    """A stored case-file value as an input shows it (booleans as true/false, moments in local time)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str) and "T" in value and value[:4].isdigit():
        return Moment.local_text(value)
    return value
